// Display formats: dates dd/mm/yyyy, money in đồng (VND), timestamps in Vietnam time. "Today" and "this year" are
// Vietnam's (Asia/Ho_Chi_Minh), whatever the browser's time zone.
import dayjs, { type Dayjs } from "dayjs";

/**
 * "2024-03-05" → "05/03/2024"; a timestamp ("2026-12-04T18:22:00Z") → its date in Vietnam ("05/12/2026"), whatever
 * the browser's time zone; empty for null.
 */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const day = iso.length > 10 && iso[10] === "T" ? vnDateOf(iso) : iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The calendar date in Vietnam (UTC+7 all year) of an instant, as YYYY-MM-DD. */
function vnDateOf(instant: string | Date): string {
  const t = new Date(instant).getTime();
  return Number.isNaN(t) ? String(instant) : new Date(t + 7 * 3600_000).toISOString().slice(0, 10);
}

/** ISO timestamp → "05/03/2024 14:30" in Asia/Ho_Chi_Minh. */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(d);
  const g = (t: string) => p.find((x) => x.type === t)?.value ?? "";
  return `${g("day")}/${g("month")}/${g("year")} ${g("hour")}:${g("minute")}`;
}

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 });
/** 1234567 → "1.234.567 ₫". */
export function fmtMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : vnd.format(n);
}

/** Today in Vietnam as YYYY-MM-DD (the browser's clock, Vietnam's calendar). */
export function todayVn(now = new Date()): string {
  return vnDateOf(now);
}

/** The current year in Vietnam (from 17:00 UTC on 31/12 it is already the next year). */
export function yearVn(now = new Date()): number {
  return Number(todayVn(now).slice(0, 4));
}

/** Today in Vietnam as a dayjs date (for date pickers' defaults and "not after today" checks). */
export function todayVnDayjs(): Dayjs {
  return dayjs(todayVn());
}

/** Removes Vietnamese diacritics (for client-side filtering of small lists): "Thanh Hóa" → "thanh hoa". */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** Whether every word typed is somewhere in `folded` (already folded): "thi hanh an thanh hoa" finds "Thi hành án dân
 * sự tỉnh Thanh Hóa", which a search for the whole phrase missed. */
export function hasWords(folded: string, typed: string): boolean {
  return fold(typed)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => folded.includes(w));
}
