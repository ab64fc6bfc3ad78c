// Ranking per province (issue 6 §6 "map or ranking per province"): the key statistics indicators DERIVED from the
// claims (the same computeIndicators as /api/statistics, grouped by the province — UBND tỉnh — of the successor
// handling agency at the period end) next to the QĐ 3062/QĐ-BTP evaluation score of the province's Sở Tư pháp.
// Scope: the claims come from loadStatClaims (scoped), the scores from the scoped evaluation ranking, and a row is
// returned only when its province is in the caller's scope — a province user sees its own province only; the
// nationwide "central" row (central agencies) only for a nationwide scope.
import { eq, inArray } from "drizzle-orm";
import { can, type Scope } from "../../domain/access/scope.ts";
import { computeIndicators, type IndicatorKey, type Period } from "../../domain/statistics/index.ts";
import { agencies } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { ranking as evaluationRanking } from "./evaluation.ts";
import { loadStatClaims } from "./statistics.ts";

/** Indicators shown per province (TT 08/2019 Mẫu 03/04 rows). */
export const RANKING_INDICATORS = [
  "handled",
  "resolved",
  "in_progress",
  "amount_to_pay",
  "amount_paid",
] as const satisfies readonly IndicatorKey[];
export type RankingIndicator = (typeof RANKING_INDICATORS)[number];
export const RANKING_SORTS = [...RANKING_INDICATORS, "score"] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export type ProvinceEvaluation = {
  assessment_id: string;
  agency_id: string;
  agency_name: string;
  status: string;
  total: number;
  percent: number;
  rating: string;
};

export type ProvinceRankingRow = {
  /** UBND tỉnh id, or "central" for claims of central agencies. */
  province_id: string;
  province_name: string;
  province_code: string | null;
  rank: number;
  figures: Record<RankingIndicator, number>;
  evaluation: ProvinceEvaluation | null;
};

export type ProvinceRanking = {
  period: Period;
  sort: RankingSort;
  set_id: string;
  evaluation_confidence: string | null;
  items: ProvinceRankingRow[];
};

/** Competition ranking (1, 1, 3): equal values share a rank; rows come sorted descending. */
export function competitionRank<T>(rows: readonly T[], value: (r: T) => number): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => value(b) - value(a));
  let rank = 0;
  let prev: number | null = null;
  return sorted.map((r, i) => {
    const v = value(r);
    if (prev === null || v !== prev) rank = i + 1;
    prev = v;
    return { ...r, rank };
  });
}

/** "Ủy ban nhân dân tỉnh Thanh Hóa" → "Tỉnh Thanh Hóa". */
const provinceLabel = (name: string) => {
  const n = name.replace(/^Ủy ban nhân dân\s+/i, "");
  return n.charAt(0).toLocaleUpperCase("vi") + n.slice(1);
};

/**
 * Rows per province in the caller's scope for `period`, ranked by `sort` (an indicator, or "score" = evaluation
 * total of `year`). Provinces with no figure in the period still appear when they have an assessment.
 */
export async function provinceRanking(
  db: AppDb,
  scope: Scope,
  q: { period: Period; year: number; set_id: string; sort: RankingSort },
): Promise<ProvinceRanking> {
  requirePermission(scope, "claims.read");
  const list = await loadStatClaims(db, scope);
  const stats = computeIndicators(list, q.period, { byProvince: true });
  const byProvince = stats.by_province ?? {};

  // A role without plans.read still gets the statistics; the scores are then absent.
  const evaluation = can(scope, "plans.read")
    ? await evaluationRanking(db, scope, { set_id: q.set_id, year: q.year })
    : null;

  // Province of each assessed agency (the Sở Tư pháp): its province code → the UBND tỉnh of that code.
  const assessed = evaluation?.items ?? [];
  const assessedIds = assessed.map((a) => a.agency_id);
  const codeOf = new Map<string, string | null>();
  if (assessedIds.length) {
    for (const a of await db
      .select({ id: agencies.id, code: agencies.provinceCode })
      .from(agencies)
      .where(inArray(agencies.id, assessedIds)))
      codeOf.set(a.id, a.code);
  }
  const ubnd = await db
    .select({ id: agencies.id, name: agencies.name, code: agencies.provinceCode })
    .from(agencies)
    .where(eq(agencies.role, "UBND_TINH"));
  const ubndByCode = new Map(ubnd.filter((u) => u.code).map((u) => [u.code as string, u]));
  const ubndById = new Map(ubnd.map((u) => [u.id, u]));

  const evalByProvince = new Map<string, ProvinceEvaluation>();
  for (const a of assessed) {
    const code = codeOf.get(a.agency_id);
    const prov = code ? ubndByCode.get(code) : undefined;
    if (!prov) continue;
    const e: ProvinceEvaluation = {
      assessment_id: a.id,
      agency_id: a.agency_id,
      agency_name: a.agency_name,
      status: a.status,
      total: a.total,
      percent: a.percent,
      rating: a.rating,
    };
    const seen = evalByProvince.get(prov.id);
    if (!seen || e.total > seen.total) evalByProvince.set(prov.id, e);
  }

  const visible = (provinceId: string) =>
    scope.visibleAgencyIds === "all" ? true : provinceId !== "central" && scope.visibleAgencyIds.includes(provinceId);
  const ids = new Set([...Object.keys(byProvince), ...evalByProvince.keys()].filter(visible));
  const rows = [...ids].map((id) => {
    const row = byProvince[id];
    const figures = Object.fromEntries(RANKING_INDICATORS.map((k) => [k, row ? row[k].value : 0])) as Record<
      RankingIndicator,
      number
    >;
    const u = ubndById.get(id);
    return {
      province_id: id,
      province_name: id === "central" ? "Cơ quan trung ương" : u ? provinceLabel(u.name) : id,
      province_code: u?.code ?? null,
      figures,
      evaluation: evalByProvince.get(id) ?? null,
    };
  });
  // A province with nothing in the period and no assessment is left out (the chart lists activity, not the directory).
  const active = rows.filter((r) => r.evaluation || RANKING_INDICATORS.some((k) => r.figures[k] !== 0));
  // Ties keep a stable order by name.
  active.sort((a, b) => a.province_name.localeCompare(b.province_name, "vi"));
  const items = competitionRank(active, (r) => (q.sort === "score" ? (r.evaluation?.total ?? -1) : r.figures[q.sort]));
  return {
    period: stats.period,
    sort: q.sort,
    set_id: q.set_id,
    evaluation_confidence: evaluation?.confidence ?? null,
    items,
  };
}
