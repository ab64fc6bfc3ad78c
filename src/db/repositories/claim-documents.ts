// Documents on a claim's file: uploads (checked against the one allow-list of src/domain/files, kept by the upload
// store of src/db/uploads.ts with their hash) and the generated forms (in the row); versions kept (a new upload of the
// same document adds a version).
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { type AttachmentKind, withVersions } from "../../domain/claims/attachments.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { claimDocuments } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { readStored, type UploadStore, withStoredUpload } from "../uploads.ts";
import { getClaim } from "./claims.ts";
import { notFound } from "./common.ts";

const columns = {
  id: claimDocuments.id,
  kind: claimDocuments.kind,
  title: claimDocuments.title,
  number: claimDocuments.number,
  issued_on: claimDocuments.issuedOn,
  file_name: claimDocuments.fileName,
  mime_type: claimDocuments.mimeType,
  size: claimDocuments.size,
  sha256: claimDocuments.sha256,
  uploaded_by: claimDocuments.uploadedBy,
  uploaded_at: claimDocuments.uploadedAt,
};

/** The claim's documents with their version numbers (scope-checked through the claim). */
export async function listClaimDocuments(db: AppDb, scope: Scope, claimId: string) {
  await getClaim(db, scope, claimId, { unmask: false });
  const rows = await db.select(columns).from(claimDocuments).where(eq(claimDocuments.claimId, claimId));
  return withVersions(rows).reverse();
}

export type NewClaimAttachment = {
  kind: AttachmentKind;
  title: string;
  number?: string | null;
  issued_on?: string | null;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  extension: string;
};

export async function addClaimAttachment(
  db: AppDb,
  scope: Scope,
  claimId: string,
  a: NewClaimAttachment,
  store: UploadStore,
) {
  requirePermission(scope, "claims.write");
  await getClaim(db, scope, claimId, { unmask: false });
  return withStoredUpload(
    db,
    store,
    a,
    async () => undefined,
    async (tx, placed) => {
      const [row] = await tx
        .insert(claimDocuments)
        .values({
          claimId,
          kind: a.kind,
          title: a.title.trim(),
          number: a.number?.trim() || null,
          issuedOn: a.issued_on ?? null,
          fileName: a.fileName,
          mimeType: a.mimeType,
          size: a.bytes.length,
          sha256: createHash("sha256").update(a.bytes).digest("hex"),
          ...placed,
          uploadedBy: scope.userId,
        })
        .returning(columns);
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "claim.document.add",
        entity: "claim",
        entity_id: claimId,
        after: { ...row, uploaded_at: undefined },
      });
      const all = await tx.select(columns).from(claimDocuments).where(eq(claimDocuments.claimId, claimId));
      return withVersions(all).find((d) => d.id === row.id) ?? { ...row, version: 1, latest: true };
    },
  );
}

/**
 * One document's file (scope-checked through the claim); `bytes` null when the stored file is gone (lost from
 * DATA_DIR/uploads, restored without it).
 */
export async function readClaimDocument(
  db: AppDb,
  scope: Scope,
  claimId: string,
  documentId: string,
  uploadsDir: string | undefined,
) {
  await getClaim(db, scope, claimId, { unmask: false });
  const [row] = await db
    .select({
      fileName: claimDocuments.fileName,
      mimeType: claimDocuments.mimeType,
      storage: claimDocuments.storage,
      storedName: claimDocuments.storedName,
      content: claimDocuments.content,
    })
    .from(claimDocuments)
    .where(and(eq(claimDocuments.claimId, claimId), eq(claimDocuments.id, documentId)));
  if (!row || (row.storage === "db" && !row.content)) throw notFound("tài liệu", "document_id");
  return {
    fileName: row.fileName ?? "tai-lieu",
    mimeType: row.mimeType ?? "application/octet-stream",
    bytes: await readStored(db, uploadsDir, row),
  };
}
