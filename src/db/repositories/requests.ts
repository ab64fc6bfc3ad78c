// Requests between agencies (guidance, legal_question, report_request, document_forward, urging, support_injured, …)
// with their routing result, status, urging ladder (parent_id) and read receipts.
// Visible when the sending or the receiving agency is in the caller's scope.
import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { DueFilter } from "../../domain/inbox/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor, auditDiff } from "../audit.ts";
import { claims, type RoutingResult, requestCopies, requestReads, requests, taskInstances } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import { likePattern, searchText } from "../search.ts";
import type { AppDb } from "../types.ts";
import { normalizePage, notFound, type Page, type PageResult, staleVersion, todayVn, toSnake } from "./common.ts";
import { dueCondition } from "./due-filter.ts";
import { taskVisibleCondition } from "./task-scope.ts";

export const REQUEST_KINDS = [
  "guidance",
  "legal_question",
  "report_request",
  "document_forward",
  "urging",
  "support_injured",
  "guidance_injured",
  "verification_negotiation",
  "inspection",
  "disagreement",
] as const;
export const REQUEST_STATUSES = ["open", "in_progress", "answered", "forwarded", "closed", "cancelled"] as const;

export type RequestInput = {
  kind: string;
  from_agency_id: string;
  to_agency_id: string;
  topic: string;
  payload?: unknown;
  routing?: RoutingResult | null;
  parent_id?: string | null;
  claim_id?: string | null;
  task_instance_id?: string | null;
  due?: string | null;
};

type Row = typeof requests.$inferSelect;
const dto = (r: Row) => {
  const { searchText: _s, ...rest } = r;
  return toSnake(rest);
};
export type RequestDto = ReturnType<typeof dto>;

/**
 * A request is visible from its sender, its receiver, the agencies holding a forwarded copy (request_copies) and the
 * agencies given a task by it (task_instances.request_id).
 */
export function requestVisible(scope: Scope): SQL | undefined {
  const direct = scopeCondition(scope, requests.fromAgencyId, requests.toAgencyId);
  if (!direct) return undefined;
  const copyCond = scopeCondition(scope, requestCopies.toAgencyId)!;
  const taskCond = scopeCondition(scope, taskInstances.agencyId)!;
  return or(
    direct,
    sql`exists (select 1 from ${requestCopies} where ${requestCopies.requestId} = ${requests.id} and ${copyCond})`,
    sql`exists (select 1 from ${taskInstances} where ${taskInstances.requestId} = ${requests.id} and ${taskCond})`,
  );
}
const visible = requestVisible;

/** Statuses in which a request needs nothing more from its receivers. */
export const CLOSED_REQUEST_STATUSES = ["answered", "closed", "cancelled"];

/**
 * The request reached `agencyId` for action: addressed to it, forwarded or copied to it, or routed to it as the lead or
 * a coordinator of a task (a request sent to Cục BTNN under KH 2021 mục II.3.1 reaches UBND tỉnh and Sở Tư pháp).
 */
export function requestReaches(agencyId: string): SQL {
  return or(
    eq(requests.toAgencyId, agencyId),
    sql`exists (select 1 from ${requestCopies} where ${requestCopies.requestId} = ${requests.id} and ${requestCopies.toAgencyId} = ${agencyId})`,
    sql`exists (select 1 from ${taskInstances} where ${taskInstances.requestId} = ${requests.id} and ${taskInstances.agencyId} = ${agencyId})`,
  )!;
}

/** The parent of an urging chain must exist and be visible to the caller (404 otherwise, naming `parent_id`). */
async function requireVisibleParent(db: AppDb, scope: Scope, parentId: string): Promise<void> {
  const sc = visible(scope);
  const [parent] = await db
    .select({ id: requests.id })
    .from(requests)
    .where(sc ? and(eq(requests.id, parentId), sc) : eq(requests.id, parentId));
  if (!parent) throw notFound("yêu cầu gốc", "parent_id");
}

