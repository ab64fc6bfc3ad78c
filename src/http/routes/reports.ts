// /api/report-templates, /api/report-rounds: consolidated reports up the hierarchy (seed 001 §III; TT 08/2019
// Điều 24–25). Open (ministry or province) → each agency reviews derived figures, adds narrative, submits → reminders
// and overdue marks → the opener consolidates → DOCX (Decree 30) and XLSX export.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  consolidateRound,
  createTemplate,
  exportRound,
  getRound,
  getSubmissionDraft,
  listRounds,
  listTemplates,
  openRound,
  recallSubmission,
  remind,
  returnSubmission,
  saveSubmission,
} from "../../db/repositories/reports.ts";
import type { AppDb } from "../../db/types.ts";
import { NARRATIVE_KEYS } from "../../domain/reports/index.ts";
import { PERIOD_KINDS } from "../../domain/statistics/index.ts";
import { errorResponses, IsoDateSchema, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Báo cáo tổng hợp"];
const AgencyId = z.string().trim().min(1).max(100);
const NarrativeBody = z
  .object(
    Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, z.string().max(20_000).optional()])) as Record<
      (typeof NARRATIVE_KEYS)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();

const RoundCreate = z
  .object({
    title: z.string().trim().max(500).optional(),
    template_id: z.string().trim().min(1).max(60),
    period_kind: z.enum(PERIOD_KINDS),
    year: z.number().int().min(2000).max(2100),
    half: z.number().int().min(1).max(2).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    deadline: IsoDateSchema.optional(),
    agency_id: AgencyId,
    participant_ids: z.array(AgencyId).min(1).max(200).optional(),
    parent_round_id: z.uuid().nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict();

const AgencyParams = z.object({ id: z.uuid(), agency_id: AgencyId });

export const reportRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/report-templates",
    {
      schema: {
        tags: TAGS,
        summary: "Mẫu báo cáo (dữ liệu: phần chỉ tiêu, phần thuyết minh)",
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async () => ({ items: await listTemplates(db) }),
  );

  app.post(
    "/api/report-templates",
    {
      schema: {
        tags: TAGS,
        summary: "Thêm mẫu báo cáo đột xuất",
        body: z.record(z.string(), z.unknown()),
        response: { 201: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => reply.code(201).send(await createTemplate(db, scopeOf(request), request.body)),
  );

  app.get(
    "/api/report-rounds",
    {
      schema: {
        tags: TAGS,
        summary: "Các kỳ báo cáo mở bởi hoặc gửi tới cơ quan trong phạm vi",
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => ({ items: jsonDates(await listRounds(db, scopeOf(request))) }),
  );

  app.post(
    "/api/report-rounds",
    {
      schema: {
        tags: TAGS,
        summary: "Mở kỳ báo cáo (kỳ, mẫu, hạn gửi, cơ quan báo cáo)",
        body: RoundCreate,
        response: { 201: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => {
      const r = await openRound(db, scopeOf(request), request.body);
      reply.header("location", `/api/report-rounds/${r.id}`);
      return reply.code(201).send(jsonDates(r));
    },
  );

  app.get(
    "/api/report-rounds/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Kỳ báo cáo: tình trạng gửi của từng cơ quan, đôn đốc, quá hạn",
        params: UuidParam,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => jsonDates(await getRound(db, scopeOf(request), request.params.id)),
  );

  app.get(
    "/api/report-rounds/:id/submissions/:agency_id",
    {
      schema: {
        tags: TAGS,
        summary: "Số liệu tính sẵn cho cơ quan và thuyết minh đang soạn",
        params: AgencyParams,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => getSubmissionDraft(db, scopeOf(request), request.params.id, request.params.agency_id),
  );

  app.put(
    "/api/report-rounds/:id/submissions/:agency_id",
    {
      schema: {
        tags: TAGS,
        summary: "Lưu thuyết minh; submit=true gửi báo cáo (số liệu chốt tại thời điểm gửi)",
        params: AgencyParams,
        body: z
          .object({
            narrative: NarrativeBody.optional(),
            submit: z.boolean().optional(),
            version: z.number().int().min(1).optional(),
          })
          .strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request) =>
      jsonDates(await saveSubmission(db, scopeOf(request), request.params.id, request.params.agency_id, request.body)),
  );

  app.post(
    "/api/report-rounds/:id/submissions/:agency_id/remind",
    {
      schema: {
        tags: TAGS,
        summary: "Đôn đốc cơ quan chưa gửi báo cáo",
        params: AgencyParams,
        body: z.object({ note: z.string().max(2000).nullable().optional() }).strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request) =>
      jsonDates(
        await remind(db, scopeOf(request), request.params.id, request.params.agency_id, request.body.note ?? null),
      ),
  );

  app.post(
    "/api/report-rounds/:id/submissions/:agency_id/recall",
    {
      schema: {
        tags: TAGS,
        summary: "Cơ quan gửi thu hồi báo cáo đã gửi để chỉnh sửa (chỉ khi kỳ báo cáo chưa tổng hợp; sau đó: 409)",
        params: AgencyParams,
        body: z.object({}).strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request) =>
      jsonDates(await recallSubmission(db, scopeOf(request), request.params.id, request.params.agency_id)),
  );

  app.post(
    "/api/report-rounds/:id/submissions/:agency_id/return",
    {
      schema: {
        tags: TAGS,
        summary: "Cơ quan mở kỳ báo cáo trả lại báo cáo đã gửi, nêu lý do, để cơ quan gửi chỉnh sửa và gửi lại",
        params: AgencyParams,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request) =>
      jsonDates(
        await returnSubmission(db, scopeOf(request), request.params.id, request.params.agency_id, request.body.reason),
      ),
  );

  app.post(
    "/api/report-rounds/:id/consolidate",
    {
      schema: {
        tags: TAGS,
        summary: "Tổng hợp số liệu và thuyết minh đã gửi",
        params: UuidParam,
        body: z.object({ narrative: NarrativeBody.optional() }).strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request) => jsonDates(await consolidateRound(db, scopeOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/report-rounds/:id/export",
    {
      schema: {
        tags: TAGS,
        summary: "Tải báo cáo tổng hợp: DOCX (Nghị định 30/2020) hoặc XLSX (bảng số liệu)",
        params: UuidParam,
        querystring: z.object({ format: z.enum(["docx", "xlsx"]).default("docx") }).strict(),
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request, reply) => {
      const f = await exportRound(db, scopeOf(request), request.params.id, request.query.format);
      reply.header("content-type", f.mime);
      reply.header("content-disposition", `attachment; filename="${f.fileName}"`);
      return reply.send(f.buffer);
    },
  );
};
