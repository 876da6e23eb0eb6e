/**
 * The eligibility wizard (/check/): one question per screen → 核对你的回答 → results and checklist.
 *
 * State lives in the URL hash in the engine's answer vocabulary (parseAnswers / formatAnswers), one
 * history entry per step, so back/forward and reload keep the answers. Which screen shows is derived
 * from the answers (the first unanswered question, else the review); `history.state.wz` only says
 * when the family is changing one answer or looking at the results. Nothing leaves the phone.
 *
 * Data comes from src/pages/check/index.astro as a JSON block (`<script type="application/json"
 * id="wz-data">`, see src/site/wizard-trim.ts): glossary, region names, `floor` (the earliest day the data can answer
 * for), the deployment's default region and where each stage's part is. `mount()` (called by the page's
 * script) reads it and renders the wizard into `#wz`. As soon as the stage is known (answered, or in a
 * shared link) the wizard fetches that stage's part and imports ./Results.tsx (results screens and the
 * engine), while the family answers the other questions; if that fails (no signal), the results screen
 * says so in Chinese and offers 「再试一次」, and the answers stay.
 *
 * The school year: the address and share links carry the year of the grades (`year=`, formatFamily);
 * a link from an earlier school year asks 孩子升级了吗 first (`was`, ./NewYear.tsx).
 *
 * Regions: the family's `region=` answer, else the default region (ZZ_REGION), decides whose figures
 * apply (evaluateInRegion). The default stands as the answer to the region question until the family
 * changes it (`withDefaultRegion`); share links carry it.
 *
 * Several children (issue 17): the hash holds a whole family (parseFamily / formatFamily, which read
 * and write a one-child link exactly as before). The question screens work on one child at a time
 * (`cur`; its own answers plus the family's shared ones); 核对你的回答 lists every child (so a shared
 * family link opens on all of them, not only the first); a family of two or more gets the family
 * results (./Family.tsx, loaded with every stage part the children need), a family of one today's
 * results with the family extras (money, 接下来几年, 带回家) under them.
 *
 * One class component holds all state (the screens are plain functions), so the page needs Preact's
 * core only, not preact/hooks.
 */
import { Component, render } from 'preact';
import { NATIONAL_REGION, formatAnswers, parseAnswers, type AnswerError, type Answers, type Stage } from '../../rules/answers.ts';
import { firstUnanswered, isAsked, setAnswer, withDefaultRegion, type QuestionId } from '../../rules/questions.ts';
import { MAX_CHILDREN, childAnswers, childLabel, formatFamily, parseFamily, schoolYear, type DroppedChild, type Family } from '../../rules/family.ts';
import { deviceDay, isPart, makeTerms, readStored, stagePage, writeStored, type Part, type Payload, type Terms } from './lib.ts';
import { withChild } from './family-state.ts';
import { isInPageLink } from '../../lib/in-page-link.ts';
import { HELPER_QUERY, helperTitle, helperWord, isHelperMode } from './helper.ts';
import { answerTextOf, hasAnswers } from '../../rules/link-repair.ts';
import { QuestionScreen } from './Question.tsx';
import type { Ui, View } from './types.ts';

export type { Ui, View };
import { Review } from './Review.tsx';

/** The results screens and the engine (./Results.tsx), loaded when the stage is known. */
type ResultsModule = typeof import('./Results.tsx');
const loadResults = () => import('./Results.tsx');
/** The family screens (./Family.tsx), loaded when the results screen opens. */
type FamilyModule = typeof import('./Family.tsx');
const loadFamily = () => import('./Family.tsx');

/** How long the stage's part and the results module may take before the wizard says it could not get them. */
export const LOAD_TIMEOUT_MS = 20_000;

/** The stage's part and the results module: being fetched, ready, or failed (no signal, server error, too slow). */
type Loading = { stage: Stage; state: 'loading' | 'failed' } | { stage: Stage; state: 'ready'; mod: ResultsModule; part: Part };

