/** Site-wide words, kept in one place so tests and pages can use the exact same strings. */
export const SITE_NAME = '资助明白纸';
/** The anti-fraud line, word for word the same everywhere it appears. */
// FACTS §7: never asks by phone, SMS or WeChat for codes, passwords, ID or card numbers (a card number for
// paying aid goes on the school's form or to the class teacher in person).
export const FRAUD_LINE = '资助不收任何费用，不会在电话、短信、微信里要验证码、密码、卡号';
/** localStorage key of the 大字 switch ("1" = on). */
export const LARGE_TEXT_KEY = 'zz-large-text';
