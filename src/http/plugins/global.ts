// Marks a plugin as non-encapsulated (what fastify-plugin does), so its hooks and decorators apply to the
// whole application — used for the cross-cutting plugins (errors, auth, scope, audit).
import type { FastifyPluginAsync } from "fastify";

export function globalPlugin<T extends Record<string, unknown> = Record<never, never>>(
  name: string,
  fn: FastifyPluginAsync<T>,
): FastifyPluginAsync<T> {
  const f = fn as FastifyPluginAsync<T> & Record<symbol, unknown>;
  f[Symbol.for("skip-override")] = true;
  f[Symbol.for("fastify.display-name")] = name;
  return f;
}
