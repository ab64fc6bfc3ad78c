// /api/audit: the audit trail for administrators (audit.read), newest first, limited to actions taken by agencies in
// the caller's scope (the shared scope filter of src/db/scope.ts); and a check of the hash chain (system.admin).
// Claimants' personal data in before/after is masked unless `?reveal=personal` (claims.personal_data); every read of
// the trail is itself audited ("audit.read", with the filters and whether personal data was revealed).
import { count, desc } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appendAudit, auditActor, auditWhere, verifyAuditChain } from "../../db/audit.ts";
import { auditLog } from "../../db/schema/index.ts";
import { requirePermission } from "../../db/scope.ts";
import type { AppDb } from "../../db/types.ts";
import { maskPersonalDeep } from "../../domain/access/mask.ts";
import { AuditFilterFields } from "../contracts/audit.ts";
import { errorResponses, PageQuery, pageOf } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Nhật ký kiểm toán"];
const AuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actor_user_id: z.string().nullable(),
  actor_agency_id: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  request_id: z.string().nullable(),
  hash: z.string(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: TAGS,
        summary: "Nhật ký kiểm toán (ai, khi nào, cơ quan nào, làm gì, trước/sau), mới nhất trước",
        querystring: PageQuery.omit({ q: true })
          .extend({ ...AuditFilterFields, reveal: z.enum(["personal"]).optional() })
          .strict(),
        response: { 200: pageOf(AuditRow), ...errorResponses },
      },
      config: { access: { permission: "audit.read", inside: ["claims.personal_data"] } },
    },
    async (request, reply) => {
      const { reveal, ...q } = request.query;
      const scope = scopeOf(request);
      const unmask = reveal === "personal";
      if (unmask) requirePermission(scope, "claims.personal_data");
      const where = auditWhere(scope, q);
      const [rows, [{ n }]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.seq))
          .limit(q.page_size)
          .offset((q.page - 1) * q.page_size),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      await db.transaction((tx) =>
        appendAudit(tx, {
          ...auditActor(scope),
          action: "audit.read",
          entity: "audit",
          entity_id: null,
          after: { filters: q, rows: rows.length, personal_data_revealed: unmask },
        }),
      );
      reply.header("cache-control", "no-store");
      const view = (v: unknown) => (unmask ? v : maskPersonalDeep(v));
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: r.at.toISOString(),
          actor_user_id: r.actorUserId,
          actor_agency_id: r.actorAgencyId,
          action: r.action,
          entity: r.entity,
          entity_id: r.entityId,
          before: view(r.before),
          after: view(r.after),
          request_id: r.requestId,
          hash: r.hash,
        })),
        total: Number(n),
        page: q.page,
        page_size: q.page_size,
      };
    },
  );

  app.get(
    "/api/audit/verify",
    {
      schema: {
        tags: TAGS,
        summary: "Kiểm tra chuỗi băm của nhật ký kiểm toán (phát hiện bản ghi bị sửa, xóa, chèn)",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            broken_at: z.number().optional(),
            reason: z.string().optional(),
          }),
          ...errorResponses,
        },
      },
      config: { access: { permission: "system.admin" } },
    },
    async (request) => {
      const result = await verifyAuditChain(db);
      await db.transaction((tx) =>
        appendAudit(tx, {
          ...auditActor(scopeOf(request)),
          action: "audit.verify",
          entity: "audit",
          after: { ok: result.ok, checked: result.checked },
        }),
      );
      return result;
    },
  );
};
