/**
 * The 「这条消息是真的吗？」 checker (src/rules/message-check.ts) with the signs of
 * content/message-signs.yaml, on messages written for this test (test/fixtures/messages.yaml): it must
 * call ≥ 95 % of the scam-shaped ones a likely scam and raise no alarm on ≥ 90 % of the genuine ones.
 * The figures are printed. Then the cases the page promises: negation, traditional characters,
 * full-width digits, masked numbers and addresses, a 10,000-character paste.
 */
import { describe, expect, it } from 'vitest';
import fixtures from '../fixtures/messages.yaml';
import { checkerSpec, messageSigns } from '../../src/data/message-signs.ts';
import { compileChecker, normalizeMessage } from '../../src/rules/message-check.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIT_STAGE_LIST, cardsOf, kitOf } from '../../src/components/schools/kit.ts';
import { FRAUD_LINE } from '../../src/components/shell/site.ts';
import { targetPath } from '../../src/components/posters/content.ts';
import { absoluteUrl } from '../../src/lib/site-url.ts';
import type { KitStage } from '../../src/schema/schools.ts';

interface Msg { name: string; text: string }
const { scams, genuine } = fixtures as { scams: Msg[]; genuine: Msg[] };
const check = compileChecker(checkerSpec);
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

describe('the fixtures', () => {
  it('have at least 20 scam-shaped and 20 genuine messages, some traditional and some with full-width digits', () => {
    expect(scams.length).toBeGreaterThanOrEqual(20);
    expect(genuine.length).toBeGreaterThanOrEqual(20);
    for (const list of [scams, genuine]) {
      expect(list.filter((m) => /[國學資為貸證們說請點]/.test(m.text)).length, 'traditional').toBeGreaterThanOrEqual(2);
      expect(list.filter((m) => /[０-９]/.test(m.text)).length, 'full-width digits').toBeGreaterThanOrEqual(2);
    }
  });
});

