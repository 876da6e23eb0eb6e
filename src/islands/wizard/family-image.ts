/**
 * 「存成图片」: the family's results, checklist and application months drawn on a canvas as one PNG
 * (a data URL for an <img>, which WeChat saves on a long press), with a QR code (the `qrcode` package)
 * that reopens the results. No name, no ID number: only what the answers and the engine say. Loaded
 * only when the button is tapped; drawn on the phone, sent nowhere.
 *
 *   await drawFamilyImage(model, 'https://…/check/#stage=…') → 'data:image/png;base64,…'
 * @throws Error when the browser has no 2D canvas.
 */
import QRCode from 'qrcode';
import { FRAUD_LINE } from '../../components/shell/site.ts';
import type { FamilyModel } from './Family.tsx';
import { amountText, childHeading, docLine, moneyLines, ownDocLine, stepLines } from './family-view.ts';
import { STATUS_TERMS } from './statuses.ts';

type Style = 'title' | 'h' | 'p' | 'small';
interface Block { style: Style; text: string; gap?: number }

/** Width of the image in pixels (about 3× a phone screen, so text stays sharp when zoomed). */
export const IMAGE_WIDTH = 1080;
const PAD = 64;
const SIZE: Record<Style, number> = { title: 52, h: 42, p: 36, small: 30 };
const FONT = '"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif';
/** The screen's group 「今年的申请时间已过」 (content/glossary.yaml group-passed), short for one line. */
const PASSED = '申请时间已过';

/** What the image says, top to bottom. */
export function imageBlocks(model: FamilyModel): Block[] {
  const { fe } = model;
  // 【自动享受】【可以申请】【可能可以】: the glossary's status terms, as the screen says them (content/glossary.yaml).
  const status = (id: string) => { const e = STATUS_TERMS.find((x) => x.id === id)!; return e.short ?? e.term; };
  const many = fe.children.length > 1;
  const b: Block[] = [
    { style: 'title', text: many ? '资助明白纸 · 全家的资助结果' : '资助明白纸 · 资格自测结果' },
    { style: 'small', text: fe.asOf, gap: 24 },
  ];
  const m = moneyLines(fe);
  b.push({ style: 'h', text: '每年可以申请的助学金、生活补助' });
  for (const s of m.sums) b.push({ style: 'p', text: s });
  if (m.total) b.push({ style: 'p', text: m.total });
  if (m.maybe.length) b.push({ style: 'small', text: `「可能可以」的没有算进去：${m.maybe.join('；')}` });
  for (const c of fe.children) {
    b.push({ style: 'h', text: childHeading(c), gap: 16 });
    const live = c.evaluation.results.filter((r) => r.status !== 'ineligible');
    if (!live.length) b.push({ style: 'p', text: c.evaluation.missing.length ? '还没选上学阶段' : '这次没有符合的资助项目' });
    // What this year's window has passed comes last, with when (as on the screen's 今年的申请时间已过).
    for (const r of live.filter((x) => x.group !== 'passed')) {
      const fig = amountText(r);
      b.push({ style: 'p', text: `【${status(r.status)}】${r.name}${fig ? `：${fig}` : ''}` });
    }
    for (const r of live.filter((x) => x.group === 'passed')) b.push({ style: 'small', text: `【${PASSED}】${r.name}：${r.timing!.message}` });
  }
  const { shared, perChild, maybe } = fe.checklist;
  b.push({ style: 'h', text: '要准备的材料', gap: 16 });
  if (!shared.length && !maybe.length && perChild.every((l) => !l.length)) b.push({ style: 'p', text: '不用准备材料。' });
  for (const d of shared) b.push({ style: 'p', text: `□ ${docLine(d)}` });
  perChild.forEach((l, i) => {
    for (const d of l) b.push({ style: 'p', text: `□ ${many ? `${fe.children[i]!.label}：` : ''}${ownDocLine(d, many)}` });
  });
  if (maybe.length) b.push({ style: 'small', text: `看情况再准备：${maybe.map(docLine).join('；')}` });
  if (model.months.length) {
    b.push({ style: 'h', text: '申请月份（具体日期看学校通知）', gap: 16 });
    for (const mo of model.months) b.push({ style: 'p', text: `${mo.year} 年 ${mo.month} 月：${mo.items.map((i) => `${many ? `${i.label} ` : ''}${i.name}`).join('；')}` });
  }
  const next = model.timelines.flatMap((steps, i) => steps.map((st) => [i, st] as const));
  if (next.length) {
    b.push({ style: 'h', text: '接下来几年', gap: 16 });
    for (const [i, st] of next) {
      const l = stepLines(st);
      b.push({ style: 'p', text: `${many ? `${fe.children[i]!.label}：` : ''}${l.head}` });
      for (const w of l.ways) b.push({ style: 'small', text: `${w.title ? `${w.title}：` : ''}${w.lines.join('；') || '资助没有变化'}` });
    }
  }
  b.push({ style: 'small', text: FRAUD_LINE, gap: 16 });
  return b;
}

