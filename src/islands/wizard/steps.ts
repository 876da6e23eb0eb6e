/**
 * The usual path of an application (申请 → 评议 → 公示 → 发放), shown under the checklist when something
 * has to be applied for. National framework (全国学生资助管理中心 认定办法; see
 * /work/shared/policy/FACTS.md 「一般流程」「时间」); the months are the usual ones, schools set the days.
 * 公示 also shows the glossary's plain explanation (`term:gongshi`), which states the minimum period.
 */
export interface Step {
  name: string;
  /** Usual months. */
  when: string;
  text: string;
  /** Glossary term (kind `term`) whose plain text follows `text` on screen (not on paper). */
  term?: string;
}

export const STEPS: readonly Step[] = [
  { name: '申请', when: '多在秋季开学后的 9 月，春季学期可以补报', text: '告诉班主任要申请，领表填写，家长和学生签字承诺。', term: 'rending' },
  { name: '评议', when: '一般 9–10 月', text: '班级评议小组和学校审核，可能会家访或打电话了解情况。' },
  { name: '公示', when: '不少于 5 个工作日', text: '', term: 'gongshi' },
  { name: '发放', when: '按学期发', text: '按学校通知打到资助卡、社保卡或银行卡上，不发现金；免学费的直接不收。' },
];
