// GET /api/health — liveness plus readiness, public and cheap: a one-row database round trip, and (until it has once
// succeeded) a check that every migration of this build is applied. 200 when both hold, 503 otherwise (a load
// balancer or `curl -f` takes the instance out), and 503 "draining" once `btnn serve` got SIGTERM and is finishing its
// work (SHUTDOWN_DRAIN). Also the build version and the process uptime.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { migrationJournal, migrationsUpToDate } from "../../db/migrate.ts";
import type { Database } from "../../db/types.ts";

const Health = z.object({
  status: z.enum(["ok", "degraded", "draining"]),
  database: z.object({ kind: z.string(), ok: z.boolean() }),
  checks: z.object({
    database: z.object({ ok: z.boolean(), ms: z.number() }),
    migrations: z.object({ ok: z.boolean(), expected: z.number().int(), latest: z.string() }),
  }),
  /** Several app servers on one PostgreSQL announce changes to each other (btnn serve on PostgreSQL). */
  clustered: z.boolean(),
  version: z.string(),
  uptime_s: z.number(),
  time: z.string(),
});

/** Version from package.json, read once. */
export const APP_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
})();

export const healthRoutes: FastifyPluginAsyncZod<{
  database: Database;
  lifecycle?: { draining: boolean };
  clustered?: boolean;
}> = async (app, { database, lifecycle, clustered }) => {
  const journal = migrationJournal().entries;
  const latest = journal[journal.length - 1]?.tag ?? "";
  // Migrations do not un-apply while the process runs: once seen complete, never asked again.
  let migrationsOk = false;

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["Hệ thống"],
        summary: "Tình trạng máy chủ và cơ sở dữ liệu (sống + sẵn sàng: CSDL trả lời, đủ migration)",
        response: { 200: Health, 503: Health },
      },
      config: { access: "public" },
    },
    async (_req, reply) => {
      const t0 = performance.now();
      let dbOk = false;
      try {
        await database.db.execute(sql`select 1`);
        dbOk = true;
      } catch {
        dbOk = false;
      }
      const ms = Math.round((performance.now() - t0) * 10) / 10;
      if (dbOk && !migrationsOk) migrationsOk = await migrationsUpToDate(database).catch(() => false);
      const draining = lifecycle?.draining === true;
      const ok = dbOk && migrationsOk && !draining;
      const body = {
        status: draining ? ("draining" as const) : ok ? ("ok" as const) : ("degraded" as const),
        database: { kind: database.kind, ok: dbOk },
        checks: {
          database: { ok: dbOk, ms },
          migrations: { ok: migrationsOk, expected: journal.length, latest },
        },
        clustered: clustered === true,
        version: APP_VERSION,
        uptime_s: Math.round(process.uptime()),
        time: new Date().toISOString(),
      };
      return reply.code(ok ? 200 : 503).send(body);
    },
  );
};
