/** Site-wide words, kept in one place so tests and pages can use the exact same strings. */
export const SITE_NAME = '资助明白纸';
/** The anti-fraud line, word for word the same everywhere it appears. */
export const FRAUD_LINE = '资助不收任何费用，不会向你要验证码或银行卡密码';
/** localStorage key of the 大字 switch ("1" = on). */
export const LARGE_TEXT_KEY = 'zz-large-text';
