// KH 2021 mục II.2 through the API (app.inject over a migrated test database with the demo seed): a meeting / field
// trip scheduled from a case-list snapshot, its outcome recorded, the report (.docx, Decree 30 layout, number from the
// outgoing register) downloadable and linked as evidence to the II.2 task instance; another province sees nothing.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { checkNd30Layout, inspectDocx } from "../../src/documents/index.ts";
import { buildApp } from "../../src/http/app.ts";
import { Client } from "../http/helpers.ts";

const PASSWORD = "btnn@2026";
const SIGNER = { authority: "KT.", authority_title: "Cục trưởng", title: "Phó Cục trưởng", name: "Nguyễn Văn Bình" };

let database: Database;
let app: FastifyInstance;
const c = {} as Record<"cuc" | "stp" | "nghean" | "viewer", Client>;

async function login(username: string): Promise<Client> {
  const cl = new Client(app);
  const r = await cl.login(username, PASSWORD);
  assert.equal(r.statusCode, 200, r.body);
  return cl;
}

let snapshot: { id: string; rows: Array<{ claim_id: string; claim_code: string }> };
let stpSnapshot: { id: string; rows: Array<{ claim_id: string; claim_code: string }> };
let meetingId = "";
let ngheAnClaim = "";

before(async () => {
  database = await openTestDatabase();
  await seedDemo(database, { asOf: "2026-03-02" });
  app = await buildApp({ database, config: {} });
  await app.ready();
  c.cuc = await login("cucbtnn.canbo");
  c.stp = await login("stp.thanhhoa.canbo");
  c.nghean = await login("stp.nghean.canbo");
  c.viewer = await login("cucbtnn.xem");
  // The plan KH 2021 (seed 000) imported for 2026: its task II.2 gets an instance for the Cục.
  const text = await readFile(new URL("../fixtures/seed-000-kh-2021.txt", import.meta.url), "utf8");
  const imp = await c.cuc.post("/api/plans/import", { text, year: 2026, confirm: true });
  assert.equal(imp.statusCode, 201, imp.body);
  // "Trên cơ sở danh mục …": the II.2 task has no fixed date; its instance for the Cục is created by hand.
  const plan = (await c.cuc.get(`/api/plans/${imp.json().plan_id}`)).json();
  const task = plan.tasks.find((t: { ref: string }) => t.ref === "II.2");
  assert.ok(task, "nhiệm vụ II.2 trong kế hoạch");
  const existing = (await c.cuc.get(`/api/task-instances?plan_id=${plan.id}&page_size=100`)).json().items as Array<{
    task_id: string;
  }>;
  if (!existing.some((i) => i.task_id === task.id)) {
    const ti = await c.cuc.post("/api/task-instances", {
      items: [{ task_id: task.id, agency_id: "cuc-btnn", period_label: "Năm 2026" }],
    });
    assert.equal(ti.statusCode, 201, ti.body);
  }
  const s = await c.cuc.post("/api/case-lists", { kind: "half_year_2017", period: "2025-H2", as_of: "2026-01-15" });
  assert.equal(s.statusCode, 201, s.body);
  snapshot = s.json();
  const s2 = await c.stp.post("/api/case-lists", { kind: "half_year_2017", period: "2025-H2", as_of: "2026-01-15" });
  assert.equal(s2.statusCode, 201, s2.body);
  stpSnapshot = s2.json();
  const na = (await c.nghean.get("/api/claims?page_size=1")).json();
  ngheAnClaim = na.items[0].id;
});
after(async () => {
  await app?.close();
  await database?.close();
});

