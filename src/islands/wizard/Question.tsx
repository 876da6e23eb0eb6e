/**
 * One question per screen: big buttons (one tap answers), tick boxes + 下一步 for the family question,
 * or a search box over the configured regions (plus 「不知道 / 用全国标准」) for the region question.
 * Screen state (ticks so far, the warning, the search text) lives in the Wizard (`s`, `ui`). The city
 * and county names the search also covers (Terms.places) are fetched on the first letter typed, once.
 */
import type { Answers } from '../../rules/answers.ts';
import {
  chosenValues, firstUnanswered, previousQuestion, progress, question, type QuestionId,
} from '../../rules/questions.ts';
import { findRegions } from '../../rules/region-lookup.ts';
import { optionLabel, type Terms } from './lib.ts';
import type { Ui, View } from './types.ts';
import { SpeakButton } from '../speak/Button.tsx';

interface Props {
  id: QuestionId;
  answers: Answers;
  terms: Terms;
  dropped: QuestionId[];
  s: Ui;
  ui: (u: Partial<Ui>) => void;
  onAnswer: (id: QuestionId, values: string[]) => void;
  onGo: (v: View) => void;
  /** 代问模式: the question as the helper asks it (./helper.ts); absent = the family's own wording. */
  ask?: (id: QuestionId, title: string) => string;
  /**
   * Plain links (`#stage=senior`, for the first question: no answers yet) instead of buttons: the copy of the first question that
   * src/pages/check/index.astro renders into the HTML, usable before the wizard's script arrives (a
   * tap sets the answer in the address, which the wizard reads when it starts) and replaced by it.
   */
  links?: boolean;
  /** Answers that came from elsewhere (a later child's shared ones, the default region): not counted in 「第 n 题，共 m 题」. */
  given?: Answers;
}

/** Regions listed before the family types; a longer list waits for a name. */
const LIST_MAX = 8;

/** The city and county names (Terms.places): '' while on their way, null when that failed (tried again on the next letter). */
let places: string | null | undefined;

export function QuestionScreen({ id, answers, terms, dropped, s, ui, onAnswer, onGo, ask, links = false, given }: Props) {
  const q = question(id, answers);
  const chosen = chosenValues(answers, id);
  const picked = s.picked ?? chosen;
  const pos = progress(answers, id, given);
  const prev = previousQuestion(answers, id);
  const complete = firstUnanswered(answers) === undefined;
  const help = q.help.map((r) => terms.get(r)!).filter((e) => e?.plain);

  const toggle = (value: string, exclusive?: boolean) =>
    ui({
      warn: false,
      picked: picked.includes(value)
        ? picked.filter((v) => v !== value)
        : exclusive ? [value] : [...picked.filter((v) => !q.options.find((o) => o.value === v)?.exclusive), value],
    });

  const button = (value: string, label: string) => (
    <li key={value}>
      {links ? (
        <a class="btn btn-big wz-opt" data-v={value} href={`#${id}=${value}`}>{label}</a>
      ) : (
        <button
        type="button"
        class={`btn btn-big wz-opt${chosen.includes(value) ? ' wz-on' : ''}`}
        data-v={value}
        aria-pressed={chosen.includes(value) ? 'true' : 'false'}
        onClick={() => onAnswer(id, [value])}
      >
        {label}
      </button>
      )}
    </li>
  );

  // Region question: search-as-you-type over the configured regions (「施甸」「云南」「5305」).
  const title = ask ? ask(id, q.title) : q.title;
  const find = s.find.trim();
  const found = findRegions(terms.regions, find, places);
  const hits = q.search ? found.options : [];
  const many = !find && hits.length > LIST_MAX;
  const type = (e: Event) => {
    if (places == null) {
      places = '';
      fetch(terms.places)
        .then((r) => r.json())
        .then((t) => (typeof t == 'string' ? t : null), () => null)
        .then((t) => {
          places = t;
          ui({});
        });
    }
    ui({ find: (e.target as HTMLInputElement).value });
  };

  return (
    <section class="wz-q" aria-labelledby="wz-h" data-q={id} data-tts={id}>
      {dropped.length > 0 && (
        <p class="note tts-skip">
          因为改了前面的回答，这些问题不再需要，已经去掉：{dropped.map((d) => question(d, answers).short).join('、')}
        </p>
      )}
      <div class="tts-head">
        {pos && <p class="muted wz-pos">第 {pos.n} 题，共 {pos.of} 题</p>}
        <SpeakButton />
      </div>
      <h2 id="wz-h" tabindex={-1}>{title}</h2>
      {q.hint && <p class="muted" id="wz-hint">{q.hint}</p>}
      {q.multi ? (
        <form
          class="wz-multi"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked.length) onAnswer(id, picked);
            else ui({ warn: true });
          }}
        >
          <fieldset>
            <legend class="sr-only">{title}（可以多选）</legend>
            {q.options.map((o) => (
              <label key={o.value} class={`wz-check${o.exclusive ? ' wz-excl' : ''}`}>
                <input type="checkbox" name={id} value={o.value} checked={picked.includes(o.value)} onChange={() => toggle(o.value, o.exclusive)} />
                <span>{optionLabel(o, terms)}</span>
              </label>
            ))}
          </fieldset>
          {s.warn && <p class="wz-warn tts-skip" role="alert">请至少选一项。都没有就选「以上都不是」，不清楚就选「不确定」。</p>}
          <button type="submit" class="btn btn-primary btn-big wz-next tts-skip">下一步</button>
        </form>
      ) : (
        <>
          {q.search && (
            <div class="wz-find">
              <label for="wz-find">输入省、市或县的名字</label>
              <input
                id="wz-find"
                type="search"
                autocomplete="off"
                placeholder="如：四川、施甸"
                value={s.find}
                onInput={(e) => (e as InputEvent).isComposing || type(e)}
                onCompositionEnd={type}
              />
              <p class="muted" aria-live="polite">
                {!find
                  ? many ? `本站收录了 ${hits.length} 个地区，输入名字就能找到。` : '本站收录了这些地区：'
                  : found.say}
              </p>
              {!many && hits.length > 0 && (
                <ul class="wz-opts" role="list" aria-label="找到的地区">
                  {hits.slice(0, LIST_MAX).map((o) => button(o.code, o.label))}
                </ul>
              )}
            </div>
          )}
          <ul class="wz-opts" role="list" aria-labelledby="wz-h">
            {q.options.map((o) => button(o.value, optionLabel(o, terms)))}
          </ul>
        </>
      )}
      {help.length > 0 && (
        <details class="wz-help tts-skip">
          <summary>这是什么意思？</summary>
          <dl>
            {help.map((e) => (
              <div key={e.id}>
                <dt>{e.short ?? e.term}</dt>
                <dd>{e.plain}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <p class="wz-nav tts-skip">
        {prev && (
          <button type="button" class="btn" onClick={() => onGo({ v: 'q', q: prev })}>
            ← 上一题
          </button>
        )}
        {complete && (
          <button type="button" class="btn" onClick={() => onGo({ v: 'review' })}>
            不改了，回到核对
          </button>
        )}
      </p>
    </section>
  );
}
