import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createClaim } from "../../../src/db/repositories/claims.ts";
import { registerIncoming } from "../../../src/db/repositories/incoming.ts";
import { createTaskInstances } from "../../../src/db/repositories/plans.ts";
import { forwardSubmission } from "../../../src/db/repositories/public-submission-decisions.ts";
import { createSubmission } from "../../../src/db/repositories/public-submissions.ts";
import { openRound, saveSubmission } from "../../../src/db/repositories/reports.ts";
import { createRequest } from "../../../src/db/repositories/requests.ts";
import { claimEvents, publicSubmissions } from "../../../src/db/schema/index.ts";
import { buildClaimImportTemplate } from "../../../src/documents/xlsx/claim-import.ts";
import { SYSTEM_SCOPE } from "../../../src/domain/access/scope.ts";
import { defaultCalendar } from "../../../src/domain/calendar/index.ts";
import { CONSENT_VERSION } from "../../../src/domain/portal/consent.ts";
import { todayVn } from "../../../src/domain/shared/dates.ts";
import type { HostileFixture, Objects } from "../fixture.ts";

export type Call = { url: string; payload?: unknown; headers?: Record<string, string> };
export type Ctx = { o: Objects; fx: HostileFixture; n: number };
/** One valid submission per creating route, and the audit action its one record writes. */
export type Row = { action: string; call(c: Ctx): Promise<Call> | Call };

export const SIGNATURE = { title: "Giám đốc", name: "Nguyễn Văn Thử" };

/** A fresh request of the THADS tỉnh reaching the Sở Tư pháp (each test run makes its own): to draft a letter for, or
 * to register as incoming. */
export async function requestToStp(fx: HostileFixture, topic = "Đề nghị hướng dẫn"): Promise<string> {
  const r = await createRequest(fx.database.db, SYSTEM_SCOPE, {
    kind: "guidance",
    from_agency_id: "thads-thanh-hoa",
    to_agency_id: "stp-thanh-hoa",
    topic,
  });
  return r.id;
}

/** A fresh entry of the Sở's incoming register, to attach its file. */
async function incomingEntry(fx: HostileFixture): Promise<string> {
  const e = await registerIncoming(fx.database.db, SYSTEM_SCOPE, {
    agency_id: "stp-thanh-hoa",
    received_on: "2024-03-05",
    issuer: "Cục THADS tỉnh Thanh Hóa",
    subject: "Văn bản đến có tệp",
  });
  return e.id;
}

/** A fresh round of the Sở with the THADS tỉnh report submitted (to recall or return). */
async function submittedRound(fx: HostileFixture, o: Objects): Promise<string> {
  const r = await openRound(fx.database.db, SYSTEM_SCOPE, {
    template_id: "quick-figures",
    period_kind: "custom",
    year: 2024,
    from: "2024-01-01",
    to: "2024-06-30",
    deadline: "2024-07-15",
    agency_id: o.stp,
    participant_ids: [o.thads],
  });
  await saveSubmission(fx.database.db, SYSTEM_SCOPE, r.id, o.thads, { submit: true });
  return r.id;
}

