// The claim file through the API (issue 12): live recording only takes the next step, dated between the previous
// step and today in Vietnam (fake clock at 00:30 Vietnam time, when the UTC date is still yesterday); refusals name
// the field and write nothing; a correction (cải chính) recomputes the deadlines and keeps the original; a closed claim
// is not editable by an officer and is corrected by the agency leader with a reason (audited); backfill is a separate
// permission.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { auditLog, memberships, users } from "../../src/db/schema/index.ts";
import { defaultCalendar } from "../../src/domain/calendar/index.ts";
import { computeDeadlines } from "../../src/domain/claims/index.ts";
import { type Client, type Fixture, PASSWORD, setupFixture, signedIn } from "./helpers.ts";

// 05/12/2026 00:30 in Vietnam = 04/12/2026 17:30 UTC.
let clock = new Date("2026-12-04T17:30:00Z");
let fx: Fixture;
let officer: Client;
let leader: Client;
let claimId = "";

async function counts() {
  const q = async (t: string) =>
    Number((await fx.database.query<{ n: string }>(`select count(*)::int as n from ${t}`))[0].n);
  return { events: await q("claim_events"), audit: await q("audit_log"), corrections: await q("claim_corrections") };
}

before(async () => {
  fx = await setupFixture({ now: () => clock });
  const [u] = await fx.database.db
    .insert(users)
    .values({ username: "leader", fullName: "Lãnh đạo Sở", passwordHash: await hash(PASSWORD) })
    .returning({ id: users.id });
  await fx.database.db.insert(memberships).values({ userId: u.id, agencyId: "stp-thanh-hoa", role: "leader" });
  officer = await signedIn(fx.app, "officer");
  leader = await signedIn(fx.app, "leader");
  const r = await officer.post("/api/claims", {
    field: "civil_enforcement",
    handling_agency_id: "thads-thanh-hoa",
    claimant_name: "Trịnh Văn Hồ Sơ",
    events: [{ type: "received", date: "2026-11-02" }],
  });
  assert.equal(r.statusCode, 201, r.body);
  claimId = r.json().id;
  assert.match(r.json().code, /^BT-2026-\d{4}$/);
  assert.equal(
    (await officer.post(`/api/claims/${claimId}/events`, { type: "file_valid", date: "2026-11-03" })).statusCode,
    201,
  );
});
after(() => fx.close());

describe("Ghi trực tiếp: chỉ bước tiếp theo, ngày theo giờ Việt Nam — sai → 422 nêu trường, không ghi gì", () => {
  const refused = async (body: object, field: string, code: string) => {
    const before = await counts();
    const r = await officer.post(`/api/claims/${claimId}/events`, body);
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().code, code);
    assert.equal(r.json().issues[0].path, `/${field}`);
    assert.deepEqual(await counts(), before, "nothing written");
    return r.json();
  };

  test("Luật TNBTCNN 2017, Điều 47 khoản 1 — bỏ bước: ra quyết định ngay sau hồ sơ hợp lệ → 422 type", async () => {
    const e = await refused({ type: "decision_issued", date: "2026-11-04" }, "type", "transition_not_allowed");
    assert.match(e.error, /Thụ lý hồ sơ/);
  });

  test("ngày tương lai (06/12 khi ở Việt Nam là 00:30 ngày 05/12) → 422 date", async () => {
    const e = await refused({ type: "accepted", date: "2026-12-06" }, "date", "future_date");
    assert.match(e.error, /05\/12\/2026/);
  });

  test("ngày trước bước trước (01/11 trước hồ sơ hợp lệ 03/11) → 422 date", async () => {
    await refused({ type: "accepted", date: "2026-11-01" }, "date", "event_out_of_order");
  });

  test("hôm nay theo giờ Việt Nam (05/12, khi giờ UTC còn là 04/12) được nhận", async () => {
    const r = await officer.post(`/api/claims/${claimId}/events`, { type: "accepted", date: "2026-12-05" });
    assert.equal(r.statusCode, 201, r.body);
    assert.ok(r.json().next_actions.some((a: { event: string }) => a.event === "officer_appointed"));
  });

  test("23:30 ngày 05/12 giờ Việt Nam: ngày 06/12 vẫn là tương lai", async () => {
    clock = new Date("2026-12-05T16:30:00Z");
    officer = await signedIn(fx.app, "officer"); // the sessions of 00:30 have idled out by 23:30
    leader = await signedIn(fx.app, "leader");
    await refused({ type: "officer_appointed", date: "2026-12-06" }, "date", "future_date");
  });
});

