/**
 * The 「听一听」 loader, inline on every page (src/layouts/Base.astro; ≤ 2 KB, no request until a tap).
 * It shows the 「听一听」 buttons (html class "tts", see global.css) only when the browser has a speech
 * voice for Chinese, now or after `voiceschanged` (Android fills the list late); without one the
 * buttons stay hidden, so nothing promises sound that cannot come. A tap on a `.tts-btn` imports the
 * speech module (src/islands/speak/speech.ts, built to `url` by src/integrations/speech-chunk.mjs)
 * and hands it the button. The voice is the phone's own: nothing is sent anywhere.
 */

/** Which voices count as Chinese (BCP 47 lang of SpeechSynthesisVoice: zh-CN, zh-TW, cmn-Hans-CN…). */
export const ZH_VOICE = /^(zh|cmn)/i;

/** The inline script for a page, with the speech module's URL. ES5 syntax: it runs on every phone. */
export function ttsLoader(url: string): string {
  return `(function(h,u){var s=window.speechSynthesis,m;if(!s||!s.getVoices||!window.SpeechSynthesisUtterance)return;
function z(){var v=s.getVoices()||[],i=0;for(;i<v.length;i++)if(${ZH_VOICE}.test(v[i].lang))return h.classList.add('tts')}
z();s.addEventListener&&s.addEventListener('voiceschanged',z);
document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('.tts-btn');b&&h.classList.contains('tts')&&(m=m||import(u)).then(function(x){x.toggle(b)},function(){m=null})})
})(document.documentElement,${JSON.stringify(url)})`;}
