// In-process cache of session lookups (plugins/auth.ts): the session + user + memberships row of a token hash, kept
// for at most SESSION_CACHE_TTL_MS so that a read does not cost a database round trip for its cookie.
//
// Revocation is explicit and immediate in this process: logout forgets the token; password change (own or reset by
// an administrator), deactivation and membership changes forget every session of the user (routes/auth.ts,
// routes/users.ts); and every successful unsafe request under /api/auth, /api/users or /api/agencies clears the whole
// cache (plugins/response-cache.ts) as a safety net. Writes by OTHER processes (PostgreSQL only; PGlite is locked to
// one process) are seen when the response-cache plugin notices the server's commit watermark moved (it clears this
// cache), and at the latest after the TTL.
//
// Race: a lookup that started before an invalidation must not store what it read (it may be the revoked row): every
// invalidation bumps `epoch`, and set() refuses a row read under an older epoch.
import type { AppDb } from "../db/types.ts";
import type { SessionRow } from "./auth-store.ts";

export const SESSION_CACHE_TTL_MS = 15_000;
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

type Entry = { row: SessionRow; storedAt: number };

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;

  readonly ttlMs: number;
  readonly maxEntries: number;
  constructor(ttlMs = SESSION_CACHE_TTL_MS, maxEntries = SESSION_CACHE_MAX_ENTRIES) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached row for this token hash, or null (absent or older than the TTL). */
  get(tokenHash: string): SessionRow | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    if (performance.now() - e.storedAt > this.ttlMs) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.row;
  }

  /** Call before reading the database; pass the result to set(). */
  begin(): number {
    return this.epoch;
  }

  /** Stores a row read from the database, unless an invalidation happened since begin(). The row is frozen. */
  set(row: SessionRow, epoch: number): void {
    if (epoch !== this.epoch) return;
    if (!this.entries.has(row.tokenHash) && this.entries.size >= this.maxEntries) {
      // Oldest first (insertion order); the TTL is short, so FIFO is as good as LRU here.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(row.tokenHash, { row: freezeRow(row), storedAt: performance.now() });
  }

  /** Replaces a cached row after its expiry was renewed (touchSession); no-op when it was forgotten meanwhile. */
  renewed(tokenHash: string, lastSeenAt: Date, expiresAt: Date): void {
    const e = this.entries.get(tokenHash);
    if (e) e.row = freezeRow({ ...e.row, lastSeenAt, expiresAt });
  }

  forgetToken(tokenHash: string): void {
    this.epoch++;
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    this.epoch++;
    for (const [k, e] of this.entries) if (e.row.userId === userId) this.entries.delete(k);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}

function freezeRow(row: SessionRow): SessionRow {
  for (const m of row.memberships) Object.freeze(m);
  Object.freeze(row.memberships);
  return Object.freeze(row);
}

// One cache per database handle (like the agency cache of src/db/scope.ts): every app and route on the same
// database shares it, so an invalidation anywhere in the process reaches every reader.
const caches = new WeakMap<object, SessionCache>();

export function sessionCacheFor(db: AppDb): SessionCache {
  let c = caches.get(db);
  if (!c) {
    c = new SessionCache();
    caches.set(db, c);
  }
  return c;
}

/** Forget every cached session of a user (password change, deactivation, membership change). After the commit. */
export function forgetUserSessions(db: AppDb, userId: string): void {
  caches.get(db)?.forgetUser(userId);
}

/** Forget one session (logout). After the commit. */
export function forgetSession(db: AppDb, tokenHash: string): void {
  caches.get(db)?.forgetToken(tokenHash);
}

/** Forget every cached session on this database (external writes seen, or an identity write). */
export function forgetAllSessions(db: AppDb): void {
  caches.get(db)?.clear();
}
