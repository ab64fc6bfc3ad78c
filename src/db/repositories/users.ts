import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { isRoleCode } from "../../domain/access/permissions.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { memberships, sessions, users } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import { likePattern } from "../search.ts";
import type { AppDb } from "../types.ts";
import { normalizePage, notFound, type Page, type PageResult } from "./common.ts";

export type MembershipDto = { agency_id: string; role: string };
export type UserDto = {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  active: boolean;
  must_change_password: boolean;
  created_at: Date;
  memberships: MembershipDto[];
};

export const MIN_PASSWORD_LENGTH = 8;

/** argon2id with the library defaults (m=19456 KiB, t=2, p=1 — the OWASP minimum). */
export function hashPassword(password: string): Promise<string> {
  return argonHash(password);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch {
    return false;
  }
}

function checkPassword(password: string): void {
  if (typeof password !== "string" || [...password].length < MIN_PASSWORD_LENGTH)
    throw new DomainError("weak_password", "password", `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
}

async function membershipsOf(db: AppDb, userIds: string[]): Promise<Map<string, MembershipDto[]>> {
  const map = new Map<string, MembershipDto[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select({ userId: memberships.userId, agency_id: memberships.agencyId, role: memberships.role })
    .from(memberships)
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(memberships.agencyId), asc(memberships.role));
  for (const r of rows) {
    const list = map.get(r.userId);
    const m = { agency_id: r.agency_id, role: r.role };
    if (list) list.push(m);
    else map.set(r.userId, [m]);
  }
  return map;
}

function dto(r: typeof users.$inferSelect, ms: MembershipDto[]): UserDto {
  return {
    id: r.id,
    username: r.username,
    full_name: r.fullName,
    email: r.email,
    active: r.active,
    must_change_password: r.mustChangePassword,
    created_at: r.createdAt,
    memberships: ms,
  };
}

/** Users are visible when one of their memberships is at a visible agency (and always to themselves). */
function userScope(scope: Scope): SQL | undefined {
  const inScope = scopeCondition(scope, memberships.agencyId);
  if (!inScope) return undefined;
  const visible = sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${inScope})`;
  return scope.userId ? or(visible, eq(users.id, scope.userId)) : visible;
}

/**
 * The account an admin may act on (reset its password, lock it, change its memberships): visible (else 404) AND every
 * membership inside the admin's scope, no system-admin role unless the admin is one — otherwise a province admin
 * could take over an account that also acts nationally.
 */
async function manageableUser(db: AppDb, scope: Scope, userId: string): Promise<UserDto> {
  requirePermission(scope, "users.manage");
  const user = await getUser(db, scope, userId);
  if (scope.visibleAgencyIds === "all") return user;
  const visible = scope.visibleAgencyIds;
  const outside = user.memberships.find((m) => !visible.includes(m.agency_id) || m.role === "system_admin");
  if (outside)
    throw new DomainError(
      "forbidden",
      "id",
      `Tài khoản này còn có vai trò "${outside.role}" tại cơ quan ngoài phạm vi quản lý của bạn (${outside.agency_id}); chỉ người quản trị có phạm vi bao trùm mọi cơ quan của tài khoản mới được thao tác.`,
    );
  return user;
}

export type CreateUserInput = {
  username: string;
  full_name: string;
  email?: string | null;
  password: string;
  must_change_password?: boolean;
  memberships: MembershipDto[];
  /** Pre-computed argon2id hash (seed: hash once, reuse). */
  password_hash?: string;
};

export async function createUser(db: AppDb, scope: Scope, input: CreateUserInput): Promise<UserDto> {
  requirePermission(scope, "users.manage");
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username))
    throw new DomainError(
      "invalid_username",
      "username",
      "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (3–64 ký tự).",
    );
  for (const [i, m] of input.memberships.entries()) {
    if (!isRoleCode(m.role))
      throw new DomainError("invalid_role", `memberships[${i}].role`, `Vai trò không tồn tại "${m.role}".`);
    if (m.role === "system_admin" && !scope.roles.includes("system_admin"))
      throw new DomainError(
        "forbidden",
        `memberships[${i}].role`,
        "Chỉ quản trị hệ thống mới cấp được vai trò quản trị hệ thống.",
      );
    requireWritableAgencies(scope, [[`memberships[${i}].agency_id`, m.agency_id]]);
  }
  if (!input.password_hash) checkPassword(input.password);
  const passwordHash = input.password_hash ?? (await hashPassword(input.password));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) throw new DomainError("duplicate", "username", `Tên đăng nhập "${username}" đã tồn tại.`);
    const [row] = await tx
      .insert(users)
      .values({
        username,
        fullName: input.full_name,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: input.must_change_password ?? false,
      })
      .returning();
    if (input.memberships.length)
      await tx
        .insert(memberships)
        .values(input.memberships.map((m) => ({ userId: row.id, agencyId: m.agency_id, role: m.role })));
    const out = dto(row, input.memberships);
    const { created_at: _c, ...after } = out;
    await appendAudit(tx, { ...auditActor(scope), action: "user.create", entity: "user", entity_id: row.id, after });
    return out;
  });
}

