/**
 * Policy pages (six stage pages, 认定, 防诈骗, 隐私, 政策来源, 更新记录) in Chromium at 390×844 and 1280×800,
 * against the built site. Expected amounts come from the data and the engine, never from literals.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import {
  desktop, distDir, formatViolations, hasPagefind, horizontalOverflow, newPage, phone, runAxe,
  screenshot, scriptRequests, sitemapUrls, useBrowser,
} from './helpers';
import { BUDGET } from '../bench/bytes.mjs';
import { applySteps } from '../../src/data/steps.ts';
import { dataset } from '../../src/data/index.ts';
import { loanAfter } from '../../src/data/loan.ts';
import { evaluate, type Amount } from '../../src/site/evaluate.ts';
import { documentNeeds, subsidyView } from '../../src/rules/views.ts';
import type { Stage } from '../../src/schema/index.ts';
import { formatAmount, formatChange, formatDay, formatYuan, LOCAL, UNCONFIRMED } from '../../src/lib/format.ts';
import { chinaDay } from '../../src/lib/today.ts';

const baseURL = inject('baseURL');

/** The stage pages and the wizard stages each covers (written out here, not taken from the code under test). */
const STAGE_PAGES: Record<string, Stage[]> = {
  preschool: ['preschool'],
  compulsory: ['primary', 'junior'],
  senior: ['senior'],
  vocational: ['vocational'],
  undergrad: ['undergrad'],
  postgrad: ['postgrad'],
};
const SHARED_PAGES = ['/recognition/', '/fraud/', '/privacy/', '/sources/', '/changes/'];


const context = useBrowser({ closeContexts: 'afterEach' });

/** What a reader sees (innerText: folded <details> content excluded). */
const text = (page: Page, sel: string) => page.locator(sel).first().evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' '));
/** All text, including folded <details> content. */
const allText = (page: Page, sel: string) => page.locator(sel).first().evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' '));

/** Every amount line the engine gives for a stage on a day (the definite one, or every possible one). */
function engineLines(stage: Stage, id: string, date: string): Amount[] {
  const r = evaluate({ stage }, { date }).results.find((x) => x.id === id);
  if (!r) return [];
  return r.alternatives.length ? r.alternatives : r.amount ? [r.amount] : [];
}

const urls = await sitemapUrls(baseURL);

describe('every page in the sitemap', () => {
  it('includes the six stage pages and the shared pages', () => {
    for (const slug of Object.keys(STAGE_PAGES)) expect(urls).toContain(`${baseURL}/stages/${slug}/`);
    for (const p of SHARED_PAGES) expect(urls).toContain(baseURL + p);
  });

  it.each(urls.map((u) => [u.slice(baseURL.length)]))('%s renders with no console error and no axe violation at phone and desktop size', async (path) => {
    for (const [name, opts] of [['phone', phone], ['desktop', desktop]] as const) {
      const { page, errors } = await newPage(await context(opts));
      const res = await page.goto(baseURL + path);
      expect(res?.status(), `${path} ${name}`).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').count(), `${path} has one h1`).toBe(1);
      // No rule is disabled.
      expect(formatViolations(await runAxe(page)), `${path} ${name}`).toBe('');
      expect(errors, `${path} ${name}`).toEqual([]);
    }
  });
});

