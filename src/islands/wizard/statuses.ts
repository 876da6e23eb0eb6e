/**
 * The results screens' status words and group headings (自动享受, 可以申请, 今年的申请时间已过 …):
 * content/statuses.yaml, the glossary's `kind: status` entries (fields as in content/glossary.yaml:
 * term, short, plain). The results module carries them itself, so the wizard's opening (the page's
 * block) does not (issue 16). src/data validates the same file as part of the glossary at build time,
 * so a bad entry fails the build before it can reach here. `Terms.plus(STATUS_TERMS)` looks them up.
 */
import statuses from '../../../content/statuses.yaml';
import type { Glossary } from './lib.ts';

export const STATUS_TERMS = statuses as Glossary;