export async function getUser(db: AppDb, scope: Scope, id: string): Promise<UserDto> {
  const sc = userScope(scope);
  const [row] = await db
    .select()
    .from(users)
    .where(sc ? and(eq(users.id, id), sc) : eq(users.id, id));
  if (!row) throw notFound("người dùng");
  const ms = await membershipsOf(db, [id]);
  return dto(row, ms.get(id) ?? []);
}

export async function listUsers(
  db: AppDb,
  scope: Scope,
  filter: { q?: string; agency_id?: string; active?: boolean } = {},
  page: Page = {},
): Promise<PageResult<UserDto>> {
  const { limit, offset } = normalizePage(page);
  const conds: SQL[] = [];
  const sc = userScope(scope);
  if (sc) conds.push(sc);
  if (filter.q)
    conds.push(
      or(
        ilike(users.username, likePattern(filter.q)),
        ilike(sql`lower(${users.fullName})`, `%${filter.q.toLowerCase()}%`),
      )!,
    );
  if (filter.active !== undefined) conds.push(eq(users.active, filter.active));
  if (filter.agency_id)
    conds.push(
      sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${memberships.agencyId} = ${filter.agency_id})`,
    );
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.username)).limit(limit).offset(offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const ms = await membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => dto(r, ms.get(r.id) ?? [])), total: Number(n), limit, offset };
}

/** For login only: the user row with its hash (no scope; never return it to a client). */
export async function findUserForLogin(
  db: AppDb,
  username: string,
): Promise<(UserDto & { password_hash: string }) | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  if (!row) return null;
  const ms = await membershipsOf(db, [row.id]);
  return { ...dto(row, ms.get(row.id) ?? []), password_hash: row.passwordHash };
}

/** Changes a password. A user changing their own must give the current one; users.manage may reset others'. */
export async function changePassword(
  db: AppDb,
  scope: Scope,
  userId: string,
  input: { current_password?: string; new_password: string },
): Promise<void> {
  checkPassword(input.new_password);
  const self = scope.userId === userId;
  if (!self) await manageableUser(db, scope, userId);
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw notFound("người dùng");
  if (self && !(await verifyPassword(row.passwordHash, input.current_password ?? "")))
    throw new DomainError("wrong_password", "current_password", "Mật khẩu hiện tại không đúng.");
  const newHash = await hashPassword(input.new_password);
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(users)
      .set({ passwordHash: newHash, passwordChangedAt: now, mustChangePassword: !self, updatedAt: now })
      .where(eq(users.id, userId));
    // Every other session of that user ends.
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await appendAudit(tx, {
      ...auditActor(scope),
      action: self ? "user.password.change" : "user.password.reset",
      entity: "user",
      entity_id: userId,
      after: { password_changed: true },
    });
  });
}

export async function setUserActive(db: AppDb, scope: Scope, userId: string, active: boolean): Promise<UserDto> {
  const before = await manageableUser(db, scope, userId);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, userId));
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await appendAudit(tx, {
      ...auditActor(scope),
      action: active ? "user.activate" : "user.deactivate",
      entity: "user",
      entity_id: userId,
      before: { active: before.active },
      after: { active },
    });
    return { ...before, active };
  });
}

export async function addMembership(db: AppDb, scope: Scope, userId: string, m: MembershipDto): Promise<UserDto> {
  await manageableUser(db, scope, userId); // first: a user outside the scope is 404, whatever the agency
  if (!isRoleCode(m.role)) throw new DomainError("invalid_role", "role", `Vai trò không tồn tại "${m.role}".`);
  if (m.role === "system_admin" && !scope.roles.includes("system_admin"))
    throw new DomainError("forbidden", "role", "Chỉ quản trị hệ thống mới cấp được vai trò quản trị hệ thống.");
  requireWritableAgencies(scope, [["agency_id", m.agency_id]]);
  await db.transaction(async (tx) => {
    await tx.insert(memberships).values({ userId, agencyId: m.agency_id, role: m.role }).onConflictDoNothing();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "membership.add",
      entity: "user",
      entity_id: userId,
      after: m,
    });
  });
  const ms = await membershipsOf(db, [userId]);
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return dto(row, ms.get(userId) ?? []);
}

export async function removeMembership(db: AppDb, scope: Scope, userId: string, m: MembershipDto): Promise<void> {
  await manageableUser(db, scope, userId);
  requireWritableAgencies(scope, [["agency_id", m.agency_id]]);
  await db.transaction(async (tx) => {
    const del = await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.agencyId, m.agency_id), eq(memberships.role, m.role)))
      .returning({ id: memberships.id });
    if (del.length === 0) throw notFound("quyền thành viên", "role");
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.agencyId, m.agency_id)));
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "membership.remove",
      entity: "user",
      entity_id: userId,
      before: m,
    });
  });
}

// Sessions and login throttling live in src/http/auth-store.ts (one place, with an injectable clock).
