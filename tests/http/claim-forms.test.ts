// TT 04/2018 forms from a claim's record (issue 12, item 2): GET /api/claims/{id}/forms/{form} → .docx filled from
// the recorded steps, numbered once in the handling agency's outgoing register (regenerating keeps the number, two
// concurrent clicks take one number) unless the step recorded the document's own number (a decision, report or minutes
// is printed with it), unverified wording marked in the footer; the CLI produces the same file.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import mammoth from "mammoth";
import pg from "pg";
import { auditLog, outgoingRegister } from "../../src/db/schema/index.ts";
import { type Client, type Fixture, setupFixture, signedIn } from "./helpers.ts";

let fx: Fixture;
let officer: Client;
let viewer: Client;
let claimId: string;
let claimCode: string;
const M = 1_000_000;

async function step(type: string, date: string, data?: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const r = await officer.post(`/api/claims/${claimId}/events`, { type, date, ...(data ? { data } : {}), ...extra });
  assert.equal(r.statusCode, 201, `${type}: ${r.body}`);
}

before(async () => {
  fx = await setupFixture();
  officer = await signedIn(fx.app, "officer");
  viewer = await signedIn(fx.app, "viewer");
  const r = await officer.post("/api/claims", {
    field: "civil_enforcement",
    handling_agency_id: "thads-thanh-hoa",
    claimant_name: "Phạm Thị Lan",
    claimant_address: "12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
    claimant_id_number: "038190001111",
    summary: "Kê biên nhầm tài sản",
    events: [{ type: "received", date: "2026-09-01", data: { amount_requested: 500 * M } }],
  });
  assert.equal(r.statusCode, 201, r.body);
  claimId = r.json().id;
  claimCode = r.json().code;
  await step("file_valid", "2026-09-03");
  await step("accepted", "2026-09-04");
  await step("officer_appointed", "2026-09-07", {
    officer_name: "Lê Văn Nam",
    officer_title: "Chấp hành viên",
    decision_number: "12/QĐ-THADS",
  });
  await step("advance_proposed", "2026-09-08", { amount: 20 * M });
  await step("advance_paid", "2026-09-09", { amount: 20 * M });
});
after(() => fx.close());

async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}
async function footerText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  let out = "";
  for (const n of names) out += (await zip.file(n)?.async("string"))?.replace(/<[^>]+>/g, "") ?? "";
  return out;
}
async function form(code: string, query = "") {
  const r = await officer.get(`/api/claims/${claimId}/forms/${code}${query}`);
  return { r, bytes: r.rawPayload as Buffer };
}

