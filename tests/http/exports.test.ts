// XLSX exports of every list (/api/exports/*) over the demo seed: each file parses back with exceljs, has the
// Vietnamese header row and exactly the rows the list shows in the caller's scope (another province's rows absent),
// personal data stays masked, and every export leaves an audit row "export.<list>".
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createPlan, createTaskInstances } from "../../src/db/repositories/plans.ts";
import { createRequest } from "../../src/db/repositories/requests.ts";
import { auditLog } from "../../src/db/schema/index.ts";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { buildApp } from "../../src/http/app.ts";
import { Client } from "./helpers.ts";

const PASSWORD = "btnn@2026";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let database: Database;
let app: FastifyInstance;
const c = {} as Record<"th" | "thAdmin" | "na" | "admin" | "viewer", Client>;
const userId = {} as Record<"th" | "thAdmin", string>;

async function login(username: string): Promise<Client> {
  const cl = new Client(app);
  const r = await cl.login(username, PASSWORD);
  assert.equal(r.statusCode, 200, r.body);
  return cl;
}

type Sheet = { headers: string[]; rows: Array<Record<string, unknown>> };

/** Parses the export: the header row is the one starting with the first header; "Tổng cộng" is not a data row. */
async function parse(res: LightMyRequestResponse, firstHeader = "STT"): Promise<Sheet> {
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.equal(res.headers["content-type"], XLSX);
  assert.match(String(res.headers["content-disposition"]), /^attachment; filename=".+\.xlsx"; filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === firstHeader) headerRow = n;
  });
  assert.ok(headerRow > 0, "không thấy dòng tiêu đề");
  const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, unknown>> = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const values = (ws.getRow(n).values as unknown[]).slice(1);
    if (values.length === 0 || values[0] === "Tổng cộng") continue;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  }
  return { headers, rows };
}

async function listAll<T>(cl: Client, path: string): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const r = await cl.get(`${path}${path.includes("?") ? "&" : "?"}page=${page}&page_size=100`);
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json() as { items: T[]; total: number };
    items.push(...b.items);
    if (b.items.length < 100) return { items, total: b.total };
  }
}

async function lastAudit(action: string, actor: string) {
  const [row] = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorUserId, actor)))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row;
}

before(async () => {
  database = await openTestDatabase();
  await seedDemo(database, { asOf: "2026-03-02" });
  app = await buildApp({ database, config: {} });
  await app.ready();
  c.th = await login("stp.thanhhoa.canbo");
  c.thAdmin = await login("stp.thanhhoa.quantri");
  c.na = await login("stp.nghean.canbo");
  c.admin = await login("admin");
  c.viewer = await login("cucbtnn.xem");
  userId.th = (await c.th.get("/api/auth/me")).json().user.id;
  userId.thAdmin = (await c.thAdmin.get("/api/auth/me")).json().user.id;
});
after(async () => {
  await app?.close();
  await database?.close();
});

type ClaimRow = { code: string; id: string; claimant_id_number: string | null; claimant_phone: string | null };

