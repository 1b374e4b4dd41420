/** The core's only source of time, so tests can fix it (lockouts, timestamps, case numbers). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** ISO-8601 in UTC, to the millisecond: the storage format of every timestamp. */
export const isoNow = (clock: Clock): string => clock.now().toISOString();

/** The calendar year in China (UTC+8), which numbers cases whatever the machine's time zone. */
export const chinaYear = (d: Date): number =>
  Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(d));
