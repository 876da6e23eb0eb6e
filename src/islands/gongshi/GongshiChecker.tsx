/**
 * 公示名单自查 (/schools/gongshi/): the officer pastes a list copied from Excel / WPS or opens a .csv /
 * .xlsx file; the page flags what must not be published (src/rules/gongshi.ts decides) and shows the
 * cleaned list, ready to print. An .xlsx is checked on every worksheet, each shown under its name. The file is read in this page (src/lib/table-input.ts): nothing is
 * sent, nothing is stored, and the page works offline once opened.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GongshiRules } from '../../schema/schools.ts';
import { checkGongshiBook, NOT_LISTED, signOffLine, type BookReport, type SheetCheck, type SourceRef } from '../../rules/gongshi.ts';
import { loadXlsxReader, parseTableText, readTableFile, type TableSheet } from '../../lib/table-input.ts';
import { today } from '../../lib/today.ts';

export interface GongshiCheckerProps {
  rules: GongshiRules;
  /** The sources the rules cite. */
  sources: SourceRef[];
  /** 公示 minimum, in working days (from content/steps.yaml). */
  days: number;
  /** The 公示 step's short text (how to object), from content/steps.yaml; printed above the sign-off line. */
  objection: string;
}

/** How many flagged cells each rule lists on screen (the count says how many there are). */
const SHOWN = 12;

const cite = (s: SourceRef) => (s.docNumber ? `《${s.title.replace(/^《|》$/g, '')}》（${s.docNumber}）` : s.title);

