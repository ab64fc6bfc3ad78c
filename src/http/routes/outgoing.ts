// /api/outgoing: sổ văn bản đi — list an agency's register, allocate the next number (no gaps, no duplicates).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { allocateOutgoing, listOutgoing, OUTPUT_KINDS } from "../../db/repositories/register.ts";
import type { AppDb } from "../../db/types.ts";
import { apiPage, errorResponses, IsoDateSchema, PageQuery, pageOf, repoPage } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Sổ văn bản đi"];
const Outgoing = z.object({
  id: z.string(),
  agency_id: z.string(),
  year: z.number(),
  number: z.number(),
  symbol: z.string().nullable(),
  doc_kind: z.string(),
  subject: z.string(),
  issued_on: z.string().nullable(),
  entity: z.string().nullable(),
  entity_id: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  /** "12/BTNN-KH". */
  display: z.string(),
});

const Allocate = z
  .object({
    agency_id: z.string().trim().min(1).max(100),
    year: z.number().int().min(2000).max(2100),
    doc_kind: z.enum(OUTPUT_KINDS),
    subject: z.string().trim().min(1).max(1000),
    symbol: z.string().trim().max(50).nullable().optional(),
    issued_on: IsoDateSchema.nullable().optional(),
    entity: z.string().trim().max(50).nullable().optional(),
    entity_id: z.string().trim().max(100).nullable().optional(),
  })
  .strict();

export const outgoingRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/outgoing",
    {
      schema: {
        tags: TAGS,
        summary: "Sổ văn bản đi của các cơ quan trong phạm vi (lọc theo cơ quan, năm, đối tượng liên quan)",
        querystring: PageQuery.omit({ q: true })
          .extend({
            agency_id: z.string().max(100).optional(),
            year: z.coerce.number().int().min(2000).max(2100).optional(),
            entity: z.string().max(50).optional(),
            entity_id: z.string().max(100).optional(),
          })
          .strict(),
        response: { 200: pageOf(Outgoing), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => {
      const { page, page_size, ...filter } = request.query;
      return apiPage(
        await listOutgoing(db, scopeOf(request), filter, repoPage({ page, page_size })),
        { page, page_size },
        jsonDates,
      );
    },
  );

  app.post(
    "/api/outgoing",
    {
      schema: {
        tags: TAGS,
        summary: "Cấp số văn bản đi tiếp theo của cơ quan trong năm",
        body: Allocate,
        response: { 201: Outgoing, ...errorResponses },
      },
      config: { access: { permission: "register.allocate" } },
    },
    async (request, reply) =>
      reply.code(201).send(jsonDates(await allocateOutgoing(db, scopeOf(request), request.body))),
  );
};
