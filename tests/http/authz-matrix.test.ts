// AUTHORIZATION MATRIX: every registered route × every role (and anonymous) × an object inside / outside the
// caller's agency scope → the expected status. The four roles act for Sở Tư pháp Thanh Hóa (province scope);
// "in" objects belong to Thanh Hóa agencies, "out" objects to Hà Nội; system_admin sees everything.
// Rule: out-of-scope object → 404 (existence not revealed); role without the permission → 403; acting for an
// agency outside the scope (create/allocate for it) → 403; no session → 401. A route without a row FAILS the test.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createCaseListSnapshot } from "../../src/db/repositories/case-lists.ts";
import { createClaim } from "../../src/db/repositories/claims.ts";
import { saveSelfAssessment } from "../../src/db/repositories/evaluation.ts";
import { registerIncoming } from "../../src/db/repositories/incoming.ts";
import { createInspection, recordResult } from "../../src/db/repositories/inspections.ts";
import { draftRequestLetter } from "../../src/db/repositories/letters.ts";
import { createMeeting, recordMeetingOutcome } from "../../src/db/repositories/meetings.ts";
import { deterministicUuid, insertNotifications } from "../../src/db/repositories/notifications.ts";
import { createPlan, createTaskInstances } from "../../src/db/repositories/plans.ts";
import { createSubmission } from "../../src/db/repositories/public-submissions.ts";
import { openRound, saveSubmission } from "../../src/db/repositories/reports.ts";
import { createRequest } from "../../src/db/repositories/requests.ts";
import { createTraining } from "../../src/db/repositories/trainings.ts";
import {
  attachments,
  claimDocuments,
  claimEvents,
  claims,
  inspectionFollowups,
  inspections,
  memberships,
  plans,
  publicDataRequests,
  publicSubmissionFiles,
  publicSubmissions,
  requestCopies,
  requests,
  savedFilters,
  taskInstanceCoordinators,
  taskInstances,
  trainings,
} from "../../src/db/schema/index.ts";
import { seedScale } from "../../src/db/seed/index.ts";
import type { Engine } from "../../src/db/testing.ts";
import { buildClaimImportTemplate } from "../../src/documents/xlsx/claim-import.ts";
import { hasPermission, type Permission } from "../../src/domain/access/permissions.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/data.ts";
import { defaultCalendar } from "../../src/domain/calendar/index.ts";
import { todayVn } from "../../src/domain/shared/dates.ts";
import type { Access } from "../../src/http/types.ts";
import { Client, FIXTURE_AGENCIES, type Fixture, setupFixture, signedIn } from "./helpers.ts";

/** Data volume under the matrix: 0 = the fixture's objects only; authz-matrix-10x.test.ts sets 10. */
const SCALE = Number(process.env.BTNN_AUTHZ_SCALE ?? 0);
/** Engine: the default test engine (PostgreSQL in CI), or the one authz-matrix-10x.test.ts names. */
const ENGINE = process.env.BTNN_AUTHZ_ENGINE as Engine | undefined;

type Target = "in" | "out";
type Req = { method: string; url: string; payload?: unknown; fresh?: boolean; headers?: Record<string, string> };
type Role = "system_admin" | "agency_admin" | "officer" | "viewer";
const ROLES: Role[] = ["system_admin", "agency_admin", "officer", "viewer"];
const USERNAME: Record<Role, string> = {
  system_admin: "sysadmin",
  agency_admin: "agency_admin",
  officer: "officer",
  viewer: "viewer",
};

/** [in-scope, out-of-scope] expected status. */
type Pair = [number, number];
type Row = { anonymous: number } & Record<Role, Pair>;
const all = (s: number): Pair => [s, s];
/** Public routes: the same answer for everyone. */
const pub = (s: number): Row => ({
  anonymous: s,
  system_admin: all(s),
  agency_admin: all(s),
  officer: all(s),
  viewer: all(s),
});
const row = (sa: Pair, aa: Pair, of: Pair, vw: Pair): Row => ({
  anonymous: 401,
  system_admin: sa,
  agency_admin: aa,
  officer: of,
  viewer: vw,
});

// Shorthands for the common shapes.
const READ_SCOPED = row([200, 200], [200, 404], [200, 404], [200, 404]); // read one object
const WRITE_SCOPED = (ok: number) => row([ok, ok], [ok, 404], [ok, 404], [403, 403]); // change one object
const CREATE_FOR_AGENCY = (ok: number) => row([ok, ok], [ok, 403], [ok, 403], [403, 403]); // act for an agency
const LIST = row(all(200), all(200), all(200), all(200));
const ADMIN_ONLY = (ok: number) => row([ok, ok], all(403), all(403), all(403));
const USERS_READ = row([200, 200], [200, 404], all(403), all(403));
const USERS_WRITE = (ok: number) => row([ok, ok], [ok, 404], all(403), all(403));

