/**
 * src/lib/qr.ts (QR codes as SVG) and src/lib/site-url.ts (the configured site address the codes use).
 * The SVG is turned back into a module matrix, rasterised in memory and decoded with jsQR, so the round
 * trip is checked without a browser.
 */
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import jsQR from 'jsqr';
import { readFileSync } from 'node:fs';
import { assertHttpUrl, qrSize, qrSvg, QrError, QR_ERROR_CORRECTION, QR_MARGIN } from '../../src/lib/qr.ts';
import { absoluteUrl, basePathOf, isPlaceholderSite, PLACEHOLDER_SITE_URL, shortUrl, sitePath, siteUrl } from '../../src/lib/site-url.ts';

/** The dark modules of a qrcode SVG path ("M4 4.5h7m1 0h1…"), as a size×size boolean matrix. */
function matrixOf(svg: string): boolean[][] {
  const size = qrSize(svg);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!d) throw new Error('no dark path');
  const m = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0, y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') { x = Number(a); y = Number(b); }
    else if (cmd === 'm') { x += Number(a); y += Number(b); }
    else { for (let i = 0; i < Number(a); i++) m[Math.floor(y)]![x + i] = true; x += Number(a); }
  }
  return m;
}

/** Decodes a module matrix with jsQR (4 px per module, white background). */
function decode(m: boolean[][]): string | null {
  const px = 4, n = m.length * px;
  const data = new Uint8ClampedArray(n * n * 4);
  for (let yy = 0; yy < n; yy++) for (let xx = 0; xx < n; xx++) {
    const v = m[Math.floor(yy / px)]![Math.floor(xx / px)] ? 0 : 255;
    data.set([v, v, v, 255], (yy * n + xx) * 4);
  }
  return jsQR(data, n, n)?.data ?? null;
}

/** The module matrix qrcode makes for `url` at an error-correction level, with the quiet zone. */
function expected(url: string, level: 'L' | 'M' | 'Q' | 'H'): boolean[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: level });
  const size = modules.size + 2 * QR_MARGIN;
  return Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => {
    const mx = x - QR_MARGIN, my = y - QR_MARGIN;
    return mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && !!modules.data[my * modules.size + mx];
  }));
}

const URLS = [
  'https://zizhu.example.org/check/#stage=senior',
  'https://zizhu.example.org/stages/compulsory/',
  'https://zizhu.some-county.gov.cn/check/#stage=vocational',
  'http://127.0.0.1:4321/check/',
];

