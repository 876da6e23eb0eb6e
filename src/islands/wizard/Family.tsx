/**
 * The family results (issue 17), loaded by the wizard once the results screen is open:
 *  - `FamilyResults` for two or more children: each child's results, one merged checklist (全家一份
 *    的材料 with whom each is for, then each child's own, then 看情况再准备), money without false
 *    totals, 接下来几年, and 带回家 (image, print, calendar);
 *  - `FamilyExtras` under a one-child result (today's Results screen): money, 接下来几年, 带回家.
 * The engine computes everything (evaluateFamily, timeline, applicationMonths); this module words and
 * lays it out. The image, the QR code and the calendar file are separate modules loaded on tap.
 */
import { ensureReplaceAll } from '../../lib/old-engines.ts';
import { Component } from 'preact';
import { GRADE_MAX, type Stage } from '../../rules/answers.ts';
import { nextGrade } from '../../rules/ladder.ts';
import { beforeWord, type Family } from '../../rules/family.ts';
import { evaluateFamily, type FamilyEvaluation } from '../../rules/family-eval.ts';
import { timeline, type TimelineStep } from '../../rules/timeline.ts';
import { applicationMonths, nextStages, type CalendarMonth } from '../../rules/calendar.ts';
import { Card } from './Results.tsx';
import { SpeakButton } from '../speak/Button.tsx';
import { Share } from './Share.tsx';
import { FRAUD_LINE } from '../../components/shell/site.ts';
import familyCss from './family.css?url';
import type { Ui, View } from './types.ts';

export { ChildLabel } from './ChildLabel.tsx';
export { mergeParts } from './merge-parts.ts';
export { addChild, removeChild, setOrder } from './family-edit.ts';
/** 孩子升级了吗 (./NewYear.tsx), for a link from an earlier school year: loaded from here so it shares this module's ladder. */
export const loadNewYear = () => import('./NewYear.tsx');
import { childHeading, docLine, moneyLines, ownDocLine, stepLines } from './family-view.ts';
import { kidsLine, type Part, type Payload, type Terms } from './lib.ts';
import { joinPart } from './join-part.ts';
import { STATUS_TERMS } from './statuses.ts';

// The family styles (and 大字 on paper) arrive with this module, not with the wizard's opening: a
// stylesheet from the site itself, which the CSP allows.
if (typeof document !== 'undefined' && !document.querySelector('link[data-fam-css]')) {
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = familyCss;
  l.setAttribute('data-fam-css', '');
  document.head.appendChild(l);
}


/** Everything the family screens show, computed by the engine on `date` (YYYY-MM-DD). */
export interface FamilyModel {
  fe: FamilyEvaluation;
  /** Per child: its coming steps. */
  timelines: TimelineStep[][];
  months: CalendarMonth[];
}

/**
 * Runs the engine for the family on the page's block and the joined parts (`part`): results, merged
 * checklist, money, each child's timeline, the application months.
 */
export function familyModel(p: Payload, part: Part, family: Family, date: string): FamilyModel {
  const { data, regions } = joinPart(p, part);
  const opts = { date, checked: p.floor, ...(p.defaultRegion && { region: p.defaultRegion }) };
  const fe = evaluateFamily(data, regions, family, opts);
  const timelines = fe.children.map((c) => (c.answers.stage ? timeline(data, regions, c.answers, opts) : []));
  // 高三 → 大学, 初三 → 普高 or 中职, 大班 → 小学: the next stage's applications in the months after the child leaves (../../rules/calendar.ts).
  return { fe, timelines, months: applicationMonths(fe, 12, timelines.map((t) => nextStages(data, regions, t, opts))) };
}

interface Actions {
  /** Change child i's answers (opens 核对 for that child). */
  onEdit: (i: number) => void;
  onRemove: (i: number) => void;
  onLabel: (i: number) => void;
  onAdd: () => void;
}