/** Every record a new request links to (parent, claim, task occurrence) is one the caller sees (404 naming the field). */
export async function requireVisibleLinks(
  db: AppDb,
  scope: Scope,
  input: Pick<RequestInput, "parent_id" | "claim_id" | "task_instance_id">,
): Promise<void> {
  if (input.parent_id) await requireVisibleParent(db, scope, input.parent_id);
  if (input.claim_id) {
    const sc = scopeCondition(scope, claims.handlingAgencyId, claims.managingAgencyId);
    const id = eq(claims.id, input.claim_id);
    const [c] = await db
      .select({ id: claims.id })
      .from(claims)
      .where(sc ? and(id, sc) : id);
    if (!c) throw notFound("vụ việc", "claim_id");
  }
  if (input.task_instance_id) {
    const sc = taskVisibleCondition(scope);
    const id = eq(taskInstances.id, input.task_instance_id);
    const [t] = await db
      .select({ id: taskInstances.id })
      .from(taskInstances)
      .where(sc ? and(id, sc) : id);
    if (!t) throw notFound("nhiệm vụ", "task_instance_id");
  }
}

/** Who may send a new request and of which kind: the sender is who the caller acts for (the recipient is addressed). */
export function checkNewRequest(scope: Scope, input: RequestInput): void {
  requirePermission(scope, "requests.write");
  requireWritableAgencies(scope, [["from_agency_id", input.from_agency_id]]);
  if (!(REQUEST_KINDS as readonly string[]).includes(input.kind))
    throw new DomainError(
      "invalid_kind",
      "kind",
      `Loại yêu cầu không hợp lệ "${input.kind}"; chỉ nhận: ${REQUEST_KINDS.join(", ")}.`,
    );
}

/** A new request row from its input (routing and status are set by the verb creating it). */
export function newRequestValues(scope: Scope, input: RequestInput) {
  return {
    kind: input.kind,
    fromAgencyId: input.from_agency_id,
    toAgencyId: input.to_agency_id,
    topic: input.topic,
    payload: input.payload ?? null,
    parentId: input.parent_id ?? null,
    claimId: input.claim_id ?? null,
    taskInstanceId: input.task_instance_id ?? null,
    due: input.due ?? null,
    searchText: searchText(input.topic),
    createdBy: scope.userId,
  };
}

export async function createRequest(db: AppDb, scope: Scope, input: RequestInput): Promise<RequestDto> {
  checkNewRequest(scope, input);
  return db.transaction(async (tx) => {
    await requireVisibleLinks(tx, scope, input);
    const [row] = await tx
      .insert(requests)
      .values({ ...newRequestValues(scope, input), routing: input.routing ?? null })
      .returning();
    const out = dto(row);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "request.create",
      entity: "request",
      entity_id: row.id,
      after: out,
    });
    return out;
  });
}

/** A request the caller may see (404 otherwise). */
export async function loadVisibleRequest(db: AppDb, scope: Scope, id: string, field = "id") {
  const vis = requestVisible(scope);
  const [row] = await db
    .select()
    .from(requests)
    .where(vis ? and(eq(requests.id, id), vis) : eq(requests.id, id));
  if (!row) throw notFound("yêu cầu", field);
  return row;
}

/** A request with its follow-ups (urging ladder) and read receipts. With `markRead`, records the caller's receipt. */
export async function getRequest(
  db: AppDb,
  scope: Scope,
  id: string,
  opts: { markRead?: boolean } = {},
): Promise<RequestDto & { children: RequestDto[]; reads: Array<{ user_id: string; read_at: Date }> }> {
  const row = await loadVisibleRequest(db, scope, id);
  if (opts.markRead && scope.userId)
    await db.insert(requestReads).values({ requestId: id, userId: scope.userId }).onConflictDoNothing();
  const [children, reads] = await Promise.all([
    db.select().from(requests).where(eq(requests.parentId, id)).orderBy(asc(requests.createdAt)),
    db.select().from(requestReads).where(eq(requestReads.requestId, id)).orderBy(asc(requestReads.readAt)),
  ]);
  return {
    ...dto(row),
    children: children.map(dto),
    reads: reads.map((r) => ({ user_id: r.userId, read_at: r.readAt })),
  };
}

