// Officers' decisions on an online submission (issue 15 item 4): accept a claim file as a claim (through the one
// claim-creation path, nothing retyped), refuse / return it with a reason, forward it (the Sở Tư pháp determining the
// handling agency, Luật TNBTCNN 2017 Điều 41 khoản 4), answer a support request (Thông tư 09/2019/TT-BTP Điều 5).
// Each decision: the caller's agency must hold the submission, its state must allow it (src/domain/portal/handling.ts),
// and the row is locked so a double click decides once (the second → 409); one transaction, one audit row, one step
// the status page shows and the person is mailed about (src/jobs/public-submission-mail.ts).
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { CLAIM_FIELDS, type ClaimField } from "../../domain/claims/dto.ts";
import {
  claimSummaryFromSubmission,
  type HandlingAction,
  requireAllowed,
  type SubmissionKind,
  type SubmissionStep,
  type SubmittedRequest,
} from "../../domain/portal/index.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import {
  agencies,
  claimDocuments,
  publicSubmissionFiles,
  publicSubmissionSteps,
  publicSubmissions,
} from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { createClaim } from "./claims/create.ts";
import { insertNotifications } from "./notifications.ts";
import { receivedByHolderOn, requireHolder, visibleSubmission } from "./public-submission-handling.ts";

type Row = typeof publicSubmissions.$inferSelect;
type Ctx = { today: string; now: Date };
/** The shape every decision below has (the route runs each the same way). */
export type Decision<I, R> = (db: AppDb, scope: Scope, id: string, input: I, ctx: Ctx) => Promise<R>;

/** What a decision changes beyond the state: further columns, the next holder, what the audit row adds. */
type Move<T> = {
  set?: Partial<typeof publicSubmissions.$inferInsert>;
  /** The agency holding the submission afterwards (default: the one deciding). */
  agencyId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  result: T;
};

const STEP_OF: Record<HandlingAction, SubmissionStep> = {
  accept: "accepted",
  refuse: "refused",
  forward: "forwarded",
  answer: "answered",
};

/**
 * The one transition every decision goes through: checks (permission, holder, state) before anything is written, then
 * in a transaction with the submission locked — a concurrent repeat waits, then finds the new state and is refused
 * (409) — the decision's own work (`write`), the new state, the step the status page shows and one audit row.
 */
async function transition<T>(
  db: AppDb,
  scope: Scope,
  id: string,
  action: HandlingAction,
  ctx: Ctx,
  write: (tx: AppDb, row: Row) => Promise<Move<T>>,
): Promise<T> {
  requirePermission(scope, "claims.write");
  const seen = await visibleSubmission(db, scope, id);
  requireHolder(scope, seen);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(publicSubmissions).where(eq(publicSubmissions.id, id)).for("update");
    requireHolder(scope, row);
    requireAllowed(
      {
        kind: row.kind as SubmissionKind,
        status: row.status as SubmissionStep,
        determined_by_so_tu_phap: row.determinedBySoTuPhap,
      },
      action,
    );
    const move = await write(tx, row);
    const status = STEP_OF[action];
    const agencyId = move.agencyId ?? row.agencyId;
    await tx
      .update(publicSubmissions)
      .set({ ...move.set, status, agencyId, version: sql`${publicSubmissions.version} + 1`, updatedAt: ctx.now })
      .where(eq(publicSubmissions.id, row.id));
    await tx.insert(publicSubmissionSteps).values({
      submissionId: row.id,
      step: status,
      on: ctx.today,
      at: ctx.now,
      agencyId,
      byUserId: scope.userId,
    });
    await appendAudit(tx, {
      ...auditActor(scope),
      action: `public_submission.${action}`,
      entity: "public_submission",
      entity_id: row.id,
      before: { status: row.status, ...move.before },
      after: { status, ...move.after },
    });
    return move.result;
  });
}

/** The claim field a file is accepted under: the activity the person named, else the officer's choice. */
function fieldOf(row: Row, given: ClaimField | undefined): ClaimField {
  if (given) return given;
  const activity = (row.answers as { activity?: string }).activity;
  if ((CLAIM_FIELDS as readonly string[]).includes(activity ?? "")) return activity as ClaimField;
  throw new DomainError(
    "required",
    "field",
    "Người gửi chưa nêu lĩnh vực (hoạt động gây thiệt hại): hãy chọn lĩnh vực của vụ việc trước khi tiếp nhận.",
  );
}

/**
 * Accepts a claim file as a claim of the holder: the `received` event dated the submission's (Vietnam) date — or the
 * day the Sở Tư pháp forwarded it to the holder — the
 * claimant's data, facts and amounts from the submission, its files copied onto the claim's file. Returns the claim id.
 */
