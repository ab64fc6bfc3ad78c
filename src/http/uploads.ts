// Files in and out of the API: raw-body uploads (size limit, allowed document types) and downloads under their
// Vietnamese names (Content-Disposition), a stored file gone from the store answered 410.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { NewUpload } from "../db/repositories/attachments.ts";
import { checkDocument } from "../domain/files/allowed-types.ts";
import { HttpError } from "./http-error.ts";

/** Uploads (evidence, documents, imports): at most 10 MiB, sent as the raw body (application/octet-stream), name in ?file_name=. */
export const UPLOAD_LIMIT = 10 * 1024 * 1024;
/** The raw body as a document upload: 415 when it is no file bytes or not an allowed type (naming file_name). */
export function documentUpload(body: unknown, name: string): NewUpload {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new HttpError(415, "upload_body", "Cần gửi nội dung tệp với Content-Type: application/octet-stream", [
      { path: "", message: "Thân yêu cầu phải là nội dung tệp" },
    ]);
  // The shared allow-list (extension + first bytes); refused types answer 415 naming file_name or the body.
  const { fileName, extension, mime } = checkDocument({ name, bytes: body });
  return { fileName, mimeType: mime, bytes: body, extension };
}
/** `attachment; filename="ascii"; filename*=UTF-8''…` — the Vietnamese name survives in every browser. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendFile(reply: FastifyReply, fileName: string, mime: string, bytes: Buffer) {
  return reply.header("content-type", mime).header("content-disposition", contentDisposition(fileName)).send(bytes);
}

/** A stored upload; bytes gone from the store (lost file, restored without uploads) → 410 in Vietnamese, never 500. */
export function sendStored(reply: FastifyReply, fileName: string, mime: string, bytes: Buffer | null) {
  if (!bytes)
    throw new HttpError(
      410,
      "file_missing",
      `Tệp "${fileName}" không còn trên máy chủ (kho tệp tải lên thiếu tệp này); hãy khôi phục từ bản sao lưu có tệp hoặc tải lên lại`,
      [],
    );
  return sendFile(reply, fileName, mime, bytes);
}

/**
 * Raw uploads (`types`, the body as a Buffer up to UPLOAD_LIMIT) in the calling plugin only: Fastify encapsulates the
 * parser, so the rest of the API stays JSON-only.
 */
export function acceptRawUploads(
  app: Pick<FastifyInstance, "addContentTypeParser">,
  types: string | string[] = "application/octet-stream",
): void {
  app.addContentTypeParser(types, { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
}
