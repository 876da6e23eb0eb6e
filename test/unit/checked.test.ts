// The check dates the site prints agree: the home page's 「最近核对」 (src/data/checked.ts) is the newest
// check of any content file, so no 问答卡, 宣传月 message or stage page prints a later one.
import { describe, expect, it } from 'vitest';
import { checkDates, siteCheckedOn } from '../../src/data/checked.ts';
import { dataAsOf, dataset } from '../../src/data/index.ts';
import { KIT_STAGE_LIST, cardsOf, kitOf } from '../../src/components/schools/kit.ts';
import { faq, messages } from '../../src/data/schools.ts';
import type { KitStage } from '../../src/schema/schools.ts';

describe('check dates', () => {
  it('the home page gives the newest check of any content file', () => {
    expect(siteCheckedOn).toBe([...checkDates].sort().at(-1));
    for (const d of [dataAsOf, faq.lastVerified, messages.lastVerified, ...dataset.subsidies.map((s) => s.lastVerified)]) expect(d <= siteCheckedOn, d).toBe(true);
  });
  it('no 问答卡 and no 宣传月 message is checked later than the home page says', () => {
    const printed = KIT_STAGE_LIST.flatMap((s) => [...cardsOf(s.slug as KitStage).map((c) => c.checked), kitOf(s.slug as KitStage).checked]);
    expect(printed.length).toBeGreaterThan(10);
    expect(printed.filter((d) => d > siteCheckedOn)).toEqual([]);
    // the cards' dates are the files' own, not all one figure: the test would see a later one
    expect(new Set(printed).size).toBeGreaterThan(1);
  });
});
