// /api/auth: login (argon2id, throttled, new session token every time), logout, me, password change.
import { hash, verify } from "@node-rs/argon2";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appendAudit } from "../../db/audit.ts";
import { MIN_PASSWORD_LENGTH } from "../../db/repositories/users.ts";
import type { AppDb } from "../../db/types.ts";
import { hasPermission, PERMISSIONS } from "../../domain/access/permissions.ts";
import {
  type AttemptClaim,
  beginAttempt,
  createSession,
  deleteSessionByHash,
  deleteSessionByToken,
  deleteUserSessions,
  findUserForLogin,
  markAttemptSucceeded,
  passwordHashOf,
  setPassword,
  sha256,
  THROTTLE_MAX_FAILURES,
  THROTTLE_MAX_FAILURES_PER_ADDRESS,
  THROTTLE_WINDOW_MS,
  userMemberships,
} from "../auth-store.ts";
import { errorResponses } from "../contracts/common.ts";
import { HttpError } from "../http-error.ts";
import { audit } from "../plugins/audit.ts";
import { CSRF_COOKIE, csrfCookieOptions, requireAuth, SESSION_COOKIE, sessionCookieOptions } from "../plugins/auth.ts";
import { scopeOf } from "../plugins/scope.ts";
import { forgetSession, forgetUserSessions } from "../session-cache.ts";

const LoginBody = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(100),
    password: z.string().min(1).max(200),
    /** Which membership to act for, when the user belongs to several agencies. */
    agency_id: z.string().min(1).max(100).optional(),
  })
  .strict();

const Membership = z.object({ agency_id: z.string(), role: z.string() });
const Me = z.object({
  user: z.object({ id: z.string(), username: z.string(), full_name: z.string(), must_change_password: z.boolean() }),
  agency_id: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  scope: z.union([z.literal("all"), z.array(z.string())]),
  memberships: z.array(Membership),
  csrf_token: z.string().nullable(),
});

const PasswordBody = z
  .object({
    current_password: z.string().min(1).max(200),
    new_password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Mật khẩu mới cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
      .max(200, "Mật khẩu mới tối đa 200 ký tự"),
  })
  .strict();

let dummyHash: Promise<string> | null = null;
/** Verifying against a dummy hash when the user does not exist keeps the response time the same (no user enumeration). */
const dummy = () => {
  dummyHash ??= hash("btnn-khong-co-tai-khoan-nay");
  return dummyHash;
};

/** 429 with Retry-After for a throttled password attempt (login or password change). */
function throttledError(reply: FastifyReply, why: NonNullable<AttemptClaim["throttled"]>): HttpError {
  const minutes = THROTTLE_WINDOW_MS / 60000;
  reply.header("retry-after", String(Math.ceil(THROTTLE_WINDOW_MS / 1000)));
  return new HttpError(
    429,
    "too_many_attempts",
    why === "account"
      ? `Nhập sai mật khẩu quá ${THROTTLE_MAX_FAILURES} lần; tài khoản tạm khóa từ máy này, thử lại sau ${minutes} phút`
      : `Máy này đã nhập sai mật khẩu quá ${THROTTLE_MAX_FAILURES_PER_ADDRESS} lần (nhiều tài khoản); thử lại sau ${minutes} phút`,
  );
}

