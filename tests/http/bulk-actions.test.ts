// Issue 11 item 6 — lists that serve the work: bulk giao việc and "đánh dấu đã đọc" on the requests, tasks and claims
// lists (scope checked on every id, all or nothing, audited, idempotent), export of a selection, the "due soon" view,
// saved filters per user, and notifications read per user.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createClaim } from "../../src/db/repositories/claims.ts";
import { todayVn } from "../../src/db/repositories/common.ts";
import { insertNotifications } from "../../src/db/repositories/notifications.ts";
import { createPlan, createTaskInstances } from "../../src/db/repositories/plans.ts";
import { createRequest } from "../../src/db/repositories/requests.ts";
import { auditLog, requestReads, requests, workAssignments } from "../../src/db/schema/index.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { defaultCalendar } from "../../src/domain/calendar/index.ts";
import { workingDaysAhead } from "../../src/domain/inbox/index.ts";
import { type Client, type Fixture, setupFixture, signedIn } from "./helpers.ts";

let fx: Fixture;
let officer: Client;
let admin: Client;
let viewer: Client;
let phong: Client;
const today = todayVn();
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ids = {} as {
  soon: string;
  later: string;
  late: string;
  answered: string;
  hanoi: string;
  task: string;
  claim: string;
};

async function request(to: string, topic: string, due: string, from = "thads-thanh-hoa") {
  return (
    await createRequest(fx.database.db, SYSTEM_SCOPE, {
      kind: "guidance",
      from_agency_id: from,
      to_agency_id: to,
      topic,
      due,
    })
  ).id;
}

const assignmentsOf = (itemIds: string[]) =>
  fx.database.db
    .select()
    .from(workAssignments)
    .where(and(inArray(workAssignments.itemId, itemIds)));
