// The public side of online submissions (issue 15): create (no login, idempotent, attachments checked by the one
// allow-list), look up by receipt code + second factor (constant-time, same answer for an unknown code and a wrong
// factor), and the data of the phiếu tiếp nhận. Officers' reads: public-submission-handling.ts; decisions:
// public-submission-decisions.ts.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { WorkCalendar } from "../../domain/calendar/types.ts";
import { EVENT_LABELS_VI, isEventType, PHASE_LABELS_VI, type Phase } from "../../domain/claims/index.ts";
import { checkDocument } from "../../domain/files/allowed-types.ts";
import {
  answerBy,
  type InterviewAnswers,
  normalizeFactor,
  normalizeReceiptCode,
  RECEIPT_CODE_LENGTH,
  receiptCodeFrom,
  type StatutoryDate,
  SUBMISSION_STEP_VI,
  type SubmissionKind,
  type SubmissionStep,
  submissionTarget,
} from "../../domain/portal/index.ts";
import { toVnDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit } from "../audit.ts";
import {
  agencies,
  claimDeadlines,
  claimEvents,
  claims,
  publicSubmissionFiles,
  publicSubmissionSteps,
  publicSubmissions,
} from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { insertNotifications } from "./notifications.ts";

export type NewSubmission = {
  kind: SubmissionKind;
  answers: InterviewAnswers;
  person: {
    full_name: string;
    date_of_birth?: string;
    id_number?: string;
    address: string;
    phone?: string;
    email?: string;
  };
  facts: string;
  request: Record<string, unknown>;
  attachments: Array<{ kind: string; title: string; file_name: string; content_base64: string }>;
  factor: { kind: "phone" | "id_last4"; value: string };
  consent: { text_version: string };
};

export type SubmissionReceiptDto = {
  code: string;
  kind: SubmissionKind;
  submitted_on: string;
  agency: { id: string; name: string; determined_by_so_tu_phap: boolean };
  answer_by: StatutoryDate | null;
  receipt_url: string;
};

export const ATTACHMENT_LIMITS = { count: 5, each: 5 * 1024 * 1024, total: 10 * 1024 * 1024 };

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");
const hashFactor = (value: string, salt: string) =>
  scryptSync(normalizeFactor(value), Buffer.from(salt, "hex"), 32).toString("hex");

function newCode(): string {
  for (;;) {
    const c = receiptCodeFrom(randomBytes(RECEIPT_CODE_LENGTH * 2));
    if (c) return c;
  }
}

/** Decodes and checks every attachment BEFORE anything is written (type by name and bytes, size caps). */
export function checkAttachments(list: NewSubmission["attachments"]) {
  if (list.length > ATTACHMENT_LIMITS.count)
    throw new DomainError("too_many_files", "attachments", `Tối đa ${ATTACHMENT_LIMITS.count} tệp đính kèm`);
  let total = 0;
  return list.map((a, i) => {
    const field = `attachments[${i}]`;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.content_base64))
      throw new DomainError("file_encoding", `${field}.content_base64`, "Nội dung tệp phải mã hóa base64");
    const bytes = Buffer.from(a.content_base64, "base64");
    if (bytes.length > ATTACHMENT_LIMITS.each)
      throw new DomainError(
        "file_too_large",
        `${field}.content_base64`,
        `Tệp "${a.file_name}" quá lớn: mỗi tệp tối đa 5 MB`,
      );
    total += bytes.length;
    if (total > ATTACHMENT_LIMITS.total)
      throw new DomainError("files_too_large", "attachments", "Tổng dung lượng tệp đính kèm tối đa 10 MB");
    const checked = checkDocument(
      { name: a.file_name, bytes },
      { name: `${field}.file_name`, content: `${field}.content_base64` },
    );
    return { kind: a.kind, title: a.title, fileName: checked.fileName, mimeType: checked.mime, bytes };
  });
}