export async function listRequests(
  db: AppDb,
  scope: Scope,
  filter: {
    q?: string;
    kind?: string;
    status?: string;
    /**
     * inbox = addressed to `agency_id`, forwarded or copied to it (KH 2021 mục II.5.2) or giving it a task as lead or
     * coordinator (the routed clause); pending = the inbox without the answered / closed / cancelled ones; outbox = from it.
     */
    box?: "inbox" | "outbox" | "pending";
    agency_id?: string;
    claim_id?: string;
    parent_id?: string;
    /** Open requests due soon (5 working days) or overdue. */
    due?: DueFilter;
    /** Only these requests (a selection exported). */
    ids?: string[];
  } = {},
  page: Page = {},
): Promise<PageResult<RequestDto>> {
  const { limit, offset } = normalizePage(page);
  const conds: SQL[] = [];
  const sc = visible(scope);
  if (sc) conds.push(sc);
  if (filter.q) conds.push(ilike(requests.searchText, likePattern(filter.q)));
  if (filter.kind) conds.push(eq(requests.kind, filter.kind));
  if (filter.status) conds.push(eq(requests.status, filter.status));
  if (filter.claim_id) conds.push(eq(requests.claimId, filter.claim_id));
  if (filter.parent_id) conds.push(eq(requests.parentId, filter.parent_id));
  if (filter.ids) conds.push(inArray(requests.id, filter.ids));
  if (filter.due)
    conds.push(notInArray(requests.status, CLOSED_REQUEST_STATUSES), dueCondition(requests.due, filter.due, todayVn()));
  if (filter.agency_id) {
    if (filter.box === "outbox") conds.push(eq(requests.fromAgencyId, filter.agency_id));
    else if (filter.box === "inbox" || filter.box === "pending") {
      conds.push(requestReaches(filter.agency_id));
      if (filter.box === "pending") conds.push(notInArray(requests.status, CLOSED_REQUEST_STATUSES));
    }
  }
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(requests)
      .where(where)
      .orderBy(desc(requests.createdAt), asc(requests.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(requests).where(where),
  ]);
  return { items: rows.map(dto), total: Number(n), limit, offset };
}

export async function updateRequest(
  db: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: { status?: string; routing?: RoutingResult | null; payload?: unknown; due?: string | null },
): Promise<RequestDto> {
  requirePermission(scope, "requests.write");
  if (patch.status !== undefined && !(REQUEST_STATUSES as readonly string[]).includes(patch.status))
    throw new DomainError("invalid_status", "status", `Trạng thái không hợp lệ "${patch.status}".`);
  return db.transaction(async (tx) => {
    const sc = visible(scope);
    const [before] = await tx
      .select()
      .from(requests)
      .where(sc ? and(eq(requests.id, id), sc) : eq(requests.id, id))
      .for("update");
    if (!before) throw notFound("yêu cầu");
    if (before.version !== expectedVersion) throw staleVersion("Yêu cầu", expectedVersion, before.version);
    // Either side moves the status (the recipient answers); content and due date are the sender's.
    if (patch.payload !== undefined || patch.due !== undefined || patch.routing !== undefined)
      requireWritableAgencies(scope, [["from_agency_id", before.fromAgencyId]]);
    const set: Partial<typeof requests.$inferInsert> = {};
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.routing !== undefined) set.routing = patch.routing;
    if (patch.payload !== undefined) set.payload = patch.payload;
    if (patch.due !== undefined) set.due = patch.due;
    const [after] = await tx
      .update(requests)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(requests.id, id))
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "request.update",
      entity: "request",
      entity_id: id,
      ...auditDiff(dto(before), dto(after)),
    });
    return dto(after);
  });
}
