/**
 * QR codes as SVG, from the `qrcode` package. Synchronous, so the same call renders a code at build
 * time (ready posters) and in the browser (the poster builder), with no canvas and no network.
 *
 *   qrSvg('https://zizhu.example.org/check/#stage=senior')  → '<svg xmlns=… viewBox="0 0 45 45" …>…</svg>'
 *
 * Error correction H (about 30 % of the code can be damaged: creases, pins, tape, smudges) and the
 * standard 4-module quiet zone, drawn white inside the SVG so it survives any background.
 */
import QRCode from 'qrcode';

/**
 * Error-correction level of posters' codes (H: about 30 % can be damaged). Cards and letters, whose
 * codes are small, use M (15 %) so the same address needs fewer, larger modules: on paper every code
 * is at least 1 mm per module (MIN_MODULE_MM; issue 13), which matters more after printing and
 * photographing than the extra correction.
 */
export const QR_ERROR_CORRECTION = 'H' as const;
export type QrLevel = 'H' | 'Q' | 'M' | 'L';
/** Smallest printed module (mm) a code may have; posters.css sizes each code by its module count (data-m). */
export const MIN_MODULE_MM = 1;
/** Quiet zone around the code, in modules (the QR standard asks for 4). */
export const QR_MARGIN = 4;

export class QrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QrError';
  }
}

/** Checks that `url` is an absolute http(s) address; returns it unchanged. */
export function assertHttpUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QrError(`二维码只能放完整网址（http:// 或 https:// 开头），收到的是「${url}」`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new QrError(`二维码只能放 http 或 https 网址，收到的是「${url}」`);
  return url;
}

/**
 * The QR code for `url` as an SVG string (black modules on white, viewBox in modules, no width or
 * height: size it with CSS).
 * @throws QrError for anything that is not an http(s) URL, or when the code cannot be made.
 */
export function qrSvg(url: string, level: QrLevel = QR_ERROR_CORRECTION): string {
  assertHttpUrl(url);
  let svg: string | undefined;
  let failure: unknown;
  // With a callback, qrcode renders synchronously (server and browser builds alike).
  QRCode.toString(url, { type: 'svg', errorCorrectionLevel: level, margin: QR_MARGIN, color: { dark: '#000000', light: '#ffffff' } }, (err, s) => {
    failure = err;
    svg = s;
  });
  if (failure || !svg) throw new QrError(`二维码生成失败：${failure instanceof Error ? failure.message : String(failure ?? '没有结果')}`);
  return svg;
}

/** Number of modules per side including the quiet zone (from the SVG's viewBox). */
export function qrSize(svg: string): number {
  const m = /viewBox="0 0 (\d+) \1"/.exec(svg);
  if (!m) throw new QrError('不是 qrSvg() 生成的二维码');
  return Number(m[1]);
}
