import { and, asc, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { type DocRef, docRefText } from "../../documents/builders/common.ts";
import { padDocumentNumber } from "../../documents/numbering.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { checkIncomingDates, incomingYear } from "../../domain/registers/incoming.ts";
import { type IsoDate, toVnDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { incomingCounters, incomingRegister, outgoingRegister, requests } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import { likePattern } from "../search.ts";
import type { AppDb } from "../types.ts";
import { type UploadStore, withStoredUpload } from "../uploads.ts";
import { agencyNames } from "./agency-lookup.ts";
import { insertUploadRow, type NewUpload } from "./attachments.ts";
import { notFound, type Page, type PageResult, todayVn, toSnake } from "./common.ts";
import { type DocumentRegister, insertNumbered, listRegister } from "./register.ts";
import { loadVisibleRequest, requestReaches, requestVisible } from "./requests.ts";

export type IncomingInput = {
  agency_id: string;
  received_on: IsoDate;
  doc_type?: string | null;
  symbol?: string | null;
  doc_date?: IsoDate | null;
  issuer: string;
  subject: string;
  request_id?: string | null;
};

type Row = typeof incomingRegister.$inferSelect;
export type IncomingDto = ReturnType<typeof toSnake<Row>> & {
  /** "Công văn số 12/STP-HCTP ngày 02/03/2026 của Sở Tư pháp …" — how a reply cites it. */
  citation: string;
};

function dto(r: Row): IncomingDto {
  return { ...toSnake(r), citation: citationOf(r) };
}

/** The entry as a document reference of the letter builders ("Văn bản số … ngày … của …"). */
export function incomingDocRef(r: Pick<Row, "docType" | "symbol" | "docDate" | "issuer">): DocRef {
  return {
    type: r.docType ?? "Văn bản",
    ...(r.symbol ? { number_symbol: r.symbol } : {}),
    ...(r.docDate ? { date: r.docDate } : {}),
    issuer: r.issuer,
  };
}

function citationOf(r: Pick<Row, "docType" | "symbol" | "docDate" | "issuer">): string {
  return docRefText(incomingDocRef(r));
}

/** The request must be one the caller sees (404 naming the field) and must have reached the registering agency. */
async function requireRequestFor(db: AppDb, scope: Scope, requestId: string, agencyId: string, field: string) {
  const req = await loadVisibleRequest(db, scope, requestId, field);
  const [reached] = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.id, requestId), requestReaches(agencyId)));
  if (!reached)
    throw new DomainError(
      "request_not_received",
      field,
      "Yêu cầu này không gửi đến cơ quan vào sổ; chỉ vào sổ văn bản đến của cơ quan nhận được yêu cầu.",
    );
  return req;
}

async function requireNotRegistered(db: AppDb, agencyId: string, requestId: string, field: string) {
  const [dup] = await db
    .select({ number: incomingRegister.number, year: incomingRegister.year })
    .from(incomingRegister)
    .where(and(eq(incomingRegister.agencyId, agencyId), eq(incomingRegister.requestId, requestId)));
  if (dup)
    throw new DomainError(
      "duplicate",
      field,
      `Yêu cầu này đã được vào sổ văn bản đến (số đến ${dup.number}/${dup.year}) của cơ quan.`,
    );
}

const INCOMING: DocumentRegister<typeof incomingRegister> = {
  table: incomingRegister,
  counters: incomingCounters,
  entity: "incoming_register",
};

function insertEntry(tx: AppDb, scope: Scope, input: IncomingInput): Promise<IncomingDto> {
  const values = {
    agencyId: input.agency_id,
    year: incomingYear(input.received_on),
    receivedOn: input.received_on,
    docType: input.doc_type ?? null,
    symbol: input.symbol ?? null,
    docDate: input.doc_date ?? null,
    issuer: input.issuer,
    subject: input.subject,
    requestId: input.request_id ?? null,
  };
  return insertNumbered(tx, scope, INCOMING, values, "incoming.register", dto);
}

