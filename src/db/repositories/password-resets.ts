// Password reset by e-mail (issue 17): single-use tokens with an expiry, stored as SHA-256 only; requests are
// rate-limited per address through login_attempts (username "password-reset"), so the answer never depends on
// whether an account has the address.
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { appendAudit } from "../audit.ts";
import { loginAttempts, passwordResetTokens, sessions, users } from "../schema/index.ts";
import type { AppDb } from "../types.ts";

export const RESET_TTL_MS = 30 * 60_000;
export const RESET_WINDOW_MS = 15 * 60_000;
export const RESET_MAX_PER_ADDRESS = 5;
const ATTEMPT_KEY = "password-reset";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Counts this request against the address; true when the address asked too often in the window. */
export async function resetThrottled(db: AppDb, ip: string, now: Date): Promise<boolean> {
  await db.insert(loginAttempts).values({ username: ATTEMPT_KEY, ip, success: false, at: now });
  const [{ n }] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, ATTEMPT_KEY),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.at, new Date(now.getTime() - RESET_WINDOW_MS)),
      ),
    );
  return Number(n) > RESET_MAX_PER_ADDRESS;
}

/** A new token for the active account with this e-mail (case-insensitive), or null — audited when issued. */
export async function issueResetToken(
  db: AppDb,
  email: string,
  ip: string,
  now: Date,
): Promise<{ token: string; userId: string; fullName: string; email: string } | null> {
  const [u] = await db
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(users.active, true)))
    .limit(2);
  if (!u?.email) return null;
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await tx
      .insert(passwordResetTokens)
      .values({ tokenHash: sha256(token), userId: u.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS), ip });
    await appendAudit(tx, {
      actor_user_id: null,
      actor_agency_id: null,
      action: "auth.password_reset_request",
      entity: "user",
      entity_id: u.id,
      after: { expires_in_minutes: RESET_TTL_MS / 60_000, ip },
    });
  });
  return { token, userId: u.id, fullName: u.fullName, email: u.email };
}

/**
 * Uses a token once: marks it used and sets the new password hash in one transaction (every session of the account
 * ends). Returns the user id, or null when the token is unknown, used or expired.
 */
export async function consumeResetToken(
  db: AppDb,
  token: string,
  passwordHash: string,
  ip: string,
  now: Date,
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [t] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, sha256(token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!t) return null;
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now })
      .where(and(eq(users.id, t.userId), eq(users.active, true)));
    await tx.delete(sessions).where(eq(sessions.userId, t.userId));
    // Other links of the account die with this one.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, t.userId), isNull(passwordResetTokens.usedAt)));
    await appendAudit(tx, {
      actor_user_id: t.userId,
      actor_agency_id: null,
      action: "auth.password_reset",
      entity: "user",
      entity_id: t.userId,
      after: { ip },
    });
    return t.userId;
  });
}
