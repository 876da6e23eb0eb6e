/** The merged documents checklist (tick boxes, where to get each, how many subsidies need it) and the steps. */
import type { Evaluation } from '../../rules/evaluate.ts';
import type { Part, Terms } from './lib.ts';
import { SpeakButton } from '../speak/Button.tsx';

interface Props {
  ev: Evaluation;
  terms: Terms;
  applying: boolean;
  /** The steps of applying, shown when something has to be applied for. */
  steps: Part['steps'];
  ticks: Set<string>;
  remember: boolean;
  onTick: (id: string, on: boolean) => void;
  onRemember: (on: boolean) => void;
}

function DocList({ items, ticks, onTick }: { items: Evaluation['documents']; ticks: Set<string>; onTick: Props['onTick'] }) {
  if (!items.length) return null;
  return (
    <ul class="wz-doclist">
      {items.map(({ doc, neededFor }) => (
        <li key={doc.id} data-doc={doc.id}>
          <label class="wz-check">
            <input
              type="checkbox"
              checked={ticks.has(doc.id)}
              aria-describedby={`d-${doc.id}`}
              onChange={(e) => onTick(doc.id, (e.target as HTMLInputElement).checked)}
            />
            <span>{doc.name}</span>
          </label>
          <p id={`d-${doc.id}`} class="wz-docinfo">
            <span class="wz-n">{neededFor.length} 项资助要用</span>。去哪里拿：{doc.where}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function Checklist({ ev, terms, applying, steps, ticks, remember, onTick, onRemember }: Props) {
  return (
    <>
      <section class="wz-docs" aria-labelledby="wz-docs-h" data-tts>
        <div class="tts-head">
          <h3 id="wz-docs-h">要准备的材料</h3>
          <SpeakButton />
        </div>
        {ev.documents.length === 0 ? (
          <p>不用准备材料。</p>
        ) : (
          <>
            <p class="no-print">准备好一样，就勾上一样。</p>
            <DocList items={ev.documents.filter((d) => !d.maybe)} ticks={ticks} onTick={onTick} />
            {ev.documents.some((d) => d.maybe) && (
              <>
                <h4 class="wz-maybe-h">看情况再准备</h4>
                <p class="wz-maybe">只有符合上面「{terms.label({ kind: 'status', id: 'conditional' })}」那几项说的情况，才要这些：</p>
                <DocList items={ev.documents.filter((d) => d.maybe)} ticks={ticks} onTick={onTick} />
              </>
            )}
            <label class="wz-check wz-remember no-print tts-skip">
              <input type="checkbox" checked={remember} onChange={(e) => onRemember((e.target as HTMLInputElement).checked)} />
              <span>在这台手机上记住我的勾选（只存在手机里，点「清除我的回答」会删掉）</span>
            </label>
          </>
        )}
      </section>
      {applying && (
        <section class="wz-steps" aria-labelledby="wz-steps-h" data-tts>
          <div class="tts-head">
            <h3 id="wz-steps-h">申请的步骤</h3>
            <SpeakButton />
          </div>
          <ol>
            {steps.map((s) => {
              const plain = s.term && terms.get({ kind: 'term', id: s.term })?.plain;
              return (
                <li key={s.name}>
                  <b>{s.name}</b>（{s.when}）：{s.short}
                  {plain && <span class="wz-more">{plain}</span>}
                </li>
              );
            })}
          </ol>
          <p class="muted wz-more">具体日期看学校通知。</p>
        </section>
      )}
    </>
  );
}