export type AuthRoutesOptions = { db: AppDb; cookieSecure: boolean; now?: () => Date };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, opts) => {
  const { db, cookieSecure } = opts;
  const now = opts.now ?? (() => new Date());

  const setCookies = (reply: FastifyReply, token: string, csrf: string) => {
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(cookieSecure));
    reply.setCookie(CSRF_COOKIE, csrf, csrfCookieOptions(cookieSecure));
  };

  async function meOf(request: FastifyRequest) {
    const auth = requireAuth(request);
    const scope = scopeOf(request);
    const ms = await userMemberships(db, auth.userId);
    return {
      user: {
        id: auth.userId,
        username: auth.username,
        full_name: auth.fullName,
        must_change_password: auth.mustChangePassword,
      },
      agency_id: auth.agencyId,
      roles: [...scope.roles],
      permissions: PERMISSIONS.filter((p) => hasPermission(scope.roles, p)),
      scope: scope.visibleAgencyIds === "all" ? ("all" as const) : [...scope.visibleAgencyIds],
      memberships: ms.map((m) => ({ agency_id: m.agencyId, role: m.role })),
      csrf_token: auth.csrfToken,
    };
  }

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["Xác thực"],
        summary: "Đăng nhập (tạo phiên mới, đặt cookie btnn_session và btnn_csrf)",
        body: LoginBody,
        response: {
          200: z.object({ ok: z.literal(true), csrf_token: z.string() }),
          429: errorResponses[400],
          ...errorResponses,
        },
        security: [],
      },
      config: { access: "public", idempotency: false },
    },
    async (request, reply) => {
      const { username, password, agency_id } = request.body;
      const ip = request.ip;
      const t = now();
      const attempt = await beginAttempt(db, username, ip, t);
      if (attempt.throttled) throw throttledError(reply, attempt.throttled);
      const user = await findUserForLogin(db, username);
      let ok = false;
      if (user) ok = await verify(user.passwordHash, password);
      else await verify(await dummy(), password);
      // The attempt stays recorded as a failure.
      if (!user || !ok || !user.active)
        throw new HttpError(401, "bad_credentials", "Tên đăng nhập hoặc mật khẩu không đúng");
      const ms = await userMemberships(db, user.id);
      let agencyId: string | null = ms[0]?.agencyId ?? null;
      if (agency_id) {
        if (!ms.some((m) => m.agencyId === agency_id))
          throw new HttpError(403, "not_a_member", "Tài khoản không thuộc cơ quan đã chọn", [
            { path: "/agency_id", message: "Không phải cơ quan của tài khoản này" },
          ]);
        agencyId = agency_id;
      }
      // Session fixation: whatever session cookie came in is discarded; a brand-new token is issued.
      const old = request.cookies[SESSION_COOKIE];
      const { token, csrfToken } = await db.transaction(async (tx) => {
        if (old) await deleteSessionByToken(tx, old);
        await markAttemptSucceeded(tx, attempt.id);
        const s = await createSession(tx, {
          userId: user.id,
          agencyId,
          ip,
          userAgent: request.headers["user-agent"],
          now: t,
        });
        await appendAudit(tx, {
          actor_user_id: user.id,
          actor_agency_id: agencyId,
          request_id: request.id,
          action: "auth.login",
          entity: "user",
          entity_id: user.id,
        });
        return s;
      });
      if (old) forgetSession(db, sha256(old));
      setCookies(reply, token, csrfToken);
      return { ok: true as const, csrf_token: csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      schema: { tags: ["Xác thực"], summary: "Đăng xuất (xóa phiên)", response: { 204: z.null(), ...errorResponses } },
      config: { access: "authenticated", beforePasswordChange: true, idempotency: false },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await db.transaction(async (tx) => {
        await deleteSessionByHash(tx, auth.tokenHash);
        await audit(tx, request, { action: "auth.logout", entity: "user", entity_id: auth.userId });
      });
      forgetSession(db, auth.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      schema: {
        tags: ["Xác thực"],
        summary: "Người dùng hiện tại, vai trò, quyền và phạm vi",
        response: { 200: Me, ...errorResponses },
      },
      config: { access: "authenticated", beforePasswordChange: true },
    },
    async (request) => meOf(request),
  );

  app.post(
    "/api/auth/password",
    {
      schema: {
        tags: ["Xác thực"],
        summary: "Đổi mật khẩu (cần mật khẩu hiện tại; mọi phiên khác bị đăng xuất)",
        body: PasswordBody,
        response: {
          200: z.object({ ok: z.literal(true), csrf_token: z.string() }),
          429: errorResponses[400],
          ...errorResponses,
        },
      },
      config: { access: "authenticated", beforePasswordChange: true, idempotency: false },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { current_password, new_password } = request.body;
      // A wrong current password is a password guess on this account: it counts with the login attempts.
      const attempt = await beginAttempt(db, auth.username, request.ip, now());
      if (attempt.throttled) throw throttledError(reply, attempt.throttled);
      const current = await passwordHashOf(db, auth.userId);
      if (!current || !(await verify(current, current_password)))
        throw new HttpError(422, "bad_current_password", "Mật khẩu hiện tại không đúng", [
          { path: "/current_password", message: "Mật khẩu hiện tại không đúng" },
        ]);
      await markAttemptSucceeded(db, attempt.id);
      if (current_password === new_password)
        throw new HttpError(422, "same_password", "Mật khẩu mới phải khác mật khẩu hiện tại", [
          { path: "/new_password", message: "Phải khác mật khẩu hiện tại" },
        ]);
      const newHash = await hash(new_password);
      const t = now();
      const { token, csrfToken } = await db.transaction(async (tx) => {
        await setPassword(tx, auth.userId, newHash, t);
        await deleteUserSessions(tx, auth.userId);
        const s = await createSession(tx, {
          userId: auth.userId,
          agencyId: auth.agencyId,
          ip: request.ip,
          userAgent: request.headers["user-agent"],
          now: t,
        });
        await audit(tx, request, { action: "auth.password_change", entity: "user", entity_id: auth.userId });
        return s;
      });
      forgetUserSessions(db, auth.userId);
      setCookies(reply, token, csrfToken);
      return { ok: true as const, csrf_token: csrfToken };
    },
  );
};
