/**
 * Texts of the school officer's kit (九月问答卡, 宣传月 messages) from templates whose figures and
 * facts are placeholders, resolved from the policy data for a date. Pure: data and date in, text out;
 * the pages call it at build time, so an answer changes when the data changes. Placeholders (see
 * `Template` in src/schema/schools.ts):
 *
 *   resolveTemplate('按学期发，{amount:senior-grant}。', data, '2026-09-01')
 *     → { text: '按学期发，2300 元/年（平均标准），平均每学期 1150 元，以当地公布为准。',
 *         sources: ['caijiao-2024-181'], checked: '2026-11-29', figures: [2300, 1150, 1200, 3500] … }
 *
 * `figures` lists every number the placeholders put into the text (for the content test that compares
 * answers with the data). Errors: TemplateError (Chinese message naming the placeholder).
 *
 * A card or message is about a stage group (`stages`: the stage page's stages, KIT_STAGES), and says
 * what that stage page says: who, what to bring, where and when to apply, the name and summary are
 * read from the stage page's own view model (src/rules/views.ts subsidyView for those stages), so the
 * 研究生 card has no 认定申请表 and no 「评定和公示」 for 研究生国家助学金 (自动享受, 不用申请).
 * A placeholder with its own stage (`{amount:student-loan:undergrad}` on the 高中 card) is about that
 * stage; a subsidy not given at the card's stages is read for all of its stages.
 */
import type { ApplyStep, DocumentInfo, GlossaryEntry, Source, Stage, Subsidy } from '../schema/index.ts';
import { STAGE_PAGES } from './stages.ts';
import type { Faq, KitStage, Messages } from '../schema/schools.ts';
import type { Payments } from '../schema/payments.ts';
import { formatAmount, formatAmountFull, formatFloor, formatNumber, formatRange, LOCAL } from '../lib/format.ts';
import { inForce, linesInForce, sourceLookup, type Amount } from './lines.ts';
import { notesFor } from './names.ts';
import { privateSchool, subsidyView, type DocumentNeedView, type SubsidyView } from './views.ts';
import type { Dataset } from '../schema/index.ts';

/** What templates can read. */
export interface TemplateData {
  subsidies: readonly Subsidy[];
  sources: readonly Source[];
  documents: readonly DocumentInfo[];
  glossary: readonly GlossaryEntry[];
  steps: readonly ApplyStep[];
  /** content/payments.yaml: which cards each subsidy's money arrives on (the one source for that). */
  payments: Pick<Payments, 'channels' | 'subsidies'>;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** The kit's stage groups → the wizard's stages: the stage pages of src/rules/stages.ts. */
export const KIT_STAGES = Object.fromEntries(STAGE_PAGES.map((p) => [p.slug, p.stages])) as Record<KitStage, readonly Stage[]>;

export interface Resolved {
  text: string;
  /** content/sources.yaml ids behind the placeholders, in order of first use. */
  sources: string[];
  /** The earliest `lastVerified` of the subsidies used ('' when none was used). */
  checked: string;
  /** Every number a placeholder put into the text. */
  figures: number[];
}

/** Text from the data without its final 。 (the template goes on after it). */
const stop = (t: string) => t.replace(/[。；]$/, '');

const PLACEHOLDER = /\{([a-z]+)(?::([a-z0-9-]+))?(?::([^}:]+))?\}/g;

/**
 * A lower floor set elsewhere (研究生国家助学金: 中央高校 15000, 地方高校 ≥ 13000, FACTS §5.2), so a
 * message never gives the 中央高校 figure alone: 「（地方高校不低于 13000 元）」, or after `sep` the
 * pages' wording (formatFloor). '' without a floor, or when it equals the figure (硕士 6000).
 */
function floorText(a: Amount, figures: number[], sep?: string): string {
  if (!a.floor || a.floor.value === a.value) return '';
  figures.push(a.floor.value);
  return sep ? sep + formatFloor(a) : `（${a.floor.who}不低于 ${formatNumber(a.floor.value)} 元）`;
}

function amountText(lines: Amount[], figures: number[]): string {
  return lines
    .map((a) => {
      if (a.value !== undefined) figures.push(a.value);
      if (a.perInstalment !== undefined) figures.push(a.perInstalment);
      if (a.range) figures.push(a.range.min, a.range.max);
      const range = formatRange(a);
      return `${a.label ? a.label + ' ' : ''}${formatAmountFull(a)}${range ? `（${range}）` : ''}${floorText(a, figures, '，')}`;
    })
    .join('；');
}

