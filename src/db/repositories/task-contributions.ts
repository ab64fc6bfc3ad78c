// A coordinating agency's own part in a plan-task occurrence (task_instance_coordinators): its status and notes,
// updated only by that agency, with its own version — so the lead's changes and each coordinator's never conflict.
import { and, eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { recordsContributionOf } from "../../domain/plans/executors.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor, auditDiff } from "../audit.ts";
import { taskInstanceCoordinators, taskInstances } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { notFound, staleVersion, todayVn, toSnake } from "./common.ts";
import { type ContributionDto, contributionsOf } from "./plans.ts";
import { taskVisibleCondition } from "./task-scope.ts";
import { taskStatusPatch } from "./tasks-workflow.ts";

export type ContributionPatch = { status?: string; note?: string | null };

/** Only the coordinating agency itself (or its successor) records its part; a nationwide scope may act for it. */
function requireOwnAgency(scope: Scope, agencyId: string): void {
  if (recordsContributionOf(scope, agencyId)) return;
  throw new DomainError(
    "forbidden",
    "agency_id",
    "Mỗi cơ quan phối hợp chỉ cập nhật phần phối hợp của chính mình (hãy chọn đúng cơ quan đang làm việc).",
  );
}

export async function updateContribution(
  db: AppDb,
  scope: Scope,
  taskInstanceId: string,
  agencyId: string,
  expectedVersion: number,
  patch: ContributionPatch,
): Promise<ContributionDto> {
  requirePermission(scope, "plans.write");
  return db.transaction(async (tx) => {
    const sc = taskVisibleCondition(scope);
    const [task] = await tx
      .select({ id: taskInstances.id, due: taskInstances.due })
      .from(taskInstances)
      .where(sc ? and(eq(taskInstances.id, taskInstanceId), sc) : eq(taskInstances.id, taskInstanceId));
    if (!task) throw notFound("nhiệm vụ");
    requireOwnAgency(scope, agencyId);
    const key = and(
      eq(taskInstanceCoordinators.taskInstanceId, taskInstanceId),
      eq(taskInstanceCoordinators.agencyId, agencyId),
    );
    const [before] = await tx.select().from(taskInstanceCoordinators).where(key).for("update");
    if (!before) throw notFound("phần phối hợp của cơ quan này trong nhiệm vụ", "agency_id");
    if (before.version !== expectedVersion) throw staleVersion("Phần phối hợp", expectedVersion, before.version);
    const set: Partial<typeof taskInstanceCoordinators.$inferInsert> = {};
    if (patch.status !== undefined) Object.assign(set, taskStatusPatch(before, patch.status, todayVn()));
    if (patch.note !== undefined) set.note = patch.note;
    const [after] = await tx
      .update(taskInstanceCoordinators)
      .set({ ...set, version: before.version + 1, updatedBy: scope.userId, updatedAt: new Date() })
      .where(key)
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "task_instance.contribution.update",
      entity: "task_instance",
      entity_id: taskInstanceId,
      ...auditDiff(toSnake(before), toSnake(after)),
    });
    const list = (await contributionsOf(tx, [task])).get(taskInstanceId) ?? [];
    return list.find((c) => c.agency_id === agencyId) as ContributionDto;
  });
}
