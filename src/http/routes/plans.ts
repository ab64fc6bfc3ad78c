// /api/plans and /api/task-instances: plans (kế hoạch) with their numbered tasks, and task instances per executing
// agency. Basic CRUD; updates use optimistic concurrency (`version` or If-Match → 409 when stale).

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createPlan,
  createTaskInstances,
  getPlan,
  listPlans,
  listTaskInstances,
  updatePlan,
  updateTaskInstance,
} from "../../db/repositories/plans.ts";
import type { AppDb } from "../../db/types.ts";
import { DUE_FILTERS } from "../../domain/inbox/index.ts";
import {
  apiPage,
  errorResponses,
  etag,
  expectedVersion,
  IsoDateSchema,
  PageQuery,
  pageOf,
  repoPage,
  UuidParam,
} from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Kế hoạch"];
const Text = (max: number) => z.string().trim().max(max);
const AgencyId = Text(100).min(1);

const PlanTaskInput = z
  .object({
    ref: Text(50).nullable().optional(),
    content: Text(5000).min(1),
    lead_agency_id: AgencyId.nullable().optional(),
    lead_role: Text(40).nullable().optional(),
    coordinator_agency_ids: z.array(AgencyId).max(100).optional(),
    coordinator_roles: z.array(Text(40)).max(50).optional(),
    timing: Text(1000).nullable().optional(),
    schedule: z.unknown().optional(),
    expected_output: Text(1000).nullable().optional(),
    basis: Text(500).nullable().optional(),
  })
  .strict();

const ReportingPeriod = z
  .enum(["month", "quarter", "half_year", "year"])
  .describe("Kỳ báo cáo của nhiệm vụ thường xuyên: month | quarter | half_year (mặc định) | year");
const PlanFields = {
  number: Text(100).nullable().optional(),
  title: Text(1000).min(1),
  year: z.number().int().min(2000).max(2100),
  issued_on: IsoDateSchema.nullable().optional(),
  legal_basis: z.array(Text(1000)).max(50).nullable().optional(),
  status: Text(30).optional(),
  reporting_period: ReportingPeriod.optional(),
};
const PlanCreate = z
  .object({
    agency_id: AgencyId,
    ...PlanFields,
    source_text: Text(200_000).nullable().optional(),
    tasks: z.array(PlanTaskInput).max(500).optional(),
  })
  .strict();
