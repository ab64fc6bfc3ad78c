// /api/saved-filters: the caller's named filters of the requests, tasks and claims lists (stored per user).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { deleteSavedFilter, listSavedFilters, saveFilter } from "../../db/repositories/saved-filters.ts";
import type { AppDb } from "../../db/types.ts";
import { BULK_LISTS } from "../../domain/inbox/index.ts";
import { errorResponses, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Bộ lọc đã lưu"];
const List = z.enum(BULK_LISTS).describe("Danh sách: requests (yêu cầu phối hợp), tasks (nhiệm vụ), claims (vụ việc)");
const FilterQuery = z
  .record(
    z.string().regex(/^[a-z_]{1,40}$/, "Tên tham số lọc chỉ gồm chữ thường và dấu gạch dưới"),
    z.string().max(500),
  )
  .refine((q) => Object.keys(q).length <= 20, "Tối đa 20 tham số lọc")
  .describe("Tham số lọc của danh sách (như trên địa chỉ màn hình)");
const SavedFilter = z.object({
  id: z.string(),
  list: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});

export const savedFilterRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/saved-filters",
    {
      schema: {
        tags: TAGS,
        summary: "Bộ lọc đã lưu của tôi cho một danh sách",
        querystring: z.object({ list: List }).strict(),
        response: { 200: z.array(SavedFilter), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => jsonDates(await listSavedFilters(db, scopeOf(request), request.query.list)),
  );

  app.put(
    "/api/saved-filters",
    {
      schema: {
        tags: TAGS,
        summary: "Lưu bộ lọc với một tên (lưu lại cùng tên thì thay bộ lọc cũ)",
        body: z
          .object({
            list: List,
            name: z.string().trim().min(1, "Hãy đặt tên cho bộ lọc").max(100),
            query: FilterQuery,
          })
          .strict(),
        response: { 200: SavedFilter, ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => jsonDates(await saveFilter(db, scopeOf(request), request.body)),
  );

  app.delete(
    "/api/saved-filters/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Xóa một bộ lọc đã lưu của tôi",
        params: UuidParam,
        response: { 204: z.null(), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
      await deleteSavedFilter(db, scopeOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
