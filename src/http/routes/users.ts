// /api/users: accounts and memberships (users.manage, within the caller's agency scope; a user outside it is 404;
// acting on a user with any membership outside it is 403 — see manageableUser in the repository).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addMembership,
  changePassword,
  createUser,
  getUser,
  listUsers,
  MIN_PASSWORD_LENGTH,
  removeMembership,
  setUserActive,
} from "../../db/repositories/users.ts";
import type { AppDb } from "../../db/types.ts";
import { ROLE_CODES } from "../../domain/access/permissions.ts";
import { apiPage, BoolQuery, errorResponses, PageQuery, pageOf, repoPage, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { forgetUserSessions } from "../session-cache.ts";

const TAGS = ["Người dùng"];
const Membership = z.object({ agency_id: z.string().min(1).max(100), role: z.enum(ROLE_CODES) }).strict();
const User = z.object({
  id: z.string(),
  username: z.string(),
  full_name: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  must_change_password: z.boolean(),
  created_at: z.string(),
  memberships: z.array(z.object({ agency_id: z.string(), role: z.string() })),
});
const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
  .max(200, "Mật khẩu tối đa 200 ký tự");

const UserCreate = z
  .object({
    username: z.string().trim().min(3).max(64),
    full_name: z.string().trim().min(1).max(200),
    email: z.email().max(200).nullable().optional(),
    password: Password,
    must_change_password: z.boolean().optional(),
    memberships: z.array(Membership).min(1).max(20),
  })
  .strict();

const perm = { access: { permission: "users.manage" } } as const;

export const userRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/users",
    {
      schema: {
        tags: TAGS,
        summary: "Danh sách tài khoản trong phạm vi quản lý",
        querystring: PageQuery.extend({
          agency_id: z.string().max(100).optional(),
          active: BoolQuery.optional(),
        }).strict(),
        response: { 200: pageOf(User), ...errorResponses },
      },
      config: perm,
    },
    async (request) => {
      const { page, page_size, ...filter } = request.query;
      return apiPage(
        await listUsers(db, scopeOf(request), filter, repoPage({ page, page_size })),
        { page, page_size },
        jsonDates,
      );
    },
  );

  app.post(
    "/api/users",
    {
      schema: {
        tags: TAGS,
        summary: "Tạo tài khoản (mật khẩu băm argon2id)",
        body: UserCreate,
        response: { 201: User, ...errorResponses },
      },
      config: perm,
    },
    async (request, reply) => reply.code(201).send(jsonDates(await createUser(db, scopeOf(request), request.body))),
  );

  app.get(
    "/api/users/:id",
    {
      schema: { tags: TAGS, summary: "Một tài khoản", params: UuidParam, response: { 200: User, ...errorResponses } },
      config: perm,
    },
    async (request) => jsonDates(await getUser(db, scopeOf(request), request.params.id)),
  );

  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Khóa / mở khóa tài khoản (khóa thì mọi phiên bị đăng xuất)",
        params: UuidParam,
        body: z.object({ active: z.boolean() }).strict(),
        response: { 200: User, ...errorResponses },
      },
      config: perm,
    },
    async (request) => {
      const user = await setUserActive(db, scopeOf(request), request.params.id, request.body.active);
      forgetUserSessions(db, request.params.id);
      return jsonDates(user);
    },
  );

  app.post(
    "/api/users/:id/password",
    {
      schema: {
        tags: TAGS,
        summary: "Đặt lại mật khẩu cho tài khoản khác (người dùng phải đổi ở lần đăng nhập sau)",
        params: UuidParam,
        body: z.object({ new_password: Password }).strict(),
        response: { 204: z.null(), ...errorResponses },
      },
      config: { ...perm, idempotency: false },
    },
    async (request, reply) => {
      await changePassword(db, scopeOf(request), request.params.id, { new_password: request.body.new_password });
      forgetUserSessions(db, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/users/:id/memberships",
    {
      schema: {
        tags: TAGS,
        summary: "Thêm vai trò tại một cơ quan",
        params: UuidParam,
        body: Membership,
        response: { 200: User, ...errorResponses },
      },
      config: perm,
    },
    async (request) => {
      const user = await addMembership(db, scopeOf(request), request.params.id, request.body);
      forgetUserSessions(db, request.params.id);
      return jsonDates(user);
    },
  );

  app.delete(
    "/api/users/:id/memberships/:agency_id/:role",
    {
      schema: {
        tags: TAGS,
        summary: "Bỏ một vai trò tại một cơ quan",
        params: z.object({ id: z.uuid(), agency_id: z.string().min(1).max(100), role: z.enum(ROLE_CODES) }),
        response: { 204: z.null(), ...errorResponses },
      },
      config: perm,
    },
    async (request, reply) => {
      const { id, agency_id, role } = request.params;
      await removeMembership(db, scopeOf(request), id, { agency_id, role });
      forgetUserSessions(db, id);
      return reply.code(204).send(null);
    },
  );
};
