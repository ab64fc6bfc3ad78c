// GET /api/rankings/provinces — ranking per province (issue 6 §6): claims handled, resolved, in progress, amount to
// pay and amount paid DERIVED from the claims (TT 08/2019 Mẫu 03/04 rows, same derivation as /api/statistics), and
// the QĐ 3062/QĐ-BTP evaluation score of the province's Sở Tư pháp. Scoped: a province user gets its own province.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { provinceRanking, RANKING_SORTS } from "../../db/repositories/rankings.ts";
import type { AppDb } from "../../db/types.ts";
import { yearVn } from "../../domain/shared/dates.ts";
import { reportPeriod } from "../../domain/statistics/index.ts";
import { errorResponses } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const Figures = z.object({
  handled: z.number(),
  resolved: z.number(),
  in_progress: z.number(),
  amount_to_pay: z.number(),
  amount_paid: z.number(),
});
const RankingResponse = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: z.string().optional() }),
  sort: z.enum(RANKING_SORTS),
  set_id: z.string(),
  evaluation_confidence: z.string().nullable(),
  items: z.array(
    z.object({
      province_id: z.string(),
      province_name: z.string(),
      province_code: z.string().nullable(),
      rank: z.number().int(),
      figures: Figures,
      evaluation: z
        .object({
          assessment_id: z.string(),
          agency_id: z.string(),
          agency_name: z.string(),
          status: z.string(),
          total: z.number(),
          percent: z.number(),
          rating: z.string(),
        })
        .nullable(),
    }),
  ),
});

export const rankingRoutes: FastifyPluginAsyncZod<{ db: AppDb; now?: () => Date }> = async (app, { db, now }) => {
  app.get(
    "/api/rankings/provinces",
    {
      schema: {
        tags: ["Thống kê"],
        summary:
          "Xếp hạng theo tỉnh: số vụ việc thụ lý, đã giải quyết, đang giải quyết, số tiền phải bồi thường, đã chi trả (tính từ vụ việc) và điểm đánh giá QĐ 3062",
        querystring: z
          .object({
            kind: z.enum(["year", "half_year"]).default("year"),
            /** Default: the current year in Vietnam (read per request, never the server's local year at start-up). */
            year: z.coerce.number().int().min(2000).max(2100).optional(),
            half: z.coerce.number().int().min(1).max(2).optional(),
            set_id: z.string().trim().min(1).max(60).default("qd-3062-2019"),
            sort: z.enum(RANKING_SORTS).default("handled"),
          })
          .strict(),
        response: { 200: RankingResponse, ...errorResponses },
      },
      config: { access: { permission: "claims.read" } },
    },
    async (request) => {
      const q = request.query;
      const year = q.year ?? yearVn(now?.());
      const period = reportPeriod(q.kind, year, { half: q.kind === "half_year" ? (q.half ?? 1) : undefined });
      return provinceRanking(db, scopeOf(request), { period, year, set_id: q.set_id, sort: q.sort });
    },
  );
};
