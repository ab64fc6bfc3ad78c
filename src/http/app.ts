// buildApp: the Fastify application used by `btnn serve`, the tests (app.inject) and the benchmarks.
// One plugin per concern (plugins/), one file per resource (routes/); every route is under /api and declares
// its access rule in `config.access` (auth.ts refuses to register a route without one).
import { createRequire } from "node:module";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { type Config, type TrustProxy, uploadsDir } from "../config.ts";
import { DEFAULT_PUBLIC_LIMITS, type PublicLimits } from "../db/repositories/public-attempts.ts";
import type { Database } from "../db/types.ts";
import { uploadsFor } from "../db/uploads.ts";
import { startClusterBus } from "./cluster-bus.ts";
import { bumpDataGeneration } from "./data-generation.ts";
import { installRequestLog } from "./logging.ts";
import { authPlugin } from "./plugins/auth.ts";
import { errorsPlugin } from "./plugins/errors.ts";
import { idempotencyPlugin } from "./plugins/idempotency.ts";
import { openapiPlugin } from "./plugins/openapi.ts";
import { type ResponseCacheSettings, responseCachePlugin } from "./plugins/response-cache.ts";
import { scopePlugin } from "./plugins/scope.ts";
import { webPlugin } from "./plugins/web.ts";
import { installPublicFloodGuard } from "./public-flood.ts";
import { adminBackupRoutes } from "./routes/admin-backup.ts";
import { agencyRoutes } from "./routes/agencies.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { bulkRoutes } from "./routes/bulk.ts";
import { calendarRoutes } from "./routes/calendar.ts";
import { caseListRoutes } from "./routes/case-lists.ts";
import { claimBackfillRoutes } from "./routes/claim-backfill.ts";
import { claimCorrectionRoutes } from "./routes/claim-corrections.ts";
import { claimDocumentRoutes } from "./routes/claim-documents.ts";
import { claimFormRoutes } from "./routes/claim-forms.ts";
import { claimImportRoutes } from "./routes/claim-import.ts";
import { claimRoutes } from "./routes/claims.ts";
import { coordinationRoutes } from "./routes/coordination.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { evaluationRoutes } from "./routes/evaluation.ts";
import { exportRoutes } from "./routes/exports.ts";
import { healthRoutes } from "./routes/health.ts";
import { impactRoutes } from "./routes/impact.ts";
import { inboxRoutes } from "./routes/inbox.ts";
import { incomingRoutes } from "./routes/incoming.ts";
import { inspectionRoutes } from "./routes/inspections.ts";
import { meetingRoutes } from "./routes/meetings.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { outgoingRoutes } from "./routes/outgoing.ts";
import { passwordResetRoutes } from "./routes/password-reset.ts";
import { planImportRoutes } from "./routes/plan-import.ts";
import { planRoutes } from "./routes/plans.ts";
import { publicClaimFormRoutes } from "./routes/public-claim-form.ts";
import { publicContentRoutes } from "./routes/public-content.ts";
import { publicDataRequestOfficerRoutes, publicDataRightsRoutes } from "./routes/public-data-rights.ts";
import { publicPortalRoutes } from "./routes/public-portal.ts";
import { publicSubmissionHandlingRoutes } from "./routes/public-submission-handling.ts";
import { publicSubmissionRoutes } from "./routes/public-submissions.ts";
import { rankingRoutes } from "./routes/rankings.ts";
import { reportRoutes } from "./routes/reports.ts";
import { requestRoutes } from "./routes/requests.ts";
import { routingRoutes } from "./routes/routing.ts";
import { savedFilterRoutes } from "./routes/saved-filters.ts";
import { statisticsRoutes } from "./routes/statistics.ts";
import { taskContributionRoutes } from "./routes/task-contributions.ts";
import { trainingRoutes } from "./routes/trainings.ts";
import { userRoutes } from "./routes/users.ts";
import { securityHeaders } from "./security-headers.ts";
import { forgetAllSessions } from "./session-cache.ts";
import type { Access } from "./types.ts";
import { validatorCompiler } from "./validation.ts";

/** JSON bodies are capped at 1 MiB; uploads get their own limit when they arrive. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** What the HTTP layer reads from the configuration (src/config.ts `Config` fits; `cookieSecure` is HTTP-only). */
export type HttpConfig = Partial<Config> & {
  /** Mark cookies Secure (set when the app is served over HTTPS, e.g. behind a TLS proxy). */
  cookieSecure?: boolean;
};