/**
 * Only the main figure of each line (「2300 元/年（平均标准）」), for short messages; 「，以当地公布为准」
 * once at the end when a line is set locally (`Amount.local`: the subsidy's `setLocally`, or a local
 * basis; src/rules/lines.ts), as the wizard and the pages say beside the same figures.
 */
function shortText(lines: Amount[], figures: number[]): string {
  const text = lines
    .map((a) => {
      if (a.value !== undefined) figures.push(a.value);
      return `${lines.length > 1 && a.label ? a.label + ' ' : ''}${formatAmount(a)}${floorText(a, figures)}`;
    })
    .join('，');
  return lines.some((a) => a.local) && text.indexOf(LOCAL) < 0 ? `${text}，${LOCAL}` : text;
}

/**
 * The card document (a document whose id is a card channel of content/payments.yaml, `aid-card`) as one
 * subsidy's list of what to bring names it: by the cards that subsidy's money arrives on there
 * (「中职资助卡」; several: 「学生资助卡、社保卡或银行卡」), so 带什么 never names another card than
 * 怎么发. The document's own name when it is no card, or payments.yaml lists no card for the subsidy.
 */
function docName(doc: DocumentInfo, subsidy: string, data: TemplateData, cite: (id: string) => void): string {
  const { channels, subsidies } = data.payments;
  if (!channels.some((c) => c.card && c.id === doc.id)) return doc.name;
  const pay = subsidies.find((p) => p.subsidy === subsidy);
  const cards = (pay ? pay.channels : []).map((id) => channels.find((c) => c.id === id)).filter((c) => !!c && c.card);
  if (!pay || !cards.length) return doc.name;
  cite(pay.source);
  if (cards.length === 1) return cards[0]!.name;
  const names = cards.map((c) => c!.short ?? c!.name);
  return `${names.slice(0, -1).join('、')}或${names[names.length - 1]}`;
}

/** What the card says for a subsidy's documents (the stage page's list, src/rules/views.ts documentNeeds). */
const NO_DOCUMENTS = '不用准备材料';

/**
 * A 民办 school's student, by the rule in force (src/rules/views.ts privateSchool), after the subsidy's
 * name on a card: the data decides, so a `maybe: [private]` in the data makes the card say 可能可以.
 */
function privateText(p: ReturnType<typeof privateSchool>): string {
  if (p.state === 'none' || p.state === 'in') return '不分公办、民办';
  if (p.state === 'out') return '民办学校的学生没有';
  return `民办学校的学生可能可以${p.text ? `（${stop(p.text)}）` : ''}，能不能拿请问学校`;
}

/** Literal words of a template that say the family applies (申请、评定、评议、公示). */
const APPLYING = /申请|评定|评议|公示/;

/**
 * Sentences of a template that say applying (申请、评议、公示 …) about a subsidy nobody at `stages`
 * applies for (研究生国家助学金: 「评定和公示以后发」 would contradict 「不用申请」 on the stage page). Each
 * problem names the subsidy and the sentence; [] when the template agrees with the views.
 */
export function applyingClaims(template: string, data: TemplateData, date: string, stages?: readonly Stage[]): string[] {
  const out: string[] = [];
  for (const sentence of template.match(/[^。；！？]+[。；！？]?/g) ?? []) {
    if (!APPLYING.test(sentence.replace(PLACEHOLDER, ''))) continue;
    for (const m of sentence.matchAll(PLACEHOLDER)) {
      const [, kind, id, b] = m;
      const s = data.subsidies.find((x) => x.id === id);
      if (!s || kind === 'step' || kind === 'stepinfo' || kind === 'docnote' || kind === 'term') continue;
      const v = viewOf(data, s, date, scopeOf(s, b, stages));
      if (!v.applies) out.push(`「${v.name}」在这个学段不用申请（${v.apply.where}），这句却说了申请、评议或公示：${sentence}`);
    }
  }
  return out;
}

/** The stages a placeholder is about: its own, else the card's that the subsidy has, else all of the subsidy's (undefined). */
function scopeOf(s: Subsidy, own: string | undefined, stages: readonly Stage[] | undefined): Stage[] | undefined {
  if (own) return [own as Stage];
  const mine = (stages ?? []).filter((st) => s.stages.indexOf(st) >= 0);
  return mine.length ? mine : undefined;
}

