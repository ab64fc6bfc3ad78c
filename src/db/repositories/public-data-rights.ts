// The data subject's requests on an online submission, after the receipt code and second factor were checked
// (src/http/routes/public-lookup.ts): see the personal data held (audited), ask for a correction (stored as a request the
// holding agency sees in its inbox — never applied silently), withdraw consent (erasure where the law allows:
// src/domain/portal/data-rights.ts). Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4.
import { and, asc, count, eq, isNull } from "drizzle-orm";
import {
  CORRECTABLE_FIELD_VI,
  type CorrectableField,
  ERASED,
  MAX_OPEN_CORRECTIONS,
  SUBMISSION_STEP_VI,
  type SubmissionStep,
  withdrawalEffect,
} from "../../domain/portal/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit } from "../audit.ts";
import {
  publicDataRequests,
  publicSubmissionFiles,
  publicSubmissionSteps,
  publicSubmissions,
} from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { agencyName, filesOf } from "./public-submissions.ts";

type Row = typeof publicSubmissions.$inferSelect;
type Ctx = { now: Date; today: string; requestId?: string };

const audit = (tx: AppDb, row: Row, action: string, ctx: Ctx, after: Record<string, unknown>) =>
  appendAudit(tx, {
    actor_user_id: null,
    actor_agency_id: null,
    request_id: ctx.requestId ?? null,
    action,
    entity: "public_submission",
    entity_id: row.id,
    at: ctx.now,
    // No personal data in the trail: what was done, not the values.
    after,
  });

const withdrawnConflict = () =>
  new DomainError("consent_withdrawn", "code", "Bạn đã rút lại sự đồng ý cho hồ sơ này; dữ liệu không còn được xử lý.");

const correctionDto = (r: typeof publicDataRequests.$inferSelect) => ({
  id: r.id,
  field: r.field,
  field_label: CORRECTABLE_FIELD_VI[r.field as CorrectableField] ?? r.field,
  value: r.requestedValue,
  reason: r.reason,
  status: r.status,
  created_on: r.createdOn,
  answer: r.answer,
});

async function corrections(db: AppDb, submissionId: string) {
  const rows = await db
    .select()
    .from(publicDataRequests)
    .where(eq(publicDataRequests.submissionId, submissionId))
    .orderBy(asc(publicDataRequests.createdAt));
  return rows.map(correctionDto);
}

/** Everything held about the person for this submission — the right of access. Audited (no values in the trail). */
export async function subjectData(db: AppDb, row: Row, ctx: Ctx) {
  const step = row.status as SubmissionStep;
  const request = (row.request ?? {}) as Record<string, unknown>;
  const dto = {
    code: row.code,
    kind: row.kind as "claim" | "support",
    submitted_on: row.submittedOn,
    step,
    step_label: SUBMISSION_STEP_VI[step] ?? step,
    controller: { id: row.agencyId, name: (await agencyName(db, row.agencyId)) ?? row.agencyId },
    purpose:
      "Tiếp nhận, giải quyết yêu cầu bồi thường hoặc đề nghị hỗ trợ của bạn theo Luật Trách nhiệm bồi thường của Nhà nước.",
    consent: {
      at: row.consentAt.toISOString(),
      text_version: row.consentTextVersion,
      withdrawn_at: row.consentWithdrawnAt ? row.consentWithdrawnAt.toISOString() : null,
    },
    person: {
      full_name: row.personName,
      date_of_birth: row.personDateOfBirth,
      id_number: row.personIdNumber,
      address: row.personAddress,
      phone: row.personPhone,
      email: row.personEmail,
    },
    facts: row.facts,
    damage_heads: Array.isArray(request.damage_heads)
      ? (request.damage_heads as Array<{ head: string; description: string; amount?: number }>)
      : [],
    second_factor: row.factorKind as "phone" | "id_last4",
    attachments: (await filesOf(db, row.id)).map((f) => ({
      title: f.title,
      file_name: f.file_name,
      kind: f.kind,
      size: f.size,
    })),
    corrections: await corrections(db, row.id),
    withdrawal: row.consentWithdrawnAt ? null : withdrawalEffect(step),
  };
  await db.transaction((tx) => audit(tx, row, "public_submission.subject_access", ctx, { step }));
  return dto;
}

/**
 * A correction request: stored, shown to the holding agency (inbox), never applied by itself. A repeat of an open
 * request (same field, value and reason — a double submit or a retry) answers with that request instead of a second.
 */
