// Coordination (issue 4): requests that create tasks and forwarded copies from their routing result, read receipts,
// task comments and evidence files, progress per plan / agency, in-app notifications. Scope rules: a request is
// visible to the scope of its sender, its receiver, the agencies it was forwarded to and the agencies given a task by it.
import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { type AgencyFacts, resolveRoleAgency } from "../../domain/coordination/index.ts";
import { nextUrgingRung, REQUEST_KIND_VI, type RequestKind } from "../../domain/routing/index.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { effectiveStatus, type Progress, progressOf } from "../../domain/tasks/index.ts";
import { appendAudit, auditActor } from "../audit.ts";
import {
  agencies,
  attachments,
  notifications,
  plans,
  planTasks,
  type RoutingResult,
  requestCopies,
  requests,
  taskComments,
  taskInstances,
} from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import { searchText } from "../search.ts";
import type { AppDb } from "../types.ts";
import { type UploadStore, withStoredUpload } from "../uploads.ts";
import { notFound, todayVn, toSnake } from "./common.ts";
import { instanceViews, loadLedTask } from "./plans.ts";
import { REQUEST_KINDS, type RequestDto, type RequestInput, requestVisible, requireVisibleLinks } from "./requests.ts";
import { taskVisibleCondition } from "./task-scope.ts";

// ---- agencies as facts for the role resolver -------------------------------------------------------------------------

export async function agencyFacts(db: AppDb): Promise<AgencyFacts[]> {
  const rows = await db
    .select({
      id: agencies.id,
      role: agencies.role,
      province_code: agencies.provinceCode,
      valid_from: agencies.validFrom,
      valid_to: agencies.validTo,
      name: agencies.name,
    })
    .from(agencies);
  return rows;
}

export async function agencyNames(
  db: AppDb,
  ids: string[],
): Promise<Map<string, { name: string; parent: string | null; role: string; province_code: string | null }>> {
  const out = new Map<string, { name: string; parent: string | null; role: string; province_code: string | null }>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      parentId: agencies.parentId,
      role: agencies.role,
      pc: agencies.provinceCode,
    })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  const parents = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      inArray(
        agencies.id,
        rows
          .map((r) => r.parentId)
          .filter((x): x is string => !!x)
          .concat([""]),
      ),
    );
  const pn = new Map(parents.map((p) => [p.id, p.name]));
  for (const r of rows)
    out.set(r.id, {
      name: r.name,
      parent: r.parentId ? (pn.get(r.parentId) ?? null) : null,
      role: r.role,
      province_code: r.pc,
    });
  return out;
}

// ---- visibility -------------------------------------------------------------------------------------------------------

export async function loadVisibleRequest(db: AppDb, scope: Scope, id: string) {
  const vis = requestVisible(scope);
  const [row] = await db
    .select()
    .from(requests)
    .where(vis ? and(eq(requests.id, id), vis) : eq(requests.id, id));
  if (!row) throw notFound("yêu cầu");
  return row;
}

// ---- notifications -----------------------------------------------------------------------------------------------------

/** UUID derived from a deterministic key (sha256), so a repeated insert collides on the primary key. */
export function deterministicUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type NotificationInput = {
  key: string;
  agency_id: string | null;
  user_id?: string | null;
  kind: string;
  title: string;
  body?: string | null;
  entity?: string | null;
  entity_id?: string | null;
  due?: string | null;
  url?: string | null;
};

