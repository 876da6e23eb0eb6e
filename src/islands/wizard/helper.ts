/**
 * 代问模式 (/check/?mode=helper): a school officer or village cadre asks family after family on one
 * phone. Behind this flag the wizard words its questions for the helper (「问家长：孩子住校吗？」, from
 * the glossary's `helper-…` entries, content/glossary.yaml), replaces the history entry at each step
 * instead of adding one (so Back never brings back an earlier family's answers), offers 「下一户，清空」
 * and hands the result to the family as a QR code (./Handoff.tsx, loaded only in this mode).
 */
import { formatAnswers, type Answers } from '../../rules/answers.ts';
import type { QuestionId } from '../../rules/questions.ts';
import { writeStored, type Terms } from './lib.ts';

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

/** The link the family scans: this page without the mode flag, with their answers. */
export function familyLink(answers: Answers, loc: Pick<Location, 'origin' | 'pathname'> = location): string {
  return `${loc.origin}${loc.pathname}#${formatAnswers(answers)}`;
}

/** Wipes what the wizard may have stored and the answers in the address (no history entry keeps them). */
export function wipe(): void {
  writeStored(null);
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i);
      if (k && k.indexOf('zz-') === 0) sessionStorage.removeItem(k);
    }
  } catch { /* storage off: nothing stored */ }
  history.replaceState(null, '', location.pathname + location.search);
}
