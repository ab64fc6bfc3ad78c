// Plain calendar dates as "YYYY-MM-DD" strings and integer day numbers.
// Deadlines are whole days in Vietnam (UTC+7); using day numbers keeps every rule free of time zones.

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_RE.exec(date);
  if (!m) throw new RangeError(`Ngày không hợp lệ: "${date}" (cần dạng YYYY-MM-DD)`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** True when the string is a real calendar date in YYYY-MM-DD form (rejects 2024-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function ymd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_RE.exec(date);
  if (!m) throw new RangeError(`Ngày không hợp lệ: "${date}" (cần dạng YYYY-MM-DD)`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Vietnam's offset from UTC: +7 all year (no daylight saving since 1975). */
const VN_OFFSET_MS = 7 * 3600_000;

/**
 * The calendar date in Vietnam (Asia/Ho_Chi_Minh) of an instant, whatever the process time zone. Every date that is
 * stored, shown, printed or used as "today" goes through this (GLOSSARY: dates are Vietnam's dates).
 */
export function toVnDate(instant: Date | number | string): IsoDate {
  const t = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Vietnam (pass the clock's `now` in tests). */
export function todayVn(now: Date = new Date()): IsoDate {
  return toVnDate(now);
}

/** The current year in Vietnam (the default year of statistics and rankings). */
export function yearVn(now: Date = new Date()): number {
  return parts(todayVn(now)).year;
}

/** Vietnamese display form dd/mm/yyyy. */
export function formatVi(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** An instant as Vietnam's wall-clock time, "HH:mm dd/mm/yyyy". */
export function formatViDateTime(instant: Date): string {
  const iso = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  return `${iso.slice(11, 16)} ${formatVi(iso.slice(0, 10))}`;
}

const WEEKDAY_VI = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
export function weekdayVi(date: IsoDate): string {
  return WEEKDAY_VI[dayOfWeek(date)];
}
