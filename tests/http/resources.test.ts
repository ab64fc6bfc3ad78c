// Resources end to end through the API: personal-data masking and audited unmasking, claim events and deadlines,
// pagination shape, requests with their routing result, outgoing numbers, calendar wrappers, OpenAPI coverage.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditLog } from "../../src/db/schema/index.ts";
import { type Client, type Fixture, setupFixture, signedIn } from "./helpers.ts";

let fx: Fixture;
let officer: Client;
let viewer: Client;
let claimId: string;

before(async () => {
  fx = await setupFixture();
  officer = await signedIn(fx.app, "officer");
  viewer = await signedIn(fx.app, "viewer");
  const r = await officer.post("/api/claims", {
    field: "civil_enforcement",
    handling_agency_id: "thads-thanh-hoa",
    claimant_name: "Lê Thị Bình",
    claimant_id_number: "038190005678",
    claimant_address: "5 Trần Phú, phường Hạc Thành, tỉnh Thanh Hóa",
    claimant_phone: "0987654321",
    events: [{ type: "received", date: "2024-03-01" }],
  });
  assert.equal(r.statusCode, 201, r.body);
  claimId = r.json().id;
});
after(() => fx.close());

const revealAudits = () =>
  fx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "claim.personal_data.read"), eq(auditLog.entityId, claimId)));

describe("Thông tin cá nhân người yêu cầu bồi thường", () => {
  test("mặc định được che với mọi vai trò; danh sách luôn che", async () => {
    for (const c of [officer, viewer]) {
      const d = (await c.get(`/api/claims/${claimId}`)).json();
      assert.equal(d.masked, true);
      assert.equal(d.claimant_id_number, "•••••••••678");
      assert.equal(d.claimant_phone, "••••••••21");
      assert.equal(d.claimant_address, "•••, tỉnh Thanh Hóa");
      assert.equal(d.claimant_name, "Lê Thị Bình");
    }
    const list = (await officer.get("/api/claims")).json();
    assert.ok(list.items.every((x: { masked: boolean }) => x.masked));
    assert.equal((await revealAudits()).length, 0, "masked reads are not personal-data reads");
  });

  test("?reveal=personal: cán bộ được xem, mỗi lần xem ghi nhật ký (người xem, mã yêu cầu)", async () => {
    const r = await officer.get(`/api/claims/${claimId}?reveal=personal`);
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().masked, false);
    assert.equal(r.json().claimant_id_number, "038190005678");
    assert.equal(r.headers["cache-control"], "no-store");
    const rows = await revealAudits();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].actorUserId, fx.userIds.officer);
    assert.equal(rows[0].actorAgencyId, "stp-thanh-hoa");
    assert.equal(rows[0].requestId, r.headers["x-request-id"]);
  });

  test("?reveal=personal với vai trò không có quyền → 403, không ghi nhật ký xem", async () => {
    const before = (await revealAudits()).length;
    const r = await viewer.get(`/api/claims/${claimId}?reveal=personal`);
    assert.equal(r.statusCode, 403);
    assert.match(r.json().error, /thông tin cá nhân/);
    assert.equal((await revealAudits()).length, before);
  });
});

describe("Sự kiện và thời hạn", () => {
  test("Luật TNBTCNN 2017, Điều 43 khoản 1 — hồ sơ hợp lệ rồi thụ lý: trạng thái, phiên bản, thời hạn cập nhật", async () => {
    const e1 = await officer.post(`/api/claims/${claimId}/events`, { type: "file_valid", date: "2024-03-04" });
    assert.equal(e1.statusCode, 201, e1.body);
    assert.equal(e1.json().state, "file_valid");
    const v = e1.json().version;
    const e2 = await officer.post(`/api/claims/${claimId}/events`, {
      type: "accepted",
      date: "2024-03-05",
      version: v,
    });
    assert.equal(e2.statusCode, 201, e2.body);
    assert.equal(e2.json().state, "accepted");
    assert.equal(e2.json().version, v + 1);
    const events = (await officer.get(`/api/claims/${claimId}/events`)).json();
    assert.deepEqual(
      events.map((e: { type: string }) => e.type),
      ["received", "file_valid", "accepted"],
    );
    const deadlines = (await officer.get(`/api/claims/${claimId}/deadlines`)).json();
    assert.ok(Array.isArray(deadlines) && deadlines.length > 0);
    assert.ok(
      deadlines.every(
        (d: { basis: string | null }) => d.basis === null || d.basis.includes("Luật") || d.basis.length > 0,
      ),
    );
    const stale = await officer.post(`/api/claims/${claimId}/events`, {
      type: "officer_appointed",
      date: "2024-03-06",
      version: v,
    });
    assert.equal(stale.statusCode, 409);
  });
});

