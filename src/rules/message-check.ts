/**
 * 「这条消息是真的吗？」: looks for the warning signs of a student-aid scam in a pasted SMS, WeChat
 * message or notice. Pure and small (no DOM, no data import, no network): the page passes the signs
 * from content/message-signs.yaml (through src/data/message-signs.ts, at build time) and the island
 * (src/islands/message-check/) runs it on the phone, so the message never leaves it.
 *
 *   const check = compileChecker(spec);          // once: compiles the patterns
 *   const r = check('您的助学金待领取，请点击链接填写银行卡号');
 *   r.verdict   → 'alarm' | 'caution' | 'none' | 'empty'
 *   r.findings  → [{ id: 'link-app', level: 'strong', title, plain, quote: '…请点击链接填写银行卡号' }, …]
 *
 * How it reads a message (see normalizeMessage): characters that show nothing go first (zero-width
 * spaces and joiners, soft hyphens, direction marks …: Unicode's Default_Ignorable_Code_Point, and the
 * blank Braille cell), and combining marks (Unicode Mn: 验\u0301证\u0301码), full-width letters and digits become half-width (NFKC), ASCII lower case, the
 * traditional characters that occur in the patterns are folded to simplified (`fold`, built from
 * OpenCC at build time), Cyrillic and Greek letters that look Latin to Latin (aрр → app) and 亯 to 享, a web
 * address spelt out to hide it is put back together (w w w . a b c . c o m, t .cn, abc。com),
 * separators, emoji and line breaks put between Chinese characters go (验-证-码, 转|账, 激.活, 验😊证😊码,
 * 验\n证\n码: so a line ending in a Chinese character runs into the next one), web
 * addresses (also a bare IP address) become 〔网址〕, or 〔官方网址〕 when the address is on a domain only
 * government bodies or schools can hold (`official`: gov.cn, edu.cn; xszz.edu.cn.zz-jy.top is not),
 * an address of this site itself (`site`: its host, and its path when it has one; zizhu.example.org.evil.top
 * is not) 〔本站网址〕, which is no sign of its own (the site's 家长群 message ends with one),
 * and phone numbers 〔电话〕 (so neither is ever shown or linked back), then spaces and decorations
 * (验*证*码, v❤信, emoji) go. Then
 * sentences (。！？; line breaks) and clauses (，：; not 、, so 「不会要密码、验证码」 stays one) are checked:
 *  - a sign's pattern in a clause counts unless a negation cue stands before it in the same clause,
 *    at most `negationReach` characters before and with no breaker word between (「学校不会要密码」);
 *    the items of a list in between (each ending in 、和及或与, quotation marks left out) do not count, so
 *    the cue covers every word of the list however many channels come first
 *    (「不会在电话、短信、微信里要验证码、密码、卡号」),
 *    or a `negationsAfter` phrase follows it in the same sentence, at most `negationReach` characters
 *    after, with no `requests` word between or after it (「密码请自己保管好，不要告诉任何人」, but not
 *    「验证码请发给我，不要告诉任何人」);
 *  - a clause with an advice word (小心、如有人…) and a sentence with a warning word (「……都是骗子」
 *    「谨防……」) talk about scams rather than ask for something, and are skipped; so is a question
 *    whose answer (the next sentence's first clause, without 不) has one (「…报验证码，是真的吗？是骗子。」);
 *  - `with`: one of those must also be in the sentence or the next one; `except`: not in a sentence
 *    with one of those (「到银行柜台激活」 is the real way); `exceptMessage`: not in a message (the whole of
 *    it) with one of those (「链接」 where the only address is this site's).
 * Verdict: any strong sign, or `alarmWeak` different weak ones → alarm; some weak ones → caution; none
 * → none (which never means 「是真的」), or partial when the message was longer than `limit` (the rest was
 * not read: the phone checks at most `limit` characters, so a long paste stays quick); an empty message → empty.
 * Errors: an invalid pattern throws a SyntaxError from compileChecker (the data schema refuses those first).
 */

/** One sign as the checker needs it (content/message-signs.yaml `signs[]`, see src/schema/message-signs.ts). */
export interface SignSpec {
  id: string;
  level: 'strong' | 'weak';
  title: string;
  plain: string;
  patterns: string[];
  with?: string[];
  except?: string[];
  exceptMessage?: string[];
  unlessSign?: string[];
}

