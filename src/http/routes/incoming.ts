// /api/incoming: sổ văn bản đến — list, register a received document (next số đến of the agency's year), link it to
// the request it carries, attach its file; /api/requests/:id/incoming registers a request that reached the agency.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  attachIncomingFile,
  getIncoming,
  linkIncoming,
  listIncoming,
  registerIncoming,
  registerRequestIncoming,
} from "../../db/repositories/incoming.ts";
import type { AppDb } from "../../db/types.ts";
import type { Uploads } from "../../db/uploads.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { apiPage, errorResponses, pageOf, repoPage, UuidParam } from "../contracts/common.ts";
import {
  Incoming,
  IncomingQuery,
  LinkIncoming,
  RegisterIncoming,
  RegisterRequestIncoming,
} from "../contracts/incoming.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { acceptRawUploads, documentUpload, UPLOAD_LIMIT } from "../uploads.ts";

const TAGS = ["Sổ văn bản đến"];
const WRITE = { access: { permission: "register.allocate" } } as const;

export const incomingRoutes: FastifyPluginAsyncZod<{ db: AppDb; uploads: Uploads; now?: () => Date }> = async (
  app,
  { db, uploads, now },
) => {
  const today = () => todayVn(now?.() ?? new Date());
  acceptRawUploads(app);

  app.get(
    "/api/incoming",
    {
      schema: {
        tags: TAGS,
        summary:
          "Sổ văn bản đến của các cơ quan trong phạm vi (lọc theo cơ quan, năm, yêu cầu liên kết; tìm theo trích yếu, số ký hiệu, nơi gửi)",
        querystring: IncomingQuery,
        response: { 200: pageOf(Incoming), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => {
      const { page, page_size, ...filter } = request.query;
      return apiPage(
        await listIncoming(db, scopeOf(request), filter, repoPage({ page, page_size })),
        { page, page_size },
        jsonDates,
      );
    },
  );

  app.get(
    "/api/incoming/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Một văn bản đến",
        params: UuidParam,
        response: { 200: Incoming, ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => jsonDates(await getIncoming(db, scopeOf(request), request.params.id)),
  );

  app.post(
    "/api/incoming",
    {
      schema: {
        tags: TAGS,
        summary: "Vào sổ văn bản đến: cấp số đến tiếp theo của cơ quan trong năm (Nghị định 30/2020/NĐ-CP, Điều 22)",
        body: RegisterIncoming,
        response: { 201: Incoming, ...errorResponses },
      },
      config: WRITE,
    },
    async (request, reply) =>
      reply.code(201).send(jsonDates(await registerIncoming(db, scopeOf(request), request.body, today()))),
  );

  app.post(
    "/api/requests/:id/incoming",
    {
      schema: {
        tags: TAGS,
        summary:
          "Vào sổ văn bản đến một yêu cầu đã đến cơ quan (điền sẵn từ yêu cầu); đã vào sổ thì trả lại bản ghi cũ (200), không cấp số mới",
        params: UuidParam,
        body: RegisterRequestIncoming,
        response: { 200: Incoming, 201: Incoming, ...errorResponses },
      },
      config: WRITE,
    },
    async (request, reply) => {
      const r = await registerRequestIncoming(db, scopeOf(request), request.params.id, request.body, today());
      return reply.code(r.created ? 201 : 200).send(jsonDates(r.entry));
    },
  );

  app.patch(
    "/api/incoming/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Liên kết văn bản đến với yêu cầu phối hợp mà văn bản mang đến",
        params: UuidParam,
        body: LinkIncoming,
        response: { 200: Incoming, ...errorResponses },
      },
      config: WRITE,
    },
    async (request) => jsonDates(await linkIncoming(db, scopeOf(request), request.params.id, request.body.request_id)),
  );

  app.post(
    "/api/incoming/:id/file",
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: TAGS,
        summary:
          "Tải lên tệp văn bản đến (bản quét, tệp điện tử; thân yêu cầu là nội dung tệp, Content-Type: application/octet-stream; tên tệp ở ?file_name=)",
        params: UuidParam,
        querystring: z.object({ file_name: z.string().trim().min(1).max(255) }).strict(),
        response: { 201: Incoming, ...errorResponses },
      },
      config: WRITE,
    },
    async (request, reply) => {
      const entry = await attachIncomingFile(
        db,
        scopeOf(request),
        request.params.id,
        documentUpload(request.body, request.query.file_name),
        uploads.store,
      );
      return reply.code(201).send(jsonDates(entry));
    },
  );
};
