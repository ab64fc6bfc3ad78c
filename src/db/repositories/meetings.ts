// Meetings and field trips on complex, backlogged, prolonged cases (KH 2021 mục II.2): "Trên cơ sở danh mục vụ việc
// phức tạp, tồn đọng, kéo dài, Cục Bồi thường nhà nước phối hợp với Tổng cục Thi hành án dân sự tổ chức cuộc họp định kỳ
// hoặc đột xuất …; trường hợp cần thiết … tổ chức đoàn công tác tại địa phương …; Kết quả: Báo cáo kết quả cuộc họp hoặc
// báo cáo kết quả công tác tại địa phương."
// A meeting is scheduled FROM a case-list snapshot (the cases discussed come from it, or are claims in the caller's
// scope); recording the outcome issues the report (.docx, number from the lead agency's outgoing register) stored as an
// attachment and linked as evidence to the plan's task instance for KH 2021 mục II.2, when one exists.
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, attachments, claims, meetings } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { agencyNames } from "./agency-lookup.ts";
import { attachmentColumns } from "./attachments.ts";
import { getCaseListSnapshot, type SnapshotRowOut } from "./case-lists.ts";
import { claimListWhere } from "./claims.ts";
import { notFound, staleVersion, todayVn, toSnake } from "./common.ts";
import { issueDocument, type Signer } from "./letters.ts";
import { linkTaskEvidence } from "./task-evidence.ts";
import { latestLedTaskInstance } from "./task-scope.ts";

export const MEETING_BASIS = "KH 2021 mục II.2";
/** Task ref of KH 2021 mục II.2 in an imported plan. */
const TASK_REF = "II.2";
export const MEETING_VARIANTS = ["meeting", "field_trip"] as const;
export type MeetingVariant = (typeof MEETING_VARIANTS)[number];

export type MeetingInput = {
  snapshot_id?: string;
  /** Lead agency (cơ quan chủ trì); default the caller's agency. */
  agency_id?: string;
  variant: MeetingVariant;
  topic: string;
  held_on: IsoDate;
  held_until?: IsoDate;
  venue: string;
  /** Participating agencies (ids). */
  participant_agency_ids: string[];
  agenda: string[];
  claim_ids: string[];
};

export type CaseOutcome = { claim_id: string; status: string; direction?: string };

export type MeetingOutcomeInput = {
  version: number;
  chair?: string;
  results: Array<{ heading: string; paragraphs: string[] }>;
  conclusions: string[];
  proposals?: string[];
  cases?: CaseOutcome[];
  report_to?: string[];
  signature: Signer;
  /** Date of the report; default today. */
  date?: IsoDate;
  unit_code?: string;
};

type MeetingRow = typeof meetings.$inferSelect;
export type MeetingCase = {
  claim_id: string;
  code: string;
  claimant: string;
  handling_agency_id: string;
  handling_agency: string;
};

function visible(scope: Scope): SQL | undefined {
  return scopeCondition(scope, meetings.agencyId);
}

async function loadMeeting(db: AppDb, scope: Scope, id: string, lock = false): Promise<MeetingRow> {
  const sc = visible(scope);
  const q = db
    .select()
    .from(meetings)
    .where(sc ? and(eq(meetings.id, id), sc) : eq(meetings.id, id));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("cuộc họp / đoàn công tác");
  return row;
}

/** The cases discussed: rows of the snapshot first, then claims in scope (code, claimant, handling agency). */
async function resolveCases(
  db: AppDb,
  scope: Scope,
  claimIds: string[],
  snapshotRows: SnapshotRowOut[] | null,
): Promise<MeetingCase[]> {
  const bySnap = new Map((snapshotRows ?? []).map((r) => [r.claim_id, r]));
  const others = claimIds.filter((id) => !bySnap.has(id));
  const found = new Map<string, MeetingCase>();
  if (others.length) {
    const where = claimListWhere(scope);
    const cond = inArray(claims.id, others);
    const rows = await db
      .select({
        id: claims.id,
        code: claims.code,
        claimant: claims.claimantName,
        handling: claims.handlingAgencyId,
        agency: agencies.name,
      })
      .from(claims)
      .innerJoin(agencies, eq(agencies.id, claims.handlingAgencyId))
      .where(where ? and(cond, where) : cond);
    for (const r of rows)
      found.set(r.id, {
        claim_id: r.id,
        code: r.code,
        claimant: r.claimant,
        handling_agency_id: r.handling,
        handling_agency: r.agency,
      });
  }
  return claimIds.map((id, i) => {
    const s = bySnap.get(id);
    if (s)
      return {
        claim_id: id,
        code: s.claim_code,
        claimant: s.claimant,
        handling_agency_id: s.handling_agency_id,
        handling_agency: s.handling_agency,
      };
    const f = found.get(id);
    if (!f)
      throw new DomainError(
        "invalid_claim",
        `claim_ids[${i}]`,
        "Vụ việc không có trong danh mục đã chọn và không thuộc phạm vi dữ liệu của bạn.",
      );
    return f;
  });
}