describe("Biểu mẫu Thông tư 04/2018/TT-BTP lập từ hồ sơ vụ việc", () => {
  test("Mẫu 09/BTNN chưa lập được khi chưa có quyết định → 422 nêu bước cần ghi nhận", async () => {
    const { r } = await form("09");
    assert.equal(r.statusCode, 422, r.body);
    assert.match(r.json().error, /Ra và trao quyết định giải quyết bồi thường/);
    const list = (await officer.get(`/api/claims/${claimId}/forms`)).json();
    const f09 = list.find((f: { code: string }) => f.code === "09");
    assert.equal(f09.available, false);
    assert.equal(list.find((f: { code: string }) => f.code === "05").available, true);
  });

  test("Mẫu 03/BTNN số từ sổ văn bản đi; Mẫu 05/BTNN in đúng số quyết định cử đã ghi (12/QĐ-THADS), không cấp số mới; tên, ngày (giờ Việt Nam); chân trang ghi lời văn chưa đối chiếu", async () => {
    const a = await form("03");
    assert.equal(a.r.statusCode, 200, a.r.body);
    assert.match(a.r.headers["content-type"] as string, /wordprocessingml/);
    const t03 = await docxText(a.bytes);
    assert.match(t03, /Phạm Thị Lan/);
    assert.match(t03, /ngày 04 tháng 9 năm 2026/);
    assert.match(t03, /Số: 01\/TB-THADS/);
    assert.match(await footerText(a.bytes), /Mẫu 03\/BTNN: lời văn chưa được đối chiếu/);

    const b = await form(
      "05",
      "?signer_title=C%E1%BB%A4C%20TR%C6%AF%E1%BB%9ENG&signer_name=Ho%C3%A0ng%20V%C4%83n%20Minh",
    );
    assert.equal(b.r.statusCode, 200, b.r.body);
    const t05 = await docxText(b.bytes);
    assert.match(t05, /Lê Văn Nam/);
    assert.match(t05, /Chấp hành viên/);
    assert.match(t05, /Hoàng Văn Minh/);
    assert.match(t05, /ngày 07 tháng 9 năm 2026/);
    // The decision was recorded with its number: the printed decision carries it, not a second number of the register.
    assert.match(t05, /Số: 12\/QĐ-THADS/);
    assert.equal(b.r.headers["x-document-number"], encodeURIComponent("12/QĐ-THADS"));
    const list = (await officer.get(`/api/claims/${claimId}/forms`)).json() as Array<{ code: string; number: string }>;
    assert.equal(list.find((f) => f.code === "05")?.number, "12/QĐ-THADS");
    const numbered = await fx.database.db
      .select()
      .from(outgoingRegister)
      .where(and(eq(outgoingRegister.entity, "claim_form"), eq(outgoingRegister.entityId, `${claimId}:05`)));
    assert.equal(numbered.length, 0, "no register number for a decision that has its own");
  });

  test("Mẫu 09/BTNN: các khoản Điều 23–28, số tiền bằng số và bằng chữ, số quyết định đã ghi; Mẫu 07 chưa ghi số báo cáo: lập lại giữ nguyên số, đồng thời chỉ cấp một số", async () => {
    await step("verification_report_done", "2026-09-18", { amount_verified: 345_500_000 });
    await step("negotiation_started", "2026-09-21");
    await step(
      "negotiation_ended",
      "2026-09-25",
      { sessions: 2, minutes_number: "03/BB-THADS" },
      { ground: "success" },
    );
    await step("decision_issued", "2026-09-25", {
      decision_number: "15/QĐ-THADS",
      items: [
        { head: "property", description: "Tài sản bị kê biên nhầm", amount: 300 * M },
        { head: "spiritual", amount: 45_500_000 },
      ],
    });
    // The verification report was recorded without a number: the register numbers it, once, even for two clicks at once.
    const [x, y] = await Promise.all([form("07"), form("07")]);
    assert.equal(x.r.statusCode, 200, x.r.body);
    assert.equal(y.r.statusCode, 200, y.r.body);
    assert.equal(x.r.headers["x-document-number"], y.r.headers["x-document-number"]);
    assert.match(decodeURIComponent(x.r.headers["x-document-number"] as string), /^\d{2}\/BC-THADS$/);
    const again = await form("mau-07");
    assert.equal(again.r.headers["x-document-number"], x.r.headers["x-document-number"]);
    const rows = await fx.database.db
      .select()
      .from(outgoingRegister)
      .where(and(eq(outgoingRegister.entity, "claim_form"), eq(outgoingRegister.entityId, `${claimId}:07`)));
    assert.equal(rows.length, 1, "one register entry for the form");
    const d = await form("09");
    assert.equal(d.r.statusCode, 200, d.r.body);
    assert.equal(d.r.headers["x-document-number"], encodeURIComponent("15/QĐ-THADS"));
    const t09 = await docxText(d.bytes);
    assert.match(t09, /Số: 15\/QĐ-THADS/);
    assert.match(t09, /300\.000\.000/);
    assert.match(t09, /45\.500\.000/);
    assert.match(t09, /345\.500\.000/);
    assert.match(t09, /Ba trăm bốn mươi lăm triệu năm trăm nghìn đồng/);
    assert.match(t09, /Thiệt hại về tinh thần/);
    assert.match(t09, /20\.000\.000/, "advance paid (Điều 47 khoản 2 điểm d)");
    assert.match(t09, /ngày 25 tháng 9 năm 2026/);
    // The minutes were recorded as 03/BB-THADS: Mẫu 08 is that document.
    const m = await form("08");
    assert.match(await docxText(m.bytes), /Số: 03\/BB-THADS/);
    const detail = (await officer.get(`/api/claims/${claimId}`)).json();
    assert.ok(detail.documents.filter((d: { kind: string }) => d.kind === "form").length >= 5);
  });

  test("Mẫu 07/BTNN lập sau quyết định: số tiền yêu cầu và số xác minh được là của bước xác minh (Điều 45 khoản 3), không lấy các khoản của quyết định", async () => {
    const { r, bytes } = await form("07");
    assert.equal(r.statusCode, 200, r.body);
    const t07 = await docxText(bytes);
    assert.match(t07, /Tổng số tiền yêu cầu bồi thường: 500\.000\.000 đồng \(Năm trăm triệu đồng\)/);
    assert.match(t07, /Tổng giá trị thiệt hại được xác minh: 345\.500\.000 đồng/);
  });

  test("người xem không lập được biểu mẫu (403); mẫu không tồn tại → 400 nêu trường form", async () => {
    const v = await viewer.get(`/api/claims/${claimId}/forms/09`);
    assert.equal(v.statusCode, 403);
    const bad = await officer.get(`/api/claims/${claimId}/forms/99`);
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().issues[0].path, "/form");
  });

  test("mỗi lần lập biểu mẫu đọc địa chỉ người yêu cầu: có ghi nhật ký", async () => {
    const rows = await fx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "claim.form.generate"), eq(auditLog.entityId, claimId)));
    assert.ok(rows.length >= 4);
  });

  test("btnn claim form <mã> 09 --out: số quyết định đã ghi, cùng nội dung (PostgreSQL)", {
    skip: !process.env.TEST_DATABASE_URL,
  }, async () => {
    const admin = process.env.TEST_DATABASE_URL as string;
    const name = `btnn_cli_${randomBytes(5).toString("hex")}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name} template template0`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    try {
      // Copy the fixture database into it through a dump of the tables the form needs.
      const { openDatabase } = await import("../../src/db/connect.ts");
      const { migrate } = await import("../../src/db/migrate.ts");
      const target = await openDatabase({ url: u.toString() });
      await migrate(target);
      for (const table of ["agencies", "users", "claims", "claim_events", "outgoing_counters", "outgoing_register"]) {
        const rows = (await fx.database.query(`select * from ${table}`)) as Record<string, unknown>[];
        for (const row of rows) {
          const cols = Object.keys(row);
          await target.query(
            `insert into ${table} (${cols.map((k) => `"${k}"`).join(",")}) values (${cols.map((_, i) => `$${i + 1}`).join(",")}) on conflict do nothing`,
            cols.map((k) =>
              row[k] !== null && typeof row[k] === "object" && !(row[k] instanceof Date)
                ? JSON.stringify(row[k])
                : row[k],
            ),
          );
        }
      }
      await target.close();
      const out = join(mkdtempSync(join(tmpdir(), "btnn-form-")), "mau09.docx");
      const bin = new URL("../../bin/btnn.mjs", import.meta.url).pathname;
      const r = spawnSync(process.execPath, [bin, "claim", "form", claimCode, "09", "--out", out], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: u.toString(), NO_COLOR: "1" },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /số 15\/QĐ-THADS \(số đã ghi ở bước của vụ việc\)/);
      const text = await docxText(readFileSync(out));
      assert.match(text, /Ba trăm bốn mươi lăm triệu năm trăm nghìn đồng/);
      const bad = spawnSync(process.execPath, [bin, "claim", "form", claimCode, "42", "--out", out], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: u.toString(), NO_COLOR: "1" },
      });
      assert.equal(bad.status, 2, bad.stderr);
      assert.match(bad.stderr, /mẫu không được hỗ trợ/);
    } finally {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  });
});

