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
 * Regions: the family's `region=` answer, else the default region (ZZ_REGION), decides whose figures
 * apply (evaluateInRegion). The default stands as the answer to the region question until the family
 * changes it (`withDefaultRegion`); share links carry it.
 *
 * One class component holds all state (the screens are plain functions), so the page needs Preact's
 * core only, not preact/hooks.
 */
import { Component, render } from 'preact';
import { NATIONAL_REGION, formatAnswers, parseAnswers, type AnswerError, type Answers, type Stage } from '../../rules/answers.ts';
import { firstUnanswered, isAsked, setAnswer, withDefaultRegion, type QuestionId } from '../../rules/questions.ts';
import { deviceDay, isPart, makeTerms, readStored, stagePage, writeStored, type Part, type Payload, type Terms } from './lib.ts';
import { isInPageLink } from '../../lib/in-page-link.ts';
import { QuestionScreen } from './Question.tsx';
import type { Ui, View } from './types.ts';

export type { Ui, View };
import { Review } from './Review.tsx';

/** The results screens and the engine (./Results.tsx), loaded when the stage is known. */
type ResultsModule = typeof import('./Results.tsx');
const loadResults = () => import('./Results.tsx');

/** How long the stage's part and the results module may take before the wizard says it could not get them. */
export const LOAD_TIMEOUT_MS = 20_000;

/** The stage's part and the results module: being fetched, ready, or failed (no signal, server error, too slow). */
type Loading = { stage: Stage; state: 'loading' | 'failed' } | { stage: Stage; state: 'ready'; mod: ResultsModule; part: Part };

interface State extends Ui {
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
}

const FRESH: Ui = { picked: null, warn: false, find: '', msg: '', confirm: false };

/** The screen for these answers (region default applied): the requested one if it still makes sense, else the natural next one. */
function resolveView(a: Answers, want: unknown): View {
  const next = firstUnanswered(a);
  const w = want as View | undefined;
  if (w?.v === 'q' && isAsked(w.q, a)) return w;
  if (next) return { v: 'q', q: next };
  return w?.v === 'results' ? w : { v: 'review' };
}

const urlFor = (a: Answers) => {
  const h = formatAnswers(a);
  return location.pathname + location.search + (h ? `#${h}` : '');
};

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

export default class Wizard extends Component<{ p: Payload }, State> {
  terms: Terms;
  focusNext = false;

  constructor(props: { p: Payload }) {
    super(props);
    this.terms = makeTerms(props.p.glossary, props.p.regions);
    const s = this.read();
    // A malformed link: keep what could be read, and write the canonical form back.
    if (s.errors.length || location.hash.length > 1) history.replaceState({ wz: s.view }, '', urlFor(s.answers));
    this.state = { ...s, ticks: new Set(), remember: false, loading: null };
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
    const abort = new AbortController();
    const part = fetch(this.props.p.parts[stage], { signal: abort.signal })
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      })
      .then((p) => {
        if (!isPart(p)) throw new Error('not a stage part');
        return p;
      });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(() => {
        abort.abort();
        fail(new Error('timeout'));
      }, LOAD_TIMEOUT_MS);
    });
    Promise.race([Promise.all([loadResults(), part]), late]).finally(() => clearTimeout(timer)).then(
      ([mod, part]) => this.loaded(req, { stage, state: 'ready', mod, part }),
      () => {
        req.failed = true;
        this.loaded(req, { stage, state: 'failed' });
      },
    );
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

  read() {
    const parsed = parseAnswers(location.hash);
    const answers = parsed.ok ? parsed.answers : parsed.partial;
    const view = resolveView(this.fill(answers), parsed.ok ? (history.state as { wz?: View } | null)?.wz : undefined);
    return { ...FRESH, answers, view, errors: parsed.ok ? [] : parsed.errors, dropped: [] };
  }

  sync = () => {
    // An in-page link (「跳到正文」 → #main) is not a set of answers: put the answers back in the address.
    if (isInPageLink(location.hash)) {
      history.replaceState({ wz: this.state.view }, '', urlFor(this.state.answers));
      return;
    }
    const s = this.read();
    // hashchange and popstate both fire for one navigation; the second has nothing new.
    if (!s.errors.length && formatAnswers(s.answers) === formatAnswers(this.state.answers) && JSON.stringify(s.view) === JSON.stringify(this.state.view)) return;
    this.focusNext = true;
    this.setState(s);
  };

  componentDidMount() {
    addEventListener('popstate', this.sync);
    addEventListener('hashchange', this.sync);
    this.store();
    this.load(this.state.answers.stage);
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

  go = (answers: Answers, want?: View, dropped: QuestionId[] = []) => {
    const view = resolveView(this.fill(answers), want);
    history.pushState({ wz: view }, '', urlFor(answers));
    this.focusNext = true;
    this.setState({ ...FRESH, answers, view, errors: [], dropped });
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

  clear = () => {
    writeStored(null);
    history.replaceState(null, '', location.pathname + location.search);
    this.focusNext = true;
    this.setState({ ...FRESH, answers: {}, view: { v: 'q', q: 'stage' }, errors: [], dropped: [], ticks: new Set(), remember: false });
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
    const ev = view.v === 'results' && ready ? ready.mod.evaluate(p, ready.part, answers, deviceDay(p.floor)) : null;
    return (
      <div class="wz">
        {s.errors.length > 0 && (
          <div class="note wz-errors" role="alert">
            <p><strong>这个链接有几处看不懂，已经跳过：</strong></p>
            <ul>{s.errors.map((e) => <li key={e.field}>{e.message}</li>)}</ul>
            <p>能看懂的回答已经保留，下面接着问还没回答的问题。</p>
          </div>
        )}
        {view.v === 'q' && <QuestionScreen id={view.q} answers={shown} terms={terms} dropped={s.dropped} s={s} ui={ui} onAnswer={this.answer} onGo={onGo} />}
        {view.v === 'review' && <Review answers={shown} terms={terms} onGo={onGo} />}
        {/* Always in the page, so the summary is announced when the results appear. */}
        <div aria-live="polite" class="wz-live">{ev && ready && <ready.mod.ResultsHead ev={ev} terms={terms} />}</div>
        {view.v === 'results' && !ready && answers.stage && (
          <Waiting failed={l?.state === 'failed'} stage={answers.stage} onRetry={() => this.load(answers.stage)} />
        )}
        {ev && ready && (
          <ready.mod.Results
            answers={withDefaultRegion(answers, p.defaultRegion)}
            ev={ev}
            terms={terms}
            steps={ready.part.steps}
            ticks={s.ticks}
            remember={s.remember}
            msg={s.msg}
            ui={ui}
            onTick={this.tick}
            onRemember={this.keep}
            onGo={onGo}
          />
        )}
        {Object.keys(answers).length > 0 && (
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
