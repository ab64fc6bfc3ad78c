// POST /api/admin/impact-preview (issue 5, administration): moved open deadlines of the caller's scope for a proposed
// notice day or legal parameter change; nothing is saved; officers cannot call it; another province's claims stay out.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { createClaim } from "../../src/db/repositories/claims.ts";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { defaultCalendar } from "../../src/domain/calendar/index.ts";
import { buildApp } from "../../src/http/app.ts";
import { Client } from "../http/helpers.ts";

let database: Database;
let app: FastifyInstance;
const c = {} as Record<"admin" | "thAdmin" | "officer", Client>;
const ids = {} as Record<"th" | "na", string>;

async function login(username: string): Promise<Client> {
  const cl = new Client(app);
  const r = await cl.login(username, "btnn@2026");
  assert.equal(r.statusCode, 200, r.body);
  return cl;
}

before(async () => {
  database = await openTestDatabase();
  await seedDemo(database, { asOf: "2026-03-02" });
  // One claim received 28/12/2026 in Thanh Hóa, one in Nghệ An (as of that day, the 05-WD supplement duty is open).
  for (const [k, agency] of [
    ["th", "thads-thanh-hoa"],
    ["na", "thads-nghe-an"],
  ] as const) {
    const cl = await createClaim(
      database.db,
      SYSTEM_SCOPE,
      {
        field: "civil_enforcement",
        handling_agency_id: agency,
        claimant_name: "Nguyễn Văn Ảnh Hưởng",
        code: `IMPACT-${k}`,
        events: [{ type: "received", date: "2026-12-28" }],
      },
      { as_of: "2026-12-28", calendar: defaultCalendar },
    );
    ids[k] = cl.id;
  }
  app = await buildApp({ database, config: {} });
  await app.ready();
  c.admin = await login("admin");
  c.thAdmin = await login("stp.thanhhoa.quantri");
  c.officer = await login("stp.thanhhoa.canbo");
});
after(async () => {
  await app?.close();
  await database?.close();
});

const DAY_OFF = {
  calendar_day: {
    date: "2026-12-31",
    kind: "swapped_off",
    name: "Nghỉ hoán đổi (dự thảo)",
    source: "Dự thảo thông báo",
  },
  as_of: "2026-12-28",
};

describe("Xem trước ảnh hưởng của thay đổi lịch nghỉ / tham số pháp lý", () => {
  test("Luật TNBTCNN 2017, Điều 42 khoản 2 — thêm ngày nghỉ 31/12/2026: hạn 05 ngày làm việc từ 28/12/2026 dời 05/01 → 06/01/2027; không lưu gì", async () => {
    const r = await c.admin.post("/api/admin/impact-preview", DAY_OFF);
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json();
    const mine = b.moves.filter((m: { claim_code: string }) => m.claim_code?.startsWith("IMPACT-"));
    assert.deepEqual(
      mine.map((m: { claim_code: string; step: string; old_due: string; new_due: string }) => [
        m.claim_code,
        m.step,
        m.old_due,
        m.new_due,
      ]),
      [
        ["IMPACT-na", "supplement", "2027-01-05", "2027-01-06"],
        ["IMPACT-th", "supplement", "2027-01-05", "2027-01-06"],
      ],
    );
    assert.ok(b.claims_checked > 2);
    // Nothing saved: the holiday list is unchanged and the claim's stored deadline is the old one.
    const hol = (await c.admin.get("/api/calendar/holidays?year=2026")).json().items;
    assert.ok(!hol.some((h: { date: string }) => h.date === "2026-12-31"));
    const dl = (await c.admin.get(`/api/claims/${ids.th}/deadlines`)).body;
    assert.ok(dl.includes("2027-01-05") && !dl.includes("2027-01-06"));
  });

  test("Phạm vi — quản trị Sở Tư pháp Thanh Hóa chỉ thấy vụ việc trong tỉnh; cán bộ nghiệp vụ không được gọi (403)", async () => {
    const r = await c.thAdmin.post("/api/admin/impact-preview", DAY_OFF);
    assert.equal(r.statusCode, 200, r.body);
    const codes = r.json().moves.map((m: { claim_code: string }) => m.claim_code);
    assert.ok(codes.includes("IMPACT-th"));
    assert.ok(!codes.includes("IMPACT-na"));
    assert.equal((await c.officer.post("/api/admin/impact-preview", DAY_OFF)).statusCode, 403);
  });

  test("Luật TNBTCNN 2017, Điều 42 khoản 2 — đổi tham số 05 → 10 ngày làm việc: hạn dời sang 12/01/2027; tham số không có: 422; không chọn thay đổi: 422", async () => {
    // 10 WD from 28/12/2026: 29, 30, 31, [01/01], 04, 05, 06, 07, 08, 11, 12 → 12/01/2027.
    const r = await c.thAdmin.post("/api/admin/impact-preview", {
      parameter: { key: "supplement", law: "law_2017", variant: "agency_request", value: 10 },
      as_of: "2026-12-28",
    });
    assert.equal(r.statusCode, 200, r.body);
    const m = r.json().moves.find((x: { claim_code: string }) => x.claim_code === "IMPACT-th");
    assert.deepEqual([m.step, m.old_due, m.new_due], ["supplement", "2027-01-05", "2027-01-12"]);
    const unknown = await c.thAdmin.post("/api/admin/impact-preview", {
      parameter: { key: "khong-co", law: "law_2017", value: 3 },
    });
    assert.equal(unknown.statusCode, 422, unknown.body);
    const none = await c.thAdmin.post("/api/admin/impact-preview", { as_of: "2026-12-28" });
    assert.equal(none.statusCode, 422, none.body);
    const bad = await c.thAdmin.post("/api/admin/impact-preview", {
      calendar_day: { ...DAY_OFF.calendar_day, date: "2026-13-01" },
    });
    assert.equal(bad.statusCode, 400, bad.body);
  });
});