/** The family screens and every part the family needs, joined (see loadFam). */
type FamLoading = { key: string; state: 'loading' | 'failed' } | { key: string; state: 'ready'; mod: FamilyModule; part: Part };

const EMPTY: Family = { shared: {}, children: [{ answers: {} }] };

/** Which loaded family state fits a family: its children's stages (the parts it needs follow from them). */
const stagesKey = (f: Family) => f.children.map((c) => c.answers.stage ?? '').sort().join();

interface State extends Ui {
  /** The whole family, as in the address. */
  family: Family;
  /** The child the question screens are about (index in family.children). */
  cur: number;
  /** Children of a family link that could not be read (shown once). */
  lost: DroppedChild[];
  /** The family screens and parts (null before the results screen opened). */
  fam: FamLoading | null;
  /** `cur`'s full answers: its own and the family's shared ones. */
  answers: Answers;
  view: View;
  /** What a malformed link got wrong (shown once, until the next answer). */
  errors: AnswerError[];
  /** Answers removed because an earlier one changed. */
  dropped: QuestionId[];
  /** Ticked documents: in memory, and in localStorage only while 「记住我的勾选」 is on. */
  ticks: Set<string>;
  remember: boolean;
  /** The current stage's part and results module (null before a stage is known). */
  loading: Loading | null;
  /** 代问模式: the QR hand-over (./Handoff.tsx, loaded in that mode only), and whether the last family was just wiped. */
  handoff?: typeof import('./Handoff.tsx') | null;
  cleared?: boolean;
  /** A screen failed while rendering (componentDidCatch). */
  crashed?: boolean;
  /**
   * The school year of a link from an earlier one (`year=`; 0 = none): 孩子升级了吗 (./NewYear.tsx, loaded
   * then) shows above every screen but the label one until the family answers it; the address keeps that
   * year till then.
   */
  was?: number;
  ny?: typeof import('./NewYear.tsx');
}

const FRESH: Ui = { picked: null, warn: false, find: '', msg: '', confirm: false };

/** A wiped wizard (清除我的回答, 代问模式's 下一户): no answers, at the first question (ticks: a new Set each time). */
const BLANK = { ...FRESH, family: EMPTY, cur: 0, answers: {}, view: { v: 'q', q: 'stage' } as View, errors: [], lost: [], dropped: [], remember: false, was: 0 };

/** The screen for these answers (region default applied): the requested one if it still makes sense, else the natural next one. */
function resolveView(a: Answers, want: unknown): View {
  const next = firstUnanswered(a);
  const w = want as View | undefined;
  if (w?.v === 'label') return w;
  if (w?.v === 'q' && isAsked(w.q, a)) return w;
  if (next) return { v: 'q', q: next };
  return w?.v === 'results' ? w : { v: 'review' };
}

/** The address for a family whose grades are of school year `year`. */
const urlFor = (f: Family, year: number) => {
  const h = formatFamily(f, year);
  return location.pathname + otherSearch() + (h ? `#${h}` : '');
};
/**
 * The query part of the address without answers put there instead of after # (they move to the hash);
 * 代问模式's `mode=helper` stays (else a reload would leave the mode and Back bring families back).
 */
const otherSearch = () => (hasAnswers(location.search) ? (isHelperMode() ? `?${HELPER_QUERY}` : '') : location.search);

/** Renders the wizard into `#wz` with the data of `#wz-data`. */
export function mount() {
  const el = document.getElementById('wz')!;
  el.textContent = '';
  render(<Wizard p={JSON.parse(document.getElementById('wz-data')!.textContent!) as Payload} />, el);
}

/** The results screen while the stage's part is on its way, or when it could not be fetched. */
function Waiting({ failed, stage, onRetry }: { failed: boolean; stage: Stage; onRetry: () => void }) {
  return (
    <section class="wz-wait" aria-labelledby="wz-h">
      <h2 id="wz-h" tabindex={-1}>{failed ? '结果还没能算出来' : '正在算你的结果…'}</h2>
      {failed ? (
        <>
          <p>算结果要先从网上取这个学段的资助资料，刚才没有取到，可能是信号不好。你的回答都还在。</p>
          <p><button type="button" class="btn btn-primary" onClick={onRetry}>再试一次</button></p>
        </>
      ) : (
        <p>正在从网上取这个学段的资助资料，信号不好时要等一会儿。你的回答都还在。</p>
      )}
      <p>也可以先看<a href={stagePage(stage)}>这个学段的全部资助</a>。</p>
    </section>
  );
}

