// Notification mail (issue 11 (4)): per event (dispatched every minute) or one digest a day at 07:00 Vietnam time, per
// the user's choice. A notification is mailed to a user once (notification_mails), and only those created after the
// user chose mail. The text carries the notification's title, due date and a link — never a claimant's personal data
// (titles name claims by their code).
import { and, eq, gte, inArray, isNull, notExists, or, sql } from "drizzle-orm";
import { todayVn } from "../db/repositories/common.ts";
import { unreadBy } from "../db/repositories/notifications.ts";
import { memberships, notificationMails, notificationSettings, notifications, users } from "../db/schema/index.ts";
import type { AppDb } from "../db/types.ts";
import { notificationPath } from "../domain/inbox/index.ts";
import { formatVi } from "../domain/shared/dates.ts";
import type { Mailer } from "../mail/mailer.ts";

/** croner pattern of the digest: 07:00 every day, Asia/Ho_Chi_Minh. */
export const DIGEST_PATTERN = "0 7 * * *";
/** croner pattern of the per-event dispatch. */
export const DISPATCH_PATTERN = "* * * * *";

type Note = typeof notifications.$inferSelect;

function line(n: Note, baseUrl: string): string {
  const due = n.due ? `\n  Hạn: ${formatVi(n.due)}` : "";
  const body = n.body ? `\n  ${n.body}` : "";
  return `- ${n.title}${body}${due}\n  Xem và xử lý: ${baseUrl}${notificationPath(n)}`;
}

const FOOTER = (baseUrl: string) =>
  `\n\n--\nThư tự động của Hệ thống quản lý công tác bồi thường nhà nước (BTNN). Thay đổi cách nhận thông báo tại ${baseUrl}/profile`;

/** Users who chose `mode`, with a mail address, and the notifications not yet mailed to them. */
async function pending(db: AppDb, mode: "each" | "digest") {
  const recipients = await db
    .select({ id: users.id, name: users.fullName, email: users.email, since: notificationSettings.updatedAt })
    .from(notificationSettings)
    .innerJoin(users, eq(users.id, notificationSettings.userId))
    .where(and(eq(notificationSettings.mode, mode), eq(users.active, true), sql`${users.email} is not null`));
  const out: Array<{ user: (typeof recipients)[number]; notes: Note[] }> = [];
  for (const u of recipients) {
    const agencies = db.select({ a: memberships.agencyId }).from(memberships).where(eq(memberships.userId, u.id));
    const notes = await db
      .select()
      .from(notifications)
      .where(
        and(
          or(
            eq(notifications.userId, u.id),
            and(isNull(notifications.userId), inArray(notifications.agencyId, agencies)),
          ),
          unreadBy(u.id),
          gte(notifications.createdAt, u.since),
          notExists(
            db
              .select({ x: sql`1` })
              .from(notificationMails)
              .where(and(eq(notificationMails.notificationId, notifications.id), eq(notificationMails.userId, u.id))),
          ),
        ),
      )
      .orderBy(notifications.createdAt);
    if (notes.length) out.push({ user: u, notes });
  }
  return out;
}

async function record(db: AppDb, userId: string, notes: Note[], channel: string) {
  await db
    .insert(notificationMails)
    .values(notes.map((n) => ({ notificationId: n.id, userId, channel })))
    .onConflictDoNothing();
}

/** One mail per notification to the users who chose "each event". Returns how many mails were sent. */
export async function mailEachEvent(db: AppDb, mailer: Mailer, opts: { baseUrl: string }): Promise<number> {
  let sent = 0;
  for (const { user, notes } of await pending(db, "each"))
    for (const n of notes) {
      await mailer.send({
        to: user.email as string,
        subject: `[BTNN] ${n.title}`.slice(0, 250),
        text: `Kính gửi ${user.name},\n\nCó việc mới cần anh/chị xem:\n\n${line(n, opts.baseUrl)}${FOOTER(opts.baseUrl)}`,
      });
      await record(db, user.id, [n], "each");
      sent++;
    }
  return sent;
}

/** The daily digest (07:00 Vietnam time) to the users who chose it: one mail listing every notification since the last. */
export async function mailDigests(db: AppDb, mailer: Mailer, opts: { baseUrl: string; now?: Date }): Promise<number> {
  const day = formatVi(todayVn(opts.now ?? new Date()));
  let sent = 0;
  for (const { user, notes } of await pending(db, "digest")) {
    await mailer.send({
      to: user.email as string,
      subject: `[BTNN] Tổng hợp thông báo ngày ${day} (${notes.length} thông báo)`,
      text: `Kính gửi ${user.name},\n\nCác thông báo chưa đọc của anh/chị đến sáng ngày ${day}:\n\n${notes.map((n) => line(n, opts.baseUrl)).join("\n\n")}${FOOTER(opts.baseUrl)}`,
    });
    await record(db, user.id, notes, "digest");
    sent++;
  }
  return sent;
}
