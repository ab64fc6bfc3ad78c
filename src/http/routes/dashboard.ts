// GET /api/dashboard — the web dashboard within the caller's scope: the claim figures are statistics indicators of the
// year of as_of (the same computation as /api/statistics?kind=year&year=…, each figure naming its indicator), beside
// the work lists (same scope conditions as the lists): deadlines due this week / overdue, plan progress per executing
// agency, requests awaiting action.
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { claimListWhere } from "../../db/repositories/claims.ts";
import { todayVn } from "../../db/repositories/common.ts";
import { type DashboardData, loadDashboard } from "../../db/repositories/dashboard.ts";
import { claimDeadlines, claims, planTasks, taskInstances } from "../../db/schema/index.ts";
import { scopeCondition } from "../../db/scope.ts";
import type { AppDb } from "../../db/types.ts";
import { errorResponses, IsoDateSchema } from "../contracts/common.ts";
import { Dashboard, DeadlineItem } from "../contracts/dashboard.ts";
import type { SameShape } from "../contracts/same-shape.ts";
import { scopeOf } from "../plugins/scope.ts";

// The repository's type is the contract's, key for key (the web dashboard reads the contract's type).
true satisfies SameShape<typeof Dashboard, DashboardData>;

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/dashboard",
    {
      schema: {
        tags: ["Tổng quan"],
        summary:
          "Số liệu tổng quan trong phạm vi: chỉ tiêu thống kê của năm (như /api/statistics), thời hạn trong tuần / quá hạn, tiến độ kế hoạch, yêu cầu chờ xử lý",
        querystring: z.object({ as_of: IsoDateSchema.optional() }).strict(),
        response: { 200: Dashboard, ...errorResponses },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => loadDashboard(db, scopeOf(request), request.query.as_of ?? todayVn()),
  );

  app.get(
    "/api/deadlines",
    {
      schema: {
        tags: ["Tổng quan"],
        summary:
          "Các hạn trong khoảng ngày (lịch thời hạn): thời hạn của vụ việc đang giải quyết và nhiệm vụ kế hoạch chưa hoàn thành, trong phạm vi",
        querystring: z.object({ from: IsoDateSchema, to: IsoDateSchema }).strict(),
        response: {
          200: z.object({
            claims: z.array(DeadlineItem.extend({ status: z.string().nullable() })),
            tasks: z.array(
              z.object({
                id: z.string(),
                agency_id: z.string(),
                period_label: z.string().nullable(),
                due: z.string(),
                status: z.string(),
                ref: z.string().nullable(),
                content: z.string(),
                plan_id: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { from, to } = request.query;
      const open = claimListWhere(scope, { open: true });
      const tiScope = scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId);
      const [claimRows, taskRows] = await Promise.all([
        db
          .select({
            claim_id: claims.id,
            code: claims.code,
            claimant_name: claims.claimantName,
            step: claimDeadlines.step,
            label: claimDeadlines.label,
            due: claimDeadlines.due,
            basis: claimDeadlines.basis,
            confidence: claimDeadlines.confidence,
            status: claimDeadlines.status,
          })
          .from(claimDeadlines)
          .innerJoin(claims, eq(claims.id, claimDeadlines.claimId))
          .where(
            and(
              ...(open ? [open] : []),
              eq(claimDeadlines.kind, "deadline"),
              gte(claimDeadlines.due, from),
              lte(claimDeadlines.due, to),
            ),
          )
          .orderBy(asc(claimDeadlines.due), asc(claims.code))
          .limit(500),
        db
          .select({
            id: taskInstances.id,
            agency_id: taskInstances.agencyId,
            period_label: taskInstances.periodLabel,
            due: taskInstances.due,
            status: taskInstances.status,
            ref: planTasks.ref,
            content: planTasks.content,
            plan_id: planTasks.planId,
          })
          .from(taskInstances)
          .innerJoin(planTasks, eq(planTasks.id, taskInstances.taskId))
          .where(and(...(tiScope ? [tiScope] : []), gte(taskInstances.due, from), lte(taskInstances.due, to)))
          .orderBy(asc(taskInstances.due))
          .limit(500),
      ]);
      return {
        claims: claimRows.map((d) => ({ ...d, due: d.due ?? "" })),
        tasks: taskRows.map((t) => ({ ...t, due: t.due ?? "" })),
      };
    },
  );
};
