/**
 * The answer vocabulary's value lists, without zod, so browser code (the wizard island via
 * src/rules/answers.ts) can use them without pulling zod into the bundle. src/schema/index.ts builds
 * its zod enums from these and re-exports them.
 */

/** Schooling stages, the wizard's `stage=` vocabulary. */
export const STAGES = ['preschool', 'primary', 'junior', 'senior', 'vocational', 'undergrad', 'postgrad'] as const;

/**
 * Family situations, the wizard's `family=` vocabulary (see content/glossary.yaml for the official terms):
 * tuopin 脱贫家庭（原建档立卡）, jiance 防止返贫监测对象, dibao 最低生活保障家庭, tekun 特困供养,
 * orphan 孤儿, unsupported 事实无人抚养儿童, disabled 学生本人残疾, disabledparent 残疾人子女,
 * martyr 烈士子女, hardship 其他家庭经济困难.
 */
export const FAMILY_STATUSES = [
  'tuopin', 'jiance', 'dibao', 'tekun', 'orphan', 'unsupported', 'disabled', 'disabledparent', 'martyr', 'hardship',
] as const;

/**
 * Family situations that on their own show economic hardship (特殊困难群体). 残疾 and 烈士子女 are
 * priority groups in 家庭经济困难学生认定, but on their own they do not prove hardship.
 */
export const HARDSHIP_STATUSES = ['tuopin', 'jiance', 'dibao', 'tekun', 'orphan', 'unsupported', 'hardship'] as const satisfies readonly (typeof FAMILY_STATUSES)[number][];
