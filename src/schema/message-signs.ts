/**
 * content/message-signs.yaml: the warning signs that 「这条消息是真的吗？」 (/message-check/) looks for
 * in a pasted SMS, WeChat message or notice, what to do, and the national anti-fraud line. Read and
 * validated by src/data/message-signs.ts; the checker itself is src/rules/message-check.ts (pure, runs
 * on the phone).
 *
 * Patterns are JavaScript regular expressions (no flags) matched against the message AFTER
 * normalisation (src/rules/message-check.ts `normalizeMessage`): full-width letters and digits made
 * half-width (NFKC), ASCII lower-cased, traditional characters folded to simplified, spaces removed,
 * web addresses replaced by 〔网址〕 and phone numbers by 〔电话〕. So a pattern is written in simplified
 * characters and lower case, and may use 〔网址〕 / 〔电话〕.
 */
import { z } from 'zod';
import { Confidence, IsoDate } from './index.ts';
import { Id, SourcedText } from './sourced.ts';

/**
 * What a pattern may not use because the phone's script is ES2017 (the patterns are compiled there, by
 * src/rules/message-check.ts, with no flags): lookbehind (?<= (?<!, named groups (?<name> \k<name>,
 * Unicode property escapes \p{…} \P{…} and code point escapes \u{…}. Without the u flag a modern engine
 * reads `\p{L}` as the letters 「p{L}」 and compiles it, so compiling is not enough: the source is read.
 * Returns what is wrong in plain words, or undefined.
 */
export function newerSyntax(p: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p.charAt(i);
    if (c === '\\') {
      const next = p.charAt(i + 1);
      if (next === 'p' || next === 'P') return `「\\${next}{…}」（Unicode 属性）`;
      if (next === 'k') return '「\\k<…>」（命名分组）';
      if (next === 'u' && p.charAt(i + 2) === '{') return '「\\u{…}」';
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && p.charAt(i + 1) === '?' && p.charAt(i + 2) === '<') {
      return p.charAt(i + 3) === '=' || p.charAt(i + 3) === '!' ? '「(?<=」「(?<!」（向后查找）' : '「(?<名字>」（命名分组）';
    }
  }
  return undefined;
}

/**
 * A JavaScript regular expression source (compiled with `flags`) that compiles, cannot match the empty
 * string and uses only what an ES2017 browser knows (newerSyntax; `newerMessage` words that problem for
 * its file). `more` adds checks of its own, run only on a source that compiles. Shared by the message
 * checker's signs (Pattern, below) and the 公示 checker's words (src/schema/schools.ts GongshiPattern).
 */
export function regexSource(flags: string, newerMessage: (newer: string) => string, more?: (p: string, ctx: z.RefinementCtx) => void) {
  return z
    .string()
    .min(1)
    .superRefine((p, ctx) => {
      let re: RegExp;
      try {
        re = new RegExp(p, flags);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `不是有效的正则表达式：${(e as Error).message}` });
        return;
      }
      if (re.test('')) ctx.addIssue({ code: 'custom', message: '这个写法会匹配空字符串（什么都匹配）' });
      const newer = newerSyntax(p);
      if (newer) ctx.addIssue({ code: 'custom', message: newerMessage(newer) });
      more?.(p, ctx);
    });
}

/** A warning sign's pattern: see regexSource; written in lower case (the message is lower-cased first). */
export const Pattern = regexSource(
  '',
  (newer) => `用了旧手机浏览器不认识的写法${newer}：这些正则要在手机上运行（ES2017）`,
  (p, ctx) => {
    if (/[A-Z]/.test(p.replace(/\\[A-Za-z]/g, ''))) ctx.addIssue({ code: 'custom', message: '要写小写字母（检查前消息会转成小写）' });
  },
);

/** One warning sign. */
export const MessageSign = z.strictObject({
  /** Identifier (tests and the page refer to it). */
  id: Id,
  /** strong = one is enough to call the message a likely scam; weak = only several together are. */
  level: z.enum(['strong', 'weak']),
  /** The sign in plain words, short, e.g. 「向你要验证码或密码」. */
  title: z.string().min(1),
  /** Why it is a sign, one or two plain sentences, e.g. 「资助从来不要验证码……」. */
  plain: z.string().min(1),
  /** Any one of these found in a clause (and not negated there) is the sign. */
  patterns: z.array(Pattern).min(1),
  /** If given, one of these must also be in the same sentence or the next one (e.g. 链接 + 填写). */
  with: z.array(Pattern).min(1).optional(),
  /** If one of these is in the same sentence, the sign is not counted there (e.g. 柜台: 到银行柜台本人激活 is the real way). */
  except: z.array(Pattern).min(1).optional(),
  /**
   * If one of these is in the message (the whole of it, normalised), the sign is not counted anywhere in it
   * (e.g. 「链接」 when the only address in the message is this site's own, 〔本站网址〕).
   */
  exceptMessage: z.array(Pattern).min(1).optional(),
  /** Not shown when one of these signs was found (a plainer sign that a stronger one already covers). */
  unlessSign: z.array(Id).min(1).optional(),
  /** Source id in content/sources.yaml of the warning that lists this sign. */
  source: z.string().min(1),
  confidence: Confidence,
});
export type MessageSign = z.infer<typeof MessageSign>;

