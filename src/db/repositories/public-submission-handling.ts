// Officers' reads of online submissions (issue 15): the list of an agency's submissions, one submission with the
// person's data masked (revealed on request, audited like a claimant's), and its attached files. Scope: only an agency
// that held the submission sees it — the one it landed with (or the Sở Tư pháp when the handling agency was unclear)
// and the agency it was forwarded to; only the current holder acts on it (public-submission-decisions.ts).
import { and, asc, count, desc, eq, exists, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { PHASE_LABELS_VI, type Phase } from "../../domain/claims/index.ts";
import {
  allowedActions,
  answerBy,
  type HandlingAction,
  maskPerson,
  type PersonFields,
  SUBMISSION_STEP_VI,
  type SubmissionKind,
  type SubmissionStep,
} from "../../domain/portal/index.ts";
import { toVnDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, claims, publicSubmissionFiles, publicSubmissionSteps, publicSubmissions } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { normalizePage, notFound, type Page, type PageResult } from "./common.ts";
import { agencyName, filesOf, stepsOf } from "./public-submissions.ts";

type Row = typeof publicSubmissions.$inferSelect;

/** SQL: the caller's agency held this submission at some step (it landed there or was forwarded there). */
function heldByCaller(scope: Scope): SQL {
  if (!scope.agencyId) return sql`false`;
  return exists(
    sql`(select 1 from ${publicSubmissionSteps} where ${publicSubmissionSteps.submissionId} = ${publicSubmissions.id} and ${publicSubmissionSteps.agencyId} = ${scope.agencyId})`,
  );
}

/** The submission if the caller's agency held it; 404 otherwise (its existence is not revealed). */
export async function visibleSubmission(db: AppDb, scope: Scope, id: string): Promise<Row> {
  requirePermission(scope, "claims.read");
  const [row] = await db
    .select()
    .from(publicSubmissions)
    .where(and(eq(publicSubmissions.id, id), heldByCaller(scope)));
  if (!row) throw notFound("hồ sơ gửi trực tuyến");
  return row;
}

/** Only the current holder acts: an agency that forwarded the file (or any other) is refused before anything is written. */
export function requireHolder(scope: Scope, row: Pick<Row, "agencyId">): void {
  if (row.agencyId !== scope.agencyId)
    throw new DomainError(
      "forbidden",
      "id",
      "Hồ sơ này đang do cơ quan khác giữ; chỉ cơ quan đang giữ hồ sơ mới được xử lý.",
    );
}

/**
 * The day the current holder received the file: the submission day, or for a file the Sở Tư pháp forwarded the
 * forwarding day (Luật TNBTCNN 2017, Điều 41 khoản 4) — a row changes (updatedAt) only when its status does.
 */
export function receivedByHolderOn(r: Row): string {
  return r.status === "forwarded" ? toVnDate(r.updatedAt) : r.submittedOn;
}

/** The date by which the holder must act (Điều 43 khoản 1 / Điều 41 khoản 4); a forwarded file counts from the forwarding. */
function dueOf(r: Row): string | null {
  if (r.status !== "received" && r.status !== "forwarded") return null;
  const from = receivedByHolderOn(r);
  return (
    answerBy(defaultCalendar, r.kind as SubmissionKind, from, r.status === "received" && r.determinedBySoTuPhap)
      ?.date ?? null
  );
}

export type SubmissionListItem = {
  id: string;
  code: string;
  kind: SubmissionKind;
  status: SubmissionStep;
  status_label: string;
  submitted_on: string;
  person_name: string;
  holder: { id: string; name: string };
  determined_by_so_tu_phap: boolean;
  due: string | null;
  attachments: number;
  claim_id: string | null;
  /** The caller's agency holds it now (may act). */
  held_here: boolean;
};

export type SubmissionFilter = { status?: SubmissionStep[]; kind?: SubmissionKind };

/** The submissions the caller's agency holds or held, newest first (person's data beyond the name not listed). */
export async function listHandledSubmissions(
  db: AppDb,
  scope: Scope,
  filter: SubmissionFilter = {},
  page: Page = {},
): Promise<PageResult<SubmissionListItem>> {
  requirePermission(scope, "claims.read");
  const { limit, offset } = normalizePage(page);
  const conds: SQL[] = [heldByCaller(scope)];
  if (filter.status?.length) conds.push(inArray(publicSubmissions.status, filter.status));
  if (filter.kind) conds.push(eq(publicSubmissions.kind, filter.kind));
  const where = and(...conds);
  const files = db
    .select({ sid: publicSubmissionFiles.submissionId, n: count().as("n") })
    .from(publicSubmissionFiles)
    .groupBy(publicSubmissionFiles.submissionId)
    .as("files");
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({ s: publicSubmissions, name: agencies.name, files: files.n })
      .from(publicSubmissions)
      .innerJoin(agencies, eq(agencies.id, publicSubmissions.agencyId))
      .leftJoin(files, eq(files.sid, publicSubmissions.id))
      .where(where)
      .orderBy(desc(publicSubmissions.submittedAt), asc(publicSubmissions.code))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(publicSubmissions).where(where),
  ]);
  return {
    items: rows.map(({ s, name, files: nFiles }) => ({
      id: s.id,
      code: s.code,
      kind: s.kind as SubmissionKind,
      status: s.status as SubmissionStep,
      status_label: SUBMISSION_STEP_VI[s.status as SubmissionStep],
      submitted_on: s.submittedOn,
      person_name: s.personName,
      holder: { id: s.agencyId, name },
      determined_by_so_tu_phap: s.determinedBySoTuPhap && s.status === "received",
      due: dueOf(s),
      attachments: Number(nFiles ?? 0),
      claim_id: s.claimId,
      held_here: s.agencyId === scope.agencyId,
    })),
    total: Number(n),
    limit,
    offset,
  };
}

