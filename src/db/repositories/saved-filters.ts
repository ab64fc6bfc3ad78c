// Saved filters (issue 11 item 6): a user's named filters of the requests, tasks and claims lists, stored server-side
// per user. Saving under an existing name replaces its query (saving twice is the same filter once); only the owner
// sees or deletes a filter (another user's id is "not found").
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { BulkList } from "../../domain/inbox/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { savedFilters } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { notFound, toSnake } from "./common.ts";

/** Filters a user keeps per list. */
export const MAX_SAVED_FILTERS = 30;

function me(scope: Scope): string {
  if (!scope.userId) throw new DomainError("unauthenticated", "", "Cần đăng nhập.");
  return scope.userId;
}

export async function listSavedFilters(db: AppDb, scope: Scope, list: BulkList) {
  const rows = await db
    .select()
    .from(savedFilters)
    .where(and(eq(savedFilters.userId, me(scope)), eq(savedFilters.list, list)))
    .orderBy(asc(savedFilters.name));
  return rows.map(({ userId: _u, ...r }) => toSnake(r));
}

export async function saveFilter(
  db: AppDb,
  scope: Scope,
  input: { list: BulkList; name: string; query: Record<string, string> },
) {
  const userId = me(scope);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(savedFilters)
      .where(
        and(
          eq(savedFilters.userId, userId),
          eq(savedFilters.list, input.list),
          sql`${savedFilters.name} <> ${input.name}`,
        ),
      );
    if (Number(n) >= MAX_SAVED_FILTERS)
      throw new DomainError(
        "too_many_filters",
        "name",
        `Mỗi danh sách lưu được tối đa ${MAX_SAVED_FILTERS} bộ lọc; hãy xóa bớt bộ lọc cũ.`,
      );
    const [row] = await tx
      .insert(savedFilters)
      .values({ userId, list: input.list, name: input.name, query: input.query })
      .onConflictDoUpdate({
        target: [savedFilters.userId, savedFilters.list, savedFilters.name],
        set: { query: input.query, updatedAt: sql`now()` },
      })
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "saved_filter.save",
      entity: "saved_filter",
      entity_id: row.id,
      after: { list: input.list, name: input.name, query: input.query },
    });
    const { userId: _u, ...rest } = row;
    return toSnake(rest);
  });
}

export async function deleteSavedFilter(db: AppDb, scope: Scope, id: string): Promise<void> {
  const userId = me(scope);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(savedFilters)
      .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, userId)))
      .returning();
    if (!row) throw notFound("bộ lọc đã lưu");
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "saved_filter.delete",
      entity: "saved_filter",
      entity_id: id,
      before: { list: row.list, name: row.name },
    });
  });
}