describe("KH 2021 mục II.2 — họp, đoàn công tác về vụ việc phức tạp, tồn đọng, kéo dài", () => {
  test("KH 2021 mục II.2 — lên lịch đoàn công tác từ danh mục: vụ việc lấy từ danh mục, thành phần là các cơ quan, nhiệm vụ II.2 được gắn", async () => {
    assert.ok(snapshot.rows.length >= 2, "danh mục có vụ việc");
    const picked = snapshot.rows.slice(0, 2);
    const r = await c.cuc.post("/api/meetings", {
      snapshot_id: snapshot.id,
      variant: "field_trip",
      topic: "giải quyết vụ việc phức tạp, tồn đọng, kéo dài",
      held_on: "2026-03-10",
      held_until: "2026-03-12",
      venue: "Thi hành án dân sự tỉnh Thanh Hóa",
      participant_agency_ids: ["cuc-btnn", "cuc-ql-thads", "thads-thanh-hoa"],
      agenda: ["Rà soát tình hình giải quyết", "Thống nhất hướng xử lý"],
      claim_ids: picked.map((p) => p.claim_id),
    });
    assert.equal(r.statusCode, 201, r.body);
    const m = r.json();
    meetingId = m.id;
    assert.equal(m.status, "planned");
    assert.equal(m.basis, "KH 2021 mục II.2");
    assert.equal(m.snapshot_id, snapshot.id);
    assert.deepEqual(
      m.claim_ids,
      picked.map((p) => p.claim_id),
    );
    assert.deepEqual(
      m.outcome.cases.map((x: { code: string }) => x.code),
      picked.map((p) => p.claim_code),
    );
    assert.deepEqual(
      m.participant_agencies.map((a: { id: string }) => a.id),
      ["cuc-btnn", "cuc-ql-thads", "thads-thanh-hoa"],
    );
    assert.ok(m.task_instance_id, "nhiệm vụ KH 2021 mục II.2 được gắn");
    const list = (await c.cuc.get("/api/meetings")).json().items;
    assert.ok(list.some((x: { id: string }) => x.id === meetingId));
  });

  test("KH 2021 mục II.2 — ghi nhận kết quả: báo cáo .docx đúng thể thức, số từ sổ văn bản đi, là minh chứng của nhiệm vụ II.2", async () => {
    const before = (await c.cuc.get(`/api/meetings/${meetingId}`)).json();
    const r = await c.cuc.post(`/api/meetings/${meetingId}/outcome`, {
      version: before.version,
      chair: "Ông Nguyễn Văn Bình, Phó Cục trưởng",
      results: [
        { heading: "Tình hình giải quyết", paragraphs: ["Đoàn đã làm việc với cơ quan giải quyết bồi thường."] },
      ],
      conclusions: ["Thống nhất giải quyết dứt điểm trong Quý II năm 2026."],
      cases: [
        { claim_id: before.claim_ids[0], status: "Đã thương lượng, chưa thống nhất", direction: "Trưng cầu giám định" },
      ],
      signature: SIGNER,
      date: "2026-03-16",
    });
    assert.equal(r.statusCode, 201, r.body);
    const m = r.json();
    assert.equal(m.status, "held");
    assert.match(m.report.number, /^\d+\/BC-BTNN$/);
    assert.equal(m.report_attachment_id, m.report.attachment_id);
    const file = await c.cuc.get(`/api/meetings/${meetingId}/report`);
    assert.equal(file.statusCode, 200);
    const bytes = file.rawPayload;
    assert.deepEqual(checkNd30Layout(await inspectDocx(bytes), "report"), []);
    const task = (await c.cuc.get(`/api/task-instances/${m.task_instance_id}`)).json();
    assert.ok(
      (task.evidence as Array<{ meeting_id?: string }>).some((e) => e.meeting_id === meetingId),
      JSON.stringify(task.evidence),
    );
    assert.equal(task.status, "done");
    // The outgoing register has the report under the same number.
    const out = (await c.cuc.get("/api/outgoing?agency_id=cuc-btnn&page_size=100")).json();
    assert.ok(JSON.stringify(out).includes(m.report.number.split("/")[0]));
    // A second outcome is refused.
    const again = await c.cuc.post(`/api/meetings/${meetingId}/outcome`, {
      version: m.version,
      results: [{ heading: "x", paragraphs: ["y"] }],
      conclusions: ["z"],
      signature: SIGNER,
    });
    assert.equal(again.statusCode, 422, again.body);
  });

  test("Phạm vi — tỉnh khác không thấy cuộc họp, danh mục, báo cáo (404); người xem không được lên lịch (403)", async () => {
    assert.equal((await c.nghean.get(`/api/meetings/${meetingId}`)).statusCode, 404);
    assert.equal((await c.nghean.get(`/api/meetings/${meetingId}/report`)).statusCode, 404);
    const list = (await c.nghean.get("/api/meetings")).json().items;
    assert.ok(!list.some((x: { id: string }) => x.id === meetingId));
    const r = await c.nghean.post("/api/meetings", {
      snapshot_id: stpSnapshot.id,
      variant: "meeting",
      topic: "thử",
      held_on: "2026-03-10",
      venue: "Nghệ An",
      participant_agency_ids: ["stp-nghe-an"],
      agenda: ["x"],
      claim_ids: [],
    });
    assert.equal(r.statusCode, 404, r.body);
    const v = await c.viewer.post("/api/meetings", {
      variant: "meeting",
      topic: "thử",
      held_on: "2026-03-10",
      venue: "Hà Nội",
      participant_agency_ids: ["cuc-btnn"],
      agenda: ["x"],
      claim_ids: [],
    });
    assert.equal(v.statusCode, 403, v.body);
  });

  test("Đầu vào sai — vụ việc ngoài danh mục và ngoài phạm vi: 422 nêu trường; thiếu chương trình: 400; ngày kết thúc trước ngày bắt đầu: 422", async () => {
    const base = {
      snapshot_id: stpSnapshot.id,
      variant: "meeting",
      topic: "họp định kỳ",
      held_on: "2026-03-10",
      venue: "Sở Tư pháp Thanh Hóa",
      participant_agency_ids: ["stp-thanh-hoa", "thads-thanh-hoa"],
      agenda: ["Rà soát"],
      claim_ids: [] as string[],
    };
    const out = await c.stp.post("/api/meetings", { ...base, claim_ids: [ngheAnClaim] });
    assert.equal(out.statusCode, 422, out.body);
    assert.equal(out.json().issues[0].path, "/claim_ids/0");
    assert.match(out.json().error, /không thuộc phạm vi/);
    const noAgenda = await c.stp.post("/api/meetings", { ...base, agenda: [] });
    assert.equal(noAgenda.statusCode, 400, noAgenda.body);
    const dates = await c.stp.post("/api/meetings", { ...base, held_until: "2026-03-01" });
    assert.equal(dates.statusCode, 422, dates.body);
    const badAgency = await c.stp.post("/api/meetings", { ...base, participant_agency_ids: ["khong-co"] });
    assert.equal(badAgency.statusCode, 404, badAgency.body);
    // The same request with a claim of the list is accepted.
    const ok = await c.stp.post("/api/meetings", {
      ...base,
      claim_ids: stpSnapshot.rows.slice(0, 1).map((r) => r.claim_id),
    });
    assert.equal(ok.statusCode, 201, ok.body);
  });
});
