// The objects the authorization matrix calls routes on, in / out of the Thanh Hóa scope, created by the system (not
// through the API under test), and the fixture they live in. The roles act for Sở Tư pháp Thanh Hóa (province scope);
// "in" objects belong to Thanh Hóa agencies, "out" objects to Hà Nội; system_admin sees everything.
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createCaseListSnapshot } from "../../../src/db/repositories/case-lists.ts";
import { createClaim } from "../../../src/db/repositories/claims.ts";
import { saveSelfAssessment } from "../../../src/db/repositories/evaluation.ts";
import { registerIncoming } from "../../../src/db/repositories/incoming.ts";
import { createInspection, recordResult } from "../../../src/db/repositories/inspections.ts";
import { draftRequestLetter } from "../../../src/db/repositories/letters.ts";
import { createMeeting, recordMeetingOutcome } from "../../../src/db/repositories/meetings.ts";
import { deterministicUuid, insertNotifications } from "../../../src/db/repositories/notifications.ts";
import { createPlan, createTaskInstances } from "../../../src/db/repositories/plans.ts";
import { createSubmission } from "../../../src/db/repositories/public-submissions.ts";
import { openRound, saveSubmission } from "../../../src/db/repositories/reports.ts";
import { createRequest } from "../../../src/db/repositories/requests.ts";
import { createTraining } from "../../../src/db/repositories/trainings.ts";
import {
  attachments,
  claimDocuments,
  type claims,
  type plans,
  publicDataRequests,
  publicSubmissionFiles,
  publicSubmissions,
  requestCopies,
  type requests,
  savedFilters,
  type taskInstances,
} from "../../../src/db/schema/index.ts";
import { seedScale } from "../../../src/db/seed/index.ts";
import type { Engine } from "../../../src/db/testing.ts";
import { buildClaimImportTemplate } from "../../../src/documents/xlsx/claim-import.ts";
import { SYSTEM_SCOPE } from "../../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../../src/domain/agencies/data.ts";
import { defaultCalendar } from "../../../src/domain/calendar/index.ts";
import { CONSENT_VERSION } from "../../../src/domain/portal/consent.ts";
import { todayVn } from "../../../src/domain/shared/dates.ts";
import type { BuildAppOptions } from "../../../src/http/app.ts";
import { FIXTURE_AGENCIES, type Fixture, setupFixture } from "../helpers.ts";
import type { Target } from "./matrix.ts";

/** Data volume under the matrix: 0 = the fixture's objects only; authz-matrix-10x.test.ts sets 10. */
export const SCALE = Number(process.env.BTNN_AUTHZ_SCALE ?? 0);
/** Engine: the default test engine (PostgreSQL in CI), or the one authz-matrix-10x.test.ts names. */
export const ENGINE = process.env.BTNN_AUTHZ_ENGINE as Engine | undefined;

/** The fixture under the matrix, set by setUpMatrix() before the first row runs. */
export let fx: Fixture;
let n = 0;
let caseListCalls = 0;
export const uniq = () => `${Date.now().toString(36)}${++n}`;
/** A case-list period not used before (one snapshot per agency, kind and period). */
export function nextCaseListPeriod(): string {
  const period = `${2010 + Math.floor(caseListCalls / 4)}-Q${(caseListCalls % 4) + 1}`;
  caseListCalls++;
  return period;
}

/** Objects in / out of the Thanh Hóa scope, created by the system (not through the API under test). */
export const ids = {} as Record<
  | "claim"
  | "plan"
  | "task"
  | "instance"
  | "request"
  | "user"
  | "round"
  | "attachment"
  | "notification"
  | "copyRequest"
  | "copy"
  | "letterRequest"
  | "incoming"
  | "urging"
  | "caseList"
  | "meeting"
  | "heldMeeting"
  | "training"
  | "inspection"
  | "followup"
  | "assessment"
  | "inboxItem"
  | "savedFilter",
  Record<Target, string>
>;

