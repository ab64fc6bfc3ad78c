// Each user's choice of notification mail (each event / daily digest at 07:00 / none) and their mail address.
import { eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { notificationSettings, users } from "../schema/index.ts";
import type { AppDb } from "../types.ts";

export const MAIL_MODES = ["each", "digest", "none"] as const;
export type MailMode = (typeof MAIL_MODES)[number];

function me(scope: Scope): string {
  if (!scope.userId) throw new DomainError("unauthenticated", "", "Cần đăng nhập.");
  return scope.userId;
}

export async function getNotificationSettings(db: AppDb, scope: Scope) {
  const userId = me(scope);
  const [row] = await db
    .select({ mode: notificationSettings.mode, email: users.email })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(eq(users.id, userId));
  return { mode: (row?.mode ?? "none") as MailMode, email: row?.email ?? null };
}

export async function setNotificationSettings(
  db: AppDb,
  scope: Scope,
  input: { mode: MailMode; email?: string | null },
) {
  const userId = me(scope);
  const before = await getNotificationSettings(db, scope);
  const email = input.email === undefined ? before.email : input.email;
  if (input.mode !== "none" && !email)
    throw new DomainError("email_required", "email", "Cần địa chỉ thư điện tử để nhận thông báo qua thư.");
  await db.transaction(async (tx) => {
    if (input.email !== undefined)
      await tx.update(users).set({ email: input.email, updatedAt: new Date() }).where(eq(users.id, userId));
    await tx
      .insert(notificationSettings)
      .values({ userId, mode: input.mode })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { mode: input.mode, updatedAt: new Date() } });
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "notification_settings.update",
      entity: "user",
      entity_id: userId,
      before,
      after: { mode: input.mode, email },
    });
  });
  return getNotificationSettings(db, scope);
}
