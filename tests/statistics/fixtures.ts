// A KNOWN set of claims with hand-computed indicators (tests/statistics/indicators.test.ts). Dates are chosen around
// the 2025 half-years so that carry-over, the court venue, a field change, an agency change and a successor agency
// (THADS huyện X ended 30/06/2025, succeeded by THADS khu vực 1 from 01/07/2025) all show.
import { type AgencyRegistry, createAgencyRegistry } from "../../src/domain/agencies/registry.ts";
import type { Agency } from "../../src/domain/agencies/types.ts";
import type { StatClaim } from "../../src/domain/statistics/index.ts";

const base = { source: "kiểm thử", verified: true } as const;
export const TEST_AGENCIES: Agency[] = [
  { ...base, id: "ubnd-a", name: "UBND tỉnh A", role: "UBND_TINH", province_code: "01", valid_from: "2010-01-01" },
  {
    ...base,
    id: "stp-a",
    name: "Sở Tư pháp tỉnh A",
    role: "SO_TU_PHAP",
    province_code: "01",
    parent_id: "ubnd-a",
    valid_from: "2010-01-01",
  },
  {
    ...base,
    id: "thads-tinh-a",
    name: "THADS tỉnh A",
    role: "THADS_TINH",
    province_code: "01",
    valid_from: "2010-01-01",
  },
  {
    ...base,
    id: "thads-huyen-x",
    name: "Chi cục THADS huyện X",
    role: "THADS_HUYEN",
    province_code: "01",
    parent_id: "thads-tinh-a",
    valid_from: "2010-01-01",
    valid_to: "2025-06-30",
    successor_ids: ["thads-kv-1"],
  },
  {
    ...base,
    id: "thads-kv-1",
    name: "THADS khu vực 1",
    role: "THADS_HUYEN",
    province_code: "01",
    parent_id: "thads-tinh-a",
    valid_from: "2025-07-01",
  },
  { ...base, id: "toa-a", name: "TAND tỉnh A", role: "TOA_AN", province_code: "01", valid_from: "2010-01-01" },
  { ...base, id: "ubnd-b", name: "UBND tỉnh B", role: "UBND_TINH", province_code: "02", valid_from: "2010-01-01" },
  {
    ...base,
    id: "stp-b",
    name: "Sở Tư pháp tỉnh B",
    role: "SO_TU_PHAP",
    province_code: "02",
    parent_id: "ubnd-b",
    valid_from: "2010-01-01",
  },
  { ...base, id: "cuc", name: "Cục Bồi thường nhà nước", role: "CUC_BTNN", valid_from: "2010-01-01" },
];
export const TEST_REGISTRY: AgencyRegistry = createAgencyRegistry(TEST_AGENCIES);

const M = 1_000_000;
const c = (
  id: string,
  field: string,
  agency: string,
  events: StatClaim["events"],
  extra: Partial<StatClaim> = {},
): StatClaim => ({
  id,
  code: id,
  law: "law_2017",
  field,
  handling_agency_id: agency,
  managing_agency_id: agency,
  events,
  ...extra,
});