describe("Xuất Excel danh sách vụ việc", () => {
  test("Phạm vi tỉnh — tệp Excel có đúng các vụ việc của danh sách Thanh Hóa, không có vụ việc của Nghệ An", async () => {
    const list = await listAll<ClaimRow>(c.th, "/api/claims");
    assert.ok(list.total > 0, "dữ liệu mẫu phải có vụ việc ở Thanh Hóa");
    const sheet = await parse(await c.th.get("/api/exports/claims"));
    assert.deepEqual(sheet.headers.slice(0, 5), [
      "STT",
      "Mã vụ việc",
      "Luật áp dụng",
      "Lĩnh vực",
      "Người yêu cầu bồi thường",
    ]);
    assert.ok(sheet.headers.includes("Ngày nhận hồ sơ"));
    assert.ok(sheet.headers.includes("Số tiền yêu cầu bồi thường (đồng)"));
    assert.equal(sheet.rows.length, list.total);
    assert.deepEqual(sheet.rows.map((r) => r["Mã vụ việc"]).sort(), list.items.map((i) => i.code).sort());
    // Codes repeat across provinces (each agency keeps its own register, sổ thụ lý): tell claims apart by agency.
    assert.ok((await listAll<ClaimRow>(c.na, "/api/claims")).total > 0, "dữ liệu mẫu phải có vụ việc ở Nghệ An");
    for (const r of sheet.rows)
      assert.ok(
        !/Nghệ An/.test(String(r["Cơ quan giải quyết bồi thường"])),
        `lọt vụ việc Nghệ An ${r["Mã vụ việc"]} (${r["Cơ quan giải quyết bồi thường"]})`,
      );
    // Dates are real Excel dates (dd/mm/yyyy), money is numeric.
    const dated = sheet.rows.find((r) => r["Ngày nhận hồ sơ"] !== null);
    assert.ok(dated?.["Ngày nhận hồ sơ"] instanceof Date);
  });

  test("Cùng bộ lọc như danh sách — lĩnh vực thi hành án dân sự", async () => {
    const list = await listAll<ClaimRow>(c.th, "/api/claims?field=civil_enforcement");
    const sheet = await parse(await c.th.get("/api/exports/claims?field=civil_enforcement"));
    assert.equal(sheet.rows.length, list.total);
    for (const r of sheet.rows) assert.equal(r["Lĩnh vực"], "Thi hành án dân sự");
  });

  test("Thông tin cá nhân luôn bị che trong tệp xuất (kể cả với cán bộ được xem), có ghi nhật ký export.claims", async () => {
    const list = await listAll<ClaimRow>(c.th, "/api/claims");
    const withId = list.items.find((i) => i.claimant_id_number);
    assert.ok(withId, "dữ liệu mẫu phải có số giấy tờ tùy thân");
    const full = (await c.th.get(`/api/claims/${withId.id}?reveal=personal`)).json() as ClaimRow;
    assert.ok(full.claimant_id_number && !full.claimant_id_number.includes("•"));
    const res = await c.th.get("/api/exports/claims");
    const sheet = await parse(res);
    const row = sheet.rows.find((r) => r["Mã vụ việc"] === withId.code);
    assert.equal(row?.["Số giấy tờ tùy thân"], withId.claimant_id_number);
    assert.match(String(row?.["Số giấy tờ tùy thân"]), /•/);
    const cells = sheet.rows.flatMap((r) => Object.values(r).map((v) => String(v)));
    assert.ok(
      !cells.some((v) => v.includes(String(full.claimant_id_number))),
      "số giấy tờ đầy đủ không được có trong tệp",
    );
    if (full.claimant_phone) assert.ok(!cells.includes(full.claimant_phone), "số điện thoại đầy đủ không được có");
    const a = await lastAudit("export.claims", userId.th);
    assert.ok(a, "phải có bản ghi nhật ký export.claims");
    assert.equal(a.entity, "export");
    assert.equal((a.after as { rows: number }).rows, list.total);
  });
});

describe("Xuất Excel sổ văn bản đi", () => {
  test("Sổ văn bản đi — đúng số dòng trong phạm vi, không có văn bản của tỉnh khác, có ghi nhật ký", async () => {
    for (const [cl, agency, subject] of [
      [c.th, "stp-thanh-hoa", "Công văn xuất Excel Thanh Hóa"],
      [c.th, "stp-thanh-hoa", "Báo cáo xuất Excel Thanh Hóa"],
      [c.na, "stp-nghe-an", "Công văn xuất Excel Nghệ An"],
    ] as const) {
      const r = await cl.post("/api/outgoing", {
        agency_id: agency,
        year: 2026,
        doc_kind: "letter",
        subject,
        symbol: "STP-BTNN",
        issued_on: "2026-03-02",
      });
      assert.equal(r.statusCode, 201, r.body);
    }
    const list = await listAll<{ subject: string }>(c.th, "/api/outgoing?year=2026");
    const sheet = await parse(await c.th.get("/api/exports/outgoing?year=2026"));
    assert.deepEqual(sheet.headers, [
      "STT",
      "Số, ký hiệu văn bản",
      "Ngày văn bản",
      "Loại văn bản",
      "Trích yếu nội dung",
      "Cơ quan ban hành",
      "Năm",
      "Ngày vào sổ",
    ]);
    assert.equal(sheet.rows.length, list.total);
    const subjects = sheet.rows.map((r) => r["Trích yếu nội dung"]);
    assert.ok(subjects.includes("Công văn xuất Excel Thanh Hóa"));
    assert.ok(!subjects.includes("Công văn xuất Excel Nghệ An"));
    const mine = sheet.rows.find((r) => r["Trích yếu nội dung"] === "Báo cáo xuất Excel Thanh Hóa");
    assert.equal(mine?.["Loại văn bản"], "Công văn");
    assert.match(String(mine?.["Số, ký hiệu văn bản"]), /^\d+\/STP-BTNN$/);
    assert.ok(await lastAudit("export.outgoing", userId.th));
  });
});

