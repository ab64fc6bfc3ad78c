// Public API of the statistics module (pure): indicators derived from claims, periods and deadlines of TT 08/2019.
export {
  attributesOn,
  type ClaimStanding,
  computeIndicators,
  countingAgency,
  emptyRow,
  HANDLING_KEYS,
  type HandlingKey,
  handledIn,
  handlingIndicators,
  rowValues,
  standingAt,
  sumRows,
} from "./compute.ts";
export {
  DASHBOARD_TOTALS,
  type DashboardFigure,
  type DashboardPeriod,
  type DashboardStatistics,
  dashboardStatistics,
} from "./dashboard.ts";
export {
  INDICATOR_BY_KEY,
  INDICATOR_KEYS,
  INDICATORS,
  type IndicatorDef,
  type IndicatorUnit,
  NOT_PURSUED_REASONS,
  type NotPursuedReason,
} from "./indicators.ts";
export {
  type ComputedDeadline,
  estimateFromActual,
  PERIOD_KINDS,
  PERIOD_RULES,
  type PeriodKind,
  type PeriodRule,
  reportPeriod,
  rollOverDeadline,
  statutoryDeadline,
} from "./periods.ts";
export {
  type HandlingResult,
  type HandlingValues,
  handlingFromGroups,
  type StandingGroup,
  type StandingInterval,
  standingIntervals,
} from "./standing.ts";
export * from "./types.ts";
