/**
 * Regional standards in Chromium: /regions/ and one page per configured region (figures next to the
 * national ones, contacts or the pointer to the local 资助中心, sources), axe-clean, phone-sized, no JS;
 * and a region-default build (ZZ_REGION=510000, SITE_URL=https://zizhu.example-sc.cn, made once per run
 * by test/e2e/region-build.ts and shared with region-default.test.ts), where the region is marked as
 * the default and poster QR codes carry the deployment address.
 */
import { hostOf, isOfficialUrl } from '../../src/lib/site-url.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
// @ts-expect-error pngjs ships no types (the same import as test/e2e/posters.test.ts)
import pngjs from 'pngjs';
import jsQR from 'jsqr';
import { formatViolations, horizontalOverflow, launchBrowser, newPage, phone, runAxe, screenshot, scriptRequests } from './helpers';
import { REGION_BUILD, regionBuild, type RegionBuild } from './region-build';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { formatTiers, regionContacts, regionLabel, regionalFigures } from '../../src/rules/regions.ts';

const baseURL = inject('baseURL');
let browser: Browser;
const contexts: BrowserContext[] = [];
async function open(url: string, opts = phone): Promise<{ page: Page; errors: string[]; requests: string[]; status: number | undefined }> {
  const c = await browser.newContext(opts);
  contexts.push(c);
  const t = await newPage(c);
  const res = await t.page.goto(url);
  await t.page.waitForLoadState('networkidle');
  return { ...t, status: res?.status() };
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

describe('the regions index /regions/', () => {
  it('lists every configured region with a link to its page, axe-clean and without JavaScript', async () => {
    const { page, errors, requests, status } = await open(baseURL + '/regions/');
    expect(status).toBe(200);
    expect(await page.textContent('h1')).toBe('各地的资助标准');
    for (const r of regions) {
      const link = page.locator(`li[data-region="${r.code}"] > a`);
      expect(await link.getAttribute('href'), r.name).toBe(`/regions/${r.code}/`);
    }
    expect(await page.textContent('main')).toContain('普通高中国家助学金');
    expect(errors).toEqual([]);
    expect(scriptRequests(requests)).toEqual([]);
    expect(formatViolations(await runAxe(page))).toBe('');
    await screenshot(page, 'regions-index-phone');
  });
});

describe('a page per configured region', () => {
  for (const r of regions) {
    it(`/regions/${r.code}/ (${r.name}) shows its figures next to the national ones, its contacts and its sources`, async () => {
      const { page, errors, requests, status } = await open(`${baseURL}/regions/${r.code}/`);
      expect(status).toBe(200);
      const label = regionLabel(regions, r.code);
      expect(await page.textContent('h1')).toBe(`${label}的资助标准`);
      const date = (await page.getAttribute('time[data-today]', 'datetime'))!;
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // Figures: one card per subsidy the region changes, the regional figure and tiers from the data.
      const figures = regionalFigures(dataset, regions, r.code, date).filter((f) => !f.regionOnly);
      expect(await page.locator('.rg-sub').count()).toBe(figures.length + regionalFigures(dataset, regions, r.code, date).filter((f) => f.regionOnly).length);
      for (const f of figures) {
        const card = page.locator(`.rg-sub[data-subsidy="${f.id}"]`);
        expect(await card.locator('h3').textContent()).toBe(f.name);
        for (const l of f.lines) {
          const line = card.locator(`.rg-line[data-line="${l.label ?? ''}"]`);
          const text = (await line.textContent())!;
          expect(text).toContain(String(l.regional!.value));
          if (l.regional?.region) {
            expect(text).toContain(l.regional.region.name);
            if (formatTiers(l.regional)) expect(text).toContain(formatTiers(l.regional));
            expect(await line.locator('[data-national]').textContent()).toContain(String(l.national!.value));
          }
        }
      }
      if (!figures.length) expect(await page.locator('[data-no-figures]').count()).toBe(1);

      // Contacts: the published ones, or the plain pointer (never an invented number).
      const contacts = regionContacts(regions, r.code);
      if (contacts.length) expect(await page.locator('[data-contact]').count()).toBe(contacts.length);
      else expect(await page.locator('[data-no-contacts]').textContent()).toContain('请向学校或当地教育局学生资助管理中心咨询');

      // Sources of the region (and its parents), linked to the published page.
      for (const s of r.sources) {
        const item = page.locator(`[data-source="${s.id}"]`);
        expect(await item.textContent()).toContain(s.title);
        // Official sites are linked; a copy on another site is named by its host, not linked.
        if (s.url && isOfficialUrl(s.url)) expect(await item.locator('a').first().getAttribute('href')).toBe(s.url);
        else if (s.url) {
          expect(await item.textContent()).toContain(`转载：${hostOf(s.url)}`);
          expect(await item.locator(`a[href="${s.url}"]`).count()).toBe(0);
        }
      }
      expect(await page.getAttribute('a.btn-primary', 'href')).toBe(`/check/#region=${r.code}`);

      expect(errors).toEqual([]);
      expect(scriptRequests(requests)).toEqual([]);
      expect(formatViolations(await runAxe(page))).toBe('');
      expect((await horizontalOverflow(page)).culprits).toEqual([]);
      await screenshot(page, `region-${r.code}-phone`);
    });
  }

  it('四川: 普通高中国家助学金 shows 分三档：1300、2300、3300 元/年 and the national 2300 average', async () => {
    const { page } = await open(`${baseURL}/regions/510000/`);
    const card = (await page.locator('.rg-sub[data-subsidy="senior-grant"]').textContent())!;
    expect(card).toContain('分三档：1300、2300、3300 元/年');
    expect(card).toContain('全国');
    expect(card).toContain('2300 元/年（平均标准）');
  });

  it('still reads at 320 px and at 200 % zoom without sideways scrolling', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 195, height: 422 }]) {
      const { page } = await open(`${baseURL}/regions/530521/`, { ...phone, viewport });
      expect((await horizontalOverflow(page)).culprits, `${viewport.width}px`).toEqual([]);
    }
  });

  it('an unknown region code is a 404 page in Chinese, not a blank page', async () => {
    const { page, status } = await open(`${baseURL}/regions/123456/`);
    expect(status).toBe(404);
    expect((await page.textContent('main'))!.length).toBeGreaterThan(10);
  });
});