const auditCount = async (action: string) =>
  (await fx.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

before(async () => {
  fx = await setupFixture();
  const db = fx.database.db;
  ids.soon = await request(
    "stp-thanh-hoa",
    "Hướng dẫn xác minh thiệt hại",
    workingDaysAhead(defaultCalendar, today, 3),
  );
  ids.later = await request("stp-thanh-hoa", "Hướng dẫn thương lượng", addDays(today, 60));
  ids.late = await request("stp-thanh-hoa", "Hướng dẫn chi trả", addDays(today, -3));
  ids.answered = await request("stp-thanh-hoa", "Đã trả lời", addDays(today, 10));
  await db.update(requests).set({ status: "answered" }).where(eq(requests.id, ids.answered));
  ids.hanoi = await request("stp-ha-noi", "Yêu cầu của Hà Nội", addDays(today, 10), "thads-ha-noi");
  const plan = await createPlan(db, SYSTEM_SCOPE, {
    agency_id: "stp-thanh-hoa",
    title: "Kế hoạch công tác bồi thường nhà nước",
    year: Number(today.slice(0, 4)),
    tasks: [{ content: "Tự kiểm tra việc giải quyết bồi thường" }],
  });
  [{ id: ids.task }] = await createTaskInstances(db, SYSTEM_SCOPE, [
    { task_id: plan.tasks[0].id, agency_id: "stp-thanh-hoa", due: workingDaysAhead(defaultCalendar, today, 2) },
  ]);
  ids.claim = (
    await createClaim(db, SYSTEM_SCOPE, {
      field: "civil_enforcement",
      handling_agency_id: "phong-thads-kv-tp-thanh-hoa",
      claimant_name: "Nguyễn Văn Hàng Loạt",
      events: [{ type: "received", date: today }],
    })
  ).id;
  officer = await signedIn(fx.app, "officer");
  admin = await signedIn(fx.app, "agency_admin");
  viewer = await signedIn(fx.app, "viewer");
  phong = await signedIn(fx.app, "officer_phong");
});
after(() => fx.close());

describe("Thao tác hàng loạt: giao việc", () => {
  test("giao hai yêu cầu cho một cán bộ: ghi nhận, ghi nhật ký, hiện ở 'Giao cho tôi'; gửi lại không đổi gì", async () => {
    const body = { list: "requests", ids: [ids.soon, ids.later], assignee_id: fx.userIds.officer };
    const r = await admin.post("/api/bulk/assign", body);
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { list: "requests", records: 2, items: 2, changed: 2 });
    const mine = (await officer.get("/api/inbox?mine=1")).json() as { items: Array<{ id: string; kind: string }> };
    assert.deepEqual(mine.items.map((i) => i.id).sort(), [ids.soon, ids.later].sort());
    const audits = await auditCount("work.assign");
    const bulkAudits = await auditCount("work.bulk_assign");
    assert.equal(bulkAudits, 1);
    const again = await admin.post("/api/bulk/assign", body);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().changed, 0);
    assert.equal(await auditCount("work.assign"), audits);
    assert.equal(await auditCount("work.bulk_assign"), bulkAudits);
    assert.equal((await assignmentsOf([ids.soon, ids.later])).length, 2);
  });

  test("một mã ngoài phạm vi → 403 nêu mã đó, không mục nào được giao", async () => {
    const r = await admin.post("/api/bulk/assign", {
      list: "requests",
      ids: [ids.late, ids.hanoi],
      assignee_id: fx.userIds.officer,
    });
    assert.equal(r.statusCode, 403, r.body);
    const b = r.json();
    assert.equal(b.issues[0].path, "/ids/1");
    assert.match(b.error, new RegExp(ids.hanoi));
    assert.deepEqual(await assignmentsOf([ids.late]), []);
  });

  test("một yêu cầu đã trả lời (không còn là việc mở) → 422 nêu mã đó, không mục nào được giao", async () => {
    const r = await admin.post("/api/bulk/assign", {
      list: "requests",
      ids: [ids.late, ids.answered],
      assignee_id: fx.userIds.officer,
    });
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().code, "not_assignable");
    assert.equal(r.json().issues[0].path, "/ids/1");
    assert.match(r.json().error, new RegExp(ids.answered));
    assert.deepEqual(await assignmentsOf([ids.late]), []);
  });

  test("giao lại cho người khác không nêu lý do → 422 nêu mục; có lý do → giao lại cả hai (tất cả hoặc không)", async () => {
    const body = { list: "requests", ids: [ids.late, ids.soon], assignee_id: fx.userIds.agency_admin };
    const r = await admin.post("/api/bulk/assign", body);
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().code, "reason_required");
    assert.equal(r.json().issues[0].path, "/ids/1");
    // The first id (not assigned before) was rolled back with the refused one.
    assert.deepEqual(await assignmentsOf([ids.late]), []);
    const ok = await admin.post("/api/bulk/assign", { ...body, reason: "Cán bộ được giao nghỉ phép" });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().changed, 2);
    const current = (await assignmentsOf([ids.soon])).filter((a) => a.endedAt === null);
    assert.equal(current[0].assigneeId, fx.userIds.agency_admin);
  });

  test("tài khoản chỉ xem không được giao việc (403); người nhận phải là cán bộ của cơ quan (422)", async () => {
    const r = await viewer.post("/api/bulk/assign", {
      list: "requests",
      ids: [ids.later],
      assignee_id: fx.userIds.officer,
    });
    assert.equal(r.statusCode, 403);
    const r2 = await admin.post("/api/bulk/assign", {
      list: "requests",
      ids: [ids.later],
      assignee_id: fx.userIds.officer_hn,
    });
    assert.equal(r2.statusCode, 422);
    assert.equal(r2.json().issues[0].path, "/assignee_id");
  });

  test("nhiệm vụ và vụ việc: giao cả vụ việc thì các thời hạn của vụ việc hiện người được giao", async () => {
    const t = await officer.post("/api/bulk/assign", {
      list: "tasks",
      ids: [ids.task],
      assignee_id: fx.userIds.officer,
    });
    assert.equal(t.statusCode, 200, t.body);
    assert.equal(t.json().changed, 1);
    const c = await phong.post("/api/bulk/assign", {
      list: "claims",
      ids: [ids.claim],
      assignee_id: fx.userIds.officer_phong,
    });
    assert.equal(c.statusCode, 200, c.body);
    const inbox = (await phong.get("/api/inbox?mine=1")).json() as { items: Array<{ kind: string; url: string }> };
    const deadlines = inbox.items.filter((i) => i.kind === "claim_deadline");
    assert.ok(deadlines.length > 0, "các thời hạn của vụ việc phải ở 'Giao cho tôi'");
    assert.ok(deadlines.every((i) => i.url === `/claims/${ids.claim}`));
    // Sở Tư pháp sees the claim (province scope) but does not handle it: not its open work.
    const other = await officer.post("/api/bulk/assign", {
      list: "claims",
      ids: [ids.claim],
      assignee_id: fx.userIds.officer,
    });
    assert.equal(other.statusCode, 422, other.body);
  });

  test("đầu vào sai: danh sách lạ, mã không phải UUID, quá 200 mã → 400 nêu trường", async () => {
    const bad = await admin.post("/api/bulk/assign", {
      list: "users",
      ids: [ids.later],
      assignee_id: fx.userIds.officer,
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().issues[0].path, "/list");
    const notUuid = await admin.post("/api/bulk/mark-read", { list: "requests", ids: ["abc"] });
    assert.equal(notUuid.statusCode, 400);
    assert.equal(notUuid.json().issues[0].path, "/ids/0");
    const many = await admin.post("/api/bulk/mark-read", {
      list: "requests",
      ids: Array.from({ length: 201 }, () => ids.later),
    });
    assert.equal(many.statusCode, 400);
  });
});

