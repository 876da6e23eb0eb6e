/**
 * 孩子升级了吗: shown on top of the wizard (核对你的回答, the results, or the question a link opens on)
 * while the link's answers, some child's grade among them, are of an earlier school year (`year=`,
 * src/rules/family.ts; the wizard's `was`). It says each child's grade then and now, as the engine
 * moves it (src/rules/new-year.ts newYear); 「升了」 takes the new grades and asks what they raise (the
 * stage of a child whose next stage is not known: 初三、高三 …; the school of one that changed school),
 * 「没升」 keeps them. Either way the link gets this school year. Loaded only for such a link (through
 * ./Family.tsx, whose ladder it shares), so the wizard's opening carries none of it.
 */
import { childLabel } from '../../rules/family.ts';
import { newYear } from '../../rules/new-year.ts';
import type { NewYearHost } from './types.ts';

export function NewYear({ w }: { w: NewYearHost }) {
  const { family, cur, view, was } = w.state;
  // On every screen but the label one, so a link that opens on a question (a child half answered) shows it too.
  if (!was || view.v === 'label') return null;
  const n = w.year() - was;
  const moved = newYear(family, n);
  if (!moved.moves.length) return null;
  const many = family.children.length > 1;
  return (
    <section class="note wz-newyear no-print" aria-labelledby="wz-ny-h">
      <h2 id="wz-ny-h">孩子升年级了吗？</h2>
      <p>这些回答是 {was} 年秋季开学的那个学年填的，现在{n > 1 ? `已经过了 ${n} 个学年` : '是新的学年'}。升了年级，能领的资助和要带的材料可能不一样：</p>
      <ul>
        {moved.moves.map((m) => (
          <li key={m.child}>
            {many && `${childLabel(family, m.child)}：`}
            {m.to ? `原来${m.from}，现在应该是${m.to}` : `原来${m.from}，${m.done}已经毕业，要重新选现在读什么`}
            {m.unsure && '（已经毕业的，就不用再算了）'}
          </li>
        ))}
      </ul>
      {view.v === 'results' && <p><strong>先选一下，结果按现在的年级算出来。</strong></p>}
      <p>
        {/* 升了: the questions the new grades ask (a stage, a new school), child by child, then 核对你的回答. */}
        <button type="button" class="btn btn-primary" onClick={() => w.goFamily(moved.family, cur, undefined, [], 0)}>升了，按现在的年级算</button>{' '}
        <button type="button" class="btn" onClick={() => w.goFamily(family, cur, view, [], 0)}>没升，还是原来的年级</button>
      </p>
    </section>
  );
}
