// Task tracking and coordination endpoints (issue 4): task detail, comments and evidence uploads; progress per plan and
// agency; in-app notifications; a request's coordination (tasks, forwarded copies with read receipts, drafted letters),
// the drafted outgoing letter (.docx, numbered from the register) and the urging-ladder proposal.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadVisibleAttachment } from "../../db/repositories/attachments.ts";
import { draftRequestLetter, latestRequestLetter } from "../../db/repositories/letters.ts";
import { listNotifications, markNotificationRead } from "../../db/repositories/notifications.ts";
import { markCopyRead, requestCoordination } from "../../db/repositories/request-copies.ts";
import { addTaskComment, addTaskEvidence, taskDetail } from "../../db/repositories/task-evidence.ts";
import { taskProgress } from "../../db/repositories/task-progress.ts";
import { urgingProposal } from "../../db/repositories/urging.ts";
import type { AppDb } from "../../db/types.ts";
import { readStored, type Uploads } from "../../db/uploads.ts";
import { DOCUMENT_BUILDER_IDS, SIGN_AUTHORITIES } from "../../documents/index.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { errorResponses, etag, IsoDateSchema, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { acceptRawUploads, documentUpload, sendFile, sendStored, UPLOAD_LIMIT } from "../uploads.ts";

const Signer = z
  .object({
    authority: z.enum(SIGN_AUTHORITIES).optional(),
    authority_title: z.string().trim().min(1).max(200).optional(),
    title: z.string().trim().min(1).max(200),
    name: z.string().trim().min(1).max(120),
  })
  .strict();

const AnyObj = z.record(z.string(), z.unknown());