/** Inserts notifications, each once (ON CONFLICT DO NOTHING on the deterministic id/key). Returns how many were new. */
export async function insertNotifications(db: AppDb, list: NotificationInput[]): Promise<number> {
  if (!list.length) return 0;
  const rows = await db
    .insert(notifications)
    .values(
      list.map((n) => ({
        id: deterministicUuid(n.key),
        dedupeKey: n.key,
        agencyId: n.agency_id,
        userId: n.user_id ?? null,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        entity: n.entity ?? null,
        entityId: n.entity_id ?? null,
        due: n.due ?? null,
        url: n.url ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

// ---- requests: routing → tasks, copies --------------------------------------------------------------------------------

export type RoutedRequestResult = RequestDto & {
  tasks: Array<ReturnType<typeof toSnake<typeof taskInstances.$inferSelect>>>;
  copies: Array<ReturnType<typeof toSnake<typeof requestCopies.$inferSelect>>>;
};

export type RouteOut = {
  rule: string | null;
  clause?: string;
  lead?: string;
  coordinators?: string[];
  forward_to?: string[];
  basis?: string;
  [k: string]: unknown;
};

/**
 * Creates a request with its routing result and, when a clause applies: a task for the lead agency and one for each
 * coordinating agency (agencies resolved from the roles within the requester's province or nationwide), and a copy for
 * each agency the clause forwards to (with a read receipt), plus a notification to each of them. One transaction.
 */
export async function createRoutedRequest(
  db: AppDb,
  scope: Scope,
  input: RequestInput,
  routing: RouteOut,
  opts: { today?: IsoDate } = {},
): Promise<RoutedRequestResult> {
  requirePermission(scope, "requests.write");
  // The sender is who the caller acts for; recipient, lead, coordinators and copies are addressed by the routing rule.
  requireWritableAgencies(scope, [["from_agency_id", input.from_agency_id]]);
  if (!(REQUEST_KINDS as readonly string[]).includes(input.kind))
    throw new DomainError("invalid_kind", "kind", `Loại yêu cầu không hợp lệ "${input.kind}".`);
  const today = opts.today ?? todayVn();
  const facts = await agencyFacts(db);
  const byId = new Map(facts.map((a) => [a.id, a]));
  const from = byId.get(input.from_agency_id);
  const to = byId.get(input.to_agency_id);
  if (!from) throw notFound("cơ quan gửi", "from_agency_id");
  if (!to) throw notFound("cơ quan nhận", "to_agency_id");
  const resolve = (role: string) => resolveRoleAgency(role, { from, to }, facts, today)?.id ?? null;

  const stored = { ...routing } as RoutingResult;
  const unresolved: string[] = [];
  let leadId: string | null = null;
  const coordIds: string[] = [];
  const forwardIds: string[] = [];
  if (routing.rule) {
    leadId = routing.lead ? resolve(routing.lead) : null;
    if (routing.lead && !leadId) unresolved.push(routing.lead);
    for (const r of routing.coordinators ?? []) {
      const id = resolve(r);
      if (id && id !== leadId && !coordIds.includes(id)) coordIds.push(id);
      else if (!id) unresolved.push(r);
    }
    for (const r of routing.forward_to ?? []) {
      const id = resolve(r);
      if (id && id !== input.to_agency_id && !forwardIds.includes(id)) forwardIds.push(id);
      else if (!id) unresolved.push(r);
    }
    Object.assign(stored, {
      lead_agency_id: leadId,
      coordinator_agency_ids: coordIds,
      forward_to_agency_ids: forwardIds,
      unresolved_roles: [...new Set(unresolved)],
    });
  }

  return db.transaction(async (tx) => {
    await requireVisibleLinks(tx, scope, input);
    const forwarded = forwardIds.length > 0 && leadId !== null && forwardIds.includes(leadId);
    const [row] = await tx
      .insert(requests)
      .values({
        kind: input.kind,
        fromAgencyId: input.from_agency_id,
        toAgencyId: input.to_agency_id,
        topic: input.topic,
        payload: input.payload ?? null,
        routing: stored,
        status: forwarded ? "forwarded" : "open",
        parentId: input.parent_id ?? null,
        claimId: input.claim_id ?? null,
        taskInstanceId: input.task_instance_id ?? null,
        due: input.due ?? null,
        searchText: searchText(input.topic),
        createdBy: scope.userId,
      })
      .returning();
    const kindVi = REQUEST_KIND_VI[input.kind as RequestKind] ?? input.kind;
    const taskRows: Array<typeof taskInstances.$inferInsert> = [];
    if (leadId)
      taskRows.push({
        requestId: row.id,
        agencyId: leadId,
        leadAgencyId: leadId,
        coordinatorAgencyIds: coordIds,
        title: `Chủ trì ${kindVi}: ${input.topic}`.slice(0, 1000),
        basis: routing.clause ?? null,
        due: input.due ?? null,
        status: "pending",
      });
    for (const c of coordIds)
      taskRows.push({
        requestId: row.id,
        agencyId: c,
        leadAgencyId: leadId,
        coordinatorAgencyIds: coordIds,
        title: `Phối hợp ${kindVi}: ${input.topic}`.slice(0, 1000),
        basis: routing.clause ?? null,
        due: input.due ?? null,
        status: "pending",
      });
    const tasks = taskRows.length ? await tx.insert(taskInstances).values(taskRows).returning() : [];
    const copies = forwardIds.length
      ? await tx
          .insert(requestCopies)
          .values(
            forwardIds.map((id) => ({
              requestId: row.id,
              fromAgencyId: input.to_agency_id,
              toAgencyId: id,
              purpose: id === leadId ? "forward" : "copy",
              rule: routing.rule ?? null,
              basis: routing.basis ?? null,
            })),
          )
          .returning()
      : [];
    // Addressed straight to an agency that got neither a task nor a copy: it is told too (work arrives).
    const reached = new Set([...tasks.map((t) => t.agencyId), ...copies.map((c) => c.toAgencyId)]);
    const direct =
      !forwarded && !reached.has(input.to_agency_id)
        ? [
            {
              key: `request_received:${row.id}`,
              agency_id: input.to_agency_id,
              kind: "request_received",
              title: `${kindVi}: ${input.topic}`.slice(0, 500),
              body: routing.clause ? `Theo ${routing.clause}.` : null,
              entity: "request",
              entity_id: row.id,
              due: input.due ?? null,
              url: `/requests?box=inbox&open=${row.id}`,
            },
          ]
        : [];
    await insertNotifications(tx, [
      ...direct,
      ...copies.map((c) => ({
        key: `request_copy:${c.id}`,
        agency_id: c.toAgencyId,
        kind: c.purpose === "forward" ? "request_forwarded" : "request_copied",
        title:
          c.purpose === "forward"
            ? `Văn bản chuyển đến để giải quyết: ${input.topic}`.slice(0, 500)
            : `Văn bản sao gửi để phối hợp theo dõi: ${input.topic}`.slice(0, 500),
        body: routing.clause ? `Theo ${routing.clause}.` : null,
        entity: "request",
        entity_id: row.id,
        url: `/requests?box=inbox&open=${row.id}`,
      })),
      ...tasks.map((t) => ({
        key: `task_assigned:${t.id}`,
        agency_id: t.agencyId,
        kind: "task_assigned",
        title: (t.title ?? "Nhiệm vụ mới").slice(0, 500),
        body: routing.clause ? `Theo ${routing.clause}.` : null,
        entity: "task_instance",
        entity_id: t.id,
        due: t.due,
        url: `/requests?box=inbox&open=${row.id}`,
      })),
    ]);
    const { searchText: _s, ...rest } = row;
    const out = {
      ...toSnake(rest),
      tasks: tasks.map((t) => toSnake(t)),
      copies: copies.map((c) => toSnake(c)),
    };
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "request.create",
      entity: "request",
      entity_id: row.id,
      after: {
        ...toSnake(rest),
        task_ids: tasks.map((t) => t.id),
        copies: copies.map((c) => ({ to: c.toAgencyId, purpose: c.purpose })),
      },
    });
    return out;
  });
}

export async function requestCoordination(db: AppDb, scope: Scope, id: string) {
  const row = await loadVisibleRequest(db, scope, id);
  const [tasks, copies, files] = await Promise.all([
    db.select().from(taskInstances).where(eq(taskInstances.requestId, id)).orderBy(asc(taskInstances.createdAt)),
    db.select().from(requestCopies).where(eq(requestCopies.requestId, id)).orderBy(asc(requestCopies.createdAt)),
    db
      .select(attachmentColumns)
      .from(attachments)
      .where(and(eq(attachments.entity, "request"), eq(attachments.entityId, id)))
      .orderBy(asc(attachments.createdAt)),
  ]);
  const today = todayVn();
  return {
    request_id: row.id,
    routing: row.routing,
    tasks: tasks.map((t) => ({ ...toSnake(t), effective_status: effectiveStatus(t, today) })),
    copies: copies.map((c) => toSnake(c)),
    documents: files.map((f) => toSnake(f)),
  };
}

/** Read receipt: the receiving agency of a copy marks it read (once); the sender sees read_at / read_by. */
export async function markCopyRead(db: AppDb, scope: Scope, requestId: string, copyId: string) {
  return db.transaction(async (tx) => {
    const sc = scopeCondition(scope, requestCopies.toAgencyId);
    const [copy] = await tx
      .select()
      .from(requestCopies)
      .where(and(eq(requestCopies.id, copyId), eq(requestCopies.requestId, requestId), ...(sc ? [sc] : [])))
      .for("update");
    if (!copy) throw notFound("bản sao chuyển");
    if (copy.readAt) return toSnake(copy);
    const [after] = await tx
      .update(requestCopies)
      .set({ readAt: new Date(), readBy: scope.userId })
      .where(eq(requestCopies.id, copyId))
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "request.copy.read",
      entity: "request",
      entity_id: requestId,
      after: { copy_id: copyId, to_agency_id: copy.toAgencyId },
    });
    return toSnake(after);
  });
}

// ---- tasks: status workflow, comments, evidence, progress ---------------------------------------------------------------

const taskVisible = taskVisibleCondition;

export async function loadVisibleTask(db: AppDb, scope: Scope, id: string) {
  const sc = taskVisible(scope);
  const [row] = await db
    .select()
    .from(taskInstances)
    .where(sc ? and(eq(taskInstances.id, id), sc) : eq(taskInstances.id, id));
  if (!row) throw notFound("nhiệm vụ");
  return row;
}

export async function addTaskComment(db: AppDb, scope: Scope, taskId: string, body: string) {
  requirePermission(scope, "plans.write");
  return db.transaction(async (tx) => {
    await loadVisibleTask(tx, scope, taskId);
    const [row] = await tx
      .insert(taskComments)
      .values({ taskInstanceId: taskId, userId: scope.userId, agencyId: scope.agencyId, body })
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "task_instance.comment",
      entity: "task_instance",
      entity_id: taskId,
      after: { comment_id: row.id, body },
    });
    return toSnake(row);
  });
}

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

