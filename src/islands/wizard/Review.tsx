/** 核对你的回答: every asked question with its answer and a change button, then 看结果. */
import type { Answers } from '../../rules/answers.ts';
import { question, questionsFor } from '../../rules/questions.ts';
import { answerLabel, type Terms } from './lib.ts';
import type { View } from './types.ts';

export function Review({ answers, terms, onGo }: { answers: Answers; terms: Terms; onGo: (v: View) => void }) {
  return (
    <section aria-labelledby="wz-h">
      <h2 id="wz-h" tabindex={-1}>核对你的回答</h2>
      <p>看一下对不对。点「修改」可以改，其他回答会保留。</p>
      <dl class="wz-review">
        {questionsFor(answers).map((id) => {
          const short = question(id, answers).short;
          return (
            <div key={id}>
              <dt>{short}</dt>
              <dd>
                <span>{answerLabel(answers, id, terms)}</span>
                <button type="button" class="wz-link" onClick={() => onGo({ v: 'q', q: id })}>
                  修改<span class="sr-only">{short}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      <button type="button" class="btn btn-primary btn-big" onClick={() => onGo({ v: 'results' })}>
        看结果
      </button>
    </section>
  );
}