export type BuildAppOptions = {
  database: Database;
  config: HttpConfig;
  logger?: FastifyServerOptions["logger"];
  /** Called for every route as it is registered (the authorization-matrix and permission guard tests collect them). */
  onRoute?: (route: { method: string | string[]; url: string; access?: Access }) => void;
  /** Clock for sessions and throttling (tests). */
  now?: () => Date;
  /** Serve the web UI: `web/dist` when built, else a Vietnamese placeholder page at `/`. Off in tests. */
  web?: { dist: string } | false;
  /** Cache of serialized read responses (plugins/response-cache.ts); default on. false: every read hits the database. */
  responseCache?: boolean | ResponseCacheSettings;
  /** In-process session lookup cache (src/http/session-cache.ts); default on. */
  sessionCache?: boolean;
  /** PostgreSQL: announce writes and identity changes to the other app servers on the same database
   * (src/http/cluster-bus.ts). `btnn serve` turns it on; off by default (tests open many apps). */
  cluster?: boolean;
  /** Shared with `btnn serve`: set `draining` on SIGTERM and /api/health answers 503 "draining". */
  lifecycle?: { draining: boolean };
  /** Rate limits of the public portal (tests lower or raise them); default DEFAULT_PUBLIC_LIMITS. */
  publicLimits?: Partial<PublicLimits>;
  /** Token of DATA_DIR/btnn-control.json (set by `btnn serve`): enables POST /api/admin/backup. */
  controlToken?: string;
};

/** A hop count becomes proxy-addr's (address, hop) function: trust the `n` proxies nearest to this server. */
function fastifyTrustProxy(t: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof t === "number" ? (_address, hop) => hop < t : t;
}

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions["schemaController"]>["compilersFactory"]>;
type ValidatorFactory = NonNullable<CompilersFactory["buildValidator"]>;
type SerializerFactory = NonNullable<CompilersFactory["buildSerializer"]>;

/** Fastify's default JSON-schema compilers (ajv, fast-json-stringify: ~150 modules, ~0.1 s of CPU to load), loaded
 * only if a route ever needs them: requests are validated and responses serialised by zod (compilers set below). */
