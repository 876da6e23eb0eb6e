/**
 * 「这个孩子怎么称呼？」: the name-free label of a child in a family (issue 17): 老大 … 老六, or by
 * position (「孩子 2」). Part of the wizard's opening (it is small); the family results are not.
 */
import { ORDER_LABELS, childLabel, type Family } from '../../rules/family.ts';
import { removeChild } from './family-edit.ts';

interface Props {
  family: Family;
  i: number;
  onPick: (order: number | undefined) => void;
  /** Back to the results with this family: without child `i` when it is not answered yet (再加一个孩子 taken back). */
  onBack: (family: Family) => void;
}

export function ChildLabel({ family, i, onPick, onBack }: Props) {
  const taken = new Set(family.children.map((c, k) => (k === i ? 0 : c.order ?? 0)));
  const cur = family.children[i]?.order;
  const known = !!family.children[i]?.answers.stage;
  return (
    <section aria-labelledby="wz-h" class="wz-label">
      <h2 id="wz-h" tabindex={-1}>{i === 0 ? '第一个孩子' : `第 ${i + 1} 个孩子`}怎么称呼？</h2>
      <p>只用来分清是哪个孩子，不用写名字。结果、图片和链接里都不会有名字。</p>
      <p>家里的户口、家庭情况和地区几个孩子共用，不用再答。</p>
      {/* 「孩子 1 · 小学三年级，老大 · 中职一年级」 read as if the labels were swapped: say how to name the first one too. */}
      {i > 0 && !family.children[0]!.order && <p>第一个孩子现在叫「{childLabel(family, 0)}」，看结果时点「改称呼」可以改。</p>}
      <ul class="wz-opts wz-opts-2">
        {ORDER_LABELS.map((o) => (
          <li key={o.value}>
            <button type="button" class={`btn btn-big${cur === o.value ? ' wz-on' : ''}`} aria-pressed={cur === o.value} disabled={taken.has(o.value)} onClick={() => onPick(o.value)}>
              {o.label}
            </button>
          </li>
        ))}
        <li class="wz-wide">
          <button type="button" class={`btn btn-big wz-excl${cur === undefined ? ' wz-on' : ''}`} aria-pressed={cur === undefined} onClick={() => onPick(undefined)}>
            就叫「{childLabel({ ...family, children: family.children.map((c, k) => (k === i ? { answers: c.answers } : c)) }, i)}」
          </button>
        </li>
      </ul>
      {/* After 再加一个孩子 the only other button was 清除我的回答, which wipes every child. */}
      <p><button type="button" class="btn" onClick={() => onBack(known ? family : removeChild(family, i))}>{known ? '不改了' : '不加了'}，回到结果</button></p>
    </section>
  );
}