const MATRIX: Record<string, Row> = {
  "GET /api/health": pub(200),
  "GET /api/openapi.json": pub(200),
  "GET /api/docs": pub(200),
  "GET /api/docs/static/index.html": pub(302), // swagger-ui redirects to /api/docs/
  "HEAD /api/docs/static/*": pub(200), // registered by swagger-ui's static assets
  "GET /api/docs/static/swagger-initializer.js": pub(200),
  "GET /api/docs/json": pub(200),
  "GET /api/docs/yaml": pub(200),
  "GET /api/docs/static/*": pub(200),
  "POST /api/auth/login": pub(200),
  // Forgotten password by e-mail: public; this fixture has no SMTP, so the feature answers "off" to everyone.
  "GET /api/auth/self-service": pub(200),
  "POST /api/auth/password-reset": pub(404),
  "POST /api/auth/password-reset/confirm": pub(404),
  "GET /api/public/interview": pub(200),
  "POST /api/public/check": pub(200),
  "POST /api/public/claim-form": pub(200),
  "GET /api/public/consent": pub(200),
  // One Idempotency-Key for every caller: the first creates, the others get the same receipt.
  "POST /api/public/submissions": pub(201),
  // A fresh unknown code each call (per-code caps): the same refusal for everyone.
  "POST /api/public/status": pub(404),
  "GET /api/public/submissions/:code/receipt.pdf": pub(404),
  // The data subject's rights (Luật BVDLCN 91/2025/QH15): code + second factor, unknown codes here → 404.
  "POST /api/public/my-data": pub(404),
  "POST /api/public/my-data/corrections": pub(404),
  "POST /api/public/my-data/withdraw": pub(404),
  // The holding agency reads and closes a correction request of its own submissions.
  "GET /api/public-data-requests/:id": READ_SCOPED,
  "POST /api/public-data-requests/:id/close": WRITE_SCOPED(200),
  // The officers' side (issue 15): only the agency holding (or having held) a submission sees it — the system admin
  // acts for Cục BTNN, which never held these (404); only the holder decides. "in" files sit at Sở Tư pháp Thanh Hóa
  // because the handling agency was unclear: it forwards them (Điều 41 khoản 4), it does not accept them (409).
  "GET /api/public-submissions": LIST,
  "GET /api/public-submissions/:id": row(all(404), [200, 404], [200, 404], [200, 404]),
  "GET /api/public-submissions/:id/files/:file_id": row(all(404), [200, 404], [200, 404], [200, 404]),
  "POST /api/public-submissions/:id/accept": row(all(404), [409, 404], [409, 404], all(403)),
  "POST /api/public-submissions/:id/refuse": row(all(404), [200, 404], [200, 404], all(403)),
  "POST /api/public-submissions/:id/forward": row(all(404), [200, 404], [200, 404], all(403)),
  "POST /api/public-submissions/:id/answer": row(all(404), [200, 404], [200, 404], all(403)),
  // Online backup: only the bearer token of DATA_DIR/btnn-control.json (none in this app) — no session or role opens it.
  "POST /api/admin/backup": pub(401),
  "POST /api/auth/logout": row(all(204), all(204), all(204), all(204)),
  "GET /api/auth/me": LIST,
  // Wrong current password on purpose (the account stays usable): every signed-in role reaches the check → 422.
  "POST /api/auth/password": row(all(422), all(422), all(422), all(422)),
  "GET /api/agencies": LIST,
  "GET /api/agencies/tree": LIST,
  "GET /api/agencies/:id": LIST, // the directory is readable by every signed-in user
  "GET /api/agencies/:id/successors": LIST,
  "PATCH /api/agencies/:id": ADMIN_ONLY(200),
  "GET /api/users": row(all(200), all(200), all(403), all(403)),
  "POST /api/users": row([201, 201], [201, 403], all(403), all(403)),
  "GET /api/users/:id": USERS_READ,
  "PATCH /api/users/:id": USERS_WRITE(200),
  "POST /api/users/:id/password": USERS_WRITE(204),
  "POST /api/users/:id/memberships": USERS_WRITE(200),
  "DELETE /api/users/:id/memberships/:agency_id/:role": USERS_WRITE(204),
  "GET /api/claims": LIST,
  "POST /api/claims": CREATE_FOR_AGENCY(201),
  "GET /api/claims/:id": READ_SCOPED,
  "PATCH /api/claims/:id": WRITE_SCOPED(200),
  "GET /api/claims/:id/events": READ_SCOPED,
  "POST /api/claims/:id/events": WRITE_SCOPED(201),
  "GET /api/claims/:id/deadlines": READ_SCOPED,
  // Backfill of an existing case: claims.backfill (agency admin, leader), not an officer's live recording.
  "POST /api/claims/backfill": row([201, 201], [201, 403], all(403), all(403)),
  // Cải chính of an open claim: claims.write (a closed claim also needs claims.correct_closed: tests/http/claim-file).
  "POST /api/claims/:id/corrections": WRITE_SCOPED(200),
  "GET /api/claims/:id/forms": READ_SCOPED,
  // Taking over existing claims from XLSX is backfill (claims.backfill); an agency out of scope is a cell error (422).
  "GET /api/claims/import/template": row(all(200), all(200), all(403), all(403)),
  "POST /api/claims/import": row([201, 201], [201, 422], all(403), all(403)),
  "GET /api/claims/:id/documents": READ_SCOPED,
  "POST /api/claims/:id/documents": WRITE_SCOPED(201),
  "GET /api/claims/:id/documents/:document_id": READ_SCOPED,
  "GET /api/claims/:id/forms/:form": WRITE_SCOPED(200), // numbers the form in the outgoing register
  "GET /api/plans": LIST,
  "POST /api/plans": CREATE_FOR_AGENCY(201),
  "POST /api/plans/import": row(all(200), all(200), all(200), all(403)), // preview only: nothing stored
  "GET /api/dashboard": LIST, // figures are computed inside the caller's scope
  "GET /api/deadlines": LIST,
  "GET /api/plans/:id": READ_SCOPED,
  "PATCH /api/plans/:id": WRITE_SCOPED(200),
  "GET /api/task-instances": LIST,
  "POST /api/task-instances": CREATE_FOR_AGENCY(201),
  "PATCH /api/task-instances/:id": WRITE_SCOPED(200),
  "GET /api/requests": LIST,
  "POST /api/requests": CREATE_FOR_AGENCY(201),
  "GET /api/requests/:id": READ_SCOPED,
  "PATCH /api/requests/:id": WRITE_SCOPED(200),
  // Task tracking and coordination (issue 4).
  "GET /api/task-instances/:id": READ_SCOPED,
  "POST /api/task-instances/:id/comments": WRITE_SCOPED(201),
  "POST /api/task-instances/:id/evidence": WRITE_SCOPED(201),
  // A coordinating agency's own part: the acting agency (Sở Tư pháp Thanh Hóa) is a coordinator of the "in" occurrence.
  "PATCH /api/task-instances/:id/coordinators/:agency_id": WRITE_SCOPED(200),
  "GET /api/attachments/:id": READ_SCOPED,
  "GET /api/progress": LIST,
  "GET /api/notifications": LIST,
  // Notifications are the caller's own: another user's notification is simply not found.
  "POST /api/notifications/:id/read": row(all(404), all(404), all(404), all(404)),
  "POST /api/notifications/read-all": LIST,
  "GET /api/notifications/settings": LIST,
  "PUT /api/notifications/settings": LIST,
  // The inbox is the caller's own agency's (the system admin acts for Cục BTNN: a Sở Tư pháp item is not in it).
  "GET /api/inbox": LIST,
  "GET /api/inbox/assignees": LIST,
  "GET /api/inbox/assignments": LIST,
  "POST /api/inbox/assign": row(all(404), [200, 404], [200, 404], all(403)),
  // Bulk actions: an id outside the scope refuses the whole action (403 naming it); the system admin acts for Cục BTNN,
  // where a Sở Tư pháp request is not open work (422).
  "POST /api/bulk/assign": row(all(422), [200, 403], [200, 403], all(403)),
  "POST /api/bulk/mark-read": row(all(200), [200, 403], [200, 403], [200, 403]),
  // Saved filters are the caller's own: another user's filter is not found, whatever the role.
  "GET /api/saved-filters": LIST,
  "PUT /api/saved-filters": LIST,
  "DELETE /api/saved-filters/:id": row(all(404), all(404), all(404), all(404)),
  "GET /api/requests/:id/coordination": READ_SCOPED,
  "POST /api/requests/:id/copies/:copy_id/read": READ_SCOPED,
  "POST /api/requests/:id/letter": WRITE_SCOPED(201),
  "GET /api/requests/:id/letter": READ_SCOPED,
  "GET /api/requests/:id/urging-proposal": READ_SCOPED,
  "POST /api/case-lists": CREATE_FOR_AGENCY(201),
  "GET /api/case-lists": LIST,
  "GET /api/case-lists/:id": READ_SCOPED,
  "GET /api/case-lists/:id/xlsx": READ_SCOPED,
  "GET /api/case-lists/:id/docx": READ_SCOPED,
  // Meetings / field trips on complex cases (KH 2021 mục II.2) and the change-impact preview (administration).
  "POST /api/meetings": CREATE_FOR_AGENCY(201),
  "GET /api/meetings": LIST,
  "GET /api/meetings/:id": READ_SCOPED,
  "POST /api/meetings/:id/outcome": WRITE_SCOPED(201),
  "GET /api/meetings/:id/report": READ_SCOPED,
  "POST /api/admin/impact-preview": row(all(200), all(200), all(403), all(403)), // nothing saved; admins only
  "GET /api/outgoing": LIST,
  "POST /api/outgoing": CREATE_FOR_AGENCY(201),
  // Sổ văn bản đến (issue 17): the receiving agency registers; a request reaching it is registered in one click.
  "GET /api/incoming": LIST,
  "GET /api/incoming/:id": READ_SCOPED,
  "POST /api/incoming": CREATE_FOR_AGENCY(201),
  "PATCH /api/incoming/:id": WRITE_SCOPED(200),
  "POST /api/incoming/:id/file": WRITE_SCOPED(201),
  "POST /api/requests/:id/incoming": WRITE_SCOPED(201),
  "GET /api/audit": row(all(200), all(200), all(403), all(403)),
  "GET /api/audit/verify": ADMIN_ONLY(200),
  // XLSX exports: lists in the caller's scope (audit log: audit.read only).
  "GET /api/exports/claims": row(all(200), all(200), all(200), all(403)), // claims.export
  "GET /api/exports/outgoing": LIST,
  "GET /api/exports/requests": LIST,
  "GET /api/exports/task-instances": LIST,
  "GET /api/exports/audit": row(all(200), all(200), all(403), all(403)),
  "GET /api/calendar/holidays": LIST,
  "GET /api/calendar/add-period": LIST,
  "POST /api/route": LIST,
  // Statistics and report rounds (issue 6): figures are derived inside the caller's scope.
  "GET /api/statistics": LIST,
  "GET /api/statistics/trend": LIST,
  "GET /api/statistics/claims": LIST,
  "GET /api/public/content": pub(200),
  "GET /api/public/leaflet.pdf": pub(200),
  // public_content.manage (officer, agency admin); editing also needs a national-level agency (Cục BTNN): the
  // Thanh Hóa roles are refused 403 even though they hold the permission.
  "GET /api/admin/public-content": row(all(200), all(200), all(200), all(403)),
  "PUT /api/admin/public-content/:key": row(all(200), all(403), all(403), all(403)),
  "GET /api/rankings/provinces": LIST, // rows limited to the provinces in the caller's scope
  "GET /api/report-templates": LIST,
  "POST /api/report-templates": row(all(201), all(201), all(201), all(403)),
  "GET /api/report-rounds": LIST,
  "POST /api/report-rounds": CREATE_FOR_AGENCY(201),
  "GET /api/report-rounds/:id": READ_SCOPED,
  "GET /api/report-rounds/:id/submissions/:agency_id": READ_SCOPED,
  "PUT /api/report-rounds/:id/submissions/:agency_id": WRITE_SCOPED(200),
  "POST /api/report-rounds/:id/submissions/:agency_id/remind": WRITE_SCOPED(200),
  // Recall by the sender (THADS tỉnh, in the Sở's province scope) / return by the opener (the Sở), before consolidation.
  "POST /api/report-rounds/:id/submissions/:agency_id/recall": WRITE_SCOPED(200),
  "POST /api/report-rounds/:id/submissions/:agency_id/return": WRITE_SCOPED(200),
  "POST /api/report-rounds/:id/consolidate": WRITE_SCOPED(200),
  "GET /api/report-rounds/:id/export": READ_SCOPED,
  // Evaluation criteria, inspections, trainings (issue 6).
  "GET /api/evaluation/sets": LIST,
  "GET /api/evaluation/draft": READ_SCOPED,
  "PUT /api/evaluation/self-assessment": CREATE_FOR_AGENCY(200),
  "GET /api/evaluation/assessments/:id": READ_SCOPED,
  // Only the ministry reviews: a province's roles are refused (403) on their own assessment, 404 outside scope.
  "POST /api/evaluation/assessments/:id/review": row([200, 200], [403, 404], [403, 404], [403, 403]),
  "GET /api/evaluation/ranking": LIST,
  "GET /api/inspections": LIST,
  "POST /api/inspections": CREATE_FOR_AGENCY(201),
  "GET /api/inspections/:id": READ_SCOPED,
  "PATCH /api/inspections/:id": WRITE_SCOPED(200),
  "POST /api/inspections/:id/results": WRITE_SCOPED(200),
  "GET /api/inspections/:id/report": READ_SCOPED,
  "PATCH /api/inspection-followups/:id": WRITE_SCOPED(200),
  "GET /api/trainings": LIST,
  "POST /api/trainings": CREATE_FOR_AGENCY(201),
  "GET /api/trainings/:id": READ_SCOPED,
  "PATCH /api/trainings/:id": WRITE_SCOPED(200),
  "POST /api/trainings/:id/evidence": WRITE_SCOPED(200),
};

