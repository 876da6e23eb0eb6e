/**
 * "Today" for the site: the day amounts are shown for. It is the build date in China (Asia/Shanghai,
 * UTC+8 all year, no daylight saving), as `YYYY-MM-DD`.
 *
 *   today()                                   → '2026-11-29' (build machine clock, China date)
 *   ZZ_TODAY=2025-02-28 npm run build          → every page shows the amounts in force on 2025-02-28
 *   today({ override: '2024-09-01' })          → '2024-09-01' (tests)
 *   today({ now: new Date('2026-11-29T17:00:00Z') }) → '2026-11-30' (already the next day in China)
 *
 * Pure apart from reading `process.env.ZZ_TODAY` when no option is given; safe to import in browser
 * code (it checks that `process` exists).
 */

const ISO = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface TodayOptions {
  /** A fixed day `YYYY-MM-DD`; defaults to the environment variable ZZ_TODAY when that is set. */
  override?: string;
  /** The clock; defaults to `new Date()`. */
  now?: Date;
}

/** Whether `s` is a real calendar day written `YYYY-MM-DD` (2025-02-30 is not). */
export function isIsoDay(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1;
}

/** The China calendar day of an instant, `YYYY-MM-DD`. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Today's date in China (or the override), `YYYY-MM-DD`.
 * @throws Error with a Chinese message when the override (or ZZ_TODAY) is not a real `YYYY-MM-DD` day.
 */
export function today(options: TodayOptions = {}): string {
  const env = typeof process !== 'undefined' ? process.env?.ZZ_TODAY : undefined;
  const override = options.override ?? (env && env.trim() !== '' ? env.trim() : undefined);
  if (override !== undefined) {
    if (!isIsoDay(override)) throw new Error(`ZZ_TODAY 要写成真实存在的日期 YYYY-MM-DD，现在是「${override}」`);
    return override;
  }
  return chinaDay(options.now ?? new Date());
}
