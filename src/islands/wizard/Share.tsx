/** Share link (answers only) with a copy button, print, and a way back to change answers. */
import type { Ui, View } from './types.ts';

interface Props {
  /** The whole link: the wizard's address with the family's answers and the school year (formatFamily). */
  link: string;
  /** What the copy button did (Wizard state). */
  msg: string;
  ui: (u: Partial<Ui>) => void;
  onGo: (v: View) => void;
}

export function Share({ link, msg, ui, onGo }: Props) {
  const setMsg = (m: string) => ui({ msg: m });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setMsg('已复制，可以粘贴到微信里。');
    } catch {
      const input = document.getElementById('wz-link') as HTMLInputElement | null;
      input?.select();
      let ok = false;
      try { ok = document.execCommand('copy'); } catch { /* not allowed */ }
      setMsg(ok ? '已复制，可以粘贴到微信里。' : '没能自动复制：链接已选中，请长按它选「复制」。');
    }
  };
  return (
    <>
      <p class="print-only wz-plink">再次打开这份结果：{link}</p>
      <section class="wz-share no-print" aria-labelledby="wz-share-h">
        <h3 id="wz-share-h">保存或分享</h3>
        <p>
          <button type="button" class="btn btn-primary" onClick={() => print()}>打印或存成 PDF</button>
        </p>
        <label for="wz-link">这次回答的链接</label>
        <input id="wz-link" type="text" readOnly value={link} onFocus={(e) => (e.target as HTMLInputElement).select()} />
        <p>
          <button type="button" class="btn" onClick={copy}>复制链接</button>
        </p>
        <p aria-live="polite" class="wz-copied">{msg}</p>
        <p class="muted">
          链接里只有上面这些回答和填写的学年，没有姓名、身份证号这类信息。谁打开这个链接，都会先看到这些回答，点「看结果」就是同样的结果。
        </p>
        <p>
          <button type="button" class="btn" onClick={() => onGo({ v: 'review' })}>修改回答</button>
        </p>
      </section>
    </>
  );
}
