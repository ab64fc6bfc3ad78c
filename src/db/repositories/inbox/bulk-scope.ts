// The scope check of a bulk action: every id must be a record of the list the caller may see. One missing id refuses
// the whole action (403 naming it) before anything is written.
import { and, inArray, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Scope } from "../../../domain/access/scope.ts";
import { BULK_LIST_VI, type BulkList } from "../../../domain/inbox/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { claims, requests, taskInstances } from "../../schema/index.ts";
import { scopeCondition } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { requestVisible } from "../requests.ts";
import { taskVisibleCondition } from "../task-scope.ts";

const LISTS: Readonly<Record<BulkList, { id: PgColumn; visible: (scope: Scope) => SQL | undefined }>> = {
  requests: { id: requests.id, visible: requestVisible },
  tasks: { id: taskInstances.id, visible: taskVisibleCondition },
  claims: { id: claims.id, visible: (s) => scopeCondition(s, claims.handlingAgencyId, claims.managingAgencyId) },
};

/** The ids once each, in the order given (a repeated id is one record). */
export const uniqueIds = (ids: readonly string[]) => [...new Set(ids)];

/** Throws 403 naming the first id (and listing up to five) the caller cannot see or that does not exist. */
export async function requireVisibleIds(db: AppDb, scope: Scope, list: BulkList, ids: readonly string[]) {
  const { id, visible } = LISTS[list];
  const table = list === "requests" ? requests : list === "tasks" ? taskInstances : claims;
  const rows = await db
    .select({ id })
    .from(table)
    .where(and(inArray(id, [...ids]), visible(scope)));
  const seen = new Set(rows.map((r) => r.id as string));
  const bad = ids.map((x, i) => [x, i] as const).filter(([x]) => !seen.has(x));
  if (bad.length)
    throw new DomainError(
      "forbidden",
      `ids.${bad[0][1]}`,
      `Không có ${BULK_LIST_VI[list]} ${bad
        .slice(0, 5)
        .map(([x]) => x)
        .join(
          ", ",
        )}${bad.length > 5 ? ` và ${bad.length - 5} mục khác` : ""} trong phạm vi dữ liệu của bạn; không thay đổi mục nào.`,
    );
}
