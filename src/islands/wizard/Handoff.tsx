/**
 * 代问模式 (see ./helper.ts), the parts the first screen does not need, loaded only in this mode: the
 * mode's note with 「下一户，清空」, the wipe, and the family's result as a QR code they scan with their
 * own phone (the same link as 「复制链接」, without the helper flag), drawn with the `qrcode` package
 * (src/lib/qr.ts).
 */
import { qrSvg } from '../../lib/qr.ts';
import { helperWord } from './helper.ts';
import { writeStored, type Terms } from './lib.ts';


/** Wipes what the wizard may have stored and the answers in the address (no history entry keeps them). */
export function wipe(): void {
  writeStored(null);
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i);
      if (k && k.indexOf('zz-') === 0) sessionStorage.removeItem(k);
    }
  } catch { /* storage off: nothing stored */ }
  history.replaceState(null, '', location.pathname + location.search);
}

/** The mode's note at the top: what it does, and 「上一户已清空」 after a wipe. */
export function HelperNote({ terms, cleared }: { terms: Terms; cleared: boolean }) {
  return (
    <div class="note wz-helper-note no-print">
      <p><strong>{helperWord(terms, 'mode')}</strong>：{helperWord(terms, 'mode', 'plain')}</p>
      <p role="status">{cleared ? helperWord(terms, 'cleared') : ''}</p>
    </div>
  );
}

/** 「下一户，清空」. */
export function NextFamily({ terms, onNext }: { terms: Terms; onNext: () => void }) {
  return (
    <p class="wz-next no-print">
      <button type="button" class="btn btn-primary btn-big" onClick={onNext}>{helperWord(terms, 'next')}</button>
    </p>
  );
}

/**
 * The QR hand-over. `link`: what the family scans, this page without the mode flag, with all their
 * children's answers (the same link as 「复制链接」; the wizard builds it with formatFamily).
 */
export function Handoff({ link, terms }: { link: string; terms: Terms }) {
  return (
    <section class="wz-handoff card" aria-labelledby="wz-handoff-h">
      <h3 id="wz-handoff-h">{helperWord(terms, 'qr')}</h3>
      <div class="wz-qr" role="img" aria-label="这一户结果的二维码" dangerouslySetInnerHTML={{ __html: qrSvg(link) }} />
      <p>{helperWord(terms, 'qr', 'plain')}</p>
    </section>
  );
}
