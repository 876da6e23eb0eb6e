/**
 * Results: the heading and counts (inside the page's aria-live region), notices about the link, whose
 * standards apply, the groups and each result (a regional figure says which region published it), the
 * checklist, where to ask (the region's contacts), share.
 *
 * This module and the engine it runs (`evaluate`) are loaded by the wizard only once the family has
 * picked the stage (a dynamic import in ./Wizard.tsx), so the first screens do not wait for them.
 */
import { sitePath } from '../../lib/site-path.ts';
import { ASK_LOCAL } from '../../schema/words.ts';
import type { Answers } from '../../rules/answers.ts';
import type { Amount, Result, Status } from '../../rules/evaluate.ts';
import { GROUPS, type Group } from '../../rules/order.ts';
import { evaluateInRegion, formatTiers, type RegionalEvaluation as Evaluation } from '../../rules/regions.ts';
import { question, questionsFor, type QuestionId } from '../../rules/questions.ts';
import { paymentLink } from '../../rules/payment-link.ts';
import { formatAmount, formatFloor, formatPerInstalment, formatRange, isUnconfirmed, LOCAL, UNCONFIRMED, UNCONFIRMED_HREF, UNCONFIRMED_WHY } from '../../lib/format.ts';
import { FRAUD_LINE } from '../../components/shell/site.ts';
import { answerLabel, stagePage, type Part, type Payload, type Terms } from './lib.ts';
import { joinPart } from './join-part.ts';
import { Checklist } from './Checklist.tsx';
import { STATUS_TERMS } from './statuses.ts';
import { Share } from './Share.tsx';
import type { Ui, View } from './types.ts';
import { SpeakButton } from '../speak/Button.tsx';

export type { Evaluation };

/**
 * The results for `answers` on `date` (YYYY-MM-DD), from the page's block and the stage's part, with
 * the family's region or else the deployment's default region (src/rules/regions.ts).
 */
export function evaluate(p: Payload, part: Part, answers: Answers, date: string): Evaluation {
  const { data, regions } = joinPart(p, part);
  return evaluateInRegion(data, regions, answers, { date, region: p.defaultRegion, checked: p.floor });
}

const statusTerm = (s: Status | `group-${Group}`, t: Terms) => t.label({ kind: 'status', id: s });

/** The engine's summary line (src/rules/order.ts): what the family can get now, each with its own figure. */
/** `title`: the heading in 代问模式 (「这一户的结果」, glossary helper-results); 「你的结果」 otherwise. */
export function ResultsHead({ ev, title }: { ev: Evaluation; terms: Terms; title?: string }) {
  return (
    <>
      {/* 听一听 reads the headline and the summary too (a grandmother who reads little hears it first). */}
      <div data-tts="sum">
        <div class="tts-head">
          <h2 id="wz-h" tabindex={-1}><span class="wz-ponly">资助明白纸 · 资格自测 · </span>{title || '你的结果'}</h2>
          <SpeakButton />
        </div>
        <p class="wz-sum">{ev.summary}</p>
        <p class="muted"><time class="wz-date" dateTime={ev.date}>{ev.asOf}</time></p>
      </div>
    </>
  );
}

/** Who published a regional figure: 「四川省公布：分三档：1300、2300、3300 元/年」「施甸县公布的标准」. */
const published = (a: Amount) => {
  const tiers = formatTiers(a);
  return `${a.region!.name}公布${tiers ? `：${tiers}` : '的标准'}`;
};

/**
 * 未确认 beside what is not confirmed: a region's figure is its published line (「四川省公布：分三档…」),
 * where the marker goes, not the national-looking figure above it (the national 2300 is confirmed).
 */
const Unc = ({ a }: { a: Amount }) =>
  isUnconfirmed(a) ? <> <a class="badge unc" href={sitePath(UNCONFIRMED_HREF)}>{UNCONFIRMED}<span class="sr-only">：这一项{UNCONFIRMED_WHY}</span></a></> : null;

function AmountLine({ a, alt }: { a: Amount; alt?: boolean }) {
  const sem = formatPerInstalment(a);
  return (
    <>
      {alt && a.label && <b>{a.label}：</b>}
      <span class="wz-amt">{formatAmount(a)}</span>
      {!a.region && <Unc a={a} />}
      {sem && (alt ? '，' : <br />)}
      {sem && <span class="wz-sem">{sem}</span>}
      {alt && a.region && <>（{published(a)}<Unc a={a} />）</>}
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
        <>
          <p class="wz-main"><AmountLine a={a} /></p>
          {a.region && <p class="wz-pub">{published(a)}<Unc a={a} />。</p>}
        </>
      )}
      {range && <p class="wz-more">{range}。</p>}
      {formatFloor(a) && <p class="wz-more">{formatFloor(a)}。</p>}
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

/** 「钱什么时候到、打到哪张卡」 (/payment/) or 「助学贷款以后」 (/loan/): where is decided by src/rules/payment-link.ts. */
function PayLink({ r }: { r: Result }) {
  const l = paymentLink(r);
  return <> <a class="wz-pay no-print tts-skip" href={sitePath(l.href)}>{l.text}</a></>; // under the deployment's base (sub-path sites)
}

