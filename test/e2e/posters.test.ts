/**
 * Posters, cards and letters (/posters/…) in Chromium, against the built site: every sheet prints as
 * exactly one page of the right size, every QR code decodes (from the screen and from the printed PDF)
 * to the configured site URL + the intended path, and that path reaches the right stage page or wizard
 * state on the local server. The builder shows what the officer types, on screen and in print.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import jsQR from 'jsqr';
// @ts-expect-error pngjs ships no type declarations (only used here to read screenshots)
import pngjs from 'pngjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  desktop, distDir, formatViolations, horizontalOverflow, newPage, phone, printToPng, runAxe, screenshot, useBrowser,
} from './helpers';
import { posterContent, targetPath } from '../../src/components/posters/content';
import { BUILDER_SLUGS, READY_LETTERS, READY_POSTERS, SCHOOL_MAX, type PosterSlug } from '../../src/components/posters/types';
import { STEPS } from '../../src/components/posters/Sheets';
import { FRAUD_LINE } from '../../src/components/shell/site';
import { formatDay } from '../../src/lib/format';
import { PLACEHOLDER_SITE_URL } from '../../src/lib/site-url';
import { dataAsOf } from '../../src/data/index';
import { GRADE_MAX, parseAnswers, type Stage } from '../../src/rules/answers';

interface Png { width: number; height: number; data: Buffer }
const { PNG } = pngjs as {
  PNG: { new (o: { width: number; height: number }): Png; sync: { read(b: Buffer): Png }; bitblt(src: Png, dst: Png, sx: number, sy: number, w: number, h: number, dx: number, dy: number): void };
};
const baseURL = inject('baseURL');
const context = useBrowser();
/** Desktop window at DPR 2: the preview is at its largest, QR modules are several device px. */
const sharp = { ...desktop, deviceScaleFactor: 2 };

/** The site URL this build was made for (astro.config `site` / SITE_URL), from the home page's canonical link. */
function builtSite(): string {
  const html = readFileSync(join(distDir(), 'index.html'), 'utf8');
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error('dist/index.html has no canonical link, so the configured site URL is unknown');
  return new URL(href).origin;
}
const SITE = builtSite();

// ---- PDF and image helpers -------------------------------------------------------------------

interface PdfInfo { pages: number; sizes: string[] }
/** Page count and page sizes (in mm, "210x297") of a PDF from Chromium, read from its page objects. */
function pdfInfo(pdf: Buffer): PdfInfo {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map((m) => `${Math.round((Number(m[1]) * 25.4) / 72)}x${Math.round((Number(m[2]) * 25.4) / 72)}`);
  return { pages, sizes };
}

