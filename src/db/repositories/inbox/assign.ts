// Giao việc inside an agency: a leader or officer gives an inbox item to a named officer of the agency; reassigning
// needs a reason. Every (re)assignment is a new row (the previous one is ended, never rewritten), audited, and tells
// the assignee through a notification.
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import { INBOX_KIND_VI, type InboxKind } from "../../../domain/inbox/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { memberships, users, workAssignments } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { notFound, todayVn, toSnake } from "../common.ts";
import { insertNotifications } from "../notifications.ts";
import { INBOX_SOURCES } from "./sources.ts";

/** Officers of the caller's agency who can carry work (viewers cannot). */
export async function listAssignees(db: AppDb, scope: Scope) {
  requirePermission(scope, "requests.read");
  if (!scope.agencyId) return [];
  const rows = await db
    .selectDistinct({ id: users.id, full_name: users.fullName, username: users.username })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.agencyId, scope.agencyId), ne(memberships.role, "viewer"), eq(users.active, true)))
    .orderBy(asc(users.fullName));
  return rows;
}

async function requireItem(db: AppDb, scope: Scope, kind: InboxKind, id: string) {
  const items = await INBOX_SOURCES[kind](db, scope.agencyId, todayVn());
  const item = items.find((i) => i.id === id);
  if (!item) throw notFound("việc trong hộp việc của cơ quan", "id");
  return item;
}

/** The assignee must be an active officer (not a viewer) of the agency. */
export async function requireAssignee(db: AppDb, agency: string, assigneeId: string): Promise<void> {
  const [member] = await db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, assigneeId),
        eq(memberships.agencyId, agency),
        inArray(memberships.role, ["officer", "agency_admin", "system_admin"]),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!member)
    throw new DomainError(
      "invalid_assignee",
      "assignee_id",
      "Người được giao phải là cán bộ đang hoạt động của cơ quan (không phải tài khoản chỉ xem).",
    );
}

/** What is being assigned: an inbox item, or a whole claim (CLAIM_ASSIGNMENT_KIND). */
export type AssignTarget = { kind: string; id: string; title: string; due: string | null; url: string; label: string };

/**
 * Gives one target to an officer inside a transaction: the same officer again changes nothing (`changed: false`);
 * another officer ends the current row and needs a reason (`reasonField` names the input at fault). Audited; the
 * assignee is notified.
 */
export async function assignInTx(
  tx: AppDb,
  scope: Scope,
  agency: string,
  target: AssignTarget,
  assigneeId: string,
  rawReason: string | null | undefined,
  reasonField = "reason",
): Promise<{ row: typeof workAssignments.$inferSelect; changed: boolean }> {
  const [current] = await tx
    .select()
    .from(workAssignments)
    .where(
      and(
        eq(workAssignments.kind, target.kind),
        eq(workAssignments.itemId, target.id),
        eq(workAssignments.agencyId, agency),
        isNull(workAssignments.endedAt),
      ),
    )
    .for("update");
  // A double submit (same assignee again) changes nothing.
  if (current?.assigneeId === assigneeId) return { row: current, changed: false };
  const reason = rawReason?.trim() || null;
  if (current && !reason)
    throw new DomainError("reason_required", reasonField, `Giao lại cho người khác cần nêu lý do (${target.title}).`);
  if (current) await tx.update(workAssignments).set({ endedAt: new Date() }).where(eq(workAssignments.id, current.id));
  const [row] = await tx
    .insert(workAssignments)
    .values({ kind: target.kind, itemId: target.id, agencyId: agency, assigneeId, assignedBy: scope.userId, reason })
    .returning();
  await appendAudit(tx, {
    ...auditActor(scope),
    action: current ? "work.reassign" : "work.assign",
    entity: target.kind,
    entity_id: target.id,
    before: current ? { assignee_id: current.assigneeId } : undefined,
    after: { assignee_id: assigneeId, reason },
  });
  await insertNotifications(tx, [
    {
      key: `work_assigned:${row.id}`,
      agency_id: agency,
      user_id: assigneeId,
      kind: "work_assigned",
      title: `Bạn được giao: ${target.title}`.slice(0, 500),
      body: `${target.label}${reason ? `. Lý do giao lại: ${reason}` : ""}`,
      entity: target.kind,
      entity_id: target.id,
      due: target.due,
      url: target.url,
    },
  ]);
  return { row, changed: true };
}

export async function assignWork(
  db: AppDb,
  scope: Scope,
  input: { kind: InboxKind; id: string; assignee_id: string; reason?: string | null },
) {
  requirePermission(scope, "requests.write");
  const agency = scope.agencyId;
  if (!agency) throw new DomainError("forbidden", "", "Chưa chọn cơ quan làm việc.");
  const item = await requireItem(db, scope, input.kind, input.id);
  await requireAssignee(db, agency, input.assignee_id);
  const target = { ...item, label: INBOX_KIND_VI[input.kind] };
  return db.transaction(async (tx) => {
    const { row } = await assignInTx(tx, scope, agency, target, input.assignee_id, input.reason);
    return toSnake(row);
  });
}

/** The assignment history of an item in the caller's agency, oldest first. */
export async function assignmentHistory(db: AppDb, scope: Scope, kind: InboxKind, id: string) {
  requirePermission(scope, "requests.read");
  if (!scope.agencyId) return [];
  const rows = await db
    .select({ a: workAssignments, assignee: users.fullName })
    .from(workAssignments)
    .innerJoin(users, eq(users.id, workAssignments.assigneeId))
    .where(
      and(eq(workAssignments.kind, kind), eq(workAssignments.itemId, id), eq(workAssignments.agencyId, scope.agencyId)),
    )
    .orderBy(asc(workAssignments.createdAt));
  return rows.map(({ a, assignee }) => ({ ...toSnake(a), assignee_name: assignee }));
}
