/**
 * 「听一听」 in the browser: reads a block of the page aloud with the phone's own speech voice
 * (speechSynthesis, zh-CN). Nothing is sent anywhere: the browser speaks locally.
 *
 * Loaded only when a 「听一听」 button is tapped (the loader in src/components/shell/tts.ts imports it;
 * src/integrations/speech-chunk.mjs builds it as one small ES2017 file). No Preact, no data.
 *
 * Markup (static pages and the wizard alike):
 *   <section data-tts> … <button type="button" class="tts-btn" aria-pressed="false">…</button> … </section>
 * The spoken text is the block's visible text (`visibleText`: hidden parts, `.sr-only`, `.tts-skip`
 * and the button itself left out), turned into words by `toSpeech` (src/lib/speak.ts), so it cannot
 * say something the screen does not. A block whose element is reused for other content (the wizard's
 * question screens) gives `data-tts` a value that names the content (the question id). One tap plays (aria-pressed="true"), another stops; tapping
 * another block's button switches to it. When the block leaves the page (the wizard moved to another
 * screen) reading stops, unless the family ticked `#tts-keep` (「换了页面也接着读」).
 */
import { speechChunks, toSpeech } from '../../lib/speak.ts';

/** Never read: the buttons, screen-reader-only copies, parts marked as not for reading. */
const SKIP = '.tts-btn,.tts-skip,.sr-only,script,style,template,noscript,input,select,textarea';

/** The text of `el` as seen on the screen, blocks on their own lines (what `innerText` gives, less SKIP). */
export function visibleText(el: Element): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out.push(n.nodeValue || '');
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (e.matches(SKIP)) return;
    // A closed <details> shows its summary only.
    const up = e.parentElement;
    if (up && up.tagName === 'DETAILS' && !(up as HTMLDetailsElement).open && e.tagName !== 'SUMMARY') return;
    const cs = getComputedStyle(e);
    if (cs.display === 'none' || cs.visibility === 'hidden') return;
    const block = !/^inline|^contents|^none/.test(cs.display) || e.tagName === 'BR';
    if (block) out.push('\n');
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push('\n');
  };
  walk(el);
  return out.join('');
}

/** The best voice: zh-CN, else any Chinese one. */
function voice(): SpeechSynthesisVoice | undefined {
  const vs = speechSynthesis.getVoices();
  const zh = vs.filter((v) => /^(zh|cmn)/i.test(v.lang));
  return zh.filter((v) => /^(zh|cmn)[-_](cn|hans)/i.test(v.lang))[0] || zh[0];
}

/** What is being read: the button, its block, and the block's `data-tts` value then (a new value = a new screen in the same element). */
interface Playing { btn: Element; block: Element; key: string | null }
let current: Playing | null = null;
let watcher: MutationObserver | null = null;

const press = (b: Element, on: boolean) => b.setAttribute('aria-pressed', on ? 'true' : 'false');
const keep = () => {
  const k = document.getElementById('tts-keep') as HTMLInputElement | null;
  return !!k && k.checked;
};

/** Stops reading (and un-presses the button). */
export function stop(): void {
  const c = current;
  current = null;
  if (c) press(c.btn, false);
  speechSynthesis.cancel();
}

/** The block of a button: its nearest `[data-tts]` ancestor. */
const blockOf = (btn: Element) => btn.closest('[data-tts]');

/** The words `toggle(btn)` would say, in the pieces it hands to the voice. */
export function piecesFor(btn: Element): string[] {
  const block = blockOf(btn);
  return block ? speechChunks(toSpeech(visibleText(block))) : [];
}

/** The tap on a 「听一听」 button: plays its block, or stops when it is already playing. */
export function toggle(btn: Element): void {
  const again = current !== null && current.btn === btn;
  stop();
  if (again) return;
  const block = blockOf(btn);
  const pieces = piecesFor(btn);
  if (!block || !pieces.length) return;
  const me: Playing = { btn, block, key: block.getAttribute('data-tts') };
  current = me;
  press(btn, true);
  const v = voice();
  pieces.forEach((p, i) => {
    const u = new SpeechSynthesisUtterance(p);
    u.lang = 'zh-CN';
    if (v) u.voice = v;
    u.rate = 0.9;
    if (i === pieces.length - 1) {
      u.onend = () => {
        if (current === me) {
          current = null;
          press(btn, false);
        }
      };
    }
    speechSynthesis.speak(u);
  });
  if (!watcher) {
    // The screen changed under the voice (the block is gone, or now shows the wizard's next question,
    // which Preact draws into the same element): stop, unless asked to go on.
    watcher = new MutationObserver(() => {
      const c = current;
      if (c && (!document.contains(c.block) || c.block.getAttribute('data-tts') !== c.key) && !keep()) stop();
    });
    watcher.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-tts'] });
    addEventListener('pagehide', () => speechSynthesis.cancel());
  }
}
