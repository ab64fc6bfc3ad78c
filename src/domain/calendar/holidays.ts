// Public holidays (ngày nghỉ lễ, tết) and compensatory days off for state agencies, any year 1900–2100.
//
// Bộ luật Lao động 2019 (in force 01/01/2021), Điều 112 khoản 1: "Người lao động được nghỉ làm việc, hưởng nguyên lương
// trong những ngày lễ, tết sau đây: a) Tết Dương lịch: 01 ngày (ngày 01 tháng 01 dương lịch); b) Tết Âm lịch: 05 ngày;
// c) Ngày Chiến thắng: 01 ngày (ngày 30 tháng 4 dương lịch); d) Ngày Quốc tế lao động: 01 ngày (ngày 01 tháng 5 dương
// lịch); đ) Quốc khánh: 02 ngày (ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau); e) Ngày Giỗ Tổ Hùng
// Vương: 01 ngày (ngày 10 tháng 3 âm lịch)."
// Điều 111 khoản 3: "Nếu ngày nghỉ hằng tuần trùng với ngày nghỉ lễ, tết quy định tại khoản 1 Điều 112 của Bộ luật này
// thì người lao động được nghỉ bù ngày nghỉ hằng tuần vào ngày làm việc kế tiếp."
// Before 2021: Bộ luật Lao động 2012 (in force 01/5/2013), Điều 115 khoản 1 — same list but Quốc khánh 01 ngày (02/9);
// Điều 110 khoản 3 — same compensatory rule. Years before 2013 are generated with the 2012 rule and flagged unverified
// (the 1994 Code as amended, with 4 Tết days, is not encoded).
//
// The concrete Tết days and the second Quốc khánh day are fixed yearly (Điều 112 khoản 3); until a notice is known the
// generator uses the DEFAULTS below, flagged `unverified: true`. Official notices (notices.ts) replace them.
import { addDays, dayOfWeek, formatVi, type IsoDate, toDayNumber, weekdayVi, ymd } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { formatLunarDayMonthVi, lunarToSolar, solarToLunar } from "./lunar.ts";
import type { NoticeOffDay, YearNotice } from "./notices.ts";
import type { HolidayEntry, HolidayOccasion } from "./types.ts";

export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2100;

/** First year of Bộ luật Lao động 2019 (Quốc khánh 02 ngày). */
const BLLD_2019_FROM_YEAR = 2021;
/** First full year of Bộ luật Lao động 2012 (in force 01/5/2013). */
const BLLD_2012_FROM_YEAR = 2013;

export const OCCASION_NAMES: Record<HolidayOccasion, string> = {
  tet_duong_lich: "Tết Dương lịch",
  tet_am_lich: "Tết Âm lịch",
  chien_thang: "Ngày Chiến thắng",
  quoc_te_lao_dong: "Ngày Quốc tế Lao động",
  quoc_khanh: "Quốc khánh",
  gio_to_hung_vuong: "Giỗ Tổ Hùng Vương",
};

type Regime = {
  /** Citation prefix of the holiday list, e.g. "Bộ luật Lao động 2019, Điều 112 khoản 1". */
  list: string;
  /** Citation of the compensatory-day rule. */
  compensatory: string;
  quocKhanhDays: 1 | 2;
  /** True for years the regime is applied to without having been encoded for them. */
  unverified: boolean;
};

function regimeFor(year: number): Regime {
  if (year >= BLLD_2019_FROM_YEAR) {
    return {
      list: "Bộ luật Lao động 2019, Điều 112 khoản 1",
      compensatory: "Bộ luật Lao động 2019, Điều 111 khoản 3",
      quocKhanhDays: 2,
      unverified: false,
    };
  }
  return {
    list: "Bộ luật Lao động 2012, Điều 115 khoản 1",
    compensatory: "Bộ luật Lao động 2012, Điều 110 khoản 3",
    quocKhanhDays: 1,
    unverified: year < BLLD_2012_FROM_YEAR,
  };
}

