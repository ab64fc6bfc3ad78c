// Địa danh và thời gian ban hành — Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4:
// "…, ngày … tháng … năm …"; days below 10 and months below 3 take a leading 0 ("ngày 05 tháng 02 năm 2026").
import { type IsoDate, parts } from "../../domain/shared/dates.ts";

export function formatDayVi(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function formatMonthVi(month: number): string {
  return month < 3 ? `0${month}` : String(month);
}

/** "ngày 05 tháng 3 năm 2026" (or blanks for a draft). */
export function dateWordsVi(date?: IsoDate): string {
  if (!date) return "ngày      tháng      năm      ";
  const { year, month, day } = parts(date);
  return `ngày ${formatDayVi(day)} tháng ${formatMonthVi(month)} năm ${year}`;
}

/** "Thanh Hóa, ngày 05 tháng 3 năm 2026". */
export function formatPlaceDate(place: string, date?: IsoDate): string {
  return `${place}, ${dateWordsVi(date)}`;
}