/** The stage page's view of a subsidy (the same function, so a card cannot say otherwise). */
const viewOf = (data: TemplateData, s: Subsidy, date: string, stages: Stage[] | undefined): SubsidyView =>
  subsidyView(data as unknown as Dataset, undefined, s.id, stages, date);

/**
 * Resolves one template for a card or message about `stages` (undefined: every stage of each subsidy).
 * @throws TemplateError for an unknown placeholder, subsidy, stage, step, glossary entry, a subsidy
 *         with no amount in force on `date`, or {when:…} of a subsidy nobody at these stages applies for.
 */
export function resolveTemplate(template: string, data: TemplateData, date: string, stages?: readonly Stage[]): Resolved {
  const sources: string[] = [];
  const figures: number[] = [];
  const sourceOf = sourceLookup(data.sources);
  const checked: string[] = [];
  const cite = (id: string | undefined) => {
    if (id && sources.indexOf(id) < 0) sources.push(id);
  };
  const subsidy = (id: string | undefined, ph: string): Subsidy => {
    const s = data.subsidies.find((x) => x.id === id);
    if (!s) throw new TemplateError(`${ph}：没有资助项目「${id ?? ''}」（content/subsidies/ 里没有）`);
    checked.push(s.lastVerified);
    return s;
  };
  /** The placeholder's stages (scopeOf); a stage of its own (`{amount:ID:STAGE}`) the subsidy lacks fails. */
  const stageOf = (s: Subsidy, b: string | undefined, ph: string): Stage[] | undefined => {
    if (b && s.stages.indexOf(b as Stage) < 0) throw new TemplateError(`${ph}：「${s.name}」没有学段「${b}」`);
    return scopeOf(s, b, stages);
  };
  const docText = (s: Subsidy, docs: DocumentNeedView[]): string => {
    // 「一般要」: what every family brings; a document only some ways need says whose (「退伍证（本专科退役士兵学生才要）」).
    const common = docs.filter((d) => !d.only);
    const shown = common.length ? common : docs;
    if (!shown.length) return NO_DOCUMENTS;
    return shown.map((d) => `${docName(d.doc, s.id, data, cite)}${d.only || d.ways ? `（${d.only || d.ways}才要）` : ''}`).join('、');
  };
  const text = template.replace(PLACEHOLDER, (ph: string, kind: string, a?: string, b?: string) => {
    switch (kind) {
      case 'amount':
      case 'short': {
        const s = subsidy(a, ph);
        const lines = linesInForce(s, date, sourceOf, stageOf(s, b, ph));
        if (!lines.length) throw new TemplateError(`${ph}：${date} 这天「${s.name}」没有在用的金额`);
        lines.forEach((a) => cite(a.source.id));
        return kind === 'amount' ? amountText(lines, figures) : shortText(lines, figures);
      }
      case 'name':
      case 'summary':
      case 'note':
      case 'delivery':
      case 'when':
      case 'where':
      case 'how':
      case 'who':
      case 'docs':
      case 'private': {
        const s = subsidy(a, ph);
        const rule = inForce(s.rules, date);
        if (!rule) throw new TemplateError(`${ph}：${date} 这天「${s.name}」还没有资格规则`);
        cite(rule.source);
        if (kind === 'note') {
          const n = notesFor(s, stages && scopeOf(s, undefined, stages)).find((x) => !!b && x.indexOf(b) >= 0);
          if (!n) throw new TemplateError(`${ph}：「${s.name}」的 notes 里没有含「${b ?? ''}」的一条`);
          return n.replace(/[。；]$/, '');
        }
        if (kind === 'private') return privateText(privateSchool(rule));
        // {name:higher-grant:undergrad}, or {name:higher-grant} on the 本专科 card: the stage's own name (src/rules/names.ts).
        const v = viewOf(data, s, date, stageOf(s, b, ph));
        if (kind === 'name') return v.name;
        if (kind === 'summary') return stop(v.summary);
        if (kind === 'delivery') return stop(v.delivery.text);
        if (kind === 'who') return stop(v.who);
        if (kind === 'docs') return docText(s, v.documents);
        if (kind === 'when') {
          if (!v.applies && v.window) throw new TemplateError(`${ph}：「${v.name}」在这个学段不用申请（${v.apply.where}），没有申请时间；用 {where:${s.id}}`);
          return stop(v.apply.when);
        }
        return stop(v.apply[kind as 'where' | 'how']);
      }
      case 'step':
      case 'stepinfo': {
        const st = data.steps.find((x) => x.id === a);
        if (!st) throw new TemplateError(`${ph}：content/steps.yaml 里没有「${a ?? ''}」这一步`);
        cite(st.source);
        const t = kind === 'step' ? st.when : st.short.replace(/。$/, '');
        for (const m of t.match(/\d+(?:\.\d+)?/g) ?? []) figures.push(Number(m));
        return t;
      }
      case 'docnote': {
        const doc = data.documents.find((x) => x.id === a);
        if (!doc?.note) throw new TemplateError(`${ph}：材料目录里没有「${a ?? ''}」的 note（content/documents.yaml）`);
        return doc.note.replace(/。$/, '');
      }
      case 'term': {
        const g = data.glossary.find((x) => x.id === a);
        if (!g?.plain) throw new TemplateError(`${ph}：术语表里没有「${a ?? ''}」的解释（content/glossary.yaml 的 plain）`);
        for (const m of g.plain.match(/\d+(?:\.\d+)?/g) ?? []) figures.push(Number(m));
        return g.plain;
      }
      default:
        throw new TemplateError(`${ph}：不认识的占位符（可用 amount、short、name、summary、note、delivery、when、where、how、who、docs、private、docnote、step、stepinfo、term）`);
    }
  });
  return { text, sources, checked: checked.sort()[0] ?? '', figures };
}