export async function requestCorrection(
  db: AppDb,
  row: Row,
  input: { field: CorrectableField; value: string; reason?: string },
  ctx: Ctx,
) {
  if (row.consentWithdrawnAt) throw withdrawnConflict();
  return db.transaction(async (tx) => {
    // The submission row locked: two concurrent requests cannot both pass the cap.
    await tx
      .select({ id: publicSubmissions.id })
      .from(publicSubmissions)
      .where(eq(publicSubmissions.id, row.id))
      .for("update");
    const reason = input.reason ?? null;
    const [same] = await tx
      .select()
      .from(publicDataRequests)
      .where(
        and(
          eq(publicDataRequests.submissionId, row.id),
          eq(publicDataRequests.status, "open"),
          eq(publicDataRequests.field, input.field),
          eq(publicDataRequests.requestedValue, input.value),
          reason === null ? isNull(publicDataRequests.reason) : eq(publicDataRequests.reason, reason),
        ),
      )
      .limit(1);
    if (same) return correctionDto(same);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(publicDataRequests)
      .where(and(eq(publicDataRequests.submissionId, row.id), eq(publicDataRequests.status, "open")));
    if (Number(n) >= MAX_OPEN_CORRECTIONS)
      throw new DomainError(
        "too_many_corrections",
        "field",
        `Hồ sơ này đã có ${MAX_OPEN_CORRECTIONS} đề nghị sửa đang chờ cơ quan xem xét; hãy chờ cơ quan trả lời hoặc liên hệ trực tiếp.`,
      );
    const [r] = await tx
      .insert(publicDataRequests)
      .values({
        submissionId: row.id,
        kind: "correction",
        field: input.field,
        requestedValue: input.value,
        reason,
        createdAt: ctx.now,
        createdOn: ctx.today,
      })
      .returning();
    await audit(tx, row, "public_submission.correction_request", ctx, { request_id: r.id, field: input.field });
    return correctionDto(r);
  });
}

/**
 * Withdraws consent. Before acceptance as a claim: the submission is withdrawn, its personal data erased (files too) and
 * a `withdrawn` step recorded. After acceptance: the claim procedure keeps its data; the e-mail address (used only for
 * the portal's notices) is erased. Either way the time is recorded and audited; a second withdrawal is refused.
 */
export async function withdrawConsent(db: AppDb, row: Row, ctx: Ctx) {
  if (row.consentWithdrawnAt) throw withdrawnConflict();
  const effect = withdrawalEffect(row.status as SubmissionStep);
  return db.transaction(async (tx) => {
    const erase = effect.erase
      ? {
          status: effect.step_after,
          personName: ERASED,
          personDateOfBirth: null,
          personIdNumber: null,
          personAddress: ERASED,
          personPhone: null,
          facts: ERASED,
          request: {},
        }
      : {};
    const [done] = await tx
      .update(publicSubmissions)
      .set({ ...erase, personEmail: null, consentWithdrawnAt: ctx.now, updatedAt: ctx.now, version: row.version + 1 })
      .where(
        and(
          eq(publicSubmissions.id, row.id),
          isNull(publicSubmissions.consentWithdrawnAt),
          // Accepted meanwhile by an officer: what withdrawing does has changed — the person must look again.
          eq(publicSubmissions.status, row.status),
        ),
      )
      .returning({ id: publicSubmissions.id });
    if (!done) {
      if (row.consentWithdrawnAt) throw withdrawnConflict();
      throw new DomainError(
        "submission_changed",
        "code",
        "Hồ sơ vừa được cơ quan xử lý sang bước khác; hãy tra cứu lại để xem việc rút lại sự đồng ý có tác dụng gì.",
      );
    }
    let files = 0;
    if (effect.erase) {
      files = (
        await tx
          .delete(publicSubmissionFiles)
          .where(eq(publicSubmissionFiles.submissionId, row.id))
          .returning({ id: publicSubmissionFiles.id })
      ).length;
      await tx
        .update(publicDataRequests)
        .set({ requestedValue: ERASED, reason: null, status: "erased" })
        .where(eq(publicDataRequests.submissionId, row.id));
      await tx
        .insert(publicSubmissionSteps)
        .values({ submissionId: row.id, step: "withdrawn", on: ctx.today, at: ctx.now, agencyId: row.agencyId });
    }
    await audit(tx, row, "public_submission.consent_withdraw", ctx, {
      erased: effect.erase,
      files_erased: files,
      step_before: row.status,
      step_after: effect.step_after,
    });
    return {
      withdrawn_at: ctx.now.toISOString(),
      erased: effect.erase,
      step: effect.step_after,
      explanation: effect.explanation,
      basis: effect.basis,
      confidence: effect.confidence,
    };
  });
}
