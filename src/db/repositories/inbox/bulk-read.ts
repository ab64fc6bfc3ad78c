// Bulk "đánh dấu đã đọc" from the requests, tasks and claims lists: for the caller only — their notifications about
// the records (and the items under them: a request's tasks and copies, a claim's deadlines) and, for requests, the
// caller's read record of each request. Every id is scope-checked first (403 naming it); one transaction; repeating it
// changes nothing; audited when something changed.
import { inArray, or, sql } from "drizzle-orm";
import type { Permission } from "../../../domain/access/permissions.ts";
import type { Scope } from "../../../domain/access/scope.ts";
import type { BulkList } from "../../../domain/inbox/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { claimDeadlines, notifications, requestCopies, requestReads, taskInstances } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { markNotificationsRead } from "../notifications.ts";
import { requireVisibleIds, uniqueIds } from "./bulk-scope.ts";

const READ_PERMISSION: Readonly<Record<BulkList, Permission>> = {
  requests: "requests.read",
  tasks: "plans.read",
  claims: "claims.read",
};

export async function bulkMarkRead(db: AppDb, scope: Scope, input: { list: BulkList; ids: string[] }) {
  requirePermission(scope, READ_PERMISSION[input.list]);
  const me = scope.userId;
  if (!me) throw new DomainError("unauthenticated", "", "Cần đăng nhập.");
  const ids = uniqueIds(input.ids);
  await requireVisibleIds(db, scope, input.list, ids);
  const about =
    input.list === "requests"
      ? or(
          inArray(notifications.entityId, ids),
          inArray(
            notifications.entityId,
            db
              .select({ id: sql<string>`${taskInstances.id}::text` })
              .from(taskInstances)
              .where(inArray(taskInstances.requestId, ids)),
          ),
          inArray(
            notifications.entityId,
            db
              .select({ id: sql<string>`${requestCopies.id}::text` })
              .from(requestCopies)
              .where(inArray(requestCopies.requestId, ids)),
          ),
        )
      : input.list === "claims"
        ? or(
            inArray(notifications.entityId, ids),
            inArray(
              notifications.entityId,
              db
                .select({ id: sql<string>`${claimDeadlines.id}::text` })
                .from(claimDeadlines)
                .where(inArray(claimDeadlines.claimId, ids)),
            ),
          )
        : inArray(notifications.entityId, ids);
  return db.transaction(async (tx) => {
    const notified = await markNotificationsRead(tx, scope, about);
    let receipts = 0;
    if (input.list === "requests") {
      const rows = await tx
        .insert(requestReads)
        .values(ids.map((requestId) => ({ requestId, userId: me })))
        .onConflictDoNothing()
        .returning({ id: requestReads.requestId });
      receipts = rows.length;
    }
    if (notified + receipts)
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "notifications.bulk_read",
        entity: input.list,
        entity_id: null,
        after: { ids, notifications: notified, read_records: receipts },
      });
    return { list: input.list, records: ids.length, notifications: notified, read_records: receipts };
  });
}
