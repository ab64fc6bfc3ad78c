// GET /api/dashboard — aggregates for the web dashboard, within the caller's scope (the same scope conditions as the
// lists: claims via claimListWhere, task instances and requests via scopeCondition): open claims by state and field,
// deadlines due this week / overdue, plan progress per executing agency, requests awaiting action, claims by year,
// province and field.
import { and, asc, count, eq, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { claimListWhere } from "../../db/repositories/claims.ts";
import { todayVn } from "../../db/repositories/common.ts";
import { agencies, claimDeadlines, claims, planTasks, requests, taskInstances } from "../../db/schema/index.ts";
import { scopeCondition } from "../../db/scope.ts";
import type { AppDb } from "../../db/types.ts";
import { addDays, dayOfWeek } from "../../domain/shared/dates.ts";
import { errorResponses, IsoDateSchema } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const Count = z.object({ key: z.string(), n: z.number() });
const DeadlineItem = z.object({
  claim_id: z.string(),
  code: z.string(),
  claimant_name: z.string(),
  step: z.string(),
  label: z.string().nullable(),
  due: z.string(),
  basis: z.string().nullable(),
  confidence: z.string().nullable(),
});
const Dashboard = z.object({
  as_of: z.string(),
  week: z.object({ from: z.string(), to: z.string() }),
  claims_total: z.number(),
  claims_open: z.number(),
  open_by_state: z.array(Count),
  open_by_field: z.array(Count),
  by_year: z.array(Count),
  by_province: z.array(Count.extend({ name: z.string().nullable() })),
  by_field: z.array(Count),
  deadlines_this_week: z.array(DeadlineItem),
  deadlines_overdue: z.array(DeadlineItem),
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

const counts = (rows: Array<{ key: unknown; n: unknown }>) =>
  rows.map((r) => ({ key: r.key === null ? "" : String(r.key), n: Number(r.n) }));

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/dashboard",
    {
      schema: {
        tags: ["Tổng quan"],
        summary:
          "Số liệu tổng quan trong phạm vi: vụ việc đang giải quyết theo trạng thái và lĩnh vực, thời hạn trong tuần / quá hạn, tiến độ kế hoạch, yêu cầu chờ xử lý",
        querystring: z.object({ as_of: IsoDateSchema.optional() }).strict(),
        response: { 200: Dashboard, ...errorResponses },
      },
      config: { access: { permission: "claims.read" } },
    },
    async (request) => {
      const scope = scopeOf(request);
      const asOf = request.query.as_of ?? todayVn();
      // Week = Monday … Sunday containing as_of (dayOfWeek: 0 = Sunday).
      const dow = dayOfWeek(asOf);
      const weekFrom = addDays(asOf, dow === 0 ? -6 : 1 - dow);
      const weekTo = addDays(weekFrom, 6);
      const all = claimListWhere(scope, {});
      const open = claimListWhere(scope, { open: true });
      const year = sql<number>`extract(year from ${claims.receivedOn})::int`;

      const [[tot], [op], byState, byField, byYear, byProvince, byFieldAll] = await Promise.all([
        db.select({ n: count() }).from(claims).where(all),
        db.select({ n: count() }).from(claims).where(open),
        db
          .select({ key: claims.state, n: count() })
          .from(claims)
          .where(open)
          .groupBy(claims.state)
          .orderBy(asc(claims.state)),
        db
          .select({ key: claims.field, n: count() })
          .from(claims)
          .where(open)
          .groupBy(claims.field)
          .orderBy(asc(claims.field)),
        db.select({ key: year, n: count() }).from(claims).where(all).groupBy(year).orderBy(asc(year)),
        db
          .select({ key: agencies.provinceCode, n: count() })
          .from(claims)
          .innerJoin(agencies, eq(agencies.id, claims.handlingAgencyId))
          .where(all)
          .groupBy(agencies.provinceCode)
          .orderBy(asc(agencies.provinceCode)),
        db
          .select({ key: claims.field, n: count() })
          .from(claims)
          .where(all)
          .groupBy(claims.field)
          .orderBy(asc(claims.field)),
      ]);

      // Province names: the UBND tỉnh of each province code.
      const codes = byProvince.map((r) => r.key).filter((c): c is string => !!c);
      const provinceNames = new Map<string, string>();
      if (codes.length) {
        const rows = await db
          .select({ code: agencies.provinceCode, name: agencies.name })
          .from(agencies)
          .where(and(inArray(agencies.provinceCode, codes), eq(agencies.role, "UBND_TINH")));
        for (const r of rows) if (r.code) provinceNames.set(r.code, r.name.replace(/^Ủy ban nhân dân\s+/i, ""));
      }

      const dl = (extra: SQL) =>
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
          })
          .from(claimDeadlines)
          .innerJoin(claims, eq(claims.id, claimDeadlines.claimId))
          .where(
            and(
              ...(open ? [open] : []),
              eq(claimDeadlines.kind, "deadline"),
              inArray(claimDeadlines.status, ["open", "overdue"]),
              extra,
            ),
          )
          .orderBy(asc(claimDeadlines.due), asc(claims.code))
          .limit(50);
      const [thisWeek, overdue] = await Promise.all([
        dl(and(gte(claimDeadlines.due, asOf), lte(claimDeadlines.due, weekTo))!),
        dl(lt(claimDeadlines.due, asOf)),
      ]);

      const tiScope = scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId);
      const progressRows = await db
        .select({
          agency_id: taskInstances.agencyId,
          agency_name: agencies.name,
          status: taskInstances.status,
          late: sql<boolean>`(${taskInstances.status} not in ('done','cancelled') and ${taskInstances.due} < ${asOf})`,
          n: count(),
        })
        .from(taskInstances)
        .innerJoin(agencies, eq(agencies.id, taskInstances.agencyId))
        .where(tiScope)
        .groupBy(taskInstances.agencyId, agencies.name, taskInstances.status, sql`4`);
      const progress = new Map<
        string,
        {
          agency_id: string;
          agency_name: string;
          total: number;
          done: number;
          in_progress: number;
          pending: number;
          overdue: number;
        }
      >();
      for (const r of progressRows) {
        const p = progress.get(r.agency_id) ?? {
          agency_id: r.agency_id,
          agency_name: r.agency_name,
          total: 0,
          done: 0,
          in_progress: 0,
          pending: 0,
          overdue: 0,
        };
        const n = Number(r.n);
        p.total += n;
        if (r.status === "done") p.done += n;
        else if (r.status === "in_progress") p.in_progress += n;
        else if (r.status === "pending") p.pending += n;
        if (r.late || r.status === "overdue") p.overdue += n;
        progress.set(r.agency_id, p);
      }

      // Requests awaiting action: addressed to the acting agency, still open or in progress.
      const awaitingWhere = and(
        scope.agencyId ? eq(requests.toAgencyId, scope.agencyId) : sql`false`,
        inArray(requests.status, ["open", "in_progress"]),
      );
      const [[aw], awItems] = await Promise.all([
        db.select({ n: count() }).from(requests).where(awaitingWhere),
        db
          .select({
            id: requests.id,
            kind: requests.kind,
            topic: requests.topic,
            from_agency_id: requests.fromAgencyId,
            status: requests.status,
            due: requests.due,
          })
          .from(requests)
          .where(awaitingWhere)
          .orderBy(sql`${requests.due} asc nulls last`, asc(requests.createdAt))
          .limit(10),
      ]);

      return {
        as_of: asOf,
        week: { from: weekFrom, to: weekTo },
        claims_total: Number(tot.n),
        claims_open: Number(op.n),
        open_by_state: counts(byState),
        open_by_field: counts(byField),
        by_year: counts(byYear.filter((r) => r.key !== null)),
        by_province: counts(byProvince).map((r) => ({ ...r, name: provinceNames.get(r.key) ?? null })),
        by_field: counts(byFieldAll),
        deadlines_this_week: thisWeek.map((d) => ({ ...d, due: d.due ?? "" })),
        deadlines_overdue: overdue.map((d) => ({ ...d, due: d.due ?? "" })),
        plan_progress: [...progress.values()].sort((a, b) => b.total - a.total).slice(0, 20),
        requests_awaiting: { total: Number(aw.n), items: awItems },
      };
    },
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
      config: { access: { permission: "claims.read" } },
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
