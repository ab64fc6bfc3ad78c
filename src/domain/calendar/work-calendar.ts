// The working-day calendar of state agencies: weekly rest days + holidays (generated) + yearly notices (data).
import { dayOfWeek, type IsoDate, isIsoDate, parts } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { yearEntries } from "./holidays.ts";
import { OFFICIAL_NOTICES, type YearNotice } from "./notices.ts";
import type { HolidayEntry, WorkCalendar } from "./types.ts";

/**
 * Weekly rest days of state agencies: Saturday and Sunday (40-hour week, Monday–Friday).
 * Basis: Quyết định 188/1999/QĐ-TTg — UNCONFIRMED (legal-brief §0 and legal-addendum "Still UNCONFIRMED": not re-read).
 * A Saturday made a working day by a yearly swap (kind "swapped_work") is a working day.
 */
export const WEEKLY_REST = {
  days: [6, 0] as readonly number[],
  source: "Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ)",
  confidence: "unverified" as const,
};

/** Vietnamese reason for a weekly rest day, e.g. "Thứ Bảy (ngày nghỉ hằng tuần)". */
export function weeklyRestName(date: IsoDate): string {
  return dayOfWeek(date) === 6 ? "Thứ Bảy (ngày nghỉ hằng tuần)" : "Chủ nhật (ngày nghỉ hằng tuần)";
}

export function isWeeklyRestDay(date: IsoDate): boolean {
  return WEEKLY_REST.days.includes(dayOfWeek(date));
}

type YearCache = { entries: HolidayEntry[]; byDate: Map<IsoDate, HolidayEntry[]> };

/**
 * Creates a calendar. `notices` REPLACES the built-in list (OFFICIAL_NOTICES) when given: pass `[]` for the bare
 * statutory generator, or `[...OFFICIAL_NOTICES, extraRow]` to add a year. Each year is computed once and cached.
 */
export function createWorkCalendar(options?: { notices?: readonly YearNotice[] }): WorkCalendar {
  const notices = options?.notices ?? OFFICIAL_NOTICES;
  const cache = new Map<number, YearCache>();

  function year(y: number): YearCache {
    let c = cache.get(y);
    if (!c) {
      const entries = yearEntries(y, notices);
      const byDate = new Map<IsoDate, HolidayEntry[]>();
      for (const e of entries) {
        const list = byDate.get(e.date);
        if (list) list.push(e);
        else byDate.set(e.date, [e]);
      }
      c = { entries, byDate };
      cache.set(y, c);
    }
    return c;
  }

  function check(date: IsoDate): number {
    if (!isIsoDate(date)) {
      throw new DomainError("invalid_date", "date", `Ngày không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
    }
    return parts(date).year;
  }

  return {
    isWorkingDay(date: IsoDate): boolean {
      const list = year(check(date)).byDate.get(date);
      if (list) {
        if (list.some((e) => e.kind !== "swapped_work")) return false;
        return true; // only swapped_work entries: a weekend day made a working day
      }
      return !isWeeklyRestDay(date);
    },
    entriesOn(date: IsoDate): HolidayEntry[] {
      return [...(year(check(date)).byDate.get(date) ?? [])];
    },
    holidays(y: number): HolidayEntry[] {
      return [...year(y).entries];
    },
  };
}

/** Calendar with the built-in official notices (OFFICIAL_NOTICES). */
export const defaultCalendar: WorkCalendar = createWorkCalendar();
