// PATCH /api/task-instances/:id/coordinators/:agency_id — a coordinating agency records its own part in a plan-task
// occurrence (status along the task workflow, notes). Its own version: never conflicts with the lead's updates.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { updateContribution } from "../../db/repositories/task-contributions.ts";
import type { AppDb } from "../../db/types.ts";
import { errorResponses, etag, expectedVersion } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { Contribution } from "./plans.ts";

const Params = z.object({ id: z.uuid(), agency_id: z.string().trim().min(1).max(100) }).strict();
const Body = z
  .object({
    status: z.enum(["pending", "in_progress", "done", "cancelled"]).optional(),
    note: z.string().trim().max(5000).nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const taskContributionRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.patch(
    "/api/task-instances/:id/coordinators/:agency_id",
    {
      schema: {
        tags: ["Kế hoạch"],
        summary: "Cơ quan phối hợp cập nhật phần phối hợp của mình trong nhiệm vụ (cần version hoặc If-Match)",
        params: Params,
        body: Body,
        response: { 200: Contribution, 428: errorResponses[400], ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const c = await updateContribution(
        db,
        scopeOf(request),
        request.params.id,
        request.params.agency_id,
        expectedVersion(request, version),
        patch,
      );
      reply.header("etag", etag(c.version));
      return jsonDates(c);
    },
  );
};
