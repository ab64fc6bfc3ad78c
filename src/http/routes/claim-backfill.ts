// POST /api/claims/backfill — record an existing case (from paper or Excel) whose history may start anywhere and lack
// steps. A separate permission (claims.backfill: agency leader, agency admin) and a separate audit action
// (claim.backfill, with the "chưa ghi nhận" warnings), because it bypasses the live order and date checks.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createClaim } from "../../db/repositories/claims.ts";
import type { AppDb } from "../../db/types.ts";
import { ClaimCreate, ClaimDetail } from "../contracts/claims.ts";
import { errorResponses, etag } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

/** Same fields as a live creation; the history is read in backfill mode. */
export const ClaimBackfill = ClaimCreate;

export const claimBackfillRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.post(
    "/api/claims/backfill",
    {
      schema: {
        tags: ["Vụ việc"],
        summary:
          'Nhập bổ sung vụ việc đã có (backfill): lịch sử có thể bắt đầu ở bất kỳ bước nào và thiếu bước — bước thiếu là cảnh báo "chưa ghi nhận", không phải lỗi; chỉ mâu thuẫn mới bị từ chối (quyền claims.backfill, có ghi nhật ký)',
        body: ClaimBackfill,
        response: { 201: ClaimDetail, ...errorResponses },
      },
      config: { access: { permission: "claims.backfill" } },
    },
    async (request, reply) => {
      const created = await createClaim(db, scopeOf(request), request.body, { mode: "backfill" });
      reply.header("etag", etag(created.version)).header("location", `/api/claims/${created.id}`);
      return reply.code(201).send(created);
    },
  );
};
