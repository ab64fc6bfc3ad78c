// Change-impact preview (administration): which OPEN deadlines move if a calendar notice row or a legal parameter
// change were saved. Pure: both calendars / parameter tables and the "as of" day are parameters; nothing is stored.
// The deadlines themselves come from computeDeadlines (the law-as-code table); this only compares two runs of it.

import { OFFICIAL_NOTICES, type YearNotice } from "../calendar/notices.ts";
import type { HolidayKind, WorkCalendar } from "../calendar/types.ts";
import { createWorkCalendar } from "../calendar/work-calendar.ts";
import {
  type LawCode,
  LEGAL_PARAMETERS,
  type LegalParameter,
  parameterFor,
  type StepKey,
} from "../legal/parameters.ts";
import { type IsoDate, isIsoDate, parts, toDayNumber } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import type { Deadline } from "./deadlines/types.ts";
import { computeDeadlines } from "./deadlines.ts";
import type { ClaimHistory } from "./events.ts";

export type ImpactClaim = { id: string; code?: string; history: ClaimHistory };

/** One side of the comparison: a calendar and (optionally) a parameter table (default LEGAL_PARAMETERS). */
export type ImpactSide = { calendar: WorkCalendar; parameters?: readonly LegalParameter[] };

export type DeadlineMove = {
  claim_id: string;
  claim_code?: string;
  step: StepKey;
  variant?: string;
  label: string;
  basis: string;
  from_date: IsoDate;
  old_due: IsoDate;
  new_due: IsoDate;
  /** new_due − old_due in calendar days (positive = later). */
  shift_days: number;
  /** Status of the deadline under the current rules as of asOf: open or overdue. */
  status: "open" | "overdue";
};

// Matched by step, variant and the event counted from, in order of occurrence — not by the counted-from date, which
// itself moves for derived anchors (the verification report counts from the end of verification).
const key = (d: Deadline) => `${d.step}|${d.variant ?? ""}|${d.from_event}`;

/**
 * Deadlines that are not done (status open or overdue as of `asOf` under the CURRENT rules) and whose due date is
 * different under the PROPOSED rules. Deadlines are matched by (step, variant, counted-from event) in order.
 * A claim whose history cannot be replayed is skipped (it has no lawful deadlines to move).
 */
export function deadlineImpact(
  claims: readonly ImpactClaim[],
  current: ImpactSide,
  proposed: ImpactSide,
  asOf: IsoDate,
): DeadlineMove[] {
  if (!isIsoDate(asOf))
    throw new DomainError("invalid_date", "as_of", `as_of: ngày không hợp lệ "${String(asOf)}" (cần dạng YYYY-MM-DD)`);
  const out: DeadlineMove[] = [];
  for (const c of claims) {
    let before: Deadline[];
    let after: Deadline[];
    try {
      before = computeDeadlines(c.history, current.calendar, asOf, { parameters: current.parameters }).deadlines;
      after = computeDeadlines(c.history, proposed.calendar, asOf, { parameters: proposed.parameters }).deadlines;
    } catch (e) {
      if (e instanceof DomainError) continue;
      throw e;
    }
    const next = new Map<string, Deadline[]>();
    for (const d of after) {
      const l = next.get(key(d));
      if (l) l.push(d);
      else next.set(key(d), [d]);
    }
    for (const d of before) {
      const match = next.get(key(d))?.shift();
      if (d.status !== "open" && d.status !== "overdue") continue;
      if (!match || match.due === d.due) continue;
      out.push({
        claim_id: c.id,
        ...(c.code ? { claim_code: c.code } : {}),
        step: d.step,
        ...(d.variant ? { variant: d.variant } : {}),
        label: d.label,
        basis: match.basis,
        from_date: d.from_date,
        old_due: d.due,
        new_due: match.due,
        shift_days: toDayNumber(match.due) - toDayNumber(d.due),
        status: d.status,
      });
    }
  }
  return out.sort((a, b) =>
    a.old_due !== b.old_due
      ? a.old_due < b.old_due
        ? -1
        : 1
      : (a.claim_code ?? a.claim_id) < (b.claim_code ?? b.claim_id)
        ? -1
        : 1,
  );
}

