// GET /api/dashboard's answer: the route validates and documents it (OpenAPI), the web dashboard reads its type.
// Pure (zod and domain tables only), so the web bundle may import its types.
import { z } from "zod";
import { INDICATOR_KEYS, type IndicatorKey, PERIOD_KINDS, STAT_FIELDS } from "../../domain/statistics/index.ts";

const Figure = z.object({
  indicator: z.enum(INDICATOR_KEYS as [IndicatorKey, ...IndicatorKey[]]),
  value: z.number(),
  field: z.enum(STAT_FIELDS).optional(),
  province_id: z.string().optional(),
  name: z.string().nullable().optional(),
});
export const DeadlineItem = z.object({
  claim_id: z.string(),
  code: z.string(),
  claimant_name: z.string(),
  step: z.string(),
  label: z.string().nullable(),
  due: z.string(),
  basis: z.string().nullable(),
  confidence: z.string().nullable(),
});
export const Dashboard = z.object({
  as_of: z.string(),
  week: z.object({ from: z.string(), to: z.string() }),
  statistics: z.object({
    period: z.object({
      kind: z.enum(PERIOD_KINDS),
      year: z.number(),
      from: z.string(),
      to: z.string(),
      label: z.string(),
    }),
    totals: z.array(Figure),
    in_progress_by_field: z.array(Figure),
    handled_by_field: z.array(Figure),
    handled_by_province: z.array(Figure),
  }),
  deadlines_this_week: z.array(DeadlineItem),
  deadlines_overdue: z.array(DeadlineItem),
  deadlines_this_week_total: z.number(),
  deadlines_overdue_total: z.number(),
  plan_progress: z.array(
    z.object({
      agency_id: z.string(),
      agency_name: z.string(),
      total: z.number(),
      done: z.number(),
      in_progress: z.number(),
      pending: z.number(),
      overdue: z.number(),
    }),
  ),
  requests_awaiting: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        topic: z.string(),
        from_agency_id: z.string(),
        status: z.string(),
        due: z.string().nullable(),
      }),
    ),
  }),
});
export type DashboardBody = z.infer<typeof Dashboard>;
export type DeadlineItemBody = z.infer<typeof DeadlineItem>;
