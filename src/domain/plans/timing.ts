// "Thời gian thực hiện" phrases → Schedule. Matching is on the normalized text (no diacritics, lower case), so
// "Hằng Quý", "hàng quý" and "HẰNG QUÝ" are the same; the original wording is kept in `text`.

import { isIsoDate, ymd } from "../shared/dates.ts";
import { parseAgencyList } from "./agencies.ts";
import { fold as normalizeVi } from "./fold.ts";
import { BUILTIN_ALIASES, type DocumentAliases, extractReferences } from "./references.ts";
import type { AgencyRef, PeriodSpec, PeriodUnit, Schedule } from "./types.ts";

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

export interface TimingOptions {
  aliases?: DocumentAliases;
}

function firstAgency(text: string): AgencyRef | undefined {
  const refs = parseAgencyList(text);
  if (refs.length === 0) return undefined;
  // The whole wording is the requester ("cơ quan THADS có vụ việc"), the role comes from its first agency.
  const ref: AgencyRef = { text: text.trim(), role: refs[0].role };
  return ref;
}

function recurring(
  norm: string,
): { unit: PeriodUnit; window: "first_month_of_next_period" | "first_month_of_period" | "within_period" } | null {
  let unit: PeriodUnit | null = null;
  if (
    /\b(?:6|sau) thang (?:mot lan|\/ lan|1 lan)|\bdinh ky (?:6|sau) thang|\bhang (?:6|sau) thang|\bmoi (?:6|sau) thang|\bnua nam mot lan/.test(
      norm,
    )
  )
    unit = "half_year";
  else if (/\b(?:hang|moi) quy\b|\bdinh ky (?:hang )?quy\b|\btung quy\b/.test(norm)) unit = "quarter";
  else if (/\b(?:hang|moi) thang\b|\bdinh ky (?:hang )?thang\b/.test(norm)) unit = "month";
  else if (/\b(?:hang|moi) nam\b|\bdinh ky (?:hang )?nam\b/.test(norm)) unit = "year";
  if (!unit) return null;
  const firstMonth = /\bthang dau tien\b|\bthang dau\b/.test(norm);
  const next = /\bky tiep theo\b|\bky sau\b|\bquy (?:tiep theo|sau)\b|\bnam (?:tiep theo|sau)\b/.test(norm);
  if (firstMonth && next) return { unit, window: "first_month_of_next_period" };
  if (firstMonth) return { unit, window: "first_month_of_period" };
  return { unit, window: "within_period" };
}

