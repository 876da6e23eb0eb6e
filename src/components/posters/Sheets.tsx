/**
 * The printable sheets (Preact, rendered to static HTML for ready posters and live in the builder):
 *   <Sheet kind="a4" … />      A4 portrait poster (one page)
 *   <Sheet kind="a3" … />      the same poster on A3 (scaled up, one page)
 *   <Sheet kind="cards" … />   four A6 cards on one A4 page, with cut lines
 *   <Sheet kind="letter" … />  致家长的一封信, one A4 page
 * Every size is in `--u` (1 mm of an A4 sheet when printed; scaled to the screen width on screen), see
 * src/styles/posters.css. Colour is decoration only: all meaning is in words and borders, so a
 * black-and-white printer loses nothing.
 */
import { Fragment } from 'preact';
import { FRAUD_LINE, SITE_NAME } from '../shell/site.ts';
import { formatDay, LOCAL, UNCONFIRMED, UNCONFIRMED_MEANS } from '../../lib/format.ts';
import { qrSize, qrSvg, type QrLevel } from '../../lib/qr.ts';
import { absoluteUrl, isPlaceholderSite, shortUrl } from '../../lib/site-url.ts';
import { contactItems, lengthStep, type Format, type PosterContact, type PosterContent, type PosterRow } from './types.ts';

export interface SheetProps {
  content: PosterContent;
  /** The configured site URL (origin). */
  site: string;
  school?: string;
  phone?: string;
  office?: string;
  /** Letters only: the date under the signature (YYYY-MM-DD); shown only with a school name. */
  letterDate?: string;
}

/** The three steps, word for word on every sheet. */
export const STEPS = ['扫码', '回答几个问题', '带齐材料'] as const;

const TITLE_TAIL = '学生资助政策';
/** The top line of a poster or card when no school name is given. */
export const DEFAULT_KICKER = '孩子上学，国家有资助';

/**
 * A QR code; `data-m` (modules per side, quiet zone included) lets posters.css give it at least
 * 1 mm per module in print whatever the address length (src/lib/qr.ts MIN_MODULE_MM).
 */
