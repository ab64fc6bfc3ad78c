// Identity: session cookie → request.auth; CSRF double-submit for cookie-authenticated writes; the per-route
// access rule (`config.access`) checked once, before the body is even validated:
//   public → anyone; authenticated → any signed-in user; { permission } → the role table of src/domain/access.
// Agency scope (which rows) is computed afterwards by plugins/scope.ts.
import { timingSafeEqual } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDb } from "../../db/types.ts";
import {
  findSessionByHash,
  SESSION_RENEW_AFTER_MS,
  SESSION_TTL_MS,
  type SessionRow,
  sha256,
  touchSession,
} from "../auth-store.ts";
import { forbidden, HttpError, unauthorized } from "../http-error.ts";
import { sessionCacheFor } from "../session-cache.ts";
import type { Access } from "../types.ts";
import { globalPlugin } from "./global.ts";

export const SESSION_COOKIE = "btnn_session";
export const CSRF_COOKIE = "btnn_csrf";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type AuthInfo = {
  userId: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  /** The agency this session acts for (one of the user's memberships). */
  agencyId: string | null;
  tokenHash: string;
  csrfToken: string | null;
  /** Every membership of the user (agency, role), read with the session in one query. */
  memberships: Array<{ agency_id: string; role: string }>;
};

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthInfo | null;
  }
}

export type AuthPluginOptions = {
  db: AppDb;
  cookieSecure: boolean;
  now?: () => Date;
  /** Cache session lookups in process (src/http/session-cache.ts); default on. */
  sessionCache?: boolean;
};

export function sessionCookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure };
}
export function csrfCookieOptions(secure: boolean) {
  return { path: "/", httpOnly: false, sameSite: "lax" as const, secure };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The access rule of the matched route. API routes must declare one (checked at registration); the API
 * documentation (/api/docs, registered by swagger-ui) and the web UI outside /api are public. */
export function routeAccess(request: FastifyRequest): Access {
  const declared = request.routeOptions.config?.access;
  if (declared) return declared;
  const url = request.routeOptions.url ?? "";
  return url.startsWith("/api/") && !url.startsWith("/api/docs") ? "authenticated" : "public";
}

export const authPlugin = globalPlugin<AuthPluginOptions>("btnn-auth", async (app: FastifyInstance, opts) => {
  const now = opts.now ?? (() => new Date());
  const cache = opts.sessionCache === false ? null : sessionCacheFor(opts.db);
  await app.register(fastifyCookie, { parseOptions: {} });
  app.decorateRequest("auth", null);

  // Every /api route states who may call it; a route without a rule is a programming error caught at start.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    if (!route.config?.access)
      throw new Error(
        `Route ${route.method} ${route.url} thiếu config.access (quy tắc truy cập) — thêm vào khi đăng ký`,
      );
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    let session: SessionRow | null = null;
    if (token && token.length <= 200) {
      const t = now();
      const tokenHash = sha256(token);
      session = cache?.get(tokenHash) ?? null;
      // A cached row still carries its own expiry: past it, ask the database (which may have renewed it elsewhere).
      if (session && session.expiresAt.getTime() <= t.getTime()) session = null;
      if (!session) {
        const epoch = cache?.begin() ?? 0;
        session = await findSessionByHash(opts.db, tokenHash, t);
        if (session && cache) cache.set(session, epoch);
      }
      if (session) {
        // Sliding expiry, written at most every SESSION_RENEW_AFTER_MS (not on every request).
        if (t.getTime() - session.lastSeenAt.getTime() > SESSION_RENEW_AFTER_MS) {
          await touchSession(opts.db, session.tokenHash, t);
          cache?.renewed(session.tokenHash, t, new Date(t.getTime() + SESSION_TTL_MS));
        }
        request.auth = {
          userId: session.userId,
          username: session.username,
          fullName: session.fullName,
          mustChangePassword: session.mustChangePassword,
          agencyId: session.agencyId,
          tokenHash: session.tokenHash,
          csrfToken: session.csrfToken,
          memberships: session.memberships,
        };
      } else {
        // A stale or forged cookie: clear it so the browser stops sending it.
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
      }
    }

    const access = routeAccess(request);
    if (access === "public" || request.is404) return;
    if (!request.auth) throw unauthorized();

    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const cookie = request.cookies[CSRF_COOKIE];
      const expected = request.auth.csrfToken;
      const ok =
        typeof header === "string" &&
        typeof cookie === "string" &&
        expected !== null &&
        sameToken(header, cookie) &&
        sameToken(header, expected);
      if (!ok)
        throw new HttpError(
          403,
          "csrf",
          `Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF): gửi tiêu đề ${CSRF_HEADER} bằng giá trị cookie ${CSRF_COOKIE}`,
        );
    }

    // After an admin reset, the account is usable for nothing but choosing its own password (and logging out).
    if (request.auth.mustChangePassword && !request.routeOptions.config?.beforePasswordChange)
      throw new HttpError(
        403,
        "must_change_password",
        "Bạn cần đổi mật khẩu trước khi tiếp tục làm việc (mật khẩu vừa được quản trị viên đặt lại)",
      );
  });
});

/** Throws 401 unless signed in; for handlers whose access is "authenticated" or a permission. */
export function requireAuth(request: FastifyRequest): AuthInfo {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

export { forbidden };
