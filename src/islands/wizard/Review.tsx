/**
 * 核对你的回答: every asked question with its answer and a change button, then 看结果. A family of
 * several children (a shared family link opens here) lists every child under its name and grade with
 * its own answers, then the answers the family shares, once: the one who opens the link sees at once
 * that it holds every child, not only the first.
 */
import type { Answers } from '../../rules/answers.ts';
import { question, questionsFor, type QuestionId } from '../../rules/questions.ts';
import { SHARED_KEYS, beforeWord } from '../../rules/family.ts';
import { answerLabel, childHeading, kidsLine, type Terms } from './lib.ts';
import type { View } from './types.ts';

/** One child on the review: its label (several children only) and its full answers. */
export interface ReviewKid {
  /** 「孩子 1」「老二」; absent for a family of one. */
  label?: string;
  answers: Answers;
}

const shared = (id: QuestionId) => (SHARED_KEYS as readonly string[]).includes(id);

/** `onEdit(i, q)`: change question `q` of child `i` (a shared answer through the first child). */
export function Review({ kids, terms, onGo, onEdit }: { kids: ReviewKid[]; terms: Terms; onGo: (v: View) => void; onEdit: (i: number, q: QuestionId) => void }) {
  const many = kids.length > 1;
  // [child, heading, questions]: one list, or each child's own then the family's (asked with the first child).
  const lists: [number, string, QuestionId[]][] = many
    ? [...kids.map((k, i): [number, string, QuestionId[]] => [i, childHeading(k), questionsFor(k.answers).filter((id) => !shared(id))]), [0, '全家共用', questionsFor(kids[0]!.answers).filter(shared)]]
    : [[0, '', questionsFor(kids[0]!.answers)]];
  return (
    <section aria-labelledby="wz-h">
      <h2 id="wz-h" tabindex={-1}>核对你的回答</h2>
      <p>{many && kidsLine(kids)}看一下对不对。点「修改」可以改，其他回答会保留。</p>
      {lists.map(([i, h, ids]) => (
        <div key={h}>
          {h && <h3>{h}</h3>}
          <dl class="wz-review">
            {ids.map((id) => {
              const a = kids[i]!.answers;
              const short = question(id, a).short;
              return (
                <div key={id}>
                  <dt>{short}</dt>
                  <dd>
                    <span>{answerLabel(a, id, terms)}</span>
                    <button type="button" class="wz-link" onClick={() => onEdit(i, id)}>
                      修改<span class="sr-only">{h && `${beforeWord(h.split(' · ')[0]!)}的`}{short}</span>
                    </button>
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
      <button type="button" class="btn btn-primary btn-big" onClick={() => onGo({ v: 'results' })}>
        看结果
      </button>
    </section>
  );
}
