// /api/trainings: trainings (tập huấn) and dissemination (tuyên truyền) events — KH 2021 mục II.4 (seed 000),
// KH Thanh Hóa 2024 mục II.1–2 (seed 001). Evidence for plan tasks and for the QĐ 3062 criteria (nhóm III).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createTraining,
  getTraining,
  linkTrainingEvidence,
  listTrainings,
  TRAINING_KINDS,
  updateTraining,
} from "../../db/repositories/trainings.ts";
import type { AppDb } from "../../db/types.ts";
import { errorResponses, IsoDateSchema, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Tập huấn, tuyên truyền"];
const AgencyId = z.string().trim().min(1).max(100);

export const TrainingCreate = z
  .object({
    kind: z.enum(TRAINING_KINDS),
    title: z.string().trim().min(3).max(500),
    organiser_agency_id: AgencyId,
    co_organiser_agency_ids: z.array(AgencyId).max(50).optional(),
    date: IsoDateSchema,
    end_date: IsoDateSchema.nullable().optional(),
    location: z.string().trim().max(300).nullable().optional(),
    audience: z.string().trim().max(1000).nullable().optional(),
    participants: z.number().int().min(0).max(1_000_000),
    participant_groups: z.record(z.string().max(200), z.number().int().min(0).max(1_000_000)).nullable().optional(),
    material_attachment_ids: z.array(z.uuid()).max(50).optional(),
    materials: z
      .array(
        z
          .object({ title: z.string().trim().min(1).max(300), url: z.string().max(1000).nullable().optional() })
          .strict(),
      )
      .max(50)
      .optional(),
    task_instance_id: z.uuid().nullable().optional(),
    basis: z.string().trim().max(500).nullable().optional(),
    note: z.string().max(5000).nullable().optional(),
  })
  .strict();

const TrainingPatchBody = TrainingCreate.pick({
  title: true,
  co_organiser_agency_ids: true,
  date: true,
  end_date: true,
  location: true,
  audience: true,
  participants: true,
  participant_groups: true,
  materials: true,
  basis: true,
  note: true,
})
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const trainingRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/trainings",
    {
      schema: {
        tags: TAGS,
        summary: "Các lớp tập huấn và hoạt động tuyên truyền trong phạm vi",
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          kind: z.enum(TRAINING_KINDS).optional(),
          agency_id: AgencyId.optional(),
        }),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => ({ items: jsonDates(await listTrainings(db, scopeOf(request), request.query)) }),
  );

  app.post(
    "/api/trainings",
    {
      schema: {
        tags: TAGS,
        summary:
          "Ghi nhận lớp tập huấn / hoạt động tuyên truyền (cơ quan chủ trì, phối hợp, ngày, đối tượng, số người, tài liệu)",
        body: TrainingCreate,
        response: { 201: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => {
      const r = await createTraining(db, scopeOf(request), request.body);
      reply.header("location", `/api/trainings/${r.id}`);
      return reply.code(201).send(jsonDates(r));
    },
  );

  app.get(
    "/api/trainings/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Chi tiết hoạt động tập huấn, tuyên truyền",
        params: UuidParam,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => jsonDates(await getTraining(db, scopeOf(request), request.params.id)),
  );

  app.patch(
    "/api/trainings/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Sửa hoạt động tập huấn, tuyên truyền (chỉ cơ quan chủ trì; cơ quan phối hợp chỉ xem)",
        params: UuidParam,
        body: TrainingPatchBody,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request) => jsonDates(await updateTraining(db, scopeOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/trainings/:id/evidence",
    {
      schema: {
        tags: TAGS,
        summary: "Dùng hoạt động làm minh chứng cho nhiệm vụ của cơ quan chủ trì hoặc cơ quan phối hợp",
        params: UuidParam,
        body: z.object({ task_instance_id: z.uuid() }).strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request) => linkTrainingEvidence(db, scopeOf(request), request.params.id, request.body.task_instance_id),
  );
};
