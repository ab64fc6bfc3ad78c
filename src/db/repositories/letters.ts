// Outgoing documents drafted from coordination records: the letter answering / forwarding a request (routing output),
// and reports (meeting reports). The number comes from the issuing agency's outgoing register IN THE SAME TRANSACTION
// as the stored file: a failed build rolls the number back (no gaps, no duplicates).
import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { buildDocument, type DocumentBuilderId, documentSymbol, formatDocumentNumber } from "../../documents/index.ts";
import { aboutSubject } from "../../documents/nd30/subject.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { PROVINCES } from "../../domain/agencies/provinces.ts";
import { getRule, REQUEST_KIND_VI, type RequestKind, URGING_RUNGS } from "../../domain/routing/index.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { toVnDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { attachments, requestCopies, requests, taskInstances } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { agencyNames } from "./agency-lookup.ts";
import { attachmentColumns } from "./attachments.ts";
import { notFound, todayVn, toSnake } from "./common.ts";
import { incomingDocRef, incomingForRequest } from "./incoming.ts";
import { insertNotifications } from "./notifications.ts";
import { allocateOutgoing, findOutgoingFor } from "./register.ts";
import { loadVisibleRequest } from "./requests.ts";
import { linkTaskEvidence } from "./task-evidence.ts";

/** Abbreviation of the issuing agency in document symbols, by role (Nghị định 30/2020, Phụ lục III; data, not law). */
export const ROLE_DOC_CODE: Readonly<Record<string, string>> = {
  BO_TU_PHAP: "BTP",
  LANH_DAO_BO: "BTP",
  CUC_BTNN: "BTNN",
  TONG_CUC_THADS: "QLTHADS",
  THADS_TINH: "THADS",
  THADS_HUYEN: "THADS",
  UBND_TINH: "UBND",
  UBND_HUYEN: "UBND",
  UBND_XA: "UBND",
  SO_TU_PHAP: "STP",
  SO_NGANH: "SO",
  TOA_AN: "TA",
  VKS: "VKS",
  CO_QUAN_TAI_CHINH: "STC",
};

/** Which builder answers which request kind. */
const BUILDER_FOR_KIND: Partial<Record<string, DocumentBuilderId>> = {
  guidance: "guidance_letter",
  legal_question: "guidance_letter",
  urging: "urging_letter",
  report_request: "report_request_letter",
  document_forward: "forwarding_letter",
};

export type Signer = { authority?: string; authority_title?: string; title: string; name: string };

export type DraftLetterInput = {
  signature: Signer;
  issuing_agency_id?: string;
  document_type?: DocumentBuilderId;
  place?: string;
  date?: IsoDate;
  unit_code?: string;
  /** Builder-specific fields (points, grounds, tasks …) merged over the defaults built from the request. */
  fields?: Record<string, unknown>;
};

export function placeOf(provinceCode: string | null): string {
  if (!provinceCode) return "Hà Nội";
  const ps = PROVINCES.filter((p) => p.code === provinceCode);
  return ps.at(-1)?.name ?? "Hà Nội";
}

/** Vietnamese file name: "Công văn 05-BTNN-NV.docx" (the "/" of the number cannot be in a file name). */
export function documentFileName(kindVi: string, display: string): string {
  return `${kindVi} ${display.replaceAll("/", "-")}.docx`;
}

export type DraftedDocument = {
  attachment: ReturnType<typeof toSnake<Omit<typeof attachments.$inferSelect, "content" | "storedName">>>;
  outgoing: Awaited<ReturnType<typeof allocateOutgoing>>;
  bytes: Buffer;
  file_name: string;
};