/** Letter (điểm) of each occasion in Điều 112 khoản 1 BLLĐ 2019. */
const POINT_2019: Record<HolidayOccasion, string> = {
  tet_duong_lich: "a",
  tet_am_lich: "b",
  chien_thang: "c",
  quoc_te_lao_dong: "d",
  quoc_khanh: "đ",
  gio_to_hung_vuong: "e",
};

function statuteSource(year: number, occasion: HolidayOccasion): string {
  const r = regimeFor(year);
  return year >= BLLD_2019_FROM_YEAR ? `${r.list} điểm ${POINT_2019[occasion]}` : r.list;
}

function defaultSource(year: number, occasion: HolidayOccasion): string {
  return `${statuteSource(year, occasion)} (mặc định khi chưa có thông báo hằng năm)`;
}

/**
 * Default second Quốc khánh day (BLLĐ 2019 Điều 112 khoản 1 điểm đ: "01 ngày liền kề trước hoặc sau"), chosen by the
 * weekday of 02/9 so that the holiday joins the weekend, which is what the yearly notices did:
 *   Thứ Hai → 03/9 (2024: 02–03/9)   Thứ Ba → 01/9 (2025: 01–02/9)   Thứ Tư → 01/9 (no bridge either way; 2026 press)
 *   Thứ Năm → 03/9 (2021: 02–03/9)   Thứ Sáu → 01/9 (2022: 01–02/9)  Thứ Bảy → 01/9 (2023: 01–02/9, nghỉ bù 04/9)
 *   Chủ nhật → 03/9 (Thứ Hai; 02/9 then gives a compensatory day on Thứ Ba 04/9)
 * A documented default only — the yearly notice decides (Điều 112 khoản 3).
 */
export function defaultQuocKhanhAdjacentDay(year: number): IsoDate {
  const dow = dayOfWeek(ymd(year, 9, 2));
  // index: 0 = Chủ nhật … 6 = Thứ Bảy; value: day of September
  const day = [3, 3, 1, 1, 3, 1, 1][dow];
  return ymd(year, 9, day);
}

/** Name of a Tết day from its lunar date, e.g. "Tết Âm lịch (29 tháng Chạp)". */
function tetDayName(date: IsoDate): string {
  return `${OCCASION_NAMES.tet_am_lich} (${formatLunarDayMonthVi(solarToLunar(date))})`;
}

function occasionDayName(occasion: HolidayOccasion, date: IsoDate): string {
  switch (occasion) {
    case "tet_am_lich":
      return tetDayName(date);
    case "gio_to_hung_vuong":
      return `${OCCASION_NAMES.gio_to_hung_vuong} (10/3 âm lịch)`;
    case "quoc_khanh":
      return date.endsWith("-09-02") ? "Quốc khánh (02/9)" : `Quốc khánh (ngày liền kề ${formatVi(date).slice(0, 5)})`;
    case "tet_duong_lich":
      return "Tết Dương lịch (01/01)";
    case "chien_thang":
      return "Ngày Chiến thắng (30/4)";
    case "quoc_te_lao_dong":
      return "Ngày Quốc tế Lao động (01/5)";
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new DomainError(
      "calendar_out_of_range",
      "date",
      `Lịch ngày làm việc chỉ hỗ trợ các năm từ ${MIN_CALENDAR_YEAR} đến ${MAX_CALENDAR_YEAR} (nhận được: ${year}).`,
    );
  }
}

/**
 * Statutory holiday days of a year WITHOUT compensatory days and without notices: fixed solar days, Giỗ Tổ (10/3 âm
 * lịch), and the default Tết (the day before mùng 1 + mùng 1–4) and Quốc khánh (02/9 + default adjacent day).
 */