export function Card({ r, terms }: { r: Result; terms: Terms }) {
  const out = r.status === 'ineligible';
  return (
    <article class={`card wz-r wz-${r.status}`} aria-labelledby={`r-${r.id}`} data-id={r.id} data-tts>
      <div class="tts-head">
        <h4 id={`r-${r.id}`}>{r.name}</h4>
        {/* The status in the card too: read aloud with it, and printed beside it. */}
        {/* What can only be applied for next time says so, not 「可以申请」 above 「已经过了」. */}
        <span class={`badge status-${r.status} wz-st`}>{statusTerm(r.group === 'passed' ? 'group-passed' : r.status, terms)}</span>
        <SpeakButton />
      </div>
      {r.region && <p class="muted">{r.region.name}自己的项目</p>}
      {!out && <AmountBlock r={r} />}
      {!out && r.timing && <p class={`wz-when wz-when-${r.timing.state}`}>申请时间：{r.timing.message}。</p>}
      <p class="wz-reason">{r.reason}</p>
      {r.ask && (
        <div class="wz-ask">
          <p><b>去学校可以这样问：</b>{r.ask}</p>
        </div>
      )}
      {!out && (
        <dl class="wz-facts">
          <div><dt>怎么发</dt><dd>{r.delivery.text}<PayLink r={r} /></dd></div>
          <div><dt>{r.apply.label}</dt><dd>{r.apply.where}{!r.timing && `（${r.apply.when}）`}</dd></div>
          <div class="wz-more"><dt>怎么办</dt><dd>{r.apply.how}</dd></div>
          <div class="wz-more tts-skip"><dt>依据</dt><dd><Source r={r} /></dd></div>
        </dl>
      )}
    </article>
  );
}

interface Props {
  answers: Answers;
  /** The share link (the wizard's: the whole family and the school year, formatFamily). */
  link: string;
  ev: Evaluation;
  terms: Terms;
  /** The steps of applying (from the stage's part). */
  steps: Part['steps'];
  ticks: Set<string>;
  remember: boolean;
  msg: string;
  ui: (u: Partial<Ui>) => void;
  onTick: (id: string, on: boolean) => void;
  onRemember: (on: boolean) => void;
  onGo: (v: View) => void;
}

export function Results(p: Props) {
  // Not `{ …, ...tick }`: object rest, lowered to ES2017, pulls a helper module into the journey.
  const { answers, ev, onGo, msg, ui } = p;
  const terms = p.terms.plus(STATUS_TERMS);
  // 「不确定」「是」 alone say nothing on paper: name the question.
  const who = questionsFor(answers)
    .map((id) => {
      const l = answerLabel(answers, id, terms);
      return (/^(不?是|不确定|以上都不是)$/.test(l) || id === 'veteran' ? `${question(id, answers).short}：` : '') + l;
    })
    .join(' · ');
  // Questions answered 「不确定」: the results say 「可能可以」 where a sure answer would decide.
  const unsure = questionsFor(answers).filter((id) => answers[id] === 'unknown').map((id) => question(id, answers).short);
  const applying = ev.results.some((r) => r.status === 'apply' || r.status === 'conditional');
  const out = ev.results.filter((r) => r.status === 'ineligible');
  return (
    <div class="wz-results">
      {ev.notices.map((n) => <p key={n.message} class="note wz-notice" role="status">{n.message}。</p>)}
      <p class="wz-who">你的回答：{who}</p>
      {unsure.length > 0 && (
        <p class="note wz-unsure">有 {unsure.length} 个问题你选了「不确定」（{unsure.join('、')}）。问清楚后（问班主任或村委会都可以）再测一次，结果会更准。</p>
      )}
      <p class="fraud">{FRAUD_LINE}</p>
      {ev.standard && <p class="wz-std">{ev.standard}。</p>}
      {GROUPS.filter((g) => g !== 'out').map((g) => {
        const rs = ev.results.filter((r) => r.group === g);
        if (!rs.length) return null;
        const plain = terms.get({ kind: 'status', id: `group-${g}` })?.plain;
        return (
          <section key={g} class="wz-group" aria-labelledby={`g-${g}`} data-group={g}>
            <h3 id={`g-${g}`}><span class={`badge group-${g}`}>{statusTerm(`group-${g}`, terms)}</span></h3>
            {plain && <p class="muted wz-more">{plain}</p>}
            {rs.map((r) => <Card key={r.id} r={r} terms={terms} />)}
          </section>
        );
      })}
      {out.length > 0 && (
        <section class="wz-group" aria-labelledby="g-out" data-group="out">
          <h3 id="g-out"><span class="badge status-ineligible">{statusTerm('group-out', terms)}</span></h3>
          <div class="wz-more">{out.map((r) => <Card key={r.id} r={r} terms={terms} />)}</div>
          <p class="print-only">{out.map((r) => r.name).join('、')}</p>
          <p class="wz-else">
            家里情况有变化（比如突发困难），可以随时找学校资助老师重新申请认定；也可以问县（市、区）
            {terms.label({ kind: 'term', id: 'zizhu-center' })}。
            <a class="no-print" href={stagePage(ev.stage!)}>看这个学段的全部资助</a>
          </p>
        </section>
      )}
      {ev.results.length === 0 && <p>这个阶段暂时没有收录的资助项目。</p>}
      <Checklist {...p} terms={terms} applying={applying} />
      <section class="wz-contacts" aria-labelledby="wz-ask-h">
        <h3 id="wz-ask-h">去哪里问</h3>
        {ev.contacts.length ? (
          <ul>
            {ev.contacts.map((c) => (
              <li key={c.name} data-contact>
                <b>{c.name}</b>
                {c.phone && <>　电话 <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a></>}
                {c.hours && `（${c.hours}）`}
                {c.address && <><br />地址：{c.address}</>}
                {c.url && <><br /><a href={c.url}>{c.url}</a></>}
                {c.note && <><br />{c.note}</>}
              </li>
            ))}
          </ul>
        ) : (
          <p data-no-contacts>{ASK_LOCAL}。</p>
        )}
      </section>
      <Share link={p.link} msg={msg} ui={ui} onGo={onGo} />
    </div>
  );
}