/** How many history entries the wizard has pushed before the current one (`history.state.n`). */
const depth = (): number => ((history.state as { n?: number } | null)?.n ?? 0);

export default class Wizard extends Component<{ p: Payload }, State> {
  terms: Terms;
  focusNext = false;
  /** 代问模式 (/check/?mode=helper, ./helper.ts): steps replace the history entry, 「下一户，清空」, QR hand-over. */
  helper = isHelperMode();

  constructor(props: { p: Payload }) {
    super(props);
    this.terms = makeTerms(props.p.glossary, props.p.regions, props.p.places);
    const s = this.read();
    // A malformed link: keep what could be read, and write the canonical form back.
    if (s.errors.length || s.lost.length || location.hash.length > 1 || hasAnswers(location.search)) history.replaceState({ wz: s.view, cur: s.cur, n: depth() }, '', urlFor(s.family, s.was || this.year()));
    this.state = { ...s, ticks: new Set(), remember: false, loading: null, fam: null };
  }

  /** The latest request for a stage's part: only its outcome is taken (a late answer to an older request is dropped). */
  req: { stage: Stage; failed: boolean } | null = null;

  /** Starts fetching the stage's part and the results module, once per stage (again after a failure). */
  load(stage: Stage | undefined) {
    if (!stage || (this.req?.stage === stage && !this.req.failed)) return;
    const req = { stage, failed: false };
    this.req = req;
    this.setState({ loading: { stage, state: 'loading' } });
    // A weak signal can stall a request without failing it: give up after LOAD_TIMEOUT_MS, so the
    // family sees 「再试一次」 instead of waiting forever.
    this.withTimeout(Promise.all([loadResults(), this.part(stage)])).then(
      ([mod, part]) => this.loaded(req, { stage, state: 'ready', mod, part }),
      () => {
        req.failed = true;
        this.loaded(req, { stage, state: 'failed' });
      },
    );
  }

  /** Each stage's part, fetched once (again after a failure). */
  parts = new Map<Stage, Promise<Part>>();