/** Everything the checker needs; JSON-safe, so a page can put it in a data block. */
export interface CheckerSpec {
  signs: SignSpec[];
  negations: string[];
  /** Phrases that negate a sign standing before them: 「不要告诉任何人」「切勿泄露给他人」. */
  negationsAfter: string[];
  /** Words asking to hand something over (发、告诉、提供…): between a sign and a `negationsAfter` phrase, or after it, they undo it. */
  requests: string[];
  negationReach: number;
  breakers: string[];
  warnings: string[];
  verdictWords: string[];
  alarmWeak: number;
  /** Characters checked at most. */
  limit: number;
  /** Traditional → simplified, as pairs in one string: 「驗验證证碼码…」 (even index traditional, odd simplified). */
  fold: string;
  /** Domains only government bodies or schools can hold (gov.cn, edu.cn): an address on one reads 〔官方网址〕, not 〔网址〕. */
  official: string[];
  /**
   * This site's address as src/lib/site-url.ts siteUrl() gives it ('https://zizhu.example.org', or
   * 'https://county.example.com/zizhu' under a path): an address on it reads 〔本站网址〕. None: no address is.
   */
  site?: string;
}

export type Verdict = 'alarm' | 'caution' | 'none' | 'partial' | 'empty';

export interface Finding {
  id: string;
  level: 'strong' | 'weak';
  title: string;
  plain: string;
  /** The sentence where it was found, normalised and masked (〔网址〕〔电话〕), at most ~60 characters. */
  quote: string;
}

export interface CheckResult {
  verdict: Verdict;
  /** Strong signs first, each sign once. */
  findings: Finding[];
  /** Characters checked (after trimming). */
  checked: number;
  /** True when the message was longer than `limit` and only its start was checked. */
  truncated: boolean;
  /** True when the message has an address of this site (`site`), read as 〔本站网址〕. */
  site: boolean;
}

/** Common endings of a bare domain (a regular expression alternation). */
const TLD = 'com|cn|net|org|top|xyz|vip|cc|shop|info|icu|site|online|app|club|wang|ltd|link|me|io|co|tk|work|fun|live|pro';
/**
 * A web address (after NFKC and lower-casing): with a scheme or www., a bare domain with a common ending,
 * or a bare IP address. ASCII only, so it ends where Chinese text begins (「点击http://xx.cn领取」 keeps 「领取」).
 */
const URL_RE = new RegExp(`(?:https?:\\/\\/|www\\.)[!-~]+|[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLD})(?![a-z0-9])(?:[/?#][!-~]*)?` +
  '|(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\d)(?::\\d+)?(?:[/?#][!-~]*)?', 'g');
/** Characters of a web address, when a message spells one out with spaces. */
const ADDR = '[a-z0-9.:/_?=&%#@-]';
/** Four or more such characters each standing alone between spaces: 「w w w . a b c . c o m」, 「h t t p : / / 1 2 3 …」. */
const SPACED_RE = new RegExp(`(^|[^a-z0-9.:/_?=&%#@-])((?:${ADDR}[ \\t]+){3,}${ADDR})(?!${ADDR})`, 'g');
/** Spaces beside a dot, colon or slash between letters or digits: 「t .cn/abc」, 「abc . com」. */
const SPACED_DOT_RE = /[a-z0-9](?:[ \t]*[.:/])+[ \t]*(?=[a-z0-9])/g;
/** A domain written with a Chinese full stop or 点 for its dots, ending like a domain: 「zhuxue。com」「abc点cn」. */
const CHINESE_DOT_RE = new RegExp(`[a-z0-9][a-z0-9-]*(?:[ \\t]*[.。点][ \\t]*[a-z0-9][a-z0-9-]*)*[ \\t]*[。点][ \\t]*(?:${TLD})(?![a-z0-9])`, 'g');
/**
 * Emoji and pictographs (arrows, technical symbols, shapes, dingbats, the emoji planes U+1F000–U+1FAFF
 * as surrogate pairs, the keycap mark): put between the characters of a word (验😊证😊码) to hide it.
 * Surrogate ranges, not \p{…}: the phone's script is ES2017.
 */