/** Registers an incoming document in the receiving agency's register (the next số đến of its year), audited. */
export async function registerIncoming(
  db: AppDb,
  scope: Scope,
  input: IncomingInput,
  today: IsoDate = todayVn(),
): Promise<IncomingDto> {
  requirePermission(scope, "register.allocate");
  requireWritableAgencies(scope, [["agency_id", input.agency_id]]);
  checkIncomingDates(input, today);
  return db.transaction(async (tx) => {
    if (input.request_id) {
      await requireRequestFor(tx, scope, input.request_id, input.agency_id, "request_id");
      await requireNotRegistered(tx, input.agency_id, input.request_id, "request_id");
    }
    return insertEntry(tx, scope, input);
  });
}

/**
 * "Vào sổ văn bản đến" for a request that reached the agency through BTNN: the entry is prefilled from the request
 * (issuer = the sending agency, trích yếu = the topic, số/ký hiệu = the sender's numbered letter for it, if any).
 * Registering it again returns the entry already made (`created: false`), so a second click never takes a new number.
 */
export async function registerRequestIncoming(
  db: AppDb,
  scope: Scope,
  requestId: string,
  input: { agency_id?: string; received_on?: IsoDate; symbol?: string | null; doc_date?: IsoDate | null } = {},
  today: IsoDate = todayVn(),
): Promise<{ entry: IncomingDto; created: boolean }> {
  requirePermission(scope, "register.allocate");
  return db.transaction(async (tx) => {
    const vis = requestVisible(scope);
    const [req] = await tx
      .select()
      .from(requests)
      .where(vis ? and(eq(requests.id, requestId), vis) : eq(requests.id, requestId))
      .for("update");
    if (!req) throw notFound("yêu cầu");
    // The acting agency when the request reached it (a forwarded copy, a routed task), else the addressee.
    let agencyId = input.agency_id ?? req.toAgencyId;
    if (!input.agency_id && scope.agencyId && scope.agencyId !== req.toAgencyId) {
      const [reached] = await tx
        .select({ id: requests.id })
        .from(requests)
        .where(and(eq(requests.id, requestId), requestReaches(scope.agencyId)));
      if (reached) agencyId = scope.agencyId;
    }
    requireWritableAgencies(scope, [["agency_id", agencyId]]);
    await requireRequestFor(tx, scope, requestId, agencyId, "agency_id");
    const [existing] = await tx
      .select()
      .from(incomingRegister)
      .where(and(eq(incomingRegister.agencyId, agencyId), eq(incomingRegister.requestId, requestId)));
    if (existing) return { entry: dto(existing), created: false };
    const [letter] = await tx
      .select({ number: outgoingRegister.number, symbol: outgoingRegister.symbol, issuedOn: outgoingRegister.issuedOn })
      .from(outgoingRegister)
      .where(
        and(
          eq(outgoingRegister.entity, "request"),
          eq(outgoingRegister.entityId, requestId),
          eq(outgoingRegister.agencyId, req.fromAgencyId),
        ),
      )
      .orderBy(asc(outgoingRegister.createdAt))
      .limit(1);
    const issuer = (await agencyNames(tx, [req.fromAgencyId])).get(req.fromAgencyId)?.name ?? req.fromAgencyId;
    const entryInput: IncomingInput = {
      agency_id: agencyId,
      received_on: input.received_on ?? today,
      doc_type: letter ? "Công văn" : null,
      symbol:
        input.symbol ??
        (letter
          ? letter.symbol
            ? `${padDocumentNumber(letter.number)}/${letter.symbol}`
            : padDocumentNumber(letter.number)
          : null),
      doc_date: input.doc_date ?? letter?.issuedOn ?? toVnDate(req.createdAt),
      issuer,
      subject: req.topic.slice(0, 2000),
      request_id: requestId,
    };
    checkIncomingDates(entryInput, today);
    return { entry: await insertEntry(tx, scope, entryInput), created: true };
  });
}