async function detail(db: AppDb, row: MeetingRow) {
  const ids = [row.agencyId, ...row.participants];
  const names = await agencyNames(db, ids);
  const files = await db
    .select(attachmentColumns)
    .from(attachments)
    .where(and(eq(attachments.entity, "meeting"), eq(attachments.entityId, row.id)))
    .orderBy(desc(attachments.createdAt));
  const { outcome, ...rest } = row;
  const stored = (outcome ?? null) as { cases?: MeetingCase[] } | null;
  return {
    ...toSnake(rest),
    agency: names.get(row.agencyId)?.name ?? row.agencyId,
    participant_agencies: row.participants.map((id) => ({ id, name: names.get(id)?.name ?? id })),
    outcome: stored,
    report_files: files.map((f) => toSnake(f)),
  };
}
export type MeetingDetail = Awaited<ReturnType<typeof detail>>;

/**
 * Schedules a meeting or field trip. The snapshot (when given) must be visible; every claim discussed must be a row of
 * it or a claim in the caller's scope. The plan's task instance for KH 2021 mục II.2 (in scope, latest) is linked.
 */
export async function createMeeting(db: AppDb, scope: Scope, input: MeetingInput): Promise<MeetingDetail> {
  requirePermission(scope, "plans.write");
  const agencyId = input.agency_id ?? scope.agencyId;
  if (!agencyId) throw new DomainError("no_agency", "agency_id", "Chưa chọn cơ quan chủ trì.");
  // The lead agency is who the caller acts for; participants are invitees (partners), only checked to exist.
  requireWritableAgencies(scope, [["agency_id", agencyId]]);
  if (!(MEETING_VARIANTS as readonly string[]).includes(input.variant))
    throw new DomainError(
      "invalid_variant",
      "variant",
      "Hình thức phải là cuộc họp (meeting) hoặc đoàn công tác (field_trip).",
    );
  if (input.held_until && input.held_until < input.held_on)
    throw new DomainError("invalid_date", "held_until", "Ngày kết thúc không được trước ngày bắt đầu.");
  const snapshot = input.snapshot_id ? await getCaseListSnapshot(db, scope, input.snapshot_id) : null;
  const claimIds = [...new Set(input.claim_ids)];
  const cases = await resolveCases(db, scope, claimIds, snapshot?.rows ?? null);
  const participants = [...new Set(input.participant_agency_ids)];
  const known = await agencyNames(db, [agencyId, ...participants]);
  if (!known.has(agencyId)) throw notFound("cơ quan chủ trì", "agency_id");
  participants.forEach((p, i) => {
    if (!known.has(p)) throw notFound("cơ quan tham gia", `participant_agency_ids[${i}]`);
  });
  return db.transaction(async (tx) => {
    const instance = await latestLedTaskInstance(tx, scope, TASK_REF);
    const [row] = await tx
      .insert(meetings)
      .values({
        agencyId,
        variant: input.variant,
        topic: input.topic,
        heldOn: input.held_on,
        heldUntil: input.held_until ?? null,
        venue: input.venue,
        participants,
        agenda: input.agenda,
        claimIds: cases.map((c) => c.claim_id),
        snapshotId: snapshot?.id ?? null,
        taskInstanceId: instance?.id ?? null,
        basis: MEETING_BASIS,
        createdBy: scope.userId,
        outcome: { cases },
      })
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "meeting.create",
      entity: "meeting",
      entity_id: row.id,
      after: toSnake(row),
    });
    return detail(tx, row);
  });
}

export async function listMeetings(
  db: AppDb,
  scope: Scope,
  filter: { status?: string; snapshot_id?: string } = {},
): Promise<MeetingDetail[]> {
  const conds: SQL[] = [];
  const sc = visible(scope);
  if (sc) conds.push(sc);
  if (filter.status) conds.push(eq(meetings.status, filter.status));
  if (filter.snapshot_id) conds.push(eq(meetings.snapshotId, filter.snapshot_id));
  const rows = await db
    .select()
    .from(meetings)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
    .limit(500);
  return Promise.all(rows.map((r) => detail(db, r)));
}

export async function getMeeting(db: AppDb, scope: Scope, id: string): Promise<MeetingDetail> {
  return detail(db, await loadMeeting(db, scope, id));
}