export async function taskDetail(db: AppDb, scope: Scope, id: string, today: IsoDate = todayVn()) {
  const t = await loadVisibleTask(db, scope, id);
  const [comments, files, [task]] = await Promise.all([
    db.select().from(taskComments).where(eq(taskComments.taskInstanceId, id)).orderBy(asc(taskComments.createdAt)),
    db
      .select(attachmentColumns)
      .from(attachments)
      .where(and(eq(attachments.entity, "task_instance"), eq(attachments.entityId, id)))
      .orderBy(asc(attachments.createdAt)),
    t.taskId
      ? db
          .select({ ref: planTasks.ref, content: planTasks.content, planId: planTasks.planId })
          .from(planTasks)
          .where(eq(planTasks.id, t.taskId))
      : Promise.resolve([undefined]),
  ]);
  const [view] = await instanceViews(db, scope, [t], today);
  return {
    ...view,
    plan_task: task ? { ref: task.ref, content: task.content, plan_id: task.planId } : null,
    comments: comments.map((c) => toSnake(c)),
    evidence_files: files.map((f) => toSnake(f)),
  };
}

export type NewUpload = { fileName: string; mimeType: string; bytes: Buffer; extension: string };

/**
 * Records an evidence file on a task by its lead agency, the bytes kept by `store` (src/db/uploads.ts) in the same
 * transaction. Returns the file and the task's new version (`task_version`), so the client's next change is not stale.
 */