let fx: Fixture;
const registered = new Set<string>();
/** Each route's declared access rule (config.access), to check the matrix against the role table. */
const accessOf = new Map<string, Access | undefined>();
const clients = new Map<Role, Client>();
let n = 0;
let caseListCalls = 0;
const uniq = () => `${Date.now().toString(36)}${++n}`;

/** Objects in / out of the Thanh Hóa scope, created by the system (not through the API under test). */
const ids = {} as Record<
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
async function newRound(t: Target): Promise<string> {
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
async function submittedRound(t: Target): Promise<string> {
  const id = await newRound(t);
  await saveSubmission(fx.database.db, SYSTEM_SCOPE, id, AGENCY[t].thads, { submit: true });
  return id;
}
const AGENCY: Record<Target, { stp: string; thads: string }> = {
  in: { stp: "stp-thanh-hoa", thads: "thads-thanh-hoa" },
  out: { stp: "stp-ha-noi", thads: "thads-ha-noi" },
};

/** A meeting of the Sở Tư pháp in / out of scope (KH 2021 mục II.2) and the outcome that issues its report. */
const meetingInput = (t: Target) => ({
  agency_id: AGENCY[t].stp,
  variant: "meeting" as const,
  topic: "vụ việc phức tạp ma trận",
  held_on: "2024-03-04",
  venue: "Trụ sở",
  participant_agency_ids: [AGENCY[t].thads],
  agenda: ["Rà soát"],
  claim_ids: [],
});
const meetingOutcome = {
  version: 1,
  results: [{ heading: "Kết quả", paragraphs: ["Đã rà soát."] }],
  conclusions: ["Thống nhất hướng xử lý."],
  signature: { title: "Giám đốc", name: "Nguyễn Văn Ma Trận" },
  date: "2024-03-05",
};

async function newClaim(t: Target): Promise<string> {
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
async function importXlsx(agencyId: string): Promise<Buffer> {
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
async function claimDocumentOf(claimId: string): Promise<string> {
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
async function acceptedClaim(t: Target): Promise<string> {
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

async function version(table: typeof claims | typeof plans | typeof requests | typeof taskInstances, id: string) {
  const [r] = await fx.database.db.select({ v: table.version }).from(table).where(eq(table.id, id));
  return r.v;
}

/** A correction request on a submission held by the in- or out-of-scope THADS (fresh: closing changes it). */
async function newDataRequest(t: Target): Promise<string> {
  const db = fx.database.db;
  const [s] = await db
    .insert(publicSubmissions)
    .values({
      code: `DRQ${String(++publicLookups).padStart(9, "2")}`,
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
      consentTextVersion: "2026-12-04",
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
async function newSubmission(t: Target, kind: "claim" | "support" = "claim") {
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
      consent: { text_version: "2026-12-04" },
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
const submissionIds = {} as Record<Target, { id: string; file: string }>;

/** Unknown receipt codes, one per call (the per-code cap of the public lookups is not what this matrix tests). */
let publicLookups = 0;

/** How to call each route for an object in or out of scope (fresh state where a call changes it). */
const CALLS: Record<string, (t: Target) => Promise<Req> | Req> = {
  "GET /api/health": () => ({ method: "GET", url: "/api/health" }),
  "GET /api/openapi.json": () => ({ method: "GET", url: "/api/openapi.json" }),
  "GET /api/docs": () => ({ method: "GET", url: "/api/docs" }),
  "GET /api/docs/static/index.html": () => ({ method: "GET", url: "/api/docs/static/index.html" }),
  "GET /api/docs/static/swagger-initializer.js": () => ({
    method: "GET",
    url: "/api/docs/static/swagger-initializer.js",
  }),
  "GET /api/docs/json": () => ({ method: "GET", url: "/api/docs/json" }),
  "GET /api/docs/yaml": () => ({ method: "GET", url: "/api/docs/yaml" }),
  "GET /api/docs/static/*": () => ({ method: "GET", url: "/api/docs/static/swagger-ui.css" }),
  "HEAD /api/docs/static/*": () => ({ method: "HEAD", url: "/api/docs/static/swagger-ui.css" }),
  "POST /api/admin/backup": () => ({
    method: "POST",
    url: "/api/admin/backup",
    payload: { file: "/tmp/btnn-matrix-backup.jsonl.gz" },
  }),
  "GET /api/public/interview": () => ({ method: "GET", url: "/api/public/interview" }),
  "POST /api/public/check": () => ({
    method: "POST",
    url: "/api/public/check",
    payload: {
      capacity: "injured",
      activity: "civil_enforcement",
      agency_kind: "thads_province",
      province: "thanh-hoa",
      act_date: "2025-09-10",
      request_kind: "compensation",
      has_basis_document: "no",
    },
  }),
  "POST /api/public/claim-form": () => ({
    method: "POST",
    url: "/api/public/claim-form?format=pdf",
    payload: {
      answers: {
        capacity: "injured",
        activity: "civil_enforcement",
        agency_kind: "unknown",
        province: "thanh-hoa",
        act_date: "2025-09-10",
        request_kind: "compensation",
        has_basis_document: "no",
      },
      person: { full_name: "Lê Văn Ma Trận", address: "Thanh Hóa" },
      facts: "Kê biên nhầm tài sản.",
    },
  }),
  "GET /api/public/consent": () => ({ method: "GET", url: "/api/public/consent" }),
  "POST /api/public/submissions": () => ({
    method: "POST",
    url: "/api/public/submissions",
    headers: { "idempotency-key": "matrix-public-submission-1" },
    payload: {
      kind: "support",
      answers: { activity: "civil_enforcement", agency_kind: "thads_province", province: "thanh-hoa" },
      person: { full_name: "Lê Văn Ma Trận", address: "Thanh Hóa" },
      facts: "Đề nghị hướng dẫn thủ tục.",
      factor: { kind: "id_last4", value: "1234" },
      consent: { accepted: true, text_version: "2026-12-04" },
    },
  }),
  "POST /api/public/status": () => ({
    method: "POST",
    url: "/api/public/status",
    payload: { code: `MATRIX${String(++publicLookups).padStart(6, "2")}`, factor: "1234" },
  }),
  "GET /api/public/submissions/:code/receipt.pdf": () => ({
    method: "GET",
    url: `/api/public/submissions/RECEIPT${String(++publicLookups).padStart(5, "2")}/receipt.pdf?factor=1234`,
  }),
  "POST /api/public/my-data": () => ({
    method: "POST",
    url: "/api/public/my-data",
    payload: { code: `MYDATA${String(++publicLookups).padStart(6, "2")}`, factor: "1234" },
  }),
  "POST /api/public/my-data/corrections": () => ({
    method: "POST",
    url: "/api/public/my-data/corrections",
    payload: {
      code: `CORREC${String(++publicLookups).padStart(6, "2")}`,
      factor: "1234",
      field: "address",
      value: "Số 5 Lê Lợi",
    },
  }),
  "POST /api/public/my-data/withdraw": () => ({
    method: "POST",
    url: "/api/public/my-data/withdraw",
    payload: { code: `WITHDR${String(++publicLookups).padStart(6, "2")}`, factor: "1234", confirm: true },
  }),
  "GET /api/public-data-requests/:id": async (t) => ({
    method: "GET",
    url: `/api/public-data-requests/${await newDataRequest(t)}`,
  }),
  "POST /api/public-data-requests/:id/close": async (t) => ({
    method: "POST",
    url: `/api/public-data-requests/${await newDataRequest(t)}/close`,
    payload: { status: "done", answer: "Đã sửa địa chỉ trong hồ sơ vụ việc." },
  }),
  "GET /api/public-submissions": () => ({ method: "GET", url: "/api/public-submissions?status=received,forwarded" }),
  "GET /api/public-submissions/:id": (t) => ({ method: "GET", url: `/api/public-submissions/${submissionIds[t].id}` }),
  "GET /api/public-submissions/:id/files/:file_id": (t) => ({
    method: "GET",
    url: `/api/public-submissions/${submissionIds[t].id}/files/${submissionIds[t].file}`,
  }),
  "POST /api/public-submissions/:id/accept": (t) => ({
    method: "POST",
    url: `/api/public-submissions/${submissionIds[t].id}/accept`,
    payload: {},
  }),
  "POST /api/public-submissions/:id/refuse": async (t) => ({
    method: "POST",
    url: `/api/public-submissions/${await newSubmission(t)}/refuse`,
    payload: { reason: "Hồ sơ không thuộc phạm vi giải quyết của cơ quan." },
  }),
  "POST /api/public-submissions/:id/forward": async (t) => ({
    method: "POST",
    url: `/api/public-submissions/${await newSubmission(t)}/forward`,
    payload: { agency_id: AGENCY[t].thads },
  }),
  "POST /api/public-submissions/:id/answer": async (t) => ({
    method: "POST",
    url: `/api/public-submissions/${await newSubmission(t, "support")}/answer`,
    payload: { text: "Ông/bà liên hệ Sở Tư pháp để được hướng dẫn thủ tục." },
  }),
  "POST /api/auth/login": () => ({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "officer_cuc", password: "mat-khau-thu-nghiem-1" },
    fresh: true,
  }),
  "POST /api/auth/logout": () => ({ method: "POST", url: "/api/auth/logout", fresh: true }),
  "GET /api/auth/self-service": () => ({ method: "GET", url: "/api/auth/self-service" }),
  "POST /api/auth/password-reset": () => ({
    method: "POST",
    url: "/api/auth/password-reset",
    payload: { email: "ai.do@example.vn" },
  }),
  "POST /api/auth/password-reset/confirm": () => ({
    method: "POST",
    url: "/api/auth/password-reset/confirm",
    payload: { token: "khong-phai-ma-dat-lai-mat-khau", new_password: "mat-khau-moi-rat-dai" },
  }),
  "GET /api/auth/me": () => ({ method: "GET", url: "/api/auth/me" }),
  "POST /api/auth/password": () => ({
    method: "POST",
    url: "/api/auth/password",
    payload: { current_password: "khong-phai-mat-khau", new_password: "mat-khau-moi-rat-dai" },
  }),
  "GET /api/agencies": () => ({ method: "GET", url: "/api/agencies?page_size=5" }),
  "GET /api/agencies/tree": () => ({ method: "GET", url: "/api/agencies/tree" }),
  "GET /api/agencies/:id": (t) => ({ method: "GET", url: `/api/agencies/${AGENCY[t].stp}` }),
  "GET /api/agencies/:id/successors": (t) => ({ method: "GET", url: `/api/agencies/${AGENCY[t].stp}/successors` }),
  "PATCH /api/agencies/:id": (t) => ({
    method: "PATCH",
    url: `/api/agencies/${AGENCY[t].stp}`,
    payload: { short_name: t === "in" ? "STP Thanh Hóa" : "STP Hà Nội" },
  }),
  "GET /api/users": () => ({ method: "GET", url: "/api/users" }),
  "POST /api/users": (t) => ({
    method: "POST",
    url: "/api/users",
    payload: {
      username: `mt-${uniq()}`,
      full_name: "Người dùng ma trận",
      password: "mat-khau-dai-du-roi",
      memberships: [{ agency_id: AGENCY[t].stp, role: "viewer" }],
    },
  }),
  "GET /api/users/:id": (t) => ({ method: "GET", url: `/api/users/${ids.user[t]}` }),
  "PATCH /api/users/:id": (t) => ({ method: "PATCH", url: `/api/users/${ids.user[t]}`, payload: { active: true } }),
  "POST /api/users/:id/password": (t) => ({
    method: "POST",
    url: `/api/users/${ids.user[t]}/password`,
    payload: { new_password: "mat-khau-dat-lai-1" },
  }),
  "POST /api/users/:id/memberships": (t) => ({
    method: "POST",
    url: `/api/users/${ids.user[t]}/memberships`,
    payload: { agency_id: t === "in" ? "phong-thads-kv-tp-thanh-hoa" : "thads-ha-noi", role: "viewer" },
  }),
  "DELETE /api/users/:id/memberships/:agency_id/:role": async (t) => {
    const agencyId = t === "in" ? "phong-thads-kv-tp-thanh-hoa" : "thads-ha-noi";
    await fx.database.db
      .insert(memberships)
      .values({ userId: ids.user[t], agencyId, role: "viewer" })
      .onConflictDoNothing();
    return { method: "DELETE", url: `/api/users/${ids.user[t]}/memberships/${agencyId}/viewer` };
  },
  "GET /api/claims": (t) => ({ method: "GET", url: `/api/claims?handling_agency_id=${AGENCY[t].thads}` }),
  "POST /api/claims": (t) => ({
    method: "POST",
    url: "/api/claims",
    payload: { field: "civil_enforcement", handling_agency_id: AGENCY[t].thads, claimant_name: "Trần Thị Tạo Mới" },
  }),
  "GET /api/claims/:id": (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}` }),
  "PATCH /api/claims/:id": async (t) => ({
    method: "PATCH",
    url: `/api/claims/${ids.claim[t]}`,
    payload: { summary: `Sửa ${uniq()}`, version: await version(claims, ids.claim[t]) },
  }),
  "GET /api/claims/:id/events": (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/events` }),
  "POST /api/claims/:id/events": async (t) => ({
    method: "POST",
    url: `/api/claims/${await newClaim(t)}/events`,
    payload: { type: "file_valid", date: "2024-03-04" },
  }),
  "GET /api/claims/:id/deadlines": (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/deadlines` }),
  "POST /api/claims/:id/corrections": async (t) => {
    const id = await newClaim(t);
    const [e] = await fx.database.db
      .select({ id: claimEvents.id })
      .from(claimEvents)
      .where(eq(claimEvents.claimId, id));
    return {
      method: "POST",
      url: `/api/claims/${id}/corrections`,
      payload: { event: { event_id: e.id, action: "correct", date: "2024-03-02" }, reason: "Ghi nhầm ngày nhận" },
    };
  },
  "POST /api/claims/backfill": (t) => ({
    method: "POST",
    url: "/api/claims/backfill",
    payload: {
      field: "civil_enforcement",
      handling_agency_id: AGENCY[t].thads,
      claimant_name: "Lê Văn Hồ Sơ Cũ",
      events: [
        { type: "decision_effective", date: "2023-03-02" },
        { type: "funds_received", date: "2023-03-20" },
      ],
    },
  }),
  "GET /api/claims/import/template": () => ({ method: "GET", url: "/api/claims/import/template" }),
  "POST /api/claims/import": async (t) => ({
    method: "POST",
    url: "/api/claims/import",
    payload: await importXlsx(AGENCY[t].thads),
    headers: { "content-type": "application/octet-stream" },
  }),
  "GET /api/claims/:id/forms": (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/forms` }),
  "GET /api/claims/:id/documents": (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/documents` }),
  "POST /api/claims/:id/documents": (t) => ({
    method: "POST",
    url: `/api/claims/${ids.claim[t]}/documents?kind=evidence&title=Ch%E1%BB%A9ng%20c%E1%BB%A9&file_name=a.pdf`,
    payload: Buffer.from("%PDF-1.4\nma tran\n%%EOF\n"),
    headers: { "content-type": "application/octet-stream" },
  }),
  "GET /api/claims/:id/documents/:document_id": async (t) => ({
    method: "GET",
    url: `/api/claims/${ids.claim[t]}/documents/${await claimDocumentOf(ids.claim[t])}`,
  }),
  "GET /api/claims/:id/forms/:form": async (t) => ({
    method: "GET",
    url: `/api/claims/${await acceptedClaim(t)}/forms/03`,
  }),
  "GET /api/plans": () => ({ method: "GET", url: "/api/plans" }),
  "POST /api/plans": (t) => ({
    method: "POST",
    url: "/api/plans",
    payload: { agency_id: AGENCY[t].stp, title: "Kế hoạch ma trận", year: 2024 },
  }),
  "POST /api/plans/import": () => ({
    method: "POST",
    url: "/api/plans/import",
    payload: { text: "KẾ HOẠCH\nCông tác bồi thường nhà nước năm 2024\nI. NHIỆM VỤ\n1. Tổ chức tập huấn" },
  }),
  "GET /api/dashboard": () => ({ method: "GET", url: "/api/dashboard?as_of=2024-06-03" }),
  "GET /api/deadlines": () => ({ method: "GET", url: "/api/deadlines?from=2024-03-01&to=2024-03-31" }),
  "GET /api/plans/:id": (t) => ({ method: "GET", url: `/api/plans/${ids.plan[t]}` }),
  "PATCH /api/plans/:id": async (t) => ({
    method: "PATCH",
    url: `/api/plans/${ids.plan[t]}`,
    payload: { title: `Kế hoạch ${uniq()}`, version: await version(plans, ids.plan[t]) },
  }),
  "GET /api/task-instances": () => ({ method: "GET", url: "/api/task-instances" }),
  "POST /api/task-instances": (t) => ({
    method: "POST",
    url: "/api/task-instances",
    payload: { items: [{ task_id: ids.task[t], agency_id: AGENCY[t].thads, period_label: uniq() }] },
  }),
  "PATCH /api/task-instances/:id": async (t) => ({
    method: "PATCH",
    url: `/api/task-instances/${ids.instance[t]}`,
    payload: { status: "in_progress", version: await version(taskInstances, ids.instance[t]) },
  }),
  "GET /api/requests": () => ({ method: "GET", url: "/api/requests" }),
  "POST /api/requests": (t) => ({
    method: "POST",
    url: "/api/requests",
    payload: {
      kind: "legal_question",
      from_agency_id: AGENCY[t].stp,
      to_agency_id: "cuc-btnn",
      topic: "Hỏi về thời hiệu",
    },
  }),
  "GET /api/requests/:id": (t) => ({ method: "GET", url: `/api/requests/${ids.request[t]}` }),
  "PATCH /api/requests/:id": async (t) => ({
    method: "PATCH",
    url: `/api/requests/${ids.request[t]}`,
    payload: { status: "in_progress", version: await version(requests, ids.request[t]) },
  }),
  "GET /api/task-instances/:id": (t) => ({ method: "GET", url: `/api/task-instances/${ids.instance[t]}` }),
  "POST /api/task-instances/:id/comments": (t) => ({
    method: "POST",
    url: `/api/task-instances/${ids.instance[t]}/comments`,
    payload: { body: "Bình luận ma trận" },
  }),
  "POST /api/task-instances/:id/evidence": (t) => ({
    method: "POST",
    url: `/api/task-instances/${ids.instance[t]}/evidence?file_name=minh-chung.txt`,
    payload: Buffer.from("minh chứng"),
    headers: { "content-type": "application/octet-stream" },
  }),
  "PATCH /api/task-instances/:id/coordinators/:agency_id": async (t) => {
    const [part] = await fx.database.db
      .select({ v: taskInstanceCoordinators.version })
      .from(taskInstanceCoordinators)
      .where(
        and(
          eq(taskInstanceCoordinators.taskInstanceId, ids.instance[t]),
          eq(taskInstanceCoordinators.agencyId, AGENCY[t].stp),
        ),
      );
    return {
      method: "PATCH",
      url: `/api/task-instances/${ids.instance[t]}/coordinators/${AGENCY[t].stp}`,
      payload: { note: `Phần phối hợp ${uniq()}`, version: part.v },
    };
  },
  "GET /api/attachments/:id": (t) => ({ method: "GET", url: `/api/attachments/${ids.attachment[t]}` }),
  "GET /api/progress": () => ({ method: "GET", url: "/api/progress" }),
  "GET /api/notifications": () => ({ method: "GET", url: "/api/notifications" }),
  "POST /api/notifications/:id/read": () => ({
    method: "POST",
    url: `/api/notifications/${ids.notification.in}/read`,
  }),
  "POST /api/notifications/read-all": () => ({ method: "POST", url: "/api/notifications/read-all", payload: {} }),
  "GET /api/notifications/settings": () => ({ method: "GET", url: "/api/notifications/settings" }),
  "PUT /api/notifications/settings": () => ({
    method: "PUT",
    url: "/api/notifications/settings",
    payload: { mode: "none" },
  }),
  "GET /api/inbox": () => ({ method: "GET", url: "/api/inbox?mine=1" }),
  "GET /api/inbox/assignees": () => ({ method: "GET", url: "/api/inbox/assignees" }),
  "GET /api/inbox/assignments": (t) => ({
    method: "GET",
    url: `/api/inbox/assignments?kind=request&id=${ids.inboxItem[t]}`,
  }),
  "POST /api/inbox/assign": (t) => ({
    method: "POST",
    url: "/api/inbox/assign",
    payload: { kind: "request", id: ids.inboxItem[t], assignee_id: fx.userIds.officer },
  }),
  "POST /api/bulk/assign": (t) => ({
    method: "POST",
    url: "/api/bulk/assign",
    payload: { list: "requests", ids: [ids.inboxItem[t]], assignee_id: fx.userIds.officer },
  }),
  "POST /api/bulk/mark-read": (t) => ({
    method: "POST",
    url: "/api/bulk/mark-read",
    payload: { list: "requests", ids: [ids.inboxItem[t]] },
  }),
  "GET /api/saved-filters": () => ({ method: "GET", url: "/api/saved-filters?list=claims" }),
  "PUT /api/saved-filters": () => ({
    method: "PUT",
    url: "/api/saved-filters",
    payload: { list: "claims", name: "Vụ việc năm 2024", query: { year: "2024" } },
  }),
  "DELETE /api/saved-filters/:id": (t) => ({ method: "DELETE", url: `/api/saved-filters/${ids.savedFilter[t]}` }),
  "GET /api/requests/:id/coordination": (t) => ({ method: "GET", url: `/api/requests/${ids.request[t]}/coordination` }),
  "POST /api/requests/:id/copies/:copy_id/read": (t) => ({
    method: "POST",
    url: `/api/requests/${ids.copyRequest[t]}/copies/${ids.copy[t]}/read`,
  }),
  "POST /api/requests/:id/letter": (t) => ({
    method: "POST",
    url: `/api/requests/${ids.letterRequest[t]}/letter`,
    payload: {
      issuing_agency_id: AGENCY[t].stp,
      document_type: "guidance_letter",
      signature: { title: "Giám đốc", name: "Nguyễn Văn Ma Trận" },
      fields: { points: ["Nội dung hướng dẫn."] },
    },
  }),
  "GET /api/requests/:id/letter": (t) => ({ method: "GET", url: `/api/requests/${ids.letterRequest[t]}/letter` }),
  "GET /api/requests/:id/urging-proposal": (t) => ({
    method: "GET",
    url: `/api/requests/${ids.urging[t]}/urging-proposal?as_of=2024-03-01`,
  }),
  "POST /api/case-lists": (t) => ({
    method: "POST",
    url: "/api/case-lists",
    payload: {
      kind: "quarter_2009",
      period: `${2010 + Math.floor(caseListCalls / 4)}-Q${(caseListCalls++ % 4) + 1}`,
      agency_id: AGENCY[t].stp,
    },
  }),
  "GET /api/case-lists": () => ({ method: "GET", url: "/api/case-lists" }),
  "GET /api/case-lists/:id": (t) => ({ method: "GET", url: `/api/case-lists/${ids.caseList[t]}` }),
  "GET /api/case-lists/:id/xlsx": (t) => ({ method: "GET", url: `/api/case-lists/${ids.caseList[t]}/xlsx` }),
  "GET /api/case-lists/:id/docx": (t) => ({ method: "GET", url: `/api/case-lists/${ids.caseList[t]}/docx` }),
  "POST /api/meetings": (t) => ({ method: "POST", url: "/api/meetings", payload: meetingInput(t) }),
  "GET /api/meetings": () => ({ method: "GET", url: "/api/meetings" }),
  "GET /api/meetings/:id": (t) => ({ method: "GET", url: `/api/meetings/${ids.meeting[t]}` }),
  "POST /api/meetings/:id/outcome": async (t) => ({
    method: "POST",
    url: `/api/meetings/${(await createMeeting(fx.database.db, SYSTEM_SCOPE, meetingInput(t))).id}/outcome`,
    payload: meetingOutcome,
  }),
  "GET /api/meetings/:id/report": (t) => ({ method: "GET", url: `/api/meetings/${ids.heldMeeting[t]}/report` }),
  "POST /api/admin/impact-preview": () => ({
    method: "POST",
    url: "/api/admin/impact-preview",
    payload: {
      calendar_day: { date: "2024-03-05", kind: "swapped_off", name: "Nghỉ thử", source: "Dự thảo" },
      as_of: "2024-03-01",
    },
  }),
  "GET /api/outgoing": () => ({ method: "GET", url: "/api/outgoing" }),
  "POST /api/outgoing": (t) => ({
    method: "POST",
    url: "/api/outgoing",
    payload: {
      agency_id: AGENCY[t].stp,
      year: 2024,
      doc_kind: "letter",
      subject: "Công văn ma trận",
      symbol: "STP-BTNN",
    },
  }),
  "GET /api/incoming": () => ({ method: "GET", url: "/api/incoming" }),
  "GET /api/incoming/:id": (t) => ({ method: "GET", url: `/api/incoming/${ids.incoming[t]}` }),
  "POST /api/incoming": (t) => ({
    method: "POST",
    url: "/api/incoming",
    payload: { agency_id: AGENCY[t].stp, received_on: "2024-03-05", issuer: "Cục THADS", subject: "Văn bản ma trận" },
  }),
  // Linking the entry to the request it already carries changes nothing: every allowed caller gets 200.
  "PATCH /api/incoming/:id": (t) => ({
    method: "PATCH",
    url: `/api/incoming/${ids.incoming[t]}`,
    payload: { request_id: ids.letterRequest[t] },
  }),
  "POST /api/incoming/:id/file": (t) => ({
    method: "POST",
    url: `/api/incoming/${ids.incoming[t]}/file?file_name=van-ban-den.txt`,
    payload: Buffer.from("văn bản đến"),
    headers: { "content-type": "application/octet-stream" },
  }),
  // A fresh request to the Sở each call, so each allowed caller registers a new one (201).
  "POST /api/requests/:id/incoming": async (t) => {
    const r = await createRequest(fx.database.db, SYSTEM_SCOPE, {
      kind: "guidance",
      from_agency_id: AGENCY[t].thads,
      to_agency_id: AGENCY[t].stp,
      topic: "Đề nghị ma trận",
    });
    return { method: "POST", url: `/api/requests/${r.id}/incoming`, payload: {} };
  },
  "GET /api/audit": () => ({ method: "GET", url: "/api/audit?page_size=5" }),
  "GET /api/audit/verify": () => ({ method: "GET", url: "/api/audit/verify" }),
  "GET /api/exports/claims": () => ({ method: "GET", url: "/api/exports/claims?year=2024" }),
  "GET /api/exports/outgoing": () => ({ method: "GET", url: "/api/exports/outgoing" }),
  "GET /api/exports/requests": () => ({ method: "GET", url: "/api/exports/requests?box=inbox" }),
  "GET /api/exports/task-instances": () => ({ method: "GET", url: "/api/exports/task-instances" }),
  "GET /api/exports/audit": () => ({ method: "GET", url: "/api/exports/audit?action=auth.login" }),
  "GET /api/calendar/holidays": () => ({ method: "GET", url: "/api/calendar/holidays?year=2025" }),
  "GET /api/calendar/add-period": () => ({
    method: "GET",
    url: "/api/calendar/add-period?from=2025-01-20&value=5&unit=working_days",
  }),
  "POST /api/route": () => ({
    method: "POST",
    url: "/api/route",
    payload: { kind: "legal_question", from_role: "THADS_TINH", topic: "compensation" },
  }),
  "GET /api/statistics": () => ({ method: "GET", url: "/api/statistics?kind=year&year=2024" }),
  "GET /api/statistics/trend": () => ({ method: "GET", url: "/api/statistics/trend?from_year=2023&to_year=2024" }),
  "GET /api/statistics/claims": () => ({
    method: "GET",
    url: "/api/statistics/claims?kind=year&year=2024&indicator=handled",
  }),
  "GET /api/public/content": () => ({ method: "GET", url: "/api/public/content" }),
  "GET /api/public/leaflet.pdf": () => ({ method: "GET", url: "/api/public/leaflet.pdf" }),
  "GET /api/admin/public-content": () => ({ method: "GET", url: "/api/admin/public-content" }),
  "PUT /api/admin/public-content/:key": (t) => ({
    method: "PUT",
    url: `/api/admin/public-content/faq.matrix-${t}`,
    payload: { page: "faq", position: 1, title: "Câu hỏi thử", body: "Nội dung câu trả lời thử.", version: 0 },
  }),
  "GET /api/rankings/provinces": () => ({ method: "GET", url: "/api/rankings/provinces?kind=year&year=2024" }),
  "GET /api/report-templates": () => ({ method: "GET", url: "/api/report-templates" }),
  "POST /api/report-templates": () => ({
    method: "POST",
    url: "/api/report-templates",
    payload: {
      id: `mau-${uniq()}`,
      name: "Mẫu đột xuất",
      summary: "Số liệu đột xuất",
      period_kinds: ["custom"],
      sections: [{ type: "indicators", key: "x", title: "SỐ LIỆU", indicators: ["handled"] }],
      basis: "Kiểm thử",
      confidence: "confirmed",
    },
  }),
  "GET /api/report-rounds": () => ({ method: "GET", url: "/api/report-rounds" }),
  "POST /api/report-rounds": (t) => ({
    method: "POST",
    url: "/api/report-rounds",
    payload: {
      template_id: "quick-figures",
      period_kind: "custom",
      year: 2024,
      from: "2024-01-01",
      to: "2024-06-30",
      deadline: "2024-07-15",
      agency_id: AGENCY[t].stp,
      participant_ids: [AGENCY[t].thads],
    },
  }),
  "GET /api/report-rounds/:id": (t) => ({ method: "GET", url: `/api/report-rounds/${ids.round[t]}` }),
  "GET /api/report-rounds/:id/submissions/:agency_id": (t) => ({
    method: "GET",
    url: `/api/report-rounds/${ids.round[t]}/submissions/${AGENCY[t].thads}`,
  }),
  "PUT /api/report-rounds/:id/submissions/:agency_id": (t) => ({
    method: "PUT",
    url: `/api/report-rounds/${ids.round[t]}/submissions/${AGENCY[t].thads}`,
    payload: { narrative: { proposals: "Đề xuất thử" } },
  }),
  "POST /api/report-rounds/:id/submissions/:agency_id/remind": (t) => ({
    method: "POST",
    url: `/api/report-rounds/${ids.round[t]}/submissions/${AGENCY[t].thads}/remind`,
    payload: { note: "Đề nghị gửi báo cáo" },
  }),
  "POST /api/report-rounds/:id/submissions/:agency_id/recall": async (t) => ({
    method: "POST",
    url: `/api/report-rounds/${await submittedRound(t)}/submissions/${AGENCY[t].thads}/recall`,
    payload: {},
  }),
  "POST /api/report-rounds/:id/submissions/:agency_id/return": async (t) => ({
    method: "POST",
    url: `/api/report-rounds/${await submittedRound(t)}/submissions/${AGENCY[t].thads}/return`,
    payload: { reason: "Đề nghị bổ sung số liệu" },
  }),
  "POST /api/report-rounds/:id/consolidate": async (t) => ({
    method: "POST",
    url: `/api/report-rounds/${await newRound(t)}/consolidate`,
    payload: {},
  }),
  "GET /api/report-rounds/:id/export": (t) => ({
    method: "GET",
    url: `/api/report-rounds/${ids.round[t]}/export?format=xlsx`,
  }),
  "GET /api/evaluation/sets": () => ({ method: "GET", url: "/api/evaluation/sets" }),
  "GET /api/evaluation/draft": (t) => ({
    method: "GET",
    url: `/api/evaluation/draft?set_id=qd-3062-2019&year=2024&agency_id=${AGENCY[t].stp}`,
  }),
  "PUT /api/evaluation/self-assessment": (t) => ({
    method: "PUT",
    url: "/api/evaluation/self-assessment",
    payload: { set_id: "qd-3062-2019", year: 2023, agency_id: AGENCY[t].stp },
  }),
  "GET /api/evaluation/assessments/:id": (t) => ({
    method: "GET",
    url: `/api/evaluation/assessments/${ids.assessment[t]}`,
  }),
  "POST /api/evaluation/assessments/:id/review": (t) => ({
    method: "POST",
    url: `/api/evaluation/assessments/${ids.assessment[t]}/review`,
    payload: { note: "Thẩm định ma trận" },
  }),
  "GET /api/evaluation/ranking": () => ({
    method: "GET",
    url: "/api/evaluation/ranking?set_id=qd-3062-2019&year=2024",
  }),
  "GET /api/inspections": () => ({ method: "GET", url: "/api/inspections" }),
  "POST /api/inspections": (t) => ({
    method: "POST",
    url: "/api/inspections",
    payload: inspectionBody(t),
  }),
  "GET /api/inspections/:id": (t) => ({ method: "GET", url: `/api/inspections/${ids.inspection[t]}` }),
  "PATCH /api/inspections/:id": async (t) => {
    const [r] = await fx.database.db
      .select({ v: inspections.version })
      .from(inspections)
      .where(eq(inspections.id, ids.inspection[t]));
    return {
      method: "PATCH",
      url: `/api/inspections/${ids.inspection[t]}`,
      payload: { status: "in_progress", version: r.v },
    };
  },
  "POST /api/inspections/:id/results": (t) => ({
    method: "POST",
    url: `/api/inspections/${ids.inspection[t]}/results`,
    payload: {
      findings: [{ target_agency_id: AGENCY[t].thads, text: "Kết quả ma trận" }],
      recommendations: [],
      report_date: "2024-09-30",
    },
  }),
  "GET /api/inspections/:id/report": (t) => ({ method: "GET", url: `/api/inspections/${ids.inspection[t]}/report` }),
  "PATCH /api/inspection-followups/:id": async (t) => {
    const [r] = await fx.database.db
      .select({ v: inspectionFollowups.version })
      .from(inspectionFollowups)
      .where(eq(inspectionFollowups.id, ids.followup[t]));
    return {
      method: "PATCH",
      url: `/api/inspection-followups/${ids.followup[t]}`,
      payload: { result: "Đang thực hiện", version: r.v },
    };
  },
  "GET /api/trainings": () => ({ method: "GET", url: "/api/trainings" }),
  "POST /api/trainings": (t) => ({ method: "POST", url: "/api/trainings", payload: trainingBody(t) }),
  "GET /api/trainings/:id": (t) => ({ method: "GET", url: `/api/trainings/${ids.training[t]}` }),
  "PATCH /api/trainings/:id": async (t) => {
    const [r] = await fx.database.db
      .select({ v: trainings.version })
      .from(trainings)
      .where(eq(trainings.id, ids.training[t]));
    return { method: "PATCH", url: `/api/trainings/${ids.training[t]}`, payload: { participants: 41, version: r.v } };
  },
  "POST /api/trainings/:id/evidence": (t) => ({
    method: "POST",
    url: `/api/trainings/${ids.training[t]}/evidence`,
    payload: { task_instance_id: ids.instance[t] },
  }),
};

function inspectionBody(t: Target) {
  return {
    title: "Kiểm tra công tác BTNN (ma trận)",
    lead_agency_id: AGENCY[t].stp,
    year: 2024,
    team: [{ name: "Nguyễn Văn Trưởng Đoàn", title: "Phó Giám đốc", role: "leader" as const }],
    targets: [{ agency_id: AGENCY[t].thads, date: "2024-09-10" }],
  };
}
function trainingBody(t: Target) {
  return {
    kind: "training" as const,
    title: "Tập huấn Luật TNBTCNN (ma trận)",
    organiser_agency_id: AGENCY[t].stp,
    co_organiser_agency_ids: [AGENCY[t].thads],
    date: "2024-05-10",
    participants: 40,
  };
}

before(async () => {
  fx = await setupFixture({
    engine: ENGINE,
    // Every role calls every public lookup from one address: the caps are tests/hostile/public-portal.test.ts's.
    publicLimits: { perAddress: 10_000, requestsPerMinute: 10_000 },
    onRoute: (r) => {
      for (const m of ([] as string[]).concat(r.method)) {
        registered.add(`${m} ${r.url}`);
        accessOf.set(`${m} ${r.url}`, r.access);
      }
    },
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
  for (const role of ROLES) clients.set(role, await signedIn(fx.app, USERNAME[role]));
});
after(() => fx.close());

describe(`Ma trận phân quyền: mọi đường dẫn × vai trò × trong/ngoài phạm vi${SCALE ? ` (dữ liệu ${SCALE}×, ${ENGINE ?? "mặc định"})` : ""}`, () => {
  test("mọi đường dẫn đã đăng ký đều có dòng trong ma trận (thêm route mới phải thêm dòng)", () => {
    const missing = [...registered].filter((k) => !(k in MATRIX)).sort();
    assert.deepEqual(missing, [], `Đường dẫn chưa có trong ma trận phân quyền: ${missing.join(", ")}`);
    const stale = Object.keys(MATRIX).filter((k) => !registered.has(k));
    assert.deepEqual(stale, [], `Dòng ma trận không ứng với đường dẫn nào: ${stale.join(", ")}`);
    for (const k of Object.keys(MATRIX)) assert.ok(CALLS[k], `Thiếu cách gọi cho ${k}`);
  });

  // Issue 13 finding 7: a permission declared on a route but never enforced (claims.export) went unnoticed because the
  // matrix row said 200 for everyone. Each row must now agree with the route's declared rule and the role table.
  test("finding 7: every route's permission appears in the matrix — roles without it are refused (403) in and out of scope", () => {
    const wrong: string[] = [];
    for (const [key, access] of accessOf) {
      const expected = MATRIX[key];
      if (!expected) continue; // reported by the test above
      if (access === undefined || access === "public") continue;
      if (expected.anonymous !== 401) wrong.push(`${key}: anonymous ${expected.anonymous} ≠ 401`);
      if (access === "authenticated") continue;
      for (const role of ROLES)
        if (!hasPermission([role], access.permission as Permission) && expected[role].some((s) => s !== 403))
          wrong.push(`${key}: ${role} has no ${access.permission} but the matrix expects ${expected[role].join("/")}`);
    }
    assert.deepEqual(wrong, []);
  });

  for (const key of Object.keys(MATRIX)) {
    test(key, async () => {
      const expected = MATRIX[key];
      const failures: string[] = [];
      // Anonymous: no cookies at all.
      const anon = await CALLS[key]("in");
      const ra = await new Client(fx.app).request({
        method: anon.method,
        url: anon.url,
        payload: anon.payload as never,
        headers: anon.headers,
      });
      if (ra.statusCode !== expected.anonymous)
        failures.push(`anonymous: ${ra.statusCode} ≠ ${expected.anonymous} ${ra.body.slice(0, 200)}`);
      for (const role of ROLES) {
        for (const [i, target] of (["in", "out"] as const).entries()) {
          const call = await CALLS[key](target);
          const client = call.fresh ? await signedIn(fx.app, USERNAME[role]) : clients.get(role)!;
          const r = await client.request({
            method: call.method,
            url: call.url,
            payload: call.payload as never,
            headers: call.headers,
          });
          const want = expected[role][i];
          if (r.statusCode !== want)
            failures.push(`${role}/${target}: ${r.statusCode} ≠ ${want} ${r.body.slice(0, 200)}`);
          if (r.statusCode >= 400) {
            const b = r.json();
            if (typeof b.error !== "string" || !Array.isArray(b.issues))
              failures.push(`${role}/${target}: error body shape`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