/** Allocates the next outgoing number, builds the .docx with it and stores it — all in the caller's transaction. */
export async function issueDocument(
  tx: AppDb,
  scope: Scope,
  args: {
    issuingAgencyId: string;
    builder: DocumentBuilderId;
    body: Record<string, unknown>;
    subject: string;
    entity: string;
    entityId: string;
    date: IsoDate;
    unitCode?: string;
    /** Regenerating: keep the number this entity's document of the same kind already has in the register. */
    reuseNumber?: boolean;
  },
): Promise<DraftedDocument> {
  const names = await agencyNames(tx, [args.issuingAgencyId]);
  const issuer = names.get(args.issuingAgencyId);
  if (!issuer) throw notFound("cơ quan ban hành", "issuing_agency_id");
  const shortCode = ROLE_DOC_CODE[issuer.role] ?? "CQ";
  const isLetter = args.builder.endsWith("_letter");
  const docKind = isLetter ? "letter" : "report";
  const symbol = documentSymbol({ kind: docKind, issuer_code: shortCode, unit_code: args.unitCode });
  const year = Number(args.date.slice(0, 4));
  const issued = args.reuseNumber
    ? await findOutgoingFor(tx, {
        agency_id: args.issuingAgencyId,
        year,
        doc_kind: docKind,
        entity: args.entity,
        entity_id: args.entityId,
      })
    : null;
  const outgoing =
    issued ??
    (await allocateOutgoing(tx, scope, {
      agency_id: args.issuingAgencyId,
      year,
      doc_kind: docKind,
      subject: args.subject.slice(0, 1000),
      symbol,
      issued_on: args.date,
      entity: args.entity,
      entity_id: args.entityId,
    }));
  const body = {
    issuer: {
      ...(issuer.parent ? { parent: issuer.parent } : {}),
      name: issuer.name,
      short_code: shortCode,
      ...(args.unitCode ? { unit_code: args.unitCode } : {}),
    },
    number: outgoing.number,
    place: placeOf(issuer.province_code),
    date: args.date,
    ...args.body,
  };
  const bytes = await buildDocument(args.builder, body);
  const display = formatDocumentNumber({
    number: outgoing.number,
    kind: docKind,
    issuer_code: shortCode,
    unit_code: args.unitCode,
  });
  const fileName = documentFileName(isLetter ? "Công văn" : "Báo cáo", display);
  const [row] = await tx
    .insert(attachments)
    .values({
      entity: args.entity,
      entityId: args.entityId,
      agencyId: args.issuingAgencyId,
      kind: docKind,
      fileName,
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storage: "db",
      content: bytes,
      docType: args.builder,
      outgoingId: outgoing.id,
      createdBy: scope.userId,
    })
    .returning(attachmentColumns);
  await appendAudit(tx, {
    ...auditActor(scope),
    action: "document.issue",
    entity: args.entity,
    entity_id: args.entityId,
    after: { attachment_id: row.id, doc_type: args.builder, number: outgoing.display, file_name: fileName },
  });
  return { attachment: toSnake(row), outgoing, bytes, file_name: fileName };
}

/**
 * Drafts the outgoing letter of a request from its routing result: a forwarding letter when the receiving agency
 * forwards the request (KH 2021 mục II.3.1, II.5.2), otherwise the letter answering its kind (guidance, urging, report
 * request). Issued by the receiving agency unless `issuing_agency_id` is given (must be in the caller's scope).
 */