describe("Xuất Excel yêu cầu phối hợp", () => {
  test("Yêu cầu đi của Sở Tư pháp Thanh Hóa — đúng số dòng, không có yêu cầu của Nghệ An", async () => {
    const db = database.db;
    await createRequest(db, SYSTEM_SCOPE, {
      kind: "guidance",
      from_agency_id: "stp-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "Đề nghị hướng dẫn — Thanh Hóa xuất Excel",
    });
    await createRequest(db, SYSTEM_SCOPE, {
      kind: "guidance",
      from_agency_id: "stp-nghe-an",
      to_agency_id: "cuc-btnn",
      topic: "Đề nghị hướng dẫn — Nghệ An xuất Excel",
    });
    const list = await listAll<{ topic: string }>(c.th, "/api/requests?box=outbox");
    assert.ok(list.total >= 1);
    const sheet = await parse(await c.th.get("/api/exports/requests?box=outbox"));
    assert.deepEqual(sheet.headers.slice(0, 4), ["STT", "Ngày tạo", "Loại yêu cầu", "Nội dung (trích yếu)"]);
    assert.equal(sheet.rows.length, list.total);
    const topics = sheet.rows.map((r) => r["Nội dung (trích yếu)"]);
    assert.ok(topics.includes("Đề nghị hướng dẫn — Thanh Hóa xuất Excel"));
    assert.ok(!topics.includes("Đề nghị hướng dẫn — Nghệ An xuất Excel"));
    assert.ok(await lastAudit("export.requests", userId.th));
  });
});

describe("Xuất Excel bảng nhiệm vụ", () => {
  test("Nhiệm vụ theo cơ quan thực hiện — nội dung nhiệm vụ, đúng phạm vi tỉnh", async () => {
    const db = database.db;
    const planTh = await createPlan(db, SYSTEM_SCOPE, {
      agency_id: "stp-thanh-hoa",
      title: "Kế hoạch công tác bồi thường nhà nước năm 2026 tỉnh Thanh Hóa",
      year: 2026,
      tasks: [{ ref: "1", content: "Tập huấn nghiệp vụ bồi thường nhà nước" }],
    });
    const planNa = await createPlan(db, SYSTEM_SCOPE, {
      agency_id: "stp-nghe-an",
      title: "Kế hoạch Nghệ An",
      year: 2026,
      tasks: [{ ref: "1", content: "Nhiệm vụ riêng của Nghệ An" }],
    });
    await createTaskInstances(db, SYSTEM_SCOPE, [
      { task_id: planTh.tasks[0].id, agency_id: "stp-thanh-hoa", period_label: "Năm 2026", due: "2026-06-30" },
    ]);
    await createTaskInstances(db, SYSTEM_SCOPE, [{ task_id: planNa.tasks[0].id, agency_id: "stp-nghe-an" }]);
    const list = await listAll<{ id: string }>(c.th, "/api/task-instances");
    const sheet = await parse(await c.th.get("/api/exports/task-instances"));
    assert.equal(sheet.rows.length, list.total);
    const row = sheet.rows.find((r) => r["Nội dung nhiệm vụ"] === "Tập huấn nghiệp vụ bồi thường nhà nước");
    assert.ok(row);
    assert.equal(row["Kế hoạch"], "Kế hoạch công tác bồi thường nhà nước năm 2026 tỉnh Thanh Hóa");
    assert.equal(row["Trạng thái"], "Chưa thực hiện");
    assert.ok(row["Thời hạn"] instanceof Date);
    assert.equal((row["Thời hạn"] as Date).toISOString().slice(0, 10), "2026-06-30");
    assert.ok(!sheet.rows.some((r) => r["Nội dung nhiệm vụ"] === "Nhiệm vụ riêng của Nghệ An"));
    assert.ok(await lastAudit("export.task_instances", userId.th));
  });
});

describe("Xuất Excel nhật ký kiểm toán", () => {
  test("Chỉ quản trị — cán bộ bị từ chối (403); quản trị tỉnh chỉ thấy bản ghi của cơ quan trong tỉnh, không kèm giá trị", async () => {
    assert.equal((await c.th.get("/api/exports/audit")).statusCode, 403);
    assert.equal((await c.viewer.get("/api/exports/audit")).statusCode, 403);
    const list = await c.thAdmin.get("/api/audit?page_size=1");
    const total = (list.json() as { total: number }).total;
    const sheet = await parse(await c.thAdmin.get("/api/exports/audit"), "Số thứ tự bản ghi");
    assert.equal(sheet.headers[1], "Thời điểm (giờ Việt Nam)");
    // The list read above is itself audited (audit.read, issue 13 finding 6): one more row than it counted.
    assert.equal(sheet.rows.length, total + 1);
    assert.equal(sheet.rows[0]["Hành động"], "audit.read");
    assert.ok(sheet.rows.some((r) => r["Hành động"] === "export.claims"));
    for (const r of sheet.rows) assert.ok(!String(r["Cơ quan"]).includes("Nghệ An"), String(r["Cơ quan"]));
    const a = await lastAudit("export.audit", userId.thAdmin);
    assert.ok(a, "phải có bản ghi nhật ký export.audit");
    assert.equal((a.after as { rows: number }).rows, total + 1);
    const all = await parse(await c.admin.get("/api/exports/audit?action=export.claims"), "Số thứ tự bản ghi");
    assert.ok(all.rows.length >= 3);
    for (const r of all.rows) assert.equal(r["Hành động"], "export.claims");
  });
});
