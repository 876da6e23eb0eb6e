/**
 * QR codes on paper (issue 13): every printed code — ready posters, letters, the builder's A6 cards —
 * is at least 1 mm per module, and an independent decoder (zbar, Debian zbar-tools) reads it from the
 * printed PDF rasterised as a cheap scan would be: `pdftoppm -gray -r 100`, then slightly blurred
 * (ImageMagick `convert -blur 0x1`). The expected address is the QR path of the page's own data on the
 * built site's address (read from the page's printed address), not a string copied from the code.
 */
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newPage, phone, useBrowser } from './helpers';
import { READY_LETTERS, READY_POSTERS } from '../../src/components/posters/types';
import { MIN_MODULE_MM } from '../../src/lib/qr';

const baseURL = inject('baseURL');
const context = useBrowser();
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = ['zbarimg', 'pdftoppm', 'convert'].filter((c) => !have(c));

/** mm per module of every code on the page in print (CSS px at 96 dpi → mm; data-m = modules incl. quiet zone). */
async function moduleSizes(page: Page): Promise<number[]> {
  await page.emulateMedia({ media: 'print' });
  const sizes = await page.$$eval('.sheet .qr', (qrs) => qrs.map((q) => q.getBoundingClientRect().width / (96 / 25.4) / Number(q.getAttribute('data-m'))));
  await page.emulateMedia({ media: null });
  return sizes;
}

/** Prints the page to PDF, rasterises it at 100 dpi in grey, blurs it slightly and decodes every code with zbar. */
async function zbarFromPdf(page: Page): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-print-qr-'));
  try {
    const pdf = join(dir, 'page.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    expect(spawnSync('pdftoppm', ['-gray', '-r', '100', '-png', pdf, join(dir, 'p')], { timeout: 60_000 }).status).toBe(0);
    const out: string[] = [];
    for (const png of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
      const blurred = join(dir, `b-${png}`);
      expect(spawnSync('convert', [join(dir, png), '-blur', '0x1', blurred], { timeout: 60_000 }).status).toBe(0);
      const r = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', blurred], { encoding: 'utf8', timeout: 60_000 });
      out.push(...r.stdout.split('\n').filter(Boolean));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The addresses the page prints under its codes (what the codes must hold). */
const printedAddresses = (page: Page) =>
  page.$$eval('.sheet .url', (ps) => ps.map((p) => (p.textContent ?? '').replace(/\s+/g, '')));

async function check(path: string, ready: (page: Page) => Promise<void> = async () => {}) {
  const { page, errors } = await newPage(await context(phone));
  await page.goto(baseURL + path);
  await ready(page);
  const got = await zbarFromPdf(page);
  const sizes = await moduleSizes(page);
  expect(sizes.length, `${path}: codes`).toBeGreaterThan(0);
  // (0.1 % for the layout's sub-pixel rounding: a code sized at exactly 1 mm per module measures 0.9999.)
  for (const s of sizes) expect(s, `${path}: mm per module`).toBeGreaterThanOrEqual(MIN_MODULE_MM * 0.999);
  const want = [...new Set((await printedAddresses(page)).map((a) => (a.startsWith('http') ? a : `https://${a}`)))];
  expect(got.length, `${path}: codes read by zbar`).toBe(sizes.length);
  expect([...new Set(got)].sort(), path).toEqual(want.sort());
  expect(errors).toEqual([]);
}

describe.skipIf(tools.length > 0)(`printed QR codes: ≥ ${MIN_MODULE_MM} mm per module, read by zbar at 100 dpi, blurred`, () => {
  it.each([...READY_POSTERS])('the %s poster', (slug) => check(`/posters/${slug}/`));
  it.each([...READY_LETTERS])('the %s letter', (slug) => check(`/posters/letter/${slug}/`));
  it.each(['general', 'senior', 'undergrad'])('the A6 cards of the builder (%s)', (stage) =>
    check(`/posters/make/#stage=${stage}&format=cards`, (page) => page.locator('.builder[data-ready="true"]').waitFor()));
});

it('has the tools it needs (zbar-tools, poppler-utils, imagemagick; .ci/run and test/run.mjs install them)', () => {
  expect(tools).toEqual([]);
});