describe("Danh sách: phân trang và lọc", () => {
  test("{ items, total, page, page_size } và page_size được tôn trọng", async () => {
    for (let i = 0; i < 3; i++)
      await officer.post("/api/claims", {
        field: "administration",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: `Người thứ ${i}`,
      });
    const p1 = (await officer.get("/api/claims?page=1&page_size=2")).json();
    assert.equal(p1.page, 1);
    assert.equal(p1.page_size, 2);
    assert.equal(p1.items.length, 2);
    assert.ok(p1.total >= 4);
    const p2 = (await officer.get("/api/claims?page=2&page_size=2")).json();
    assert.notDeepEqual(
      p2.items.map((x: { id: string }) => x.id),
      p1.items.map((x: { id: string }) => x.id),
    );
    const adm = (await officer.get("/api/claims?field=administration&page_size=100")).json();
    assert.equal(adm.total, 3);
  });
});

describe("Yêu cầu phối hợp, sổ văn bản đi, lịch, điều phối", () => {
  test("tạo yêu cầu lưu kết quả điều phối (route) cùng yêu cầu; hộp thư đi/đến", async () => {
    const r = await officer.post("/api/requests", {
      kind: "legal_question",
      from_agency_id: "stp-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "Hỏi về cách tính thời hiệu",
      situation: { topic: "compensation" },
    });
    assert.equal(r.statusCode, 201, r.body);
    const preview = await officer.post("/api/route", {
      kind: "legal_question",
      from_role: "SO_TU_PHAP",
      to_role: "CUC_BTNN",
      topic: "compensation",
    });
    assert.equal(preview.statusCode, 200);
    assert.deepEqual(r.json().routing, preview.json(), "stored routing = route() preview of the same situation");
    const out = (await officer.get("/api/requests?box=outbox")).json();
    assert.ok(out.items.some((x: { id: string }) => x.id === r.json().id));
    const inbox = (await officer.get("/api/requests?box=inbox")).json();
    assert.ok(!inbox.items.some((x: { id: string }) => x.id === r.json().id));
  });

  test("tình huống điều phối sai → 422 nêu trường", async () => {
    const r = await officer.post("/api/requests", {
      kind: "legal_question",
      from_agency_id: "stp-thanh-hoa",
      to_agency_id: "khong-co-co-quan-nay",
      topic: "x",
    });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().issues[0].path, "/to_agency_id");
  });

  test("sổ văn bản đi: số liên tiếp 1, 2 trong năm của cơ quan", async () => {
    const body = {
      agency_id: "stp-thanh-hoa",
      year: 2025,
      doc_kind: "letter",
      subject: "Công văn",
      symbol: "STP-BTNN",
    };
    const a = await officer.post("/api/outgoing", body);
    const b = await officer.post("/api/outgoing", body);
    assert.equal(a.statusCode, 201, a.body);
    assert.deepEqual([a.json().number, b.json().number], [1, 2]);
    assert.equal(b.json().display, "2/STP-BTNN");
  });

  test("lịch: nghỉ lễ năm 2025 có Quốc khánh 02/9; cộng 5 ngày làm việc từ thứ Sáu 29/8/2025 bỏ qua 30/8–2/9", async () => {
    const h = (await viewer.get("/api/calendar/holidays?year=2025")).json();
    assert.ok(h.items.some((x: { date: string }) => x.date === "2025-09-02"));
    const p = await viewer.get("/api/calendar/add-period?from=2025-08-29&value=5&unit=working_days");
    assert.equal(p.statusCode, 200);
    // Working days after Fri 29/8: Wed 3/9, Thu 4/9, Fri 5/9, Mon 8/9, Tue 9/9 (1–2/9 off for National Day 2025).
    assert.equal(p.json().date, "2025-09-09");
    assert.ok(p.json().explanation.length > 0);
  });
});

describe("Tài liệu OpenAPI", () => {
  test("/api/openapi.json liệt kê mọi đường dẫn API đã đăng ký", async () => {
    const doc = (await fx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const listed = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>))
      for (const m of Object.keys(ops)) listed.add(`${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
    for (const k of [
      "POST /api/auth/login",
      "GET /api/claims",
      "POST /api/claims/:id/events",
      "PATCH /api/plans/:id",
      "POST /api/requests",
      "POST /api/outgoing",
      "GET /api/audit",
      "POST /api/route",
    ])
      assert.ok(listed.has(k), k);
    const login = doc.paths["/api/auth/login"].post;
    assert.ok(login.requestBody.content["application/json"].schema.properties.username);
  });
});