/**
 * Records the outcome and issues the report (báo cáo kết quả cuộc họp / công tác tại địa phương) in ONE transaction:
 * next number of the lead agency's outgoing register, .docx stored as an attachment of the meeting, meeting marked
 * "held", report linked as evidence to the KH 2021 mục II.2 task instance (completed on the report date).
 */
export async function recordMeetingOutcome(
  db: AppDb,
  scope: Scope,
  id: string,
  input: MeetingOutcomeInput,
): Promise<MeetingDetail & { report: { attachment_id: string; number: string; file_name: string } }> {
  requirePermission(scope, "plans.write");
  requirePermission(scope, "register.allocate");
  const date = input.date ?? todayVn();
  return db.transaction(async (tx) => {
    const m = await loadMeeting(tx, scope, id, true);
    if (m.version !== input.version) throw staleVersion("Cuộc họp", input.version, m.version);
    if (m.status === "held")
      throw new DomainError("already_held", "status", "Đã ghi nhận kết quả và ban hành báo cáo cho cuộc họp này.");
    if (date < m.heldOn)
      throw new DomainError("invalid_date", "date", "Ngày báo cáo không được trước ngày họp / ngày bắt đầu công tác.");
    const prev = (m.outcome ?? {}) as { cases?: MeetingCase[] };
    const cases = prev.cases ?? [];
    const byId = new Map((input.cases ?? []).map((c) => [c.claim_id, c]));
    (input.cases ?? []).forEach((c, i) => {
      if (!m.claimIds.includes(c.claim_id))
        throw new DomainError(
          "invalid_claim",
          `cases[${i}].claim_id`,
          "Vụ việc này không thuộc danh sách được xem xét.",
        );
    });
    const names = await agencyNames(tx, m.participants);
    const outcome = {
      cases: cases.map((c) => ({ ...c, ...(byId.get(c.claim_id) ?? {}) })),
      chair: input.chair ?? null,
      results: input.results,
      conclusions: input.conclusions,
      proposals: input.proposals ?? [],
      report_to: input.report_to ?? [],
      recorded_on: date,
    };
    const doc = await issueDocument(tx, scope, {
      issuingAgencyId: m.agencyId,
      builder: "meeting_report",
      subject: `Báo cáo kết quả ${m.variant === "field_trip" ? "công tác tại địa phương" : "cuộc họp"} về ${m.topic}`,
      entity: "meeting",
      entityId: m.id,
      date,
      unitCode: input.unit_code,
      body: {
        signature: input.signature,
        variant: m.variant,
        topic: m.topic,
        held_on: m.heldOn,
        ...(m.heldUntil ? { held_until: m.heldUntil } : {}),
        venue: m.venue,
        ...(input.chair ? { chair: input.chair } : {}),
        participants: m.participants.map((p) => `Đại diện ${names.get(p)?.name ?? p}`),
        ...(outcome.cases.length
          ? {
              cases: outcome.cases.map((c) => ({
                claim_code: c.code,
                claimant: c.claimant,
                handling_agency: c.handling_agency,
                status: (c as CaseOutcome).status ?? "Đã xem xét tại cuộc họp",
                ...((c as CaseOutcome).direction ? { direction: (c as CaseOutcome).direction } : {}),
              })),
            }
          : {}),
        results: input.results,
        conclusions: input.conclusions,
        ...(input.proposals?.length ? { proposals: input.proposals } : {}),
        ...(input.report_to?.length ? { report_to: input.report_to } : {}),
      },
    });
    const [after] = await tx
      .update(meetings)
      .set({
        outcome,
        status: "held",
        reportAttachmentId: doc.attachment.id,
        version: m.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(meetings.id, m.id))
      .returning();
    if (m.taskInstanceId)
      await linkTaskEvidence(
        tx,
        m.taskInstanceId,
        {
          meeting_id: m.id,
          attachment_id: doc.attachment.id,
          file_name: doc.file_name,
          number: doc.outgoing.display,
          basis: MEETING_BASIS,
        },
        { complete: date },
      );
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "meeting.outcome",
      entity: "meeting",
      entity_id: m.id,
      before: { status: m.status, version: m.version },
      after: { status: "held", version: after.version, report_attachment_id: doc.attachment.id },
    });
    return {
      ...(await detail(tx, after)),
      report: { attachment_id: doc.attachment.id, number: doc.outgoing.display, file_name: doc.file_name },
    };
  });
}

/** The latest report of a meeting (for download). */
export async function meetingReportFile(db: AppDb, scope: Scope, id: string) {
  const m = await loadMeeting(db, scope, id);
  if (!m.reportAttachmentId) throw notFound("báo cáo kết quả của cuộc họp này", "report");
  const [row] = await db.select().from(attachments).where(eq(attachments.id, m.reportAttachmentId));
  if (!row) throw notFound("báo cáo kết quả của cuộc họp này", "report");
  return row;
}
