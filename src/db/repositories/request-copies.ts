// How a request is shared out: its coordination view (tasks, forwarded copies, documents) and the read receipt the
// receiving agency of a copy leaves for the sender.
import { and, asc, eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { effectiveStatus } from "../../domain/tasks/index.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { attachments, requestCopies, taskInstances } from "../schema/index.ts";
import { scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { attachmentColumns } from "./attachments.ts";
import { notFound, todayVn, toSnake } from "./common.ts";
import { loadVisibleRequest } from "./requests.ts";

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
