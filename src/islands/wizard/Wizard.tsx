/**
 * The eligibility wizard (/check/): one question per screen → 核对你的回答 → results and checklist.
 *
 * State lives in the URL hash in the engine's answer vocabulary (parseAnswers / formatAnswers), one
 * history entry per step, so back/forward and reload keep the answers. Which screen shows is derived
 * from the answers (the first unanswered question, else the review); `history.state.wz` only says
 * when the family is changing one answer or looking at the results. Nothing leaves the phone.
 *
 * Data comes from src/pages/check/index.astro as a JSON block (`<script type="application/json"
 * id="wz-data">`, see ./trim.ts): the trimmed dataset and regions, `floor` (the earliest day the data
 * can answer for) and the deployment's default region. `mount()` (called by the page's script) reads it
 * and renders the wizard into `#wz`.
 *
 * Regions: the family's `region=` answer, else the default region (ZZ_REGION), decides whose figures
 * apply (evaluateInRegion). The default stands as the answer to the region question until the family
 * changes it (`withDefaultRegion`); share links carry it.
 *
 * One class component holds all state (the screens are plain functions), so the page needs Preact's
 * core only, not preact/hooks.
 */
import { Component, render } from 'preact';
import { NATIONAL_REGION, formatAnswers, parseAnswers, type AnswerError, type Answers } from '../../rules/answers.ts';
import { firstUnanswered, isAsked, setAnswer, withDefaultRegion, type QuestionId } from '../../rules/questions.ts';
import { evaluateInRegion } from '../../rules/regions.ts';
import { deviceDay, makeTerms, readStored, writeStored, type Payload, type Terms } from './lib.ts';
import { QuestionScreen } from './Question.tsx';
import { Review } from './Review.tsx';
import { Results, ResultsHead } from './Results.tsx';

export type View = { v: 'q'; q: QuestionId } | { v: 'review' } | { v: 'results' };

/** Screen-local state, reset whenever the screen changes. */
export interface Ui {
  /** Family question: the boxes ticked so far (null = as answered). */
  picked: string[] | null;
  /** Family question: 下一步 with nothing ticked. */
  warn: boolean;
  /** Region question: the text typed. */
  find: string;
  /** Share: what the copy button did. */
  msg: string;
}

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
}

const FRESH: Ui = { picked: null, warn: false, find: '', msg: '' };

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

export default class Wizard extends Component<{ p: Payload }, State> {
  terms: Terms;
  focusNext = false;

  constructor(props: { p: Payload }) {
    super(props);
    const { data, regions } = props.p;
    this.terms = makeTerms(data.glossary, regions);
    const s = this.read();
    // A malformed link: keep what could be read, and write the canonical form back.
    if (s.errors.length || location.hash.length > 1) history.replaceState({ wz: s.view }, '', urlFor(s.answers));
    this.state = { ...s, ticks: new Set(), remember: false };
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
    this.focusNext = true;
    this.setState(this.read());
  };

  componentDidMount() {
    addEventListener('popstate', this.sync);
    addEventListener('hashchange', this.sync);
    this.store();
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
    const ev = view.v === 'results' ? evaluateInRegion(p.data, p.regions, answers, { date: deviceDay(p.floor), region: p.defaultRegion }) : null;
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
        <div aria-live="polite" class="wz-live">{ev && <ResultsHead ev={ev} terms={terms} />}</div>
        {ev && (
          <Results
            answers={withDefaultRegion(answers, p.defaultRegion)}
            ev={ev}
            terms={terms}
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
            <button type="button" class="btn" onClick={this.clear}>清除我的回答</button>
          </p>
        )}
      </div>
    );
  }
}
