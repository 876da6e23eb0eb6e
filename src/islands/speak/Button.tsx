/**
 * The 「听一听」 button inside Preact screens: the same markup as src/components/shell/SpeakButton.astro.
 * It reads the nearest ancestor with `data-tts`; the tap is handled by the page's loader
 * (src/components/shell/tts.ts), which also sets aria-pressed while reading (Preact never changes it).
 */
export function SpeakButton() {
  return (
    <button type="button" class="tts-btn" aria-pressed="false">
      <span class="tts-play">听一听</span>
      <span class="tts-stop">停下</span>
    </button>
  );
}