export function statutoryHolidays(year: number): HolidayEntry[] {
  checkYear(year);
  const r = regimeFor(year);
  const out: HolidayEntry[] = [];
  const push = (occasion: HolidayOccasion, date: IsoDate, isDefault: boolean) => {
    const e: HolidayEntry = {
      date,
      name: occasionDayName(occasion, date),
      kind: "holiday",
      source: isDefault ? defaultSource(year, occasion) : statuteSource(year, occasion),
      occasion,
    };
    if (isDefault || r.unverified) e.unverified = true;
    out.push(e);
  };
  push("tet_duong_lich", ymd(year, 1, 1), false);
  // Tết Âm lịch — default: ngày cuối năm âm lịch (29 hoặc 30 tháng Chạp) + mùng 1 đến mùng 4 tháng Giêng.
  const mung1 = lunarToSolar({ day: 1, month: 1, year });
  for (let i = -1; i <= 3; i++) push("tet_am_lich", addDays(mung1, i), true);
  push("gio_to_hung_vuong", lunarToSolar({ day: 10, month: 3, year }), false);
  push("chien_thang", ymd(year, 4, 30), false);
  push("quoc_te_lao_dong", ymd(year, 5, 1), false);
  push("quoc_khanh", ymd(year, 9, 2), false);
  if (r.quocKhanhDays === 2) push("quoc_khanh", defaultQuocKhanhAdjacentDay(year), true);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

function noticeEntry(notice: YearNotice, day: NoticeOffDay): HolidayEntry {
  const occasion = notice.occasions.length === 1 ? notice.occasions[0] : undefined;
  let name = day.name;
  if (!name) {
    if (day.kind === "holiday" && occasion) name = occasionDayName(occasion, day.date);
    else if (day.kind === "compensatory" && occasion) name = `Nghỉ bù ${OCCASION_NAMES[occasion]}`;
    else name = day.kind === "swapped_off" ? "Nghỉ hoán đổi ngày làm việc" : "Ngày nghỉ theo thông báo";
  }
  const e: HolidayEntry = { date: day.date, name, kind: day.kind, source: notice.source };
  if (occasion) e.occasion = occasion;
  if (!notice.verified) e.unverified = true;
  return e;
}

/**
 * Every entry of a year: statutory/default holidays, replaced occasion by occasion by the notices of that year,
 * plus the notices' swaps, plus compensatory days for generated holidays on a weekly rest day (Điều 111 khoản 3,
 * placed on the next Monday–Friday day that is not already off). Sorted by date.
 */
export function yearEntries(year: number, notices: readonly YearNotice[]): HolidayEntry[] {
  checkYear(year);
  const own = notices.filter((n) => n.year === year);
  const covered = new Set<HolidayOccasion>(own.flatMap((n) => n.occasions));
  const entries: HolidayEntry[] = statutoryHolidays(year).filter((e) => !e.occasion || !covered.has(e.occasion));
  const generated = [...entries];
  for (const n of own) {
    for (const d of n.off) entries.push(noticeEntry(n, d));
    for (const w of n.work) {
      const e: HolidayEntry = { date: w.date, name: w.name, kind: "swapped_work", source: n.source };
      if (!n.verified) e.unverified = true;
      entries.push(e);
    }
  }
  // Compensatory days for generated holidays falling on Saturday/Sunday.
  const off = new Set(entries.filter((e) => e.kind !== "swapped_work").map((e) => e.date));
  const comp = regimeFor(year).compensatory;
  for (const h of generated) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.add(d);
    const e: HolidayEntry = {
      date: d,
      name: `Nghỉ bù ${h.name} (trùng ${weekdayVi(h.date)} ${formatVi(h.date)})`,
      kind: "compensatory",
      source: comp,
    };
    if (h.occasion) e.occasion = h.occasion;
    if (h.unverified) e.unverified = true;
    entries.push(e);
  }
  return entries.sort((a, b) => toDayNumber(a.date) - toDayNumber(b.date) || kindOrder(a) - kindOrder(b));
}

const KIND_ORDER = { holiday: 0, compensatory: 1, swapped_off: 2, swapped_work: 3 } as const;
function kindOrder(e: HolidayEntry): number {
  return KIND_ORDER[e.kind];
}