function personOf(r: Row): PersonFields {
  return {
    full_name: r.personName,
    date_of_birth: r.personDateOfBirth,
    id_number: r.personIdNumber,
    address: r.personAddress,
    phone: r.personPhone,
    email: r.personEmail,
  };
}

/**
 * One submission as an officer sees it: the person masked unless `reveal` (claims.personal_data; the read is audited),
 * the request, the files, the steps and what the caller may do now.
 */
export async function getHandledSubmission(db: AppDb, scope: Scope, id: string, opts: { reveal?: boolean } = {}) {
  const r = await visibleSubmission(db, scope, id);
  if (opts.reveal) {
    requirePermission(scope, "claims.personal_data");
    await db.transaction(async (tx) => {
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "public_submission.personal_data.read",
        entity: "public_submission",
        entity_id: id,
        after: {
          fields: ["person_date_of_birth", "person_id_number", "person_address", "person_phone", "person_email"],
        },
      });
    });
  }
  const [holderName, steps, files, claim] = await Promise.all([
    agencyName(db, r.agencyId),
    stepsOf(db, id),
    filesOf(db, id),
    r.claimId
      ? db
          .select({ id: claims.id, code: claims.code, state: claims.state, agency: claims.handlingAgencyId })
          .from(claims)
          .where(eq(claims.id, r.claimId))
          .then((x) => x[0])
      : undefined,
  ]);
  const held = r.agencyId === scope.agencyId;
  const state = {
    kind: r.kind as SubmissionKind,
    status: r.status as SubmissionStep,
    determined_by_so_tu_phap: r.determinedBySoTuPhap,
  };
  return {
    id: r.id,
    code: r.code,
    kind: state.kind,
    status: state.status,
    status_label: SUBMISSION_STEP_VI[state.status],
    submitted_on: r.submittedOn,
    submitted_at: r.submittedAt.toISOString(),
    holder: { id: r.agencyId, name: holderName ?? r.agencyId },
    determined_by_so_tu_phap: r.determinedBySoTuPhap && r.status === "received",
    due: dueOf(r),
    person: maskPerson(personOf(r), !!opts.reveal),
    answers: r.answers as Record<string, string>,
    facts: r.facts,
    request: r.request as Record<string, unknown>,
    files,
    steps: steps.map((s) => ({ step: s.step, label: SUBMISSION_STEP_VI[s.step], on: s.on, agency: s.agency_name })),
    answer_text: r.answerText,
    claim: claim
      ? {
          id: claim.id,
          code: claim.code,
          state: claim.state,
          state_label: PHASE_LABELS_VI[claim.state as Phase] ?? claim.state,
        }
      : null,
    consent: {
      at: r.consentAt.toISOString(),
      text_version: r.consentTextVersion,
      withdrawn_at: r.consentWithdrawnAt ? r.consentWithdrawnAt.toISOString() : null,
    },
    held_here: held,
    actions: (held ? allowedActions(state) : []) as HandlingAction[],
    version: r.version,
  };
}

/** One attached file of a submission the caller's agency held. */
export async function readSubmissionFile(db: AppDb, scope: Scope, id: string, fileId: string) {
  await visibleSubmission(db, scope, id);
  const [f] = await db
    .select()
    .from(publicSubmissionFiles)
    .where(and(eq(publicSubmissionFiles.submissionId, id), eq(publicSubmissionFiles.id, fileId)));
  if (!f) throw notFound("tệp đính kèm", "file_id");
  return { fileName: f.fileName, mimeType: f.mimeType, bytes: Buffer.from(f.content) };
}
