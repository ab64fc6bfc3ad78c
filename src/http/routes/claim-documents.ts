// /api/claims/{id}/documents: the documents on a claim's file — list (with versions), upload (one allow-list of
// document types, src/domain/files; 10 MB), download.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addClaimAttachment, listClaimDocuments, readClaimDocument } from "../../db/repositories/claim-documents.ts";
import type { AppDb } from "../../db/types.ts";
import type { Uploads } from "../../db/uploads.ts";
import { ClaimDocument, ClaimDocumentParams, ClaimDocumentUpload } from "../contracts/claim-documents.ts";
import { errorResponses, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { acceptRawUploads, documentUpload, sendStored, UPLOAD_LIMIT } from "../uploads.ts";

const TAGS = ["Vụ việc"];

export const claimDocumentRoutes: FastifyPluginAsyncZod<{ db: AppDb; uploads: Uploads }> = async (
  app,
  { db, uploads },
) => {
  acceptRawUploads(app);
  app.get(
    "/api/claims/:id/documents",
    {
      schema: {
        tags: TAGS,
        summary: "Tài liệu trong hồ sơ vụ việc (mới nhất trước; mỗi lần tải lại cùng tài liệu là một phiên bản)",
        params: UuidParam,
        response: { 200: z.array(ClaimDocument), ...errorResponses },
      },
      config: { access: { permission: "claims.read" } },
    },
    async (request) => jsonDates(await listClaimDocuments(db, scopeOf(request), request.params.id)),
  );

  app.post(
    "/api/claims/:id/documents",
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: TAGS,
        summary:
          "Đính kèm tài liệu vào hồ sơ vụ việc (thân yêu cầu là nội dung tệp, application/octet-stream; loại, tên, số, ngày ở query; chỉ nhận PDF, Word, Excel, ảnh … — không nhận tệp chạy được)",
        params: UuidParam,
        querystring: ClaimDocumentUpload,
        response: { 201: ClaimDocument, ...errorResponses },
      },
      config: { access: { permission: "claims.write" } },
    },
    async (request, reply) => {
      const { file_name, ...meta } = request.query;
      const row = await addClaimAttachment(
        db,
        scopeOf(request),
        request.params.id,
        { ...meta, ...documentUpload(request.body, file_name) },
        uploads.store,
      );
      return reply.code(201).send(jsonDates(row));
    },
  );

  app.get(
    "/api/claims/:id/documents/:document_id",
    {
      schema: {
        tags: TAGS,
        summary: "Tải một tài liệu của hồ sơ vụ việc",
        params: ClaimDocumentParams,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "claims.read" } },
    },
    async (request, reply) => {
      const { id, document_id } = request.params;
      const f = await readClaimDocument(db, scopeOf(request), id, document_id, uploads.dir);
      reply.header("cache-control", "private, no-store").header("x-content-type-options", "nosniff");
      return sendStored(reply, f.fileName, f.mimeType, f.bytes);
    },
  );
};