function receiptDto(
  row: typeof publicSubmissions.$inferSelect,
  agencyName: string,
  cal: WorkCalendar,
): SubmissionReceiptDto {
  return {
    code: row.code,
    kind: row.kind as SubmissionKind,
    submitted_on: row.submittedOn,
    agency: { id: row.agencyId, name: agencyName, determined_by_so_tu_phap: row.determinedBySoTuPhap },
    answer_by: answerBy(cal, row.kind as SubmissionKind, row.submittedOn, row.determinedBySoTuPhap),
    receipt_url: `/api/public/submissions/${row.code}/receipt.pdf`,
  };
}

async function agencyName(db: AppDb, id: string): Promise<string | undefined> {
  const [a] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, id));
  return a?.name;
}

/**
 * Creates a submission. `idempotencyKey` (the header, when given): a repeat with the same key and body returns the first
 * receipt (`replayed: true`); with another body → 422. All checks run before the one transaction that writes.
 */
export async function createSubmission(
  db: AppDb,
  input: NewSubmission,
  ctx: { now: Date; today: string; calendar: WorkCalendar; idempotencyKey?: string; requestId?: string },
): Promise<{ receipt: SubmissionReceiptDto; replayed: boolean; email?: string }> {
  const bodyHash = sha256(JSON.stringify(input));
  const idem = ctx.idempotencyKey ? sha256(`public-submission:${ctx.idempotencyKey}`) : null;
  const replay = async () => {
    if (!idem) return null;
    const [row] = await db.select().from(publicSubmissions).where(eq(publicSubmissions.idempotencyKey, idem));
    if (!row) return null;
    if (row.bodyHash !== bodyHash)
      throw new DomainError(
        "idempotency_key_reused",
        "/Idempotency-Key",
        "Mã Idempotency-Key này đã dùng cho một lần gửi khác; mỗi lần gửi hồ sơ cần một mã mới",
      );
    return {
      receipt: receiptDto(row, (await agencyName(db, row.agencyId)) ?? row.agencyId, ctx.calendar),
      replayed: true,
    };
  };
  const first = await replay();
  if (first) return first;

  const files = checkAttachments(input.attachments);
  const target = submissionTarget(input.kind, input.answers, ctx.today);
  if (!target)
    throw new DomainError(
      "no_target",
      "answers",
      "Chưa xác định được cơ quan nhận hồ sơ từ câu trả lời; hãy chọn tỉnh, thành phố nơi xảy ra việc hoặc gửi đề nghị hỗ trợ",
    );
  const name = await agencyName(db, target.agency_id);
  if (!name)
    throw new DomainError(
      "agency_not_available",
      "answers",
      "Cơ quan nhận hồ sơ chưa có trong hệ thống; hãy nộp hồ sơ trực tiếp hoặc qua đường bưu chính",
    );
  const salt = randomBytes(16).toString("hex");
  const p = input.person;
  try {
    const row = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(publicSubmissions)
        .values({
          code: newCode(),
          kind: input.kind,
          agencyId: target.agency_id,
          determinedBySoTuPhap: target.determined_by_so_tu_phap,
          submittedAt: ctx.now,
          submittedOn: ctx.today,
          answers: input.answers,
          personName: p.full_name,
          personDateOfBirth: p.date_of_birth ?? null,
          personIdNumber: p.id_number ?? null,
          personAddress: p.address,
          personPhone: p.phone ?? null,
          personEmail: p.email ?? null,
          facts: input.facts,
          request: input.request,
          factorKind: input.factor.kind,
          factorHash: hashFactor(input.factor.value, salt),
          factorSalt: salt,
          consentAt: ctx.now,
          consentTextVersion: input.consent.text_version,
          idempotencyKey: idem,
          bodyHash,
        })
        .returning();
      if (files.length)
        await tx.insert(publicSubmissionFiles).values(
          files.map((f, i) => ({
            submissionId: row.id,
            position: i + 1,
            kind: f.kind,
            title: f.title,
            fileName: f.fileName,
            mimeType: f.mimeType,
            size: f.bytes.length,
            sha256: sha256(f.bytes),
            content: f.bytes,
          })),
        );
      await tx
        .insert(publicSubmissionSteps)
        .values({ submissionId: row.id, step: "received", on: ctx.today, at: ctx.now, agencyId: target.agency_id });
      // The receiving agency's bell rings, as it does when the Sở Tư pháp forwards a file (no personal data in it).
      const due = answerBy(ctx.calendar, row.kind as SubmissionKind, row.submittedOn, row.determinedBySoTuPhap);
      await insertNotifications(tx, [
        {
          key: `public_submission:received:${row.id}`,
          agency_id: target.agency_id,
          kind: "public_submission",
          title: `${row.kind === "claim" ? "Hồ sơ yêu cầu bồi thường" : "Đề nghị hỗ trợ"} mới gửi trực tuyến, mã ${row.code}`,
          body: row.determinedBySoTuPhap
            ? "Người gửi chưa rõ cơ quan giải quyết bồi thường: Sở Tư pháp xác định cơ quan và chuyển hồ sơ (Luật TNBTCNN 2017, Điều 41 khoản 4)."
            : `Hãy xem xét hồ sơ${due ? ` — ${due.label}` : ""}.`,
          entity: "public_submission",
          entity_id: row.id,
          url: `/public-submissions/${row.id}`,
          ...(due ? { due: due.date } : {}),
        },
      ]);
      await appendAudit(tx, {
        actor_user_id: null,
        actor_agency_id: null,
        request_id: ctx.requestId ?? null,
        action: "public_submission.create",
        entity: "public_submission",
        entity_id: row.id,
        // No personal data in the audit trail: what arrived, where, and the consent record.
        after: {
          kind: row.kind,
          agency_id: row.agencyId,
          determined_by_so_tu_phap: row.determinedBySoTuPhap,
          submitted_on: row.submittedOn,
          attachments: files.length,
          consent: { at: ctx.now.toISOString(), text_version: input.consent.text_version },
        },
      });
      return row;
    });
    return { receipt: receiptDto(row, name, ctx.calendar), replayed: false, email: p.email };
  } catch (e) {
    // A concurrent repeat with the same key lost the race on the unique index: answer as a repeat.
    const again = await replay().catch(() => null);
    if (again) return again;
    throw e;
  }
}