describe('detection rates', () => {
  const missed = scams.filter((m) => check(m.text).verdict !== 'alarm');
  const alarmed = genuine.filter((m) => check(m.text).verdict === 'alarm');
  const cautioned = genuine.filter((m) => check(m.text).verdict === 'caution');
  console.log(
    `message check: scams flagged ${scams.length - missed.length}/${scams.length} (${pct(scams.length - missed.length, scams.length)}); ` +
      `genuine without alarm ${genuine.length - alarmed.length}/${genuine.length} (${pct(genuine.length - alarmed.length, genuine.length)}), ` +
      `of which ${cautioned.length} with a 「要注意」 note`,
  );
  for (const m of missed) console.log(`  missed scam: ${m.name}`);
  for (const m of alarmed) console.log(`  false alarm: ${m.name}: ${check(m.text).findings.map((f) => `${f.id}「${f.quote}」`).join('；')}`);

  it('flags at least 95 % of the scam-shaped messages as 很可能是诈骗', () => {
    expect((scams.length - missed.length) / scams.length, missed.map((m) => m.name).join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('raises no alarm on at least 90 % of the genuine notices', () => {
    expect((genuine.length - alarmed.length) / genuine.length, alarmed.map((m) => m.name).join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

const ids = (text: string) => check(text).findings.map((f) => f.id);

describe('what it finds', () => {
  it.each([
    ['学校不会要密码', 'code'],
    ['请勿向任何人透露验证码', 'code'],
    ['资助不收任何手续费', 'fee'],
    ['坚决远离不良校园贷', 'campus-loan'],
    ['凡是让你到取款机上操作的，都是骗子', 'atm'],
    ['资助不用回复短信领取', 'reply'],
    ['看到请回复「收到」', 'reply'],
  ])('「%s」 is not flagged for %s (negation or a warning)', (text, id) => {
    expect(ids(text)).not.toContain(id);
  });

  it('a request to 填一下 the ID and bank-card numbers in a 钉钉 group is 很可能是诈骗 (它只当面交给班主任)', () => {
    const r = check('老师说让家长在钉钉群里填一下孩子的身份证号和银行卡号，发资助用的，明天截止');
    expect(r.verdict).toBe('alarm');
    expect(ids('老师说让家长在钉钉群里填一下孩子的身份证号和银行卡号')).toContain('id-number');
  });

  it.each([
    ['请把验证码发给我', 'code'],
    ['不要告诉别人，请把验证码发给我', 'code'],
    ['如不及时激活，账户将被冻结', 'activate'],
    ['需先交200元保证金', 'fee'],
    ['扫码下载APP领取补助', 'link-app'],
    ['加我微信领取补助', 'private-contact'],
    ['请添加V：zxj888 领取助学金', 'private-contact'], // the colon ends a clause: 「添加v」 stands alone
    ['恭喜您的孩子获得国家助学金3000元，回复1领取', 'reply'],
    ['恭喜您的孩子获得国家助学金3000元，回复1领取', 'money-bait'],
    ['回复Y即可认领', 'reply'],
  ])('「%s」 is flagged for %s', (text, id) => {
    expect(ids(text)).toContain(id);
  });

  // A tester's scams (2026-12-03) that once got 「没有找到」 or only a 「要注意」 note: each is an alarm, for this sign.
  it.each([
    ['您的国家助学金已到账，请登录 w w w . z h u x u e . c o m 领取', 'link-app', 'a link split by spaces'],
    ['您的国家助学金3000元待发放，请登录zhuxue。com领取', 'link-app', 'a Chinese full stop in a domain'],
    ['助学金补发通知：打开 h t t p : / / 1 2 3 . 4 5 . 6 7 . 8 按提示领取', 'link-app', 'a spaced address of a bare IP'],
    ['【教育局】您有一笔2000元助学补贴未领取，逾期作废，戳 t .cn/abc 申领', 'link-app', 'a space before the dot'],
    ['请把收到的验😊证😊码告诉工作人员，方便为您办理补助', 'code', 'emoji between the characters'],
    ['请把收到的验🔑证🔑码发给老师', 'code', 'emoji between the characters'],
    ['把yzm发我一下，帮你领补助', 'code', 'yzm'],
    ['待会儿你手机会收到一个六位数字，念给我就能发补助', 'code', 'a six-digit number to read out'],
    ['您孩子的助学金需缴纳个人所得税200元后方可发放', 'fee', 'income tax'],
    ['您孩子的助學金需繳納個人所得稅200元後方可發放', 'fee', 'income tax, traditional'],
    ['请将300元转帐到以下帐户，审核通过后发放补助', 'fee', '转帐'],
    ['补助发放需要先打款200元做流水验证', 'fee', 'a statement check'],
    ['支付宝转入0.01元验证账户后即可领取助学金', 'fee', 'one cent to verify'],
    ['系统多发了您孩子2000元补助，请退回到指定账户', 'fee', 'paid twice, return it'],
    ['您的补助发错了，需要把钱退回，否则影响孩子升学', 'fee', 'paid by mistake, return it'],
    ['请将补助金转入国家监管账户保管', 'fee', 'a supervision account'],
    ['请把银行卡正反面拍照发给我，用于发放助学金', 'id-number', 'photos of the bank card'],
    ['补助发放需验证身份，请提供家长身份证和银行卡', 'id-number', 'the ID card and bank card'],
    ['请在手机上打开“资助通”，输入卡密领取', 'code', '卡密'],
    ['国家助学金发放，请下栽「学生资助」aрр认正领取', 'link-app', '下栽, a Cyrillic р'],
    ['请打开腾讯会议，共亯屏幕，老师帮您操作领取补助', 'screen-share', '共亯屏幕 in a meeting app'],
    ['资助卡异常，请拨打客服热线处理，否则补助将被退回', 'activate', 'an abnormal aid card'],
    ['关注公众号「学生资助服务平台」领取补助', 'link-app', 'an official account'],
    ['助学金已批复，请进群领取：群号 123456789', 'private-contact', 'a group to join'],
    ['助学金发放请加企鹅12345678', 'private-contact', '企鹅'],
    ['助学金领取请加薇：zx8899', 'private-contact', '薇'],
    ['补助申领请联系扣扣 12345678', 'private-contact', '扣扣'],
    ['恭喜您孩子获得国家助学金3000元，回1领取', 'reply', '回1'],
    ['请查收邮箱附件的补助申领表，填好银行卡信息发回', 'id-number', 'bank card details by email'],
    // A breaker's and a new user's scams (2026-12) that got 「没有找到」 or only 「要注意」.
    ['孩子的助学金打错账户了，请把多打的2000元退回到这个支付宝：138****8000', 'fee', 'paid by mistake, send it back to an Alipay'],
    ['资助中心：请把短信里的6位数字告诉我，用于确认身份。', 'code', 'the SMS\'s six digits, without saying 验证码'],
    ['助学金已下发，请添加Q群 123456789 领取', 'private-contact', 'a QQ group with its number'],
    ['恭喜！您孩子获得国家奖学金10000元，请拨打4008123456领取，今日有效。', 'money-bait', 'call a number to claim, today only'],
  ])('「%s」 is a likely scam, for %s (%s)', (text, id) => {
    expect(ids(text)).toContain(id);
    expect(check(text).verdict).toBe('alarm');
  });

  // A tester's genuine notices and safety advice (2026-12-03) that were once called 「很可能是诈骗」.
  it.each([
    ['有关资助政策可登录学生资助管理中心网站 www.xszz.edu.cn 查询。', 'link-app', 'caution'],
    ['资助卡密码请自己保管好，不要告诉任何人。', 'code', 'none'],
    ['密码不要告诉任何人，包括老师。', 'code', 'none'],
    ['温馨提示：验证码是您的重要信息，切勿泄露给他人。', 'code', 'none'],
    ['学费请通过学校统一缴费平台缴纳，学校不接受个人转账。', 'fee', 'none'],
    ['任何人让你转账都不要理会。', 'fee', 'none'],
    ['资助卡需本人持身份证到银行激活后才能使用。', 'activate', 'none'],
    ['请家长到县社保局激活孩子的社保卡。', 'activate', 'none'],
    ['明天上午银行工作人员到校统一办理资助卡激活，请学生带上本人身份证。', 'activate', 'none'],
    ['请家长于9月10日前在「浙里办」小程序完成家庭经济困难学生认定申请。', 'link-app', 'none'],
    ['因学生退学，按规定退还未使用的住宿费，请家长到学校财务室办理。', 'refund', 'none'],
    ['请于9月20日前在学校资助系统中填写家长联系电话和银行卡号，由班主任统一审核。', 'id-number', 'caution'],
  ])('「%s」 is not flagged for %s, and gets 「%s」', (text, id, verdict) => {
    expect(ids(text)).not.toContain(id);
    expect(check(text).verdict).toBe(verdict);
  });

  // What a fix must not undo: the negation after a word does not hide a request, an official-looking
  // address does not hide the other signs, and a real school's way stays a real school's way.
  it.each([
    ['请登录 www.xszz.edu.cn 填写银行卡号和验证码', 'code'],
    ['请登录 http://xszz.edu.cn.zz-jy.top 领取助学金', 'link-app'],
    ['请登录 http://zz-jy.top/edu.cn 领取助学金', 'link-app'],
    ['请登录 http://xszz.edu.cn@zz-jy.top 领取助学金', 'link-app'],
    ['点击 www.moe.gov.cn.vip 领取补助', 'link-app'],
    ['请扫码下载APP，官网 www.xszz.edu.cn', 'link-app'],
    ['验证码请发给我，不要告诉任何人', 'code'],
    ['验证码请发给工作人员，不要告诉其他人', 'code'],
    ['密码不要告诉别人，请发给我', 'code'],
    ['请回复验证码。不要告诉任何人。', 'code'],
    ['请到手机银行激活资助卡', 'activate'],
    ['请在"国家政务服务"小程序里绑定银行卡领取本学期补助', 'link-app'],
    ['请把身份证号发到这个微信上，由班主任统一审核', 'id-number'],
    ['您的资助卡需要激活，请登录 http://zz-jy.top 在学校资助系统填写银行卡号', 'link-app'],
    ['上学期多收的住宿费将予以退还，请联系财务科李老师 13912345678 办理', 'refund'],
    ['请携带身份证到附近ATM机按提示激活', 'atm'],
    ['请携带身份证到银行，先把银行卡号发给我', 'id-number'],
  ])('「%s」 is still flagged for %s', (text, id) => {
    expect(ids(text)).toContain(id);
    expect(check(text).verdict).toBe('alarm');
  });

  // Ordinary notices near the new wordings (the in-person ways, tax-free grants, a class group, a 公众号 to read): no alarm.
  it.each([
    '报到时请携带身份证、户口簿和银行卡。',
    '请携带身份证和银行卡到学校填写申请表。',
    '国家助学金免征个人所得税。',
    '请在申请表上填写银行卡信息，交班主任。',
    '学校已向资助卡转入本学期助学金1250元，请注意查收。',
    '请家长扫码进班级群。',
    '下午3点开会，请确认正确后提交。',
    '每生每年缴纳住宿费800元，请通过学校统一缴费平台缴纳。',
    '不符合条件的申请将被退回。',
    '请关注学校微信公众号了解资助政策。',
    '请把申请表带回1份，填好后交班主任。',
    '如资助卡异常，请到银行柜台咨询。',
    '老师会把评审结果念给我们听。',
    '请家长加入班级QQ群 123456789 领取开学须知。',
    '学号是6位数字，请填写在申请表上。',
    '请拨打学校电话 0871-6123456 咨询申请时间。',
  ])('「%s」 raises no alarm', (text) => {
    expect(check(text).verdict).not.toBe('alarm');
  });

  // 国家开发银行's loan system is real, but FACTS.md (§12) names the system, not its address, so the
  // checker cannot know sls.cdb.com.cn from a look-alike: a link to log in and submit stays an alarm.
  it('cannot tell the real loan system\'s address from a look-alike (no source for it): still an alarm', () => {
    expect(ids('请登录国家开发银行学生在线服务系统 https://sls.cdb.com.cn 提交续贷申请。')).toContain('link-app');
  });

  // A false notice (2026-12): aid paid in cash. 普高、中职 国家助学金 go to the 资助卡, never in cash (FACTS.md §7).
  it('a notice that aid is collected in cash is a sign to ask about; 「不发现金」 is not', () => {
    const fake = '通知：今年起小学生每人每年发放国家助学金3000元，所有学生都有，不用申请，请家长周五到学校领取现金。';
    expect(ids(fake)).toContain('cash');
    expect(check(fake).verdict).toBe('caution');
    expect(ids('请到学校领现金')).toContain('cash');
    expect(ids('家长您好，孩子所在的县属于营养改善计划试点县，学校每天供应营养餐，不发现金。')).not.toContain('cash');
    expect(ids('国家助学金不以现金形式发放，请注意查收资助卡。')).not.toContain('cash');
    expect(ids('发现金额不对请找班主任')).not.toContain('cash');
  });

  // The site's own 家长群 message (/schools/messages/) ends with the site's address: pasted here, it must not
  // be told 「不要点消息里的链接」. A look-alike host is any other address. Works under any SITE_URL, path included.
  describe('the site\'s own address', () => {
    const SITE = 'https://zizhu.example.org';
    const own = compileChecker({ ...checkerSpec, site: SITE });
    const n = (t: string, site = SITE) => normalizeMessage(t, checkerSpec.fold, checkerSpec.official, site);
    it('reads as 〔本站网址〕; a look-alike host, another user@host or path on another host as 〔网址〕', () => {
      expect(n('点下面的链接：\nhttps://zizhu.example.org/check/#stage=senior')).toBe('点下面的链接:\n〔本站网址〕');
      expect(n('打开 zizhu.example.org/message-check/ 看看')).toBe('打开〔本站网址〕看看');
      expect(n('打开 HTTPS://ZIZHU.EXAMPLE.ORG/')).toBe('打开〔本站网址〕');
      expect(n('点击 https://zizhu.example.org.evil.top/check/ 领取')).toBe('点击〔网址〕领取');
      expect(n('点击 https://zizhu.example.org@evil.top/check/ 领取')).toBe('点击〔网址〕领取');
      expect(n('点击 https://evil.top/zizhu.example.org 领取')).toBe('点击〔网址〕领取');
      expect(n('点击 https://www.zizhu.example.org/ 领取')).toBe('点击〔网址〕领取');
      expect(normalizeMessage('https://zizhu.example.org/check/', checkerSpec.fold, checkerSpec.official)).toBe('〔网址〕');
    });
    it('under a SITE_URL with a path, only that path is the site', () => {
      const site = 'https://county.example.com/zizhu';
      expect(n('https://county.example.com/zizhu/check/#stage=senior', site)).toBe('〔本站网址〕');
      expect(n('https://county.example.com/zizhu', site)).toBe('〔本站网址〕');
      expect(n('https://county.example.com/other/', site)).toBe('〔网址〕');
      expect(n('https://county.example.com/zizhu-evil/', site)).toBe('〔网址〕');
    });
    it.each(KIT_STAGE_LIST.map((s) => [s.slug] as const))('the 家长群 message for %s is not flagged, and the result says the address is this site\'s', (slug) => {
      const kit = kitOf(slug as KitStage);
      const text = `${kit.group}\n${absoluteUrl(targetPath(slug as never, ''), SITE)}`;
      const r = own(text);
      expect(r.findings.map((f) => f.id)).toEqual([]);
      expect(r.verdict).toBe('none');
      expect(r.site).toBe(true);
      // without the site's address known, the same text is told not to tap the link
      expect(check(text).findings.map((f) => f.id)).toContain('link');
      expect(check(text).site).toBe(false);
    });
    it('a scam that adds the site\'s address is still a scam; a look-alike address is still a link', () => {
      expect(own('请把验证码发给我，详见 https://zizhu.example.org/').verdict).toBe('alarm');
      expect(own('点下面的链接：\nhttps://zizhu.example.org/check/\nhttps://zz-jy.top/a').findings.map((f) => f.id)).toContain('link');
      const fake = own('点下面的链接领取补助：https://zizhu.example.org.evil.top/check/');
      expect(fake.verdict).toBe('alarm');
      expect(fake.site).toBe(false);
    });
  });

  it('reads traditional characters and full-width digits and letters', () => {
    expect(ids('請把驗證碼發給我')).toContain('code');
    expect(ids('請到ＡＴＭ機按提示操作')).toContain('atm');
    expect(normalizeMessage('電話１３８１２３４５６７８', checkerSpec.fold)).toBe('电话〔电话〕');
    expect(normalizeMessage('帳戶異常', checkerSpec.fold)).toBe('帐户异常');
  });

  // Characters that show nothing, and separators, put between the characters of a word hid it.
  it.each([
    ['请把验\u2060证码发给我', 'code', 'word joiner'],
    ['请把验\u2062证\u2063码发给我', 'code', 'invisible times / separator'],
    ['请把验\u00ad证\u00ad码发给我', 'code', 'soft hyphen'],
    ['请把验\u200e证\u200f码发给我', 'code', 'direction marks'],
    ['请把验\u202a证\u202c码发给我', 'code', 'embedding controls'],
    ['请把验\u180e证码发给我', 'code', 'Mongolian vowel separator'],
    ['请把验\u034f证码发给我', 'code', 'combining grapheme joiner'],
    ['请把验\ufe0f证码发给我', 'code', 'variation selector'],
    ['请把验\u3164证码发给我', 'code', 'Hangul filler'],
    ['请把验\u2800证\u2800码发给我', 'code', 'blank Braille cell'],
    ['请把验\u{E0020}证码发给我', 'code', 'tag space'],
    ['请把验-证-码发给我', 'code', 'hyphens'],
    ['请把验 - 证 - 码发给我', 'code', 'spaced hyphens'],
    ['请把验.证.码发给我', 'code', 'dots'],
    ['请把验/证/码发给我', 'code', 'slashes'],
    ['请把验|证|码发给我', 'code', 'bars'],
    ['请把验丨证丨码发给我', 'code', '丨'],
    ['请先转|账500元', 'fee', 'a bar in 转账'],
    ['请开启屏幕共享，我教你操作', 'screen-share', 'screen sharing'],
  ])('「%s」 is flagged for %s (%s)', (text, id) => {
    expect(ids(text)).toContain(id);
  });

  it('drops every character Unicode says shows nothing (Default_Ignorable_Code_Point) before reading', () => {
    const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (ignorable.test(c) && normalizeMessage(`验${c}证码`, checkerSpec.fold) !== '验证码') missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
    // a phone number with zero-width spaces is still a phone number, and is not shown
    expect(normalizeMessage('电话138\u200b1234\u200b5678', checkerSpec.fold)).toBe('电话〔电话〕');
  });

  it('keeps separators that mean something: dates, decimals, lists of words, clauses', () => {
    const n = (t: string) => normalizeMessage(t, checkerSpec.fold);
    expect(n('9月1日-9月20日')).toBe('9月1日-9月20日');
    expect(n('每月1.5万元')).toBe('每月1.5万元');
    expect(n('2026/9/1')).toBe('2026/9/1');
    expect(n('a.b-c')).toBe('a.b-c');
    expect(n('不会要密码，请到柜台')).toBe('不会要密码,请到柜台');
    expect(n('户口簿、学生证')).toBe('户口簿、学生证');
  });

  it('reads an address on gov.cn or edu.cn as official, and a look-alike as any other address', () => {
    const n = (t: string) => normalizeMessage(t, checkerSpec.fold, checkerSpec.official);
    expect(n('登录 www.xszz.edu.cn 查询')).toBe('登录〔官方网址〕查询');
    expect(n('见 https://www.moe.gov.cn/jyb/x.html')).toBe('见〔官方网址〕');
    expect(n('登录 xszz.edu.cn.zz-jy.top')).toBe('登录〔网址〕');
    expect(n('登录 http://xszz.edu.cn@zz-jy.top/a')).toBe('登录〔网址〕');
    expect(n('登录 zz-jy.top/edu.cn')).toBe('登录〔网址〕');
    expect(n('登录 xszzedu.cn')).toBe('登录〔网址〕');
    expect(ids('请点击 www.xszz.edu.cn 登录查询')).toEqual(['link']);
  });

  it('puts together a web address spelt out to hide it, reads look-alike letters, drops emoji between characters', () => {
    const n = (t: string) => normalizeMessage(t, checkerSpec.fold);
    expect(n('请登录 w w w . z h u x u e . c o m 领取')).toBe('请登录〔网址〕领取');
    expect(n('打开 h t t p : / / 1 2 3 . 4 5 . 6 7 . 8 按提示')).toBe('打开〔网址〕按提示');
    expect(n('打开 123.45.67.8 领取')).toBe('打开〔网址〕领取');
    expect(n('戳 t .cn/abc 申领')).toBe('戳〔网址〕申领');
    expect(n('登录zhuxue。com领取')).toBe('登录〔网址〕领取');
    expect(n('登录 www 点 zhuxue 点 com 领取')).toBe('登录〔网址〕领取');
    expect(n('下载aрр')).toBe('下载app'); // a Cyrillic р
    expect(n('验😊证😊码')).toBe('验证码');
    expect(n('验🔑证🔑码，v👍信')).toBe('验证码,v信');
    expect(n('电话 1 3 9 1 2 3 4 5 6 7 8')).toBe('电话〔电话〕');
    // Not addresses: a sentence ending in a number, times, a Chinese 点 in a time.
    expect(n('共300元。请带身份证')).toBe('共300元。请带身份证');
    expect(n('下午3点开会，8 : 30 签到')).toBe('下午3点开会,8:30签到');
    expect(n('第1条。com')).toBe('第1条。com');
  });

  it('never repeats a phone number or web address from the message', () => {
    const r = check('您的助学金待领取，请点击 https://zz-jy.top/x?id=1 或拨打 139 1234 5678，加微信 abc 领取');
    expect(r.verdict).toBe('alarm');
    const quotes = r.findings.map((f) => f.quote).join('\n');
    expect(quotes).not.toMatch(/zz-jy|https?:|\d{4}/);
    expect(quotes).toContain('〔网址〕');
    expect(quotes).toContain('〔电话〕');
  });

  it('says 「没有找到」 for an empty or harmless message, and never that a message is genuine', () => {
    expect(check('   ').verdict).toBe('empty');
    expect(check('明天下午开家长会。').verdict).toBe('none');
    expect(messageSigns.verdicts.none).not.toMatch(/是真的|可信|安全/);
  });

  it('handles a 10,000-character paste quickly and finds the sign at its end', () => {
    const long = '各位家长，本学期资助工作照常进行。'.repeat(600).slice(0, 9980) + '请回复验证码。';
    expect(long.length).toBeGreaterThanOrEqual(9980);
    const t0 = performance.now();
    const r = check(long);
    const ms = performance.now() - t0;
    console.log(`message check: ${long.length} characters in ${ms.toFixed(0)} ms`);
    expect(r.truncated).toBe(false);
    expect(r.checked).toBe(long.length);
    expect(r.findings.map((f) => f.id)).toContain('code');
  });

  it('checks only the first `limit` characters of a longer paste and says so', () => {
    const r = check('好'.repeat(checkerSpec.limit + 10) + '请回复验证码');
    expect(r.truncated).toBe(true);
    expect(r.checked).toBe(checkerSpec.limit);
    expect(r.findings).toEqual([]);
    // nothing found in the part checked is not the green 「没有找到」: the rest was never read
    expect(r.verdict).toBe('partial');
    expect(messageSigns.verdicts.partial).toContain('{n}');
    // a sign in the part checked still counts as it would
    expect(check('请回复验证码。' + '好'.repeat(checkerSpec.limit)).verdict).toBe('alarm');
  });
});

// A tester (2026-12): the site's own fraud line, a school's reminder and the FAQ's fraud card were called
// 「很可能是诈骗」: a negation reached only the first words of a list (「不会在电话、短信、微信里要验证码、密码、卡号」
// left 密码 and 卡号 alone), and a question answered 「是骗子」 was read as a request.
describe('what the site itself says about fraud is not a scam', () => {
  const faqCards = KIT_STAGE_LIST.flatMap((s) => cardsOf(s.slug as KitStage).map((c) => [`问答卡 ${s.slug} ${c.id}`, `${c.q}\n${c.a}`] as const));
  const kits = KIT_STAGE_LIST.flatMap((s) => {
    const k = kitOf(s.slug as KitStage);
    return [[`家长群消息 ${s.slug}`, k.group] as const, ...k.outline.map((o, i) => [`家长会提纲 ${s.slug} ${i + 1}`, o] as const)];
  });
  // /fraud/: its description and every line of its sections except 「常见骗法」, which quotes scams word for word.
  const mdx = readFileSync(join(import.meta.dirname, '../../content/pages/fraud.mdx'), 'utf8');
  const fraudPage = [mdx.match(/^description: (.*)$/m)![1]!, ...mdx.split(/^## /m).filter((part) => !part.startsWith('常见骗法')).slice(1)
    .flatMap((part) => part.split('\n').slice(1).filter((l) => /[\u4e00-\u9fff]/.test(l)))].map((l, i) => [`/fraud/ ${i + 1}`, l] as const);
  // The plain words of the signs and the advice on /message-check/; not the screen-share sign's, which says what
  // the other side sees (「…包括银行发来的验证码和你输入的密码」): that reads like the request it warns of.
  const signsPage = [
    ...messageSigns.signs.filter((s) => s.id !== 'screen-share').map((s) => [`迹象 ${s.id}`, s.plain] as const),
    ...messageSigns.advice.map((a, i) => [`怎么办 ${i + 1}`, a.text] as const),
  ];
  it.each([
    ['FRAUD_LINE', FRAUD_LINE],
    ['FRAUD_LINE as the footer prints it', `${FRAUD_LINE}。拿不准就打 96110（全国反诈预警劝阻专线），或者查一查这条消息。`],
    ['a school\'s reminder', '学生资助不收取任何费用，不会通过电话、短信、微信索要验证码和银行卡密码。'],
    ['a longer list of channels', '资助不会通过电话、短信、微信、QQ、邮件、网站要验证码、密码、身份证号、银行卡号。'],
  ])('%s: 「%s」 gets 「没有找到」', (_n, text) => {
    expect(check(text).findings).toEqual([]);
    expect(check(text).verdict).toBe('none');
  });
  it.each([...faqCards, ...kits, ...fraudPage, ...signsPage])('%s is not 「很可能是诈骗」', (_n, text) => {
    const r = check(text);
    expect(r.verdict, r.findings.map((f) => `${f.id}「${f.quote}」`).join('；')).not.toBe('alarm');
  });
  it('the FAQ\'s fraud card is among them', () => {
    expect(faqCards.map(([, t]) => t).join('\n')).toContain('是真的吗？\n是骗子。');
    expect(fraudPage.length).toBeGreaterThan(8);
  });
  // What the fix must not undo: a list still needs its negation close enough, a request after it still counts,
  // a question not answered 「是骗子」 is read as it stands.
  it.each([
    ['请把验证码发给我，补助马上到账', 'code'],
    ['不会收你任何费用，请把验证码、密码发给我', 'code'],
    ['资助不收费、只要把验证码、密码发过来就行', 'code'],
    ['你收到验证码了吗？发给我，补助马上到账', 'code'],
    ['能把验证码发给我吗？不是骗子，放心。', 'code'],
    ['密码和验证码谁要都不给，但这次请发给我', 'code'],
  ])('「%s」 is still a likely scam, for %s', (text, id) => {
    expect(ids(text)).toContain(id);
    expect(check(text).verdict).toBe('alarm');
  });
});

// A tester's evasions (2026-12): a combining mark on each character, a line break between them.
describe('combining marks and line breaks between Chinese characters', () => {
  it.each([
    ['请把验\u0301证\u0301码发给我', 'code', 'combining acute'],
    ['请把验\u0323证\u0323码发给我', 'code', 'combining dot below'],
    ['请把验\u20d2证\u20d2码发给我', 'code', 'combining long vertical line overlay'],
    ['请把验\u0336证\u0336码发给我', 'code', 'combining long stroke overlay'],
    ['请把验\n证\n码发给我', 'code', 'line breaks'],
    ['请把验\r\n证\r\n码发给我', 'code', 'CRLF'],
    ['请先转\n账500元', 'fee', 'a line break in 转账'],
    ['请把验 \n 证码发给我', 'code', 'spaces around the break'],
  ])('「%s」 is flagged for %s (%s)', (text, id) => {
    expect(ids(text)).toContain(id);
    expect(check(text).verdict).toBe('alarm');
  });
  it('drops every combining mark (Unicode Mn) between two characters', () => {
    const mn = /^\p{Mn}$/u;
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (mn.test(c) && normalizeMessage(`验${c}证码`, checkerSpec.fold) !== '验证码') missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });
  // A line ending in a Chinese character runs into the next one (「共300元\n请带」 is one sentence): the price of
  // reading 「验\n证\n码」; a line ending in a number, a letter or a punctuation mark still ends its sentence.
  it('keeps line breaks next to anything else (a number, a colon, Latin letters): they still end sentences', () => {
    const n = (t: string) => normalizeMessage(t, checkerSpec.fold);
    expect(n('验证\n码')).toBe('验证码');
    expect(n('共300元\n请带身份证')).toBe('共300元请带身份证');
    expect(n('金额300\n请带身份证')).toBe('金额300\n请带身份证');
    expect(n('见附件pdf\n请带身份证')).toBe('见附件pdf\n请带身份证');
    expect(n('各位家长:\n请带身份证')).toBe('各位家长:\n请带身份证');
    expect(n('cafe\u0301')).toBe('cafe');
  });
});

// FACTS.md §12: 学生（未满 16 周岁由监护人陪同）持身份证到银行柜台本人激活. A grandmother told to go with the child
// must not read that only the student may go.
describe('the activation sign says how a card is really activated', () => {
  const plain = messageSigns.signs.find((s) => s.id === 'activate')!.plain;
  it('says a guardian goes with a child under 16, and not 「只能由学生本人」', () => {
    expect(plain).toContain('未满 16 周岁由监护人陪同');
    expect(plain).toContain('银行柜台');
    expect(plain).not.toMatch(/只能由学生/);
  });
  it.each([
    '请监护人陪同孩子带身份证到银行柜台激活资助卡。',
    '孩子未满16周岁，请奶奶陪孩子带上身份证到银行网点激活。',
  ])('「%s」 raises no alarm', (text) => {
    expect(check(text).verdict).not.toBe('alarm');
  });
});