/** A report round opened by the Sở Tư pháp in / out of scope, its provincial THADS reporting. */
export async function newRound(t: Target): Promise<string> {
  const r = await openRound(fx.database.db, SYSTEM_SCOPE, {
    template_id: "quick-figures",
    period_kind: "custom",
    year: 2024,
    from: "2024-01-01",
    to: "2024-06-30",
    deadline: "2024-07-15",
    agency_id: AGENCY[t].stp,
    participant_ids: [AGENCY[t].thads],
  });
  return r.id;
}
/** A fresh round whose THADS tỉnh report is already submitted (to recall or return). */
export async function submittedRound(t: Target): Promise<string> {
  const id = await newRound(t);
  await saveSubmission(fx.database.db, SYSTEM_SCOPE, id, AGENCY[t].thads, { submit: true });
  return id;
}
export const AGENCY: Record<Target, { stp: string; thads: string }> = {
  in: { stp: "stp-thanh-hoa", thads: "thads-thanh-hoa" },
  out: { stp: "stp-ha-noi", thads: "thads-ha-noi" },
};

/** A meeting of the Sở Tư pháp in / out of scope (KH 2021 mục II.2) and the outcome that issues its report. */
export const meetingInput = (t: Target) => ({
  agency_id: AGENCY[t].stp,
  variant: "meeting" as const,
  topic: "vụ việc phức tạp ma trận",
  held_on: "2024-03-04",
  venue: "Trụ sở",
  participant_agency_ids: [AGENCY[t].thads],
  agenda: ["Rà soát"],
  claim_ids: [],
});
export const meetingOutcome = {
  version: 1,
  results: [{ heading: "Kết quả", paragraphs: ["Đã rà soát."] }],
  conclusions: ["Thống nhất hướng xử lý."],
  signature: { title: "Giám đốc", name: "Nguyễn Văn Ma Trận" },
  date: "2024-03-05",
};

export async function newClaim(t: Target): Promise<string> {
  const c = await createClaim(fx.database.db, SYSTEM_SCOPE, {
    field: "civil_enforcement",
    handling_agency_id: AGENCY[t].thads,
    claimant_name: "Nguyễn Văn Ma Trận",
    claimant_id_number: "038090001234",
    events: [{ type: "received", date: "2024-03-01" }],
  });
  return c.id;
}

/** The import template with one claim of the agency (received 01/3/2024). */
export async function importXlsx(agencyId: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildClaimImportTemplate([agencyId])) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Vụ việc");
  if (!ws) throw new Error("template sheet missing");
  ws.getRow(4).values = [
    "Thi hành án dân sự",
    agencyId,
    `Ma Trận ${uniq()}`,
    null,
    null,
    null,
    new Date("2024-03-01T00:00:00Z"),
  ];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A document on the claim (created once per claim, straight in the database). */
const docOf = new Map<string, string>();
export async function claimDocumentOf(claimId: string): Promise<string> {
  let id = docOf.get(claimId);
  if (!id) {
    const [row] = await fx.database.db
      .insert(claimDocuments)
      .values({
        claimId,
        kind: "evidence",
        title: "Ma trận",
        fileName: "a.pdf",
        mimeType: "application/pdf",
        content: Buffer.from("%PDF-1.4\n%%EOF\n"),
      })
      .returning({ id: claimDocuments.id });
    id = row.id;
    docOf.set(claimId, id);
  }
  return id;
}

/** A claim accepted on 05/3/2024 with the claimant's address (Mẫu 03/BTNN can be filled from it). */
export async function acceptedClaim(t: Target): Promise<string> {
  const c = await createClaim(fx.database.db, SYSTEM_SCOPE, {
    field: "civil_enforcement",
    handling_agency_id: AGENCY[t].thads,
    claimant_name: "Nguyễn Văn Ma Trận",
    claimant_address: "1 Lê Lợi, tỉnh Ma Trận",
    events: [
      { type: "received", date: "2024-03-01" },
      { type: "file_valid", date: "2024-03-04" },
      { type: "accepted", date: "2024-03-05" },
    ],
  });
  return c.id;
}

export async function version(
  table: typeof claims | typeof plans | typeof requests | typeof taskInstances,
  id: string,
) {
  const [r] = await fx.database.db.select({ v: table.version }).from(table).where(eq(table.id, id));
  return r.v;
}