export async function addTaskEvidence(db: AppDb, scope: Scope, taskId: string, file: NewUpload, store: UploadStore) {
  requirePermission(scope, "plans.write");
  return withStoredUpload(
    db,
    store,
    file,
    (tx) => loadLedTask(tx, scope, taskId, true),
    async (tx, placed, t) => {
      const [row] = await tx
        .insert(attachments)
        .values({
          entity: "task_instance",
          entityId: taskId,
          agencyId: t.agencyId,
          kind: "upload",
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: file.bytes.length,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          ...placed,
          createdBy: scope.userId,
        })
        .returning(attachmentColumns);
      const evidence = Array.isArray(t.evidence) ? [...(t.evidence as unknown[])] : t.evidence ? [t.evidence] : [];
      evidence.push({ attachment_id: row.id, file_name: row.fileName });
      await tx
        .update(taskInstances)
        .set({ evidence, version: t.version + 1, updatedAt: new Date() })
        .where(eq(taskInstances.id, taskId));
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "task_instance.evidence.add",
        entity: "task_instance",
        entity_id: taskId,
        after: toSnake(row),
      });
      return { ...toSnake(row), task_version: t.version + 1 };
    },
  );
}

/** Links a record (snapshot, meeting report, letter) as evidence of a task, in the caller's transaction. */
export async function linkTaskEvidence(
  tx: AppDb,
  taskId: string,
  evidence: Record<string, unknown>,
  opts: { complete?: IsoDate } = {},
): Promise<void> {
  const [t] = await tx.select().from(taskInstances).where(eq(taskInstances.id, taskId)).for("update");
  if (!t) return;
  const list = Array.isArray(t.evidence) ? [...(t.evidence as unknown[])] : t.evidence ? [t.evidence] : [];
  list.push(evidence);
  const set: Partial<typeof taskInstances.$inferInsert> = {
    evidence: list,
    version: t.version + 1,
    updatedAt: new Date(),
  };
  if (opts.complete && (t.status === "pending" || t.status === "in_progress" || t.status === "overdue")) {
    set.status = "done";
    set.completedOn = opts.complete;
  }
  await tx.update(taskInstances).set(set).where(eq(taskInstances.id, taskId));
}

