// Contract of the calendar module, shared by claims/, routing/ and the adapters.
import type { IsoDate } from "../shared/dates.ts";

export type LunarDate = { day: number; month: number; year: number; leap: boolean };

/** Why a day is off (or, for swapped_work, why a weekend day is worked). */
export type HolidayKind = "holiday" | "compensatory" | "swapped_off" | "swapped_work";

export type HolidayEntry = {
  date: IsoDate;
  /** Vietnamese name, e.g. "Tết Âm lịch (mùng 1)". */
  name: string;
  kind: HolidayKind;
  /** Legal source, e.g. "Bộ luật Lao động 2019, Điều 112 khoản 1" or "Thông báo 6150/TB-LĐTBXH (03/12/2024)". */
  source: string;
  /** Which statutory occasion the entry belongs to (absent for a pure swap). */
  occasion?: HolidayOccasion;
  /**
   * True when the day is not confirmed by an official yearly notice read by us: a generated default for Tết Âm lịch or
   * the second Quốc khánh day, or a notice row marked unverified. Absent/false = statutory fixed day or confirmed notice.
   */
  unverified?: boolean;
};

/** Statutory holiday occasions (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a–đ). */
export type HolidayOccasion =
  | "tet_duong_lich"
  | "tet_am_lich"
  | "chien_thang"
  | "quoc_te_lao_dong"
  | "quoc_khanh"
  | "gio_to_hung_vuong";

export type PeriodUnit = "working_days" | "calendar_days" | "months" | "years";

/** One line of a "why this date" explanation. `date` is set when the line is about one day. */
export type ExplanationStep = {
  rule: "start" | "count" | "skip" | "rollover" | "end" | "note";
  date?: IsoDate;
  text: string;
  source?: string;
  /** The step rests on data not yet checked against its source (e.g. a holiday not in an official notice yet):
   * screens mark it and show one legend per explanation, never a note in the text. */
  unverified?: true;
};

export type ComputedDate = { date: IsoDate; explanation: ExplanationStep[] };

/** A working-day calendar: weekends, generated holidays and the yearly official notices merged. */
export interface WorkCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** Entries that make this day off (or make a weekend day a working day); empty for an ordinary day. */
  entriesOn(date: IsoDate): HolidayEntry[];
  /** Every entry of a year, sorted by date. */
  holidays(year: number): HolidayEntry[];
  /** Optional fast path: same as isWorkingDay for a day number (days since 1970-01-01, see shared/dates.ts). */
  isWorkingDayNumber?(dayNumber: number): boolean;
}