export const CLAIMS: StatClaim[] = [
  // C1: carried over from 2024, decision effective 10/03/2025, paid 20/05/2025; no recourse council.
  c("C1", "administration", "ubnd-a", [
    { type: "received", date: "2024-11-01" },
    { type: "accepted", date: "2024-11-05" },
    { type: "decision_issued", date: "2025-02-10", data: { amount: 100 * M } },
    { type: "decision_effective", date: "2025-03-10" },
    { type: "paid", date: "2025-05-20", data: { amount: 100 * M } },
  ]),
  // C2: new in H1, advance 30 m, suspended 05/05/2025 and never resumed; its agency ends 30/06/2025 (successor rule).
  c("C2", "civil_enforcement", "thads-huyen-x", [
    { type: "accepted", date: "2025-02-03" },
    { type: "advance_paid", date: "2025-02-20", data: { amount: 30 * M } },
    { type: "suspension_ground", date: "2025-05-02", ground: "a" },
    { type: "suspended", date: "2025-05-05", ground: "a" },
  ]),
  // C3: sued directly in court 01/03/2025 (Điều 52 k1a), judgment effective → funds requested 15/09, paid 20/10.
  c("C3", "civil_procedure", "toa-a", [
    { type: "sued_in_court", date: "2025-03-01", ground: "1a" },
    { type: "funds_requested", date: "2025-09-15", data: { amount: 200 * M } },
    { type: "paid", date: "2025-10-20", data: { amount: 200 * M } },
  ]),
  // C4: accepted 10/01/2025, negotiation failed, sued 01/04/2025 (Điều 52 k2) — counts in court, new in 2025.
  c("C4", "criminal_procedure", "toa-a", [
    { type: "accepted", date: "2025-01-10" },
    { type: "negotiation_ended", date: "2025-03-05", ground: "failure" },
    { type: "sued_in_court", date: "2025-04-01", ground: "2" },
  ]),
  // C5: accepted 01/03/2025, terminated 15/04/2025 (withdrawn, Điều 51 k1a).
  c("C5", "administration", "ubnd-a", [
    { type: "accepted", date: "2025-03-01" },
    { type: "termination_ground", date: "2025-04-10", ground: "a" },
    { type: "terminated", date: "2025-04-15", ground: "a" },
  ]),
  // C6: accepted 01/05/2025 as administration; re-classified as civil_enforcement on 10/08/2025.
  c("C6", "civil_enforcement", "ubnd-a", [{ type: "accepted", date: "2025-05-01" }], {
    changes: [{ date: "2025-08-10", before: { field: "administration" }, after: { field: "civil_enforcement" } }],
  }),
  // C7: accepted 01/06/2025 by an agency of province B; transferred to UBND tỉnh A on 01/09/2025.
  c("C7", "administration", "ubnd-a", [{ type: "accepted", date: "2025-06-01" }], {
    changes: [
      {
        date: "2025-09-01",
        before: { handling_agency_id: "ubnd-b", managing_agency_id: "ubnd-b" },
        after: { handling_agency_id: "ubnd-a", managing_agency_id: "ubnd-a" },
      },
    ],
  }),
  // C8: resolved and paid before 2025; recourse decided 20/03/2025 for 40 m, reimbursed 10 m (10/04) + 15 m (10/08).
  c(
    "C8",
    "civil_enforcement",
    "thads-tinh-a",
    [
      { type: "accepted", date: "2023-01-05" },
      { type: "decision_effective", date: "2023-06-01" },
      { type: "paid", date: "2024-12-10", data: { amount: 400 * M } },
      { type: "council_established", date: "2024-12-18" },
      { type: "council_recommended", date: "2025-01-06" },
      {
        type: "recourse_decided",
        date: "2025-03-20",
        data: { amount: 40 * M, reimbursements: [{ date: "2025-04-10", amount: 10 * M }] },
      },
    ],
    { reimbursements: [{ date: "2025-08-10", amount: 15 * M }] },
  ),
  // C9: resolved 2024, paid 10/06/2025 (50 m), council 15/06/2025, not pursued (no fault) 05/07/2025.
  c("C9", "administration", "ubnd-a", [
    { type: "accepted", date: "2024-05-01" },
    { type: "decision_effective", date: "2024-12-01" },
    { type: "paid", date: "2025-06-10", data: { amount: 50 * M } },
    { type: "council_established", date: "2025-06-15" },
    { type: "council_recommended", date: "2025-07-05", data: { not_pursued: "no_fault" } },
  ]),
  // C10: refused (không thụ lý) — never counted as handled.
  c("C10", "administration", "ubnd-a", [
    { type: "received", date: "2025-01-05" },
    { type: "refused", date: "2025-01-08", ground: "b" },
  ]),
  // C11: finished in 2024 — not handled in 2025.
  c("C11", "administration", "ubnd-a", [
    { type: "accepted", date: "2024-03-01" },
    { type: "decision_effective", date: "2024-10-01" },
  ]),
  // C12: accepted 01/08/2024, still being handled.
  c("C12", "criminal_enforcement", "toa-a", [{ type: "accepted", date: "2024-08-01" }]),
];

export const H1 = { from: "2025-01-01", to: "2025-06-30" };
export const H2 = { from: "2025-07-01", to: "2025-12-31" };
export const Y2025 = { from: "2025-01-01", to: "2025-12-31" };
export const M_VND = M;
