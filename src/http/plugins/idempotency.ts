// Idempotency-Key on every POST under /api (opt out with `config: { idempotency: false }` on routes that create
// nothing, e.g. login or a preview). A double click, a retried request or five concurrent identical submissions with
// one key create one record: the first request claims (user, key) in idempotency_keys — the primary key makes the
// claim atomic on PGlite and PostgreSQL — and stores its response; the others wait for it and get the same status,
// headers and body back (header `idempotent-replayed: true`). A failed request (non-2xx) releases its claim so the
// user can correct and resend. The same key with another route or body → 422. Rows expire after 24 h.
// Several app servers: a claim names its server (cluster bus id) and request; a repeat that finds the claim pending
// while that server is gone (killed; its bus connection closed) takes it over at once — when the dead request wrote
// nothing (no audit entry carries its request id; every write is audited in its own transaction). When it did write
// and died before storing its response, the outcome is known but the response is lost: the repeat is told so (409
// idempotency_outcome_lost) at once — and never runs the write a second time, not even after ABANDONED_MS.
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { idempotencyKeys } from "../../db/schema/index.ts";
import type { AppDb } from "../../db/types.ts";
import type { ClusterBus } from "../cluster-bus.ts";
import { HttpError } from "../http-error.ts";
import { globalPlugin } from "./global.ts";

export const IDEMPOTENCY_HEADER = "idempotency-key";
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a repeat waits for the first request to finish before answering 409. */
const WAIT_MS = 20_000;
/** A claim still pending after this long belongs to a request that died (crash, kill -9): a repeat may take it over. */
const ABANDONED_MS = 5 * 60 * 1000;
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;
/** Response headers replayed with the stored body. */
const REPLAYED = ["content-type", "content-disposition", "location", "x-document-number", "x-attachment-id", "etag"];

declare module "fastify" {
  interface FastifyContextConfig {
    /** false: this POST creates nothing, so the Idempotency-Key header is ignored (login, previews, read receipts). */
    idempotency?: false;
  }
  interface FastifyRequest {
    idempotencyClaim: { userId: string; key: string } | null;
  }
}

/** Does this route take part (a POST under /api without `idempotency: false`)? */
export function idempotentRoute(method: string, url: string, config: { idempotency?: false } | undefined): boolean {
  return method === "POST" && url.startsWith("/api/") && config?.idempotency !== false;
}

