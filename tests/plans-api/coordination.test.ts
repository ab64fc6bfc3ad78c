// End-to-end through the API (app.inject over a migrated test database with the demo seed): plan import → dated task
// instances; routed requests → tasks, forwarded copies with read receipts, letters numbered from the register; urging
// ladder; disagreement escalation; reminders job idempotent; case-list snapshots immutable; other province sees nothing.
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { like } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createClaim, updateClaim } from "../../src/db/repositories/claims.ts";
import { notifications } from "../../src/db/schema/index.ts";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { checkNd30Layout, inspectDocx } from "../../src/documents/index.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { defaultCalendar } from "../../src/domain/calendar/index.ts";
import { buildApp } from "../../src/http/app.ts";
import { runTaskReminders } from "../../src/jobs/reminders.ts";
import { Client } from "../http/helpers.ts";

const PASSWORD = "btnn@2026";
const SIGNER = { authority: "KT.", authority_title: "Cục trưởng", title: "Phó Cục trưởng", name: "Nguyễn Văn Bình" };

let database: Database;
let app: FastifyInstance;
let dataDir: string;
const c = {} as Record<"cuc" | "thads" | "ql" | "stp" | "nghean", Client>;

async function login(username: string): Promise<Client> {
  const cl = new Client(app);
  const r = await cl.login(username, PASSWORD);
  assert.equal(r.statusCode, 200, r.body);
  return cl;
}

