// Vietnamese lunar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm for the meridian UTC+7.
// The Vietnamese calendar uses UTC+7 (since 1968); the Chinese one uses UTC+8, so a new moon shortly after 00:00
// (UTC+8) falls on the previous day in Vietnam — e.g. Tết 2007 is 17/02 in Vietnam, 18/02 in China, and in 1985 the
// leap month differs, putting Tết Ất Sửu on 21/01/1985 in Vietnam but 20/02/1985 in China.
//
// Method: the new-moon and sun-longitude formulas of Hồ Ngọc Đức ("Thuật toán tính âm lịch", after Jean Meeus,
// "Astronomical Algorithms", 1998). Month 11 is the month that contains the winter solstice; a lunar year with 13
// months between two months 11 takes as leap month (tháng nhuận) the first month with no major solar term (trung khí).
// All months of the supported range are tabulated once (lazily), so conversions are a binary search.

import { fromDayNumber, type IsoDate, isIsoDate, toDayNumber } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import type { LunarDate } from "./types.ts";

/** Time zone of the Vietnamese calendar, hours east of UTC. */
export const VIETNAM_TIME_ZONE = 7;
/** Supported solar range (inclusive). */
export const LUNAR_MIN_DATE: IsoDate = "1900-01-31"; // mùng 1 tháng Giêng Canh Tý 1900
export const LUNAR_MAX_DATE: IsoDate = "2100-12-31";

const PI = Math.PI;
const INT = Math.floor;
/** Julian day number of 1970-01-01 (day number 0 in shared/dates.ts). */
const JD_UNIX_EPOCH = 2_440_588;

// ---- Hồ Ngọc Đức's astronomical functions (julian day numbers) ----

function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
}

/** Day (julian day number, local time zone) of the k-th new moon after 1900-01-01 13:51 GMT. */
export function newMoonDay(k: number, timeZone: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltat =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  const jdNew = jd1 + C1 - deltat;
  return INT(jdNew + 0.5 + timeZone / 24);
}

/** Sector (0..11, 30° each) of the sun's longitude at the start (local midnight) of julian day `jdn`. */
function sunLongitudeSector(jdn: number, timeZone: number): number {
  const T = (jdn - 2451545.5 - timeZone / 24) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - PI * 2 * INT(L / (PI * 2));
  return INT((L / PI) * 6);
}

/** Julian day number of the first day of lunar month 11 that contains the winter solstice of solar year `yy`. */
function lunarMonth11(yy: number, timeZone: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / 29.530588853);
  let nm = newMoonDay(k, timeZone);
  if (sunLongitudeSector(nm, timeZone) >= 9) nm = newMoonDay(k - 1, timeZone);
  return nm;
}

/** Offset (in months after month 11 starting at a11) of the leap month in a 13-month year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last = 0;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

// ---- Month table ----

/** One lunar month: first day (day number since 1970-01-01), length, number, leap flag, lunar year. */
export type LunarMonthInfo = { start: number; length: number; month: number; year: number; leap: boolean };

type Table = { months: LunarMonthInfo[]; starts: Int32Array; index: Map<string, number> };

const tables = new Map<number, Table>();

function monthKey(year: number, month: number, leap: boolean): string {
  return `${year}-${month}${leap ? "L" : ""}`;
}

/**
 * Builds the list of lunar months from month 11 of 1898 to month 11 of 2101 (covers 1900–2100 with margin).
 * Exported for tests and for comparing time zones (7 = Vietnam, 8 = China).
 */
export function buildMonthTable(timeZone: number, fromYear = 1898, toYear = 2101): LunarMonthInfo[] {
  const months: LunarMonthInfo[] = [];
  for (let yy = fromYear; yy < toYear; yy++) {
    const a11 = lunarMonth11(yy, timeZone);
    const b11 = lunarMonth11(yy + 1, timeZone);
    const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
    const leapYear = b11 - a11 > 365;
    const leapOff = leapYear ? leapMonthOffset(a11, timeZone) : -1;
    const count = leapYear ? 13 : 12;
    for (let off = 0; off < count; off++) {
      const start = newMoonDay(k + off, timeZone);
      const next = off + 1 < count ? newMoonDay(k + off + 1, timeZone) : b11;
      // Month number: 11, 12, 1, 2, … ; from the leap month on, numbers lag by one.
      const ordinal = leapYear && off >= leapOff ? off - 1 : off;
      const month = ((10 + ordinal) % 12) + 1;
      const leap = leapYear && off === leapOff;
      // Months 11 and 12 (and a leap 11/12) belong to the lunar year that began in solar year yy.
      const year = month >= 11 ? yy : yy + 1;
      months.push({ start: start - JD_UNIX_EPOCH, length: next - start, month, year, leap });
    }
  }
  return months;
}

function table(timeZone: number): Table {
  let t = tables.get(timeZone);
  if (!t) {
    const months = buildMonthTable(timeZone);
    const starts = Int32Array.from(months, (m) => m.start);
    const index = new Map<string, number>();
    months.forEach((m, i) => {
      index.set(monthKey(m.year, m.month, m.leap), i);
    });
    t = { months, starts, index };
    tables.set(timeZone, t);
  }
  return t;
}

function findMonth(t: Table, dayNumber: number): LunarMonthInfo {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid] <= dayNumber) lo = mid;
    else hi = mid - 1;
  }
  return t.months[lo];
}

