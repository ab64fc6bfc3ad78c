// Attachments (files of tasks, requests, incoming documents, letters): the columns a reader gets (never the bytes),
// the row recorded for an upload, and whether the caller may see a file.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { attachments } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import type { Placed } from "../uploads.ts";
import { notFound } from "./common.ts";
import { loadVisibleRequest } from "./requests.ts";
import { loadVisibleTask } from "./task-scope.ts";

export const attachmentColumns = {
  id: attachments.id,
  entity: attachments.entity,
  entityId: attachments.entityId,
  agencyId: attachments.agencyId,
  kind: attachments.kind,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  size: attachments.size,
  sha256: attachments.sha256,
  storage: attachments.storage,
  docType: attachments.docType,
  outgoingId: attachments.outgoingId,
  createdBy: attachments.createdBy,
  createdAt: attachments.createdAt,
};

export type AttachmentRow = typeof attachments.$inferSelect;

export type NewUpload = { fileName: string; mimeType: string; bytes: Buffer; extension: string };

/** The attachment row of an upload whose bytes the store has placed, in the caller's transaction. */
export async function insertUploadRow(
  tx: AppDb,
  scope: Scope,
  owner: { entity: string; entityId: string; agencyId: string },
  file: NewUpload,
  placed: Placed,
) {
  const [row] = await tx
    .insert(attachments)
    .values({
      ...owner,
      kind: "upload",
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      ...placed,
      createdBy: scope.userId,
    })
    .returning(attachmentColumns);
  return row;
}

/** An attachment the caller may see: its agency is in scope, or it belongs to a request the caller can see. */
export async function loadVisibleAttachment(db: AppDb, scope: Scope, id: string): Promise<AttachmentRow> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound("tệp");
  const sc = scope.visibleAgencyIds;
  if (sc === "all" || sc.includes(row.agencyId)) return row;
  if (row.entity === "request") {
    await loadVisibleRequest(db, scope, row.entityId);
    return row;
  }
  if (row.entity === "task_instance") {
    await loadVisibleTask(db, scope, row.entityId);
    return row;
  }
  throw notFound("tệp");
}