describe("Tài liệu đính kèm hồ sơ vụ việc (loại, ngày, số; giữ các phiên bản; chỉ nhận loại tài liệu được phép)", () => {
  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
  const upload = (query: string, bytes: Buffer) =>
    officer.request({
      method: "POST",
      url: `/api/claims/${claimId}/documents?${query}`,
      payload: bytes,
      headers: { "content-type": "application/octet-stream" },
    });

  test("tải lên bản án làm căn cứ hai lần → hai phiên bản, cả hai tải về được", async () => {
    const q = `kind=basis_document&title=${encodeURIComponent("Bản án phúc thẩm")}&number=${encodeURIComponent("45/2026/HS-PT")}&issued_on=2026-08-20&file_name=${encodeURIComponent("Bản án 45.pdf")}`;
    const a = await upload(q, pdf("v1"));
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(a.json().version, 1);
    const b = await upload(q, pdf("v2 sửa lỗi chính tả"));
    assert.equal(b.statusCode, 201, b.body);
    assert.equal(b.json().version, 2);
    const list = (await officer.get(`/api/claims/${claimId}/documents`)).json();
    const versions = list.filter((d: { title: string }) => d.title === "Bản án phúc thẩm");
    assert.deepEqual(
      versions.map((d: { version: number; latest: boolean }) => [d.version, d.latest]),
      [
        [2, true],
        [1, false],
      ],
    );
    const first = await officer.get(`/api/claims/${claimId}/documents/${a.json().id}`);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /v1/);
    assert.match(first.headers["content-disposition"] as string, /B%E1%BA%A3n%20%C3%A1n%2045\.pdf/);
  });

  test("tệp chạy được hoặc nội dung không khớp phần mở rộng → 415 nêu trường, không lưu", async () => {
    const before = (await officer.get(`/api/claims/${claimId}/documents`)).json().length;
    const exe = await upload("kind=evidence&title=x&file_name=hoso.exe", Buffer.from("MZ\x90\x00"));
    assert.equal(exe.statusCode, 415, exe.body);
    assert.equal(exe.json().issues[0].path, "/file_name");
    const fake = await upload("kind=evidence&title=x&file_name=hoso.pdf", Buffer.from("MZ\x90\x00 not a pdf"));
    assert.equal(fake.statusCode, 415, fake.body);
    const badKind = await upload("kind=virus&title=x&file_name=a.pdf", pdf("x"));
    assert.equal(badKind.statusCode, 400, badKind.body);
    assert.equal((await officer.get(`/api/claims/${claimId}/documents`)).json().length, before);
    const v = await viewer.request({
      method: "POST",
      url: `/api/claims/${claimId}/documents?kind=evidence&title=x&file_name=a.pdf`,
      payload: pdf("x"),
      headers: { "content-type": "application/octet-stream" },
    });
    assert.equal(v.statusCode, 403);
  });
});