const MIN_DN = toDayNumber(LUNAR_MIN_DATE);
const MAX_DN = toDayNumber(LUNAR_MAX_DATE);

function rangeError(field: string): DomainError {
  return new DomainError(
    "lunar_out_of_range",
    field,
    `Ngày nằm ngoài phạm vi lịch âm được hỗ trợ (từ 31/01/1900 đến 31/12/2100).`,
  );
}

// ---- Public API ----

/** Converts a solar (Gregorian) date to the Vietnamese lunar date. `timeZone` defaults to 7 (Vietnam). */
export function solarToLunar(date: IsoDate, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  if (!isIsoDate(date)) {
    throw new DomainError("invalid_date", "date", `Ngày không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
  }
  const dn = toDayNumber(date);
  if (dn < MIN_DN || dn > MAX_DN) throw rangeError("date");
  const m = findMonth(table(timeZone), dn);
  return { day: dn - m.start + 1, month: m.month, year: m.year, leap: m.leap };
}

/** The lunar month record (start, length, leap) containing a lunar date; undefined when the month does not exist. */
export function lunarMonthInfo(
  year: number,
  month: number,
  leap = false,
  timeZone: number = VIETNAM_TIME_ZONE,
): LunarMonthInfo | undefined {
  const t = table(timeZone);
  const i = t.index.get(monthKey(year, month, leap));
  return i === undefined ? undefined : t.months[i];
}

/** Leap month (1..12) of a lunar year, or 0 when the year has none. */
export function leapMonthOf(year: number, timeZone: number = VIETNAM_TIME_ZONE): number {
  for (let m = 1; m <= 12; m++) if (lunarMonthInfo(year, m, true, timeZone)) return m;
  return 0;
}

/**
 * Converts a Vietnamese lunar date to the solar date. Throws DomainError (field "date" or "leap") when that lunar
 * date does not exist (leap month absent that year, day 30 of a 29-day month, …) or lies outside 1900–2100.
 */
export function lunarToSolar(
  l: { day: number; month: number; year: number; leap?: boolean },
  timeZone: number = VIETNAM_TIME_ZONE,
): IsoDate {
  const leap = l.leap === true;
  if (!Number.isInteger(l.year) || !Number.isInteger(l.month) || !Number.isInteger(l.day)) {
    throw new DomainError("invalid_lunar_date", "date", "Ngày âm lịch phải gồm ngày, tháng, năm là số nguyên.");
  }
  if (l.month < 1 || l.month > 12) {
    throw new DomainError("invalid_lunar_date", "date", `Tháng âm lịch ${l.month} không hợp lệ (từ 1 đến 12).`);
  }
  if (l.day < 1 || l.day > 30) {
    throw new DomainError("invalid_lunar_date", "date", `Ngày âm lịch ${l.day} không hợp lệ (từ 1 đến 30).`);
  }
  if (l.year < 1899 || l.year > 2100) throw rangeError("date");
  const info = lunarMonthInfo(l.year, l.month, leap, timeZone);
  if (!info) {
    if (leap) {
      const actual = leapMonthOf(l.year, timeZone);
      throw new DomainError(
        "invalid_lunar_date",
        "leap",
        actual === 0
          ? `Năm âm lịch ${l.year} không có tháng nhuận.`
          : `Năm âm lịch ${l.year} không có tháng ${l.month} nhuận (tháng nhuận của năm này là tháng ${actual}).`,
      );
    }
    throw rangeError("date");
  }
  if (l.day > info.length) {
    throw new DomainError(
      "invalid_lunar_date",
      "date",
      `Tháng ${l.month}${leap ? " nhuận" : ""} năm âm lịch ${l.year} chỉ có ${info.length} ngày, không có ngày ${l.day}.`,
    );
  }
  const dn = info.start + l.day - 1;
  if (dn < MIN_DN || dn > MAX_DN) throw rangeError("date");
  return fromDayNumber(dn);
}

const MONTH_NAMES_VI = [
  "",
  "tháng Giêng",
  "tháng Hai",
  "tháng Ba",
  "tháng Tư",
  "tháng Năm",
  "tháng Sáu",
  "tháng Bảy",
  "tháng Tám",
  "tháng Chín",
  "tháng Mười",
  "tháng Mười một",
  "tháng Chạp",
];
const CAN = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
const CHI = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

/** Can Chi name of a lunar year, e.g. 2024 → "Giáp Thìn", 2025 → "Ất Tỵ". */
export function canChiOfYear(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}

/** Vietnamese text of a lunar date, e.g. "mùng 1 tháng Giêng năm Giáp Thìn", "29 tháng Chạp năm Quý Mão". */
export function formatLunarVi(l: LunarDate): string {
  const day = l.day <= 10 ? `mùng ${l.day}` : String(l.day);
  return `${day} ${MONTH_NAMES_VI[l.month]}${l.leap ? " nhuận" : ""} năm ${canChiOfYear(l.year)}`;
}

/** Solar date of mùng 1 tháng Giêng (Tết Nguyên đán) of lunar year `year`. */
export function tetDate(year: number): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year });
}

/** Day and month of a lunar date in Vietnamese, e.g. "mùng 1 tháng Giêng", "30 tháng Chạp", "10 tháng Ba". */
export function formatLunarDayMonthVi(l: LunarDate): string {
  const day = l.day <= 10 ? `mùng ${l.day}` : String(l.day);
  return `${day} ${MONTH_NAMES_VI[l.month]}${l.leap ? " nhuận" : ""}`;
}
