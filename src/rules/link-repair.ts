/**
 * Lenient reading of answer links that apps have mangled on the way (issue 13). Pure string → string,
 * called first by parseAnswers (./answers.ts), so every reader of links gets the same repairs. Only
 * separators and full-width forms are repaired: the answer values themselves are ASCII codes (`senior`,
 * `2`, `dibao,tekun`, `510000`) that never contain `=`, `&`, `?`, `+`, spaces or full-width characters,
 * so these repairs cannot change a value that was right.
 *
 *   repairAnswerText('#stage=senior&amp;grade=2')              → 'stage=senior&grade=2'   (HTML-escaped &)
 *   repairAnswerText('stage%3Dsenior%26grade%3D2')             → 'stage=senior&grade=2'   (encoded = and &)
 *   repairAnswerText('stage=senior+&+grade=2')                 → 'stage=senior&grade=2'   (spaces around &)
 *   repairAnswerText('#stage=senior&grade=2?from=singlemessage&isappinstalled=0')
 *                                                              → 'stage=senior&grade=2&from=singlemessage&isappinstalled=0'
 *                                                                (a chat app's ?… glued after the hash; its
 *                                                                names are not answers and are ignored)
 *   repairAnswerText('stage＝senior＆grade＝２')                   → 'stage=senior&grade=2'   (full-width ＝ ＆ ２)
 *   repairAnswerText('#stage%EF%BC%9Dsenior')                  → 'stage=senior'           (as location.hash has it)
 *
 * answerTextOf(search, hash) picks where a page's answers are: the hash (`/check/#stage=…`), or, when
 * the hash has none, the query (`/check/?stage=…`, a link typed or rewritten with ? instead of #).
 */
import { QUESTION_IDS } from '../schema/questions.ts';

const NAMES: readonly string[] = QUESTION_IDS;

/** Repairs the separators of an answer string (with or without a leading `#` / `?`); see the module doc. */
export function repairAnswerText(input: string): string {
  let s = input.trim();
  // Full-width forms from Chinese input methods (＝ ＆ ２ ｓｅｎｉｏｒ), also as the browser percent-encodes
  // them in location.hash (%EF%BC%9D …): U+FF01–FF5E are the ASCII signs, digits and letters shifted.
  s = s.replace(/%EF%BC%([89AB][0-9A-F])|%EF%BD%([89AB][0-9A-F])/gi, (m) => decodeURIComponent(m));
  s = s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // &amp; (also &amp;amp; from escaping twice).
  s = s.replace(/&(amp;)+/gi, '&');
  // Encoded separators: %3D is =, %26 is &, %3F is ? (values never contain them).
  s = s.replace(/%3D/gi, '=').replace(/%26/gi, '&').replace(/%3F/gi, '?');
  // Leading #, ?, / (a router-style `#/stage=…`), and a second # or ? anywhere act as separators.
  s = s.replace(/^[#?/]+/, '').replace(/[#?]/g, '&');
  // Spaces (+, %20, real ones) around separators.
  s = s.replace(/(?:\+|%20|\s)*([&=])(?:\+|%20|\s)*/gi, '$1');
  return s.replace(/&{2,}/g, '&').replace(/^&|&$/g, '');
}

/** Whether a (repaired) answer string names at least one answer (`stage=`, `grade=`, …). */
export function hasAnswers(text: string): boolean {
  return repairAnswerText(text).split('&').some((p) => NAMES.indexOf(p.split('=')[0]!) >= 0);
}

/** Where a page's answers are: the hash, or the query when the hash carries none. */
export function answerTextOf(search: string, hash: string): string {
  return hasAnswers(hash) || !hasAnswers(search) ? hash : search;
}