const lazyCompilers = (() => {
  // Resolved from Fastify's own folder: they are its dependencies, not ours.
  const require = createRequire(createRequire(import.meta.url).resolve("fastify"));
  let validator: ValidatorFactory | undefined;
  let serializer: SerializerFactory | undefined;
  return {
    buildValidator: ((externalSchemas, ajvOptions) => {
      validator ??= (require("@fastify/ajv-compiler") as () => ValidatorFactory)();
      return validator(externalSchemas, ajvOptions);
    }) as ValidatorFactory,
    buildSerializer: ((externalSchemas, serializerOptions) => {
      serializer ??= (require("@fastify/fast-json-stringify-compiler") as () => SerializerFactory)();
      return serializer(externalSchemas, serializerOptions);
    }) as SerializerFactory,
  } satisfies CompilersFactory;
})();

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Structured logs: src/http/logging.ts (loggerOptions for the pino options, one line per request below).
    logger: opts.logger ?? false,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "request_id" }),
    bodyLimit: JSON_BODY_LIMIT,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // Request ids are generated here, never taken from the client (they end up in the audit trail).
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    // No implicit HEAD twins: every route is declared (and listed in the authorization matrix) explicitly.
    exposeHeadRoutes: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Behind a reverse proxy (TRUST_PROXY): request.ip is the client from X-Forwarded-For, else the socket's peer.
    trustProxy: fastifyTrustProxy(opts.config.trustProxy ?? false),
    schemaController: { compilersFactory: lazyCompilers },
  }).withTypeProvider<ZodTypeProvider>();
  if (opts.logger) installRequestLog(app);
  if (opts.onRoute) {
    const collect = opts.onRoute;
    app.addHook("onRoute", (route) => collect({ method: route.method, url: route.url, access: route.config?.access }));
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: no text/plain bodies (a cross-site HTML form cannot send application/json without a CORS preflight).
  app.removeContentTypeParser(["text/plain"]);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
  });

  const db = opts.database.db;
  const cookieSecure = opts.config.cookieSecure ?? false;
  await app.register(errorsPlugin);
  await app.register(openapiPlugin);
  // Before auth: on PostgreSQL it notices writes by other processes before the (cached) session is read.
  const bus =
    opts.cluster && opts.database.kind === "postgres" && opts.database.url
      ? await startClusterBus(opts.database.url, {
          onData: bumpDataGeneration,
          onIdentities: () => forgetAllSessions(db),
          log: (m) => app.log.warn({ event: "cluster_bus" }, m),
        })
      : null;
  if (bus) app.addHook("onClose", async () => bus.close());
  await app.register(responseCachePlugin, {
    bus,
    database: opts.database,
    now: opts.now,
    responseCache: opts.responseCache,
    sessionCache: opts.sessionCache,
  });
  // After the response cache's onSend hook: a cached body is stored without `cache-control: no-store` (which would
  // keep it out of the cache) and gets it again on every send, hit or miss.
  app.addHook("onSend", securityHeaders);
  await app.register(authPlugin, { db, cookieSecure, now: opts.now, sessionCache: opts.sessionCache });
  await app.register(scopePlugin, { db });
  // Idempotency-Key on every creating POST (after auth: keys belong to a user).
  await app.register(idempotencyPlugin, { db, now: opts.now, bus });

  await app.register(healthRoutes, { database: opts.database, lifecycle: opts.lifecycle, clustered: bus !== null });
  await app.register(authRoutes, { db, cookieSecure, now: opts.now });
  await app.register(passwordResetRoutes, {
    db,
    smtpUrl: opts.config.smtpUrl,
    mailFrom: opts.config.mailFrom,
    publicUrl: opts.config.publicUrl,
    now: opts.now,
  });
  await app.register(agencyRoutes, { db });
  await app.register(userRoutes, { db });
  await app.register(claimRoutes, { db, now: opts.now });
  await app.register(claimBackfillRoutes, { db });
  await app.register(claimFormRoutes, { db });
  // Uploaded files: DATA_DIR/uploads on PGlite, the upload_blobs table on PostgreSQL (every app server sees them).
  const uploads = uploadsFor(
    opts.database,
    opts.config.dataDir ? uploadsDir({ dataDir: opts.config.dataDir }) : undefined,
  );
  await app.register(claimDocumentRoutes, { db, uploads });
  await app.register(claimCorrectionRoutes, { db, now: opts.now });
  await app.register(claimImportRoutes, { db });
  await app.register(planRoutes, { db });
  await app.register(taskContributionRoutes, { db });
  await app.register(planImportRoutes, { db });
  await app.register(dashboardRoutes, { db });
  await app.register(requestRoutes, { db });
  await app.register(inboxRoutes, { db });
  await app.register(bulkRoutes, { db });
  await app.register(savedFilterRoutes, { db });
  await app.register(notificationRoutes, { db, mailEnabled: !!opts.config.smtpUrl });
  // Task tracking, notifications, forwarded copies, letters, evidence files.
  await app.register(coordinationRoutes, { db, uploads, now: opts.now });
  // Online backup for `btnn backup` while this server holds the database (token from DATA_DIR/btnn-control.json).
  await app.register(adminBackupRoutes, {
    database: opts.database,
    uploadsDir: uploads.dir,
    controlToken: opts.controlToken,
  });
  await app.register(caseListRoutes, { db });
  await app.register(meetingRoutes, { db });
  await app.register(impactRoutes, { db });
  await app.register(outgoingRoutes, { db });
  await app.register(incomingRoutes, { db, uploads, now: opts.now });
  await app.register(auditRoutes, { db });
  // XLSX exports of every list (same filters and scope; audited as export.<list>).
  await app.register(exportRoutes, { db });
  await app.register(calendarRoutes);
  await app.register(routingRoutes);
  await app.register(statisticsRoutes, { db, now: opts.now });
  await app.register(reportRoutes, { db });
  await app.register(evaluationRoutes, { db });
  await app.register(inspectionRoutes, { db });
  await app.register(trainingRoutes, { db });
  await app.register(rankingRoutes, { db, now: opts.now });
  // Public portal for injured persons (cổng công dân): content and leaflet, no login.
  installPublicFloodGuard(app, opts.publicLimits?.requestsPerMinute ?? DEFAULT_PUBLIC_LIMITS.requestsPerMinute);
  await app.register(publicContentRoutes, { db, now: opts.now });
  // The guided check, claim form, submissions and status lookup (issue 15).
  await app.register(publicPortalRoutes, { now: opts.now });
  await app.register(publicClaimFormRoutes, { now: opts.now });
  await app.register(publicSubmissionRoutes, { db, now: opts.now, limits: opts.publicLimits });
  await app.register(publicDataRightsRoutes, { db, now: opts.now, limits: opts.publicLimits });
  await app.register(publicDataRequestOfficerRoutes, { db, now: opts.now });
  // The officers' side: the holder accepts, forwards, answers or returns a submission; the person is mailed.
  await app.register(publicSubmissionHandlingRoutes, {
    db,
    now: opts.now,
    smtpUrl: opts.config.smtpUrl,
    mailFrom: opts.config.mailFrom,
    publicUrl: opts.config.publicUrl,
  });
  if (opts.web) await app.register(webPlugin, { dist: opts.web.dist });
  return app;
}
