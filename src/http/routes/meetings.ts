// /api/meetings: meetings and field trips on complex, backlogged, prolonged cases (KH 2021 mục II.2) — scheduled from a
// case-list snapshot, outcome recorded, report (.docx, numbered from the outgoing register) issued and downloadable.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createMeeting,
  getMeeting,
  listMeetings,
  MEETING_VARIANTS,
  meetingReportFile,
  recordMeetingOutcome,
} from "../../db/repositories/meetings.ts";
import type { AppDb } from "../../db/types.ts";
import { SIGN_AUTHORITIES } from "../../documents/index.ts";
import { errorResponses, IsoDateSchema, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { sendFile } from "../uploads.ts";

const TAGS = ["Họp, đoàn công tác"];
const AnyObj = z.record(z.string(), z.unknown());
const Text = (max: number) => z.string().trim().min(1).max(max);
const Signer = z
  .object({
    authority: z.enum(SIGN_AUTHORITIES).optional(),
    authority_title: Text(200).optional(),
    title: Text(200),
    name: Text(120),
  })
  .strict();

export const meetingRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.post(
    "/api/meetings",
    {
      schema: {
        tags: TAGS,
        summary: "Lên lịch cuộc họp / đoàn công tác từ danh mục vụ việc phức tạp, tồn đọng, kéo dài (KH 2021 mục II.2)",
        body: z
          .object({
            snapshot_id: z.uuid().optional(),
            agency_id: Text(100).optional(),
            variant: z.enum(MEETING_VARIANTS),
            topic: Text(500),
            held_on: IsoDateSchema,
            held_until: IsoDateSchema.optional(),
            venue: Text(300),
            participant_agency_ids: z.array(Text(100)).min(1).max(50),
            agenda: z.array(Text(2000)).min(1).max(50),
            claim_ids: z.array(z.uuid()).max(200),
          })
          .strict(),
        response: { 201: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => {
      const m = await createMeeting(db, scopeOf(request), request.body);
      reply.header("location", `/api/meetings/${m.id}`);
      return reply.code(201).send(jsonDates(m));
    },
  );

  app.get(
    "/api/meetings",
    {
      schema: {
        tags: TAGS,
        summary: "Các cuộc họp / đoàn công tác trong phạm vi",
        querystring: z
          .object({ status: z.enum(["planned", "held"]).optional(), snapshot_id: z.uuid().optional() })
          .strict(),
        response: { 200: z.object({ items: z.array(AnyObj) }), ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => ({ items: jsonDates(await listMeetings(db, scopeOf(request), request.query)) }),
  );

  app.get(
    "/api/meetings/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Một cuộc họp / đoàn công tác (vụ việc xem xét, kết quả, báo cáo)",
        params: UuidParam,
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => jsonDates(await getMeeting(db, scopeOf(request), request.params.id)),
  );

  app.post(
    "/api/meetings/:id/outcome",
    {
      schema: {
        tags: TAGS,
        summary:
          "Ghi nhận kết quả và ban hành báo cáo kết quả cuộc họp / công tác tại địa phương (.docx, số từ sổ văn bản đi; minh chứng nhiệm vụ II.2)",
        params: UuidParam,
        body: z
          .object({
            version: z.number().int().min(1),
            chair: Text(300).optional(),
            results: z
              .array(z.object({ heading: Text(300), paragraphs: z.array(Text(10_000)).min(1) }).strict())
              .min(1),
            conclusions: z.array(Text(5000)).min(1),
            proposals: z.array(Text(5000)).optional(),
            cases: z
              .array(z.object({ claim_id: z.uuid(), status: Text(1000), direction: Text(2000).optional() }).strict())
              .optional(),
            report_to: z.array(Text(300)).optional(),
            signature: Signer,
            date: IsoDateSchema.optional(),
            unit_code: z
              .string()
              .trim()
              .regex(/^[A-ZĐ0-9]{1,10}$/)
              .optional(),
          })
          .strict(),
        response: { 201: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(jsonDates(await recordMeetingOutcome(db, scopeOf(request), request.params.id, request.body))),
  );

  app.get(
    "/api/meetings/:id/report",
    {
      schema: { tags: TAGS, summary: "Tải báo cáo kết quả (.docx)", params: UuidParam },
      config: { access: { permission: "plans.read" } },
    },
    async (request, reply) => {
      const f = await meetingReportFile(db, scopeOf(request), request.params.id);
      return sendFile(reply, f.fileName, f.mimeType, Buffer.from(f.content ?? new Uint8Array()));
    },
  );
};