const PlanPatch = z
  .object({
    ...PlanFields,
    title: PlanFields.title.optional(),
    year: PlanFields.year.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

const Plan = z.object({
  id: z.string(),
  agency_id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  year: z.number(),
  issued_on: z.string().nullable(),
  legal_basis: z.unknown(),
  status: z.string(),
  reporting_period: z.string(),
  /** False: the caller's agency is only named in the plan (lead or coordinator of a task) and sees it read-only. */
  owned: z.boolean().optional(),
  version: z.number(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
const PlanTask = z.object({
  id: z.string(),
  plan_id: z.string(),
  position: z.number(),
  ref: z.string().nullable(),
  content: z.string(),
  lead_agency_id: z.string().nullable(),
  lead_role: z.string().nullable(),
  coordinator_agency_ids: z.unknown(),
  coordinator_roles: z.unknown(),
  timing: z.string().nullable(),
  schedule: z.unknown(),
  expected_output: z.string().nullable(),
  basis: z.string().nullable(),
});
const PlanDetail = Plan.extend({ source_text: z.string().nullable().optional(), tasks: z.array(PlanTask) });

export const Contribution = z.object({
  agency_id: z.string(),
  status: z.string(),
  effective_status: z.string(),
  note: z.string().nullable(),
  completed_on: z.string().nullable(),
  version: z.number(),
  updated_by: z.string().nullable(),
  updated_at: z.string(),
  /** The caller records this part: its own agency's, or that of an agency it succeeded. */
  is_own: z.boolean().optional(),
});
export const TaskInstance = z.object({
  id: z.string(),
  /** Null for a task created by a request (request_id) rather than by a plan clause. */
  task_id: z.string().nullable(),
  request_id: z.string().nullable(),
  title: z.string().nullable(),
  basis: z.string().nullable(),
  agency_id: z.string(),
  lead_agency_id: z.string().nullable(),
  coordinator_agency_ids: z.unknown(),
  period_label: z.string().nullable(),
  due: z.string().nullable(),
  status: z.string(),
  evidence: z.unknown(),
  completed_on: z.string().nullable(),
  version: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Status a reader sees: "overdue" derived from the due date on the working-day calendar. */
  effective_status: z.string().optional(),
  /** True when the caller's agency leads the occurrence and may update it. */
  is_lead: z.boolean().optional(),
  coordinators: z.array(Contribution).optional(),
});
const TaskInstanceCreate = z
  .object({
    task_id: z.uuid(),
    agency_id: AgencyId.optional(),
    lead_agency_id: AgencyId.nullable().optional(),
    coordinator_agency_ids: z.array(AgencyId).max(100).optional(),
    period_label: Text(100).nullable().optional(),
    due: IsoDateSchema.nullable().optional(),
    status: Text(30).optional(),
  })
  .strict();
const TaskInstancePatch = z
  .object({
    status: Text(30).optional(),
    evidence: z.unknown().optional(),
    completed_on: IsoDateSchema.nullable().optional(),
    due: IsoDateSchema.nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

const read = { access: { permission: "plans.read" } } as const;
const write = { access: { permission: "plans.write" } } as const;

export const planRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/plans",
    {
      schema: {
        tags: TAGS,
        summary: "Danh sách kế hoạch trong phạm vi (lọc theo năm, cơ quan, trạng thái; tìm không dấu)",
        querystring: PageQuery.extend({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          agency_id: z.string().max(100).optional(),
          status: z.string().max(30).optional(),
        }).strict(),
        response: { 200: pageOf(Plan), ...errorResponses },
      },
      config: { ...read, cache: true },
    },
    async (request) => {
      const { page, page_size, ...filter } = request.query;
      return apiPage(
        await listPlans(db, scopeOf(request), filter, repoPage({ page, page_size })),
        { page, page_size },
        jsonDates,
      );
    },
  );

  app.post(
    "/api/plans",
    {
      schema: {
        tags: TAGS,
        summary: "Tạo kế hoạch kèm các nhiệm vụ",
        body: PlanCreate,
        response: { 201: PlanDetail, ...errorResponses },
      },
      config: write,
    },
    async (request, reply) => {
      const plan = await createPlan(db, scopeOf(request), request.body);
      reply.header("etag", etag(plan.version)).header("location", `/api/plans/${plan.id}`);
      return reply.code(201).send(jsonDates(plan));
    },
  );

  app.get(
    "/api/plans/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Một kế hoạch và các nhiệm vụ",
        params: UuidParam,
        response: { 200: PlanDetail, ...errorResponses },
      },
      config: { ...read, cache: true },
    },
    async (request, reply) => {
      const plan = await getPlan(db, scopeOf(request), request.params.id);
      reply.header("etag", etag(plan.version));
      return jsonDates(plan);
    },
  );

  app.patch(
    "/api/plans/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Sửa kế hoạch (cần version hoặc If-Match)",
        params: UuidParam,
        body: PlanPatch,
        response: { 200: Plan, 428: errorResponses[400], ...errorResponses },
      },
      config: write,
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const plan = await updatePlan(db, scopeOf(request), request.params.id, expectedVersion(request, version), patch);
      reply.header("etag", etag(plan.version));
      return jsonDates(plan);
    },
  );

  app.get(
    "/api/task-instances",
    {
      schema: {
        tags: TAGS,
        summary: "Nhiệm vụ theo cơ quan thực hiện (lọc theo kế hoạch, nhiệm vụ, cơ quan, trạng thái, hạn)",
        querystring: PageQuery.omit({ q: true })
          .extend({
            task_id: z.uuid().optional(),
            plan_id: z.uuid().optional(),
            agency_id: z.string().max(100).optional(),
            status: z.string().max(30).optional(),
            due_before: IsoDateSchema.optional(),
            due: z
              .enum(DUE_FILTERS)
              .optional()
              .describe("soon: chưa xong, hạn trong 5 ngày làm việc; overdue: quá hạn"),
          })
          .strict(),
        response: { 200: pageOf(TaskInstance), ...errorResponses },
      },
      config: { ...read, cache: true },
    },
    async (request) => {
      const { page, page_size, ...filter } = request.query;
      return apiPage(
        await listTaskInstances(db, scopeOf(request), filter, repoPage({ page, page_size })),
        { page, page_size },
        jsonDates,
      );
    },
  );

  app.post(
    "/api/task-instances",
    {
      schema: {
        tags: TAGS,
        summary: "Giao nhiệm vụ cho các cơ quan thực hiện",
        body: z.object({ items: z.array(TaskInstanceCreate).min(1).max(200) }).strict(),
        response: { 201: z.object({ items: z.array(TaskInstance) }), ...errorResponses },
      },
      config: write,
    },
    async (request, reply) =>
      reply.code(201).send({ items: jsonDates(await createTaskInstances(db, scopeOf(request), request.body.items)) }),
  );

  app.patch(
    "/api/task-instances/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Cập nhật tiến độ nhiệm vụ (cần version hoặc If-Match)",
        params: UuidParam,
        body: TaskInstancePatch,
        response: { 200: TaskInstance, 428: errorResponses[400], ...errorResponses },
      },
      config: write,
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const ti = await updateTaskInstance(
        db,
        scopeOf(request),
        request.params.id,
        expectedVersion(request, version),
        patch,
      );
      reply.header("etag", etag(ti.version));
      return jsonDates(ti);
    },
  );
};
