// Periodic case lists of KH 2021 mục II.1 as pure functions over claim histories:
// - KH 2021 mục II.1.1: "Lập danh mục vụ việc yêu cầu bồi thường và được thụ lý giải quyết yêu cầu bồi thường theo Luật
//   TNBTCNN năm 2017" — "Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo."
// - KH 2021 mục II.1.2: "Lập danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009" — "Được thực hiện
//   trong tháng đầu tiên hằng Quý."
// Transitional rule (Luật TNBTCNN 2017, điều khoản thi hành (chuyển tiếp; số điều chưa đối chiếu) — claims accepted before 01/7/2018 stay under the 2009 law): the
// 2017 list only takes claims accepted on or after 01/7/2018.
// A list is computed AS OF a date: events after that date are ignored, so re-running it later gives the same answer.
import { EVENT_LABELS_VI, type EventType } from "../claims/events.ts";
import { addDays, type IsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

export const CASE_LIST_KINDS = ["half_year_2017", "quarter_2009"] as const;
export type CaseListKind = (typeof CASE_LIST_KINDS)[number];

export const CASE_LIST_RULES: Readonly<
  Record<CaseListKind, { clause: string; basis: string; title_vi: string; period: "half_year" | "quarter" }>
> = {
  half_year_2017: {
    clause: "KH 2021 mục II.1.1",
    basis: "KH 2021 mục II.1.1; Luật TNBTCNN 2017, điều khoản thi hành (vụ việc thụ lý từ 01/7/2018)",
    title_vi: "Danh mục vụ việc yêu cầu bồi thường được thụ lý giải quyết theo Luật TNBTCNN năm 2017",
    period: "half_year",
  },
  quarter_2009: {
    clause: "KH 2021 mục II.1.2",
    basis: "KH 2021 mục II.1.2; Luật TNBTCNN 2009 (số 35/2009/QH12) cho vụ việc thụ lý trước 01/7/2018",
    title_vi: "Danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009",
    period: "quarter",
  },
};

/** Luật TNBTCNN 2017 (số 10/2017/QH14) in force from 01/7/2018 (GLOSSARY). */
export const LAW_2017_IN_FORCE: IsoDate = "2018-07-01";

/** Events after which the agency no longer handles the claim (decision in force, refusal, termination, lawsuit). */
export const CLOSING_EVENTS: readonly EventType[] = ["decision_effective", "refused", "terminated", "sued_in_court"];

export type Period = {
  kind: CaseListKind;
  /** "2026-H1" / "2026-Q2". */
  code: string;
  year: number;
  index: number;
  start: IsoDate;
  end: IsoDate;
  label: string;
  previous: string;
};

const ROMAN = ["", "I", "II", "III", "IV"];

/** Parses "2026-H1" (half_year_2017) or "2026-Q2" (quarter_2009). Throws DomainError("invalid_period"). */
export function parsePeriod(kind: CaseListKind, code: string): Period {
  const half = CASE_LIST_RULES[kind].period === "half_year";
  const m = (half ? /^(\d{4})-H([12])$/ : /^(\d{4})-Q([1-4])$/).exec(code.trim());
  if (!m)
    throw new DomainError(
      "invalid_period",
      "period",
      half
        ? `Kỳ "${code}" không hợp lệ: danh mục 6 tháng (KH 2021 mục II.1.1) cần dạng YYYY-H1 hoặc YYYY-H2, ví dụ 2026-H1.`
        : `Kỳ "${code}" không hợp lệ: danh mục quý (KH 2021 mục II.1.2) cần dạng YYYY-Q1 … YYYY-Q4, ví dụ 2026-Q2.`,
    );
  const year = Number(m[1]);
  const index = Number(m[2]);
  if (year < 2010 || year > 2200) throw new DomainError("invalid_period", "period", `Năm ${year} nằm ngoài phạm vi.`);
  const months = half ? 6 : 3;
  const firstMonth = (index - 1) * months + 1;
  const start = `${year}-${String(firstMonth).padStart(2, "0")}-01`;
  const nextStart =
    firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + months).padStart(2, "0")}-01`;
  const end = addDays(nextStart, -1);
  const previous = half
    ? index === 1
      ? `${year - 1}-H2`
      : `${year}-H1`
    : index === 1
      ? `${year - 1}-Q4`
      : `${year}-Q${index - 1}`;
  const label = half ? `6 tháng ${index === 1 ? "đầu" : "cuối"} năm ${year}` : `Quý ${ROMAN[index]} năm ${year}`;
  return { kind, code: `${year}-${half ? "H" : "Q"}${index}`, year, index, start, end, label, previous };
}

/**
 * The list a plan task's occurrence asks for: KH 2021 mục II.1.1 → the half-year list, II.1.2 → the quarterly one, for
 * the period the occurrence is labelled with (the plan schedule labels periods as parsePeriod does, and a list drawn up
 * for that period completes the occurrence). Null for any other task or a label of no such period.
 */
export function caseListOfTask(ref: string | null | undefined, periodLabel: string | null | undefined): Period | null {
  const kind = CASE_LIST_KINDS.find((k) => CASE_LIST_RULES[k].clause === `KH 2021 mục ${ref}`);
  const year = /\b(\d{4})\b/.exec(periodLabel ?? "")?.[1];
  if (!kind || !year) return null;
  const half = CASE_LIST_RULES[kind].period === "half_year";
  for (let i = 1; i <= (half ? 2 : 4); i++) {
    try {
      const period = parsePeriod(kind, `${year}-${half ? "H" : "Q"}${i}`);
      if (period.label === periodLabel) return period;
    } catch {
      return null; // a year outside the lists' range
    }
  }
  return null;
}

export type ClaimHistoryFacts = {
  id: string;
  code: string;
  law_version: string;
  field: string;
  complex: boolean;
  backlogged: boolean;
  prolonged: boolean;
  handling_agency_id: string;
  managing_agency_id: string | null;
  claimant_name: string;
  amount_requested: number | null;
  amount_decided: number | null;
  events: ReadonlyArray<{ type: string; date: IsoDate }>;
};

export type CaseListRow = {
  claim_id: string;
  claim_code: string;
  claimant: string;
  handling_agency_id: string;
  managing_agency_id: string | null;
  field: string;
  law_version: string;
  /** Ngày thụ lý (or, when the history has no acceptance, the day the file was received). */
  accepted_on: IsoDate | null;
  /** Last event as of the list date, in Vietnamese. */
  stage: string;
  flags: Array<"complex" | "backlogged" | "prolonged">;
  claimed_amount: number | null;
  decided_amount: number | null;
  /** Mới trong kỳ / kỳ trước chuyển sang. */
  origin: "new" | "carried_over";
  closed_on: IsoDate | null;
};

export type CaseList = {
  kind: CaseListKind;
  period: Period;
  as_of: IsoDate;
  clause: string;
  basis: string;
  rows: CaseListRow[];
  total: number;
  new_count: number;
  carried_over_count: number;
};

type Facts = { entered: IsoDate | null; accepted: IsoDate | null; closed: IsoDate | null; last: string | null };

/** What the history says as of a date (later events ignored). */
function factsAsOf(events: ClaimHistoryFacts["events"], asOf: IsoDate): Facts {
  const known = events.filter((e) => e.date <= asOf);
  const first = (types: readonly string[]) =>
    known
      .filter((e) => types.includes(e.type))
      .map((e) => e.date)
      .sort()[0] ?? null;
  const accepted = first(["accepted"]);
  const entered = accepted ?? first(["received", "file_valid"]);
  const sorted = [...known].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { entered, accepted, closed: first(CLOSING_EVENTS), last: sorted.at(-1)?.type ?? null };
}

/** Being handled at some time in [start, end] as of the list date. */
function handledIn(f: Facts, start: IsoDate, end: IsoDate): boolean {
  return f.entered !== null && f.entered <= end && (f.closed === null || f.closed >= start);
}

/**
 * KH 2021 mục II.1.1: claims under the 2017 law ACCEPTED (thụ lý) from 01/7/2018 and handled during the half-year.
 * KH 2021 mục II.1.2: claims under the 2009 law marked complex, backlogged or prolonged and not yet settled.
 */
export function isMember(kind: CaseListKind, claim: ClaimHistoryFacts, period: Period, asOf: IsoDate): boolean {
  const f = factsAsOf(claim.events, asOf);
  if (kind === "half_year_2017") {
    if (claim.law_version !== "law_2017" || f.accepted === null || f.accepted < LAW_2017_IN_FORCE) return false;
    return f.accepted <= period.end && (f.closed === null || f.closed >= period.start);
  }
  if (claim.law_version !== "law_2009") return false;
  if (!(claim.complex || claim.backlogged || claim.prolonged)) return false;
  // Only claims accepted (or, lacking an acceptance, received) before 01/7/2018 stay under the 2009 law.
  if (f.entered === null || f.entered >= LAW_2017_IN_FORCE) return false;
  return handledIn(f, period.start, period.end);
}

/**
 * Builds the list for a period as of a date. New vs carried over:
 * - II.1.1: carried over when accepted before the period (it was on the previous half-year's list and still open);
 *   new when accepted within the period;
 * - II.1.2: carried over when it was on the previous quarter's list (`previousIds`, from the stored snapshot); without a
 *   previous list, when the claim was already being handled before the quarter.
 */
export function buildCaseList(
  kind: CaseListKind,
  periodCode: string,
  claims: readonly ClaimHistoryFacts[],
  asOf: IsoDate,
  previousIds: ReadonlySet<string> | null = null,
): CaseList {
  const period = parsePeriod(kind, periodCode);
  const rule = CASE_LIST_RULES[kind];
  const rows: CaseListRow[] = [];
  for (const c of claims) {
    if (!isMember(kind, c, period, asOf)) continue;
    const f = factsAsOf(c.events, asOf);
    const since = kind === "half_year_2017" ? f.accepted : f.entered;
    const origin: CaseListRow["origin"] =
      kind === "quarter_2009" && previousIds !== null
        ? previousIds.has(c.id)
          ? "carried_over"
          : "new"
        : since !== null && since < period.start
          ? "carried_over"
          : "new";
    const flags = (["complex", "backlogged", "prolonged"] as const).filter((k) => c[k]);
    rows.push({
      claim_id: c.id,
      claim_code: c.code,
      claimant: c.claimant_name,
      handling_agency_id: c.handling_agency_id,
      managing_agency_id: c.managing_agency_id,
      field: c.field,
      law_version: c.law_version,
      accepted_on: f.accepted ?? f.entered,
      stage: f.last ? (EVENT_LABELS_VI[f.last as EventType] ?? f.last) : "",
      flags,
      claimed_amount: c.amount_requested,
      decided_amount: c.amount_decided,
      origin,
      closed_on: f.closed !== null && f.closed <= asOf ? f.closed : null,
    });
  }
  rows.sort((a, b) => (a.claim_code < b.claim_code ? -1 : a.claim_code > b.claim_code ? 1 : 0));
  const newCount = rows.filter((r) => r.origin === "new").length;
  return {
    kind,
    period,
    as_of: asOf,
    clause: rule.clause,
    basis: rule.basis,
    rows,
    total: rows.length,
    new_count: newCount,
    carried_over_count: rows.length - newCount,
  };
}