export async function acceptSubmission(
  db: AppDb,
  scope: Scope,
  id: string,
  input: { field?: ClaimField },
  ctx: Ctx,
): Promise<{ claim_id: string; claim_code: string }> {
  return transition(db, scope, id, "accept", ctx, async (tx, row) => {
    // A file the Sở Tư pháp forwarded reached the handling agency on the forwarding day: its time limits run from then
    // (Luật TNBTCNN 2017, Điều 41 khoản 4; Điều 42–43 "kể từ ngày nhận"), as the work list already counts; the day it
    // was filed with the Sở stays in the note — the limitation period is judged on it (Nghị định 68/2018, Điều 13).
    const receivedOn = receivedByHolderOn(row);
    const received = {
      type: "received" as const,
      date: receivedOn,
      note:
        receivedOn === row.submittedOn
          ? `Nhận qua Cổng công dân, mã hồ sơ ${row.code}`
          : `Nhận qua Cổng công dân, mã hồ sơ ${row.code}; người yêu cầu nộp tại Sở Tư pháp ngày ${formatVi(row.submittedOn)}, được chuyển đến ngày ${formatVi(receivedOn)} (Điều 41 khoản 4)`,
    };
    const heads = ((row.request as { damage_heads?: Array<{ amount?: number }> }).damage_heads ?? []).filter(
      (h) => typeof h.amount === "number",
    );
    const claim = await createClaim(
      tx,
      scope,
      {
        field: fieldOf(row, input.field),
        handling_agency_id: row.agencyId,
        claimant_name: row.personName,
        claimant_id_number: row.personIdNumber,
        claimant_address: row.personAddress,
        claimant_phone: row.personPhone,
        summary: claimSummaryFromSubmission(row.code, row.facts, row.request as SubmittedRequest),
        amount_requested: heads.length ? heads.reduce((s, h) => s + (h.amount ?? 0), 0) : null,
        events: [received],
      },
      { today: ctx.today },
    );
    const files = await tx.select().from(publicSubmissionFiles).where(eq(publicSubmissionFiles.submissionId, row.id));
    if (files.length)
      await tx.insert(claimDocuments).values(
        files.map((f) => ({
          claimId: claim.id,
          kind: f.kind,
          title: f.title,
          fileName: f.fileName,
          mimeType: f.mimeType,
          size: f.size,
          sha256: f.sha256 || createHash("sha256").update(f.content).digest("hex"),
          storage: "db",
          content: f.content,
          uploadedBy: scope.userId,
        })),
      );
    return {
      // The acceptance mail tells the claim's first step; later changes of it are mailed again.
      set: { claimId: claim.id, mailedClaimPhase: claim.state },
      after: { claim_id: claim.id, claim_code: claim.code, files: files.length },
      result: { claim_id: claim.id, claim_code: claim.code },
    };
  });
}

/** Refuses or returns the submission with a reason the person reads on the status page (e.g. Điều 43 khoản 2). */
export async function refuseSubmission(db: AppDb, scope: Scope, id: string, input: { reason: string }, ctx: Ctx) {
  return transition(db, scope, id, "refuse", ctx, async () => ({
    set: { answerText: input.reason },
    after: { reason: input.reason },
    result: undefined,
  }));
}

/** Answers a support request (Thông tư 09/2019/TT-BTP Điều 5); the answer is shown on the person's status page. */
export async function answerSubmission(db: AppDb, scope: Scope, id: string, input: { text: string }, ctx: Ctx) {
  return transition(db, scope, id, "answer", ctx, async () => ({
    set: { answerText: input.text },
    after: { answer: input.text },
    result: undefined,
  }));
}

/**
 * The Sở Tư pháp names the handling agency and forwards the file (Luật TNBTCNN 2017, Điều 41 khoản 4; Nghị định
 * 68/2018/NĐ-CP, Điều 32–33: within 5 working days): it moves to that agency's inbox, which is notified.
 */
export async function forwardSubmission(db: AppDb, scope: Scope, id: string, input: { agency_id: string }, ctx: Ctx) {
  return transition(db, scope, id, "forward", ctx, async (tx, row) => {
    if (input.agency_id === row.agencyId)
      throw new DomainError(
        "same_agency",
        "agency_id",
        "Hãy chọn cơ quan giải quyết bồi thường khác với cơ quan đang giữ hồ sơ.",
      );
    const [target] = await tx
      .select({ id: agencies.id, name: agencies.name, validTo: agencies.validTo })
      .from(agencies)
      .where(eq(agencies.id, input.agency_id));
    if (!target || (target.validTo && target.validTo < ctx.today))
      throw new DomainError(
        "unknown_agency",
        "agency_id",
        `Cơ quan "${input.agency_id}" không có trong danh mục hoặc đã thôi hoạt động; hãy chọn cơ quan đang hoạt động.`,
      );
    await insertNotifications(tx, [
      {
        key: `public_submission:forwarded:${row.id}:${target.id}`,
        agency_id: target.id,
        kind: "public_submission",
        title: `Sở Tư pháp chuyển hồ sơ yêu cầu bồi thường gửi trực tuyến, mã ${row.code}`,
        body: "Cơ quan được xác định là cơ quan giải quyết bồi thường (Luật TNBTCNN 2017, Điều 41 khoản 4): hãy xem xét tiếp nhận hồ sơ.",
        entity: "public_submission",
        entity_id: row.id,
        url: `/public-submissions/${row.id}`,
      },
    ]);
    return {
      agencyId: target.id,
      before: { agency_id: row.agencyId },
      after: { agency_id: target.id },
      result: { agency: { id: target.id, name: target.name } },
    };
  });
}
