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

/**
 * The same rule for the site search's `?q=` (/search/): a query read from a link is put in the search
 * box and searched only when it is a short plain term — at most 12 characters of Chinese, letters,
 * digits and spaces, with no run of 5 or more digits (a phone, QQ or WeChat number). Anything else
 * (「国家助学金已到账，请加微信…」, a web address) is not repeated: the page says the link's words were
 * left out and the box stays empty. Pattern source, for the page's inline script (`new RegExp(…)`).
 */
export const LINK_SEARCH_TERM = '^(?!.*\\d{5})[\\u3400-\\u9fffA-Za-z0-9 ]{1,12}$';

/** A `?q=` value as the search page uses it: the trimmed term, or '' when it is not repeated (see above). */
export function searchTermFromLink(q: string): string {
  const t = q.trim();
  return new RegExp(LINK_SEARCH_TERM).test(t) ? t : '';
}