/** "Quý II, III năm 2024", "6 tháng đầu năm 2024", "tháng 3/2024", "Năm 2024" at the start of the phrase. */
function datedPeriods(norm: string): { periods: PeriodSpec[]; byDate?: string } | null {
  const yearM = /\bnam (\d{4})\b/.exec(norm) ?? /\b(?:thang \d{1,2}|quy [iv1-4]+) (\d{4})\b/.exec(norm);
  const year = yearM ? Number(yearM[1]) : null;
  const periods: PeriodSpec[] = [];
  const quarterRe = /\bquy ((?:iv|i{1,3}|[1-4])(?: (?:va |den )?(?:iv|i{1,3}|[1-4])\b)*)/g;
  for (let m = quarterRe.exec(norm); m !== null; m = quarterRe.exec(norm)) {
    for (const tok of m[1].split(" ")) if (tok in ROMAN) periods.push({ unit: "quarter", year, index: ROMAN[tok] });
  }
  if (periods.length === 0) {
    const half = /\b6 thang (dau|cuoi)(?: nam)?\b/.exec(norm);
    if (half) periods.push({ unit: "half_year", year, index: half[1] === "dau" ? 1 : 2 });
  }
  if (periods.length === 0) {
    const monthRe = /\bthang (\d{1,2})\b(?!\s*(?:mot lan|lan))/g;
    for (let m = monthRe.exec(norm); m !== null; m = monthRe.exec(norm)) {
      const n = Number(m[1]);
      if (n >= 1 && n <= 12) periods.push({ unit: "month", year, index: n });
    }
  }
  let byDate: string | undefined;
  const d = /\b(?:truoc|cham nhat|han|den) (?:ngay )?(\d{1,2}) (\d{1,2}) (\d{4})\b/.exec(norm);
  if (d) {
    const [dd, mm, yy] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) byDate = ymd(yy, mm, dd);
  }
  if (periods.length === 0 && year !== null && /^(?:trong )?nam \d{4}\b/.test(norm)) {
    periods.push({ unit: "year", year, index: 1 });
  }
  if (periods.length === 0 && !byDate) return null;
  // Dedupe (e.g. "Quý II và Quý II").
  const seen = new Set<string>();
  const uniq = periods.filter((p) => {
    const k = `${p.unit}${p.year}${p.index}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { periods: uniq, byDate };
}

/** The first day/month/year written in `text` that is not on the calendar ("31/02/2025", "15/13/2025"), as written:
 * such a deadline must be corrected by a person, never guessed or dropped silently. */
export function impossibleDateIn(text: string): string | null {
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/gu)) {
    if (!isIsoDate(ymd(Number(m[3]), Number(m[2]), Number(m[1])))) return m[0];
  }
  return null;
}

/**
 * Parses a timing phrase. Never throws; an unknown phrase gives `{ kind: "unparsed" }` (the importer warns).
 * Order matters: "Năm 2024 (… theo yêu cầu của Bộ Tư pháp)" is dated, not on request, because it starts with a period.
 */
export function parseTiming(raw: string, options: TimingOptions = {}): Schedule {
  const text = raw
    .trim()
    .replace(/[.;]+$/u, "")
    .trim();
  const norm = normalizeVi(text);
  if (norm.length === 0) return { kind: "unparsed", text };
  const impossible = impossibleDateIn(text);
  if (impossible) return { kind: "unparsed", text, impossible_date: impossible };
  if (/^(?:thuc hien )?thuong xuyen\b|^lien tuc\b/.test(norm)) return { kind: "continuous", text };

  const rec = recurring(norm);
  if (rec) return { kind: "recurring", text, ...rec };

  const startsWithPeriod = /^(?:trong )?(?:nam \d{4}|quy [iv1-4]|6 thang (?:dau|cuoi)|thang \d{1,2}|truoc ngay)/.test(
    norm,
  );
  if (startsWithPeriod) {
    const dated = datedSchedule(text, norm);
    if (dated) return dated;
  }

  if (/^tren co so (?:cac )?danh muc\b/.test(norm)) {
    const list = /phuc tap|ton dong|keo dai/.test(norm) ? "complex_backlogged_prolonged" : "claims";
    return { kind: "event", text, trigger: { type: "case_list", list } };
  }

  if (/^khi co can cu\b/.test(norm)) {
    const ground = /^khi co can cu (?:de )?theo doi\b/.test(norm)
      ? "monitoring"
      : /^khi co can cu (?:de )?(?:don doc)\b/.test(norm)
        ? "urging"
        : "other";
    const refs = extractReferences(text, options.aliases ?? new Map(BUILTIN_ALIASES));
    const trigger: Schedule & { kind: "event" } = { kind: "event", text, trigger: { type: "ground", ground } };
    if (refs[0] && trigger.trigger.type === "ground") {
      trigger.trigger.reference = refs[0];
      const after = text.slice(text.indexOf(refs[0].text) + refs[0].text.length).trim();
      if (after) trigger.trigger.condition = after.replace(/^[,\s]+/u, "");
    }
    return trigger;
  }

  if (/^(?:khi co|theo) (?:yeu cau|de nghi)\b|^khi (?:phat sinh|co vu viec|duoc yeu cau)\b/.test(norm)) {
    const trigger: { type: "request"; from?: AgencyRef; planned?: boolean } = { type: "request" };
    const of = /^(?:Khi có|Theo)\s+(?:yêu cầu|đề nghị)\s+của\s+(.+)$/iu.exec(text);
    if (of) {
      const from = firstAgency(of[1]);
      trigger.from = from ?? { text: of[1].trim(), role: null };
    }
    if (/\btheo ke hoach\b/.test(norm)) trigger.planned = true;
    return { kind: "event", text, trigger };
  }

  const dated = datedSchedule(text, norm);
  if (dated) return dated;
  return { kind: "unparsed", text };
}

function datedSchedule(text: string, norm: string): Schedule | null {
  const p = datedPeriods(norm);
  if (!p) return null;
  const schedule: Schedule & { kind: "dated" } = { kind: "dated", text, periods: p.periods };
  if (p.byDate) schedule.by_date = p.byDate;
  const paren = /\(([^()]+)\)/u.exec(text);
  if (paren) {
    schedule.note = paren[1].trim();
    const req = /theo (?:yêu cầu|đề nghị) của\s+(.+)$/iu.exec(paren[1]);
    if (req) {
      const from = firstAgency(req[1]);
      if (from) schedule.requested_by = from;
    }
  }
  return schedule;
}