describe("Cải chính: bước đã ghi được sửa có lý do, thời hạn tính lại, bản gốc vẫn còn", () => {
  test("Luật TNBTCNN 2017, Điều 45 khoản 2 — sửa ngày thụ lý 05/12 → 05/11: hạn xác minh tính lại từ 05/11", async () => {
    const d = (await officer.get(`/api/claims/${claimId}`)).json();
    const accepted = d.events.find((e: { type: string }) => e.type === "accepted");
    const verifyBefore = d.deadlines.find((x: { step: string }) => x.step === "verify");
    const noReason = await officer.post(`/api/claims/${claimId}/corrections`, {
      event: { event_id: accepted.id, action: "correct", date: "2026-11-05" },
      reason: "",
    });
    assert.equal(noReason.statusCode, 400, noReason.body);
    assert.equal(noReason.json().issues[0].path, "/reason");
    const future = await officer.post(`/api/claims/${claimId}/corrections`, {
      event: { event_id: accepted.id, action: "correct", date: "2026-12-07" },
      reason: "Ghi nhầm ngày thụ lý",
    });
    assert.equal(future.statusCode, 422, future.body);
    assert.equal(future.json().issues[0].path, "/date");
    const r = await officer.post(`/api/claims/${claimId}/corrections`, {
      event: { event_id: accepted.id, action: "correct", date: "2026-11-05" },
      reason: "Ghi nhầm ngày thụ lý (sổ thụ lý ghi 05/11/2026)",
      version: d.version,
    });
    assert.equal(r.statusCode, 200, r.body);
    const c = r.json();
    const verify = c.deadlines.find((x: { step: string }) => x.step === "verify");
    assert.equal(verify.details.from_date, "2026-11-05");
    assert.notEqual(verify.due, verifyBefore.due);
    const expected = computeDeadlines(
      {
        law: "law_2017",
        complex: false,
        events: [
          { type: "received", date: "2026-11-02" },
          { type: "file_valid", date: "2026-11-03" },
          { type: "accepted", date: "2026-11-05" },
        ],
      },
      defaultCalendar,
      "2026-12-05",
    ).deadlines.find((x) => x.step === "verify");
    assert.equal(verify.due, expected?.due);
    assert.equal(verify.status, "overdue");
    assert.equal(c.corrections.length, 1);
    assert.equal(c.corrections[0].before.date, "2026-12-05");
    assert.equal(c.corrections[0].after.date, "2026-11-05");
    assert.match(c.corrections[0].reason, /Ghi nhầm/);
    assert.equal(c.corrections[0].corrected_by_name, "Người dùng officer");
    const audits = await fx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "claim.correct"), eq(auditLog.entityId, claimId)));
    assert.equal(audits.length, 1);
    assert.match(JSON.stringify(audits[0].after), /Ghi nhầm ngày thụ lý/);
  });

  test("cải chính số điện thoại: bản gốc và bản sửa trong danh sách cải chính được che như thông tin cá nhân", async () => {
    const r = await officer.post(`/api/claims/${claimId}/corrections`, {
      fields: { claimant_phone: "0912345678" },
      reason: "Người yêu cầu đổi số điện thoại",
    });
    assert.equal(r.statusCode, 200, r.body);
    // The officer's role reads personal data: the correction shows it; a masked read hides it in the correction too.
    const viewer = await signedIn(fx.app, "viewer");
    const masked = await viewer.get(`/api/claims/${claimId}`);
    assert.equal(masked.statusCode, 200, masked.body);
    const last = masked.json().corrections.at(-1);
    assert.equal(last.target, "claim");
    assert.equal(last.after.claimant_phone, "••••••••78");
    assert.ok(!masked.body.includes("0912345678"));
  });

  test("cải chính làm lịch sử mâu thuẫn (thụ lý trước ngày nhận hồ sơ) → 422, không ghi gì", async () => {
    const d = (await officer.get(`/api/claims/${claimId}`)).json();
    const accepted = d.events.find((e: { type: string }) => e.type === "accepted");
    const before = await counts();
    const r = await officer.post(`/api/claims/${claimId}/corrections`, {
      event: { event_id: accepted.id, action: "correct", date: "2026-10-30" },
      reason: "Thử ngày trước khi nhận hồ sơ",
    });
    assert.equal(r.statusCode, 422, r.body);
    assert.deepEqual(await counts(), before);
  });

  test("hủy một bước ghi nhầm: bước biến khỏi lịch sử, bản gốc còn trong danh sách cải chính", async () => {
    const d = (await officer.get(`/api/claims/${claimId}`)).json();
    const fv = d.events.find((e: { type: string }) => e.type === "file_valid");
    const r = await officer.post(`/api/claims/${claimId}/corrections`, {
      event: { event_id: fv.id, action: "void" },
      reason: "Hồ sơ chưa hợp lệ, ghi nhầm",
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(!r.json().events.some((e: { type: string }) => e.type === "file_valid"));
    assert.equal(r.json().corrections.at(-1).before.type, "file_valid");
    assert.equal(r.json().corrections.at(-1).action, "void");
  });
});