describe('qrSvg', () => {
  it('returns an SVG with a square viewBox, a white background and black modules, sized by CSS only', () => {
    const svg = qrSvg(URLS[0]!);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('<path fill="#ffffff" d="M0 0h');
    expect(svg).toContain('<path stroke="#000000" d="M');
    expect(svg).not.toMatch(/\swidth=|\sheight=/);
    expect(svg).toContain('shape-rendering="crispEdges"');
  });

  it.each(URLS)('decodes back to exactly the URL it was made for: %s', (url) => {
    expect(decode(matrixOf(qrSvg(url)))).toBe(url);
  });

  it('uses error-correction level H (the matrix is the H code, not the L, M or Q one)', () => {
    expect(QR_ERROR_CORRECTION).toBe('H');
    for (const url of URLS) {
      const got = matrixOf(qrSvg(url));
      expect(got).toEqual(expected(url, 'H'));
      for (const level of ['L', 'M', 'Q'] as const) expect(got).not.toEqual(expected(url, level));
    }
  });

  it('keeps a quiet zone of 4 light modules on every side', () => {
    expect(QR_MARGIN).toBe(4);
    const m = matrixOf(qrSvg(URLS[2]!));
    const n = m.length;
    for (let i = 0; i < n; i++) for (let k = 0; k < QR_MARGIN; k++) {
      expect([m[k]![i], m[n - 1 - k]![i], m[i]![k], m[i]![n - 1 - k]]).toEqual([false, false, false, false]);
    }
    // …and the finder pattern starts right after it
    expect(m[QR_MARGIN]![QR_MARGIN]).toBe(true);
  });

  it.each([
    ['a relative path', '/check/#stage=senior'],
    ['a bare host', 'zizhu.example.org/check/'],
    ['javascript:', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<b>x</b>'],
    ['ftp:', 'ftp://zizhu.example.org/'],
    ['an empty string', ''],
  ])('rejects %s with a Chinese message', (_, url) => {
    expect(() => qrSvg(url)).toThrow(QrError);
    expect(() => qrSvg(url)).toThrow(/二维码只能放/);
    expect(() => assertHttpUrl(url)).toThrow(QrError);
  });
});

describe('site URL', () => {
  it('has the same placeholder default as astro.config.mjs', () => {
    const config = readFileSync('astro.config.mjs', 'utf8');
    expect(config).toContain(`process.env.SITE_URL || '${PLACEHOLDER_SITE_URL}'`);
  });

  it('defaults to SITE_URL from the environment, else the placeholder', () => {
    expect(siteUrl()).toBe(process.env.SITE_URL ? process.env.SITE_URL.replace(/\/+$/, '') : PLACEHOLDER_SITE_URL);
  });

  it('keeps the path of a site served under one (issue 13), so QR codes open that deployment', () => {
    expect(siteUrl('https://jyj.example.gov.cn/zizhu/')).toBe('https://jyj.example.gov.cn/zizhu');
    expect(absoluteUrl('/check/#stage=senior', 'https://jyj.example.gov.cn/zizhu/')).toBe('https://jyj.example.gov.cn/zizhu/check/#stage=senior');
    expect(basePathOf('https://jyj.example.gov.cn/zizhu/')).toBe('/zizhu/');
    expect(basePathOf('https://jyj.example.gov.cn/zizhu')).toBe('/zizhu/');
    expect(basePathOf('https://zizhu.county.gov.cn')).toBe('/');
    expect(sitePath('/check/', '/zizhu/')).toBe('/zizhu/check/');
    expect(sitePath('/zizhu/check/', '/zizhu/')).toBe('/zizhu/check/');
    expect(sitePath('/check/', '/')).toBe('/check/');
    expect(isPlaceholderSite('https://zizhu.example.org/sub/')).toBe(true);
  });

  it('is reduced to its origin when it has no path, so paths join without double slashes', () => {
    expect(siteUrl('https://zizhu.county.gov.cn/')).toBe('https://zizhu.county.gov.cn');
    expect(absoluteUrl('/check/#stage=senior', 'https://zizhu.county.gov.cn/')).toBe('https://zizhu.county.gov.cn/check/#stage=senior');
    expect(absoluteUrl('/posters/', 'http://127.0.0.1:4321')).toBe('http://127.0.0.1:4321/posters/');
  });

  it('rejects a site address that is not http(s), and a path without a leading slash', () => {
    expect(() => siteUrl('zizhu.county.gov.cn')).toThrow(/SITE_URL/);
    expect(() => siteUrl('ftp://zizhu.county.gov.cn')).toThrow(/http 或 https/);
    expect(() => absoluteUrl('check/', PLACEHOLDER_SITE_URL)).toThrow(/以 \/ 开头/);
  });

  it('prints the short address without https:// but keeps http:// (typing it must still work)', () => {
    expect(shortUrl('https://zizhu.example.org/check/#stage=senior')).toBe('zizhu.example.org/check/#stage=senior');
    expect(shortUrl('http://10.0.0.2/check/')).toBe('http://10.0.0.2/check/');
  });

  it('knows when the deployment still uses the placeholder', () => {
    expect(isPlaceholderSite(PLACEHOLDER_SITE_URL)).toBe(true);
    expect(isPlaceholderSite(`${PLACEHOLDER_SITE_URL}/`)).toBe(true);
    expect(isPlaceholderSite('https://zizhu.county.gov.cn')).toBe(false);
  });
});
