// Vietnamese lunar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm for the meridian UTC+7.
// The Vietnamese calendar uses UTC+7 (since 1968); the Chinese one uses UTC+8, so a new moon shortly after 00:00
// (UTC+8) falls on the previous day in Vietnam — e.g. Tết 2007 is 17/02 in Vietnam, 18/02 in China, and in 1985 the
// leap month differs, putting Tết Ất Sửu on 21/01/1985 in Vietnam but 20/02/1985 in China.
//
// Method: the new-moon and sun-longitude formulas of Hồ Ngọc Đức ("Thuật toán tính âm lịch", after Jean Meeus,
// "Astronomical Algorithms", 1998). Month 11 is the month that contains the winter solstice; a lunar year with 13
// months between two months 11 takes as leap month (tháng nhuận) the first month with no major solar term (trung khí).
// All months of the supported range are tabulated once (lazily), so conversions are a binary search.
// New moons use the full series of Meeus ch. 49 (see newMoonDay). Before lunar year 1968 Vietnam used the Chinese
// (UTC+8) calendar; the default zone "vn" reproduces that switch, like Hồ Ngọc Đức's own published tables.

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

/**
 * Julian ephemeris day (TT) of the new moon with Meeus' lunation number `k` (k = 0: 2000-01-06), by the full series of
 * J. Meeus, "Astronomical Algorithms" (2nd ed.), chapter 49 (error below one minute in 1900–2100).
 */
function newMoonJde(k: number): number {
  const dr = PI / 180;
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3) * dr;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) * dr;
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) * dr;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * dr;
  const s = Math.sin;
  jde +=
    -0.4072 * s(Mp) +
    0.17241 * E * s(M) +
    0.01608 * s(2 * Mp) +
    0.01039 * s(2 * F) +
    0.00739 * E * s(Mp - M) -
    0.00514 * E * s(Mp + M) +
    0.00208 * E * E * s(2 * M) -
    0.00111 * s(Mp - 2 * F) -
    0.00057 * s(Mp + 2 * F) +
    0.00056 * E * s(2 * Mp + M) -
    0.00042 * s(3 * Mp) +
    0.00042 * E * s(M + 2 * F) +
    0.00038 * E * s(M - 2 * F) -
    0.00024 * E * s(2 * Mp - M) -
    0.00017 * s(Om) -
    0.00007 * s(Mp + 2 * M) +
    0.00004 * s(2 * Mp - 2 * F) +
    0.00004 * s(3 * M) +
    0.00003 * s(Mp + M - 2 * F) +
    0.00003 * s(2 * Mp + 2 * F) -
    0.00003 * s(Mp + M + 2 * F) +
    0.00003 * s(Mp - M + 2 * F) -
    0.00002 * s(Mp - M - 2 * F) -
    0.00002 * s(3 * Mp + M) +
    0.00002 * s(4 * Mp);
  // Planetary arguments A1..A14 and their coefficients (Meeus, p. 351).
  const A = [
    299.77 + 0.107408 * k - 0.009173 * T2,
    251.88 + 0.016321 * k,
    251.83 + 26.651886 * k,
    349.42 + 36.412478 * k,
    84.66 + 18.206239 * k,
    141.74 + 53.303771 * k,
    207.14 + 2.453732 * k,
    154.84 + 7.30686 * k,
    34.52 + 27.261239 * k,
    207.19 + 0.121824 * k,
    291.34 + 1.844379 * k,
    161.72 + 24.198154 * k,
    239.56 + 25.513099 * k,
    331.55 + 3.592518 * k,
  ];
  const C = [
    0.000325, 0.000165, 0.000164, 0.000126, 0.00011, 0.000062, 0.00006, 0.000056, 0.000047, 0.000042, 0.00004, 0.000037,
    0.000035, 0.000023,
  ];
  for (let i = 0; i < 14; i++) jde += C[i] * s(A[i] * dr);
  return jde;
}

/** ΔT = TT − UT in seconds (Espenak & Meeus polynomials, NASA eclipse site), valid for 1860–2150. */
function deltaTSeconds(y: number): number {
  if (y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y);
}

/** Lunations between Hồ Ngọc Đức's epoch (new moon of 1900-01-01) and Meeus' (2000-01-06). */
const HO_TO_MEEUS_K = 1237;