/** A correction request on a submission held by the in- or out-of-scope THADS (fresh: closing changes it). */
export async function newDataRequest(t: Target): Promise<string> {
  const db = fx.database.db;
  const [s] = await db
    .insert(publicSubmissions)
    .values({
      code: `DRQ${String(nextLookup()).padStart(9, "2")}`,
      kind: "claim",
      agencyId: AGENCY[t].thads,
      submittedOn: "2026-02-20",
      answers: {},
      personName: "Trần C",
      personAddress: "Thanh Hóa",
      facts: "Kê biên nhầm",
      request: {},
      factorKind: "phone",
      factorHash: "00",
      factorSalt: "00",
      consentAt: new Date("2026-02-20T02:00:00Z"),
      consentTextVersion: CONSENT_VERSION,
      bodyHash: "00",
    })
    .returning();
  const [r] = await db
    .insert(publicDataRequests)
    .values({
      submissionId: s.id,
      kind: "correction",
      field: "address",
      requestedValue: "Số 5 Lê Lợi",
      createdOn: "2026-02-27",
    })
    .returning();
  return r.id;
}
/** A citizen's submission landing at the Sở Tư pháp in / out of scope (fresh: a decision changes it). A claim file with
 * the handling agency unclear, or a support request outside civil enforcement (Thông tư 09/2019/TT-BTP Điều 7). */
export async function newSubmission(t: Target, kind: "claim" | "support" = "claim") {
  const province = t === "in" ? "thanh-hoa" : "ha-noi";
  const r = await createSubmission(
    fx.database.db,
    {
      kind,
      answers:
        kind === "claim"
          ? { activity: "civil_enforcement", agency_kind: "unknown", province, act_date: "2025-09-10" }
          : { activity: "administration", province },
      person: { full_name: "Lê Văn Ma Trận", address: "1 Lê Lợi, Ma Trận", phone: "0912345678" },
      facts: "Kê biên nhầm tài sản.",
      request: {},
      attachments: [
        {
          kind: "evidence",
          title: "Ảnh",
          file_name: "a.pdf",
          content_base64: Buffer.from("%PDF-1.4\n").toString("base64"),
        },
      ],
      factor: { kind: "id_last4", value: "1234" },
      consent: { text_version: CONSENT_VERSION },
    },
    { now: new Date(), today: todayVn(), calendar: defaultCalendar },
  );
  const [row] = await fx.database.db
    .select({ id: publicSubmissions.id })
    .from(publicSubmissions)
    .where(eq(publicSubmissions.code, r.receipt.code));
  assert.equal(r.receipt.agency.id, AGENCY[t].stp);
  return row.id;
}
export const submissionIds = {} as Record<Target, { id: string; file: string }>;

/** Unknown receipt codes, one per call (the per-code cap of the public lookups is not what this matrix tests). */
let publicLookups = 0;
export const nextLookup = () => ++publicLookups;

export function inspectionBody(t: Target) {
  return {
    title: "Kiểm tra công tác BTNN (ma trận)",
    lead_agency_id: AGENCY[t].stp,
    year: 2024,
    team: [{ name: "Nguyễn Văn Trưởng Đoàn", title: "Phó Giám đốc", role: "leader" as const }],
    targets: [{ agency_id: AGENCY[t].thads, date: "2024-09-10" }],
  };
}
export function trainingBody(t: Target) {
  return {
    kind: "training" as const,
    title: "Tập huấn Luật TNBTCNN (ma trận)",
    organiser_agency_id: AGENCY[t].stp,
    co_organiser_agency_ids: [AGENCY[t].thads],
    date: "2024-05-10",
    participants: 40,
  };
}