before(async () => {
  database = await openTestDatabase();
  await seedDemo(database, { asOf: "2026-03-02" });
  dataDir = await mkdtemp(join(tmpdir(), "btnn-plans-api-"));
  app = await buildApp({ database, config: { dataDir } });
  await app.ready();
  c.cuc = await login("cucbtnn.canbo");
  c.thads = await login("thads.thanhhoa.canbo");
  c.ql = await login("qlthads.canbo");
  c.stp = await login("stp.thanhhoa.canbo");
  c.nghean = await login("stp.nghean.canbo");
});
after(async () => {
  await app?.close();
  await database?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

let planId = "";
const instanceByLabel = new Map<string, string>();

describe("Nhập kế hoạch qua API", () => {
  test("KH 2021 mục II.1.1 và II.1.2 — nhập KH 2021 cho năm 2021: lần thực hiện tháng 1, 7 và tháng đầu mỗi quý, hạn dời sang ngày làm việc", async () => {
    const text = await readFile(new URL("../fixtures/seed-000-kh-2021.txt", import.meta.url), "utf8");
    const r = await c.cuc.post("/api/plans/import", { text, year: 2021, confirm: true });
    assert.equal(r.statusCode, 201, r.body);
    planId = r.json().plan_id;
    const plan = (await c.cuc.get(`/api/plans/${planId}`)).json();
    const ref = new Map<string, string>(plan.tasks.map((t: { id: string; ref: string }) => [t.id, t.ref]));
    const inst = (await c.cuc.get(`/api/task-instances?plan_id=${planId}&page_size=100`)).json().items as Array<{
      id: string;
      task_id: string;
      period_label: string;
      due: string;
    }>;
    const of = (r: string) =>
      inst
        .filter((i) => ref.get(i.task_id) === r)
        .map((i) => [i.period_label, i.due])
        .sort((a, b) => (a[1] < b[1] ? -1 : 1));
    // 31/01/2021 Sunday → 01/02; 31/07/2021 Saturday → 02/08 (Bộ luật Dân sự 2015, Điều 148 khoản 5).
    assert.deepEqual(of("II.1.1"), [
      ["6 tháng cuối năm 2020", "2021-02-01"],
      ["6 tháng đầu năm 2021", "2021-08-02"],
    ]);
    // 30/04–03/05/2021 holidays and the day in lieu → 04/05.
    assert.deepEqual(of("II.1.2"), [
      ["Quý I năm 2021", "2021-02-01"],
      ["Quý II năm 2021", "2021-05-04"],
      ["Quý III năm 2021", "2021-08-02"],
      ["Quý IV năm 2021", "2021-11-01"],
    ]);
    for (const [, due] of [...of("II.1.1"), ...of("II.1.2")]) assert.ok(defaultCalendar.isWorkingDay(due));
    for (const i of inst) if (ref.get(i.task_id) === "II.1.1") instanceByLabel.set(i.period_label, i.id);
  });
});

let guidanceId = "";
let ubndTaskId = "";
let forwardId = "";

describe("Yêu cầu phối hợp: điều phối, nhiệm vụ, sao chuyển", () => {
  test("KH 2021 mục II.3.1 — THADS Thanh Hóa đề nghị Cục BTNN hướng dẫn, chưa được cấp tỉnh hướng dẫn → chuyển UBND tỉnh Thanh Hóa", async () => {
    const r = await c.thads.post("/api/requests", {
      kind: "guidance",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "xác định cơ quan giải quyết bồi thường sau sắp xếp",
      situation: { topic: "compensation" },
      due: "2026-03-20",
    });
    assert.equal(r.statusCode, 201, r.body);
    const b = r.json();
    guidanceId = b.id;
    assert.equal(b.routing.rule, "KH2021.II.3.1");
    assert.equal(b.routing.clause, "KH 2021 mục II.3.1");
    assert.equal(b.routing.lead_agency_id, "ubnd-thanh-hoa");
    assert.equal(b.status, "forwarded");
    const lead = b.tasks.find((t: { agency_id: string }) => t.agency_id === "ubnd-thanh-hoa");
    assert.ok(lead, "nhiệm vụ chủ trì cho UBND tỉnh Thanh Hóa");
    assert.equal(lead.basis, "KH 2021 mục II.3.1");
    assert.equal(lead.due, "2026-03-20");
    ubndTaskId = lead.id;
    assert.ok(
      b.tasks.some((t: { agency_id: string }) => t.agency_id === "stp-thanh-hoa"),
      "Sở Tư pháp phối hợp",
    );
    assert.deepEqual(
      b.copies.map((x: { to_agency_id: string; purpose: string; from_agency_id: string }) => [
        x.from_agency_id,
        x.to_agency_id,
        x.purpose,
      ]),
      [["cuc-btnn", "ubnd-thanh-hoa", "forward"]],
    );
    // Sở Tư pháp Thanh Hóa (province scope) sees it; Nghệ An does not.
    assert.equal((await c.stp.get(`/api/requests/${guidanceId}`)).statusCode, 200);
    assert.equal((await c.nghean.get(`/api/requests/${guidanceId}`)).statusCode, 404);
    assert.equal((await c.nghean.get(`/api/requests/${guidanceId}/coordination`)).statusCode, 404);
    // Issue 11: the coordinator (Sở Tư pháp) and the lead (via its copy) find it under "Yêu cầu đến" and "Chờ xử lý".
    const ids = async (cl: Client, box: string) =>
      ((await cl.get(`/api/requests?box=${box}&page_size=100`)).json().items as Array<{ id: string }>).map((x) => x.id);
    assert.ok((await ids(c.stp, "inbox")).includes(guidanceId), "Sở Tư pháp: Yêu cầu đến");
    assert.ok((await ids(c.stp, "pending")).includes(guidanceId), "Sở Tư pháp: Chờ xử lý");
    assert.ok(!(await ids(c.stp, "outbox")).includes(guidanceId), "không phải yêu cầu đi của Sở Tư pháp");
    assert.ok((await ids(c.thads, "outbox")).includes(guidanceId), "THADS: Yêu cầu đi");
    assert.ok(!(await ids(c.thads, "inbox")).includes(guidanceId), "không phải yêu cầu đến của THADS");
    assert.ok(!(await ids(c.nghean, "inbox")).includes(guidanceId), "Nghệ An không nhận");
  });

  test("KH 2021 mục II.5.2 — văn bản Cục BTNN nhận được sao chuyển Cục Quản lý THADS, có xác nhận đã đọc", async () => {
    const r = await c.cuc.post("/api/requests", {
      kind: "document_forward",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "Quyết định giải quyết bồi thường số 09/QĐ-THADS",
      situation: { received_by: "CUC_BTNN" },
    });
    assert.equal(r.statusCode, 201, r.body);
    const b = r.json();
    forwardId = b.id;
    assert.equal(b.routing.rule, "KH2021.II.5.2-1");
    assert.equal(b.copies.length, 1);
    assert.equal(b.copies[0].to_agency_id, "cuc-ql-thads");
    assert.equal(b.copies[0].read_at, null);
    const copyId = b.copies[0].id;
    const notes = (await c.ql.get("/api/notifications?unread=true")).json();
    assert.ok(
      notes.items.some(
        (n: { kind: string; entity_id: string }) => n.kind === "request_copied" && n.entity_id === forwardId,
      ),
    );
    assert.equal((await c.nghean.post(`/api/requests/${forwardId}/copies/${copyId}/read`)).statusCode, 404);
    const read = await c.ql.post(`/api/requests/${forwardId}/copies/${copyId}/read`);
    assert.equal(read.statusCode, 200, read.body);
    const seen = (await c.cuc.get(`/api/requests/${forwardId}/coordination`)).json();
    assert.ok(seen.copies[0].read_at, "bên gửi thấy thời điểm đã đọc");
    assert.ok(seen.copies[0].read_by);
  });

  test("KH 2021 mục II.5.2 — và ngược lại: Cục Quản lý THADS nhận được thì sao chuyển Cục BTNN", async () => {
    const r = await c.ql.post("/api/requests", {
      kind: "document_forward",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "cuc-ql-thads",
      topic: "Báo cáo tình hình giải quyết bồi thường",
      situation: { received_by: "TONG_CUC_THADS" },
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().routing.rule, "KH2021.II.5.2-2");
    assert.deepEqual(
      r.json().copies.map((x: { to_agency_id: string }) => x.to_agency_id),
      ["cuc-btnn"],
    );
  });

  test("KH 2021 mục III.2 — ý kiến khác nhau giữa Cục BTNN và Cục Quản lý THADS → nhiệm vụ cho Lãnh đạo Bộ", async () => {
    const r = await c.cuc.post("/api/requests", {
      kind: "disagreement",
      from_agency_id: "cuc-btnn",
      to_agency_id: "cuc-ql-thads",
      topic: "xác định cơ quan giải quyết bồi thường vụ việc TH-2019-004",
    });
    assert.equal(r.statusCode, 201, r.body);
    const b = r.json();
    assert.equal(b.routing.rule, "KH2021.III.2");
    assert.equal(b.routing.lead_agency_id, "lanh-dao-bo-tu-phap");
    const lead = b.tasks.find((t: { agency_id: string; lead_agency_id: string }) => t.agency_id === t.lead_agency_id);
    assert.equal(lead.agency_id, "lanh-dao-bo-tu-phap");
  });
});

describe("Công văn đi của yêu cầu", () => {
  test("Nghị định 30/2020 — công văn chuyển (KH 2021 mục II.3.1) và sao chuyển (II.5.2): .docx đúng thể thức, số liên tiếp trong sổ", async () => {
    const a = await c.cuc.post(`/api/requests/${guidanceId}/letter`, { signature: SIGNER, unit_code: "NV" });
    assert.equal(a.statusCode, 201, a.body);
    assert.match(String(a.headers["content-disposition"]), /filename\*=UTF-8''C%C3%B4ng%20v%C4%83n/);
    const ins = await inspectDocx(a.rawPayload);
    assert.deepEqual(checkNd30Layout(ins, "letter"), []);
    const b = await c.cuc.post(`/api/requests/${forwardId}/letter`, { signature: SIGNER, unit_code: "NV" });
    assert.equal(b.statusCode, 201, b.body);
    assert.deepEqual(checkNd30Layout(await inspectDocx(b.rawPayload), "letter"), []);
    const n1 = Number(String(a.headers["x-document-number"]).split("/")[0]);
    const n2 = Number(String(b.headers["x-document-number"]).split("/")[0]);
    assert.equal(n2, n1 + 1);
    assert.match(String(a.headers["x-document-number"]), /\/BTNN-NV$/);
    const again = await c.cuc.get(`/api/requests/${guidanceId}/letter`);
    assert.equal(again.statusCode, 200);
    assert.equal(again.rawPayload.length, a.rawPayload.length);
    // Out of scope: Nghệ An can neither draft nor download.
    assert.equal((await c.nghean.post(`/api/requests/${guidanceId}/letter`, { signature: SIGNER })).statusCode, 404);
    assert.equal((await c.nghean.get(`/api/requests/${guidanceId}/letter`)).statusCode, 404);
  });
});

describe("Thang đôn đốc", () => {
  test("KH 2021 mục II.6.1 → II.6.2 — đề nghị UBND tỉnh đôn đốc quá hạn chưa thực hiện → đề xuất Cục BTNN trực tiếp đôn đốc", async () => {
    const r = await c.cuc.post("/api/requests", {
      kind: "urging",
      from_agency_id: "cuc-btnn",
      to_agency_id: "ubnd-thanh-hoa",
      topic: "đôn đốc thụ lý hồ sơ yêu cầu bồi thường",
      situation: { managing_role: "THADS_TINH", prior: { urging_grounds: [1] } },
      due: "2026-03-10",
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().routing.rule, "KH2021.II.6.1");
    const id = r.json().id;
    const early = (await c.cuc.get(`/api/requests/${id}/urging-proposal?as_of=2026-03-10`)).json();
    assert.equal(early.proposal, null);
    assert.equal(early.past_due_unanswered, false);
    const late = (await c.cuc.get(`/api/requests/${id}/urging-proposal?as_of=2026-03-11`)).json();
    assert.equal(late.past_due_unanswered, true);
    assert.equal(late.proposal.rule, "KH2021.II.6.2");
    assert.equal(late.proposal.to, "$managing");
  });
});

describe("Theo dõi nhiệm vụ", () => {
  test("quy trình trạng thái, bình luận, tệp minh chứng lưu với tên sinh ngẫu nhiên (PGlite: DATA_DIR/uploads; PostgreSQL: bảng upload_blobs)", async () => {
    const t0 = (await c.stp.get(`/api/task-instances/${ubndTaskId}`)).json();
    assert.equal(t0.status, "pending");
    const p1 = await c.stp.patch(`/api/task-instances/${ubndTaskId}`, { status: "in_progress", version: t0.version });
    assert.equal(p1.statusCode, 200, p1.body);
    const cm = await c.stp.post(`/api/task-instances/${ubndTaskId}/comments`, { body: "Đã giao Sở Tư pháp dự thảo" });
    assert.equal(cm.statusCode, 201, cm.body);
    const bytes = Buffer.from("%PDF-1.4 báo cáo hướng dẫn", "utf8");
    const up = await c.stp.request({
      method: "POST",
      url: `/api/task-instances/${ubndTaskId}/evidence?file_name=${encodeURIComponent("Báo cáo ../../hướng dẫn.pdf")}`,
      payload: bytes,
      headers: { "content-type": "application/octet-stream" },
    });
    assert.equal(up.statusCode, 201, up.body);
    // PGlite: a file under DATA_DIR/uploads; PostgreSQL: a blob every app server reads (src/db/uploads.ts).
    const [stored] = await database.query<{ storage: string; stored_name: string }>(
      "select storage, stored_name from attachments where id = $1",
      [up.json().id],
    );
    assert.match(stored.stored_name, /^[0-9a-f-]{36}\.pdf$/);
    if (database.kind === "postgres") {
      assert.equal(stored.storage, "blob");
      const [blob] = await database.query<{ n: number }>(
        "select length(bytes) as n from upload_blobs where name = $1",
        [stored.stored_name],
      );
      assert.equal(Number(blob.n), bytes.length);
    } else {
      assert.equal(stored.storage, "file");
      assert.deepEqual(await readdir(join(dataDir, "uploads")), [stored.stored_name]);
    }
    const dl = await c.stp.get(`/api/attachments/${up.json().id}`);
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, bytes);
    assert.equal((await c.nghean.get(`/api/attachments/${up.json().id}`)).statusCode, 404);
    const t1 = (await c.stp.get(`/api/task-instances/${ubndTaskId}`)).json();
    assert.equal(t1.comments.length, 1);
    assert.equal(t1.evidence_files.length, 1);
    const done = await c.stp.patch(`/api/task-instances/${ubndTaskId}`, { status: "done", version: t1.version });
    assert.equal(done.statusCode, 200, done.body);
    assert.ok(done.json().completed_on);
    const bad = await c.stp.patch(`/api/task-instances/${ubndTaskId}`, {
      status: "cancelled",
      version: done.json().version,
    });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().code, "invalid_transition");
    assert.equal((await c.nghean.get(`/api/task-instances/${ubndTaskId}`)).statusCode, 404);
    assert.equal((await c.nghean.post(`/api/task-instances/${ubndTaskId}/comments`, { body: "x" })).statusCode, 404);
  });

  test("tiến độ theo kế hoạch và theo cơ quan: nhiệm vụ năm 2021 chưa xong là quá hạn", async () => {
    const r = await c.cuc.get(`/api/progress?plan_id=${planId}&as_of=2026-03-02`);
    assert.equal(r.statusCode, 200, r.body);
    const p = r.json();
    assert.equal(p.by_plan.length, 1);
    assert.ok(p.total.total > 0);
    assert.equal(
      p.total.overdue + p.total.done + p.total.cancelled + p.total.pending + p.total.in_progress,
      p.total.total,
    );
    assert.ok(p.total.overdue > 0);
    assert.equal(p.by_agency[0].agency_id, "cuc-btnn");
  });

  test("nhắc hạn hằng ngày: chạy hai lần cùng ngày → cùng một tập thông báo (khóa xác định)", async () => {
    const db = database.db;
    const first = await runTaskReminders(db, "2026-03-05");
    assert.ok(first.inserted > 0);
    const snapshot = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(like(notifications.dedupeKey, "reminder:%"));
    const second = await runTaskReminders(db, "2026-03-05");
    assert.equal(second.inserted, 0);
    assert.equal(second.reminders, first.reminders);
    const again = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(like(notifications.dedupeKey, "reminder:%"));
    assert.deepEqual(again.map((x) => x.id).sort(), snapshot.map((x) => x.id).sort());
    // The urging request task (due 10/03/2026: 3 working days after 05/03) reminds Cục BTNN.
    const list = (await c.cuc.get("/api/notifications")).json();
    const soon = list.items.find(
      (n: { kind: string; due: string }) => n.kind === "task_due_soon" && n.due === "2026-03-10",
    );
    assert.ok(soon, "nhắc sắp đến hạn");
    const mark = await c.cuc.post(`/api/notifications/${soon.id}/read`);
    assert.equal(mark.statusCode, 200);
    assert.ok(mark.json().read_at);
    assert.equal((await c.nghean.post(`/api/notifications/${soon.id}/read`)).statusCode, 404);
  });
});

describe("Danh mục vụ việc định kỳ", () => {
  const claimIds: Record<string, string> = {};
  const old2009 = (name: string, flags: { complex?: boolean; backlogged?: boolean }) =>
    createClaim(database.db, SYSTEM_SCOPE, {
      law_version: "law_2009",
      field: "civil_enforcement",
      handling_agency_id: "thads-thanh-hoa",
      claimant_name: name,
      ...flags,
      events: [
        { type: "received", date: "2016-03-01" },
        { type: "accepted", date: "2016-03-07" },
      ],
    });

  test("KH 2021 mục II.1.2 — danh mục quý: ảnh chụp không đổi khi vụ việc thay đổi sau đó; mới / kỳ trước chuyển sang", async () => {
    claimIds.x = (await old2009("Lê Văn Tồn Đọng", { backlogged: true })).id;
    const q1 = await c.cuc.post("/api/case-lists", { kind: "quarter_2009", period: "2026-Q1", as_of: "2026-01-15" });
    assert.equal(q1.statusCode, 201, q1.body);
    const s1 = q1.json();
    const rowX = s1.rows.find((r: { claim_id: string }) => r.claim_id === claimIds.x);
    assert.equal(rowX.claimant, "Lê Văn Tồn Đọng");
    const dup = await c.cuc.post("/api/case-lists", { kind: "quarter_2009", period: "2026-Q1" });
    assert.equal(dup.statusCode, 409);
    // Change the claim afterwards: the stored list does not move.
    await updateClaim(database.db, SYSTEM_SCOPE, claimIds.x, 1, { claimant_name: "Tên đã sửa" });
    const again = (await c.cuc.get(`/api/case-lists/${s1.id}`)).json();
    assert.deepEqual(again.rows, s1.rows);
    assert.equal(again.sha256, s1.sha256);
    // A claim flagged afterwards is new in Q2; X is carried over.
    claimIds.z = (await old2009("Trần Thị Phức Tạp", { complex: true })).id;
    const q2 = (
      await c.cuc.post("/api/case-lists", { kind: "quarter_2009", period: "2026-Q2", as_of: "2026-04-10" })
    ).json();
    const origin = (id: string) => q2.rows.find((r: { claim_id: string }) => r.claim_id === id)?.origin;
    assert.equal(origin(claimIds.x), "carried_over");
    assert.equal(origin(claimIds.z), "new");
    assert.equal(q2.previous_id, s1.id);
    assert.equal(q2.new_count + q2.carried_over_count, q2.total);
    assert.equal(q2.new_count, q2.total - s1.total);
    const x = await c.cuc.get(`/api/case-lists/${q2.id}/xlsx`);
    assert.equal(x.statusCode, 200);
    assert.equal(x.rawPayload.subarray(0, 2).toString(), "PK");
    const d = await c.cuc.get(`/api/case-lists/${q2.id}/docx`);
    assert.equal(d.statusCode, 200, d.body);
    assert.deepEqual(checkNd30Layout(await inspectDocx(d.rawPayload), "report"), []);
    assert.equal((await c.nghean.get(`/api/case-lists/${q2.id}`)).statusCode, 404);
    assert.equal((await c.nghean.get(`/api/case-lists/${q2.id}/xlsx`)).statusCode, 404);
  });

  test("KH 2021 mục II.1.1 — danh mục 6 tháng đầu năm 2021 gắn vào lần thực hiện của nhiệm vụ II.1.1 làm minh chứng", async () => {
    const r = await c.cuc.post("/api/case-lists", { kind: "half_year_2017", period: "2021-H1", as_of: "2021-07-20" });
    assert.equal(r.statusCode, 201, r.body);
    const s = r.json();
    assert.ok(s.total > 0);
    assert.equal(s.new_count + s.carried_over_count, s.total);
    for (const row of s.rows) assert.ok(row.accepted_on >= "2018-07-01" && row.accepted_on <= "2021-06-30");
    const instanceId = instanceByLabel.get("6 tháng đầu năm 2021");
    assert.equal(s.task_instance_id, instanceId);
    const t = (await c.cuc.get(`/api/task-instances/${instanceId}`)).json();
    assert.equal(t.status, "done");
    assert.ok((t.evidence as Array<{ case_list_snapshot_id?: string }>).some((e) => e.case_list_snapshot_id === s.id));
    const x = await c.cuc.get(`/api/case-lists/${s.id}/xlsx`);
    assert.equal(x.statusCode, 200, x.body);
  });
});
