// Fastify type augmentations shared by the plugins and routes.
import "fastify";

/** Who may call a route: anyone, any signed-in user, or holders of one permission (domain/access). `inside`: the
 * permissions the handler checks for part of its answer (e.g. ?reveal=personal needs claims.personal_data) — declared
 * so the permission guard test (tests/hostile/access-findings/permissions-audit.test.ts, finding 7) can see every permission in use. */
export type Access = "public" | "authenticated" | { permission: string; inside?: readonly string[] };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** Usable while the account must change its password (password change, logout, /api/auth/me); every other
     * route answers 403 must_change_password until then (plugins/auth.ts). */
    beforePasswordChange?: boolean;
    /** GET route whose 200 JSON responses may be served from the per-user response cache
     * (plugins/response-cache.ts). Only for reads that never unmask personal data, never audit, never set cookies. */
    cache?: boolean;
  }
}