describe("Thao tác hàng loạt: đánh dấu đã đọc (riêng từng người)", () => {
  test("cán bộ đánh dấu đã đọc: thông báo của cơ quan vẫn chưa đọc với đồng nghiệp; làm lại không đổi gì", async () => {
    await insertNotifications(fx.database.db, [
      {
        key: "bulk-test:arrived",
        agency_id: "stp-thanh-hoa",
        kind: "request_arrived",
        title: "Có yêu cầu đến",
        entity: "request",
        entity_id: ids.later,
      },
    ]);
    const unread = async (cl: Client) =>
      ((await cl.get("/api/notifications?unread=true")).json() as { items: Array<{ entity_id: string }> }).items.filter(
        (n) => n.entity_id === ids.later,
      ).length;
    // The request's arrival was notified to the agency too; the officer also got the assignment of it.
    const before = await unread(officer);
    const adminBefore = await unread(admin);
    assert.ok(adminBefore >= 1);
    const r = await officer.post("/api/bulk/mark-read", { list: "requests", ids: [ids.later, ids.soon] });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.json().notifications >= before);
    assert.equal(r.json().read_records, 2);
    assert.equal(await unread(officer), 0);
    assert.equal(await unread(admin), adminBefore, "đồng nghiệp vẫn thấy thông báo chưa đọc");
    const reads = await fx.database.db.select().from(requestReads).where(eq(requestReads.userId, fx.userIds.officer));
    assert.equal(reads.length, 2);
    const audits = await auditCount("notifications.bulk_read");
    const again = await officer.post("/api/bulk/mark-read", { list: "requests", ids: [ids.later, ids.soon] });
    assert.deepEqual(again.json(), { list: "requests", records: 2, notifications: 0, read_records: 0 });
    assert.equal(await auditCount("notifications.bulk_read"), audits);
  });

  test("một thông báo của cơ quan đọc qua chuông chỉ đã đọc với người đó; 'đọc tất cả' cũng vậy", async () => {
    await insertNotifications(fx.database.db, [
      { key: "bulk-test:bell", agency_id: "stp-thanh-hoa", kind: "info", title: "Thông báo chung của cơ quan" },
    ]);
    const find = async (cl: Client) =>
      (
        (await cl.get("/api/notifications")).json() as { items: Array<{ id: string; title: string; read_at: unknown }> }
      ).items.find((n) => n.title === "Thông báo chung của cơ quan");
    const n = await find(officer);
    assert.ok(n && n.read_at === null);
    assert.equal((await officer.post(`/api/notifications/${n.id}/read`, {})).statusCode, 200);
    assert.notEqual((await find(officer))?.read_at, null);
    assert.equal((await find(admin))?.read_at, null);
    assert.ok((await admin.post("/api/notifications/read-all", {})).json().updated >= 1);
    assert.notEqual((await find(admin))?.read_at, null);
    const viewerUnread = (await viewer.get("/api/notifications")).json() as { unread: number };
    assert.ok(viewerUnread.unread >= 1, "tài khoản khác của cơ quan vẫn còn thông báo chưa đọc");
  });

  test("mã ngoài phạm vi → 403 nêu mã, không ghi gì", async () => {
    const r = await officer.post("/api/bulk/mark-read", { list: "requests", ids: [ids.late, ids.hanoi] });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().issues[0].path, "/ids/1");
    const reads = await fx.database.db
      .select()
      .from(requestReads)
      .where(and(eq(requestReads.userId, fx.userIds.officer), eq(requestReads.requestId, ids.late)));
    assert.deepEqual(reads, []);
  });
});