export default function GongshiChecker({ rules, sources, days, objection }: GongshiCheckerProps) {
  const [text, setText] = useState('');
  const [book, setBook] = useState<BookReport | null>(null);
  const [from, setFrom] = useState('');
  const [error, setError] = useState('');
  /** What to check about the reading itself (a stray quote that could have merged rows), in Chinese. */
  const [warnings, setWarnings] = useState<string[]>([]);
  /** The printed title of each sheet's cleaned list (by sheet index). */
  const [titles, setTitles] = useState<string[]>([]);

  // Load the XLSX reader now, so opening a file later needs no request.
  useEffect(() => {
    loadXlsxReader().catch(() => {});
  }, []);

  /** 「正在检查…」 while a check runs (a 20,000-row list takes seconds to check and lay out on a slow phone). */
  const [busy, setBusy] = useState(false);

  /**
   * Shows 「正在检查…」, lets the browser paint it (a frame, then a task), then does `work`; its result and
   * the message going away are rendered together. One check at a time: a tap while one runs does nothing.
   */
  const afterPaint = (work: () => Promise<void> | void) => {
    if (busy) return;
    setBusy(true);
    requestAnimationFrame(() =>
      setTimeout(() => {
        Promise.resolve()
          .then(work)
          .catch((err) => {
            setBook(null);
            setError(err instanceof Error ? err.message : String(err));
          })
          .then(() => setBusy(false));
      }, 0),
    );
  };

  const run = (sheets: TableSheet[], label: string) => {
    const b = checkGongshiBook(sheets, { rules, sources, today: today() });
    setBook(b);
    setWarnings(sheets.flatMap((x) => x.warnings ?? []));
    setFrom(label);
    setTitles(b.sheets.map((x) => x.report.title.join(' ') || '家庭经济困难学生资助名单公示'));
    setError('');
    requestAnimationFrame(() => document.getElementById('gs-result')?.focus());
  };

  const onPaste = (e: Event) => {
    e.preventDefault();
    const pasted = text;
    afterPaint(() => run([{ name: '', ...parseTableText(pasted) }], '粘贴的名单'));
  };

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files && input.files[0];
    if (!file) return;
    afterPaint(async () => {
      try {
        run(await readTableFile(file), `文件「${file.name}」`);
      } finally {
        input.value = '';
      }
    });
  };

  const clear = () => {
    setText('');
    setBook(null);
    setError('');
    setWarnings([]);
    setTitles([]);
  };

  /** Several sheets in the file: each is shown under its name. */
  const named = !!book && book.sheets.length > 1;
  const lists = book ? book.sheets.filter((x) => x.list) : [];

  /** One sheet's findings and its cleaned list. */
  const sheet = (x: SheetCheck, i: number) => {
    const report = x.report;
    const sensitive = report.summary.filter((s) => s.id !== NOT_LISTED);
    const dropped = report.summary.find((s) => s.id === NOT_LISTED);
    // Headings: 检查结果 (h2) › 工作表「…」 (h3, several sheets only) › each rule; the list as before.
    const H = named ? 'h4' : 'h3';
    const L = named ? 'h4' : 'h2';
    const title = titles[i] ?? '';
    return (
      <div class="gs-ws" key={i} data-sheet={x.name}>
        {named && <h3 class="no-print">工作表「{x.name}」</h3>}
        {named && (x.note || (x.list && !sensitive.length)) && <p class="no-print">{x.note || `没有发现不能公示的内容，${report.rows} 行。`}</p>}
        {sensitive.map((s) => {
          const cells = report.findings.filter((f) => f.rule === s.id);
          return (
            <div class="card gs-rule no-print" data-rule={s.id} key={s.id}>
              <H>{s.label}</H>
              <p>{s.rule}依据：{s.sources.map(cite).join('；')}。</p>
              {s.columns.length > 0 && <p>整列不能公示：{s.columns.map((c) => `「${c}」`).join('、')}。</p>}
              {cells.length > 0 && (
                <>
                  <p>有 {cells.length} 个格子{cells.length > SHOWN ? `，前 ${SHOWN} 个是` : ''}：</p>
                  <ul class="gs-cells">
                    {cells.slice(0, SHOWN).map((f) => (
                      <li key={`${f.row}-${f.col}-${f.shown}`}>{f.where}：{f.shown}{f.note ? `（${f.note}）` : ''}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          );
        })}
        {dropped && (
          <div class="card gs-rule no-print" data-rule={NOT_LISTED}>
            <H>{dropped.label}</H>
            <p>{dropped.columns.map((c) => `「${c}」`).join('、')}：{dropped.rule}依据：{dropped.sources.map(cite).join('；')}。</p>
          </div>
        )}
        {report.edited.length > 0 && (
          <div class="note no-print">
            <p>可以公示的列里有 {report.edited.length} 个格子带了不能公示的内容，{x.list ? '清理后的名单里已经删去，' : ''}请核对：</p>
            <ul>{report.edited.slice(0, SHOWN).map((f) => <li key={`${f.row}-${f.col}`}>{f.where} → {f.shown || '（空）'}</li>)}</ul>
          </div>
        )}
        {report.review.length > 0 && (
          <div class="note no-print gs-review">
            <p>这 {report.review.length} 个格子{x.list ? '照原样留在清理后的名单里，' : ''}请核对：</p>
            <ul>{report.review.slice(0, SHOWN).map((f) => <li key={`${f.row}-${f.col}-${f.note}`}>{f.where}：{f.shown}（{f.note}）</li>)}</ul>
          </div>
        )}

        {x.list && (
          <>
            <L class="no-print">{named ? `「${x.name}」可以公示的名单` : '可以公示的名单'}</L>
            <p class="no-print">只留下{rules.allowed.map((a) => a.label).join('、')}这几列。标题可以改；打印时只印下面这张。</p>
            <p class="no-print">
              <label for={`gs-title${i ? `-${i + 1}` : ''}`}>标题：</label>
              <input id={`gs-title${i ? `-${i + 1}` : ''}`} type="text" value={title} onInput={(e) => { const t = titles.slice(); t[i] = (e.currentTarget as HTMLInputElement).value; setTitles(t); }} />
            </p>
            <div class={x === lists[0] ? 'gs-sheet' : 'gs-sheet gs-more'}>
              <h2 class="gs-sheet-title">{title}</h2>
              <div class="gs-table-wrap">
                <table class="gs-table">
                  <thead><tr>{report.cleaned.headers.map((h) => <th scope="col" key={h}>{h}</th>)}</tr></thead>
                  <tbody>{report.cleaned.rows.map((r) => <tr key={r[0]}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
                </table>
              </div>
              <p>{objection}</p>
              <p class="gs-sign">{signOffLine(rules, days).split('　').flatMap((part, k) => (k ? ['　', <span key={k}>{part}</span>] : [<span key={k}>{part}</span>]))}</p>
              <p class="gs-takedown no-print">{rules.takeDown}</p>
            </div>
          </>
        )}
      </div>
    );
  };

  return (
    <div class="gs">
      <form class="no-print gs-in" onSubmit={onPaste}>
        <label for="gs-text">把 Excel 或 WPS 里的名单（连同表头那一行）全选、复制，粘贴在这里：</label>
        <textarea id="gs-text" rows={6} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} spellcheck={false} />
        <p><button type="submit" class="btn btn-primary btn-big" aria-disabled={busy ? 'true' : undefined}>检查粘贴的名单</button></p>
        <div class="gs-busy" role="status">{busy && <p>正在检查…名单很长时要等一会儿，请不要关掉页面。</p>}</div>
        <p>
          <label for="gs-file">或者打开这台电脑、手机里的文件（.xlsx 或 .csv；.xlsx 里的每张工作表都查）：</label>
          <input id="gs-file" type="file" accept=".xlsx,.csv,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} />
        </p>
        <p class="muted">名单只在这个页面里检查，不会上传，也不会存下来。关掉页面就没有了。</p>
      </form>

      {error && <p class="note gs-error no-print" role="alert">{error}</p>}

      {book && (
        <section id="gs-result" tabIndex={-1} aria-labelledby="gs-result-h" class="gs-result">
          <h2 id="gs-result-h" class="no-print">检查结果</h2>
          <div class="no-print" role="status">
            {book.problem ? (
              <p class="note">{book.problem}</p>
            ) : book.sensitive.length ? (
              <p class="gs-bad"><strong>{from}有 {book.sensitive.length} 类不能公示的内容</strong>，共 {book.rows} 行。不要贴这份；用下面清理好的名单。</p>
            ) : (
              <p class="gs-good"><strong>{from}里没有发现不能公示的内容</strong>，共 {book.rows} 行。</p>
            )}
            {warnings.map((w) => <p class="note gs-warn" key={w}>{w}</p>)}
            {book.checked && <p>{book.checked}</p>}
          </div>

          {book.sheets.map((x, i) => (x.empty ? null : sheet(x, i)))}

          {lists.length > 0 && (
            <p class="no-print"><button type="button" class="btn btn-primary btn-big" onClick={() => window.print()}>{lists.length > 1 ? `打印清理好的 ${lists.length} 份名单（每份一页起）` : '打印清理好的名单'}</button></p>
          )}
          <p class="no-print"><button type="button" class="btn" onClick={clear}>清空，查下一份</button></p>
        </section>
      )}
    </div>
  );
}
