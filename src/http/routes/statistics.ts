// /api/statistics: indicators DERIVED from the claims in the caller's scope (TT 08/2019 Mẫu 03/04 rows), per period
// and field, each figure with the claim ids behind it; /api/statistics/trend: one row per year; /api/statistics/claims:
// the claims behind one figure (drill-down).
import { inArray } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { computeStatistics, loadStatClaims } from "../../db/repositories/statistics.ts";
import { agencies, claims } from "../../db/schema/index.ts";
import { scopeCondition } from "../../db/scope.ts";
import type { AppDb } from "../../db/types.ts";
import { yearVn } from "../../domain/shared/dates.ts";
import {
  computeIndicators,
  INDICATOR_KEYS,
  INDICATORS,
  type IndicatorKey,
  PERIOD_KINDS,
  type PeriodKind,
  reportPeriod,
  STAT_FIELDS,
} from "../../domain/statistics/index.ts";
import { errorResponses, IsoDateSchema } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Thống kê"];

const PeriodQuery = z
  .object({
    kind: z.enum(PERIOD_KINDS).default("year"),
    /** Default: the current year in Vietnam (read per request, never the server's local year at start-up). */
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    half: z.coerce.number().int().min(1).max(2).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    /** Reporting scope of one agency (successor rule applied at the period end). */
    agency_id: z.string().max(100).optional(),
  })
  .strict();

function periodOf(q: z.infer<typeof PeriodQuery>, now?: () => Date) {
  return reportPeriod(q.kind as PeriodKind, q.year ?? yearVn(now?.()), { half: q.half, from: q.from, to: q.to });
}

export const statisticsRoutes: FastifyPluginAsyncZod<{ db: AppDb; now?: () => Date }> = async (app, { db, now }) => {
  app.get(
    "/api/statistics",
    {
      schema: {
        tags: TAGS,
        summary: "Chỉ tiêu thống kê của một kỳ (tổng, theo lĩnh vực, theo tỉnh), tính từ vụ việc và sự kiện",
        querystring: PeriodQuery,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => {
      const q = request.query;
      const period = periodOf(q, now);
      const r = await computeStatistics(db, scopeOf(request), period, {
        scopeAgencyId: q.agency_id,
        byProvince: true,
      });
      return {
        period,
        indicators: INDICATORS,
        total: r.total,
        by_field: r.by_field,
        by_province: r.by_province,
        skipped: r.skipped,
      };
    },
  );

  app.get(
    "/api/statistics/trend",
    {
      schema: {
        tags: TAGS,
        summary: "Xu hướng theo năm và lĩnh vực (giá trị các chỉ tiêu chính)",
        querystring: z
          .object({
            from_year: z.coerce.number().int().min(2000).max(2100).default(2019),
            /** Default: the current year in Vietnam. */
            to_year: z.coerce.number().int().min(2000).max(2100).optional(),
            agency_id: z.string().max(100).optional(),
          })
          .strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => {
      const { from_year, agency_id } = request.query;
      const to_year = request.query.to_year ?? yearVn(now?.());
      const list = await loadStatClaims(db, scopeOf(request));
      const years = [];
      const keys: IndicatorKey[] = [
        "handled",
        "handled_new",
        "resolved",
        "terminated",
        "in_progress",
        "amount_to_pay",
        "amount_paid",
      ];
      for (let y = from_year; y <= Math.min(to_year, from_year + 30); y++) {
        const r = computeIndicators(list, reportPeriod("year", y), { scopeAgencyId: agency_id });
        years.push({
          year: y,
          total: Object.fromEntries(keys.map((k) => [k, r.total[k].value])),
          by_field: Object.fromEntries(
            STAT_FIELDS.map((f) => [f, Object.fromEntries(keys.map((k) => [k, r.by_field[f][k].value]))]),
          ),
        });
      }
      return { keys, years };
    },
  );

  app.get(
    "/api/statistics/claims",
    {
      schema: {
        tags: TAGS,
        summary: "Các vụ việc đứng sau một số liệu (drill-down)",
        querystring: PeriodQuery.extend({
          indicator: z.enum(INDICATOR_KEYS as [IndicatorKey, ...IndicatorKey[]]),
          field: z.enum(STAT_FIELDS).optional(),
        }).strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => {
      const q = request.query;
      const scope = scopeOf(request);
      const r = await computeStatistics(db, scope, periodOf(q, now), { scopeAgencyId: q.agency_id });
      const fig = q.field ? r.by_field[q.field][q.indicator] : r.total[q.indicator];
      const ids = fig.claim_ids;
      const rows = ids.length
        ? await db
            .select({
              id: claims.id,
              code: claims.code,
              field: claims.field,
              state: claims.state,
              handling_agency_id: claims.handlingAgencyId,
              received_on: claims.receivedOn,
              amount_decided: claims.amountDecided,
              amount_paid: claims.amountPaid,
            })
            .from(claims)
            .where(inArray(claims.id, ids))
        : [];
      const sc = scopeCondition(scope, agencies.id);
      const names = new Map(
        (await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(sc)).map((a) => [a.id, a.name]),
      );
      return {
        indicator: q.indicator,
        value: fig.value,
        items: rows
          .map((c) => ({
            ...c,
            handling_agency_name: names.get(c.handling_agency_id) ?? c.handling_agency_id,
            placement: r.placement[c.id],
          }))
          .sort((a, b) => (a.code < b.code ? -1 : 1)),
      };
    },
  );
};
