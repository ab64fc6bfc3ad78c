// The working-day calendar of state agencies: weekly rest days + holidays (generated) + yearly notices (data).
import { dayOfWeek, type IsoDate, isIsoDate, parts, toDayNumber } from "../shared/dates.ts";
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

type YearCache = {
  entries: HolidayEntry[];
  byDate: Map<IsoDate, HolidayEntry[]>;
  /** Day number of 1 January. */
  start: number;
  /** 1 = working day, 0 = day off, indexed by day of year (0-based). */
  working: Uint8Array;
};

function yearStart(y: number): number {
  return Math.floor(Date.UTC(y, 0, 1) / 86_400_000);
}

function yearOfDayNumber(dn: number): number {
  let y = 1970 + Math.floor(dn / 365.2425);
  if (dn < yearStart(y)) y--;
  else if (dn >= yearStart(y + 1)) y++;
  return y;
}

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
        const same = byDate.get(e.date);
        if (same) same.push(e);
        else byDate.set(e.date, [e]);
      }
      const start = yearStart(y);
      const working = new Uint8Array(yearStart(y + 1) - start);
      for (let i = 0; i < working.length; i++) {
        const dow = (((start + i + 4) % 7) + 7) % 7; // 0 = Chủ nhật … 6 = Thứ Bảy
        working[i] = WEEKLY_REST.days.includes(dow) ? 0 : 1;
      }
      for (const [date, same] of byDate) {
        working[toDayNumber(date) - start] = same.some((e) => e.kind !== "swapped_work") ? 0 : 1;
      }
      c = { entries, byDate, start, working };
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
      const c = year(check(date));
      return c.working[toDayNumber(date) - c.start] === 1;
    },
    isWorkingDayNumber(dn: number): boolean {
      if (!Number.isInteger(dn)) {
        throw new DomainError("invalid_date", "date", `Số ngày không hợp lệ: ${String(dn)}.`);
      }
      const c = year(yearOfDayNumber(dn));
      return c.working[dn - c.start] === 1;
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
