// Periodic case lists (KH 2021 mục II.1.1 / II.1.2) as the API returns them (GET /api/case-lists, /api/case-lists/:id).
export const CASE_LIST_KINDS = ["half_year_2017", "quarter_2009"] as const;
export type CaseListKind = (typeof CASE_LIST_KINDS)[number];

export type CaseListSummary = {
  id: string;
  kind: CaseListKind;
  /** "2026-H1" / "2026-Q2". */
  period: string;
  period_start: string;
  period_end: string;
  as_of: string;
  agency_id: string;
  total: number;
  new_count: number;
  carried_over_count: number;
  previous_id: string | null;
  basis: string;
  sha256: string;
  task_instance_id: string | null;
  created_by: string | null;
  created_at: string;
};

export type CaseListRow = {
  claim_id: string;
  claim_code: string;
  claimant: string;
  handling_agency_id: string;
  handling_agency: string;
  managing_agency_id: string | null;
  field: string;
  law_version: string;
  accepted_on: string | null;
  stage: string;
  flags: Array<"complex" | "backlogged" | "prolonged">;
  claimed_amount: number | null;
  decided_amount: number | null;
  origin: "new" | "carried_over";
  closed_on: string | null;
};

export type CaseListDetail = CaseListSummary & { rows: CaseListRow[] };

/** "2026-H1" → { year: 2026, index: 1 }. */
export function splitPeriod(code: string): { year: number; index: number } {
  const m = /^(\d{4})-[HQ](\d)$/.exec(code);
  return m ? { year: Number(m[1]), index: Number(m[2]) } : { year: 0, index: 0 };
}

/** The period a list is normally drawn up for on `today` (the previous half-year / the previous quarter). */
export function defaultPeriod(kind: CaseListKind, today: string): { year: number; index: number } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (kind === "half_year_2017") return m <= 6 ? { year: y - 1, index: 2 } : { year: y, index: 1 };
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? { year: y - 1, index: 4 } : { year: y, index: q - 1 };
}

export function periodCode(kind: CaseListKind, year: number, index: number): string {
  return `${year}-${kind === "half_year_2017" ? "H" : "Q"}${index}`;
}