const NOT_FOUND = () =>
  new DomainError(
    "not_found",
    "code",
    "Không tìm thấy hồ sơ với mã và thông tin xác thực này. Hãy kiểm tra lại mã trên phiếu tiếp nhận và số điện thoại hoặc 4 số cuối giấy tờ tùy thân.",
  );
// Hashing a dummy for an unknown code keeps the time of both refusals alike.
const DUMMY_SALT = randomBytes(16).toString("hex");
// Computed on first use, not at import: scrypt costs ~16 MB and tens of ms of the server's start-up.
let dummyHash: string | undefined;
const DUMMY_HASH = () => {
  dummyHash ??= hashFactor("0000", DUMMY_SALT);
  return dummyHash;
};

/** The submission for (code, factor), compared in constant time; the same error for an unknown code or wrong factor. */
export async function findByCodeAndFactor(db: AppDb, code: string, factor: string) {
  const c = normalizeReceiptCode(code);
  const [row] =
    c.length === RECEIPT_CODE_LENGTH
      ? await db.select().from(publicSubmissions).where(eq(publicSubmissions.code, c))
      : [];
  const expected = Buffer.from(row ? row.factorHash : DUMMY_HASH(), "hex");
  const given = Buffer.from(hashFactor(factor, row ? row.factorSalt : DUMMY_SALT), "hex");
  const ok = timingSafeEqual(expected, given) && row !== undefined;
  if (!ok) throw NOT_FOUND();
  return row;
}

export type SubmissionStepRow = { step: SubmissionStep; on: string; agency_id: string; agency_name: string };

export async function stepsOf(db: AppDb, submissionId: string): Promise<SubmissionStepRow[]> {
  const rows = await db
    .select({
      step: publicSubmissionSteps.step,
      on: publicSubmissionSteps.on,
      agencyId: publicSubmissionSteps.agencyId,
      name: agencies.name,
    })
    .from(publicSubmissionSteps)
    .innerJoin(agencies, eq(agencies.id, publicSubmissionSteps.agencyId))
    .where(eq(publicSubmissionSteps.submissionId, submissionId))
    .orderBy(asc(publicSubmissionSteps.id));
  return rows.map((r) => ({ step: r.step as SubmissionStep, on: r.on, agency_id: r.agencyId, agency_name: r.name }));
}

