/** Norwegian public holidays and working days (deadlines run in working days). */

/** Easter Sunday (anonymous Gregorian algorithm), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);

/** The Norwegian public holidays (helligdager and 1 and 17 May) of a year, as ISO dates. */
export function publicHolidays(year: number): Map<string, string> {
  const e = easterSunday(year);
  const days: [Date, string][] = [
    [new Date(Date.UTC(year, 0, 1)), 'New Year\'s Day'],
    [addDays(e, -3), 'Maundy Thursday'],
    [addDays(e, -2), 'Good Friday'],
    [e, 'Easter Sunday'],
    [addDays(e, 1), 'Easter Monday'],
    [new Date(Date.UTC(year, 4, 1)), 'Labour Day'],
    [new Date(Date.UTC(year, 4, 17)), 'Constitution Day'],
    [addDays(e, 39), 'Ascension Day'],
    [addDays(e, 49), 'Whit Sunday'],
    [addDays(e, 50), 'Whit Monday'],
    [new Date(Date.UTC(year, 11, 25)), 'Christmas Day'],
    [new Date(Date.UTC(year, 11, 26)), 'Boxing Day'],
  ];
  return new Map(days.map(([d, n]) => [iso(d), n]));
}

const cache = new Map<number, Map<string, string>>();
function isWorkingDay(d: Date): boolean {
  const wd = d.getUTCDay();
  if (wd === 0 || wd === 6) return false;
  const y = d.getUTCFullYear();
  if (!cache.has(y)) cache.set(y, publicHolidays(y));
  return !cache.get(y)!.has(iso(d));
}

/** The date `n` working days after `start` (an ISO date), skipping weekends and public holidays. */
export function addWorkingDays(start: string, n: number): string {
  let d = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an ISO date: ${start}`);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return iso(d);
}

const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Norway (Europe/Oslo) at an instant, as YYYY-MM-DD: deadlines and "today" are Norwegian dates, not UTC ones. */
export function osloDate(at: Date): string {
  return OSLO_DATE.format(at);
}