describe('stage pages', () => {
  for (const [slug, stages] of Object.entries(STAGE_PAGES)) {
    describe(`/stages/${slug}/`, () => {
      const subsidies = dataset.subsidies.filter((s) => s.stages.some((st) => stages.includes(st)));

      it('shows, for each subsidy of the stage, the amount the engine gives for the build day', async () => {
        const { page, errors } = await newPage(await context(phone));
        await page.goto(`${baseURL}/stages/${slug}/`);
        const date = await page.getAttribute('time[data-today]', 'datetime');
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        // The page was built today (China time), or yesterday if the run crossed midnight.
        const now = Date.now();
        expect([chinaDay(new Date(now)), chinaDay(new Date(now - 86_400_000)), process.env.ZZ_TODAY]).toContain(date);
        expect(await text(page, 'time[data-today]')).toBe(formatDay(date!));

        expect(subsidies.length).toBeGreaterThan(0);
        const sections = await page.locator('main section[data-subsidy]').evaluateAll((els) => els.map((e) => e.id));
        expect([...sections].sort()).toEqual(subsidies.map((s) => s.id).sort());

        // The chip and who qualifies are the engine's (src/rules/views.ts), the same for every face.
        const shown = await page.locator('main section[data-subsidy]').evaluateAll((els) => els.map((e) => ({
          id: e.id,
          status: e.querySelector('[data-status]')?.getAttribute('data-status'),
          chip: e.querySelector('[data-status]')?.textContent,
          who: (e.querySelector('[data-who]')?.textContent ?? '').replace(/\s+/g, ' '),
          ways: e.querySelector('[data-ways]')?.textContent ?? '',
        })));
        for (const x of shown) {
          const v = subsidyView(dataset, undefined, x.id, stages, date!);
          expect([x.id, x.status, x.chip], 'status chip').toEqual([x.id, v.status, dataset.glossary.find((g) => g.kind === 'status' && g.id === v.status)!.term]);
          expect(x.who, x.id).toContain(v.who);
          // Ways that differ (农村 automatic, 城市困难 apply) are named under the chip, each with its status.
          const term = (st: string) => dataset.glossary.find((g) => g.kind === 'status' && g.id === st)!.term;
          expect(x.ways, `${x.id} 谁自动享受、谁要申请`).toBe(v.ways.length ? `${v.ways.map((w) => `${term(w.status)}：${w.who.join('、')}`).join('；')}。` : '');
        }
        if (slug === 'vocational') expect(shown.find((x) => x.id === 'vocational-fee-waiver')!.ways).toMatch(/^自动享受：农村.*；可以申请：经认定的城市家庭经济困难学生/);
        // The overview at the top says the same as each section's chip (it once read the data's `grant`:
        // 「自动享受」 above, 「可能可以」 below).
        // Where the ways differ it shows both chips (「自动享受或可以申请」).
        const overview = await page.locator('nav.overview li').evaluateAll((els) => els.map((e) => [
          e.querySelector('a')?.getAttribute('href')?.slice(1), Array.from(e.querySelectorAll('[data-status]')).map((c) => c.getAttribute('data-status')),
        ]));
        expect(overview).toEqual(shown.map((x) => {
          const v = subsidyView(dataset, undefined, x.id, stages, date!);
          return [x.id, v.ways.length ? v.ways.map((w) => w.status) : [x.status]];
        }));

        for (const s of subsidies) {
          const lines = stages.flatMap((st) => engineLines(st, s.id, date!));
          const card = await text(page, `section#${s.id} .amt-card`);
          // Not started yet on that day (possible with ZZ_TODAY): the page says from when
          if (lines.length === 0) expect(card, s.id).toContain('才有标准');
          for (const l of lines) {
            expect(card, s.id).toContain(formatAmount(l));
            if (l.value !== undefined) expect(card, s.id).toContain(String(l.value));
            if (l.perInstalment !== undefined) expect(card, `${s.id} per semester`).toContain(formatYuan(l.perInstalment));
            if (l.label && lines.length > 1) expect(card, `${s.id} label`).toContain(l.label);
            if (l.local) expect(card, `${s.id} local`).toContain(LOCAL);
            if (l.confidence !== 'high') expect(card, `${s.id} confidence`).toContain(UNCONFIRMED);
            if (l.range) expect(card, `${s.id} range`).toContain(`${l.range.min}–${l.range.max}`);
          }
          // Who qualifies, how it is paid and where to apply come from the data too
          const section = await allText(page, `section#${s.id}`);
          expect(section).toContain(s.apply.where);
          expect(section).toContain(s.delivery.text);
          // The documents the engine lists for this stage's ways (研究生国家助学金: none, it needs no application).
          const docs = documentNeeds(dataset, s, stages);
          for (const d of docs) expect(section).toContain(d.doc.name);
          for (const d of docs) if (d.ways && !d.only) expect(section, `${s.id}: ${d.doc.name}`).toContain(`（${d.ways}才要）`);
          if (!docs.length) expect(section).toContain('不用准备材料');
          // No month to miss for what no way of this stage applies for (研究生国家助学金), and where says so.
          const sv = subsidyView(dataset, undefined, s.id, stages, date!);
          if (!sv.applies && sv.window) expect(section, s.id).not.toContain(sv.window.text);
          if (!sv.applies) expect(section, s.id).toContain(sv.apply.where);
          expect(section).toContain(formatDay(s.lastVerified));
        }

        // Figures inside sentences (<Amount>) are today's figures of that subsidy
        const inline = await page.locator('main .amt[data-amount]').evaluateAll((els) =>
          els.map((e) => ({ id: e.getAttribute('data-amount')!, text: (e as HTMLElement).innerText })));
        expect(inline.length).toBeGreaterThan(0);
        for (const { id, text: t } of inline) {
          const all = (Object.values(STAGE_PAGES).flat()).flatMap((st) => engineLines(st, id, date!)).map(formatAmount);
          expect(all.some((a) => t.includes(a)), `<Amount id="${id}"> says「${t}」`).toBe(true);
        }
        expect(errors).toEqual([]);
      });

      it('has a summary, a link to the wizard set to the stage, an FAQ, sources with 文号 and the check date', async () => {
        const { page, errors } = await newPage(await context(phone));
        await page.goto(`${baseURL}/stages/${slug}/`);
        expect((await text(page, 'main .summary')).length).toBeGreaterThan(30);
        for (const st of stages) expect(await page.locator(`main a[href="/check/#stage=${st}"]`).count(), st).toBe(1);
        const faq = page.locator('h2:has-text("常见问题") ~ h3');
        expect(await faq.count()).toBeGreaterThanOrEqual(4);
        expect(await page.locator('main a[href="/regions/"]').count()).toBeGreaterThan(0);
        const sources = await text(page, '.sources');
        expect(sources).toMatch(/〔\d{4}〕\d+号/);
        const newest = subsidies.map((s) => s.lastVerified).sort().at(-1)!;
        expect(sources).toContain(formatDay(newest));
        expect(errors).toEqual([]);
      });

      it('is complete without JavaScript and loads no script files', async () => {
        const { page, errors, requests } = await newPage(await context({ ...phone, javaScriptEnabled: false }));
        await page.goto(`${baseURL}/stages/${slug}/`);
        await page.waitForLoadState('networkidle');
        expect(await page.locator('main section[data-subsidy] .amount').count()).toBeGreaterThan(0);
        expect(await page.locator('main section[data-subsidy]').first().isVisible()).toBe(true);
        expect(scriptRequests(requests)).toEqual([]);
        expect(errors).toEqual([]);
      });

      it('fits 320 px with 大字 and has no horizontal scrolling', async () => {
        const c = await context({ ...phone, viewport: { width: 320, height: 640 } });
        await c.addInitScript(() => localStorage.setItem('zz-large-text', '1'));
        const { page } = await newPage(c);
        await page.goto(`${baseURL}/stages/${slug}/`);
        expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
      });

      it('weighs at most 14 KB gzip (HTML plus its stylesheets), or the page\'s own ceiling in BUDGET', () => {
        const html = readFileSync(join(distDir(), 'stages', slug, 'index.html'));
        const css = [...html.toString().matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)]
          .map((m) => readFileSync(join(distDir(), m[1]!.replace(/^\//, ''))));
        const bytes = gzipSync(Buffer.concat([html, ...css]), { level: 9 }).length;
        console.log(`size /stages/${slug}/: ${bytes} bytes gzip (HTML ${html.length} + CSS ${css.reduce((n, b) => n + b.length, 0)} raw)`);
        expect(bytes).toBeLessThanOrEqual((BUDGET.firstRoundTripOver as Record<string, number>)[`/stages/${slug}/`] ?? BUDGET.firstRoundTrip);
      });
    });
  }
});

describe('shared pages', () => {
  it('认定 explains the steps, the special groups and that 贫困证明 is no longer needed', async () => {
    const { page, errors } = await newPage(await context(phone));
    await page.goto(`${baseURL}/recognition/`);
    const main = await text(page, 'main');
    const steps = await page.locator('ol.steps > li').allInnerTexts();
    expect(steps).toEqual(applySteps.map((s) => `${s.name}（${s.when}）：${s.text}`));
    expect(main).toMatch(/不少于 5 个工作日/);
    expect(main).toContain('贫困证明');
    for (const g of dataset.glossary.filter((x) => x.kind === 'family')) expect(main).toContain(g.term);
    expect(errors).toEqual([]);
  });

  it('防诈骗 says no aid charges a fee or asks for a verification code or bank password', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(`${baseURL}/fraud/`);
    const main = await text(page, 'main');
    for (const w of ['不收', '验证码', '密码', '手续费']) expect(main).toContain(w);
  });

  it('隐私 says what the site does not collect and cites 教财厅函〔2017〕28号 for 公示', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(`${baseURL}/privacy/`);
    const main = await text(page, 'main');
    for (const w of ['Cookie', '不收集', '身份证号', '家庭住址', '银行卡号']) expect(main).toContain(w);
    const src = dataset.sources.find((s) => s.id === 'jiaocaitinghan-2017-28')!;
    expect(main).toContain(`${src.title}（${src.docNumber}）`);
  });

  it('政策来源 lists every source with its 文号 and links to the subsidies that cite it', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(`${baseURL}/sources/`);
    for (const src of dataset.sources) {
      const item = await text(page, `#src-${src.id}`);
      expect(item).toContain(src.title);
      if (src.docNumber) expect(item).toContain(src.docNumber);
      const citing = dataset.subsidies.filter((s) => s.rules.some((r) => r.source === src.id) || s.amounts.some((a) => a.source === src.id));
      for (const s of citing) {
        expect(item, `${src.id} → ${s.id}`).toContain(s.name);
        expect(await page.locator(`#src-${src.id} a[href$="#${s.id}"]`).count(), `${src.id} links ${s.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('更新记录 lists every dated value change from the amount histories, newest first', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(`${baseURL}/changes/`);
    const main = await text(page, 'main');
    let expected = 0;
    for (const s of dataset.subsidies) {
      const groups = new Map<string, typeof s.amounts>();
      for (const a of s.amounts) {
        const k = JSON.stringify({ ...a.when, label: undefined });
        groups.set(k, [...(groups.get(k) ?? []), a]);
      }
      for (const g of groups.values()) {
        // The first recorded line's predecessor, when the data says its value (`was`).
        if (g[0]!.was !== undefined) {
          expected++;
          expect(main).toContain(formatChange({ from: g[0]!.from, name: s.name, label: g[0]!.when?.label, before: { ...g[0]!, value: g[0]!.was }, after: g[0]! }));
        }
        for (let i = 1; i < g.length; i++) {
          const [b, a] = [g[i - 1]!, g[i]!];
          if (a.value === b.value && a.basis === b.basis) continue;
          expected++;
          expect(main).toContain(formatChange({ from: a.from, name: s.name, label: a.when?.label, before: b, after: a }));
        }
      }
    }
    expect(expected).toBeGreaterThan(5);
    // The sentence the issue asks for, literally; and FACTS §0's 2019 change, told by `was`
    expect(main).toContain('2025 年春季学期起，普通高中国家助学金平均标准由 2000 元提高到 2300 元');
    expect(main).toContain('2019 年春季学期起，国家助学金（本专科生）平均标准由 3000 元提高到 3300 元');
    // Each year of the one-off loan relief with a notice, under its year, citing it; none for a year without one
    for (const y of loanAfter.reliefYears) {
      const item = page.locator(`ul.changes > li[data-from="${y.year}-01-01"]`, { hasText: '一次性免息' });
      expect(await item.count(), `免息 ${y.year}`).toBe(y.status === 'yes' ? 1 : 0);
      if (y.status === 'yes') {
        const t = await item.innerText();
        expect(t).toContain(`${y.year} 年，国家助学贷款一次性免息：当年和以前毕业的贷款学生`);
        expect(t).toContain(dataset.sources.find((s) => s.id === y.source)!.title);
        expect(t.includes('未确认'), `${y.year} 未确认`).toBe(y.confidence !== 'high');
      }
    }
    const dates = await page.locator('ul.changes > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-from')!));
    expect(dates.length).toBeGreaterThanOrEqual(expected);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

/** Built HTML files, relative to dist/ (Pagefind's own folder excluded). */
function htmlFiles(dir = distDir()): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'pagefind') out.push(...htmlFiles(p));
    } else if (name.endsWith('.html')) out.push(relative(distDir(), p));
  }
  return out;
}
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('internal links', () => {
  it('every local href and src in dist/ resolves to a file, and every #anchor to an id on that page', () => {
    const dist = distDir();
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(5);
    const idsCache = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!idsCache.has(file)) {
        const html = readFileSync(join(dist, file), 'utf8');
        idsCache.set(file, new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decode(m[1]!))));
      }
      return idsCache.get(file)!;
    };
    /** dist file for a URL path, or undefined. */
    const fileFor = (path: string) => {
      const p = decodeURIComponent(path).replace(/^\//, '');
      for (const cand of [p, join(p, 'index.html')]) {
        if (cand && existsSync(join(dist, cand)) && statSync(join(dist, cand)).isFile()) return cand;
      }
      return p === '' ? 'index.html' : undefined;
    };
    const broken: string[] = [];
    for (const file of files) {
      const html = readFileSync(join(dist, file), 'utf8');
      const pagePath = '/' + file.replace(/index\.html$/, '');
      for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        const raw = decode(m[2]!);
        if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(raw) || raw.startsWith('//')) continue;
        const url = new URL(raw, 'http://site' + pagePath);
        const hash = decodeURIComponent(url.hash.slice(1));
        const target = url.pathname === pagePath && raw.startsWith('#') ? file : fileFor(url.pathname);
        if (!target) {
          broken.push(`${file}: ${raw} (no such file)`);
          continue;
        }
        // #stage=senior and the like are app state for the wizard, not anchors
        if (hash && !hash.includes('=') && target.endsWith('.html') && !idsOf(target).has(hash)) {
          broken.push(`${file}: ${raw} (no id="${hash}" in ${target})`);
        }
      }
    }
    console.log(`link check: ${files.length} pages`);
    expect(broken).toEqual([]);
  });
});

describe('Chinese search (Pagefind, through the /search/ page)', () => {
  const cases: [string, (hrefs: string[]) => void][] = [
    ['生活补助', (h) => expect(h[0]).toBe('/stages/compulsory/')],
    // 「助学贷款以后」 (/loan/) answers how to repay; the 本专科 page explains the loan itself. Pagefind's order
    // of close scores moves with any edit anywhere (a sentence added to /privacy/ put /loan/ third), so
    // what is held is what the family sees: /loan/ among the first three pages, and every page above it
    // links to it (one tap away).
    ['助学贷款怎么还', (h) => {
      const pages = [...new Set(h.map((x) => x.replace(/#.*/, '')))];
      const at = pages.indexOf('/loan/');
      expect(at, pages.join(' ')).toBeGreaterThanOrEqual(0);
      expect(at, pages.join(' ')).toBeLessThanOrEqual(2);
      for (const p of pages.slice(0, at)) expect(readFileSync(join(distDir(), p, 'index.html'), 'utf8'), `${p} links /loan/`).toMatch(/href="\/loan\/(#[^"]*)?"/);
      expect(pages).toContain('/stages/undergrad/');
    }],
    // A grandmother raising a 留守 child searches the word she knows: the answer is on the 认定 page.
    ['留守儿童', (h) => expect(h).toContain('/recognition/#%E7%95%99%E5%AE%88%E5%84%BF%E7%AB%A5%E9%9A%8F%E8%BF%81%E5%AD%90%E5%A5%B3%E7%AE%97%E4%B8%8D%E7%AE%97')],
    ['残疾', (h) => {
      expect(h.length).toBeGreaterThan(0);
      // Every hit (page or sub-result #heading) is a built page of the site
      for (const x of h) expect(existsSync(join(distDir(), x.replace(/#.*/, ''), 'index.html')), x).toBe(true);
    }],
  ];
  it('results fit a 360 px screen in 大字 (Pagefind\'s excerpts kept a 352 px minimum width and ran off it)', async () => {
    const c = await context({ ...phone, viewport: { width: 360, height: 640 } });
    await c.addInitScript(() => localStorage.setItem('zz-large-text', '1'));
    const { page, errors } = await newPage(c);
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('生源地贷款')}`);
    await page.locator('.pagefind-ui__result-nested').first().waitFor({ timeout: 15_000 });
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
    expect(errors).toEqual([]);
  });
  it.for(cases.map((c, i) => [...c, i] as const))('「%s」 finds the right page', async ([q, check, i]) => {
    expect(hasPagefind(), 'the build wrote a Pagefind index').toBe(true);
    const { page, errors } = await newPage(await context(phone));
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent(q)}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    check(hrefs);
    expect(errors).toEqual([]);
    await screenshot(page, `pages-search-${i}`, { fullPage: false });
  });
});

describe('screenshots', () => {
  it('saves a phone screenshot of every policy page (test-results/screenshots/pages-*.png)', async () => {
    const { page } = await newPage(await context({ ...phone, deviceScaleFactor: 1 }));
    for (const path of [...Object.keys(STAGE_PAGES).map((s) => `/stages/${s}/`), ...SHARED_PAGES]) {
      await page.goto(baseURL + path);
      await screenshot(page, `pages-${path.replace(/\//g, '_').replace(/^_|_$/g, '')}-phone`);
    }
  });
});
