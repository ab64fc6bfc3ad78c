// A task occurrence's own record: its detail (plan task, comments, evidence files), comments, uploaded evidence and
// records linked as evidence (snapshots, meeting reports, letters).
import { and, asc, eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { attachments, planTasks, taskComments, taskInstances } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { type UploadStore, withStoredUpload } from "../uploads.ts";
import { attachmentColumns, insertUploadRow, type NewUpload } from "./attachments.ts";
import { todayVn, toSnake } from "./common.ts";
import { instanceViews, loadLedTask } from "./plans.ts";
import { loadVisibleTask } from "./task-scope.ts";

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
      const row = await insertUploadRow(
        tx,
        scope,
        { entity: "task_instance", entityId: taskId, agencyId: t.agencyId },
        file,
        placed,
      );
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
