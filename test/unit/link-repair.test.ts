// Links that real apps mangle (issue 13): each mangled link must read as the clean link it came from,
// or say which answer was lost. The clean link, parsed, is the oracle; nothing here is copied from the code.
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/rules/answers.ts';
import { answerTextOf, repairAnswerText } from '../../src/rules/link-repair.ts';
import { quoteLinkValue, searchTermFromLink } from '../../src/lib/link-value.ts';

const CLEAN = '#stage=senior&grade=2&school=public&hukou=rural&family=dibao,tekun&region=510000';
const clean = parseAnswers(CLEAN);

const mangled: [string, string][] = [
  ['a messenger that escapes & as &amp; keeps every answer', CLEAN.replace(/&/g, '&amp;')],
  ['escaping twice (&amp;amp;) keeps every answer', CLEAN.replace(/&/g, '&amp;amp;')],
  ['= encoded as %3D keeps every answer', CLEAN.replace(/=/g, '%3D')],
  ['= and & encoded as %3D and %26 keep every answer', CLEAN.replace(/=/g, '%3D').replace(/&/g, '%26')],
  ['spaces around & written as + keep every answer', CLEAN.replace(/&/g, '+&+')],
  ['spaces around & and = written as %20 keep every answer', CLEAN.replace(/&/g, '%20&%20').replace(/=/g, '%20=')],
  ['answers after ? instead of # are read the same', CLEAN.replace('#', '?')],
  ["a chat app's ?from=singlemessage glued after the hash keeps the last answer", `${CLEAN}?from=singlemessage&isappinstalled=0`],
  ['a router-style #/ before the answers keeps every answer', CLEAN.replace('#', '#/')],
  ['full-width ＝ and ＆ from a Chinese keyboard keep every answer', CLEAN.replace(/=/g, '＝').replace(/&/g, '＆')],
  // What location.hash holds for a link typed with full-width signs: the browser percent-encodes them.
  ['full-width ＝ and ＆ as the browser percent-encodes them in location.hash keep every answer', encodeURI(CLEAN.replace(/=/g, '＝').replace(/&/g, '＆'))],
  ['full-width digits and letters (２, ｓｅｎｉｏｒ) read as the ASCII codes', CLEAN.replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace('＃', '#')],
];

describe('mangled answer links read as the clean link', () => {
  expect(clean.ok).toBe(true);
  for (const [name, link] of mangled) {
    it(name, () => {
      expect(parseAnswers(link)).toEqual(clean);
    });
  }
  it('a clean link is left as it is', () => {
    expect(repairAnswerText(CLEAN)).toBe(CLEAN.slice(1));
  });
});

describe('where the answers are', () => {
  it('the hash when it has answers, even with a messenger query', () => {
    expect(answerTextOf('?from=singlemessage', CLEAN)).toBe(CLEAN);
  });
  it('the query when the hash has none', () => {
    expect(parseAnswers(answerTextOf(CLEAN.replace('#', '?'), ''))).toEqual(clean);
    expect(parseAnswers(answerTextOf(CLEAN.replace('#', '?'), '#main'))).toEqual(clean);
  });
  it('nothing when neither has answers', () => {
    expect(parseAnswers(answerTextOf('?from=singlemessage', '')).ok).toBe(true);
    expect(parseAnswers(answerTextOf('?from=singlemessage', ''))).toEqual({ ok: true, answers: {} });
  });
});

describe('what cannot be repaired is named', () => {
  it('a value cut off by the app names the answer that was lost', () => {
    const r = parseAnswers(CLEAN.replace('grade=2', 'grade=2%E2%80%A6'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toEqual(['grade']);
      expect(r.partial).toEqual({ ...clean.ok && clean.answers, grade: undefined });
    }
  });
});

describe('the search page repeats only short plain terms from a link', () => {
  it('a normal search term is kept', () => {
    expect(searchTermFromLink(' 助学金 ')).toBe('助学金');
    expect(searchTermFromLink('学费减免')).toBe('学费减免');
  });
  it('a crafted message, a number or an address is not repeated', () => {
    for (const q of ['国家助学金已到账，请加微信 abc123', '请拨打13800001234', 'https://example.com', '国家助学金已到账请加微信领取补贴款项'])
      expect(searchTermFromLink(q), q).toBe('');
  });
  it('follows the same idea as the wizard: quoteLinkValue repeats only short codes', () => {
    expect(quoteLinkValue('国家助学金已到账')).toBe('');
  });
});
