/**
 * 「这个孩子怎么称呼？」: the name-free label of a child in a family (issue 17): 老大 … 老六, or by
 * position (「孩子 2」). Part of the wizard's opening (it is small); the family results are not.
 */
import { ORDER_LABELS, childLabel, type Family } from '../../rules/family.ts';

interface Props {
  family: Family;
  i: number;
  onPick: (order: number | undefined) => void;
}

export function ChildLabel({ family, i, onPick }: Props) {
  const taken = new Set(family.children.map((c, k) => (k === i ? 0 : c.order ?? 0)));
  const cur = family.children[i]?.order;
  return (
    <section aria-labelledby="wz-h" class="wz-label">
      <h2 id="wz-h" tabindex={-1}>{i === 0 ? '第一个孩子' : `第 ${i + 1} 个孩子`}怎么称呼？</h2>
      <p>只用来分清是哪个孩子，不用写名字。结果、图片和链接里都不会有名字。</p>
      <p>家里的户口、家庭情况和地区几个孩子共用，不用再答。</p>
      <ul class="wz-opts wz-opts-2">
        {ORDER_LABELS.map((o) => (
          <li key={o.value}>
            <button type="button" class={`btn btn-big${cur === o.value ? ' wz-on' : ''}`} aria-pressed={cur === o.value} disabled={taken.has(o.value)} onClick={() => onPick(o.value)}>
              {o.label}
            </button>
          </li>
        ))}
        <li>
          <button type="button" class={`btn btn-big wz-excl${cur === undefined ? ' wz-on' : ''}`} aria-pressed={cur === undefined} onClick={() => onPick(undefined)}>
            就叫「{childLabel({ ...family, children: family.children.map((c, k) => (k === i ? { answers: c.answers } : c)) }, i)}」
          </button>
        </li>
      </ul>
    </section>
  );
}
