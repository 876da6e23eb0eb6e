/**
 * Whether a URL hash is an in-page link, such as the 「跳到正文」 skip link (`#main`), rather than the
 * state the wizard and the poster builder keep in the hash (`#stage=senior&…`): it has no `=` and
 * names an element of the page. Those islands leave such a hash alone and put their state back.
 *
 *   isInPageLink('#main')            → true  (there is an element id="main")
 *   isInPageLink('#stage=senior')    → false
 *   isInPageLink('#nothing-here')    → false
 */
export function isInPageLink(hash: string, doc: Pick<Document, 'getElementById'> = document): boolean {
  const id = hash.replace(/^#/, '');
  if (!id || id.includes('=')) return false;
  try {
    return !!doc.getElementById(decodeURIComponent(id));
  } catch {
    return false; // a malformed %-escape is not an element id
  }
}