function Money({ fe }: { fe: FamilyEvaluation }) {
  const m = moneyLines(fe);
  return (
    <section class="fam-money" aria-labelledby="fam-money-h" data-tts>
      <div class="tts-head"><h3 id="fam-money-h">每年可以申请的助学金、生活补助</h3><SpeakButton /></div>
      <ul>{m.sums.map((s) => <li key={s}>{s}</li>)}</ul>
      {m.total && <p class="fam-total"><strong>{m.total}</strong></p>}
      <p class="muted">只把每年打到卡上的助学金、生活补助加在一起。下面这些不算成钱：</p>
      {m.apart.length > 0 && <ul class="fam-apart">{m.apart.map((s) => <li key={s}>{s}</li>)}</ul>}
      {m.maybe.length > 0 && (
        <p class="fam-maybe">「可能可以」的，要看情况，没有算进合计：{m.maybe.join('；')}。</p>
      )}
    </section>
  );
}

function Steps({ fe, timelines }: { fe: FamilyEvaluation; timelines: TimelineStep[][] }) {
  const many = fe.children.length > 1;
  return (
    <section class="fam-next" aria-labelledby="fam-next-h" data-tts>
      <div class="tts-head"><h3 id="fam-next-h">接下来几年</h3><SpeakButton /></div>
      <p class="muted">金额按现在已经公布的标准；以后标准调整了，以新公布的为准。</p>
      {fe.children.map((c, i) => {
        const steps = timelines[i] ?? [];
        return (
          <div key={i} class="fam-next-child">
            {many && <h4>{beforeWord(c.label)}以后的变化</h4>}
            {steps.length === 0 ? (
              <p>接下来三年，按现在收录的政策，{c.answers.stage ? '没有要留意的变化' : '先选好上学阶段才能看'}。</p>
            ) : (
              <ul>
                {steps.map((st) => {
                  const l = stepLines(st);
                  return (
                    <li key={st.date} data-step={st.date}>
                      <b>{l.head}</b>
                      {l.ways.map((w) => (
                        <div key={w.title}>
                          {w.title && <span class="fam-way">{w.title}：</span>}
                          {w.lines.length ? w.lines.join('；') : '资助没有变化'}。
                        </div>
                      ))}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** A month's items in runs of one child and one way (「老大 上中职的话：…、…」), in their order. */
function groups(items: CalendarMonth['items']): CalendarMonth['items'][] {
  const out: CalendarMonth['items'][] = [];
  for (const it of items) {
    const last = out[out.length - 1]?.[0];
    if (last && last.child === it.child && last.next === it.next) out[out.length - 1]!.push(it);
    else out.push([it]);
  }
  return out;
}

/** The application months as a printed strip (the same dates as the calendar file): each child's items, and each way's, said once. */
function MonthStrip({ months, many }: { months: CalendarMonth[]; many: boolean }) {
  if (!months.length) return <p class="fam-months-none">接下来一年，收录的资助里没有写明申请月份的；按学校通知办。</p>;
  return (
    <ol class="fam-months" aria-label="申请月份">
      {months.map((m) => (
        <li key={m.date}>
          <b>{m.year} 年 {m.month} 月</b>
          {groups(m.items).map((g) => `${many ? `${g[0]!.label} ` : ''}${g[0]!.next ? `${g[0]!.next}：` : ''}${g.map((it) => `${it.plain}${it.maybe ? '（可能可以）' : ''}`).join('、')}`).join('；')}
        </li>
      ))}
    </ol>
  );
}

interface TakeHomeProps { model: FamilyModel; link: string; many: boolean }
interface TakeHomeState { img: string; imgMsg: string; icsMsg: string; ics: string }

/** 带回家: 存成图片 (canvas PNG with a QR code), 打印, 加到手机日历 (.ics), and the month strip. */
class TakeHome extends Component<TakeHomeProps, TakeHomeState> {
  state: TakeHomeState = { img: '', imgMsg: '', icsMsg: '', ics: '' };

  image = async () => {
    this.setState({ imgMsg: '正在画图…' });
    try {
      const { drawFamilyImage } = await import('./family-image.ts');
      const img = await drawFamilyImage(this.props.model, this.props.link);
      this.setState({ img, imgMsg: '图片在下面。微信里长按图片，选「保存图片」；其他浏览器可以点「存到手机」。' });
    } catch {
      this.setState({ imgMsg: '没能画出图片，可以用「打印或存成 PDF」，或者截屏。' });
    }
  };

  calendar = async () => {
    this.setState({ icsMsg: '正在做日历文件…' });
    try {
      ensureReplaceAll(); // the ics package needs it; older phones lack it (src/lib/old-engines.ts)
      const { icsText } = await import('./ics-file.ts');
      const text = icsText(this.props.model.months, this.props.link, this.props.many);
      if (this.state.ics) URL.revokeObjectURL(this.state.ics);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      this.setState({ ics: url, icsMsg: '日历文件做好了。手机没有自动打开时，点「下载日历文件」；打不开的话，就看下面的月份表。' });
      const a = document.createElement('a');
      a.href = url;
      a.download = '资助申请月份.ics';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch {
      this.setState({ icsMsg: '没能做出日历文件，请看下面的月份表。' });
    }
  };

  componentWillUnmount() {
    if (this.state.ics) URL.revokeObjectURL(this.state.ics);
  }

  render() {
    const { model, many } = this.props;
    const s = this.state;
    return (
      <section class="fam-home" aria-labelledby="fam-home-h">
        <h3 id="fam-home-h">带回家</h3>
        <div class="no-print fam-take">
          <p class="fam-btns">
            <button type="button" class="btn btn-primary" onClick={this.image}>存成图片</button>
            <button type="button" class="btn" onClick={() => print()}>打印或存成 PDF</button>
            {model.months.length > 0 && <button type="button" class="btn" onClick={this.calendar}>加到手机日历</button>}
          </p>
          <p class="muted">图片和日历都在这台手机上做出来，不发给任何人；上面没有姓名和身份证号。</p>
          <p aria-live="polite" class="fam-msg">{s.imgMsg}</p>
          {s.img && (
            <p class="fam-img">
              <img src={s.img} alt="全家的资助结果和材料清单（图片）" id="fam-img" />
              <a class="btn" href={s.img} download="资助明白纸.png">存到手机</a>
            </p>
          )}
          <p aria-live="polite" class="fam-msg">{s.icsMsg}</p>
          {s.ics && <p><a class="btn" id="fam-ics" href={s.ics} download="资助申请月份.ics">下载日历文件</a></p>}
        </div>
        <h4>申请月份</h4>
        <MonthStrip months={model.months} many={many} />
        <p class="muted">多数学校在这些月份组织申请，具体日期看学校通知。</p>
      </section>
    );
  }
}

/** Under a one-child result: 再加一个孩子, money, 接下来几年, 带回家. */
export function FamilyExtras({ model, link, onAdd }: { model: FamilyModel; link: string; onAdd: () => void }) {
  return (
    <div class="fam fam-one">
      <div class="wz-family no-print">
        <h3>家里还有别的孩子在上学？</h3>
        <p>再加一个孩子，户口、家庭情况和地区不用再答，最后给全家一张材料单子。</p>
        <p><button type="button" class="btn" onClick={onAdd}>再加一个孩子</button></p>
      </div>
      <Money fe={model.fe} />
      <Steps fe={model.fe} timelines={model.timelines} />
      <TakeHome model={model} link={link} many={false} />
    </div>
  );
}

function Docs({ fe }: { fe: FamilyEvaluation }) {
  const { shared, perChild, maybe } = fe.checklist;
  const many = fe.children.length > 1;
  const none = !shared.length && !maybe.length && perChild.every((l) => !l.length);
  return (
    <section class="fam-docs" aria-labelledby="fam-docs-h" data-tts>
      <div class="tts-head"><h3 id="fam-docs-h">要准备的材料（全家一张单子）</h3><SpeakButton /></div>
      {none && <p>不用准备材料。</p>}
      {shared.length > 0 && (
        <>
          <h4>全家准备一份就行</h4>
          <ul class="fam-doclist">
            {shared.map((d) => <li key={d.doc.id} data-doc={d.doc.id}><b>{docLine(d)}</b><span class="fam-where">去哪里拿：{d.doc.where}</span></li>)}
          </ul>
        </>
      )}
      {perChild.map((l, i) => l.length > 0 && (
        <div key={i}>
          <h4>{fe.children[i]!.label}{/\d$/.test(fe.children[i]!.label) ? ' ' : ''}自己的</h4>
          <ul class="fam-doclist">
            {l.map((d) => <li key={d.doc.id} data-doc={d.doc.id} data-child={i}><b>{ownDocLine(d, many)}</b><span class="fam-where">去哪里拿：{d.doc.where}</span></li>)}
          </ul>
        </div>
      ))}
      {maybe.length > 0 && (
        <>
          <h4>看情况再准备</h4>
          <p class="muted">只有符合「可能可以」那几项说的情况，才要这些：</p>
          <ul class="fam-doclist">{maybe.map((d) => <li key={d.doc.id} data-doc={d.doc.id}>{docLine(d)}</li>)}</ul>
        </>
      )}
    </section>
  );
}

interface FamilyProps extends Actions {
  model: FamilyModel;
  terms: Terms;
  link: string;
  /** Fewer than six children: offer 再加一个孩子. */
  canAdd: boolean;
  /** For the share block (Wizard state). */
  msg: string;
  ui: (u: Partial<Ui>) => void;
  onGo: (v: View) => void;
}

/** Two or more children: the whole family's results. */
export function FamilyResults({ model, terms: page, link, canAdd, onEdit, onRemove, onLabel, onAdd, msg, ui, onGo }: FamilyProps) {
  const { fe } = model;
  const terms = page.plus(STATUS_TERMS);
  return (
    <div class="fam wz-results">
      <h2 id="wz-h" tabindex={-1}><span class="wz-ponly">资助明白纸 · 资格自测 · </span>全家的结果</h2>
      <p class="wz-sum">{kidsLine(fe.children)}</p>
      <p class="muted"><time class="wz-date" dateTime={fe.date}>{fe.asOf}</time></p>
      {fe.children.some((c) => c.evaluation.notices.length) && fe.children[0]!.evaluation.notices.map((n) => <p key={n.message} class="note" role="status">{n.message}。</p>)}
      <Money fe={fe} />
      <p class="fraud">{FRAUD_LINE}</p>
      {fe.children.map((c, i) => {
        const live = c.evaluation.results.filter((r) => r.status !== 'ineligible');
        const out = c.evaluation.results.filter((r) => r.status === 'ineligible');
        return (
          <section key={i} class="fam-child" aria-labelledby={`fam-c${i}`} data-child={i}>
            <h3 id={`fam-c${i}`}>{childHeading(c)}</h3>
            <p class="fam-acts no-print">
              <button type="button" class="btn" onClick={() => onEdit(i)}>改{beforeWord(c.label)}的回答</button>
              <button type="button" class="btn" onClick={() => onLabel(i)}>改称呼</button>
              <button type="button" class="btn" onClick={() => onRemove(i)}>去掉{c.label}</button>
            </p>
            {c.note && <p class="note fam-own">{c.note}。</p>}
            {c.evaluation.missing.length > 0 ? (
              <p>还没选上学阶段。<button type="button" class="wz-link" onClick={() => onEdit(i)}>接着回答</button></p>
            ) : (
              <>
                {live.map((r) => (
                  <div key={r.id} class="fam-r">
                    <Card r={r} terms={terms} />
                  </div>
                ))}
                {live.length === 0 && <p>这次没有符合的资助项目。</p>}
                {out.length > 0 && <p class="muted fam-out">{terms.label({ kind: 'status', id: 'ineligible' })}：{out.map((r) => r.name).join('、')}</p>}
              </>
            )}
          </section>
        );
      })}
      <Docs fe={fe} />
      <Steps fe={fe} timelines={model.timelines} />
      <TakeHome model={model} link={link} many />
      {canAdd && <p class="no-print"><button type="button" class="btn" onClick={onAdd}>再加一个孩子</button></p>}
      <Share link={link} msg={msg} ui={ui} onGo={onGo} />
    </div>
  );
}

/** Stages whose parts the family's results need: each child's stage and the stage(s) it moves to next (for 接下来几年). */
export function neededStages(family: Family): Stage[] {
  const out = new Set<Stage>();
  for (const c of family.children) {
    if (!c.answers.stage) continue;
    out.add(c.answers.stage);
    for (const n of nextGrade({ stage: c.answers.stage, grade: GRADE_MAX[c.answers.stage] })) out.add(n.answers.stage!);
  }
  return [...out];
}
