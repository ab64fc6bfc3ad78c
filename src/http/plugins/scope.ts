// Agency scope, computed ONCE per request from the session's acting agency and the user's memberships there,
// then the route's permission checked against the role table (src/domain/access/permissions.ts).
// Repositories filter every query by `request.scope`; out-of-scope rows are simply not found (404).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { loadAgencyNodes } from "../../db/scope.ts";
import type { AppDb } from "../../db/types.ts";
import { hasPermission, type Permission } from "../../domain/access/permissions.ts";
import { type AgencyNode, buildScope, type Scope } from "../../domain/access/scope.ts";
import { forbidden, unauthorized } from "../http-error.ts";
import { routeAccess } from "./auth.ts";
import { globalPlugin } from "./global.ts";

declare module "fastify" {
  interface FastifyRequest {
    scope: Scope | null;
  }
}

// Memoised scopes: per agency list (loadAgencyNodes returns a new array after an agency write, so a WeakMap on it
// drops every scope computed from the old hierarchy), keyed by user, acting agency and memberships. The cached
// scope is frozen and never handed out as is: each request gets a shallow copy carrying its own requestId.
const SCOPE_MEMO_MAX = 5_000;
const scopeMemo = new WeakMap<object, Map<string, Scope>>();

function memoisedScope(
  agencies: AgencyNode[],
  userId: string,
  agencyId: string,
  memberships: ReadonlyArray<{ agency_id: string; role: string }>,
): Scope {
  let byKey = scopeMemo.get(agencies);
  if (!byKey) {
    byKey = new Map();
    scopeMemo.set(agencies, byKey);
  }
  let key = `${userId}\u0000${agencyId}`;
  for (const m of memberships) key += `\u0000${m.agency_id}\u0001${m.role}`;
  let scope = byKey.get(key);
  if (!scope) {
    const built = buildScope({ userId, agencyId, memberships: [...memberships], agencies });
    scope = Object.freeze({
      ...built,
      roles: Object.freeze([...built.roles]),
      visibleAgencyIds: built.visibleAgencyIds === "all" ? "all" : Object.freeze([...built.visibleAgencyIds]),
    });
    if (byKey.size >= SCOPE_MEMO_MAX) byKey.clear();
    byKey.set(key, scope);
  }
  return scope;
}

export const scopePlugin = globalPlugin<{ db: AppDb }>("btnn-scope", async (app: FastifyInstance, opts) => {
  app.decorateRequest("scope", null);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const access = routeAccess(request);
    if (access === "public" || request.is404 || !request.auth) return;
    // The memberships came with the session row; the hierarchy is cached by the db layer; buildScope is the one rule.
    const { userId, agencyId, memberships } = request.auth;
    const scope: Scope = agencyId
      ? { ...memoisedScope(await loadAgencyNodes(opts.db), userId, agencyId, memberships), requestId: request.id }
      : { userId, agencyId: null, roles: [], visibleAgencyIds: [], requestId: request.id };
    request.scope = scope;
    if (typeof access === "object" && !hasPermission(scope.roles, access.permission as Permission)) throw forbidden();
  });
});

/** The request's scope; 401 when the route is reached without a session (should not happen past the hooks). */
export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw unauthorized();
  return request.scope;
}

/** True when the scope lets the caller act for this agency id. */
export function inScope(scope: Scope, agencyId: string | null | undefined): boolean {
  if (!agencyId) return false;
  return scope.visibleAgencyIds === "all" || scope.visibleAgencyIds.includes(agencyId);
}

export function can(request: FastifyRequest, permission: Permission): boolean {
  return !!request.scope && hasPermission(request.scope.roles, permission);
}
