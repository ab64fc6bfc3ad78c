// GET /api/health — liveness plus a one-row database round trip.
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/types.ts";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ kind: z.string(), ok: z.boolean() }),
  time: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["Hệ thống"],
        summary: "Tình trạng máy chủ và cơ sở dữ liệu",
        response: { 200: Health, 503: Health },
      },
      config: { access: "public" },
    },
    async (_req, reply) => {
      let ok = false;
      try {
        await database.db.execute(sql`select 1`);
        ok = true;
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? ("ok" as const) : ("degraded" as const),
        database: { kind: database.kind, ok },
        time: new Date().toISOString(),
      };
      return reply.code(ok ? 200 : 503).send(body);
    },
  );
};