export const coordinationRoutes: FastifyPluginAsyncZod<{
  db: AppDb;
  uploads: Uploads;
  now?: () => Date;
}> = async (app, opts) => {
  const { db } = opts;
  acceptRawUploads(app);

  app.get(
    "/api/task-instances/:id",
    {
      schema: {
        tags: ["Kế hoạch"],
        summary: "Một nhiệm vụ: trạng thái (kể cả quá hạn tính theo ngày), bình luận, tệp minh chứng",
        params: UuidParam,
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => jsonDates(await taskDetail(db, scopeOf(request), request.params.id)),
  );

  app.post(
    "/api/task-instances/:id/comments",
    {
      schema: {
        tags: ["Kế hoạch"],
        summary: "Thêm bình luận vào nhiệm vụ",
        params: UuidParam,
        body: z.object({ body: z.string().trim().min(1).max(5000) }).strict(),
        response: { 201: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) =>
      reply.code(201).send(jsonDates(await addTaskComment(db, scopeOf(request), request.params.id, request.body.body))),
  );

  app.post(
    "/api/task-instances/:id/evidence",
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ["Kế hoạch"],
        summary:
          "Tải lên tệp minh chứng (thân yêu cầu là nội dung tệp, Content-Type: application/octet-stream; tên tệp ở ?file_name=; tối đa 10 MB). Trả về task_version: phiên bản mới của nhiệm vụ (cũng ở ETag) để gửi kèm lần cập nhật sau",
        params: UuidParam,
        querystring: z.object({ file_name: z.string().trim().min(1).max(255) }).strict(),
        response: { 201: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => {
      const row = await addTaskEvidence(
        db,
        scopeOf(request),
        request.params.id,
        documentUpload(request.body, request.query.file_name),
        opts.uploads.store,
      );
      reply.header("etag", etag(row.task_version));
      return reply.code(201).send(jsonDates(row));
    },
  );

  app.get(
    "/api/attachments/:id",
    {
      schema: {
        tags: ["Kế hoạch"],
        summary: "Tải tệp (minh chứng, công văn, báo cáo) — tên tệp tiếng Việt",
        params: UuidParam,
      },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
      const a = await loadVisibleAttachment(db, scopeOf(request), request.params.id);
      return sendStored(reply, a.fileName, a.mimeType, await readStored(db, opts.uploads.dir, a));
    },
  );

  app.get(
    "/api/progress",
    {
      schema: {
        tags: ["Kế hoạch"],
        summary: "Tiến độ nhiệm vụ theo kế hoạch và theo cơ quan (quá hạn tính theo ngày)",
        querystring: z
          .object({
            plan_id: z.uuid().optional(),
            agency_id: z.string().max(100).optional(),
            year: z.coerce.number().int().min(2000).max(2100).optional(),
            as_of: IsoDateSchema.optional(),
          })
          .strict(),
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request) => {
      const { as_of, ...filter } = request.query;
      return taskProgress(db, scopeOf(request), filter, as_of);
    },
  );

  app.get(
    "/api/notifications",
    {
      schema: {
        tags: ["Thông báo"],
        summary: "Thông báo trong ứng dụng của người dùng và cơ quan đang làm việc (nhắc hạn, văn bản chuyển đến …)",
        querystring: z
          .object({
            unread: z.enum(["true", "false"]).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          })
          .strict(),
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) =>
      jsonDates(
        await listNotifications(db, scopeOf(request), {
          unread: request.query.unread === "true",
          limit: request.query.limit,
        }),
      ),
  );

  app.post(
    "/api/notifications/:id/read",
    {
      schema: {
        tags: ["Thông báo"],
        summary: "Đánh dấu thông báo đã đọc",
        params: UuidParam,
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: "authenticated", idempotency: false },
    },
    async (request) => jsonDates(await markNotificationRead(db, scopeOf(request), request.params.id)),
  );

  app.get(
    "/api/requests/:id/coordination",
    {
      schema: {
        tags: ["Yêu cầu phối hợp"],
        summary:
          "Kết quả điều phối của yêu cầu: điều khoản áp dụng, nhiệm vụ đã giao, bản sao chuyển (đã đọc chưa), công văn",
        params: UuidParam,
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request) => jsonDates(await requestCoordination(db, scopeOf(request), request.params.id)),
  );

  app.post(
    "/api/requests/:id/copies/:copy_id/read",
    {
      schema: {
        tags: ["Yêu cầu phối hợp"],
        summary: "Xác nhận đã đọc bản sao chuyển (cơ quan nhận); bên gửi thấy thời điểm đã đọc",
        params: z.object({ id: z.uuid(), copy_id: z.uuid() }),
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "requests.read" }, idempotency: false },
    },
    async (request) => jsonDates(await markCopyRead(db, scopeOf(request), request.params.id, request.params.copy_id)),
  );

  app.post(
    "/api/requests/:id/letter",
    {
      schema: {
        tags: ["Yêu cầu phối hợp"],
        summary:
          "Soạn công văn đi của yêu cầu (chuyển/hướng dẫn/đôn đốc …) theo kết quả điều phối: cấp số trong sổ văn bản đi, lưu và trả tệp .docx",
        params: UuidParam,
        body: z
          .object({
            signature: Signer,
            issuing_agency_id: z.string().trim().min(1).max(100).optional(),
            document_type: z.enum(DOCUMENT_BUILDER_IDS as [string, ...string[]]).optional(),
            date: IsoDateSchema.optional(),
            unit_code: z
              .string()
              .regex(/^[A-ZĐ][A-ZĐ0-9]*$/u)
              .optional(),
            fields: AnyObj.optional(),
          })
          .strict(),
      },
      config: { access: { permission: "register.allocate" } },
    },
    async (request, reply) => {
      const d = await draftRequestLetter(db, scopeOf(request), request.params.id, {
        ...request.body,
        // The letter's date is today in Vietnam by the app's clock (the same clock as every other "today").
        date: request.body.date ?? todayVn(opts.now?.() ?? new Date()),
        document_type: request.body.document_type as never,
      });
      reply
        .code(201)
        .header("x-document-number", d.outgoing.display)
        .header("x-attachment-id", d.attachment.id)
        .header("location", `/api/attachments/${d.attachment.id}`);
      return sendFile(reply, d.file_name, d.attachment.mime_type, d.bytes);
    },
  );

  app.get(
    "/api/requests/:id/letter",
    {
      schema: {
        tags: ["Yêu cầu phối hợp"],
        summary: "Tải lại công văn đã soạn gần nhất của yêu cầu",
        params: UuidParam,
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request, reply) => {
      const a = await latestRequestLetter(db, scopeOf(request), request.params.id);
      return sendStored(reply, a.fileName, a.mimeType, await readStored(db, opts.uploads.dir, a));
    },
  );

  app.get(
    "/api/requests/:id/urging-proposal",
    {
      schema: {
        tags: ["Yêu cầu phối hợp"],
        summary:
          "Đề xuất bậc đôn đốc tiếp theo (KH 2021 mục II.6) khi yêu cầu đôn đốc trước chưa được thực hiện và đã quá hạn",
        params: UuidParam,
        querystring: z.object({ as_of: IsoDateSchema.optional() }).strict(),
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request) => urgingProposal(db, scopeOf(request), request.params.id, request.query.as_of),
  );
};
