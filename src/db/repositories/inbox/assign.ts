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
import { insertNotifications } from "../coordination.ts";
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

export async function assignWork(
  db: AppDb,
  scope: Scope,
  input: { kind: InboxKind; id: string; assignee_id: string; reason?: string | null },
) {
  requirePermission(scope, "requests.write");
  const agency = scope.agencyId;
  if (!agency) throw new DomainError("forbidden", "", "Chưa chọn cơ quan làm việc.");
  const item = await requireItem(db, scope, input.kind, input.id);
  const [member] = await db
    .select({ id: users.id, name: users.fullName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, input.assignee_id),
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
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(workAssignments)
      .where(
        and(
          eq(workAssignments.kind, input.kind),
          eq(workAssignments.itemId, input.id),
          eq(workAssignments.agencyId, agency),
          isNull(workAssignments.endedAt),
        ),
      )
      .for("update");
    // A double submit (same assignee again) changes nothing.
    if (current?.assigneeId === input.assignee_id) return toSnake(current);
    const reason = input.reason?.trim() || null;
    if (current && !reason)
      throw new DomainError("reason_required", "reason", "Giao lại cho người khác cần nêu lý do.");
    if (current)
      await tx.update(workAssignments).set({ endedAt: new Date() }).where(eq(workAssignments.id, current.id));
    const [row] = await tx
      .insert(workAssignments)
      .values({
        kind: input.kind,
        itemId: input.id,
        agencyId: agency,
        assigneeId: input.assignee_id,
        assignedBy: scope.userId,
        reason,
      })
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: current ? "work.reassign" : "work.assign",
      entity: input.kind,
      entity_id: input.id,
      before: current ? { assignee_id: current.assigneeId } : undefined,
      after: { assignee_id: input.assignee_id, reason },
    });
    await insertNotifications(tx, [
      {
        key: `work_assigned:${row.id}`,
        agency_id: agency,
        user_id: input.assignee_id,
        kind: "work_assigned",
        title: `Bạn được giao: ${item.title}`.slice(0, 500),
        body: `${INBOX_KIND_VI[input.kind]}${reason ? `. Lý do giao lại: ${reason}` : ""}`,
        entity: input.kind,
        entity_id: input.id,
        due: item.due,
        url: item.url,
      },
    ]);
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
