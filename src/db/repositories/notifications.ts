// In-app notifications: inserted once per deterministic key; the caller sees those addressed to them and those addressed
// to their acting agency. Read state is per user (notification_reads): an agency's notification read by one officer
// stays unread for the colleagues.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { notificationPath } from "../../domain/inbox/index.ts";
import { notificationReads, notifications } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { notFound, toSnake } from "./common.ts";

export function notificationMine(scope: Scope): SQL {
  const parts: SQL[] = [];
  if (scope.userId) parts.push(eq(notifications.userId, scope.userId));
  if (scope.agencyId) parts.push(and(eq(notifications.agencyId, scope.agencyId), isNull(notifications.userId))!);
  return parts.length ? or(...parts)! : sql`false`;
}

/** Not read by this user (a personal notification read before per-user reads existed keeps its read_at). */
export function unreadBy(userId: string | null): SQL {
  const readRow = userId
    ? sql`exists (select 1 from ${notificationReads} r where r.notification_id = ${notifications.id} and r.user_id = ${userId})`
    : sql`false`;
  return sql`not ${readRow} and (${notifications.userId} is null or ${notifications.readAt} is null)`;
}

export async function listNotifications(db: AppDb, scope: Scope, filter: { unread?: boolean; limit?: number } = {}) {
  const conds: SQL[] = [notificationMine(scope)];
  if (filter.unread) conds.push(unreadBy(scope.userId));
  const me = scope.userId;
  const rows = await db
    .select({ n: notifications, myRead: notificationReads.readAt })
    .from(notifications)
    .leftJoin(
      notificationReads,
      and(eq(notificationReads.notificationId, notifications.id), me ? eq(notificationReads.userId, me) : sql`false`),
    )
    .where(and(...conds))
    .orderBy(desc(notifications.createdAt), asc(notifications.id))
    .limit(Math.min(Math.max(filter.limit ?? 50, 1), 200));
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(notificationMine(scope), unreadBy(me)));
  return {
    items: rows.map(({ n: r, myRead }) => ({
      ...toSnake(r),
      read_at: myRead ?? (r.userId ? r.readAt : null),
      url: notificationPath(r),
    })),
    unread: Number(n),
  };
}

/** Marks the caller's unread notifications matching `where` read for the caller only; returns how many. */
export async function markNotificationsRead(db: AppDb, scope: Scope, where?: SQL): Promise<number> {
  const me = scope.userId;
  if (!me) return 0;
  const rows = await db
    .select({ id: notifications.id, userId: notifications.userId })
    .from(notifications)
    .where(and(notificationMine(scope), unreadBy(me), where));
  if (!rows.length) return 0;
  await db
    .insert(notificationReads)
    .values(rows.map((r) => ({ notificationId: r.id, userId: me })))
    .onConflictDoNothing();
  return rows.length;
}

/** Marks every unread notification of the caller read (for the caller); returns how many. */
export async function markAllNotificationsRead(db: AppDb, scope: Scope): Promise<number> {
  return markNotificationsRead(db, scope);
}

export async function markNotificationRead(db: AppDb, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), notificationMine(scope)));
  if (!row) throw notFound("thông báo");
  const me = scope.userId;
  let readAt: Date | null = row.userId ? row.readAt : null;
  if (me) {
    await db.insert(notificationReads).values({ notificationId: id, userId: me }).onConflictDoNothing();
    const [r] = await db
      .select({ at: notificationReads.readAt })
      .from(notificationReads)
      .where(and(eq(notificationReads.notificationId, id), eq(notificationReads.userId, me)));
    readAt = readAt ?? r?.at ?? null;
  }
  return { ...toSnake(row), read_at: readAt };
}

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
