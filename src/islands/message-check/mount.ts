/**
 * The 「这条消息是真的吗？」 box (/message-check/, markup in src/components/after/MessageCheckPage.astro):
 * reads the signs from the page's JSON block #mc-data (each sign's title and plain words from the
 * page's list of signs, ul.signs li[data-sign], which shows them anyway), runs the pure checker
 * (src/rules/message-check.ts) on the pasted text when 「检查这条消息」 is tapped, and writes the
 * result into #mc-out. Everything happens on the phone: no request, no storage, the text is never put
 * into the address. The result is built with textContent only (the message is never parsed as HTML),
 * and quotes show 〔网址〕〔电话〕 instead of any address or number from the message, so nothing in it
 * becomes a link.
 * Plain DOM (no Preact): the page needs a few elements, not a framework. ES2017 syntax.
 */
import { compileChecker, type CheckerSpec, type CheckResult } from '../../rules/message-check.ts';

interface Block {
  spec: CheckerSpec;
  /** partial has {n}, the number of characters checked. */
  verdicts: { alarm: string; caution: string; none: string; partial: string };
  /** Said when the message has this site's own address (content/message-signs.yaml ownAddress, the name filled in). */
  own: string;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

/** The result as elements: verdict heading, what was found (plain words, the sentence), what to do. */
export function renderResult(r: CheckResult, b: Block): HTMLElement {
  // A long paste checked only in part is never green: the rest was not read.
  const box = el('section', undefined, `card mc-res mc-${r.verdict === 'empty' ? 'none' : r.verdict === 'partial' ? 'caution' : r.verdict}`);
  box.setAttribute('aria-labelledby', 'mc-h');
  box.setAttribute('data-verdict', r.verdict);
  if (r.verdict === 'empty') {
    box.appendChild(el('p', '框里还没有内容：先把消息粘贴进去，再点「检查这条消息」。'));
    return box;
  }
  const h = el('h2', b.verdicts[r.verdict].replace('{n}', String(r.checked)));
  h.id = 'mc-h';
  h.tabIndex = -1;
  box.appendChild(h);
  const strong = r.findings.filter((f) => f.level === 'strong').length;
  if (r.findings.length) {
    box.appendChild(el('p', strong ? `找到 ${r.findings.length} 处骗子常用的说法：` : `找到 ${r.findings.length} 处要注意的地方：`));
    const ul = el('ul');
    for (const f of r.findings) {
      const li = el('li');
      li.setAttribute('data-sign', f.id);
      li.appendChild(el('b', f.title));
      li.appendChild(document.createTextNode('：' + f.plain));
      const q = el('q', f.quote);
      li.appendChild(q);
      ul.appendChild(li);
    }
    box.appendChild(ul);
  } else {
    box.appendChild(el('p', '这不等于消息一定是真的：骗子的说法会变。拿不准，就用你本来就知道的号码问学校。'));
  }
  if (r.site) box.appendChild(el('p', b.own));
  if (r.truncated) box.appendChild(el('p', `消息太长，只检查了前 ${r.checked} 个字。后面的部分请另外复制、粘贴进来，再查一次。`, 'note'));
  const a = el('a', r.verdict === 'alarm' ? '现在该怎么办' : '收到可疑消息怎么办');
  a.setAttribute('href', '#advice');
  const p = el('p');
  p.appendChild(a);
  box.appendChild(p);
  return box;
}

/**
 * Fills each sign's title and plain words from the page's list of signs (<li data-sign="id"><b>title</b>：
 * plain<a class="cn">[n]</a>…</li>, src/components/after/MessageSignsList.astro): the text nodes
 * after the title, without the source number or 未确认 badge. False when a sign is missing from the list.
 */
function wordsFromList(spec: CheckerSpec): boolean {
  for (const s of spec.signs) {
    const li = document.querySelector(`ul.signs li[data-sign="${s.id}"]`);
    const b = li && li.querySelector('b');
    if (!li || !b) return false;
    s.title = b.textContent || '';
    let plain = '';
    for (let n = b.nextSibling; n; n = n.nextSibling) if (n.nodeType === 3) plain += n.textContent;
    s.plain = plain.replace(/^：/, '').trim();
  }
  return true;
}

/** Wires the box on /message-check/. Does nothing when the page has no box or no data block. */
export function mount(): void {
  const data = document.getElementById('mc-data');
  const text = document.getElementById('mc-text') as HTMLTextAreaElement | null;
  const go = document.getElementById('mc-go');
  const clear = document.getElementById('mc-clear');
  const out = document.getElementById('mc-out');
  if (!data || !text || !go || !out) return;
  let block: Block;
  try {
    block = JSON.parse(data.textContent || '') as Block;
  } catch (e) {
    out.textContent = '检查工具没有加载好，请刷新页面再试。也可以对照下面的「骗子常用的手法」看一看。';
    return;
  }
  if (!wordsFromList(block.spec)) {
    out.textContent = '检查工具没有加载好，请刷新页面再试。也可以对照下面的「骗子常用的手法」看一看。';
    return;
  }
  const check = compileChecker(block.spec);
  go.addEventListener('click', () => {
    const res = renderResult(check(text.value), block);
    out.textContent = '';
    out.appendChild(res);
    const h = document.getElementById('mc-h');
    if (h) h.focus();
  });
  if (clear) {
    clear.addEventListener('click', () => {
      text.value = '';
      out.textContent = '';
      text.focus();
    });
  }
}