/** Punctuation a line never starts with (it hangs at the end of the line before), and openers a line never ends with. */
const NO_START = /[，。；：、）」』！？…]/;
const NO_END = /[（「『]/;

/**
 * Splits `text` into lines no wider than `width` as `measure` measures them (Chinese breaks between any
 * two characters, but 「；」「，」「）」 never start a line — they hang past the edge — and 「（」 never ends one).
 */
export function wrapText(measure: (s: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line && !NO_START.test(ch) && measure(line + ch) > width) {
      const keep = line.length > 1 && NO_END.test(line.slice(-1)) ? line.slice(-1) : '';
      lines.push(keep ? line.slice(0, -1) : line);
      line = keep + (ch.trim() ? ch : '');
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

const wrap = (ctx: CanvasRenderingContext2D, text: string, width: number) => wrapText((s) => ctx.measureText(s).width, text, width);

/** Draws the blocks and the QR code; returns the PNG as a data URL. */
export async function drawFamilyImage(model: FamilyModel, link: string): Promise<string> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  const blocks = imageBlocks(model);
  const inner = IMAGE_WIDTH - 2 * PAD;
  const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const margin = 4;
  const cell = Math.max(4, Math.floor(520 / (n + 2 * margin)));
  const qrPx = cell * (n + 2 * margin);

  const laid = blocks.map((bl) => {
    ctx.font = `${bl.style === 'title' || bl.style === 'h' ? 'bold ' : ''}${SIZE[bl.style]}px ${FONT}`;
    return { ...bl, font: ctx.font, lines: wrap(ctx, bl.text, inner) };
  });
  const lineH = (s: Style) => Math.round(SIZE[s] * 1.45);
  let height = PAD;
  for (const l of laid) height += (l.gap ?? 0) + l.lines.length * lineH(l.style) + (l.style === 'h' ? 6 : 0);
  height += 32 + qrPx + 24 + lineH('small') * 2 + PAD;

  canvas.width = IMAGE_WIDTH;
  canvas.height = height;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, IMAGE_WIDTH, height);
  ctx.textBaseline = 'top';
  let y = PAD;
  for (const l of laid) {
    y += l.gap ?? 0;
    ctx.font = `${l.style === 'title' || l.style === 'h' ? 'bold ' : ''}${SIZE[l.style]}px ${FONT}`;
    ctx.fillStyle = l.style === 'small' ? '#333333' : l.style === 'p' ? '#111111' : '#0b3d91';
    for (const line of l.lines) {
      ctx.fillText(line, PAD, y);
      y += lineH(l.style);
    }
    if (l.style === 'h') y += 6;
  }
  y += 32;
  const x0 = Math.round((IMAGE_WIDTH - qrPx) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x0, y, qrPx, qrPx);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) ctx.fillRect(x0 + (c + margin) * cell, y + (r + margin) * cell, cell, cell);
  y += qrPx + 24;
  ctx.font = `${SIZE.small}px ${FONT}`;
  ctx.fillStyle = '#333333';
  for (const line of wrap(ctx, '扫这个二维码，再次打开这份结果（链接里只有回答，没有姓名、身份证号）。', inner)) {
    ctx.fillText(line, PAD, y);
    y += lineH('small');
  }
  return canvas.toDataURL('image/png');
}