describe("Xuất các mục đã chọn, xem 'sắp đến hạn', bộ lọc đã lưu", () => {
  test("xuất Excel đúng các yêu cầu đã chọn; chọn mã ngoài phạm vi → 403 nêu mã", async () => {
    const r = await officer.get(`/api/exports/requests?box=inbox&ids=${ids.soon},${ids.late}`);
    assert.equal(r.statusCode, 200, r.body.slice(0, 300));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const topics: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      const v = row.getCell(4).value;
      if (typeof v === "string" && v.startsWith("Hướng dẫn")) topics.push(v);
    });
    assert.deepEqual(topics.sort(), ["Hướng dẫn chi trả", "Hướng dẫn xác minh thiệt hại"]);
    const bad = await officer.get(`/api/exports/requests?box=inbox&ids=${ids.soon},${ids.hanoi}`);
    assert.equal(bad.statusCode, 403);
    assert.match(bad.json().error, new RegExp(ids.hanoi));
  });

  test("'sắp đến hạn' (5 ngày làm việc) và 'quá hạn' trên danh sách yêu cầu, nhiệm vụ", async () => {
    const list = async (url: string) => ((await officer.get(url)).json() as { items: Array<{ id: string }> }).items;
    assert.deepEqual(
      (await list("/api/requests?box=inbox&due=soon")).map((i) => i.id),
      [ids.soon],
    );
    assert.deepEqual(
      (await list("/api/requests?box=inbox&due=overdue")).map((i) => i.id),
      [ids.late],
    );
    assert.deepEqual(
      (await list("/api/task-instances?due=soon")).map((i) => i.id),
      [ids.task],
    );
    assert.equal((await officer.get("/api/requests?due=later")).statusCode, 400);
  });

  test("bộ lọc đã lưu: theo từng người, lưu lại cùng tên thì thay, xóa được của mình, không xóa được của người khác", async () => {
    const put = (cl: Client, name: string, query: Record<string, string>) =>
      cl.request({ method: "PUT", url: "/api/saved-filters", payload: { list: "requests", name, query } });
    const a = await put(officer, "Sắp đến hạn", { box: "inbox", due: "soon" });
    assert.equal(a.statusCode, 200, a.body);
    const b = await put(officer, "Sắp đến hạn", { box: "pending", due: "soon" });
    assert.equal(b.json().id, a.json().id);
    const mine = (await officer.get("/api/saved-filters?list=requests")).json() as Array<{
      name: string;
      query: unknown;
    }>;
    assert.deepEqual(
      mine.map((f) => [f.name, f.query]),
      [["Sắp đến hạn", { box: "pending", due: "soon" }]],
    );
    assert.deepEqual((await admin.get("/api/saved-filters?list=requests")).json(), []);
    const del = await admin.request({ method: "DELETE", url: `/api/saved-filters/${a.json().id}` });
    assert.equal(del.statusCode, 404);
    const noName = await put(officer, "  ", {});
    assert.equal(noName.statusCode, 400);
    assert.equal(noName.json().issues[0].path, "/name");
    const badKey = await put(officer, "Lạ", { "Bad-Key": "x" });
    assert.equal(badKey.statusCode, 400);
    const gone = await officer.request({ method: "DELETE", url: `/api/saved-filters/${a.json().id}` });
    assert.equal(gone.statusCode, 204);
    assert.deepEqual((await officer.get("/api/saved-filters?list=requests")).json(), []);
  });
});
