// Routing throughput: route() (zod validation + table scan) vs routeSituation() (table scan only) over a mix of matching and
// non-matching situations, plus the agency registry lookups the platform uses for scoped access.
import { agenciesOn, isWithin, resolveAgencyMention, successorsOf } from "../src/domain/agencies/index.ts";
import { nextUrgingRung, parseSituation, route, routeSituation, type Situation } from "../src/domain/routing/index.ts";
import { measure } from "./measure.ts";

type Row = { name: string; ops_per_sec: number; note?: string };

const SITUATIONS: unknown[] = [
  { kind: "guidance", from_role: "THADS_HUYEN", to_role: "CUC_BTNN" },
  {
    kind: "guidance",
    from_role: "THADS_TINH",
    to_role: "TONG_CUC_THADS",
    topic: "compensation",
    prior: { guided_by_so_tu_phap: true },
  },
  {
    kind: "urging",
    from_role: "CUC_BTNN",
    to_role: "THADS_TINH",
    prior: { province_asked_to_urge: true, province_urged: true, urging_grounds: [4] },
  },
  { kind: "document_forward", from_role: "THADS_HUYEN", to_role: "BO_TU_PHAP", received_by: "CUC_BTNN" },
  { kind: "report", from_role: "UBND_HUYEN", to_role: "SO_TU_PHAP" },
  { kind: "report_request", from_role: "BO_TU_PHAP", to_role: "UBND_TINH" },
  // no rule: nearest clauses are computed
  { kind: "guidance", from_role: "THADS_TINH", to_role: "TONG_CUC_THADS", topic: "compensation" },
  { kind: "case_list", from_role: "CUC_BTNN" },
];

export async function run(): Promise<Row[]> {
  const parsed: Situation[] = SITUATIONS.map((s) => parseSituation(s));
  const n = SITUATIONS.length;
  const scopePairs: Array<[string, string]> = [
    ["chi-cuc-thads-quang-xuong", "stp-thanh-hoa"],
    ["tand-vinh-phuc", "stp-phu-tho-2025"],
    ["stp-nghe-an", "stp-thanh-hoa"],
    ["thads-phu-tho-2025", "cuc-ql-thads"],
  ];
  // JIT warm-up of the three paths before measuring (first measurements vary 2–3× otherwise)
  for (let k = 0; k < 2; k++) {
    measure((i) => route(SITUATIONS[i % n]), 200);
    measure((i) => routeSituation(parsed[i % n]), 200);
  }
  const routeOps = measure((i) => route(SITUATIONS[i % n]), 800);
  const tableOps = measure((i) => routeSituation(parsed[i % n]), 800);
  const parseOps = measure((i) => parseSituation(SITUATIONS[i % n]), 800);
  return [
    {
      name: "route() — validate + route (8-situation mix, 2 without rule)",
      ops_per_sec: routeOps,
      note: `table scan alone: ${(tableOps / routeOps).toFixed(1)}× route(); zod parse alone: ${(parseOps / routeOps).toFixed(1)}×`,
    },
    { name: "routeSituation() — table scan only", ops_per_sec: tableOps, note: "pre-validated situations" },
    { name: "parseSituation() — zod validation only", ops_per_sec: parseOps },
    {
      name: "nextUrgingRung() — 1-step history",
      ops_per_sec: measure(() => nextUrgingRung([{ rung: "KH2021.II.6.1", outcome: "not_complied" }])),
    },
    {
      name: "isWithin() — agency scope check",
      ops_per_sec: measure((i) => {
        const [a, b] = scopePairs[i % scopePairs.length];
        return isWithin(a, b);
      }),
      note: "precomputed scope sets (cached per scope root)",
    },
    {
      name: "successorsOf() — Tổng cục THADS on 2026-01-01",
      ops_per_sec: measure(() => successorsOf("tong-cuc-thads", "2026-01-01")),
    },
    { name: "agenciesOn() — all agencies on a date", ops_per_sec: measure(() => agenciesOn("2025-07-01"), 200) },
    {
      name: "resolveAgencyMention() — 'Cục Thi hành án dân sự tỉnh' with date + province",
      ops_per_sec: measure(
        () => resolveAgencyMention("Cục Thi hành án dân sự tỉnh", { date: "2024-03-01", province_code: "38" }),
        200,
      ),
    },
  ];
}
