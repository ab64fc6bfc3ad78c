// /api/inspections: inspection plans (lead agency, team, targets, schedule), results with recommendations that become
// follow-up records, the inspection report (.docx) and the exchange of results between the two lead agencies
// (KH 2021 mục II.10 — seed 000; KH Thanh Hóa 2024 mục II.6 — seed 001).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createInspection,
  getInspection,
  inspectionReportDocx,
  listInspections,
  recordResult,
  updateFollowup,
  updateInspection,
} from "../../db/repositories/inspections.ts";
import type { AppDb } from "../../db/types.ts";
import { FOLLOWUP_STATUSES, INSPECTION_STATUSES } from "../../domain/inspections/index.ts";
import { errorResponses, IsoDateSchema, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { sendFile } from "../uploads.ts";

const TAGS = ["Kiểm tra"];
const AgencyId = z.string().trim().min(1).max(100);
const Team = z
  .array(
    z
      .object({
        name: z.string().trim().min(2).max(120),
        title: z.string().trim().max(200).nullable().optional(),
        agency_id: AgencyId.nullable().optional(),
        role: z.enum(["leader", "member"]),
      })
      .strict(),
  )
  .min(1)
  .max(50);
const Targets = z
  .array(
    z
      .object({
        agency_id: AgencyId,
        date: IsoDateSchema.nullable().optional(),
        content: z.string().trim().max(2000).nullable().optional(),
      })
      .strict(),
  )
  .min(1)
  .max(100);

export const InspectionCreate = z
  .object({
    title: z.string().trim().min(3).max(500),
    lead_agency_id: AgencyId,
    coordinator_agency_ids: z.array(AgencyId).max(20).optional(),
    year: z.number().int().min(2000).max(2100),
    basis: z.string().trim().max(1000).nullable().optional(),
    team: Team,
    targets: Targets,
    task_instance_id: z.uuid().nullable().optional(),
  })
  .strict();

export const InspectionResult = z
  .object({
    findings: z
      .array(
        z
          .object({
            target_agency_id: AgencyId,
            heading: z.string().trim().max(300).nullable().optional(),
            text: z.string().trim().min(3).max(10_000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    recommendations: z
      .array(
        z
          .object({
            target_agency_id: AgencyId,
            recommendation: z.string().trim().min(3).max(5000),
            due: IsoDateSchema.nullable().optional(),
          })
          .strict(),
      )
      .max(100),
    report_date: IsoDateSchema.optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const inspectionRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  const read = { access: { permission: "plans.read" as const } };
  const write = { access: { permission: "plans.write" as const } };

  app.get(
    "/api/inspections",
    {
      schema: {
        tags: TAGS,
        summary: "Các cuộc kiểm tra (chủ trì, phối hợp, đối tượng, hoặc được chia sẻ kết quả)",
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.any(), ...errorResponses },
      },
      config: read,
    },
    async (request) => ({ items: jsonDates(await listInspections(db, scopeOf(request), request.query)) }),
  );

  app.post(
    "/api/inspections",
    {
      schema: {
        tags: TAGS,
        summary: "Lập kế hoạch kiểm tra (cơ quan chủ trì, đoàn kiểm tra, đối tượng, lịch)",
        body: InspectionCreate,
        response: { 201: z.any(), ...errorResponses },
      },
      config: write,
    },
    async (request, reply) => {
      const r = await createInspection(db, scopeOf(request), request.body);
      reply.header("location", `/api/inspections/${r.id}`);
      return reply.code(201).send(jsonDates(r));
    },
  );

  app.get(
    "/api/inspections/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Chi tiết cuộc kiểm tra: kết quả, kiến nghị và việc thực hiện",
        params: UuidParam,
        response: { 200: z.any(), ...errorResponses },
      },
      config: read,
    },
    async (request) => jsonDates(await getInspection(db, scopeOf(request), request.params.id)),
  );

  app.patch(
    "/api/inspections/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Sửa kế hoạch kiểm tra (đoàn, đối tượng, lịch, trạng thái)",
        params: UuidParam,
        body: z
          .object({
            title: z.string().trim().min(3).max(500).optional(),
            status: z.enum(INSPECTION_STATUSES).optional(),
            team: Team.optional(),
            targets: Targets.optional(),
            coordinator_agency_ids: z.array(AgencyId).max(20).optional(),
            basis: z.string().trim().max(1000).nullable().optional(),
            version: z.number().int().min(1),
          })
          .strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: write,
    },
    async (request) => jsonDates(await updateInspection(db, scopeOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/inspections/:id/results",
    {
      schema: {
        tags: TAGS,
        summary:
          "Ghi kết quả kiểm tra; kiến nghị thành việc theo dõi; gửi kết quả cho cơ quan chủ trì còn lại (KH 2021 mục II.10)",
        params: UuidParam,
        body: InspectionResult,
        response: { 200: z.any(), ...errorResponses },
      },
      config: write,
    },
    async (request) => jsonDates(await recordResult(db, scopeOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/inspections/:id/report",
    {
      schema: {
        tags: TAGS,
        summary: "Báo cáo kết quả kiểm tra (.docx, thể thức Nghị định 30)",
        params: UuidParam,
        querystring: z.object({
          target_agency_id: AgencyId.optional(),
          signer_title: z.string().trim().min(1).max(200).optional(),
          signer_name: z.string().trim().min(1).max(120).optional(),
          period: z.string().trim().min(1).max(300).optional(),
        }),
      },
      config: read,
    },
    async (request, reply) => {
      const r = await inspectionReportDocx(db, scopeOf(request), request.params.id, request.query);
      return sendFile(
        reply,
        r.fileName,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        r.bytes,
      );
    },
  );

  app.patch(
    "/api/inspection-followups/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Cập nhật việc thực hiện kiến nghị sau kiểm tra",
        params: UuidParam,
        body: z
          .object({
            status: z.enum(FOLLOWUP_STATUSES).optional(),
            result: z.string().trim().max(5000).nullable().optional(),
            done_on: IsoDateSchema.nullable().optional(),
            version: z.number().int().min(1),
          })
          .strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: write,
    },
    async (request) => updateFollowup(db, scopeOf(request), request.params.id, request.body),
  );
};