/** A source as a card cites it: 《title》 and 文号 when there is one. */
export interface CitedSource {
  id: string;
  title: string;
  docNumber?: string;
  issuer: string;
}

function citeSources(ids: readonly string[], data: TemplateData): CitedSource[] {
  return ids.map((id) => {
    const s = data.sources.find((x) => x.id === id);
    if (!s) throw new TemplateError(`未知来源「${id}」（content/sources.yaml 里没有）`);
    return { id, title: s.title, docNumber: s.docNumber, issuer: s.issuer };
  });
}

export interface FaqCard {
  id: string;
  q: string;
  a: string;
  sources: CitedSource[];
  /** Check date (YYYY-MM-DD): the earlier of the answers file's and the data's. */
  checked: string;
  figures: number[];
}

/** The 问答卡 of one stage group on `date`, in the file's order (questions with no answer for it are left out). */
export function faqCards(faq: Faq, stage: KitStage, data: TemplateData, date: string): FaqCard[] {
  const cards: FaqCard[] = [];
  for (const q of faq.questions) {
    const ans = q.answers.find((x) => x.stages.indexOf(stage) >= 0);
    if (!ans) continue;
    const r = resolveTemplate(ans.text, data, date, KIT_STAGES[stage]);
    const ids = r.sources.slice();
    for (const id of ans.sources) if (ids.indexOf(id) < 0) ids.push(id);
    const checked = [faq.lastVerified, r.checked].filter(Boolean).sort()[0]!;
    cards.push({ id: q.id, q: q.q, a: r.text, sources: citeSources(ids, data), checked, figures: r.figures });
  }
  return cards;
}

export interface StageKit {
  stage: KitStage;
  /** The parents' group message, without the link (the page adds it). */
  group: string;
  outline: string[];
  sources: CitedSource[];
  checked: string;
  figures: number[];
}

/** The 宣传月 message and 家长会 outline of one stage group on `date`. */
export function stageKit(messages: Messages, stage: KitStage, data: TemplateData, date: string): StageKit {
  const m = messages.stages.find((x) => x.stage === stage);
  if (!m) throw new TemplateError(`content/schools/messages.yaml 里没有学段「${stage}」`);
  const parts = [m.group, ...m.outline].map((t) => resolveTemplate(t, data, date, KIT_STAGES[stage]));
  const ids: string[] = [];
  for (const p of parts) for (const id of p.sources) if (ids.indexOf(id) < 0) ids.push(id);
  for (const id of m.sources) if (ids.indexOf(id) < 0) ids.push(id);
  const checked = [messages.lastVerified, ...parts.map((p) => p.checked)].filter(Boolean).sort()[0]!;
  return {
    stage,
    group: parts[0]!.text,
    outline: parts.slice(1).map((p) => p.text),
    sources: citeSources(ids, data),
    checked,
    figures: parts.reduce<number[]>((all, p) => all.concat(p.figures), []),
  };
}

/** 「财教〔2024〕181号」 or, without a 文号, the title: how a card names its source in one line. */
export function sourceLabel(s: CitedSource): string {
  return s.docNumber ? `${s.title}（${s.docNumber}）` : `${s.title}（${s.issuer}）`;
}

