// buildApp: the Fastify application used by `btnn serve`, the tests (app.inject) and the benchmarks.
// One plugin per concern (plugins/), one file per resource (routes/); every route is under /api and declares
// its access rule in `config.access` (auth.ts refuses to register a route without one).
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { errorsPlugin } from "./plugins/errors.ts";
import { openapiPlugin } from "./plugins/openapi.ts";
import { webPlugin } from "./plugins/web.ts";
import { healthRoutes } from "./routes/health.ts";
import "./types.ts";
import { validatorCompiler } from "./validation.ts";

/** JSON bodies are capped at 1 MiB; uploads get their own limit when they arrive. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export type BuildAppOptions = {
  // biome-ignore lint/suspicious/noExplicitAny: filled in when the database layer lands
  database?: any;
  // biome-ignore lint/suspicious/noExplicitAny: filled in when the database layer lands
  config?: any;
  logger?: FastifyServerOptions["logger"];
  /** Serve the web UI: `web/dist` when built, else a Vietnamese placeholder page at `/`. Off in tests. */
  web?: { dist: string } | false;
};

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    requestIdHeader: "x-request-id",
    requestIdLogLabel: "request_id",
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: no text/plain bodies (a cross-site HTML form cannot send application/json without a CORS preflight).
  app.removeContentTypeParser(["text/plain"]);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    reply.header("x-content-type-options", "nosniff");
  });

  await app.register(errorsPlugin);
  await app.register(openapiPlugin);
  await app.register(healthRoutes, { database: opts.database });
  if (opts.web) await app.register(webPlugin, { dist: opts.web.dist });
  return app;
}
