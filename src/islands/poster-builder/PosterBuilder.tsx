/**
 * The poster builder (/posters/make/): the aid officer types the school's name, the hotline and the
 * office, picks a stage and a format, sees the sheet and prints it. Everything happens in this page:
 * the QR code is drawn here (src/lib/qr.ts), nothing is sent anywhere. The state lives in the URL hash
 * (see src/components/posters/types.ts), so a county can send schools a pre-filled builder link.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_KICKER, Sheet } from '../../components/posters/Sheets.tsx';
import {
  BUILDER_SLUGS, DEFAULT_STATE, FORMATS, OFFICE_MAX, PHONE_MAX, SCHOOL_MAX,
  contactItems, formatBuilderHash, parseBuilderHash, type BuilderState, type PosterContent, type PosterSlug,
} from '../../components/posters/types.ts';
import { today } from '../../lib/today.ts';
import { isInPageLink } from '../../lib/in-page-link.ts';

export interface PosterBuilderProps {
  /** Content for every builder stage (computed at build time from the data). */
  contents: Record<PosterSlug, PosterContent>;
  /** Configured site URL (origin). */
  site: string;
}

const stageLabel = (c: PosterContent) => (c.slug === 'general' ? '所有学段（通用）' : c.stageName);

export default function PosterBuilder({ contents, site }: PosterBuilderProps) {
  const [state, setState] = useState<BuilderState>(DEFAULT_STATE);
  const [errors, setErrors] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState('');
  const [letterDate, setLetterDate] = useState<string | undefined>(undefined);

  // The state as a hash, for putting it back after an in-page link (「跳到正文」) replaced it.
  const current = useRef('');
  useEffect(() => {
    const read = () => {
      if (isInPageLink(location.hash)) {
        if (current.current) history.replaceState(null, '', `#${current.current}`);
        return;
      }
      const r = parseBuilderHash(location.hash);
      setState(r.state);
      setErrors(r.errors);
    };
    read();
    setLetterDate(today());
    setReady(true);
    addEventListener('hashchange', read);
    return () => removeEventListener('hashchange', read);
  }, []);

  const hash = formatBuilderHash(state);
  current.current = hash;
  useEffect(() => {
    if (!ready) return;
    if (location.hash !== `#${hash}`) history.replaceState(null, '', `#${hash}`);
  }, [hash, ready]);

  const set = <K extends keyof BuilderState>(key: K, value: BuilderState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setCopied('');
  };
  const shareLink = `${site}/posters/make/#${hash}`;
  // A default-region build: the 资助中心 the region published stands in for an empty hotline.
  const standIn = contactItems({}, contents.general.contacts)[0]?.[1];
  const content = contents[state.stage];
  const sheet = useMemo(
    () => <Sheet kind={state.format} content={content} site={site} school={state.school} phone={state.phone} office={state.office} letterDate={letterDate} />,
    [state, content, site, letterDate],
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareLink);
      setCopied('已复制。');
    } catch {
      setCopied('没能自动复制，请长按上面的链接复制。');
    }
  };

  return (
    <div class="builder" data-ready={ready ? 'true' : 'false'}>
      <form class="builder-form" onSubmit={(e) => e.preventDefault()} aria-label="海报内容">
        {errors.length > 0 && (
          <div class="note" role="alert">
            {errors.map((e) => <p key={e}>{e}</p>)}
          </div>
        )}
        <p class="field">
          <label for="b-school">学校名称</label>
          <input id="b-school" name="school" aria-describedby="b-school-hint" type="text" maxLength={SCHOOL_MAX} autoComplete="organization"
            value={state.school} onInput={(e) => set('school', e.currentTarget.value)} />
          <span class="hint" id="b-school-hint">印在最上面。不填就印「{DEFAULT_KICKER}」。</span>
        </p>
        <p class="field">
          <label for="b-phone">咨询电话</label>
          <input id="b-phone" name="phone" aria-describedby="b-phone-hint" type="tel" maxLength={PHONE_MAX} autoComplete="off"
            value={state.phone} onInput={(e) => set('phone', e.currentTarget.value)} />
          <span class="hint" id="b-phone-hint">学校或当地学生资助管理中心的电话。{standIn ? `不填就印「${standIn}」。` : '不填就不印这一行。'}</span>
        </p>
        <p class="field">
          <label for="b-office">办理地点</label>
          <input id="b-office" name="office" aria-describedby="b-office-hint" type="text" maxLength={OFFICE_MAX} autoComplete="off"
            value={state.office} onInput={(e) => set('office', e.currentTarget.value)} />
          <span class="hint" id="b-office-hint">例如：学校资助办公室（行政楼 2 楼）。不填就不印这一行。</span>
        </p>
        <p class="field">
          <label for="b-stage">学段</label>
          <select id="b-stage" name="stage" value={state.stage} onChange={(e) => set('stage', e.currentTarget.value as PosterSlug)}>
            {BUILDER_SLUGS.map((s) => <option key={s} value={s}>{stageLabel(contents[s])}</option>)}
          </select>
        </p>
        <fieldset class="field formats">
          <legend>版式</legend>
          {FORMATS.map((f) => (
            <label key={f.id} class="radio">
              <input type="radio" name="format" value={f.id} checked={state.format === f.id} onChange={() => set('format', f.id)} />
              {f.label}
            </label>
          ))}
        </fieldset>
        <p><button type="button" class="btn btn-primary btn-big" onClick={() => window.print()}>打印</button></p>
      </form>
      <div class="builder-share no-print">
        <label for="b-link">把填好的做海报链接发给别人（比如县里发给各学校）：</label>
        <input id="b-link" type="text" readOnly value={shareLink} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn" onClick={copy}>复制链接</button>
        <p class="muted" aria-live="polite">{copied}</p>
      </div>
      <h2 class="no-print">预览</h2>
      <p class="no-print muted">印出来就是这样。{state.format === 'a3' ? '打印时纸张选 A3。' : '打印时纸张选 A4。'}缩放选「100%」或「实际大小」。</p>
      <div class="sheets" data-format={state.format}>{sheet}</div>
    </div>
  );
}