// ---- building the proposed side ---------------------------------------------------------------------------------------

/** A proposed extra notice row: one day off (holiday / compensatory / swapped_off) or one weekend day worked. */
export type ProposedCalendarDay = {
  date: IsoDate;
  kind: HolidayKind;
  name: string;
  /** Instrument proposing it, e.g. "Thông báo …/TB-BNV (dự thảo)". */
  source: string;
};

/** The notice rows plus the proposed day, as a pure-swap row (`occasions: []`, so it only ADDS the day). */
export function noticesWithDay(day: ProposedCalendarDay, base: readonly YearNotice[] = OFFICIAL_NOTICES): YearNotice[] {
  if (!isIsoDate(day.date))
    throw new DomainError("invalid_date", "date", `Ngày không hợp lệ: "${String(day.date)}" (cần dạng YYYY-MM-DD).`);
  const row: YearNotice = {
    year: parts(day.date).year,
    occasions: [],
    off: day.kind === "swapped_work" ? [] : [{ date: day.date, kind: day.kind, name: day.name }],
    work: day.kind === "swapped_work" ? [{ date: day.date, name: day.name }] : [],
    source: day.source,
    verified: false,
    note: "Đề xuất (xem trước ảnh hưởng), chưa lưu.",
  };
  return [...base, row];
}

/** Calendar with the built-in notices and the proposed day. */
export function calendarWithDay(
  day: ProposedCalendarDay,
  base: readonly YearNotice[] = OFFICIAL_NOTICES,
): WorkCalendar {
  return createWorkCalendar({ notices: noticesWithDay(day, base) });
}

/** A proposed change of one legal duration. */
export type ProposedParameterChange = {
  key: StepKey;
  law: LawCode;
  variant?: string;
  value: number;
  complex_value?: number;
  /** When given, the new value applies from this date (an amendment row); otherwise every matching row changes. */
  effective_from?: IsoDate;
};

/**
 * The parameter table with the change applied. Without `effective_from` every row of (key, law, variant) takes the
 * new value; with it, a copy of the row in force on that date is added from that date (as an amendment would be).
 * DomainError "unknown_parameter" when no row matches.
 */
export function parametersWithChange(
  change: ProposedParameterChange,
  base: readonly LegalParameter[] = LEGAL_PARAMETERS,
): LegalParameter[] {
  const matches = (p: LegalParameter) => p.key === change.key && p.law === change.law && p.variant === change.variant;
  if (!base.some(matches))
    throw new DomainError(
      "unknown_parameter",
      "key",
      `Không có thời hạn "${change.key}"${change.variant ? ` (${change.variant})` : ""} theo ${change.law} trong bảng tham số.`,
    );
  if (!Number.isInteger(change.value) || change.value < 0)
    throw new DomainError("invalid_value", "value", "Giá trị thời hạn phải là số nguyên không âm.");
  const apply = (p: LegalParameter): LegalParameter => ({
    ...p,
    value: change.value,
    ...(change.complex_value !== undefined ? { complex_value: change.complex_value } : {}),
    cite: `${p.cite} (đề xuất thay đổi, chưa lưu)`,
    confidence: "unverified",
  });
  if (!change.effective_from) return base.map((p) => (matches(p) ? apply(p) : p));
  if (!isIsoDate(change.effective_from))
    throw new DomainError("invalid_date", "effective_from", "Ngày hiệu lực không hợp lệ (cần dạng YYYY-MM-DD).");
  const inForce = parameterFor(change.key, change.law, change.effective_from, change.variant, base);
  if (!inForce)
    throw new DomainError(
      "unknown_parameter",
      "effective_from",
      `Thời hạn "${change.key}" không có hiệu lực vào ngày ${change.effective_from}.`,
    );
  const { effective_to: _to, ...rest } = inForce;
  return [...base, { ...apply(rest), effective_from: change.effective_from }];
}
