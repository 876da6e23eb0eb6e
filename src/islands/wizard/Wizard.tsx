/**
 * The eligibility wizard (/check/): one question per screen → 核对你的回答 → results and checklist.
 *
 * State lives in the URL hash in the engine's answer vocabulary (parseAnswers / formatAnswers), one
 * history entry per step, so back/forward and reload keep the answers. Which screen shows is derived
 * from the answers (the first unanswered question, else the review); `history.state.wz` only says
 * when the family is changing one answer or looking at the results. Nothing leaves the phone.
 *
 * Props come from src/pages/check/index.astro: the trimmed dataset (see ./trim.ts) and `floor`, the
 * earliest day the data can answer for.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../../data/validate.ts';
import { formatAnswers, parseAnswers, type AnswerError, type Answers } from '../../rules/answers.ts';
import { firstUnanswered, isAsked, setAnswer, type QuestionId } from '../../rules/questions.ts';
import { evaluateWith } from '../../rules/evaluate.ts';
import { deviceDay, makeTerms, readStored, writeStored } from './lib.ts';
import { QuestionScreen } from './Question.tsx';
import { Review } from './Review.tsx';
import { Results, ResultsHead } from './Results.tsx';

export type View = { v: 'q'; q: QuestionId } | { v: 'review' } | { v: 'results' };

interface State {
  answers: Answers;
  view: View;
  /** What a malformed link got wrong (shown once, until the next answer). */
  errors: AnswerError[];
  /** Answers removed because an earlier one changed. */
  dropped: QuestionId[];
}

interface Props {
  /** The trimmed dataset as JSON (a string keeps the serialized prop small). */
  data: string;
  floor: string;
}

/** The screen for these answers: the requested one if it still makes sense, else the natural next one. */
function resolveView(a: Answers, want: unknown): View {
  const next = firstUnanswered(a);
  const w = want as View | undefined;
  if (w?.v === 'q' && isAsked(w.q, a)) return w;
  if (next) return { v: 'q', q: next };
  return w?.v === 'results' ? w : { v: 'review' };
}

function readLocation(): State {
  const parsed = parseAnswers(location.hash);
  const answers = parsed.ok ? parsed.answers : parsed.partial;
  const view = resolveView(answers, parsed.ok ? (history.state as { wz?: View } | null)?.wz : undefined);
  return { answers, view, errors: parsed.ok ? [] : parsed.errors, dropped: [] };
}

const urlFor = (a: Answers) => {
  const h = formatAnswers(a);
  return location.pathname + location.search + (h ? `#${h}` : '');
};

export default function Wizard({ data, floor }: Props) {
  const dataset = useMemo(() => JSON.parse(data) as Dataset, [data]);
  const terms = useMemo(() => makeTerms(dataset.glossary), [dataset]);
  const [state, setState] = useState<State | null>(null);
  const focusNext = useRef(false);
  // Ticked documents: in memory, and in localStorage only while 「记住我的勾选」 is on.
  const [ticks, setTicks] = useState<Set<string>>(new Set());
  const [remember, setRemember] = useState(false);
  const key = state ? formatAnswers(state.answers) : null;

  useEffect(() => {
    if (key === null || remember) return;
    const s = readStored();
    if (s && s.a === key) {
      setTicks(new Set(s.t));
      setRemember(true);
    }
  }, [key]);

  // Written in the handlers below (so it is saved at once); here only when the answers change.
  useEffect(() => {
    if (remember && key !== null) writeStored({ a: key, t: [...ticks] });
  }, [key]);

  useEffect(() => {
    const s = readLocation();
    // A malformed link: keep what could be read, and write the canonical form back.
    if (s.errors.length || location.hash.length > 1) history.replaceState({ wz: s.view }, '', urlFor(s.answers));
    setState(s);
    const sync = () => {
      focusNext.current = true;
      setState(readLocation());
    };
    addEventListener('popstate', sync);
    addEventListener('hashchange', sync);
    return () => {
      removeEventListener('popstate', sync);
      removeEventListener('hashchange', sync);
    };
  }, []);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    const h = document.getElementById('wz-h');
    if (h) {
      h.focus();
      h.scrollIntoView({ block: 'start' });
    }
  }, [state]);

  if (!state) return <p class="wz-loading">正在打开自测…</p>;

  const go = (answers: Answers, want: View | { v: 'auto' }, dropped: QuestionId[] = []) => {
    const view = resolveView(answers, want.v === 'auto' ? undefined : want);
    history.pushState({ wz: view }, '', urlFor(answers));
    focusNext.current = true;
    setState({ answers, view, errors: [], dropped });
  };

  const onAnswer = (id: QuestionId, values: string[]) => {
    const { answers, dropped } = setAnswer(state.answers, id, values);
    go(answers, { v: 'auto' }, dropped);
  };

  const clear = () => {
    writeStored(null);
    setTicks(new Set());
    setRemember(false);
    history.replaceState(null, '', location.pathname + location.search);
    focusNext.current = true;
    setState({ answers: {}, view: { v: 'q', q: 'stage' }, errors: [], dropped: [] });
  };

  const { answers, view } = state;
  const ev = view.v === 'results' ? evaluateWith(dataset, answers, { date: deviceDay(floor) }) : null;
  return (
    <div class="wz">
      {state.errors.length > 0 && (
        <div class="note wz-errors" role="alert">
          <p><strong>这个链接有几处看不懂，已经跳过：</strong></p>
          <ul>{state.errors.map((e) => <li key={e.field}>{e.message}</li>)}</ul>
          <p>能看懂的回答已经保留，下面接着问还没回答的问题。</p>
        </div>
      )}
      {view.v === 'q' && (
        <QuestionScreen
          key={view.q}
          id={view.q}
          answers={answers}
          terms={terms}
          dropped={state.dropped}
          onAnswer={onAnswer}
          onGo={(v) => go(answers, v)}
        />
      )}
      {view.v === 'review' && <Review answers={answers} terms={terms} onGo={(v) => go(answers, v)} />}
      {/* Always in the page, so the summary is announced when the results appear. */}
      <div aria-live="polite" class="wz-live">{ev && <ResultsHead ev={ev} terms={terms} />}</div>
      {ev && (
        <Results
          answers={answers}
          ev={ev}
          terms={terms}
          ticks={ticks}
          remember={remember}
          onTick={(id, on) => {
            const t = new Set(ticks);
            if (on) t.add(id);
            else t.delete(id);
            setTicks(t);
            if (remember) writeStored({ a: key!, t: [...t] });
          }}
          onRemember={(on) => {
            setRemember(on);
            writeStored(on ? { a: key!, t: [...ticks] } : null);
          }}
          onGo={(v) => go(answers, v)}
        />
      )}
      {Object.keys(answers).length > 0 && (
        <p class="wz-clear no-print">
          <button type="button" class="btn" onClick={clear}>清除我的回答</button>
        </p>
      )}
    </div>
  );
}
