// Response cache for read routes that opt in with `config: { access: …, cache: true }` (GET only).
//
// Key: (data generation, user, acting agency, roles, must-change-password flag, today's date in Vietnam, full URL
// with its query string). The date is in the key because deadline statuses ("quá hạn", "trong tuần") depend on it.
// Value: the already serialized JSON body (as bytes), status 200 and the response headers, sent as is — no handler,
// no repository query, no zod serialization. Per user: a response is only ever served again to the user it was
// computed for (same agency, same roles), so agency scope and personal-data masking cannot leak across users.
//
// Never cached: non-GET, routes without the flag, status ≠ 200, responses with Set-Cookie or `Cache-Control:
// no-store` (e.g. claim detail with ?reveal=personal), non-JSON bodies (exports, downloads), any request whose
// query mentions reveal/unmask, any request that wrote an audit row through plugins/audit.ts.
//
// Invalidation: the whole cache is dropped when the data generation (src/http/data-generation.ts) changes. It is
// bumped in onSend — before the client can see the response — by every unsafe request that reached its handler
// (whatever the outcome), by reads that audited, and by the scheduler jobs. A read only stores its body if the
// generation it started under is still current, so a read that raced a write never stores pre-write data.
//
// Other processes (PostgreSQL only — PGlite holds an exclusive lock on its data directory): at most every `pollMs`
// (default 500 ms) the first request reads the server's commit watermark `pg_current_snapshot()`; any change (a
// transaction that wrote anything committed or aborted, in this or another process, e.g. the CLI) bumps the
// generation and clears the session cache. Trade-off, chosen over polling `max(id)` of audit_log: the snapshot also
// catches writes that are not audited (jobs, imports, direct SQL) and needs no table or schema change, at the price
// of over-invalidating when other databases on the same server are busy (the snapshot is cluster-wide). So a write by
// another process is visible here after at most pollMs (plus one query); writes through this process immediately.
// Kill switch: BTNN_RESPONSE_CACHE=0 in the environment, or buildApp({ responseCache: false }).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { todayVn } from "../../db/repositories/common.ts";
import type { Database } from "../../db/types.ts";
import type { ClusterBus } from "../cluster-bus.ts";
import { bumpDataGeneration, dataGeneration } from "../data-generation.ts";
import { forgetAllSessions } from "../session-cache.ts";
import { globalPlugin } from "./global.ts";

export const RESPONSE_CACHE_MAX_ENTRIES = 2_000;
export const RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;
export const RESPONSE_CACHE_POLL_MS = 500;

export type ResponseCacheSettings = { maxEntries?: number; maxBytes?: number; pollMs?: number };

export type ResponseCachePluginOptions = {
  database: Database;
  now?: () => Date;
  /** The other app servers on the same PostgreSQL (null: this process is alone, or PGlite). */
  bus?: ClusterBus | null;
  /** false: no response cache (the session-watermark poll on PostgreSQL still runs when sessionCache is on). */
  responseCache?: boolean | ResponseCacheSettings;
  /** Whether the session cache is on (then external writes seen on PostgreSQL clear it too). */
  sessionCache?: boolean;
};

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Query parameters that may unmask personal data: such requests are never cached, whatever the route says. */
const PERSONAL = /reveal|unmask/i;
/** Writes to these change sessions, passwords, memberships or the hierarchy: drop every cached session too. */
const IDENTITY_PREFIXES = ["/api/auth/", "/api/users", "/api/agencies"];
/** Headers of the original response not replayed on a hit (recomputed per response or request-specific). */
const NOT_REPLAYED = new Set(["x-request-id", "content-length", "date", "connection", "x-cache", "set-cookie"]);

type Cached = { body: Buffer; headers: Array<[string, string | number | string[]]>; bytes: number };
type Pending = { key: string; gen: number };

declare module "fastify" {
  interface FastifyRequest {
    /** The other app servers were told of this write (onSend); onResponse does not tell them twice. */
    announced: boolean;
    /** Set on a cacheable GET that missed: where to store the response. */
    responseCacheKey: Pending | null;
    /** The request reached its handler with an unsafe method, or audited: data may have changed. */
    mayHaveWritten: boolean;
  }
}

/** Marks a request as having written (e.g. an audit row on a read): its response is not cached and the data
 * generation is bumped when it is sent. */
export function markWrite(request: FastifyRequest): void {
  request.mayHaveWritten = true;
}

/** Bounded LRU of serialized responses, dropped as a whole when the data generation changes. */
export class ResponseStore {
  private readonly map = new Map<string, Cached>();
  private bytes = 0;
  private gen = -1;
  readonly maxEntries: number;
  readonly maxBytes: number;
  constructor(maxEntries = RESPONSE_CACHE_MAX_ENTRIES, maxBytes = RESPONSE_CACHE_MAX_BYTES) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  get size(): number {
    return this.map.size;
  }
  get totalBytes(): number {
    return this.bytes;
  }

  /** Drops everything cached under another generation. */
  sync(gen: number): void {
    if (gen === this.gen) return;
    this.map.clear();
    this.bytes = 0;
    this.gen = gen;
  }

  get(key: string): Cached | undefined {
    const e = this.map.get(key);
    if (e) {
      // Most recently used last (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }

  set(key: string, gen: number, e: Cached): void {
    if (gen !== this.gen || e.bytes > this.maxBytes / 8) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.map.delete(key);
    }
    this.map.set(key, e);
    this.bytes += e.bytes;
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.bytes -= this.map.get(oldest.value)?.bytes ?? 0;
      this.map.delete(oldest.value);
    }
  }
}