export async function filesOf(db: AppDb, submissionId: string) {
  return db
    .select({
      id: publicSubmissionFiles.id,
      kind: publicSubmissionFiles.kind,
      title: publicSubmissionFiles.title,
      file_name: publicSubmissionFiles.fileName,
      mime_type: publicSubmissionFiles.mimeType,
      size: publicSubmissionFiles.size,
    })
    .from(publicSubmissionFiles)
    .where(eq(publicSubmissionFiles.submissionId, submissionId))
    .orderBy(asc(publicSubmissionFiles.position));
}

export { agencyName, receiptDto };

/**
 * The steps the handling agency recorded on the claim made from a submission, for the person following it: the step's
 * name, its date and the agency — never its note or data (numbers, amounts, names stay with the agency). The claim's
 * own "received" is the submission's acceptance, already in the submission's steps.
 */
async function claimStepsOf(db: AppDb, claimId: string) {
  const rows = await db
    .select({ type: claimEvents.type, date: claimEvents.date, agency: agencies.name })
    .from(claimEvents)
    .innerJoin(claims, eq(claims.id, claimEvents.claimId))
    .innerJoin(agencies, eq(agencies.id, claims.handlingAgencyId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.date), asc(claimEvents.seq));
  return rows
    .filter((r) => r.type !== "received" && isEventType(r.type))
    .map((r) => ({
      step: `claim:${r.type}`,
      label: EVENT_LABELS_VI[r.type as keyof typeof EVENT_LABELS_VI],
      on: r.date,
      agency: r.agency,
    }));
}

/** What the status page shows: the current step, who holds the file, the next statutory date — no personal data. */
export async function submissionStatus(db: AppDb, row: typeof publicSubmissions.$inferSelect, cal: WorkCalendar) {
  const steps = await stepsOf(db, row.id);
  const last = steps[steps.length - 1]!;
  const kind = row.kind as SubmissionKind;
  let next: StatutoryDate | null = null;
  let claim: { code: string; step_label: string } | null = null;
  let claimSteps: Array<{ step: string; label: string; on: string; agency: string }> = [];
  if (row.status === "received") next = answerBy(cal, kind, row.submittedOn, row.determinedBySoTuPhap);
  else if (row.status === "forwarded") next = answerBy(cal, kind, last.on, false);
  else if (row.status === "accepted" && row.claimId) {
    const [c] = await db
      .select({ code: claims.code, state: claims.state })
      .from(claims)
      .where(eq(claims.id, row.claimId));
    if (c) claim = { code: c.code, step_label: PHASE_LABELS_VI[c.state as Phase] ?? c.state };
    claimSteps = await claimStepsOf(db, row.claimId);
    const [d] = await db
      .select()
      .from(claimDeadlines)
      .where(
        and(
          eq(claimDeadlines.claimId, row.claimId),
          eq(claimDeadlines.kind, "deadline"),
          inArray(claimDeadlines.status, ["open", "overdue"]),
        ),
      )
      .orderBy(asc(claimDeadlines.due))
      .limit(1);
    if (d?.due)
      next = {
        key: d.step,
        label: d.label ?? d.step,
        date: d.due,
        basis: d.basis ?? "",
        confidence: d.confidence === "unverified" ? "unverified" : "confirmed",
        explanation: (d.explanation as StatutoryDate["explanation"]) ?? [],
      };
  }
  return {
    code: row.code,
    kind,
    submitted_on: row.submittedOn,
    step: row.status as SubmissionStep,
    step_label: SUBMISSION_STEP_VI[row.status as SubmissionStep],
    step_on: last.on,
    holder: { id: last.agency_id, name: last.agency_name },
    next_date: next,
    history: [
      ...steps.map((s) => ({ step: s.step, label: SUBMISSION_STEP_VI[s.step], on: s.on, agency: s.agency_name })),
      ...claimSteps,
    ],
    consent_withdrawn_on: row.consentWithdrawnAt ? toVnDate(row.consentWithdrawnAt) : null,
    // The linked claim's number and current step (issue 15 item 5), and the holder's answer or reason for refusal.
    claim,
    answer: row.status === "answered" || row.status === "refused" ? row.answerText : null,
  };
}