/** Keyed by the OpenAPI path. Add a row here for every new creating route (see the guard test). */
export const ROUTES: Record<string, Row> = {
  // Public (no login): the repository keys repeats by the header alone (src/db/repositories/public-submissions.ts).
  "/api/public/submissions": {
    action: "public_submission.create",
    call: ({ n }) => ({
      url: "/api/public/submissions",
      payload: {
        kind: "support",
        answers: { activity: "civil_enforcement", agency_kind: "thads_province", province: "thanh-hoa" },
        person: { full_name: `Người Gửi Trùng ${n}`, address: "Thanh Hóa" },
        facts: "Đề nghị hỗ trợ thủ tục yêu cầu bồi thường.",
        factor: { kind: "id_last4", value: "1234" },
        consent: { accepted: true, text_version: CONSENT_VERSION },
      },
    }),
  },
  // Accepting an online claim file creates a claim: here one the Sở Tư pháp forwarded to the admin's agency (Cục BTNN),
  // so the holder is the caller.
  "/api/public-submissions/{id}/accept": {
    action: "public_submission.accept",
    call: async ({ fx, n }) => {
      const db = fx.database.db;
      const today = todayVn();
      const r = await createSubmission(
        db,
        {
          kind: "claim",
          answers: { activity: "civil_enforcement", agency_kind: "unknown", province: "thanh-hoa" },
          person: { full_name: `Người Gửi Trùng ${n}`, address: "Thanh Hóa" },
          facts: "Kê biên nhầm tài sản.",
          request: {},
          attachments: [],
          factor: { kind: "id_last4", value: "1234" },
          consent: { text_version: CONSENT_VERSION },
        },
        { now: new Date(), today, calendar: defaultCalendar },
      );
      const [row] = await db
        .select({ id: publicSubmissions.id })
        .from(publicSubmissions)
        .where(eq(publicSubmissions.code, r.receipt.code));
      const stp = { userId: null, agencyId: "stp-thanh-hoa", roles: ["officer"], visibleAgencyIds: "all" as const };
      await forwardSubmission(db, stp, row.id, { agency_id: "cuc-btnn" }, { today, now: new Date() });
      return { url: `/api/public-submissions/${row.id}/accept`, payload: {} };
    },
  },
  "/api/users": {
    action: "user.create",
    call: ({ n }) => ({
      url: "/api/users",
      payload: {
        username: `idem-${n}`,
        full_name: "Người dùng thử",
        password: "mat-khau-dai-du-roi",
        memberships: [{ agency_id: "stp-thanh-hoa", role: "viewer" }],
      },
    }),
  },
  "/api/users/{id}/memberships": {
    action: "membership.add",
    call: ({ fx, n }) => ({
      url: `/api/users/${fx.userIds.officer_phong}/memberships`,
      payload: { agency_id: ["thads-thanh-hoa", "stp-thanh-hoa"][n % 2], role: ["viewer", "officer"][n % 2] },
    }),
  },
  "/api/claims": {
    action: "claim.create",
    call: () => ({
      url: "/api/claims",
      payload: {
        field: "civil_enforcement",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: "Trần Thị Gửi Hai Lần",
      },
    }),
  },
  "/api/claims/backfill": {
    action: "claim.backfill",
    call: () => ({
      url: "/api/claims/backfill",
      payload: {
        field: "civil_enforcement",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: "Lê Văn Hồ Sơ Giấy",
        events: [{ type: "received", date: "2023-03-01" }],
      },
    }),
  },
  "/api/inbox/assign": {
    action: "work.assign",
    call: ({ o, fx }) => ({
      url: "/api/inbox/assign",
      payload: { kind: "request", id: o.request, assignee_id: fx.userIds.sysadmin },
    }),
  },
  "/api/claims/import": {
    action: "claim.import_xlsx",
    call: async ({ n }) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildClaimImportTemplate(["thads-thanh-hoa"])) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("Vụ việc");
      if (!ws) throw new Error("template sheet missing");
      ws.getRow(4).values = [
        "Thi hành án dân sự",
        "thads-thanh-hoa",
        `Nhập Trùng ${n}`,
        null,
        null,
        null,
        new Date("2024-03-01T00:00:00Z"),
      ];
      return {
        url: "/api/claims/import",
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
        headers: { "content-type": "application/octet-stream" },
      };
    },
  },
  "/api/claims/{id}/corrections": {
    action: "claim.correct",
    call: async ({ fx }) => {
      const c = await createClaim(fx.database.db, SYSTEM_SCOPE, {
        field: "civil_enforcement",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: "Nguyễn Văn Cải Chính",
        events: [{ type: "received", date: "2024-03-01" }],
      });
      const [e] = await fx.database.db
        .select({ id: claimEvents.id })
        .from(claimEvents)
        .where(eq(claimEvents.claimId, c.id));
      return {
        url: `/api/claims/${c.id}/corrections`,
        payload: { event: { event_id: e.id, action: "correct", date: "2024-03-02" }, reason: "Ghi nhầm ngày nhận" },
      };
    },
  },
  "/api/claims/{id}/documents": {
    action: "claim.document.add",
    call: ({ o }) => ({
      url: `/api/claims/${o.claim}/documents?kind=claim_request&title=${encodeURIComponent("Đơn yêu cầu")}&file_name=don.pdf`,
      payload: Buffer.from("%PDF-1.4\n% đơn yêu cầu bồi thường\n"),
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  "/api/claims/{id}/events": {
    action: "claim.event.add",
    call: ({ o }) => ({ url: `/api/claims/${o.claim}/events`, payload: { type: "file_valid", date: "2024-03-04" } }),
  },
  "/api/plans": {
    action: "plan.create",
    call: () => ({
      url: "/api/plans",
      payload: { agency_id: "stp-thanh-hoa", title: "Kế hoạch gửi hai lần", year: 2024 },
    }),
  },
  "/api/task-instances": {
    action: "task_instance.create",
    call: ({ o, n }) => ({
      url: "/api/task-instances",
      payload: { items: [{ task_id: o.task, agency_id: "thads-thanh-hoa", period_label: `Đợt ${n}` }] },
    }),
  },
  "/api/plans/import": {
    action: "plan.create",
    call: () => ({
      url: "/api/plans/import",
      payload: {
        text: "KẾ HOẠCH\nCông tác bồi thường nhà nước năm 2024\nI. NHIỆM VỤ\n1. Tổ chức tập huấn",
        agency_id: "stp-thanh-hoa",
        year: 2024,
        confirm: true,
      },
    }),
  },
  "/api/requests": {
    action: "request.create",
    call: () => ({
      url: "/api/requests",
      payload: {
        kind: "legal_question",
        from_agency_id: "stp-thanh-hoa",
        to_agency_id: "cuc-btnn",
        topic: "Hỏi về thời hiệu",
      },
    }),
  },
  "/api/task-instances/{id}/comments": {
    action: "task_instance.comment",
    call: ({ o }) => ({ url: `/api/task-instances/${o.instance}/comments`, payload: { body: "Bình luận một lần" } }),
  },
  "/api/task-instances/{id}/evidence": {
    action: "task_instance.evidence.add",
    call: ({ o }) => ({
      url: `/api/task-instances/${o.instance}/evidence?file_name=minh-chung.pdf`,
      payload: Buffer.from("%PDF-1.4\n% minh chứng\n"),
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  "/api/requests/{id}/letter": {
    action: "register.allocate",
    call: async ({ fx }) => ({
      url: `/api/requests/${await requestToStp(fx)}/letter`,
      payload: { issuing_agency_id: "stp-thanh-hoa", signature: SIGNATURE, fields: { points: ["Nội dung."] } },
    }),
  },
  "/api/case-lists": {
    action: "case_list.create",
    call: () => ({
      url: "/api/case-lists",
      payload: { kind: "quarter_2009", period: "2015-Q1", agency_id: "stp-thanh-hoa" },
    }),
  },
  "/api/meetings": {
    action: "meeting.create",
    call: ({ o }) => ({
      url: "/api/meetings",
      payload: {
        agency_id: o.stp,
        variant: "meeting",
        topic: "vụ việc phức tạp",
        held_on: "2024-03-04",
        venue: "Trụ sở",
        participant_agency_ids: [o.thads],
        agenda: ["Rà soát"],
        claim_ids: [],
      },
    }),
  },
  "/api/meetings/{id}/outcome": {
    action: "meeting.outcome",
    call: ({ o }) => ({
      url: `/api/meetings/${o.meeting}/outcome`,
      payload: {
        version: 1,
        results: [{ heading: "Kết quả", paragraphs: ["Đã rà soát."] }],
        conclusions: ["Thống nhất hướng xử lý."],
        signature: SIGNATURE,
        date: "2024-03-05",
      },
    }),
  },
  "/api/outgoing": {
    action: "register.allocate",
    call: () => ({
      url: "/api/outgoing",
      payload: { agency_id: "stp-thanh-hoa", year: 2024, doc_kind: "letter", subject: "Công văn", symbol: "STP-BTNN" },
    }),
  },
  "/api/incoming": {
    action: "incoming.register",
    call: ({ n }) => ({
      url: "/api/incoming",
      payload: {
        agency_id: "stp-thanh-hoa",
        received_on: "2024-03-05",
        symbol: `${n}/THADS-NV`,
        issuer: "Cục THADS tỉnh Thanh Hóa",
        subject: "Văn bản đến",
      },
    }),
  },
  "/api/incoming/{id}/file": {
    action: "incoming.file",
    call: async ({ fx }) => ({
      url: `/api/incoming/${await incomingEntry(fx)}/file?file_name=van-ban-den.pdf`,
      payload: Buffer.from("%PDF-1.4\n% văn bản đến\n"),
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  "/api/requests/{id}/incoming": {
    action: "incoming.register",
    call: async ({ fx }) => ({
      url: `/api/requests/${await requestToStp(fx, "Đề nghị vào sổ")}/incoming`,
      payload: {},
    }),
  },
  "/api/report-templates": {
    action: "report_template.create",
    call: ({ n }) => ({
      url: "/api/report-templates",
      payload: {
        id: `mau-idem-${n}`,
        name: "Mẫu đột xuất",
        summary: "Số liệu đột xuất",
        period_kinds: ["custom"],
        sections: [{ type: "indicators", key: "x", title: "SỐ LIỆU", indicators: ["handled"] }],
        basis: "Kiểm thử",
        confidence: "confirmed",
      },
    }),
  },
  "/api/report-rounds": {
    action: "report_round.open",
    call: ({ o }) => ({
      url: "/api/report-rounds",
      payload: {
        template_id: "quick-figures",
        period_kind: "custom",
        year: 2024,
        from: "2024-01-01",
        to: "2024-06-30",
        deadline: "2024-07-15",
        agency_id: o.stp,
        participant_ids: [o.thads],
      },
    }),
  },
  "/api/report-rounds/{id}/submissions/{agency_id}/remind": {
    action: "report_submission.remind",
    call: ({ o }) => ({
      url: `/api/report-rounds/${o.round}/submissions/${o.thads}/remind`,
      payload: { note: "Đề nghị gửi báo cáo" },
    }),
  },
  "/api/report-rounds/{id}/submissions/{agency_id}/recall": {
    action: "report_submission.recall",
    call: async ({ fx, o }) => ({
      url: `/api/report-rounds/${await submittedRound(fx, o)}/submissions/${o.thads}/recall`,
      payload: {},
    }),
  },
  "/api/report-rounds/{id}/submissions/{agency_id}/return": {
    action: "report_submission.return",
    call: async ({ fx, o }) => ({
      url: `/api/report-rounds/${await submittedRound(fx, o)}/submissions/${o.thads}/return`,
      payload: { reason: "Đề nghị bổ sung số liệu" },
    }),
  },
  "/api/report-rounds/{id}/consolidate": {
    action: "report_round.consolidate",
    call: ({ o }) => ({ url: `/api/report-rounds/${o.round}/consolidate`, payload: {} }),
  },
  "/api/evaluation/assessments/{id}/review": {
    action: "evaluation.review",
    call: ({ o }) => ({ url: `/api/evaluation/assessments/${o.assessment}/review`, payload: { note: "Thẩm định" } }),
  },
  "/api/inspections": {
    action: "inspection.create",
    call: ({ o }) => ({
      url: "/api/inspections",
      payload: {
        title: "Kiểm tra công tác BTNN",
        lead_agency_id: o.stp,
        year: 2024,
        team: [{ name: "Nguyễn Văn Trưởng Đoàn", title: "Phó Giám đốc", role: "leader" }],
        targets: [{ agency_id: o.thads, date: "2024-09-10" }],
      },
    }),
  },
  "/api/inspections/{id}/results": {
    action: "inspection.result",
    call: ({ o }) => ({
      url: `/api/inspections/${o.inspection}/results`,
      payload: {
        findings: [{ target_agency_id: o.thads, text: "Phát hiện gửi một lần" }],
        recommendations: [{ target_agency_id: o.thads, recommendation: "Khắc phục." }],
        report_date: "2024-09-30",
      },
    }),
  },
  "/api/trainings": {
    action: "training.create",
    call: ({ o }) => ({
      url: "/api/trainings",
      payload: {
        kind: "training",
        title: "Tập huấn Luật TNBTCNN",
        organiser_agency_id: o.stp,
        date: "2024-05-10",
        participants: 40,
      },
    }),
  },
  "/api/trainings/{id}/evidence": {
    action: "task_instance.evidence.link",
    call: async ({ o, fx }) => {
      // A task of the organiser itself (the fixture's instance belongs to the THADS).
      const [own] = await createTaskInstances(fx.database.db, SYSTEM_SCOPE, [{ task_id: o.task, agency_id: o.stp }]);
      return { url: `/api/trainings/${o.training}/evidence`, payload: { task_instance_id: own.id } };
    },
  },
};

/**
 * The POSTs that opt out (`config: { idempotency: false }`, so the OpenAPI document lists no Idempotency-Key) and why a
 * repeat cannot create a second record. A new opt-out needs a row here, i.e. a stated reason (the guard test).
 */
export const OPT_OUTS: Record<string, string> = {
  // Sessions and passwords: no record is created, or the login / reset throttles count every try.
  "/api/auth/login": "no session yet to key by; a repeat only opens another session (throttled per user and address)",
  "/api/auth/logout": "ends the caller's session; a repeat has no session left (401)",
  "/api/auth/password": "changes the caller's own password; a repeat's current_password is wrong (422), throttled",
  "/api/auth/password-reset":
    "public, no user to key by; each call issues a fresh single-use link (30 min), throttled per address",
  "/api/auth/password-reset/confirm": "consumes a single-use link; a repeat finds it used (410)",
  "/api/users/{id}/password": "sets another account's password: the state after a repeat is the same",
  // State changes of existing records: a repeat leaves the same state.
  "/api/bulk/assign": "assigns existing items; assigning to the same person again changes nothing (changed: 0)",
  "/api/bulk/mark-read": "marks existing items read for the caller: a repeat changes nothing",
  "/api/notifications/read-all": "marks the caller's notifications read: a repeat changes nothing",
  "/api/notifications/{id}/read": "marks one notification read: a repeat changes nothing",
  "/api/requests/{id}/copies/{copy_id}/read": "a read receipt, recorded once per copy: a repeat changes nothing",
  "/api/public-data-requests/{id}/close": "closes an open correction request; a repeat finds it closed (409)",
  "/api/public-submissions/{id}/refuse": "a decision on an existing submission; a repeat finds it decided (409)",
  "/api/public-submissions/{id}/answer": "a decision on an existing submission; a repeat finds it decided (409)",
  "/api/public-submissions/{id}/forward": "moves an existing submission to another agency; a repeat finds it moved",
  // Reads and previews (at most an audit entry of the read).
  "/api/admin/impact-preview": "a preview of a rule change: writes nothing",
  "/api/route": "a preview of the routing rules: writes nothing",
  "/api/public/check": "the portal's eligibility check: writes nothing",
  "/api/public/claim-form": "renders the claim form (docx/pdf) from the answers: writes nothing",
  "/api/public/status": "the portal's status lookup: writes nothing but the attempt counter",
  "/api/public/my-data": "the data subject's access request: writes only its audit entry",
  // Public or token-authenticated creating routes: no user to key the header by, so the repository dedupes.
  "/api/public/my-data/corrections":
    "public, no user to key by: an identical open correction request is answered with itself (test below)",
  "/api/public/my-data/withdraw": "withdraws consent once; a repeat is refused (422 consent_withdrawn)",
  "/api/admin/backup":
    "control-token route of `btnn backup` (no session): writes a backup file the caller names, a repeat overwrites it",
};
