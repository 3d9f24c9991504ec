import { addDays } from '../../platform/domain/dates.js';

/** Day of week of a date, 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday on or before a date. */
export function mondayOf(date: string): string {
  return addDays(date, -weekday(date));
}

/** Mondays from the week of `from` through the week of `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = mondayOf(from); d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** First day of the month of a date. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Last day of the month of a date. */
export function monthEnd(date: string): string {
  const d = new Date(`${monthStart(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** First day of the month after the month of a date. */
export function nextMonthStart(date: string): string {
  return addDays(monthEnd(date), 1);
}

/** Months (first days) from the month of `from` through the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthStart(from); m <= to; m = nextMonthStart(m)) out.push(m);
  return out;
}

/** The next business day on or after a date. */
export function businessDayOnOrAfter(date: string): string {
  let d = date;
  while (weekday(d) > 4) d = addDays(d, 1);
  return d;
}

/** An ISO timestamp on a date at an hour (UTC). */
export function at(date: string, hour: number, minute = 0): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}

/** Months back from a date: the first day of the month `n` months earlier. */
export function monthsBefore(date: string, n: number): string {
  const d = new Date(`${monthStart(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
}