const EMOJI = '[\\u2190-\\u21ff\\u2300-\\u23ff\\u25a0-\\u27bf\\u2900-\\u297f\\u2b00-\\u2bff\\u3030\\u303d\\u3297\\u3299\\u20e3]|[\\ud83c-\\ud83e][\\udc00-\\udfff]';
/**
 * Look-alikes, as pairs (after lower-casing): Cyrillic and Greek letters that look like Latin ones
 * (「aрр」 with a Cyrillic р is 「app」), and 亯, a variant of 享 that OpenCC leaves (「共亯屏幕」).
 */
const LOOKALIKE = 'аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdԛqԝwһhӏlαaβbεeιiκkνvοoρpτtυuχxɡg亯享';
/** Mobile, landline and 400 numbers, digits possibly grouped by spaces or hyphens (the digit before is kept). */
const PHONE_RE = /(^|[^\d])(?:\+?86[\s-]?)?(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8}|400[\s-]?\d{3}[\s-]?\d{4})(?!\d)/g;
/**
 * Characters that show nothing, put between the characters of a word to hide it from a checker:
 * Unicode's Default_Ignorable_Code_Point (zero-width spaces and joiners, soft hyphen, direction marks
 * and embeddings, invisible operators, variation selectors, Hangul fillers, tags; test/unit/
 * message-check.test.ts checks this list against the property), and U+2800, the blank Braille cell,
 * which looks like a space. Written out, not as \p{…}: the phone's script is ES2017.
 */
export const INVISIBLE_RE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]|\ud82f[\udca0-\udca3]|\ud834[\udd73-\udd7a]|[\udb40-\udb43][\udc00-\udfff]/g;
/**
 * Separators and emoji between two Chinese characters (验-证-码, 转|账, 激.活, 手/续/费, 验😊证😊码): not 、
 * and commas, which divide lists and clauses.
 */
const SPLIT_RE = new RegExp(`([\\u3400-\\u9fff])(?:\\s*(?:[-./|\\\\丨+=^#'"]|${EMOJI}))+\\s*(?=[\\u3400-\\u9fff])`, 'g');
/** Spaces, emoji, and symbols scammers put between characters (验*证*码, v❤信). */
const NOISE_RE = new RegExp(`(?:[\\s*·•_~❤♥★☆✿✦♡]|${EMOJI})+`, 'g');
/** Sentence ends, captured: a question (?) answered by the next sentence can be told (see compileChecker). */
const SENTENCE_RE = /([。!?;…\n]+|\.(?![a-z0-9]))/;
/**
 * Combining marks (Unicode Mn) put on the characters of a word to hide it (验\u0301证\u0301码): all of
 * them where the engine knows \p{Mn} (Chrome 64 on), else the combining blocks (diacritics, their
 * supplement and extended, marks for symbols, half marks).
 */
const MARKS_RE = ((): RegExp => {
  try {
    return new RegExp('\\p{Mn}', 'gu');
  } catch {
    return /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20dc\u20e1\u20e5-\u20f0\ufe20-\ufe2f]/g;
  }
})();
/** A line break between two Chinese characters (验\n证\n码): it goes, as separators do (SPLIT_RE). */
const HAN_BREAK_RE = /([\u3400-\u9fff])[ \t]*\n\s*(?=[\u3400-\u9fff])/g;
/**
 * Items of a list before a sign, each ending in 、 和 及 或 与 (「电话、短信、微信里要验证码、」「验证码和」):
 * they do not count towards `negationReach`, so 「不会在电话、短信、微信里要验证码、密码、卡号」 negates all three.
 */
