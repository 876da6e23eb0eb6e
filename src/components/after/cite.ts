/**
 * Numbered citations for a page of short sourced facts (/payment/, /loan/, /message-check/): each
 * fact gets 「[n]」 linking to the n-th entry of the page's source list, so a long list of facts does
 * not repeat long document titles (the page must fit in 14 KB).
 *   const c = citer('pay');   c.n('caijiao-2021-310') → 1   c.ids → ['caijiao-2021-310', …]
 * `prefix` makes the anchors (#pay-src-1) unique on the page.
 */
export function citer(prefix: string) {
  const ids: string[] = [];
  return {
    prefix,
    ids,
    /** The number of source `id` on this page (1-based), adding it on first use. */
    n(id: string): number {
      let i = ids.indexOf(id);
      if (i < 0) i = ids.push(id) - 1;
      return i + 1;
    },
    anchor: (n: number) => `${prefix}-src-${n}`,
  };
}
export type Citer = ReturnType<typeof citer>;