/**
 * Day (julian day number, local time zone) of the k-th new moon after 1900-01-01 13:52 UT (Hồ Ngọc Đức's numbering).
 * Hồ Ngọc Đức's published routine uses a shortened series; the full Meeus series is used here because the short one
 * misplaces a few new moons that fall within ~2 minutes of midnight (e.g. 09/12/2072 23:58 and 15/11/2077 23:59,
 * UTC+7), where his own precomputed tables agree with the full series.
 */
export function newMoonDay(k: number, timeZone: number): number {
  const jde = newMoonJde(k - HO_TO_MEEUS_K);
  const jdUt = jde - deltaTSeconds(2000 + (jde - 2451545) / 365.25) / 86400;
  return INT(jdUt + 0.5 + timeZone / 24);
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

/**
 * Lunar year from which Vietnam computes its calendar for UTC+7. Before it the Vietnamese calendar followed the
 * Chinese one (UTC+8); the switch made Tết Mậu Thân fall on 29/01/1968 in the North (30/01/1968 with UTC+8).
 * Hồ Ngọc Đức's published tables follow the same convention.
 */
export const UTC7_FROM_LUNAR_YEAR = 1968;

/** Zone selector: a fixed offset in hours, or "vn" = UTC+8 before lunar year 1968, UTC+7 from it. */
export type LunarZone = number | "vn";

function buildTable(months: LunarMonthInfo[]): Table {
  const starts = Int32Array.from(months, (m) => m.start);
  const index = new Map<string, number>();
  months.forEach((m, i) => {
    index.set(monthKey(m.year, m.month, m.leap), i);
  });
  return { months, starts, index };
}

function vietnamMonths(): LunarMonthInfo[] {
  const after = buildMonthTable(VIETNAM_TIME_ZONE).filter((m) => m.year >= UTC7_FROM_LUNAR_YEAR);
  const switchDay = after[0].start;
  const before = buildMonthTable(8).filter((m) => m.start < switchDay && m.year < UTC7_FROM_LUNAR_YEAR);
  const last = before[before.length - 1];
  before[before.length - 1] = { ...last, length: switchDay - last.start };
  return [...before, ...after];
}

function table(zone: LunarZone): Table {
  const key = zone === "vn" ? -1 : zone;
  let t = tables.get(key);
  if (!t) {
    t = buildTable(zone === "vn" ? vietnamMonths() : buildMonthTable(zone));
    tables.set(key, t);
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

/**
 * Converts a solar (Gregorian) date to the Vietnamese lunar date. `zone` defaults to "vn" (UTC+7 from lunar year 1968,
 * UTC+8 before); pass 7 or 8 for a single fixed zone (8 approximates the Chinese calendar).
 */
export function solarToLunar(date: IsoDate, zone: LunarZone = "vn"): LunarDate {
  if (!isIsoDate(date)) {
    throw new DomainError("invalid_date", "date", `Ngày không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
  }
  const dn = toDayNumber(date);
  if (dn < MIN_DN || dn > MAX_DN) throw rangeError("date");
  const m = findMonth(table(zone), dn);
  return { day: dn - m.start + 1, month: m.month, year: m.year, leap: m.leap };
}

/** The lunar month record (start, length, leap) containing a lunar date; undefined when the month does not exist. */
export function lunarMonthInfo(
  year: number,
  month: number,
  leap = false,
  zone: LunarZone = "vn",
): LunarMonthInfo | undefined {
  const t = table(zone);
  const i = t.index.get(monthKey(year, month, leap));
  return i === undefined ? undefined : t.months[i];
}

/** Leap month (1..12) of a lunar year, or 0 when the year has none. */
export function leapMonthOf(year: number, zone: LunarZone = "vn"): number {
  for (let m = 1; m <= 12; m++) if (lunarMonthInfo(year, m, true, zone)) return m;
  return 0;
}

/**
 * Converts a Vietnamese lunar date to the solar date. Throws DomainError (field "date" or "leap") when that lunar
 * date does not exist (leap month absent that year, day 30 of a 29-day month, …) or lies outside 1900–2100.
 */
export function lunarToSolar(
  l: { day: number; month: number; year: number; leap?: boolean },
  zone: LunarZone = "vn",
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
  const info = lunarMonthInfo(l.year, l.month, leap, zone);
  if (!info) {
    if (leap) {
      const actual = leapMonthOf(l.year, zone);
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