const LIST_ITEM_RE = /[^、和及或与]{0,8}[、和及或与]/g;
/** Quotation marks around words in a list (「激活账户」「解冻」「认证」): not counted either. */
const QUOTE_RE = /[「」『』"“”‘’']/g;
const CLAUSE_RE = /[,，:]+/;

/**
 * The message as the checker reads it (see the module comment). `fold` and `official` as in CheckerSpec.
 * '【學校】請點擊ｗｗｗ．ａｂｃ．ｃｎ領取，電話１３８１２３４５６７８' → '【学校】请点击〔网址〕领取,电话〔电话〕'
 * (with 學→学 etc. in `fold`); 'www.xszz.edu.cn' → '〔官方网址〕' (with edu.cn in `official`);
 * 'https://zizhu.example.org/check/' → '〔本站网址〕' (with site 'https://zizhu.example.org').
 */
export function normalizeMessage(text: string, fold: string, official: string[] = [], site = ''): string {
  const map: Record<string, string> = {};
  const pairs = fold + LOOKALIKE;
  for (let i = 0; i + 1 < pairs.length; i += 2) map[pairs.charAt(i)] = pairs.charAt(i + 1);
  let t = text.replace(INVISIBLE_RE, '').replace(MARKS_RE, '').normalize('NFKC').toLowerCase().replace(/\r\n?/g, '\n');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charAt(i);
    out += map[c] !== undefined ? map[c] : c;
  }
  // A web address spelt out to get past a checker is put back together before it is looked for.
  t = out
    .replace(SPACED_RE, (_m, before: string, spaced: string) => before + spaced.replace(/[ \t]+/g, ''))
    .replace(SPACED_DOT_RE, (m) => m.replace(/[ \t]+/g, ''))
    .replace(CHINESE_DOT_RE, (m) => m.replace(/[ \t]*[.。点][ \t]*/g, '.'));
  const own = site && hostPath(site.toLowerCase());
  t = t
    .replace(HAN_BREAK_RE, '$1')
    .replace(SPLIT_RE, '$1')
    .replace(URL_RE, (url) => {
      const at = hostPath(url);
      if (own && at[0] === own[0] && (!own[1] || at[1] === own[1] || at[1].indexOf(own[1] + '/') === 0)) return '〔本站网址〕';
      return isOfficial(at[0], official) ? '〔官方网址〕' : '〔网址〕';
    })
    .replace(PHONE_RE, '$1〔电话〕');
  // Line breaks end sentences; other spaces and noise go.
  return t.split('\n').map((line) => line.replace(NOISE_RE, '')).filter(Boolean).join('\n');
}

/**
 * A web address's host (after any user@; with its port, as an origin has it) and path (without query or
 * hash, no trailing slash): 'https://a@b.cn:8080/x/?q' → ['b.cn:8080', '/x'].
 */