/** What the page says about the result, by verdict. */
export const Verdicts = z.strictObject({
  /** At least one strong sign, or `alarmWeak` weak ones. */
  alarm: z.string().min(1),
  /** Some weak signs only. */
  caution: z.string().min(1),
  /** No sign found (never 「是真的」: the checker cannot know). */
  none: z.string().min(1),
  /** No sign found in the part checked of a message longer than `limit`; {n} is the number of characters checked. */
  partial: z.string().includes('{n}', { message: '要写 {n}（检查了的字数）' }),
});

/** The national anti-fraud warning line, shown beside the fraud warning. */
export const Hotline = z.strictObject({
  /** The number, digits only, e.g. 96110. */
  number: z.string().regex(/^\d{3,8}$/, '只写数字'),
  /** Its name, e.g. 全国反诈预警劝阻专线. */
  name: z.string().min(1),
  /** What it is for, a short phrase (劝阻、咨询、举报). */
  what: z.string().min(1),
  source: z.string().min(1),
  confidence: Confidence,
});
export type Hotline = z.infer<typeof Hotline>;

export const MessageSigns = z.strictObject({
  /** Day someone last checked this file against its sources. */
  lastVerified: IsoDate,
  /**
   * Negation cues: a sign is not counted when one of these stands before it in the same clause, at
   * most `negationReach` characters before, with no `breakers` word between (「学校不会要密码」).
   */
  negations: z.array(Pattern).min(1),
  /**
   * Phrases that negate a sign standing before them in the same sentence, at most `negationReach`
   * characters after it (「密码不要告诉任何人」「验证码是您的重要信息，切勿泄露给他人」).
   */
  negationsAfter: z.array(Pattern).min(1),
  /**
   * Words that ask to hand something over (发、告诉、提供…): one between a sign and a `negationsAfter`
   * phrase, or after that phrase, means the phrase does not negate it (「验证码请发给我，不要告诉任何人」).
   */
  requests: z.array(Pattern).min(1),
  /** How many characters before a sign a negation cue still counts (after it, for `negationsAfter`). */
  negationReach: z.number().int().min(1).max(40),
  /** Words that end a negation's reach (「不要担心，请提供验证码」: 请). */
  breakers: z.array(Pattern).min(1),
  /** Advice words: a clause with one of these is a warning or a supposition, not a request (「小心陌生链接」「如有人说要退费」). */
  warnings: z.array(Pattern).min(1),
  /**
   * Warning words: a whole sentence with one of these talks about scams rather than making a request
   * (「凡是要验证码的，都是骗子」「有骗子冒充老师要求转账，请提高警惕」).
   */
  verdictWords: z.array(Pattern).min(1),
  /** How many different weak signs together make an alarm. */
  alarmWeak: z.number().int().min(2).max(10),
  /**
   * Domains only government bodies (gov.cn) or schools (edu.cn) can hold, lower case, without a dot in
   * front: an address on one of them (xszz.edu.cn, www.moe.gov.cn) reads 〔官方网址〕 instead of 〔网址〕, so
   * the link alone is at most a 「要注意」; xszz.edu.cn.zz-jy.top is not on one.
   */
  officialDomains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, '写域名结尾，小写，如 edu.cn')).min(1),
  /** At most this many characters are checked (a longer paste is checked up to here, and the page says so). */
  limit: z.number().int().min(1000).max(100000),
  signs: z.array(MessageSign).min(1),
  verdicts: Verdicts,
  /**
   * Said under the result when the message has an address of this site itself (〔本站网址〕): that the
   * address is this site's and may be opened. {name} is the site's name (资助明白纸).
   */
  ownAddress: z.string().min(1),
  /** What to do, in order (do not click, do not pay, call the school on a number you know, 96110). */
  advice: z.array(SourcedText).min(1),
  hotline: Hotline,
});
export type MessageSigns = z.infer<typeof MessageSigns>;
