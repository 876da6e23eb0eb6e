/**
 * A value read from a link (share link, poster builder link), quoted for a Chinese message:
 * 「kindergarten」. Only short codes of letters, digits and `_ , . -` are repeated; anything else
 * (Chinese text, long strings) gives '' so a crafted link cannot make the site appear to say something
 * (「国家助学金已到账请加微信…」) or fill the screen.
 *
 *   quoteLinkValue('senior')          → '「senior」'
 *   quoteLinkValue('国家助学金已到账')   → ''
 */
export function quoteLinkValue(v: string): string {
  return /^[A-Za-z0-9_,.-]{1,16}$/.test(v) ? `「${v}」` : '';
}