export async function draftRequestLetter(
  db: AppDb,
  scope: Scope,
  requestId: string,
  input: DraftLetterInput,
): Promise<DraftedDocument> {
  requirePermission(scope, "register.allocate");
  const req = await loadVisibleRequest(db, scope, requestId);
  const issuing = input.issuing_agency_id ?? req.toAgencyId;
  requireWritableAgencies(scope, [["issuing_agency_id", issuing]]);
  const copies = await db.select().from(requestCopies).where(eq(requestCopies.requestId, requestId));
  const forwards = copies.filter((c) => c.fromAgencyId === issuing);
  const builder: DocumentBuilderId | undefined =
    input.document_type ?? (forwards.length ? "forwarding_letter" : BUILDER_FOR_KIND[req.kind]);
  if (!builder)
    throw new DomainError(
      "no_letter",
      "document_type",
      `Chưa có mẫu công văn cho loại yêu cầu "${REQUEST_KIND_VI[req.kind as RequestKind] ?? req.kind}"; hãy chọn document_type.`,
    );
  const names = await agencyNames(db, [req.fromAgencyId, req.toAgencyId, ...copies.map((c) => c.toAgencyId)]);
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const date = input.date ?? todayVn();
  // The letter cites the request's routing rule — its plan section and legal provisions (domain/routing/citation.ts).
  const routing = (req.routing ?? {}) as { rule?: string | null };
  const rule = routing.rule && getRule(routing.rule) ? routing.rule : undefined;
  const ruleField =
    builder === "urging_letter"
      ? (URGING_RUNGS as readonly string[]).includes(rule ?? "")
        ? { rung: rule }
        : {}
      : rule
        ? { rule }
        : {};
  // Registered in the issuing agency's sổ văn bản đến: the letter cites the document by its số, ký hiệu and date.
  const incoming = await incomingForRequest(db, issuing, requestId);
  const requestRef = {
    ...(incoming
      ? incomingDocRef({
          docType: incoming.doc_type,
          symbol: incoming.symbol,
          docDate: incoming.doc_date,
          issuer: incoming.issuer,
        })
      : { type: "Văn bản", date: toVnDate(req.createdAt), issuer: nameOf(req.fromAgencyId) }),
    summary: aboutSubject(req.topic),
  };
  const defaults: Record<string, unknown> =
    builder === "forwarding_letter"
      ? {
          addressees: (forwards.length ? forwards : copies).map((c) => nameOf(c.toAgencyId)),
          documents: [requestRef],
          received_on: incoming?.received_on ?? toVnDate(req.createdAt),
          ...(forwards.some((c) => c.purpose === "forward")
            ? { purpose: "để xem xét, giải quyết theo thẩm quyền", recipients: [nameOf(req.fromAgencyId)] }
            : {}),
        }
      : builder === "guidance_letter"
        ? { addressees: [nameOf(req.fromAgencyId)], request: requestRef, topic: req.topic }
        : { addressees: [nameOf(req.fromAgencyId)] };
  return db.transaction(async (tx) => {
    // Concurrent drafts of one request queue here, so the second finds the first one's number instead of taking another.
    await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, requestId)).for("update");
    const doc = await issueDocument(tx, scope, {
      issuingAgencyId: issuing,
      builder,
      body: { ...defaults, ...ruleField, signature: input.signature, ...(input.fields ?? {}) },
      subject: req.topic,
      entity: "request",
      entityId: requestId,
      date,
      unitCode: input.unit_code,
      reuseNumber: true,
    });
    if (builder !== "forwarding_letter" && issuing !== req.fromAgencyId)
      await recordAnswer(tx, scope, req, issuing, doc, date);
    return doc;
  });
}

/**
 * A letter answering a request (not forwarding it): the request becomes "answered", the issuing agency's task on it is
 * done with the letter as evidence, and the sender is told (issue 11: "the sender sees the answer and a notification").
 */
async function recordAnswer(
  tx: AppDb,
  scope: Scope,
  req: typeof requests.$inferSelect,
  issuing: string,
  doc: DraftedDocument,
  date: IsoDate,
) {
  const [task] = await tx
    .select({ id: taskInstances.id })
    .from(taskInstances)
    .where(and(eq(taskInstances.requestId, req.id), eq(taskInstances.agencyId, issuing)));
  if (task)
    await linkTaskEvidence(
      tx,
      task.id,
      { attachment_id: doc.attachment.id, file_name: doc.file_name, number: doc.outgoing.display },
      { complete: date },
    );
  if (req.status !== "answered" && req.status !== "closed" && req.status !== "cancelled") {
    await tx
      .update(requests)
      .set({ status: "answered", version: sql`${requests.version} + 1`, updatedAt: new Date() })
      .where(eq(requests.id, req.id));
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "request.answer",
      entity: "request",
      entity_id: req.id,
      before: { status: req.status },
      after: { status: "answered", letter: doc.outgoing.display, by_agency_id: issuing },
    });
  }
  const issuer = (await agencyNames(tx, [issuing])).get(issuing)?.name ?? issuing;
  await insertNotifications(tx, [
    {
      key: `request_answered:${req.id}:${doc.attachment.id}`,
      agency_id: req.fromAgencyId,
      kind: "request_answered",
      title: `${issuer} đã trả lời: ${req.topic}`.slice(0, 500),
      body: `Công văn số ${doc.outgoing.display}.`,
      entity: "request",
      entity_id: req.id,
      url: `/requests?box=outbox&open=${req.id}`,
    },
  ]);
}

/** The latest drafted letter of a request (for download). */
export async function latestRequestLetter(db: AppDb, scope: Scope, requestId: string) {
  await loadVisibleRequest(db, scope, requestId);
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.entity, "request"), eq(attachments.entityId, requestId), eq(attachments.kind, "letter")))
    .orderBy(desc(attachments.createdAt))
    .limit(1);
  if (!row) throw notFound("công văn đã soạn của yêu cầu này");
  return row;
}
