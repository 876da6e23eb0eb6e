/**
 * 「加到手机日历」: the family's application months (src/rules/calendar.ts) as an iCalendar file
 * (RFC 5545), written by the `ics` package in the browser. Loaded only when the button is tapped.
 * One all-day event on the first day of each month, with an alarm that morning; the description lists
 * each child's applications (label, name, where, the data's 「when」) and the link that reopens the
 * results. No name, no ID number; nothing is sent anywhere. Lines are folded by octets (foldOctets).
 *
 *   icsText(months, 'https://…/check/#stage=…', false) → 'BEGIN:VCALENDAR\r\n…END:VCALENDAR\r\n'
 * @throws Error when `ics` rejects an event (it validates every field).
 */
import { createEvents, type EventAttributes } from 'ics';
import type { CalendarMonth } from '../../rules/calendar.ts';

/** Stable per month and family link, so adding the same file twice updates instead of duplicating. */
function uid(date: string, link: string): string {
  let h = 0;
  for (let i = 0; i < link.length; i++) h = (Math.imul(h, 31) + link.charCodeAt(i)) | 0;
  return `${date}-${(h >>> 0).toString(16)}@zizhu-mingbaizhi`;
}

/**
 * What a month's event is called, as a phone's calendar list shows it: the subsidies, and in a family
 * of several children whose they are — 「孩子 1：普通高中国家助学金；老二：义务教育生活补助」.
 */
function monthTitle(m: CalendarMonth, many: boolean): string {
  const names = (xs: CalendarMonth['items']) => [...new Set(xs.map((i) => i.name))].join('、');
  if (!many) return names(m.items);
  const labels = [...new Set(m.items.map((i) => i.label))];
  return labels.map((l) => `${l}：${names(m.items.filter((i) => i.label === l))}`).join('；');
}

/** `many`: the family has several children (each line then starts with the child's label). */
export function icsText(months: readonly CalendarMonth[], link: string, many: boolean): string {
  const events: EventAttributes[] = months.map((m) => {
    return {
      uid: uid(m.date, link),
      start: [m.year, m.month, 1],
      end: [m.year, m.month, 2],
      title: `资助申请月：${monthTitle(m, many)}`,
      description: [
        ...m.items.map((i) => `${many ? `${i.label}：` : ''}${i.name}${i.maybe ? '（可能可以）' : ''}——${i.where}，${i.when}`),
        '具体日期看学校通知。',
        `再次打开结果：${link}`,
      ].join('\n'),
      url: link,
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      alarms: [{ action: 'display', description: '资助申请月', trigger: { hours: 9, before: false } }],
    };
  });
  const { error, value } = createEvents(events, { productId: 'zizhu-mingbaizhi/check', calName: '资助申请月份' });
  if (error || !value) throw error ?? new Error('日历文件没有生成');
  return foldOctets(value);
}

/**
 * RFC 5545 §3.1: a content line is folded so no physical line is longer than 75 octets, never inside a
 * character. The `ics` package folds at 75 characters, and a Chinese character is 3 octets in UTF-8, so
 * its description lines ran to 225 octets; this unfolds them and folds again by octets (CRLF + space).
 *
 *   foldOctets('DESCRIPTION:' + '资'.repeat(30) + '\r\n') → 'DESCRIPTION:' + '资'.repeat(21) + '\r\n ' + '资'.repeat(9) + '\r\n'
 */
export function foldOctets(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      let out = '';
      let n = 0;
      for (const ch of line) {
        const cp = ch.codePointAt(0)!;
        const octets = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        // The first line holds 75 octets; a continuation line's leading space is one of its 75.
        if (n + octets > 75) {
          out += '\r\n ';
          n = 1;
        }
        out += ch;
        n += octets;
      }
      return out;
    })
    .join('\r\n');
}
