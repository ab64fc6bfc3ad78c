// Agency scope, computed ONCE per request from the session's acting agency and the user's memberships there,
// then the route's permission checked against the role table (src/domain/access/permissions.ts).
// Repositories filter every query by `request.scope`; out-of-scope rows are simply not found (404).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { loadAgencyNodes } from "../../db/scope.ts";
import type { AppDb } from "../../db/types.ts";
import { hasPermission, type Permission } from "../../domain/access/permissions.ts";
import { buildScope, type Scope } from "../../domain/access/scope.ts";
import { forbidden, unauthorized } from "../http-error.ts";
import { routeAccess } from "./auth.ts";
import { globalPlugin } from "./global.ts";

declare module "fastify" {
  interface FastifyRequest {
    scope: Scope | null;
  }
}

export const scopePlugin = globalPlugin<{ db: AppDb }>("btnn-scope", async (app: FastifyInstance, opts) => {
  app.decorateRequest("scope", null);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const access = routeAccess(request);
    if (access === "public" || request.is404 || !request.auth) return;
    // The memberships came with the session row; the hierarchy is cached by the db layer; buildScope is the one rule.
    const { userId, agencyId, memberships } = request.auth;
    const scope: Scope = agencyId
      ? buildScope({ userId, agencyId, memberships, agencies: await loadAgencyNodes(opts.db), requestId: request.id })
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
