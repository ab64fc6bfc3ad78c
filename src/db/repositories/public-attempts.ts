// Rate limits of the public portal, counted in the database (several app servers share them), the same way login
// attempts are: an attempt is recorded FIRST, then counted, so concurrent calls see each other; a refused attempt's row
// is removed again. Addresses are stored only as sha256.
import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { publicAttempts } from "../schema/index.ts";
import type { AppDb } from "../types.ts";

export type PublicLimits = {
  /** Wrong (code, factor) pairs for one code within the window (status lookup, receipt download). */
  perCode: number;
  /** Wrong pairs from one address within the window, any code. */
  perAddress: number;
  /** Submissions from one address within the window. */
  submissionsPerAddress: number;
  windowMs: number;
  /** Any public POST (and receipt download) from one address per minute, counted in memory (src/http/public-flood.ts). */
  requestsPerMinute: number;
};

/** How long attempt rows are kept (longer than any window above). */
const ATTEMPTS_KEPT_MS = 24 * 3600_000;

export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  perCode: 5,
  perAddress: 20,
  submissionsPerAddress: 5,
  windowMs: 15 * 60 * 1000,
  requestsPerMinute: 60,
};

/**
 * The unit the caps count: an IPv4 address, or an IPv6 /64 — one subscriber's prefix, inside which a client picks any
 * address it likes (counting single IPv6 addresses would let it step round every cap).
 */
export function addressKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.split("%")[0]!.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

export const addressHash = (ip: string) =>
  createHash("sha256")
    .update(`btnn-public:${addressKey(ip)}`)
    .digest("hex");

export type Attempt = { id: number; throttled: null | "code" | "address" };

/** A status lookup or receipt download: counts failures per code and per address. */
export async function beginLookupAttempt(
  db: AppDb,
  code: string,
  ip: string,
  now: Date,
  limits: PublicLimits,
): Promise<Attempt> {
  const addr = addressHash(ip);
  const [row] = await db
    .insert(publicAttempts)
    .values({ action: "lookup", code, addressHash: addr, success: false, at: now })
    .returning({ id: publicAttempts.id });
  const since = new Date(now.getTime() - limits.windowMs);
  const count = async (cond: ReturnType<typeof and>) => {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(publicAttempts).where(cond);
    return Number(r.n);
  };
  const failed = and(
    eq(publicAttempts.action, "lookup"),
    eq(publicAttempts.success, false),
    gt(publicAttempts.at, since),
  );
  const refuse = async (why: "code" | "address"): Promise<Attempt> => {
    await db.delete(publicAttempts).where(eq(publicAttempts.id, row.id));
    return { id: row.id, throttled: why };
  };
  if ((await count(and(failed, eq(publicAttempts.code, code)))) > limits.perCode) return refuse("code");
  if ((await count(and(failed, eq(publicAttempts.addressHash, addr)))) > limits.perAddress) return refuse("address");
  return { id: row.id, throttled: null };
}

export async function markAttemptSucceeded(db: AppDb, id: number): Promise<void> {
  await db.update(publicAttempts).set({ success: true }).where(eq(publicAttempts.id, id));
}

/** A submission: at most `submissionsPerAddress` per window from one address (refused ones are not counted). */
export async function beginSubmitAttempt(db: AppDb, ip: string, now: Date, limits: PublicLimits): Promise<Attempt> {
  const addr = addressHash(ip);
  // Counters older than a day count for nothing: dropped here (submissions are rare, so this runs seldom).
  await db.delete(publicAttempts).where(lt(publicAttempts.at, new Date(now.getTime() - ATTEMPTS_KEPT_MS)));
  const [row] = await db
    .insert(publicAttempts)
    .values({ action: "submit", addressHash: addr, success: true, at: now })
    .returning({ id: publicAttempts.id });
  const since = new Date(now.getTime() - limits.windowMs * 4);
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publicAttempts)
    .where(
      and(eq(publicAttempts.action, "submit"), eq(publicAttempts.addressHash, addr), gt(publicAttempts.at, since)),
    );
  if (Number(r.n) > limits.submissionsPerAddress) {
    await db.delete(publicAttempts).where(eq(publicAttempts.id, row.id));
    return { id: row.id, throttled: "address" };
  }
  return { id: row.id, throttled: null };
}

/** A submission that failed after counting (bad attachment …) gives its place back. */
export async function releaseAttempt(db: AppDb, id: number): Promise<void> {
  await db.delete(publicAttempts).where(eq(publicAttempts.id, id));
}
