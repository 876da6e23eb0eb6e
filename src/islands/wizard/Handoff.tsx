/**
 * 代问模式 (see ./helper.ts), the parts the first screen does not need, loaded only in this mode: the
 * mode's note with 「下一户，清空」, the wipe, and the family's result as a QR code they scan with their
 * own phone (the same link as 「复制链接」, without the helper flag), drawn with the `qrcode` package
 * (src/lib/qr.ts). While the code is on screen, the bar stays out of its way (`Handoff.fit`).
 */
import { Component } from 'preact';
import { qrSvg } from '../../lib/qr.ts';
import { HELPER_QUERY, helperWord } from './helper.ts';
import { writeStored, type Terms } from './lib.ts';


/**
 * The address part (#…) of the family just wiped, in memory only, for 「点错了，找回上一户」 until the next
 * family answers (HelperNote forgets it then); `back`: it was just brought back.
 */
let last = '';
let lastState: unknown = null;
let back = false;
/** The way back was scrolled into view after this wipe (the wizard scrolls to the first question). */
let seen = false;

/** Wipes what the wizard may have stored and the answers in the address (no history entry keeps them). */
export function wipe(): void {
  last = location.hash;
  lastState = history.state;
  back = false;
  seen = false;
  writeStored(null);
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i);
      if (k && k.indexOf('zz-') === 0) sessionStorage.removeItem(k);
    }
  } catch { /* storage off: nothing stored */ }
  history.replaceState(null, '', location.pathname + location.search);
}

/**
 * Leaving /check/ by a link in this mode (「钱什么时候到」 on a result, the header's 资格自测): the
 * family's answers leave the address first, so Back or Forward never shows them to the next family, and
 * a link to this page keeps the mode (without it the next family was asked in the parent's wording,
 * with no 「下一户，清空」). In-page links (#…) and new tabs are left alone. A page the browser keeps in
 * its back-forward cache comes back as it was left, so `onWipe` clears the wizard when it goes there.
 */
export function guardLeaving(onWipe: () => void): void {
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? (e.target.closest('a[href]') as HTMLAnchorElement | null) : null;
    if (!a || a.target || a.origin !== location.origin || (a.pathname === location.pathname && a.hash)) return;
    if (a.pathname === location.pathname) a.search = `?${HELPER_QUERY}`;
    history.replaceState(null, '', location.pathname + location.search);
  }, true);
  addEventListener('pagehide', (e) => { if (e.persisted) onWipe(); });
}

/** 「点错了，找回上一户」: the wiped answers and screen back in the same history entry; the wizard reads them as on Back (popstate). */
function undo(): void {
  history.replaceState(lastState, '', location.pathname + location.search + last);
  last = '';
  back = true;
  dispatchEvent(new Event('popstate'));
}

/**
 * The mode's note at the top: what it does, and after a wipe 「上一户已清空」 with a way back in case the
 * sticky 「下一户，清空」 was tapped by mistake (a family's answers are not asked twice for a slip of the
 * thumb); the way back goes once the next family answers (`cleared` false).
 */
export function HelperNote({ terms, cleared }: { terms: Terms; cleared: boolean }) {
  if (!cleared) { last = ''; back = false; }
  return (
    <div class="note wz-helper-note no-print">
      <p><strong>{helperWord(terms, 'mode')}</strong>：{helperWord(terms, 'mode', 'plain')}</p>
      <p role="status">{cleared && (back ? '已找回上一户的回答。' : helperWord(terms, 'cleared'))}</p>
      {cleared && last && (
        <p ref={(e) => { if (e && !seen) { seen = true; setTimeout(() => e.closest('.wz-helper-note')!.scrollIntoView({ block: 'start' })); } }}>
          <button type="button" class="btn" onClick={undo}>点错了，找回上一户</button>
        </p>
      )}
    </div>
  );
}

/** The 「下一户，清空」 bar now on screen (NextFamily's), which Handoff keeps off the code. */
let bar: HTMLElement | null = null;

/** 「下一户，清空」: sticks to the bottom of the screen on a long result (src/pages/check/index.astro). */
export function NextFamily({ terms, onNext }: { terms: Terms; onNext: () => void }) {
  return (
    <p class="wz-next no-print" ref={(e) => { bar = e; }}>
      <button type="button" class="btn btn-primary btn-big" onClick={onNext}>{helperWord(terms, 'next')}</button>
    </p>
  );
}

/**
 * The QR hand-over. `link`: what the family scans, this page without the mode flag, with all their
 * children's answers (the same link as 「复制链接」; the wizard builds it with formatFamily).
 *
 * The 「下一户，清空」 bar sticks to the bottom of the screen, over whatever is there. Over this card it
 * hid the code's bottom corner (a phone camera then cannot read it) and put the wipe button right
 * under the parent's phone. So whenever the bar, stuck at the bottom, would cover any of the card, it
 * stays in its own place at the end of the page instead; past the card it sticks again.
 */
export class Handoff extends Component<{ link: string; terms: Terms }> {
  card: HTMLElement | null = null;
  seen: ResizeObserver | null = null;

  fit = () => {
    const b = bar, c = this.card;
    if (!b || !c) return;
    b.style.position = '';
    const r = b.getBoundingClientRect(), q = c.getBoundingClientRect();
    if (q.top < r.bottom && r.top < q.bottom) b.style.position = 'static';
  };

  componentDidMount() {
    addEventListener('scroll', this.fit, { passive: true });
    addEventListener('resize', this.fit);
    // The results below render after the card, and 大字 moves everything without a scroll.
    if (typeof ResizeObserver == 'function') (this.seen = new ResizeObserver(this.fit)).observe(document.body);
    this.fit();
  }

  componentDidUpdate() {
    this.fit();
  }

  componentWillUnmount() {
    removeEventListener('scroll', this.fit);
    removeEventListener('resize', this.fit);
    this.seen?.disconnect();
    if (bar) bar.style.position = '';
  }

  render({ link, terms }: { link: string; terms: Terms }) {
    return (
      <section class="wz-handoff card" aria-labelledby="wz-handoff-h" ref={(e) => { this.card = e; }}>
        <h3 id="wz-handoff-h">{helperWord(terms, 'qr')}</h3>
        <div class="wz-qr" role="img" aria-label="这一户结果的二维码" dangerouslySetInnerHTML={{ __html: qrSvg(link) }} />
        <p>{helperWord(terms, 'qr', 'plain')}</p>
      </section>
    );
  }
}
