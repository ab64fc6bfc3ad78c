// The holding agency's side of a data subject's correction request (Luật BVDLCN 91/2025/QH15, Điều 4): read it (the
// value asked is personal data — masked unless the role may see personal data, each reveal audited) and close it as
// done or refused with an answer the person reads on the status page. Scope: the agency holding the submission.
import { eq } from "drizzle-orm";
import { maskValue } from "../../domain/access/mask.ts";
import { can, canSeeAgency, type Scope } from "../../domain/access/scope.ts";
import { CORRECTABLE_FIELD_VI, type CorrectableField } from "../../domain/portal/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit } from "../audit.ts";
import { publicDataRequests, publicSubmissions } from "../schema/index.ts";
import type { AppDb } from "../types.ts";

const notFound = () => new DomainError("not_found", "id", "Không tìm thấy đề nghị sửa dữ liệu này");

async function inScope(db: AppDb, scope: Scope, id: string) {
  const [r] = await db
    .select({ req: publicDataRequests, code: publicSubmissions.code, agencyId: publicSubmissions.agencyId })
    .from(publicDataRequests)
    .innerJoin(publicSubmissions, eq(publicSubmissions.id, publicDataRequests.submissionId))
    .where(eq(publicDataRequests.id, id));
  if (!r || !canSeeAgency(scope, r.agencyId)) throw notFound();
  return r;
}

export async function readDataRequest(db: AppDb, scope: Scope, id: string, ctx: { requestId?: string }) {
  const r = await inScope(db, scope, id);
  const reveal = can(scope, "claims.personal_data");
  if (reveal)
    await db.transaction((tx) =>
      appendAudit(tx, {
        actor_user_id: scope.userId,
        actor_agency_id: scope.agencyId,
        request_id: ctx.requestId ?? null,
        action: "public_data_request.reveal",
        entity: "public_data_request",
        entity_id: id,
        after: { field: r.req.field },
      }),
    );
  return {
    id,
    submission_id: r.req.submissionId,
    code: r.code,
    agency_id: r.agencyId,
    field: r.req.field,
    field_label: CORRECTABLE_FIELD_VI[r.req.field as CorrectableField] ?? r.req.field,
    value: reveal ? r.req.requestedValue : (maskValue(r.req.requestedValue, 2) ?? ""),
    reason: reveal ? r.req.reason : r.req.reason ? "•••" : null,
    masked: !reveal,
    status: r.req.status,
    created_on: r.req.createdOn,
    answer: r.req.answer,
  };
}

export async function closeDataRequest(
  db: AppDb,
  scope: Scope,
  id: string,
  input: { status: "done" | "refused"; answer: string },
  ctx: { now: Date; requestId?: string },
) {
  const r = await inScope(db, scope, id);
  if (r.req.status !== "open")
    throw new DomainError("conflict", "status", "Đề nghị này đã được xử lý hoặc dữ liệu đã bị xóa theo yêu cầu");
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(publicDataRequests)
      .set({ status: input.status, answer: input.answer, handledAt: ctx.now, handledBy: scope.userId })
      .where(eq(publicDataRequests.id, id))
      .returning();
    await appendAudit(tx, {
      actor_user_id: scope.userId,
      actor_agency_id: scope.agencyId,
      request_id: ctx.requestId ?? null,
      action: "public_data_request.close",
      entity: "public_data_request",
      entity_id: id,
      before: { status: r.req.status },
      after: { status: input.status },
    });
    return { id, status: done.status, answer: done.answer };
  });
}