/** An entry the caller may see; with `write`, its agency must be in the caller's write scope. */
async function loadEntry(db: AppDb, scope: Scope, id: string, write = false): Promise<Row> {
  const sc = scopeCondition(scope, incomingRegister.agencyId);
  const q = db
    .select()
    .from(incomingRegister)
    .where(sc ? and(eq(incomingRegister.id, id), sc) : eq(incomingRegister.id, id));
  const [row] = write ? await q.for("update") : await q;
  if (!row) throw notFound("văn bản đến");
  if (write) requireWritableAgencies(scope, [["agency_id", row.agencyId]]);
  return row;
}

export async function getIncoming(db: AppDb, scope: Scope, id: string): Promise<IncomingDto> {
  return dto(await loadEntry(db, scope, id));
}

/** Links a registered document to the request it carries (audited; a link changed later keeps the old one in audit). */
export async function linkIncoming(db: AppDb, scope: Scope, id: string, requestId: string): Promise<IncomingDto> {
  requirePermission(scope, "register.allocate");
  return db.transaction(async (tx) => {
    const before = await loadEntry(tx, scope, id, true);
    if (before.requestId === requestId) return dto(before);
    await requireRequestFor(tx, scope, requestId, before.agencyId, "request_id");
    await requireNotRegistered(tx, before.agencyId, requestId, "request_id");
    const [after] = await tx.update(incomingRegister).set({ requestId }).where(eq(incomingRegister.id, id)).returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "incoming.link",
      entity: "incoming_register",
      entity_id: id,
      before: { request_id: before.requestId },
      after: { request_id: requestId },
    });
    return dto(after);
  });
}

/** Stores the received file (scan, e-mail attachment) of an entry; a later file replaces the link, the old stays. */
export async function attachIncomingFile(
  db: AppDb,
  scope: Scope,
  id: string,
  file: NewUpload,
  store: UploadStore,
): Promise<IncomingDto> {
  requirePermission(scope, "register.allocate");
  return withStoredUpload(
    db,
    store,
    file,
    (tx) => loadEntry(tx, scope, id, true),
    async (tx, placed, entry) => {
      const a = await insertUploadRow(
        tx,
        scope,
        { entity: "incoming_document", entityId: id, agencyId: entry.agencyId },
        file,
        placed,
      );
      const [after] = await tx
        .update(incomingRegister)
        .set({ attachmentId: a.id })
        .where(eq(incomingRegister.id, id))
        .returning();
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "incoming.file",
        entity: "incoming_register",
        entity_id: id,
        before: { attachment_id: entry.attachmentId },
        after: { attachment_id: a.id, file_name: a.fileName },
      });
      return dto(after);
    },
  );
}

export async function listIncoming(
  db: AppDb,
  scope: Scope,
  filter: { agency_id?: string; year?: number; request_id?: string; q?: string } = {},
  page: Page = {},
): Promise<PageResult<IncomingDto>> {
  const where: SQL[] = [];
  if (filter.request_id) where.push(eq(incomingRegister.requestId, filter.request_id));
  if (filter.q) {
    const p = likePattern(filter.q);
    where.push(
      or(ilike(incomingRegister.subject, p), ilike(incomingRegister.symbol, p), ilike(incomingRegister.issuer, p))!,
    );
  }
  const order = [asc(incomingRegister.agencyId), desc(incomingRegister.year), desc(incomingRegister.number)];
  return listRegister(db, scope, INCOMING, { ...filter, where, order }, page, dto);
}

/** The entry by which `agencyId` registered this request, if any (a reply letter cites it). */
export async function incomingForRequest(db: AppDb, agencyId: string, requestId: string): Promise<IncomingDto | null> {
  const [row] = await db
    .select()
    .from(incomingRegister)
    .where(and(eq(incomingRegister.agencyId, agencyId), eq(incomingRegister.requestId, requestId)));
  return row ? dto(row) : null;
}
