// zod contracts of /api/claims/{id}/documents: attachments on a claim's file (versions kept).
import { z } from "zod";
import { ATTACHMENT_KINDS } from "../../domain/claims/attachments.ts";
import { ClaimDocumentSummary } from "./claims.ts";
import { IsoDateSchema } from "./common.ts";

export const ClaimDocumentParams = z.object({ id: z.uuid(), document_id: z.uuid() });

/** Upload: the raw body is the file (application/octet-stream); its description in the query string. */
export const ClaimDocumentUpload = z
  .object({
    kind: z.enum(ATTACHMENT_KINDS, { error: `loại tài liệu chỉ nhận: ${ATTACHMENT_KINDS.join(", ")}` }),
    title: z.string().trim().min(1, { error: "tên tài liệu không được để trống" }).max(300),
    number: z.string().trim().max(80).optional(),
    issued_on: IsoDateSchema.optional(),
    file_name: z.string().trim().min(1).max(255),
  })
  .strict();

export const ClaimDocument = ClaimDocumentSummary.extend({
  mime_type: z.string().nullable(),
  sha256: z.string().nullable(),
  uploaded_by: z.string().nullable(),
  uploaded_at: z.string(),
  /** 1 = first upload of this document (same type, title, number); earlier versions are kept. */
  version: z.number().int(),
  latest: z.boolean(),
});