function hostPath(url: string): [string, string] {
  const rest = url.replace(/^[a-z]+:\/\//, '');
  const end = rest.search(/[/?#]/);
  const auth = end < 0 ? rest : rest.slice(0, end);
  const path = end < 0 ? '' : rest.slice(end).split(/[?#]/)[0]!;
  return [auth.slice(auth.lastIndexOf('@') + 1), path.replace(/\/+$/, '')];
}

/** Whether a host (without the port) is one of `official` or under one. */
function isOfficial(hostPort: string, official: string[]): boolean {
  const host = hostPort.replace(/:\d*$/, '');
  return official.some((d) => host === d || host.slice(-d.length - 1) === '.' + d);
}

interface Compiled {
  spec: SignSpec;
  patterns: RegExp[];
  with?: RegExp[];
  except?: RegExp[];
  exceptMessage?: RegExp[];
}

const any = (res: RegExp[], s: string) => res.some((r) => r.test(s));

/** Compiles the patterns once; returns the checker. */
export function compileChecker(spec: CheckerSpec): (text: string) => CheckResult {
  const re = (p: string) => new RegExp(p);
  const reG = (p: string) => new RegExp(p, 'g');
  const signs: Compiled[] = spec.signs.map((s) => ({
    spec: s,
    patterns: s.patterns.map(reG),
    with: s.with && s.with.map(re),
    except: s.except && s.except.map(re),
    exceptMessage: s.exceptMessage && s.exceptMessage.map(re),
  }));
  const negations = spec.negations.map(reG);
  const negationsAfter = spec.negationsAfter.map(re);
  const requests = spec.requests.map(re);
  const breakers = spec.breakers.map(re);
  const warnings = spec.warnings.map(re);
  const verdictWords = spec.verdictWords.map(re);

  /** Whether a negation cue stands before position `at` of `clause`, close enough and not broken. */
  const negated = (clause: string, at: number) => {
    for (const n of negations) {
      n.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = n.exec(clause)) !== null) {
        if (m[0] === '') n.lastIndex += 1;
        const end = m.index + m[0].length;
        if (end > at) break;
        const gap = clause.slice(end, at);
        if (gap.replace(QUOTE_RE, '').replace(LIST_ITEM_RE, '').length <= spec.negationReach && !any(breakers, gap)) return true;
      }
    }
    return false;
  };

  /** Whether `after` (the rest of the sentence after a sign) starts, close enough, with a phrase that negates it, asking for nothing. */
  const negatedAfter = (after: string) => {
    for (const n of negationsAfter) {
      const m = n.exec(after);
      if (m && m.index <= spec.negationReach && !any(requests, after.slice(0, m.index)) && !any(requests, after.slice(m.index + m[0].length))) return true;
    }
    return false;
  };

  /** The first place in `clause` (which starts at `start` of `sentence`) where the sign's pattern occurs and is not negated, or -1. */
  const findIn = (c: Compiled, clause: string, sentence: string, start: number) => {
    for (const p of c.patterns) {
      p.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = p.exec(clause)) !== null) {
        if (m[0] === '') { p.lastIndex += 1; continue; }
        if (!negated(clause, m.index) && !negatedAfter(sentence.slice(start + m.index + m[0].length))) return m.index;
      }
    }
    return -1;
  };

  const quoteOf = (sentence: string, at: number) => {
    if (sentence.length <= 60) return sentence;
    const start = Math.max(0, Math.min(at - 20, sentence.length - 60));
    return (start > 0 ? '…' : '') + sentence.slice(start, start + 60) + (start + 60 < sentence.length ? '…' : '');
  };

  return (input: string) => {
    const trimmed = input.trim();
    const truncated = trimmed.length > spec.limit;
    const text = normalizeMessage(truncated ? trimmed.slice(0, spec.limit) : trimmed, spec.fold, spec.official, spec.site);
    const checked = Math.min(trimmed.length, spec.limit);
    const site = text.indexOf('〔本站网址〕') >= 0;
    if (!text) return { verdict: 'empty', findings: [], checked, truncated, site };
    const parts = text.split(SENTENCE_RE);
    const sentences: string[] = [];
    /** Whether the sentence of the same index ends with 「?」. */
    const asks: boolean[] = [];
    for (let k = 0; k < parts.length; k += 2) {
      if (!parts[k]) continue;
      sentences.push(parts[k]!);
      asks.push((parts[k + 1] || '').indexOf('?') >= 0);
    }
    const found = new Map<string, Finding>();
    const skip = new Set<string>();
    for (const c of signs) if (c.exceptMessage && any(c.exceptMessage, text)) skip.add(c.spec.id);
    sentences.forEach((sentence, i) => {
      const next = sentences[i + 1] || '';
      // A question answered 「是骗子」 (the FAQ's 「…要先交钱或报验证码，是真的吗？是骗子。」) tells of a scam too.
      const answer = asks[i] ? next.split(CLAUSE_RE)[0]! : '';
      if (any(verdictWords, sentence) || (any(verdictWords, answer) && answer.indexOf('不') < 0)) return;
      const clauses = sentence.split(CLAUSE_RE);
      const starts: number[] = [];
      let pos = 0;
      for (const clause of clauses) {
        pos = sentence.indexOf(clause, pos);
        starts.push(pos);
        pos += clause.length;
      }
      const warned = clauses.map((clause) => any(warnings, clause));
      for (const c of signs) {
        if (found.has(c.spec.id) || skip.has(c.spec.id)) continue;
        if (c.except && any(c.except, sentence)) continue;
        if (c.with && !any(c.with, sentence + '。' + next)) continue;
        for (let j = 0; j < clauses.length; j++) {
          const at = warned[j] ? -1 : findIn(c, clauses[j]!, sentence, starts[j]!);
          if (at >= 0) {
            const s = c.spec;
            found.set(s.id, { id: s.id, level: s.level, title: s.title, plain: s.plain, quote: quoteOf(sentence, starts[j]! + at) });
            break;
          }
        }
      }
    });
    for (const c of signs) {
      if (c.spec.unlessSign && c.spec.unlessSign.some((id) => found.has(id))) found.delete(c.spec.id);
    }
    const all = [...found.values()];
    const strongOnes = all.filter((f) => f.level === 'strong');
    const findings = strongOnes.concat(all.filter((f) => f.level === 'weak'));
    const strong = strongOnes.length;
    const weak = findings.length - strong;
    const verdict: Verdict = strong > 0 || weak >= spec.alarmWeak ? 'alarm' : weak > 0 ? 'caution' : truncated ? 'partial' : 'none';
    return { verdict, findings, checked, truncated, site };
  };
}