function mentionsPersonal(query: unknown): boolean {
  if (!query || typeof query !== "object") return false;
  for (const [k, v] of Object.entries(query)) if (PERSONAL.test(k) || PERSONAL.test(String(v))) return true;
  return false;
}

export const responseCachePlugin = globalPlugin<ResponseCachePluginOptions>(
  "btnn-response-cache",
  async (app: FastifyInstance, opts) => {
    const { database } = opts;
    const now = opts.now ?? (() => new Date());
    const settings: ResponseCacheSettings = typeof opts.responseCache === "object" ? opts.responseCache : {};
    const enabled = opts.responseCache !== false && process.env.BTNN_RESPONSE_CACHE !== "0";
    const sessionCache = opts.sessionCache !== false;
    const store = new ResponseStore(settings.maxEntries, settings.maxBytes);
    const pollMs = settings.pollMs ?? RESPONSE_CACHE_POLL_MS;
    app.decorate("responseStore", store);
    app.decorateRequest("responseCacheKey", null);
    app.decorateRequest("mayHaveWritten", false);
    app.decorateRequest("announced", false);

    // PostgreSQL: notice writes made by other processes (see the header comment).
    const watch = database.kind === "postgres" && (enabled || sessionCache);
    let watermark: string | null = null;
    let checkedAt = Number.NEGATIVE_INFINITY;
    let inflight: Promise<void> | null = null;
    const externalChange = () => {
      bumpDataGeneration();
      forgetAllSessions(database.db);
    };
    const checkWatermark = async () => {
      try {
        const [row] = await database.query<{ w: string }>("select pg_current_snapshot()::text as w");
        if (watermark !== null && row?.w !== watermark) externalChange();
        watermark = row?.w ?? null;
        checkedAt = performance.now();
      } catch {
        // Cannot tell what changed: fail closed (drop everything) and ask again on the next request.
        externalChange();
        watermark = null;
      } finally {
        inflight = null;
      }
    };

    const bus = opts.bus ?? null;
    const afterWrite = async (request: FastifyRequest, reply: FastifyReply, announce: boolean) => {
      bumpDataGeneration();
      const url = request.url;
      const identities = reply.statusCode < 400 && IDENTITY_PREFIXES.some((p) => url.startsWith(p));
      if (identities) forgetAllSessions(database.db);
      // Before this response leaves: the other servers hear of the write (and, for identities, have acknowledged).
      if (bus && announce) {
        try {
          await (identities ? bus.identitiesChanged() : bus.dataChanged());
        } catch (e) {
          request.log.warn({ event: "cluster_bus", err: (e as Error).message }, "không báo được máy chủ khác");
        }
      }
    };

    if (watch)
      app.addHook("onRequest", async () => {
        if (performance.now() - checkedAt < pollMs) return;
        inflight ??= checkWatermark();
        await inflight;
      });

    // After the onRequest hooks (session, scope, permission), before validation and the handler.
    if (enabled)
      app.addHook("preValidation", async (request: FastifyRequest, reply: FastifyReply) => {
        if (request.method !== "GET" || request.routeOptions.config?.cache !== true) return;
        const auth = request.auth;
        const scope = request.scope;
        if (!auth || !scope || mentionsPersonal(request.query)) return;
        const gen = dataGeneration();
        store.sync(gen);
        const key = `${auth.userId}\u0000${auth.agencyId ?? ""}\u0000${scope.roles.join(",")}\u0000${auth.mustChangePassword ? 1 : 0}\u0000${todayVn(now())}\u0000${request.url}`;
        const hit = store.get(key);
        if (hit) {
          reply.code(200);
          for (const [name, value] of hit.headers) reply.header(name, value);
          reply.header("x-cache", "hit");
          return reply.send(hit.body);
        }
        request.responseCacheKey = { key, gen };
        reply.header("x-cache", "miss");
      });

    app.addHook("preHandler", async (request: FastifyRequest) => {
      if (UNSAFE.has(request.method)) request.mayHaveWritten = true;
    });

    app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (request.mayHaveWritten) {
        await afterWrite(request, reply, true);
        request.announced = true;
        return payload;
      }
      const pending = request.responseCacheKey;
      if (!pending) return payload;
      request.responseCacheKey = null;
      if (reply.statusCode !== 200 || typeof payload !== "string") return payload;
      if (pending.gen !== dataGeneration() || reply.hasHeader("set-cookie")) return payload;
      if (/no-store/i.test(String(reply.getHeader("cache-control") ?? ""))) return payload;
      if (!/json/i.test(String(reply.getHeader("content-type") ?? ""))) return payload;
      if (mentionsPersonal(request.query)) return payload;
      const headers: Cached["headers"] = [];
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined && !NOT_REPLAYED.has(name)) headers.push([name, value]);
      const body = Buffer.from(payload);
      store.set(pending.key, pending.gen, { body, headers, bytes: body.length + 64 * (headers.length + 1) });
      return payload;
    });

    // Belt and braces: a write whose response went out without onSend (aborted/hijacked) still invalidates.
    app.addHook("onResponse", async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.mayHaveWritten) await afterWrite(request, reply, !request.announced);
    });
  },
);

declare module "fastify" {
  interface FastifyInstance {
    /** The response cache of this app (tests and benchmarks read its size). */
    responseStore: ResponseStore;
  }
}
