// The dashboard's claim figures are a SELECTION of the statistics indicators — the very computeIndicators result that
// /api/statistics returns for the same period and scope — never counts of their own (issue 17: two charts titled
// "Vụ việc thụ lý" showed 25 and 78 because one counted claims by year received and the other the TT 08 indicator).
// Each figure names its indicator (and field / province), so it can be checked against /api/statistics one by one.

import type { HandlingKey } from "./compute.ts";
import type { PeriodKind } from "./periods.ts";
import type { HandlingResult, HandlingValues } from "./standing.ts";
import { type IndicatorKey, type Period, STAT_FIELDS, type StatField } from "./types.ts";

/** Mẫu 03 main rows shown as the period's outcome: handled = new + carried = resolved + terminated + in progress. */
export const DASHBOARD_TOTALS = [
  "handled",
  "handled_new",
  "handled_carried",
  "resolved",
  "terminated",
  "in_progress",
  "suspended",
] as const satisfies readonly HandlingKey[];

export type DashboardFigure = {
  indicator: IndicatorKey;
  value: number;
  field?: StatField;
  /** Province (UBND tỉnh id) or "central", as in /api/statistics by_province. */
  province_id?: string;
  /** Display name of the province (filled in by the adapter from the agency registry). */
  name?: string | null;
};

export type DashboardPeriod = Period & { kind: PeriodKind; year: number; label: string };

export type DashboardStatistics = {
  /** The statistics period every figure below belongs to (shown on each chart). */
  period: DashboardPeriod;
  totals: DashboardFigure[];
  in_progress_by_field: DashboardFigure[];
  handled_by_field: DashboardFigure[];
  handled_by_province: DashboardFigure[];
};

const byField = (r: HandlingResult, indicator: HandlingKey): DashboardFigure[] =>
  STAT_FIELDS.map((field) => ({ indicator, field, value: r.by_field[field][indicator] })).filter((f) => f.value > 0);

/** Picks the dashboard's figures out of the handling indicators (computed with byProvince) of `period`. */
export function dashboardStatistics(r: HandlingResult, period: DashboardPeriod): DashboardStatistics {
  const provinces: Array<[string, HandlingValues]> = Object.entries(r.by_province ?? {});
  return {
    period,
    totals: DASHBOARD_TOTALS.map((indicator) => ({ indicator, value: r.total[indicator] })),
    in_progress_by_field: byField(r, "in_progress"),
    handled_by_field: byField(r, "handled"),
    handled_by_province: provinces
      .map(([province_id, row]) => ({ indicator: "handled" as const, province_id, value: row.handled }))
      .filter((f) => f.value > 0)
      .sort((a, b) => b.value - a.value || (a.province_id < b.province_id ? -1 : 1)),
  };
}