  part(stage: Stage): Promise<Part> {
    let got = this.parts.get(stage);
    if (!got) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), LOAD_TIMEOUT_MS);
      got = fetch(this.props.p.parts[stage], { signal: abort.signal })
        .then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return r.json() as Promise<unknown>;
        })
        .then((p) => {
          if (!isPart(p)) throw new Error('not a stage part');
          return p;
        })
        .finally(() => clearTimeout(timer));
      got.catch(() => this.parts.delete(stage));
      this.parts.set(stage, got);
    }
    return got;
  }

  /** `p`, or a failure after LOAD_TIMEOUT_MS: a weak signal can stall a request without failing it. */
  withTimeout<T>(p: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error('timeout')), LOAD_TIMEOUT_MS);
    });
    return Promise.race([p, late]).finally(() => clearTimeout(timer));
  }

  /** The latest request for the family screens: only its outcome is taken. */
  famReq: { key: string } | null = null;

  /** The family module once loaded (the label screen needs it, whatever the parts). */
  famMod: FamilyModule | null = null;

  /**
   * Starts loading the family screens, then the parts of every stage the family needs (each child's
   * and the next ones, for 接下来几年; the current stage's part is usually here already).
   */
  loadFam() {
    const { family } = this.state;
    const key = stagesKey(family);
    // Called on every update of a results screen: a request for the same children, even a failed one,
    // is not made again (no loop behind the message); 再试一次 (retry) clears it first.
    if (this.famReq?.key === key) return;
    const req = { key };
    this.famReq = req;
    this.setState({ fam: { key, state: 'loading' } });
    this.withTimeout(
      loadFamily().then((mod) => {
        this.famMod = mod;
        return Promise.all(mod.neededStages(family).map((st) => this.part(st))).then((parts) => ({ mod, parts }));
      }),
    ).then(
      ({ mod, parts }) => {
        if (this.famReq === req) this.setState({ fam: { key, state: 'ready', mod, part: mod.mergeParts(parts) } });
      },
      () => {
        if (this.famReq === req) this.setState({ fam: { key, state: 'failed' } });
      },
    );
  }

  /** 再试一次: every part and module asked for again (a part that arrived unreadable too). */
  retry = () => {
    this.parts.clear();
    this.req = null;
    this.famReq = null;
    this.load(this.state.answers.stage);
    if (this.state.view.v === 'results' || this.state.view.v === 'label') this.loadFam();
  };

  /** A screen that fails while rendering (unreadable data) leaves a Chinese message, not a blank page. */
  componentDidCatch() {
    this.setState({ crashed: true });
  }

  loaded(req: NonNullable<Wizard['req']>, l: Loading) {
    // A newer request (another stage, or a retry) has replaced this one.
    if (this.req !== req) return;
    if (this.state.view.v === 'results') this.focusNext = true;
    this.setState({ loading: l });
  }

  /** Answers as the flow sees them: the default region answers the region question (without any configured region there is nothing to choose, so national standards do). */
  fill = (a: Answers) => {
    const { defaultRegion, regions } = this.props.p;
    return withDefaultRegion(a, defaultRegion ?? (regions.length ? undefined : NATIONAL_REGION));
  };

  /** The school year of the device's day (the data's floor at the earliest). */
  year = () => schoolYear(deviceDay(this.props.p.floor));

  /** The first child with a question still to answer, or -1. */
  gap = (f: Family) => f.children.findIndex((_, i) => firstUnanswered(this.fill(childAnswers(f, i))));

  read() {
    const parsed = parseFamily(answerTextOf(location.search, location.hash)); // answers after ? instead of #: ../../rules/link-repair.ts
    const { family, year } = parsed;
    const ok = !parsed.errors.length;
    const st = history.state as { wz?: View; cur?: number } | null;
    // A link opened afresh (no history state) with a child half answered (「再加一个孩子」 copied midway)
    // opens at that child's next question, not at a review whose 看结果 would count the child as getting nothing.
    const cur = ok && st && typeof st.cur === 'number' && st.cur >= 0 && st.cur < family.children.length ? st.cur : Math.max(0, this.gap(family));
    const answers = childAnswers(family, cur);
    const view = resolveView(this.fill(answers), ok ? st?.wz : undefined);
    return { ...FRESH, family, cur, answers, view, errors: parsed.errors, lost: parsed.dropped, dropped: [] as QuestionId[], was: year < this.year() ? year : 0 };
  }

  sync = () => {
    // An in-page link (「跳到正文」 → #main) is not a set of answers: put the answers back in the address.
    if (isInPageLink(location.hash)) {
      history.replaceState({ wz: this.state.view, cur: this.state.cur, n: depth() }, '', urlFor(this.state.family, this.state.was || this.year()));
      return;
    }
    // 清除我的回答 went back to the wizard's first entry: wipe it and drop the entries after it.
    if (this.clearing) {
      this.clearing = false;
      const clean = location.pathname + location.search;
      history.replaceState({ wz: { v: 'q', q: 'stage' }, n: 0 }, '', clean);
      history.pushState({ wz: { v: 'q', q: 'stage' }, n: 0 }, '', clean);
      return;
    }
    const s = this.read();
    // hashchange and popstate both fire for one navigation; the second has nothing new.
    if (!s.errors.length && !s.lost.length && s.cur === this.state.cur && s.was === this.state.was && formatFamily(s.family) === formatFamily(this.state.family) && JSON.stringify(s.view) === JSON.stringify(this.state.view)) return;
    this.focusNext = true;
    this.setState(s);
  };

  componentDidMount() {
    addEventListener('popstate', this.sync);
    addEventListener('hashchange', this.sync);
    this.store();
    this.load(this.state.answers.stage);
    if (this.state.view.v === 'results' || this.state.view.v === 'label') this.loadFam();
    this.newYear();
    if (this.helper) import('./Handoff.tsx').then((m) => { m.guardLeaving(this.next); this.setState({ handoff: m }); }, () => {});
  }

  componentWillUnmount() {
    removeEventListener('popstate', this.sync);
    removeEventListener('hashchange', this.sync);
  }

  componentDidUpdate(_: unknown, prev: State) {
    if (this.focusNext) {
      this.focusNext = false;
      const h = document.getElementById('wz-h');
      h?.focus();
      h?.scrollIntoView({ block: 'start' });
    }
    if (formatAnswers(prev.answers) !== formatAnswers(this.state.answers)) this.store();
    if (prev.answers.stage !== this.state.answers.stage) this.load(this.state.answers.stage);
    if (this.state.view.v === 'results' || this.state.view.v === 'label') this.loadFam();
    this.newYear();
  }

  /** 孩子升级了吗, for a link from an earlier school year: its screen, loaded once. */
  newYear() {
    if (this.state.was && !this.state.ny) loadFamily().then((m) => m.loadNewYear()).then((ny) => this.setState({ ny }), () => {});
  }

  /** New answers: keep the remembered ticks in step, or pick up ticks remembered for exactly these answers. */
  store() {
    const { answers, ticks, remember } = this.state;
    const a = formatAnswers(answers);
    if (remember) writeStored({ a, t: [...ticks] });
    else {
      const s = readStored();
      if (s?.a === a) this.setState({ ticks: new Set(s.t), remember: true });
    }
  }

  /** Set while 清除我的回答 goes back through the wizard's history entries. */
  clearing = false;

  go = (answers: Answers, want?: View, dropped: QuestionId[] = []) => {
    this.goFamily(withChild(this.state.family, this.state.cur, answers), this.state.cur, want, dropped);
  };

  /**
   * A new family state: `cur`'s screen (`want` if it still makes sense), one history entry. `was`: the
   * school year of its grades when earlier than this one (kept till 孩子升级了吗 is answered).
   */
  goFamily = (family: Family, cur: number, want?: View, dropped: QuestionId[] = [], was = this.state.was) => {
    // This child answered to the end while another has questions left (孩子升级了吗 asks a 小学一年级 its school): that one next.
    if (!want && !firstUnanswered(this.fill(childAnswers(family, cur))) && this.gap(family) >= 0) cur = this.gap(family);
    const answers = childAnswers(family, cur);
    const view = resolveView(this.fill(answers), want);
    const url = urlFor(family, was || this.year());
    // 代问模式: one history entry for all families, so Back never shows an earlier family's answers.
    if (this.helper) history.replaceState({ wz: view, cur, n: depth() }, '', url);
    else history.pushState({ wz: view, cur, n: depth() + 1 }, '', url);
    this.focusNext = true;
    this.setState({ ...FRESH, family, cur, answers, view, errors: [], lost: [], dropped, cleared: false, was });
  };

  /** 再加一个孩子 (on the family screens, so the family module is here): a new child, first its label. */
  addKid = () => {
    const family = this.famMod!.addChild(this.state.family);
    this.goFamily(family, family.children.length - 1, { v: 'label' });
  };

  /** The label picked for `cur`; then its questions (or the results when it is answered). */
  pickLabel = (order: number | undefined) => {
    const family = this.famMod!.setOrder(this.state.family, this.state.cur, order);
    this.goFamily(family, this.state.cur, firstUnanswered(this.fill(childAnswers(family, this.state.cur))) ? undefined : { v: 'results' });
  };

  answer = (id: QuestionId, values: string[]) => {
    const { answers, dropped } = setAnswer(this.state.answers, id, values);
    this.go(answers, undefined, dropped);
  };

  tick = (id: string, on: boolean) => {
    const t = new Set(this.state.ticks);
    if (on) t.add(id);
    else t.delete(id);
    this.setState({ ticks: t });
    if (this.state.remember) writeStored({ a: formatAnswers(this.state.answers), t: [...t] });
  };

  keep = (on: boolean) => {
    this.setState({ remember: on });
    writeStored(on ? { a: formatAnswers(this.state.answers), t: [...this.state.ticks] } : null);
  };

  /**
   * Clears the answers on this phone: the stored ticks, and every history entry the wizard made (it
   * goes back to its first entry, wipes it and drops the later ones), so Back does not bring answers back.
   */
  clear = () => {
    writeStored(null);
    const n = depth();
    if (n > 0) {
      this.clearing = true;
      history.go(-n);
    } else history.replaceState({ wz: { v: 'q', q: 'stage' }, n: 0 }, '', location.pathname + otherSearch());
    this.focusNext = true;
    this.setState({ ...BLANK, ticks: new Set() });
  };

  /** 代问模式's 「下一户，清空」: storage, address and screen wiped; the next family starts at the first question. */
  next = () => {
    this.state.handoff?.wipe();
    this.focusNext = true;
    this.setState({ ...BLANK, ticks: new Set(), cleared: true });
  };

  render() {
    const { p } = this.props;
    const s = this.state;
    const { answers, view } = s;
    const terms = this.terms;
    const shown = this.fill(answers);
    const onGo = (v: View) => this.go(answers, v);
    const ui = (u: Partial<Ui>) => this.setState(u as State);
    const l = s.loading;
    const ready = l?.state === 'ready' && l.stage === answers.stage ? l : null;
    const { family, cur } = s;
    const many = family.children.length > 1;
    // Data that arrived but cannot be read (a proxy's page, a stale file of another shape) must not
    // blank the screen: the results screen says it could not compute, with 再试一次.
    let broken = false;
    const safely = <T,>(f: () => T): T | null => {
      try {
        return f();
      } catch {
        broken = true;
        return null;
      }
    };
    // 孩子升级了吗 not answered yet: no results for last year's grades (they would read as this year's).
    const stale = !!(s.was && s.ny);
    const ev = view.v === 'results' && ready && !many && !stale ? safely(() => ready.mod.evaluate(p, ready.part, answers, deviceDay(p.floor))) : null;
    // The family layer: its screens and joined parts, once loaded (see loadFam).
    const f = s.fam?.state === 'ready' && s.fam.key === stagesKey(family) ? s.fam : null;
    const fm = this.famMod;
    const link = `${location.origin}${location.pathname}#${formatFamily(withChild(family, cur, withDefaultRegion(answers, p.defaultRegion)), s.was || this.year())}`;
    const model = view.v === 'results' && f && !stale ? safely(() => f.mod.familyModel(p, f.part, family, deviceDay(p.floor))) : null;
    const canAdd = family.children.length < MAX_CHILDREN;
    // A screen that failed while rendering: the same 「结果还没能算出来」 and 再试一次 as a failed fetch.
    if (s.crashed) return <div class="wz"><Waiting failed stage={answers.stage ?? 'primary'} onRetry={() => { this.setState({ crashed: false }); this.retry(); }} /></div>;
    const helper = this.helper;
    return (
      <div class={helper ? 'wz wz-helper' : 'wz'}>
        {helper && s.handoff && <s.handoff.HelperNote terms={terms} cleared={!!s.cleared} />}
        {s.errors.length > 0 && (
          <div class="note wz-errors" role="alert">
            <p><strong>这个链接有几处看不懂，已经跳过：</strong></p>
            <ul>{s.errors.map((e) => <li key={e.field}>{e.message}</li>)}</ul>
            <p>能看懂的回答已经保留，下面接着问还没回答的问题。</p>
          </div>
        )}
        {s.lost.length > 0 && (
          <div class="note wz-errors" role="alert">
            <ul>{s.lost.map((d) => <li key={d.index}>{d.message}</li>)}</ul>
          </div>
        )}
        {s.ny && <s.ny.NewYear w={this} />}
        {many && view.v !== 'results' && view.v !== 'review' && <p class="wz-who-child">现在回答的是：<strong>{childLabel(family, cur)}</strong></p>}
        {view.v === 'label' && (fm ? <fm.ChildLabel family={family} i={cur} onPick={this.pickLabel} onBack={(f) => this.goFamily(f, 0, { v: 'results' })} /> : <p class="wz-loading" id="wz-h" tabindex={-1}>正在打开…</p>)}
        {/* given: answered before this child's questions (a later child's shared ones, the default region as fill() puts it). */}
        {view.v === 'q' && <QuestionScreen id={view.q} answers={shown} terms={terms} dropped={s.dropped} s={s} ui={ui} onAnswer={this.answer} onGo={onGo} given={answers.region ? (cur ? family.shared : {}) : this.fill(cur ? family.shared : {})} ask={helper ? (id, t) => helperTitle(terms, id, t) : undefined} />}
        {view.v === 'review' && (
          <Review
            kids={many ? family.children.map((_, i) => ({ label: childLabel(family, i), answers: this.fill(childAnswers(family, i)) })) : [{ answers: shown }]}
            terms={terms}
            onGo={onGo}
            onEdit={(i, q) => this.goFamily(family, i, { v: 'q', q })}
          />
        )}
        {/* Always in the page, so the summary is announced when the results appear. */}
        <div aria-live="polite" class="wz-live">{ev && ready && <ready.mod.ResultsHead ev={ev} terms={terms} title={helper ? helperWord(terms, 'results') : undefined} />}</div>
        {view.v === 'results' && !many && !stale && (!ready || broken) && answers.stage && (
          <Waiting failed={l?.state === 'failed' || broken} stage={answers.stage} onRetry={this.retry} />
        )}
        {view.v === 'results' && many && !model && !stale && (
          <Waiting failed={s.fam?.state === 'failed' || broken} stage={answers.stage ?? 'primary'} onRetry={this.retry} />
        )}
        {view.v === 'results' && many && model && f && (
          <f.mod.FamilyResults
            model={model}
            terms={terms}
            link={link}
            canAdd={canAdd}
            onEdit={(i) => this.goFamily(family, i, { v: 'review' })}
            onLabel={(i) => this.goFamily(family, i, { v: 'label' })}
            onRemove={(i) => this.goFamily(f.mod.removeChild(family, i), 0, { v: 'results' })}
            onAdd={this.addKid}
            msg={s.msg}
            ui={ui}
            onGo={onGo}
          />
        )}
        {helper && s.handoff && view.v === 'results' && (many ? !!model : !!(ev && ready)) && <s.handoff.Handoff link={link} terms={terms} />}
        {ev && ready && (
          <ready.mod.Results
            answers={withDefaultRegion(answers, p.defaultRegion)}
            ev={ev}
            terms={terms}
            steps={ready.part.steps}
            link={link}
            ticks={s.ticks}
            remember={s.remember}
            msg={s.msg}
            ui={ui}
            onTick={this.tick}
            onRemember={this.keep}
            onGo={onGo}
          />
        )}
        {ev && model && f && <f.mod.FamilyExtras model={model} link={link} onAdd={this.addKid} />}

        {helper && s.handoff && Object.keys(answers).length > 0 && <s.handoff.NextFamily terms={terms} onNext={this.next} />}
        {!helper && (Object.keys(answers).length > 0 || many) && (
          <p class="wz-clear no-print">
            <button type="button" class="btn" aria-expanded={s.confirm} aria-controls="wz-confirm" onClick={() => ui({ confirm: !s.confirm })}>清除我的回答</button>
            <span id="wz-confirm" role="status">
              {s.confirm && (
                <span class="wz-confirm">
                  <span class="wz-warn">这台手机上的回答和勾选都会删掉，要清除吗？</span>
                  <button type="button" class="btn btn-primary" onClick={this.clear}>确定清除</button>
                  <button type="button" class="btn" onClick={() => ui({ confirm: false })}>不清除</button>
                </span>
              )}
            </span>
          </p>
        )}
      </div>
    );
  }
}