describe("Vụ việc đã kết thúc: cán bộ không sửa được; lãnh đạo cải chính có lý do; nhập bổ sung là quyền riêng", () => {
  let closedId = "";
  const backfill = {
    field: "civil_enforcement",
    handling_agency_id: "thads-thanh-hoa",
    claimant_name: "Lê Văn Đã Chi Trả",
    events: [
      { type: "accepted", date: "2026-03-02" },
      { type: "decision_issued", date: "2026-05-04" },
      { type: "decision_effective", date: "2026-05-20" },
      { type: "paid", date: "2026-06-10" },
    ],
  };

  test("nhập bổ sung: cán bộ → 403; lãnh đạo → 201 với cảnh báo “chưa ghi nhận” nêu bước thiếu", async () => {
    const no = await officer.post("/api/claims/backfill", backfill);
    assert.equal(no.statusCode, 403, no.body);
    const r = await leader.post("/api/claims/backfill", backfill);
    assert.equal(r.statusCode, 201, r.body);
    closedId = r.json().id;
    assert.equal(r.json().state, "paid");
    const missing = r.json().unrecorded.flatMap((u: { missing: string[] }) => u.missing);
    assert.ok(missing.includes("funds_requested"), JSON.stringify(missing));
    const [a] = await fx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "claim.backfill"), eq(auditLog.entityId, closedId)));
    assert.match(JSON.stringify(a.after), /chưa ghi nhận/);
  });

  test("cán bộ: sửa (PATCH) → 409, cải chính → 403; lãnh đạo cải chính ngày chi trả có lý do → 200, có nhật ký", async () => {
    const d = (await officer.get(`/api/claims/${closedId}`)).json();
    const patch = await officer.patch(`/api/claims/${closedId}`, { summary: "Sửa", version: d.version });
    assert.equal(patch.statusCode, 409, patch.body);
    const paid = d.events.find((e: { type: string }) => e.type === "paid");
    const body = {
      event: { event_id: paid.id, action: "correct", date: "2026-06-12" },
      reason: "Ủy nhiệm chi ghi ngày 12/6/2026",
    };
    const before = await counts();
    const no = await officer.post(`/api/claims/${closedId}/corrections`, body);
    assert.equal(no.statusCode, 403, no.body);
    // Named the way people read it, not by its code (claims.correct_closed).
    assert.match(no.json().error, /cần quyền "Cải chính vụ việc đã kết thúc"/);
    assert.doesNotMatch(no.json().error, /claims\./);
    assert.deepEqual(await counts(), before);
    const ok = await leader.post(`/api/claims/${closedId}/corrections`, body);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().events.find((e: { type: string }) => e.type === "paid").date, "2026-06-12");
    assert.equal(ok.json().corrections[0].closed_claim, true);
    assert.equal(ok.json().corrections[0].corrected_by_name, "Lãnh đạo Sở");
    const [a] = await fx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "claim.correct"), eq(auditLog.entityId, closedId)));
    assert.equal((a.after as { closed_claim: boolean }).closed_claim, true);
  });
});
