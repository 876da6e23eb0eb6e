/**
 * 代问模式 (/check/?mode=helper): a school officer or village cadre asks family after family on one
 * phone. Behind this flag the wizard words its questions for the helper (「问家长：孩子住校吗？」, from
 * the glossary's `helper-…` entries, content/glossary.yaml), replaces the history entry at each step
 * instead of adding one (so Back never brings back an earlier family's answers), offers 「下一户，清空」
 * and hands the result to the family as a QR code. What the first screen does not need (the 「下一户，清空」
 * bar, the wipe, the QR code) is in ./Handoff.tsx, loaded only in this mode, so the family's wizard stays small.
 */
import type { QuestionId } from '../../rules/questions.ts';
import type { Terms } from './lib.ts';

/** The query parameter (`?mode=helper`) that turns the mode on; the answers stay in the hash as usual. */
export const HELPER_QUERY = 'mode=helper';

/** Whether the page was opened in 代问模式. */
export function isHelperMode(search: string = location.search): boolean {
  return search.replace(/^\?/, '').split('&').indexOf(HELPER_QUERY) >= 0;
}

/** A helper string from the glossary (`helper-next` → 「下一户，清空」); its plain text with `plain`. */
export function helperWord(t: Terms, id: string, part: 'term' | 'plain' = 'term'): string {
  const e = t.get({ kind: 'term', id: `helper-${id}` });
  return (e && (part === 'plain' ? e.plain : e.short ?? e.term)) || '';
}

/** The question as the helper asks it: the glossary's `helper-q-<id>`, else 「问家长：」 + the question. */
export function helperTitle(t: Terms, id: QuestionId, title: string): string {
  return helperWord(t, `q-${id}`) || helperWord(t, 'ask') + title;
}

