/**
 * 代问模式's hand-over (see ./helper.ts): the family's result as a QR code they scan with their own
 * phone (the same link as 「复制链接」, without the helper flag). Drawn here with the `qrcode` package
 * (src/lib/qr.ts); loaded only in 代问模式, so the family's wizard does not carry it.
 */
import { qrSvg } from '../../lib/qr.ts';
import type { Answers } from '../../rules/answers.ts';
import { familyLink, helperWord } from './helper.ts';
import type { Terms } from './lib.ts';

export function Handoff({ answers, terms }: { answers: Answers; terms: Terms }) {
  const link = familyLink(answers);
  return (
    <section class="wz-handoff card" aria-labelledby="wz-handoff-h">
      <h3 id="wz-handoff-h">{helperWord(terms, 'qr')}</h3>
      <div class="wz-qr" role="img" aria-label="这一户结果的二维码" dangerouslySetInnerHTML={{ __html: qrSvg(link) }} />
      <p>{helperWord(terms, 'qr', 'plain')}</p>
    </section>
  );
}