function Qr({ url, class: cls, level }: { url: string; class?: string; level?: QrLevel }) {
  const svg = qrSvg(url, level);
  return (
    <div
      class={`qr${cls ? ` ${cls}` : ''}`}
      role="img"
      aria-label={`二维码，扫码打开 ${shortUrl(url)}`}
      data-m={qrSize(svg)}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** The typed address, with line-break chances after '/' and before '#' and '&' (never inside a word). */
function Url({ url }: { url: string }) {
  const parts = shortUrl(url).split(/(?<=\/)|(?=[#&])/);
  return (
    <>
      <p class="url">{parts.map((p, i) => <Fragment key={i}>{i > 0 && <wbr />}{p}</Fragment>)}</p>
      {/* A build without SITE_URL: the code opens nobody's site; say so on paper (issue 13). */}
      {isPlaceholderSite(url) && <p class="url-sample">示例地址，请勿张贴</p>}
    </>
  );
}

function Steps({ class: cls }: { class?: string }) {
  return (
    <ol class={`steps${cls ? ` ${cls}` : ''}`} aria-label="三步">
      {STEPS.map((s, i) => <li key={s}><span class="step-n" aria-hidden="true">{i + 1}</span>{s}</li>)}
    </ol>
  );
}

/**
 * Hotline and office; nothing at all (not even a label) for a field left empty. With no hotline typed,
 * the region's published 资助中心 stands in (see contactItems); none published → as if none were given.
 */
function Contact({ phone, office, fallback, contacts }: { phone?: string; office?: string; fallback?: string; contacts?: readonly PosterContact[] }) {
  const items = contactItems({ phone, office }, contacts);
  if (!items.length) return fallback ? <p class="contact contact-none">{fallback}</p> : null;
  return (
    <dl class="contact">
      {items.map(([k, v]) => <div key={k}><dt>{k}：</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

/** A figure with its 「（未确认）」 kept on one line (「（未确\n认）」 broke it on the A4 sheet). */
const MARK = `（${UNCONFIRMED}）`;
const Figure = ({ text }: { text: string }) => {
  const i = text.indexOf(MARK);
  return i < 0 ? <>{text}</> : <>{text.slice(0, i)}<span class="keep">{MARK}</span>{text.slice(i + MARK.length)}</>;
};

function Fraud({ class: cls }: { class?: string }) {
  return <p class={`fraud sheet-fraud${cls ? ` ${cls}` : ''}`}><b>防骗提醒：</b>{FRAUD_LINE}</p>;
}

/**
 * Whether a figure on the sheet carries the 未确认 marker (then the footer says what it means: paper has
 * no link to the explanation). A card shows each row's short figure only, so only those count there.
 */
const unconfirmedOn = (c: PosterContent, shortOnly: boolean) => c.rows.some((r) => r.short.includes(UNCONFIRMED) || (!shortOnly && r.amounts.some((a) => a.text.includes(UNCONFIRMED))));

function AsOf({ content, shortOnly = false }: { content: PosterContent; shortOnly?: boolean }) {
  return (
    <p class="as-of">
      数据核对日期：{formatDay(content.dataAsOf)}。{unconfirmedOn(content, shortOnly) && `${UNCONFIRMED_MEANS}。`}具体以学校和当地教育部门的通知为准。<span class="keep">{SITE_NAME}</span>
    </p>
  );
}

const FALLBACK = '有疑问，问孩子的班主任或学校资助老师。';
/** A university has no 班主任: 辅导员 and the 学生资助管理部门 answer there. */
const HIGHER_FALLBACK = '有疑问，问孩子的辅导员或学校学生资助管理部门。';
const fallbackOf = (c: PosterContent) => (c.slug === 'undergrad' || c.slug === 'postgrad' ? HIGHER_FALLBACK : FALLBACK);
/** 「普通高中学生资助政策」, but 「研究生资助政策」 (not 研究生学生). */
const titleTail = (stageName: string) => (stageName.endsWith('生') ? TITLE_TAIL.replace(/^学生/, '') : TITLE_TAIL);
/** Who 「可以享受的资助如下」: 「普通高中学生」, 「研究生」. */
const studentsOf = (stageName: string) => (stageName.endsWith('生') ? stageName : `${stageName}学生`);

function Headline({ content, school, size }: { content: PosterContent; school?: string; size: 'poster' | 'card' }) {
  const kicker = school?.trim() || DEFAULT_KICKER;
  const kStep = lengthStep(kicker, size === 'poster' ? [14, 22, 34] : [12, 20, 30]);
  const name = content.stageName;
  const tStep = lengthStep(name, [6, 8, 11]);
  return (
    <header class="headline">
      <p class={`kicker k${kStep}${school?.trim() ? ' school' : ''}`}>{kicker}</p>
      <h2 class="title">
        {name ? <><span class={`stage t${tStep}`}>{name}</span><span class="tail">{titleTail(name)}</span></> : <span class="stage t0">{TITLE_TAIL}</span>}
      </h2>
    </header>
  );
}

/**
 * Type size of the rows table by how much it holds: each row, plus half a row for every extra amount
 * line (义务教育's 生活补助 has four). By rows alone, 义务教育's four rows overflowed their space on A4
 * and the lede and the footnote sat on the table's rules.
 */
function rowsDensity(c: PosterContent): string {
  const n = c.rows.reduce((w, r) => w + 1 + Math.max(0, r.amounts.length - 1) / 2, 0);
  return n <= 4 ? 'd0' : n <= 6 ? 'd1' : n <= 8 ? 'd2' : 'd3';
}

/**
 * Few rows leave room to say who qualifies; with more, a poster still says it under what it calls
 * 自动享受 (研究生国家助学金 is not every 研究生's: 全日制, 有固定工资收入的除外). Under every row, the
 * 本专科 and 研究生 letters ran past one A4 page (test/e2e/print-qr.test.ts).
 */
const showWho = (c: PosterContent, r?: PosterRow) => c.rows.length <= 4 || r?.status === 'automatic';

function Rows({ content }: { content: PosterContent }) {
  return (
    <table class={`rows ${rowsDensity(content)}`}>
      <caption class="sr-only">资助项目和标准</caption>
      <thead class="sr-only"><tr><th scope="col">资助项目</th><th scope="col">标准</th></tr></thead>
      <tbody>
        {content.rows.map((r) => (
          <tr key={r.id} data-subsidy={r.id}>
            <th scope="row">
              <span class="r-name">{r.name}</span> <span class={`tag tag-${r.status}`}>{r.statusTerm}</span>
              {showWho(content, r) && <span class="r-who">{r.who}</span>}
            </th>
            <td>
              {r.amounts.map((a, i) => (
                <span class="r-amt" key={i}>{a.label && <span class="r-label">{a.label} </span>}<b><Figure text={a.text} /></b>{a.by && <span class="r-by">{a.by}</span>}</span>
              ))}
              {r.local && !r.amounts.some((a) => a.text.includes(LOCAL)) && <span class="r-local">{LOCAL}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Groups({ content }: { content: PosterContent }) {
  return (
    <ul class="groups">
      {content.groups.map((g) => (
        <li key={g.slug}>
          <h3>{g.name}</h3>
          <p>{g.names.join('、')}</p>
        </li>
      ))}
    </ul>
  );
}

function Poster({ kind, ...p }: SheetProps & { kind: 'a4' | 'a3' }) {
  const url = absoluteUrl(p.content.targetPath, p.site);
  const general = p.content.slug === 'general';
  return (
    <article class={`sheet sheet-${kind} poster${general ? ' poster-general' : ''}${!general && p.content.rows.length <= 3 ? ' sparse' : ''}`} data-kind={kind} data-slug={p.content.slug} data-date={p.content.date}>
      <Headline content={p.content} school={p.school} size="poster" />
      {general ? (
        <p class="lede">从幼儿园到研究生，国家都有资助。下面是各学段的资助项目：</p>
      ) : (
        <p class="lede">国家为{p.content.stageName}学生设立了这些资助：</p>
      )}
      <div class="body">{general ? <Groups content={p.content} /> : <Rows content={p.content} />}</div>
      {!general && p.content.rows.some((r) => r.local) && <p class="local-note">标「{LOCAL}」的：具体金额或办法由省、市、县或学校定。</p>}
      <Steps />
      <div class="qr-row">
        <Qr url={url} />
        <div class="qr-text">
          <p class="scan">用手机微信或浏览器扫一扫，看看孩子能享受哪些资助、要带哪些材料</p>
          <p class="url-label">扫不了码？在浏览器里输入：</p>
          <Url url={url} />
          <Contact phone={p.phone} office={p.office} fallback={fallbackOf(p.content)} contacts={p.content.contacts} />
        </div>
      </div>
      <Fraud />
      <AsOf content={p.content} />
    </article>
  );
}

function Card({ hidden, ...p }: SheetProps & { hidden: boolean }) {
  const url = absoluteUrl(p.content.targetPath, p.site);
  const general = p.content.slug === 'general';
  return (
    <article class={`zcard${!general && p.content.rows.length <= 4 ? ' sparse' : ''}`} aria-hidden={hidden ? 'true' : undefined}>
      <Headline content={p.content} school={p.school} size="card" />
      {general ? (
        <ul class="c-groups">{p.content.groups.map((g) => <li key={g.slug}><b>{g.name}</b>：{g.names.length} 项</li>)}</ul>
      ) : (
        <ul class={`c-rows ${rowsDensity(p.content)}`}>
          {/* Each row keeps the poster's status marker (自动享受 / 可以申请 / 可能可以, the engine's): without it a figure reads as every child's. */}
          {p.content.rows.map((r) => <li key={r.id} data-subsidy={r.id}><span class="c-name">{r.name} <span class={`tag tag-${r.status}`}>{r.statusTerm}</span></span> <b class={`c-amt${[...r.short].length <= 12 ? ' nw' : ''}`}>{r.short.split('；').map((t, i, all) => <span class="c-part" key={i}>{t}{i < all.length - 1 && '；'}</span>)}</b></li>)}
        </ul>
      )}
      {!general && p.content.rows.some((r) => r.local) && <p class="c-local">部分金额{LOCAL}。</p>}
      <Steps class="c-steps" />
      <div class="c-qr-row">
        <Qr url={url} level="M" />
        <div class="qr-text">
          <p class="scan">扫码查一查</p>
          <Url url={url} />
          <Contact phone={p.phone} office={p.office} contacts={p.content.contacts} />
        </div>
      </div>
      <Fraud />
      <AsOf content={p.content} shortOnly />
    </article>
  );
}

function Cards(p: SheetProps) {
  return (
    <div class="sheet sheet-a4 cards" data-kind="cards" data-slug={p.content.slug} data-date={p.content.date}>
      {[0, 1, 2, 3].map((i) => <Card key={i} {...p} hidden={i > 0} />)}
      <span class="cut cut-v" aria-hidden="true" />
      <span class="cut cut-h" aria-hidden="true" />
      <span class="scissors" aria-hidden="true">✂ 沿虚线剪开</span>
    </div>
  );
}

/** 自动享受 / 要申请, as the rows of this stage are. */
function howToGet(c: PosterContent): string {
  const auto = c.rows.filter((r) => r.status === 'automatic').length;
  if (auto === c.rows.length) return '符合条件就自动享受，不用申请';
  if (auto === 0) return '符合条件的要申请';
  return '有的符合条件就自动享受，有的要申请';
}

function Letter(p: SheetProps) {
  const url = absoluteUrl(p.content.targetPath, p.site);
  const c = p.content;
  const general = c.slug === 'general';
  const school = p.school?.trim();
  return (
    <article class="sheet sheet-a4 letter" data-kind="letter" data-slug={c.slug} data-date={c.date}>
      <header class="l-head">
        <h2 class="l-title">致家长的一封信</h2>
        <p class="l-sub">{general ? TITLE_TAIL : `${c.stageName}${titleTail(c.stageName)}`}</p>
      </header>
      <p>尊敬的家长：</p>
      <p class="l-p">
        您好！从幼儿园到研究生，国家对上学的孩子都有资助，家里有困难的孩子还能多得一些。
        {general ? '各学段的资助项目如下：' : `${studentsOf(c.stageName)}可以享受的资助如下，${howToGet(c)}：`}
      </p>
      {general ? (
        <Groups content={c} />
      ) : (
        <table class={`l-table ${rowsDensity(c)}`}>
          <thead><tr><th scope="col">资助项目</th><th scope="col">标准</th><th scope="col">找谁办、什么时候</th></tr></thead>
          <tbody>
            {c.rows.map((r) => (
              <Fragment key={r.id}>
                <tr data-subsidy={r.id} class={showWho(c, r) ? 'has-who' : undefined}>
                  <th scope="row">{r.name}<br /><span class={`tag tag-${r.status}`}>{r.statusTerm}</span></th>
                  <td>
                    {r.amounts.map((a, i) => <span class="r-amt" key={i}>{a.label && `${a.label} `}<Figure text={a.text} />{a.by && <span class="r-by">{a.by}</span>}</span>)}
                    {r.local && !r.amounts.some((a) => a.text.includes(LOCAL)) && <span class="r-local">{LOCAL}</span>}
                  </td>
                  <td>{r.where}{r.when && <span class="r-when">{r.when}</span>}</td>
                </tr>
                {showWho(c, r) && <tr class="l-who"><td colSpan={3}>谁能享受：{r.who}</td></tr>}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {c.recognition && <p class="l-recog"><b>{c.recognition.term}：</b>{c.recognition.plain}</p>}
      <div class="l-qr-row">
        <Qr url={url} level="M" />
        <div class="qr-text">
          <p>用手机扫左边的二维码，回答几个问题，就能看到孩子可能享受哪些资助、要准备哪些材料：</p>
          <Steps class="l-steps" />
          <p class="url-label">扫不了码，在浏览器里输入：</p>
          <Url url={url} />
        </div>
      </div>
      <Fraud />
      <Contact phone={p.phone} office={p.office} fallback={fallbackOf(p.content)} contacts={p.content.contacts} />
      {school && (
        <p class="l-sign">{school}{p.letterDate && <><br />{formatDay(p.letterDate)}</>}</p>
      )}
      <AsOf content={c} />
    </article>
  );
}

/** One printable sheet of the given kind. */
export function Sheet({ kind, ...p }: SheetProps & { kind: Format }) {
  if (kind === 'cards') return <Cards {...p} />;
  if (kind === 'letter') return <Letter {...p} />;
  return <Poster kind={kind} {...p} />;
}