/** The fixture and every object the rows call on; onRoute sees each route as it is registered. */
export async function setUpMatrix(onRoute: BuildAppOptions["onRoute"]): Promise<void> {
  fx = await setupFixture({
    engine: ENGINE,
    // Every role calls every public lookup from one address: the caps are tests/hostile/public-portal.test.ts's.
    publicLimits: { perAddress: 10_000, requestsPerMinute: 10_000 },
    onRoute,
  });
  const db = fx.database.db;
  if (SCALE > 0) {
    // Re-run under load-sized data (authz-matrix-10x.test.ts): the synthetic claims generator at SCALE× national
    // volume for the fixture's provincial agencies, so lists and lookups run over thousands of rows of both provinces.
    const rows = AGENCY_ROWS.filter(
      (a) => /thanh-hoa|ha-noi/.test(a.id) && (FIXTURE_AGENCIES as readonly string[]).includes(a.id),
    );
    const seeded = await seedScale(fx.database, SCALE, { agencies: rows, asOf: "2026-06-30", seed: 7 });
    assert.ok(seeded.claims > 100, `chỉ sinh được ${seeded.claims} vụ việc`);
  }
  ids.claim = { in: await newClaim("in"), out: await newClaim("out") };
  const planIn = await createPlan(db, SYSTEM_SCOPE, {
    agency_id: AGENCY.in.stp,
    title: "KH trong phạm vi",
    year: 2024,
    tasks: [{ content: "Nhiệm vụ 1" }],
  });
  const planOut = await createPlan(db, SYSTEM_SCOPE, {
    agency_id: AGENCY.out.stp,
    title: "KH ngoài phạm vi",
    year: 2024,
    tasks: [{ content: "Nhiệm vụ 1" }],
  });
  ids.plan = { in: planIn.id, out: planOut.id };
  ids.task = { in: planIn.tasks[0].id, out: planOut.tasks[0].id };
  const [tiIn] = await createTaskInstances(db, SYSTEM_SCOPE, [
    { task_id: ids.task.in, agency_id: AGENCY.in.thads, coordinator_agency_ids: [AGENCY.in.stp] },
  ]);
  const [tiOut] = await createTaskInstances(db, SYSTEM_SCOPE, [
    { task_id: ids.task.out, agency_id: AGENCY.out.thads, coordinator_agency_ids: [AGENCY.out.stp] },
  ]);
  ids.instance = { in: tiIn.id, out: tiOut.id };
  const rIn = await createRequest(db, SYSTEM_SCOPE, {
    kind: "guidance",
    from_agency_id: AGENCY.in.stp,
    to_agency_id: "cuc-btnn",
    topic: "Trong phạm vi",
  });
  const rOut = await createRequest(db, SYSTEM_SCOPE, {
    kind: "guidance",
    from_agency_id: AGENCY.out.stp,
    to_agency_id: "cuc-btnn",
    topic: "Ngoài phạm vi",
  });
  ids.request = { in: rIn.id, out: rOut.id };
  ids.user = { in: fx.userIds.officer_phong, out: fx.userIds.officer_hn };
  // Coordination objects (issue 4), in and out of the Thanh Hóa scope.
  for (const t of ["in", "out"] as const) {
    const stp = AGENCY[t].stp;
    const [att] = await db
      .insert(attachments)
      .values({
        entity: "task_instance",
        entityId: ids.instance[t],
        agencyId: AGENCY[t].thads,
        kind: "upload",
        fileName: "Minh chứng.txt",
        mimeType: "text/plain; charset=utf-8",
        size: 3,
        sha256: "0".repeat(64),
        storage: "db",
        content: Buffer.from("abc"),
      })
      .returning({ id: attachments.id });
    const fwd = await createRequest(db, SYSTEM_SCOPE, {
      kind: "document_forward",
      from_agency_id: AGENCY[t].thads,
      to_agency_id: "cuc-btnn",
      topic: "Sao chuyển ma trận",
    });
    const [copy] = await db
      .insert(requestCopies)
      .values({ requestId: fwd.id, fromAgencyId: "cuc-btnn", toAgencyId: stp, purpose: "copy" })
      .returning({ id: requestCopies.id });
    const letterReq = await createRequest(db, SYSTEM_SCOPE, {
      kind: "guidance",
      from_agency_id: AGENCY[t].thads,
      to_agency_id: stp,
      topic: "Đề nghị hướng dẫn ma trận",
    });
    await draftRequestLetter(db, SYSTEM_SCOPE, letterReq.id, {
      issuing_agency_id: stp,
      signature: { title: "Giám đốc", name: "Nguyễn Văn Ma Trận" },
      fields: { points: ["Nội dung hướng dẫn."] },
    });
    const urging = await createRequest(db, SYSTEM_SCOPE, {
      kind: "urging",
      from_agency_id: stp,
      to_agency_id: AGENCY[t].thads,
      topic: "Đôn đốc ma trận",
      due: "2024-02-01",
    });
    const list = await createCaseListSnapshot(db, SYSTEM_SCOPE, {
      kind: "quarter_2009",
      period: "2024-Q1",
      as_of: "2024-01-10",
      agency_id: stp,
    });
    ids.attachment ??= {} as Record<Target, string>;
    ids.attachment[t] = att.id;
    ids.copyRequest ??= {} as Record<Target, string>;
    ids.copyRequest[t] = fwd.id;
    ids.copy ??= {} as Record<Target, string>;
    ids.copy[t] = copy.id;
    ids.letterRequest ??= {} as Record<Target, string>;
    ids.letterRequest[t] = letterReq.id;
    ids.incoming ??= {} as Record<Target, string>;
    ids.incoming[t] = (
      await registerIncoming(db, SYSTEM_SCOPE, {
        agency_id: stp,
        received_on: "2024-03-05",
        issuer: "Cục THADS",
        subject: "Văn bản ma trận",
        request_id: letterReq.id,
      })
    ).id;
    ids.urging ??= {} as Record<Target, string>;
    ids.urging[t] = urging.id;
    ids.caseList ??= {} as Record<Target, string>;
    ids.caseList[t] = list.id;
    ids.meeting ??= {} as Record<Target, string>;
    ids.meeting[t] = (await createMeeting(db, SYSTEM_SCOPE, meetingInput(t))).id;
    const held = await createMeeting(db, SYSTEM_SCOPE, meetingInput(t));
    await recordMeetingOutcome(db, SYSTEM_SCOPE, held.id, meetingOutcome);
    ids.heldMeeting ??= {} as Record<Target, string>;
    ids.heldMeeting[t] = held.id;
  }
  // A notification addressed to nobody the matrix roles act for (another agency, another user).
  await insertNotifications(db, [
    {
      key: "matrix:other",
      agency_id: "stp-ha-noi",
      user_id: fx.userIds.officer_hn,
      kind: "info",
      title: "Thông báo khác",
    },
  ]);
  ids.notification = { in: deterministicUuid("matrix:other"), out: deterministicUuid("matrix:other") };
  // An item of each Sở Tư pháp's inbox: a request addressed to it.
  ids.inboxItem = {} as Record<Target, string>;
  for (const t of ["in", "out"] as const)
    ids.inboxItem[t] = (
      await createRequest(db, SYSTEM_SCOPE, {
        kind: "guidance",
        from_agency_id: AGENCY[t].thads,
        to_agency_id: AGENCY[t].stp,
        topic: "Việc trong hộp việc",
      })
    ).id;
  // Another user's saved filter (in and out alike): nobody else may delete it.
  const [other] = await db
    .insert(savedFilters)
    .values({ userId: fx.userIds.officer_hn, list: "claims", name: "Của người khác", query: { year: "2024" } })
    .returning({ id: savedFilters.id });
  ids.savedFilter = { in: other.id, out: other.id };
  ids.round = { in: await newRound("in"), out: await newRound("out") };
  // Issue 6 objects: a training, an inspection with a result and one follow-up, a submitted self-assessment.
  ids.training = {} as Record<Target, string>;
  ids.inspection = {} as Record<Target, string>;
  ids.followup = {} as Record<Target, string>;
  ids.assessment = {} as Record<Target, string>;
  for (const t of ["in", "out"] as const) {
    ids.training[t] = (await createTraining(db, SYSTEM_SCOPE, trainingBody(t))).id;
    const ins = await createInspection(db, SYSTEM_SCOPE, inspectionBody(t));
    const done = await recordResult(db, SYSTEM_SCOPE, ins.id, {
      findings: [{ target_agency_id: AGENCY[t].thads, text: "Đơn vị thực hiện đúng quy định." }],
      recommendations: [{ target_agency_id: AGENCY[t].thads, recommendation: "Cập nhật sổ thụ lý." }],
    });
    ids.inspection[t] = ins.id;
    ids.followup[t] = done.followups[0].id;
    const a = await saveSelfAssessment(
      db,
      SYSTEM_SCOPE,
      { set_id: "qd-3062-2019", year: 2024, agency_id: AGENCY[t].stp, submit: true },
      { today: "2024-12-15" },
    );
    ids.assessment[t] = a.id;
  }
  for (const t of ["in", "out"] as const) {
    const id = await newSubmission(t);
    const [f] = await db
      .select({ id: publicSubmissionFiles.id })
      .from(publicSubmissionFiles)
      .where(eq(publicSubmissionFiles.submissionId, id));
    submissionIds[t] = { id, file: f.id };
  }
}
