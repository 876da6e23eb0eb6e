/** Results: the heading and counts (inside the page's aria-live region), the groups and each result. */
import type { Answers } from '../../rules/answers.ts';
import type { Amount, Evaluation, Result, Status } from '../../rules/evaluate.ts';
import { question, questionsFor, type QuestionId } from '../../rules/questions.ts';
import { formatAmount, formatPerInstalment, formatRange, LOCAL } from '../../lib/format.ts';
import { FRAUD_LINE } from '../../components/shell/site.ts';
import { answerLabel, stagePage, type Terms } from './lib.ts';
import { Checklist } from './Checklist.tsx';
import { Share } from './Share.tsx';
import type { View } from './Wizard.tsx';

const ORDER: Status[] = ['automatic', 'apply', 'conditional', 'ineligible'];
const HEADINGS: Record<Status, (t: string) => string> = {
  automatic: (t) => t,
  apply: (t) => t,
  conditional: (t) => `${t}（要看下面说的情况）`,
  ineligible: (t) => t,
};

const statusTerm = (s: Status, t: Terms) => t.label({ kind: 'status', id: s });

export function ResultsHead({ ev, terms }: { ev: Evaluation; terms: Terms }) {
  const counts = ORDER.map((s) => [s, ev.results.filter((r) => r.status === s).length] as const).filter(([, n]) => n);
  return (
    <>
      <h2 id="wz-h" tabindex={-1}><span class="wz-ponly">资助明白纸 · 资格自测 · </span>你的结果</h2>
      <p class="wz-sum">{counts.map(([s, n]) => `${statusTerm(s, terms)} ${n} 项`).join('，')}。</p>
      <p class="muted">按 <span class="wz-date">{ev.date}</span> 这一天在用的政策算出。</p>
    </>
  );
}

function AmountLine({ a, alt }: { a: Amount; alt?: boolean }) {
  const sem = formatPerInstalment(a);
  return (
    <>
      {alt && a.label && <b>{a.label}：</b>}
      <span class="wz-amt">{formatAmount(a)}</span>
      {sem && (alt ? '，' : <br />)}
      {sem && <span class="wz-sem">{sem}</span>}
    </>
  );
}

function AmountBlock({ r }: { r: Result }) {
  const a = r.amount;
  if (!a) return null;
  const range = formatRange(a);
  return (
    <div class="wz-money">
      {r.alternatives.length > 1 ? (
        <>
          <p>你有一项回答是「不确定」，金额要看孩子属于哪一种（问班主任就知道）：</p>
          <ul class="wz-alts">
            {r.alternatives.map((l) => <li key={l.label}><AmountLine a={l} alt /></li>)}
          </ul>
        </>
      ) : (
        <p class="wz-main"><AmountLine a={a} /></p>
      )}
      {range && <p class="wz-more">{range}。</p>}
      {r.alternatives.length <= 1 && a.note && <p class="wz-more muted">{a.note}</p>}
      {r.local && r.localNote && (
        <p class="wz-local">
          {a.basis !== 'local' && <strong>{LOCAL}</strong>}
          <span class="wz-more">{a.basis !== 'local' && '：'}{r.localNote}</span>
        </p>
      )}
    </div>
  );
}

function Source({ r }: { r: Result }) {
  return (
    <>
      {r.sources.map((s, i) => (
        <span key={s.id}>{i ? '；' : ''}{s.title}{s.docNumber && `（${s.docNumber}）`}</span>
      ))}
    </>
  );
}

function Card({ r }: { r: Result }) {
  const out = r.status === 'ineligible';
  return (
    <article class={`card wz-r wz-${r.status}`} aria-labelledby={`r-${r.id}`} data-id={r.id}>
      <h4 id={`r-${r.id}`}>{r.name}</h4>
      {!out && <AmountBlock r={r} />}
      <p class="wz-reason">{r.reason}</p>
      {!out && (
        <dl class="wz-facts">
          <div><dt>怎么发</dt><dd>{r.delivery.text}</dd></div>
          <div><dt>{r.status === 'automatic' ? '要不要申请' : '去哪里申请'}</dt><dd>{r.apply.where}（{r.apply.when}）</dd></div>
          <div class="wz-more"><dt>怎么办</dt><dd>{r.apply.how}</dd></div>
          <div class="wz-more"><dt>依据</dt><dd><Source r={r} /></dd></div>
        </dl>
      )}
    </article>
  );
}

interface Props {
  answers: Answers;
  ev: Evaluation;
  terms: Terms;
  ticks: Set<string>;
  remember: boolean;
  onTick: (id: string, on: boolean) => void;
  onRemember: (on: boolean) => void;
  onGo: (v: View) => void;
}

export function Results({ answers, ev, terms, onGo, ...tick }: Props) {
  // 「不确定」「是」 alone say nothing on paper: name the question.
  const bare = (id: QuestionId) => answers[id] === 'unknown' || answers[id] === 'none' || id === 'veteran';
  const who = questionsFor(answers)
    .map((id) => (bare(id) ? `${question(id, answers).short}：` : '') + answerLabel(answers, id, terms))
    .join(' · ');
  const applying = ev.results.some((r) => r.status === 'apply' || r.status === 'conditional');
  const out = ev.results.filter((r) => r.status === 'ineligible');
  return (
    <div class="wz-results">
      <p class="wz-who">你的回答：{who}</p>
      <p class="fraud">{FRAUD_LINE}</p>
      {ORDER.filter((s) => s !== 'ineligible').map((s) => {
        const rs = ev.results.filter((r) => r.status === s);
        if (!rs.length) return null;
        const plain = terms.get({ kind: 'status', id: s })?.plain;
        return (
          <section key={s} class="wz-group" aria-labelledby={`g-${s}`} data-status={s}>
            <h3 id={`g-${s}`}><span class={`badge status-${s}`}>{HEADINGS[s](statusTerm(s, terms))}</span></h3>
            {plain && <p class="muted wz-more">{plain}</p>}
            {rs.map((r) => <Card key={r.id} r={r} />)}
          </section>
        );
      })}
      {out.length > 0 && (
        <section class="wz-group" aria-labelledby="g-ineligible" data-status="ineligible">
          <h3 id="g-ineligible"><span class="badge status-ineligible">{statusTerm('ineligible', terms)}</span></h3>
          <div class="wz-more">{out.map((r) => <Card key={r.id} r={r} />)}</div>
          <p class="print-only">{out.map((r) => r.name).join('、')}</p>
          <p class="wz-else">
            家里情况有变化（比如突发困难），可以随时找学校资助老师重新申请认定；也可以问县（市、区）
            {terms.label({ kind: 'term', id: 'zizhu-center' })}。
            <a class="no-print" href={stagePage(ev.stage!)}>看这个学段的全部资助</a>
          </p>
        </section>
      )}
      {ev.results.length === 0 && <p>这个阶段暂时没有收录的资助项目。</p>}
      <Checklist ev={ev} terms={terms} applying={applying} {...tick} />
      <Share answers={answers} onGo={onGo} />
    </div>
  );
}