export type AttachmentRow = typeof attachments.$inferSelect;

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

/** Progress of tasks (plan and request tasks) in scope, grouped by plan and by agency, as of `today`. */
export async function taskProgress(
  db: AppDb,
  scope: Scope,
  filter: { plan_id?: string; agency_id?: string; year?: number } = {},
  today: IsoDate = todayVn(),
): Promise<{
  as_of: IsoDate;
  total: Progress;
  by_plan: Array<{ plan_id: string | null; title: string; progress: Progress }>;
  by_agency: Array<{ agency_id: string; name: string; progress: Progress }>;
}> {
  const conds: SQL[] = [];
  const sc = taskVisible(scope);
  if (sc) conds.push(sc);
  if (filter.plan_id) conds.push(eq(planTasks.planId, filter.plan_id));
  if (filter.agency_id) conds.push(eq(taskInstances.agencyId, filter.agency_id));
  if (filter.year) conds.push(eq(plans.year, filter.year));
  const rows = await db
    .select({
      status: taskInstances.status,
      due: taskInstances.due,
      agencyId: taskInstances.agencyId,
      planId: planTasks.planId,
      planTitle: plans.title,
      agencyName: agencies.name,
    })
    .from(taskInstances)
    .leftJoin(planTasks, eq(planTasks.id, taskInstances.taskId))
    .leftJoin(plans, eq(plans.id, planTasks.planId))
    .innerJoin(agencies, eq(agencies.id, taskInstances.agencyId))
    .where(conds.length ? and(...conds) : undefined);
  const group = <K extends string | null>(key: (r: (typeof rows)[number]) => K) => {
    const m = new Map<K, typeof rows>();
    for (const r of rows) {
      const k = key(r);
      const l = m.get(k);
      if (l) l.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  return {
    as_of: today,
    total: progressOf(rows, today),
    by_plan: [...group((r) => r.planId)].map(([plan_id, list]) => ({
      plan_id,
      title: list[0].planTitle ?? "Nhiệm vụ phát sinh từ yêu cầu phối hợp",
      progress: progressOf(list, today),
    })),
    by_agency: [...group((r) => r.agencyId)]
      .map(([agency_id, list]) => ({
        agency_id: agency_id as string,
        name: list[0].agencyName,
        progress: progressOf(list, today),
      }))
      .sort((a, b) => (a.agency_id < b.agency_id ? -1 : 1)),
  };
}

export { randomUUID };

// ---- urging ladder (KH 2021 mục II.6) -------------------------------------------------------------------------------

/**
 * Proposes the next rung of the urging ladder for an urging request: only when that request is unanswered past its due
 * date (the due date of its task, else of the request). Earlier rungs of the chain (parent_id) count as not complied.
 */
export async function urgingProposal(db: AppDb, scope: Scope, id: string, today: IsoDate = todayVn()) {
  const req = await loadVisibleRequest(db, scope, id);
  if (req.kind !== "urging")
    throw new DomainError("not_urging", "id", "Chỉ đề xuất bậc đôn đốc tiếp theo cho một yêu cầu đôn đốc.");
  const chain = [req];
  for (let cur = req; cur.parentId; ) {
    const [p] = await db.select().from(requests).where(eq(requests.id, cur.parentId));
    if (p?.kind !== "urging") break;
    chain.unshift(p);
    cur = p;
  }
  const rungOf = (r: typeof req) =>
    ((r.payload as { rung?: string } | null)?.rung ?? (r.routing as { rule?: string } | null)?.rule ?? null) as
      | string
      | null;
  const tasks = await db.select().from(taskInstances).where(eq(taskInstances.requestId, req.id));
  const leadTask = tasks.find((t) => t.agencyId === t.leadAgencyId) ?? tasks[0];
  const due = leadTask?.due ?? req.due ?? null;
  const answered = req.status === "answered" || req.status === "closed" || leadTask?.status === "done";
  const base = { request_id: req.id, due, today, rungs: chain.map(rungOf) };
  if (answered)
    return { ...base, past_due_unanswered: false, proposal: null, reason: "Nội dung đôn đốc đã được thực hiện." };
  if (!due) return { ...base, past_due_unanswered: false, proposal: null, reason: "Yêu cầu đôn đốc chưa có hạn." };
  if (due >= today)
    return { ...base, past_due_unanswered: false, proposal: null, reason: `Chưa quá hạn (hạn ${due}).` };
  const rungs = chain.map(rungOf);
  if (rungs.some((r) => r === null))
    return {
      ...base,
      past_due_unanswered: true,
      proposal: null,
      reason:
        "Không xác định được bậc đôn đốc của yêu cầu (không có điều khoản KH 2021 mục II.6 áp dụng); hãy xem lại căn cứ đôn đốc.",
    };
  const outcome = (req.payload as { outcome?: string } | null)?.outcome ?? "not_complied";
  const history = chain.map((r, i) => ({
    rung: rungOf(r),
    outcome: i === chain.length - 1 ? outcome : "not_complied",
  }));
  const next = nextUrgingRung(history);
  return {
    ...base,
    past_due_unanswered: true,
    proposal: next,
    reason: next ? next.why : "Đã đi hết các bậc đôn đốc của KH 2021 mục II.6.",
  };
}