/** Key-order-independent JSON (the hash of a body must not depend on how the client ordered its keys). */
function stable(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
    .join(",")}}`;
}

function bodyHash(body: unknown): string {
  const h = createHash("sha256");
  if (Buffer.isBuffer(body)) h.update("bytes:").update(body);
  else h.update("json:").update(stable(body));
  return h.digest("hex");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const idempotencyPlugin = globalPlugin<{ db: AppDb; now?: () => Date; bus?: ClusterBus | null }>(
  "btnn-idempotency",
  async (app: FastifyInstance, opts) => {
    const { db } = opts;
    const now = opts.now ?? (() => new Date());
    let sweptAt = 0;
    app.decorateRequest("idempotencyClaim", null);

    const bus = opts.bus ?? null;
    async function claim(userId: string, key: string, route: string, hash: string, requestId: string) {
      const rows = await db
        .insert(idempotencyKeys)
        .values({
          userId,
          key,
          route,
          bodyHash: hash,
          createdAt: now(),
          ownerServer: bus?.serverId ?? null,
          ownerRequest: requestId,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      return rows.length === 1;
    }

    /** Did the request that claimed the key write anything (an audit entry with its request id)? */
    async function wrote(row: typeof idempotencyKeys.$inferSelect): Promise<boolean> {
      if (!row.ownerRequest) return false;
      const r = (await db.execute(
        sql`select 1 from audit_log where request_id = ${row.ownerRequest} limit 1`,
      )) as unknown as { rows: unknown[] };
      return r.rows.length > 0;
    }
    /** A pending claim whose server is gone (killed: its bus connection closed): "rerun" or "lost", else null. */
    async function deadOwner(row: typeof idempotencyKeys.$inferSelect): Promise<"rerun" | "lost" | null> {
      if (!bus || !row.ownerServer || row.ownerServer === bus.serverId) return null;
      if (await bus.alive(row.ownerServer)) return null;
      return (await wrote(row)) ? "lost" : "rerun";
    }
    const lost = () =>
      new HttpError(
        409,
        "idempotency_outcome_lost",
        "Yêu cầu này đã được ghi nhận nhưng máy chủ xử lý đã dừng trước khi trả lời; đừng gửi lại — hãy tải lại danh sách để xem kết quả",
      );

    // After authentication (onRequest) and validation: the hash is of the validated, normalised body.
    app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
      if (!idempotentRoute(request.method, request.routeOptions.url ?? "", request.routeOptions.config)) return;
      const header = request.headers[IDEMPOTENCY_HEADER];
      const auth = request.auth;
      if (header === undefined || !auth) return;
      if (typeof header !== "string" || !KEY_PATTERN.test(header))
        throw new HttpError(
          400,
          "bad_idempotency_key",
          "Tiêu đề Idempotency-Key không hợp lệ: 8–200 ký tự chữ, số hoặc . _ : -",
          [{ path: "/Idempotency-Key", message: "8–200 ký tự chữ, số hoặc . _ : -" }],
        );
      const t = now();
      if (t.getTime() - sweptAt > 60 * 60 * 1000) {
        sweptAt = t.getTime();
        await db
          .delete(idempotencyKeys)
          .where(lt(idempotencyKeys.createdAt, new Date(t.getTime() - IDEMPOTENCY_TTL_MS)));
      }
      const route = `POST ${request.url}`;
      const hash = bodyHash(request.body);
      const mine = and(eq(idempotencyKeys.userId, auth.userId), eq(idempotencyKeys.key, header));
      const deadline = Date.now() + WAIT_MS;
      for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
        if (await claim(auth.userId, header, route, hash, request.id)) {
          request.idempotencyClaim = { userId: auth.userId, key: header };
          return;
        }
        const [row] = await db.select().from(idempotencyKeys).where(mine).limit(1);
        if (!row) continue; // released by a request that failed: claim again
        const age = now().getTime() - row.createdAt.getTime();
        const dead = row.status === null && row.route === route ? await deadOwner(row) : null;
        if (dead === "lost") throw lost();
        if (dead === "rerun") {
          await db.delete(idempotencyKeys).where(and(mine, eq(idempotencyKeys.ownerRequest, String(row.ownerRequest))));
          continue;
        }
        if (row.status === null && age > ABANDONED_MS && age <= IDEMPOTENCY_TTL_MS && (await wrote(row))) throw lost();
        if (age > IDEMPOTENCY_TTL_MS || (row.status === null && age > ABANDONED_MS)) {
          await db.delete(idempotencyKeys).where(and(mine, eq(idempotencyKeys.createdAt, row.createdAt)));
          continue;
        }
        if (row.route !== route || row.bodyHash !== hash)
          throw new HttpError(
            422,
            "idempotency_key_reused",
            "Mã Idempotency-Key này đã dùng cho một yêu cầu khác; mỗi lần gửi biểu mẫu cần một mã mới",
            [{ path: "/Idempotency-Key", message: "Đã dùng cho yêu cầu khác" }],
          );
        if (row.status !== null) {
          reply.code(row.status);
          for (const [name, value] of Object.entries(row.headers ?? {})) reply.header(name, value);
          reply.header("idempotent-replayed", "true");
          return reply.send(row.body ? Buffer.from(row.body) : null);
        }
        if (Date.now() > deadline)
          throw new HttpError(
            409,
            "idempotency_in_progress",
            "Yêu cầu giống hệt (cùng Idempotency-Key) vẫn đang được xử lý; hãy thử lại sau ít giây",
          );
        await sleep(pause);
      }
    });

    // The owner stores its response (2xx) or releases the claim (anything else, so a corrected resend can proceed).
    app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const c = request.idempotencyClaim;
      if (!c) return payload;
      request.idempotencyClaim = null;
      const mine = and(eq(idempotencyKeys.userId, c.userId), eq(idempotencyKeys.key, c.key));
      const ok = reply.statusCode >= 200 && reply.statusCode < 300;
      const bytes =
        payload === null || payload === undefined
          ? null
          : typeof payload === "string"
            ? Buffer.from(payload)
            : Buffer.isBuffer(payload)
              ? payload
              : undefined;
      if (!ok || bytes === undefined) {
        await db.delete(idempotencyKeys).where(mine);
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of REPLAYED) {
        const v = reply.getHeader(name);
        if (v !== undefined) headers[name] = String(v);
      }
      await db.update(idempotencyKeys).set({ status: reply.statusCode, headers, body: bytes }).where(mine);
      return payload;
    });
  },
);