// ---------------------------------------------------------------------------------------------------
// A county (here: a province) deploying its own copy: ZZ_REGION + SITE_URL at build time.

describe('a region-default build (ZZ_REGION=510000)', () => {
  const SITE = REGION_BUILD.site;
  let build: RegionBuild | undefined;
  let url = '';
  let buildLog = '';

  // Shared with test/e2e/region-default.test.ts: built once per run (test/e2e/region-build.ts).
  beforeAll(async () => {
    build = await regionBuild();
    url = build.url;
    buildLog = build.log;
  }, 180_000);

  afterAll(() => build?.close());

  it('builds', () => {
    expect(url, buildLog).not.toBe('');
  });

  it('marks 四川省 as the default region on /regions/ and on its page', async () => {
    const index = await open(url + '/regions/');
    expect(await index.page.locator('[data-default-region="510000"] a').getAttribute('href')).toBe('/regions/510000/');
    const own = await open(url + '/regions/510000/');
    expect(await own.page.textContent('.rg-default')).toContain('本站默认地区');
    expect(await own.page.textContent('.rg-sub[data-subsidy="senior-grant"]')).toContain('1300、2300、3300');
    expect(await own.page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${SITE}/regions/510000/`);
    // Other regions are not marked as the default.
    expect(await (await open(url + '/regions/530521/')).page.locator('.rg-default').count()).toBe(0);
    await screenshot(own.page, 'region-default-510000-phone');
  });

  it('poster QR codes carry the deployment address', async () => {
    const { page, status } = await open(url + '/posters/general/');
    expect(status).toBe(200);
    const qr = page.locator('.qr').first();
    const png = pngjs.PNG.sync.read(await qr.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data ?? '').toMatch(new RegExp(`^${SITE.replace(/[.]/g, '\\.')}/`));
  });
});
