/** One question per screen: big buttons (one tap answers), or tick boxes + 下一步 for the family question. */
import { useState } from 'preact/hooks';
import type { Answers } from '../../rules/answers.ts';
import {
  chosenValues, firstUnanswered, previousQuestion, progress, question, type QuestionId,
} from '../../rules/questions.ts';
import { optionLabel, type Terms } from './lib.ts';
import type { View } from './Wizard.tsx';

interface Props {
  id: QuestionId;
  answers: Answers;
  terms: Terms;
  dropped: QuestionId[];
  onAnswer: (id: QuestionId, values: string[]) => void;
  onGo: (v: View) => void;
}

export function QuestionScreen({ id, answers, terms, dropped, onAnswer, onGo }: Props) {
  const q = question(id, answers);
  const chosen = chosenValues(answers, id);
  const [picked, setPicked] = useState<string[]>(chosen);
  const [warn, setWarn] = useState(false);
  const pos = progress(answers, id);
  const prev = previousQuestion(answers, id);
  const complete = firstUnanswered(answers) === undefined;
  const help = q.help.map((r) => ({ r, e: terms.get(r) })).filter((x) => x.e?.plain);

  const toggle = (value: string, exclusive?: boolean) => {
    setWarn(false);
    const on = !picked.includes(value);
    if (!on) setPicked(picked.filter((v) => v !== value));
    else if (exclusive) setPicked([value]);
    else setPicked([...picked.filter((v) => !q.options.find((o) => o.value === v)?.exclusive), value]);
  };

  return (
    <section class="wz-q" aria-labelledby="wz-h" data-q={id}>
      {dropped.length > 0 && (
        <p class="note">
          因为改了前面的回答，这些问题不再需要，已经去掉：{dropped.map((d) => question(d, answers).short).join('、')}
        </p>
      )}
      {pos && <p class="muted wz-pos">第 {pos.n} 题，共 {pos.of} 题</p>}
      <h2 id="wz-h" tabindex={-1}>{q.title}</h2>
      {q.hint && <p class="muted" id="wz-hint">{q.hint}</p>}
      {q.multi ? (
        <form
          class="wz-multi"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked.length) onAnswer(id, picked);
            else setWarn(true);
          }}
        >
          <fieldset>
            <legend class="sr-only">{q.title}（可以多选）</legend>
            {q.options.map((o) => (
              <label key={o.value} class={`wz-check${o.exclusive ? ' wz-excl' : ''}`}>
                <input
                  type="checkbox"
                  name={id}
                  value={o.value}
                  checked={picked.includes(o.value)}
                  onChange={() => toggle(o.value, o.exclusive)}
                />
                <span>{optionLabel(o, terms)}</span>
              </label>
            ))}
          </fieldset>
          {warn && <p class="wz-warn" role="alert">请至少选一项。都没有就选「以上都不是」，不清楚就选「不确定」。</p>}
          <button type="submit" class="btn btn-primary btn-big">下一步</button>
        </form>
      ) : (
        <ul class="wz-opts" role="list" aria-labelledby="wz-h">
          {q.options.map((o) => (
            <li key={o.value}>
              <button
                type="button"
                class={`btn btn-big wz-opt${chosen.includes(o.value) ? ' wz-on' : ''}`}
                data-v={o.value}
                aria-pressed={chosen.includes(o.value) ? 'true' : 'false'}
                onClick={() => onAnswer(id, [o.value])}
              >
                {optionLabel(o, terms)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {help.length > 0 && (
        <details class="wz-help">
          <summary>这是什么意思？</summary>
          <dl>
            {help.map(({ r, e }) => (
              <div key={r.id}>
                <dt>{e!.short ?? e!.term}</dt>
                <dd>{e!.plain}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <p class="wz-nav">
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
