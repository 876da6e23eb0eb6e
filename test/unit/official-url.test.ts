// Sources are linked only on official sites (src/lib/site-url.ts isOfficialUrl): the site tells parents
// not to tap unknown links, so a copy on a mirror site is named by its host instead.
import { describe, expect, it } from 'vitest';
import { hostOf, isOfficialUrl } from '../../src/lib/site-url.ts';
import { dataset } from '../../src/data/index.ts';

describe('official addresses', () => {
  it('gov.cn, edu.cn and national news sites are official; mirrors, look-alikes and junk are not', () => {
    for (const u of ['https://www.moe.gov.cn/x.html', 'http://jyt.sc.gov.cn/a', 'https://vtep.edu.cn/homepage/a', 'https://www.gov.cn/zhengce/', 'http://www.xinhuanet.com/a']) expect(isOfficialUrl(u), u).toBe(true);
    for (const u of ['https://agent4you.net/info/1.htm', 'https://gov.cn.example.com/', 'https://fakegov.cn/', 'https://scjyxw.com/a', 'not a url', 'javascript:alert(1)']) expect(isOfficialUrl(u), u).toBe(false);
    expect(hostOf('https://www.agent4you.net/info/1.htm')).toBe('agent4you.net');
    expect(hostOf('nonsense')).toBe('');
  });
  it('the data holds both kinds, so both ways of citing are exercised', () => {
    const urls = dataset.sources.flatMap((s) => (s.url ? [s.url] : []));
    expect(urls.some(isOfficialUrl)).toBe(true);
    expect(urls.some((u) => !isOfficialUrl(u))).toBe(true);
  });
});
