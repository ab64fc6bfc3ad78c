// Session, login-attempt and password persistence used by plugins/auth.ts and routes/auth.ts.
// Written against the Drizzle schema (src/db/schema/identity.ts). Tokens are never stored: only their SHA-256.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { loginAttempts, memberships, sessions, users } from "../db/schema/index.ts";
import type { AppDb } from "../db/types.ts";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // 12 h idle
export const SESSION_RENEW_AFTER_MS = 5 * 60 * 1000; // renew expiry at most every 5 min
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 5;

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");

export type SessionRow = {
  tokenHash: string;
  userId: string;
  agencyId: string | null;
  csrfToken: string | null;
  expiresAt: Date;
  lastSeenAt: Date;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  /** All of the user's memberships (the scope is built from them without another round trip). */
  memberships: Array<{ agency_id: string; role: string }>;
};

export async function findUserForLogin(db: AppDb, username: string) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      passwordHash: users.passwordHash,
      active: users.active,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return rows[0] ?? null;
}

export async function userMemberships(db: AppDb, userId: string) {
  return db
    .select({ agencyId: memberships.agencyId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt, memberships.agencyId);
}

/** Failed password attempts from one address across all usernames within the window (password spraying). */
export const THROTTLE_MAX_FAILURES_PER_ADDRESS = 30;

export type AttemptClaim = {
  /** The attempt's row: recorded as a failure until markAttemptSucceeded (removed again when throttled). */
  id: number;
  /** Why this attempt must be refused without checking the password (null: go ahead). */
  throttled: null | "account" | "address";
};

/**
 * Starts a password attempt: records it as a failure FIRST, then counts. Counting after one's own row is committed
 * makes concurrent attempts see each other: of N simultaneous wrong passwords at most THROTTLE_MAX_FAILURES find
 * themselves within the limit (the k-th to commit counts at least k rows), on PGlite and PostgreSQL alike.
 * Counts: failures for this username from this address since its last success, and failures from this address for
 * any username. Both within THROTTLE_WINDOW_MS.
 */
export async function beginAttempt(db: AppDb, username: string, ip: string, now: Date): Promise<AttemptClaim> {
  const [row] = await db
    .insert(loginAttempts)
    .values({ username, ip, success: false, at: now })
    .returning({ id: loginAttempts.id });
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await db
    .select({ success: loginAttempts.success, id: loginAttempts.id })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip), gt(loginAttempts.at, since)))
    .orderBy(sql`${loginAttempts.at} desc, ${loginAttempts.id} desc`)
    .limit(THROTTLE_MAX_FAILURES + 1);
  // Rows of attempts still in flight may sort after this one; count every failure up to the last success.
  let failures = 0;
  for (const r of rows) {
    if (r.success) break;
    failures++;
  }
  // A refused attempt checks no password: its row is removed again (only real guesses are counted).
  const refuse = async (why: "account" | "address"): Promise<AttemptClaim> => {
    await db.delete(loginAttempts).where(eq(loginAttempts.id, row.id));
    return { id: row.id, throttled: why };
  };
  if (failures > THROTTLE_MAX_FAILURES) return refuse("account");
  const [perAddress] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  if (Number(perAddress.n) > THROTTLE_MAX_FAILURES_PER_ADDRESS) return refuse("address");
  return { id: row.id, throttled: null };
}

export async function markAttemptSucceeded(db: AppDb, id: number) {
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, id));
}

export async function createSession(
  db: AppDb,
  v: { userId: string; agencyId: string | null; ip: string; userAgent: string | undefined; now: Date },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: v.userId,
    agencyId: v.agencyId,
    csrfToken,
    createdAt: v.now,
    lastSeenAt: v.now,
    expiresAt: new Date(v.now.getTime() + SESSION_TTL_MS),
    ip: v.ip,
    userAgent: v.userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken };
}

export async function findSession(db: AppDb, token: string, now: Date): Promise<SessionRow | null> {
  return findSessionByHash(db, sha256(token), now);
}

/** The live session of a token hash (not expired, user active), with the user's memberships; null otherwise. */
export async function findSessionByHash(db: AppDb, tokenHash: string, now: Date): Promise<SessionRow | null> {
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      userId: sessions.userId,
      agencyId: sessions.agencyId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      username: users.username,
      fullName: users.fullName,
      mustChangePassword: users.mustChangePassword,
      memberships: sql<
        Array<{ agency_id: string; role: string }>
      >`coalesce((select json_agg(json_build_object('agency_id', m.agency_id, 'role', m.role)) from ${memberships} m where m.user_id = ${sessions.userId}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: AppDb, tokenHash: string, now: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionByToken(db: AppDb, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function deleteSessionByHash(db: AppDb, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: AppDb, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function passwordHashOf(db: AppDb, userId: string): Promise<string | null> {
  const rows = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return rows[0]?.h ?? null;
}

export async function setPassword(db: AppDb, userId: string, passwordHash: string, now: Date) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now })
    .where(eq(users.id, userId));
}
