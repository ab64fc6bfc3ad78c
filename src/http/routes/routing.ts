// POST /api/route — preview which clause governs a coordination situation (lead, coordinators, forwarding, output,
// legal basis) without storing anything. The situation schema is the routing domain's own (strict, Vietnamese).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { route, situationSchema } from "../../domain/routing/index.ts";
import { errorResponses } from "../contracts/common.ts";

export const RouteResultSchema = z.union([
  z.object({
    rule: z.string(),
    clause: z.string(),
    lead: z.string(),
    coordinators: z.array(z.string()),
    forward_to: z.array(z.string()),
    recipients: z.array(z.string()),
    output: z.string(),
    basis: z.string(),
    timing: z.string().optional(),
    note: z.string().optional(),
  }),
  z.object({
    rule: z.null(),
    nearest: z.array(
      z.object({ rule: z.string(), basis: z.string(), why: z.string(), matched: z.number(), of: z.number() }),
    ),
  }),
]);

export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/route",
    {
      schema: {
        tags: ["Điều phối"],
        summary: "Xem trước điều khoản áp dụng cho một tình huống phối hợp (không lưu)",
        body: situationSchema,
        response: { 200: RouteResultSchema, ...errorResponses },
      },
      config: { access: "authenticated", idempotency: false },
    },
    async (request) => route(request.body),
  );
};
