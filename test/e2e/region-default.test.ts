/**
 * The default region (ZZ_REGION) on stage pages and posters, in Chromium. One region-default build
 * (ZZ_REGION=510000, SITE_URL=https://zizhu.example-sc.cn; made once per run by ./region-build.ts and
 * shared with regions.test.ts) and the normal national build (dist/), three page loads in all:
 *   - /stages/senior/ shows 四川's tiers, says who published them (with the source) and still shows the
 *     national figure; the region's contacts (or the 咨询 sentence) are on the page;
 *   - /posters/senior/ shows the regional figures and its QR code opens the wizard with region=510000
 *     on the deployment's address;
 *   - the national /stages/senior/ shows no regional figure but links to /regions/510000/.
 * Expected figures come from the data (region files, national data), never typed here.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
// @ts-expect-error pngjs ships no types (the same import as test/e2e/posters.test.ts)
import pngjs from 'pngjs';
import jsQR from 'jsqr';
import { desktop, formatViolations, horizontalOverflow, launchBrowser, newPage, phone, runAxe, screenshot } from './helpers';
import { REGION_BUILD, regionBuild, type RegionBuild } from './region-build';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { inForce } from '../../src/rules/evaluate.ts';
import { regionContacts } from '../../src/rules/regions.ts';
import { formatAmount } from '../../src/lib/format.ts';
import { publishedBy, regionalFigure } from '../../src/components/policy/regional.ts';
import { posterContent } from '../../src/components/posters/content.ts';

const baseURL = inject('baseURL');
const { region: CODE, site: SITE } = REGION_BUILD;
const sichuan = regions.find((r) => r.code === CODE)!;
/** 四川's 普通高中国家助学金 entry in force on `date`, and the national one. */
const figures = (date: string) => ({
  own: inForce(sichuan.overrides.find((o) => o.subsidy === 'senior-grant')!.amounts, date)!,
  national: inForce(dataset.subsidies.find((s) => s.id === 'senior-grant')!.amounts, date)!,
});

let browser: Browser;
let build: RegionBuild | undefined;
const contexts: BrowserContext[] = [];
async function open(url: string, opts = phone): Promise<{ page: Page; errors: string[] }> {
  const c = await browser.newContext(opts);
  contexts.push(c);
  const t = await newPage(c);
  await t.page.goto(url);
  await t.page.waitForLoadState('networkidle');
  return t;
}
const text = async (page: Page, sel: string) => ((await page.locator(sel).first().textContent()) ?? '').replace(/\s+/g, ' ');

beforeAll(async () => {
  browser = await launchBrowser();
  build = await regionBuild();
}, 200_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  build?.close();
});

describe(`a build with ZZ_REGION=${CODE} (四川省)`, () => {
  it('builds', () => {
    expect(build?.url, build?.log).toBeTruthy();
  });

  it('/stages/senior/ shows 四川\'s tiers, who published them and the source, the national figure beside them, and who to ask', async () => {
    const { page, errors } = await open(build!.url + '/stages/senior/');
    const date = (await page.getAttribute('time[data-today]', 'datetime'))!;
    const { own, national } = figures(date);
    expect(own.tiers?.length, 'the region file has tiers').toBeGreaterThan(1);

    const line = page.locator(`section#senior-grant .amt-line[data-region="${CODE}"]`);
    expect(await line.count()).toBe(1);
    const t = (await line.textContent())!.replace(/\s+/g, ' ');
    expect(t).toContain(regionalFigure(own));
    expect(t).toContain(publishedBy(sichuan.name));
    expect(await line.locator('.amt-by a').getAttribute('href')).toBe(`/regions/${CODE}/`);
    expect(t).toContain(sichuan.sources.find((s) => s.id === own.source)!.title);
    expect(await text(page, `section#senior-grant .amt-line[data-region="${CODE}"] [data-national]`)).toContain(formatAmount(national));
    // In sentences too: the summary names who set the figure.
    expect(await text(page, 'main .summary .amt[data-amount="senior-grant"]')).toContain(`${publishedBy(sichuan.name)}：${regionalFigure(own)}`);
    expect(await text(page, 'main .asof')).toContain(sichuan.name);
    // The national-site pointer to other regions is not on a regional site.
    expect(await page.locator('[data-regions-own]').count()).toBe(0);

    // Who to ask: the published contacts, or the plain pointer (四川省 published none).
    const ask = page.locator(`[data-region-contacts="${CODE}"]`);
    const contacts = regionContacts(regions, CODE);
    if (contacts.length) expect(await ask.locator('[data-contact]').count()).toBe(contacts.length);
    else expect(await ask.locator('[data-no-contacts]').textContent()).toContain('请向学校或当地教育局学生资助管理中心咨询');

    expect(errors).toEqual([]);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect((await horizontalOverflow(page)).culprits).toEqual([]);
    await screenshot(page, 'region-default-stage-senior-phone');
  });

  it('/posters/senior/ shows the regional figures and its QR code opens the wizard with region=510000 on the deployment address', async () => {
    const { page, errors } = await open(build!.url + '/posters/senior/', { ...desktop, deviceScaleFactor: 2 });
    const sheet = page.locator('.sheet[data-kind="a4"]');
    const content = posterContent('senior', (await sheet.getAttribute('data-date'))!, CODE);
    const row = content.rows.find((r) => r.id === 'senior-grant')!;
    expect(row.amounts[0]!.by).toBe(publishedBy(sichuan.name));
    const cell = await text(page, '.sheet tr[data-subsidy="senior-grant"] td');
    for (const a of row.amounts) expect(cell).toContain(`${a.text}${a.by}`);

    const png = pngjs.PNG.sync.read(await sheet.locator('.qr').screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(`${SITE}/check/#stage=senior&region=${CODE}`);
    expect(await text(page, '.sheet .url')).toBe(`${SITE.replace(/^https:\/\//, '')}/check/#stage=senior&region=${CODE}`);
    expect(errors).toEqual([]);
    await screenshot((await open(build!.url + '/posters/senior/')).page, 'region-default-poster-senior-phone');
  });
});

describe('the national build (dist/)', () => {
  it('/stages/senior/ shows no regional figure but links to 四川省\'s page for 普通高中国家助学金', async () => {
    const { page, errors } = await open(baseURL + '/stages/senior/');
    const date = (await page.getAttribute('time[data-today]', 'datetime'))!;
    const { own, national } = figures(date);
    expect(await page.locator('.amt-line[data-region], .amt[data-region]').count()).toBe(0);
    const card = await text(page, 'section#senior-grant .amt-card');
    expect(card).toContain(formatAmount(national));
    expect(card).not.toContain(regionalFigure(own));
    expect(await page.locator(`section#senior-grant [data-regions-own] a[href="/regions/${CODE}/"]`).textContent()).toBe(sichuan.name);
    expect(await page.locator('[data-region-contacts]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
