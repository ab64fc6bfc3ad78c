// The handling indicators of a period (Mẫu 03 rows 1–22 without the amount) in the caller's scope, from the standing
// table: ONE aggregate picks each claim's interval containing the period end, keeps the claims handled in the period
// (the SQL form of handledIn) and counts them by class; handlingFromGroups turns the classes into indicators with the
// placement rules of computeIndicators. Same figures as computeStatistics (tests/db/claim-statistics.test.ts), without
// reading any history. The groups travel as ONE json value: hundreds of rows of eight fields cost more to pass through
// the wire protocol (and PGlite's JavaScript side of it) than the aggregate itself (bench/volume.bench.ts, 100×).
import { sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { type HandlingResult, handlingFromGroups, type StandingGroup } from "../../domain/statistics/standing.ts";
import type { IndicatorOptions, Period } from "../../domain/statistics/types.ts";
import { claims, claimStatistics as s } from "../schema/index.ts";
import { requirePermission, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";

export async function handlingStatistics(
  db: AppDb,
  scope: Scope,
  period: Period,
  options: IndicatorOptions = {},
): Promise<HandlingResult> {
  requirePermission(scope, "claims.read");
  if (!(period.from <= period.to)) throw new RangeError(`Kỳ báo cáo không hợp lệ: ${period.from} > ${period.to}`);
  // Scope is judged on the claim's current agencies, as loadStatClaims does.
  const sc = scopeCondition(scope, claims.handlingAgencyId, claims.managingAgencyId);
  const result = await db.execute(sql`select coalesce(json_agg(g), '[]'::json) as groups from (
    select ${s.field} as field, ${s.agencyId} as agency_id, ${s.venue} as venue,
      ${s.courtBasis} as court_basis, ${s.finishKind} as finish_kind, ${s.suspended} as suspended,
      ${s.startOn} >= ${period.from} as is_new, count(*)::int as n
    from ${s} ${sc ? sql`join ${claims} on ${claims.id} = ${s.claimId}` : sql``}
    where ${s.validFrom} <= ${period.to} and (${s.validTo} is null or ${s.validTo} >= ${period.to})
      and ${s.startOn} <= ${period.to} and (${s.finishOn} is null or ${s.finishOn} >= ${period.from})
      ${sc ? sql`and ${sc}` : sql``}
    group by 1, 2, 3, 4, 5, 6, 7) g`);
  const [{ groups }] = (result as unknown as { rows: Array<{ groups: StandingGroup[] | string }> }).rows;
  return handlingFromGroups(typeof groups === "string" ? JSON.parse(groups) : groups, period, options);
}
