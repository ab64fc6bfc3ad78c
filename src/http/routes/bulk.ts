// /api/bulk/*: bulk actions of the requests, tasks and claims lists — giao việc to an officer of the agency and
// "đánh dấu đã đọc". Every id is scope-checked (403 naming it) and must be open work of the agency for an assignment
// (422 naming it); nothing is written unless all pass. Both are idempotent by content (the same officer again, read
// again: nothing changes), so they take no Idempotency-Key. Export of the selection: /api/exports/* with `ids`.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { bulkAssign } from "../../db/repositories/inbox/bulk-assign.ts";
import { bulkMarkRead } from "../../db/repositories/inbox/bulk-read.ts";
import type { AppDb } from "../../db/types.ts";
import { BULK_LISTS, BULK_MAX_IDS } from "../../domain/inbox/index.ts";
import { errorResponses } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Thao tác hàng loạt"];
const List = z.enum(BULK_LISTS).describe("Danh sách: requests (yêu cầu phối hợp), tasks (nhiệm vụ), claims (vụ việc)");
const Ids = z
  .array(z.uuid("Mã không hợp lệ"))
  .min(1, "Chọn ít nhất một mục")
  .max(BULK_MAX_IDS, `Mỗi lần thao tác tối đa ${BULK_MAX_IDS} mục`);

export const bulkRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.post(
    "/api/bulk/assign",
    {
      schema: {
        tags: TAGS,
        summary:
          "Giao các mục đã chọn cho một cán bộ của cơ quan (tất cả hoặc không mục nào; giao lại cho người khác cần lý do)",
        body: z
          .object({
            list: List,
            ids: Ids,
            assignee_id: z.uuid(),
            reason: z.string().trim().max(1000).nullable().optional(),
          })
          .strict(),
        response: {
          200: z.object({
            list: z.string(),
            records: z.number().describe("Số mục đã chọn"),
            items: z.number().describe("Số việc trong hộp việc của cơ quan ứng với các mục"),
            changed: z.number().describe("Số việc được giao mới hoặc giao lại (0 khi đã giao đúng người)"),
          }),
          ...errorResponses,
        },
      },
      config: { access: { permission: "requests.write" }, idempotency: false },
    },
    async (request) => bulkAssign(db, scopeOf(request), request.body),
  );

  app.post(
    "/api/bulk/mark-read",
    {
      schema: {
        tags: TAGS,
        summary:
          "Đánh dấu đã đọc các mục đã chọn cho riêng tôi: thông báo về các mục (và việc thuộc chúng), yêu cầu đã đọc",
        body: z.object({ list: List, ids: Ids }).strict(),
        response: {
          200: z.object({
            list: z.string(),
            records: z.number(),
            notifications: z.number().describe("Số thông báo vừa được đánh dấu đã đọc"),
            read_records: z.number().describe("Số yêu cầu vừa được ghi nhận đã đọc"),
          }),
          ...errorResponses,
        },
      },
      config: { access: "authenticated", idempotency: false },
    },
    async (request) => bulkMarkRead(db, scopeOf(request), request.body),
  );
};
