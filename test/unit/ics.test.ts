/**
 * The calendar file (src/islands/wizard/ics-file.ts): RFC 5545 content lines, folded by octets
 * (§3.1: no physical line longer than 75 octets, never inside a character), which calendar apps read
 * back (ical.js) to the same Chinese text.
 */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { foldOctets, icsText } from '../../src/islands/wizard/ics-file.ts';
import type { CalendarMonth } from '../../src/rules/calendar.ts';

const item = (name: string, where: string, when: string) => ({ child: 0, label: '孩子 1', id: name, name, plain: name, where, when, maybe: false });
const months: CalendarMonth[] = [
  { date: '2027-09-01', year: 2027, month: 9, items: [item('义务教育家庭经济困难学生生活补助', '孩子就读的学校（学校资助专干或班主任）', '每学年秋季学期开学后，按学校通知提交家庭经济困难学生认定申请'), item('生源地信用助学贷款', '户籍所在县（市、区）学生资助管理中心', '每年 7–9 月')] },
];
const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('the calendar file', () => {
  const text = icsText(months, 'https://example.org/check/#stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=dibao&region=000000', false);
  it('folds every physical line at 75 octets or fewer, CRLF-terminated, with a space leading each continuation', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.filter((l) => octets(l) > 75)).toEqual([]);
    // A Chinese description needs folding, so the test would see a line cut inside a character as U+FFFD.
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
  });
  it('reads back (ical.js) to the same title, description and dates', () => {
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toString()).toBe('2027-09-01');
    expect(ev.summary).toBe('资助申请月：义务教育家庭经济困难学生生活补助、生源地信用助学贷款');
    expect(ev.description).toContain('生源地信用助学贷款——户籍所在县（市、区）学生资助管理中心，每年 7–9 月');
    expect(ev.description).toContain('再次打开结果：https://example.org/check/#stage=primary&grade=3');
  });
  it.each([
    ['ASCII is cut at 75 octets', 'X'.repeat(80), ['X'.repeat(75), ' ' + 'X'.repeat(5)]],
    ['a Chinese line is cut between characters: 12 + 21 × 3 = 75', 'DESCRIPTION:' + '资'.repeat(30), ['DESCRIPTION:' + '资'.repeat(21), ' ' + '资'.repeat(9)]],
    ['a character that would pass 75 moves to the next line whole (74 + 3)', 'A'.repeat(74) + '资', ['A'.repeat(74), ' 资']],
    ['an astral character (4 octets) is never split', 'A'.repeat(73) + '𠀀', ['A'.repeat(73), ' 𠀀']],
    ['a line already folded by characters is unfolded first', 'A'.repeat(70) + '\r\n\t' + 'B'.repeat(10), ['A'.repeat(70) + 'B'.repeat(5), ' ' + 'B'.repeat(5)]],
  ])('%s', (_, line, want) => {
    expect(foldOctets(line + '\r\n')).toBe(want.join('\r\n') + '\r\n');
  });
});