async function printPdf(page: Page): Promise<PdfInfo> {
  return pdfInfo(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
}

/** Decodes the QR code in a PNG (a screenshot, or a printed page rendered by Ghostscript/pdftoppm). */
function decodePng(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

async function decodeQr(qr: Locator): Promise<string | null> {
  await qr.scrollIntoViewIfNeeded();
  return decodePng(await qr.screenshot());
}

/**
 * Boxes inside `sheetSel` whose content does not fit: the sheet itself, each of its direct parts, and
 * text blocks that are wider than their box. [] = everything fits.
 */
async function overflowing(page: Page, sheetSel = '.sheet'): Promise<string[]> {
  return page.$$eval(sheetSel, (sheets) => sheets.flatMap((sheet) => {
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    // Boxes: content taller or wider than the box. Text: only wider (a tight line-height lets CJK glyphs
    // poke a pixel or two above and below their line box, which is ink, not overflow).
    const check = (el: Element, vertical = true) => {
      const h = el as HTMLElement;
      if ((vertical && h.scrollHeight > h.clientHeight + 1) || h.scrollWidth > h.clientWidth + 1) out.push(`${name(el)} ${h.scrollWidth}×${h.scrollHeight} in ${h.clientWidth}×${h.clientHeight}`);
    };
    check(sheet);
    const parts = sheet.classList.contains('cards') ? [...sheet.querySelectorAll('.zcard')] : [sheet];
    for (const part of parts) {
      check(part);
      const box = part.getBoundingClientRect();
      for (const child of Array.from(part.children)) {
        const r = child.getBoundingClientRect();
        if (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1) out.push(`${name(child)} sticks out of ${name(part)}`);
      }
      for (const el of Array.from(part.querySelectorAll('p, h2, h3, dd, dt, th, td, li, .url'))) check(el, false);
    }
    return out;
  }));
}

/** Where a QR path should land on the local server: the wizard at the stage's first question (the stage question for 义务教育 and the general poster). */
async function expectLandsRight(page: Page, path: string, stage: PosterSlug) {
  await page.emulateMedia({ media: 'screen' });
  const res = await page.goto(baseURL + path);
  expect(res?.status(), `${path} answers`).toBe(200);
  expect(path, 'every poster leads to the wizard').toMatch(/^\/check\//);
  {
    await page.locator('.wz-q[data-q]').first().waitFor({ timeout: 10_000 });
    const q = await page.getAttribute('.wz-q[data-q]', 'data-q');
    const parsed = parseAnswers(new URL(page.url()).hash);
    if (stage === 'general' || stage === 'compulsory') {
      // 义务教育 covers two wizard stages: the family picks 小学 or 初中 first.
      expect(q).toBe('stage');
    } else {
      expect(parsed.ok && parsed.answers.stage, `${path} keeps the stage in the wizard`).toBe(stage);
      expect(q, 'the wizard skips the stage question').toBe('grade');
      // the grade choices are those of the poster's stage
      expect(await page.locator('.wz-q [data-v]').count()).toBe(GRADE_MAX[stage as Stage]);
    }
  }
}

/**
 * The printed page rendered to PNG (Ghostscript or pdftoppm), and every QR code on it decoded from that
 * image, as a phone would read the paper. Each code is cut out of the page (where the print layout puts
 * it, plus a margin) before decoding. Returns 'no-renderer' when neither converter is installed.
 */
async function decodePrinted(page: Page, name: string, dpi = 150): Promise<(string | null)[] | 'no-renderer'> {
  const boxes = await page.$$eval('.sheet .qr', (qrs) => {
    const sheet = qrs[0]!.closest('.sheet')!.getBoundingClientRect();
    return qrs.map((q) => {
      const r = q.getBoundingClientRect();
      return { x: (r.left - sheet.left) / sheet.width, y: (r.top - sheet.top) / sheet.width, w: r.width / sheet.width, h: r.height / sheet.width };
    });
  });
  const pngs = await printToPng(page, name, dpi);
  if (!pngs.length) return 'no-renderer';
  expect(pngs, `${name}: rendered pages`).toHaveLength(1);
  const img = PNG.sync.read(readFileSync(pngs[0]!));
  const scale = img.width; // the sheet is as wide as the page
  return boxes.map((b) => {
    const pad = Math.round(0.015 * scale);
    const x = Math.max(0, Math.round(b.x * scale) - pad);
    const y = Math.max(0, Math.round(b.y * scale) - pad);
    const w = Math.min(img.width - x, Math.round(b.w * scale) + 2 * pad);
    const h = Math.min(img.height - y, Math.round(b.h * scale) + 2 * pad);
    const crop = new PNG({ width: w, height: h });
    PNG.bitblt(img, crop, x, y, w, h, 0, 0);
    return jsQR(new Uint8ClampedArray(crop.data.buffer, crop.data.byteOffset, crop.data.length), w, h)?.data ?? null;
  });
}

// ---- Tests ---------------------------------------------------------------------------------------

describe('ready posters', () => {
  it.each([...READY_POSTERS])('the %s poster prints as one A4 page whose QR code opens the right place', async (slug) => {
    const { page, errors } = await newPage(await context(sharp));
    await page.goto(`${baseURL}/posters/${slug}/`);
    const sheet = page.locator('.sheet');
    expect(await sheet.count()).toBe(1);
    const date = (await sheet.getAttribute('data-date'))!;
    const content = posterContent(slug, date);

    // Content from the data: every subsidy in force, with its amount lines
    const text = (await sheet.textContent()) ?? '';
    if (slug === 'general') {
      expect(await sheet.locator('.groups > li').count()).toBe(6);
      for (const g of content.groups) for (const n of g.names) expect(text).toContain(n);
    } else {
      expect(await sheet.locator('h2').textContent()).toContain(content.stageName);
      expect(await sheet.locator('tr[data-subsidy]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-subsidy')))).toEqual(content.rows.map((r) => r.id));
      for (const r of content.rows) {
        const row = (await sheet.locator(`tr[data-subsidy="${r.id}"]`).textContent()) ?? '';
        expect(row).toContain(r.name);
        expect(row).toContain(r.statusTerm);
        for (const a of r.amounts) expect(row).toContain(a.text);
        if (r.local) expect(row).toContain('以当地公布为准');
      }
    }
    expect(await sheet.locator('.steps li').allTextContents()).toEqual(STEPS.map((s, i) => `${i + 1}${s}`));
    expect(text).toContain(FRAUD_LINE);
    expect(text).toContain(`数据核对日期：${formatDay(dataAsOf)}`);
    const url = SITE + targetPath(slug);
    expect(text).toContain(url.replace(/^https:\/\//, ''));
    expect(await overflowing(page)).toEqual([]);

    // The QR code, from the screen
    expect(await decodeQr(sheet.locator('.qr'))).toBe(url);

    // Print: one A4 page, nothing but the sheet
    await page.emulateMedia({ media: 'print' });
    expect(await overflowing(page)).toEqual([]);
    for (const sel of ['.poster-tools', 'header.site-header', 'footer.site-footer']) expect(await page.locator(sel).isVisible(), sel).toBe(false);
    expect(await printPdf(page)).toEqual({ pages: 1, sizes: ['210x297'] });
    const printed = await decodePrinted(page, `poster-${slug}`);
    if (printed !== 'no-renderer') expect(printed, 'QR code decoded from the printed page').toEqual([url]);
    expect(errors).toEqual([]);

    // …and the path reaches the right place on the built site
    await expectLandsRight(page, targetPath(slug), slug);
  });

  it('a page counter that sees a second sheet as a second page (the one-page checks can fail)', async () => {
    const { page } = await newPage(await context(desktop));
    await page.goto(`${baseURL}/posters/senior/`);
    await page.evaluate(() => {
      const s = document.querySelector('.sheet')!;
      s.after(s.cloneNode(true));
    });
    await page.emulateMedia({ media: 'print' });
    expect((await printPdf(page)).pages).toBe(2);
  });

  it('print in black and white: text black, the QR code black on white, the quiet zone kept', async () => {
    const { page } = await newPage(await context(sharp));
    await page.goto(`${baseURL}/posters/undergrad/`);
    await page.emulateMedia({ media: 'print' });
    const colours = await page.$$eval('.sheet, .sheet *', (els) => [...new Set(els.filter((e) => !e.closest('svg')).map((e) => getComputedStyle(e).color))]);
    expect(colours).toEqual(['rgb(0, 0, 0)']);
    const qr = await page.$eval('.sheet .qr svg', (svg) => ({
      viewBox: svg.getAttribute('viewBox'),
      light: svg.querySelector('path[fill]')?.getAttribute('fill'),
      dark: svg.querySelector('path[stroke]')?.getAttribute('stroke'),
      d: svg.querySelector('path[stroke]')?.getAttribute('d') ?? '',
      w: svg.getBoundingClientRect().width,
      h: svg.getBoundingClientRect().height,
    }));
    expect(qr.light).toBe('#ffffff');
    expect(qr.dark).toBe('#000000');
    expect(qr.w).toBeCloseTo(qr.h, 0);
    // the first dark module is 4 modules in from the edge (quiet zone)
    expect(qr.d).toMatch(/^M4 4\.5h/);
    // status and local figures are said in words, not colour
    expect(await page.locator('.sheet .tag').first().textContent()).toMatch(/自动享受|可以申请/);
  });

  it('are not in the site search index, and open without any script file', async () => {
    for (const path of [...READY_POSTERS.map((s) => `/posters/${s}/`), ...READY_LETTERS.map((s) => `/posters/letter/${s}/`), '/posters/make/']) {
      const html = await (await fetch(baseURL + path)).text();
      expect(html, path).not.toContain('data-pagefind-body');
      expect(html, path).toMatch(/<html[^>]*\slang="zh-CN"/);
      if (!path.includes('/make/')) expect(html, path).not.toMatch(/<script[^>]+src=/);
    }
  });
});

describe('letters to parents', () => {
  it.each([...READY_LETTERS])('the %s letter prints as one A4 page with the data and a QR code that opens the right place', async (slug) => {
    const { page, errors } = await newPage(await context(sharp));
    await page.goto(`${baseURL}/posters/letter/${slug}/`);
    const sheet = page.locator('.sheet.letter');
    expect(await sheet.count()).toBe(1);
    const content = posterContent(slug, (await sheet.getAttribute('data-date'))!);
    expect(await sheet.locator('h2').textContent()).toBe('致家长的一封信');
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('尊敬的家长');
    for (const r of content.rows) {
      const row = (await sheet.locator(`tr[data-subsidy="${r.id}"]`).textContent()) ?? '';
      expect(row).toContain(r.name);
      expect(row).toContain(r.where);
      if (r.when) expect(row).toContain(r.when);
      for (const a of r.amounts) expect(row).toContain(a.text);
    }
    // Paper has no link to what 未确认 means: the footer says it whenever a figure carries it.
    if (content.rows.some((r) => r.amounts.some((a) => a.text.includes('未确认')))) expect(text).toContain('标着「未确认」的，只有一个来源或是地方做法');
    expect(text).toContain(FRAUD_LINE);
    expect(await overflowing(page)).toEqual([]);
    const url = SITE + targetPath(slug);
    expect(await decodeQr(sheet.locator('.qr'))).toBe(url);
    await page.emulateMedia({ media: 'print' });
    expect(await overflowing(page)).toEqual([]);
    expect(await printPdf(page)).toEqual({ pages: 1, sizes: ['210x297'] });
    const printed = await decodePrinted(page, `letter-${slug}`);
    if (printed !== 'no-renderer') expect(printed, 'QR code decoded from the printed page').toEqual([url]);
    expect(errors).toEqual([]);
    await expectLandsRight(page, targetPath(slug), slug);
  });
});

describe('posters index', () => {
  it('links every ready poster, every letter and the builder', async () => {
    const { page, errors } = await newPage(await context(phone));
    const res = await page.goto(`${baseURL}/posters/`);
    expect(res?.status()).toBe(200);
    for (const s of READY_POSTERS) expect(await page.locator(`main a[href="/posters/${s}/"]`).count(), s).toBe(1);
    for (const s of READY_LETTERS) expect(await page.locator(`main a[href="/posters/letter/${s}/"]`).count(), s).toBe(1);
    expect(await page.locator('main a[href="/posters/make/"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await screenshot(page, 'posters-index-phone');
  });

  it('warns on screen only, and only while the site URL is the placeholder', async () => {
    const { page } = await newPage(await context(phone));
    for (const path of ['/posters/', '/posters/make/', '/posters/senior/', '/schools/messages/']) {
      await page.goto(baseURL + path);
      const warning = page.locator('[data-site-warning]');
      if (SITE === PLACEHOLDER_SITE_URL) {
        expect(await warning.isVisible(), path).toBe(true);
        expect(await warning.textContent()).toContain('SITE_URL');
        await page.emulateMedia({ media: 'print' });
        expect(await warning.isVisible(), `${path} in print`).toBe(false);
        await page.emulateMedia({ media: 'screen' });
      } else {
        expect(await warning.count(), path).toBe(0);
      }
    }
  });
});

describe('poster builder', () => {
  const builder = async (hash = '', opts = phone) => {
    const t = await newPage(await context(opts));
    await t.page.goto(`${baseURL}/posters/make/${hash}`);
    await t.page.locator('.builder[data-ready="true"]').waitFor();
    return t;
  };

  it('shows the school name and hotline typed in, on the poster and in print, and keeps them in the link', async () => {
    const { page, errors } = await builder();
    await page.fill('#b-school', '某某县第一中学');
    await page.fill('#b-phone', '0000-1234567');
    await page.selectOption('#b-stage', 'senior');
    const sheet = page.locator('.sheets .sheet');
    await expect.poll(() => sheet.getAttribute('data-slug')).toBe('senior');
    expect(await sheet.locator('.kicker').textContent()).toBe('某某县第一中学');
    expect(await sheet.locator('.contact').textContent()).toBe('咨询电话：0000-1234567');
    expect(await page.locator('.site-header').count()).toBe(1);
    // the link carries the state
    const hash = new URL(page.url()).hash;
    expect(new URLSearchParams(hash.slice(1)).get('school')).toBe('某某县第一中学');
    expect(hash).toContain('phone=0000-1234567');
    expect(hash).toContain('stage=senior');
    expect(hash).toContain('format=a4');
    expect(await page.inputValue('#b-link')).toBe(`${SITE}/posters/make/${hash}`);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.builder-form').isVisible()).toBe(false);
    expect(await page.locator('.builder-share').isVisible()).toBe(false);
    expect(await sheet.locator('.kicker').isVisible()).toBe(true);
    expect(await sheet.locator('.contact').isVisible()).toBe(true);
    expect(await printPdf(page)).toEqual({ pages: 1, sizes: ['210x297'] });
    expect(errors).toEqual([]);

    // A pre-filled link opens the same state
    const again = await builder(hash);
    expect(await again.page.inputValue('#b-school')).toBe('某某县第一中学');
    expect(await again.page.inputValue('#b-phone')).toBe('0000-1234567');
    expect(await again.page.inputValue('#b-stage')).toBe('senior');
    expect(await again.page.locator('.sheets .sheet .contact').textContent()).toBe('咨询电话：0000-1234567');
  });

  it.each([
    ['a4', '210x297', 1],
    ['a3', '297x420', 1],
    ['cards', '210x297', 4],
    ['letter', '210x297', 1],
  ] as const)('prints the %s format as exactly one %s page, every QR code decoding to the stage', async (format, size, codes) => {
    const { page, errors } = await builder(`#school=${encodeURIComponent('某某县第一中学')}&phone=0000-1234567&office=${encodeURIComponent('学校资助办公室')}&stage=junior&format=${format}`, sharp);
    expect(await page.locator(`input[name="format"][value="${format}"]`).isChecked()).toBe(true);
    const qrs = page.locator('.sheets .qr');
    expect(await qrs.count()).toBe(codes);
    const url = `${SITE}/check/#stage=junior`;
    for (let i = 0; i < codes; i++) expect(await decodeQr(qrs.nth(i)), `QR ${i + 1}`).toBe(url);
    expect(await overflowing(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await overflowing(page)).toEqual([]);
    expect(await printPdf(page)).toEqual({ pages: 1, sizes: [size] });
    const printed = await decodePrinted(page, `builder-${format}`, format === 'cards' ? 200 : 150);
    if (printed !== 'no-renderer') expect(printed, 'QR codes decoded from the printed page').toEqual(Array(codes).fill(url));
    expect(errors).toEqual([]);
  });

  // The A6 cards dropped the A4 poster's status markers: 「营养改善计划 每个在校日 5 元」 and 「…生活补助
  // 750–1500 元/年」 read as if every child got them.
  it.each(BUILDER_SLUGS.filter((s) => s !== 'general'))('the %s cards keep every row\'s status marker, as the A4 poster has it, and still fit their A6 page in print', async (slug) => {
    const { page, errors } = await builder(`#school=${encodeURIComponent('某某县第一中学')}&phone=0000-1234567&office=${encodeURIComponent('学校资助办公室')}&stage=${slug}&format=cards`, sharp);
    const sheet = page.locator('.sheets .sheet');
    const content = posterContent(slug, (await sheet.getAttribute('data-date'))!);
    expect(content.rows.length).toBeGreaterThan(0);
    const cards = page.locator('.sheets .zcard');
    for (let i = 0; i < 4; i++) {
      const card = cards.nth(i);
      expect(await card.locator('li[data-subsidy]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-subsidy')))).toEqual(content.rows.map((r) => r.id));
      for (const r of content.rows) {
        const li = card.locator(`li[data-subsidy="${r.id}"]`);
        expect(await li.locator(`.tag-${r.status}`).textContent(), `${slug} ${r.id}`).toBe(r.statusTerm);
        expect(await li.textContent()).toContain(r.short);
      }
    }
    expect(await overflowing(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await overflowing(page), `${slug} in print`).toEqual([]);
    expect(await cards.first().locator('.tag').first().isVisible()).toBe(true);
    // A figure that wraps never leaves one character alone on its last line (「公办全免；民办按公办标准」/「免」).
    const lone = await cards.first().locator('.c-amt').evaluateAll((bs) => bs.flatMap((b) => {
      const r = document.createRange();
      r.selectNodeContents(b);
      const lines = new Map<number, number>();
      const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.textContent!.length; i++) {
          const cr = document.createRange();
          cr.setStart(n, i); cr.setEnd(n, i + 1);
          const top = Math.round(cr.getBoundingClientRect().top);
          lines.set(top, (lines.get(top) ?? 0) + 1);
        }
      }
      return lines.size > 1 && [...lines.values()].pop() === 1 ? [b.textContent] : [];
    }));
    expect(lone, `${slug} in print`).toEqual([]);
    // The footer explains 未确认 only when a figure on the card carries it (a card shows each row's short figure).
    const foot = (await cards.first().locator('.as-of').textContent()) ?? '';
    expect(foot.includes('标着「未确认」的'), `${slug} footer`).toBe(content.rows.some((r) => r.short.includes('未确认')));
    expect(await printPdf(page)).toEqual({ pages: 1, sizes: ['210x297'] });
    if (slug === 'junior' || slug === 'undergrad') await printToPng(page, `builder-cards-${slug}`, 150);
    expect(errors).toEqual([]);
  });

  it('prints a card sheet with four cards and cut lines, each card with the school, the hotline and the code', async () => {
    const { page } = await builder(`#school=${encodeURIComponent('某某县实验小学')}&phone=0000-7654321&stage=primary&format=cards`, sharp);
    const cards = page.locator('.sheets .zcard');
    expect(await cards.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const t = (await cards.nth(i).textContent()) ?? '';
      expect(t).toContain('某某县实验小学');
      expect(t).toContain('0000-7654321');
      expect(t).toContain(FRAUD_LINE);
    }
    // the four cards tile the sheet: 105 × 148.5 mm each
    const boxes = await cards.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }));
    const sheetW = await page.locator('.sheets .sheet').evaluate((e) => e.getBoundingClientRect().width);
    for (const [w, h] of boxes) {
      expect(w! / sheetW).toBeCloseTo(0.5, 2);
      expect(h! / sheetW).toBeCloseTo(148.5 / 210, 2);
    }
    expect(await page.locator('.sheets .cut-v').count()).toBe(1);
    expect(await page.locator('.sheets .cut-h').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const pngs = await printToPng(page, 'builder-cards-sheet', 100);
    if (pngs.length) expect(pngs).toHaveLength(1);
  });

  it('fits a very long school name on the poster, the cards and the letter', async () => {
    const base = '某某省某某市某某县某某镇九年一贯制学校暨某某县第二实验中学（东校区）教育集团成员单位附属幼儿园';
    const long = [...base, ...base].slice(0, SCHOOL_MAX).join('');
    expect([...long]).toHaveLength(SCHOOL_MAX);
    const latin = `Mouxian No.1 Experimental School ${'X'.repeat(26)}`;
    // The letter for every stage: its table, the signature and the contact line share one A4 page.
    const cases = [['a4', long, 'undergrad'], ['cards', long, 'undergrad'], ...READY_LETTERS.map((s) => ['letter', long, s] as const), ['a3', long, 'undergrad'], ['a4', latin, 'undergrad'], ['cards', latin, 'undergrad']] as const;
    for (const [format, school, stage] of cases) {
      const { page } = await builder(`#school=${encodeURIComponent(school)}&phone=0000-1234567&office=${encodeURIComponent('县学生资助管理中心（教育局三楼）')}&stage=${stage}&format=${format}`, sharp);
      // posters and cards: the top line; the letter: the signature
      const kicker = page.locator(format === 'letter' ? '.sheets .l-sign' : '.sheets .kicker').first();
      expect(await kicker.textContent()).toContain(school);
      const fit = await kicker.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
      expect(fit.sw, `${format} ${stage}`).toBeLessThanOrEqual(fit.cw);
      expect(fit.sh, `${format} ${stage}`).toBeLessThanOrEqual(fit.ch);
      expect(await overflowing(page), `${format} ${stage}`).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await overflowing(page), `${format} ${stage} in print`).toEqual([]);
      expect((await printPdf(page)).pages, `${format} ${stage}`).toBe(1);
      if (format === 'a4' && school === long) await printToPng(page, 'builder-long-name-a4', 80);
    }
  });

  it('leaves no empty label for an empty hotline or office', async () => {
    const { page } = await builder(`#school=${encodeURIComponent('某某中学')}&office=${encodeURIComponent('学校资助办公室')}&stage=senior&format=a4`);
    const sheet = page.locator('.sheets .sheet');
    expect(await sheet.textContent()).not.toContain('咨询电话');
    expect(await sheet.locator('.contact').textContent()).toBe('办理地点：学校资助办公室');
    expect(await sheet.locator('.contact dt').count()).toBe(1);
    // cards and letter too
    for (const format of ['cards', 'letter']) {
      await page.locator(`input[name="format"][value="${format}"]`).check();
      await expect.poll(() => sheet.getAttribute('data-kind')).toBe(format);
      expect(await sheet.textContent(), format).not.toContain('咨询电话');
    }
    // Nothing typed at all: no contact list, no colon with nothing after it
    await page.fill('#b-office', '');
    await page.locator('input[name="format"][value="a4"]').check();
    await expect.poll(() => sheet.getAttribute('data-kind')).toBe('a4');
    expect(await sheet.locator('dl.contact').count()).toBe(0);
    expect(await sheet.textContent()).not.toMatch(/(咨询电话|办理地点)：/);
    expect(await sheet.evaluate((el) => [...el.querySelectorAll('dd, dt, p, li, span')].filter((e) => e.textContent!.trim() === '' && e.children.length === 0 && !e.closest('.cut, .qr')).length)).toBe(0);
  });

  it('says in Chinese what was wrong with a bad link and carries on with the defaults', async () => {
    const { page, errors } = await builder('#stage=kindergarten&format=a5&school=%E6%9F%90%E6%A0%A1');
    const alert = page.locator('.builder-form [role="alert"]');
    expect(await alert.textContent()).toContain('链接里的学段「kindergarten」不认识');
    expect(await alert.textContent()).toContain('链接里的版式「a5」不认识');
    expect(await page.inputValue('#b-school')).toBe('某校');
    expect(await page.locator('.sheets .sheet').getAttribute('data-slug')).toBe('general');
    expect(await page.locator('.sheets .sheet').getAttribute('data-kind')).toBe('a4');
    expect(errors).toEqual([]);
  });

  it('offers every stage, and its QR code follows the stage picked', async () => {
    const { page } = await builder('', sharp);
    expect(await page.locator('#b-stage option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([...BUILDER_SLUGS]);
    for (const slug of ['general', 'compulsory', 'postgrad'] as const) {
      await page.selectOption('#b-stage', slug);
      await expect.poll(() => page.locator('.sheets .sheet').getAttribute('data-slug')).toBe(slug);
      expect(await decodeQr(page.locator('.sheets .qr').first())).toBe(SITE + targetPath(slug));
    }
  });

  it('sends nothing anywhere: no request leaves the site while typing and printing', async () => {
    const { page, requests } = await builder();
    await page.fill('#b-school', '某某县第一中学');
    await page.fill('#b-phone', '0000-1234567');
    await page.locator('input[name="format"][value="cards"]').check();
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(requests.filter((u) => !u.startsWith(baseURL))).toEqual([]);
  });
});

describe('on a phone', () => {
  it.each([
    ['390 px', phone],
    ['320 px', { ...phone, viewport: { width: 320, height: 640 } }],
  ] as const)('the index, a poster, a letter and the builder have no horizontal scrolling at %s', async (name, opts) => {
    const { page } = await newPage(await context(opts));
    for (const path of ['/posters/', '/posters/undergrad/', '/posters/letter/compulsory/', '/posters/make/#format=cards&stage=undergrad']) {
      await page.goto(baseURL + path);
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), `${path} at ${name}`).toEqual({ overflow: 0, culprits: [] });
    }
  });

  it('the 「跳到正文」 skip link keeps what the officer typed in the builder', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(`${baseURL}/posters/make/#school=${encodeURIComponent('某某县第一中学')}&phone=0000-1234567&stage=vocational&format=a4`);
    await page.locator('.builder[data-ready="true"]').waitFor();
    const before = new URL(page.url()).hash;
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).hash).toBe(before);
    expect(await page.locator('#b-school').inputValue()).toBe('某某县第一中学');
  });

  it('the builder is usable: fields big enough to tap, preview scaled to the screen', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(`${baseURL}/posters/make/#school=${encodeURIComponent('某某县第一中学')}&phone=0000-1234567&stage=vocational&format=a4`);
    await page.locator('.builder[data-ready="true"]').waitFor();
    for (const sel of ['#b-school', '#b-phone', '#b-office', '#b-stage', '.builder-form .radio', '.builder-form .btn']) {
      const box = (await page.locator(sel).first().boundingBox())!;
      expect(box.height, sel).toBeGreaterThanOrEqual(44);
    }
    const sheet = (await page.locator('.sheets .sheet').boundingBox())!;
    expect(sheet.width).toBeLessThanOrEqual(390);
    expect(sheet.height / sheet.width).toBeCloseTo(297 / 210, 2);
    await screenshot(page, 'posters-builder-phone');
  });
});

describe('accessibility (axe)', () => {
  const pages = ['/posters/', ...READY_POSTERS.map((s) => `/posters/${s}/`), ...READY_LETTERS.map((s) => `/posters/letter/${s}/`)];
  it.each(pages)('%s is axe-clean', async (path) => {
    const { page } = await newPage(await context(phone));
    await page.goto(baseURL + path);
    expect(formatViolations(await runAxe(page))).toBe('');
  });

  it.each(['', `#school=${encodeURIComponent('某某中学')}&phone=1&stage=junior&format=cards`, '#stage=postgrad&format=letter', '#stage=x'])(
    'the builder with "%s" is axe-clean', async (hash) => {
      const { page } = await newPage(await context(phone));
      await page.goto(`${baseURL}/posters/make/${hash}`);
      await page.locator('.builder[data-ready="true"]').waitFor();
      expect(formatViolations(await runAxe(page))).toBe('');
    },
  );
});
