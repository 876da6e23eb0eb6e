/**
 * Characters that show nothing, which a copy from a web page, a chat or a document can leave between
 * the characters of a word or the digits of a number (「验\u200b证码」, 「530521200\u200b903051239」), so
 * that a checker looking for the word or the number does not find it.
 *
 *   text.replace(INVISIBLE_RE, '')   // global: reset nothing, replace() handles lastIndex
 *   stripInvisible('138\u200b1234\u200b5678') → '13812345678'
 *
 * The set is Unicode's Default_Ignorable_Code_Point (zero-width spaces and joiners, soft hyphen,
 * direction marks and embeddings, invisible operators, variation selectors, Hangul fillers, tags;
 * test/unit/message-check.test.ts and test/unit/gongshi.test.ts check it against the property), and
 * U+2800, the blank Braille cell, which looks like a space. Written out, not as \p{…}: the phone's
 * script is ES2017. Used by src/rules/gongshi.ts. src/rules/message-check.ts keeps the same list
 * inline: imported by both page scripts it would become a file of its own, a second request for
 * 「这条消息是真的吗？」 (test/unit/gongshi.test.ts checks the two lists are the same).
 */
export const INVISIBLE_RE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]|\ud82f[\udca0-\udca3]|\ud834[\udd73-\udd7a]|[\udb40-\udb43][\udc00-\udfff]/g;

/** The text without the characters of INVISIBLE_RE. */
export const stripInvisible = (text: string): string => text.replace(INVISIBLE_RE, '');
