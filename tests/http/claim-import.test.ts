// Taking over existing claims from the XLSX template (issue 12, item 7): download the template, fill it offline,
// upload; per-cell Vietnamese errors and nothing written until every row is valid; imported in backfill mode.
// Both engines (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { claimEvents, claims } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { type Client, type Fixture, setupFixture, signedIn } from "./helpers.ts";

const M = 1_000_000;

async function fill(template: Buffer, rows: Array<Array<string | number | Date | null>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Vụ việc");
  assert.ok(ws);
  rows.forEach((r, i) => {
    ws.getRow(4 + i).values = r;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A whole claim: received → accepted → officer → decision → effective → paid (dates before today). */
function goodRow(i: number): Array<string | number | Date | null> {
  return [
    i % 2 ? "Thi hành án dân sự" : "Quản lý hành chính",
    "thads-thanh-hoa",
    `Người yêu cầu số ${i + 1}`,
    `${i + 1} Lê Lợi, tỉnh Thanh Hóa`,
    null,
    `Vụ việc chuyển từ sổ giấy số ${i + 1}`,
    d("2025-03-03"),
    (i + 1) * M,
    d("2025-03-10"),
    "Lê Văn Nam",
    `${i + 1}/QĐ-THADS`,
    d("2025-03-11"),
    d("2025-04-20"),
    `${i + 100}/QĐ-THADS`,
    (i + 1) * 500_000,
    d("2025-05-05"),
    d("2025-06-02"),
    (i + 1) * 500_000,
    i % 3 ? "Chuyển khoản" : "Tiền mặt",
  ];
}

for (const engine of availableEngines()) {
  describe(`Nhập vụ việc đã có từ tệp XLSX (nhập bổ sung) — ${engine}`, () => {
    let fx: Fixture;
    let admin: Client;
    let officer: Client;
    let template: Buffer;
    const upload = (c: Client, bytes: Buffer) =>
      c.request({
        method: "POST",
        url: "/api/claims/import",
        payload: bytes,
        headers: { "content-type": "application/octet-stream" },
      });
    const claimCount = async () => (await fx.database.db.select({ n: count() }).from(claims))[0].n;

    before(async () => {
      fx = await setupFixture({ engine });
      admin = await signedIn(fx.app, "agency_admin");
      officer = await signedIn(fx.app, "officer");
      const r = await admin.get("/api/claims/import/template");
      assert.equal(r.statusCode, 200, r.body);
      assert.match(r.headers["content-type"] as string, /spreadsheetml/);
      template = r.rawPayload as Buffer;
    });
    after(() => fx.close());

    test("tệp có 10 ô sai → 10 lỗi nêu đúng dòng, cột, lý do; không ghi dòng nào", async () => {
      const rows = Array.from({ length: 12 }, (_, i) => goodRow(i));
      rows[0][0] = "Hình sự"; // A4: not a field
      rows[1][1] = "thads-ha-noi"; // B5: outside the caller's scope
      rows[2][2] = null; // C6: required
      rows[3][6] = "31/02/2025"; // G7: no such day
      rows[4][7] = -5_000_000; // H8: negative
      rows[5][7] = 0; // H9: silent zero
      rows[6][8] = d("2099-01-01"); // I10: future
      rows[7][14] = "một triệu"; // O11: not a number
      rows[8][18] = "Séc"; // S12: not a method
      rows[9][17] = "12.500.000,5"; // R13: not whole đồng
      const before = await claimCount();
      const r = await upload(admin, await fill(template, rows));
      assert.equal(r.statusCode, 422, r.body);
      const body = r.json();
      assert.equal(body.code, "import_invalid");
      assert.deepEqual(
        body.issues.map((i: { path: string }) => i.path),
        [
          "/rows/4/A",
          "/rows/5/B",
          "/rows/6/C",
          "/rows/7/G",
          "/rows/8/H",
          "/rows/9/H",
          "/rows/10/I",
          "/rows/11/O",
          "/rows/12/S",
          "/rows/13/R",
        ],
      );
      assert.match(body.issues[0].message, /Ô A4 \(Lĩnh vực\): "Hình sự" không phải một trong/);
      assert.match(body.issues[3].message, /Ô G7 \(Ngày nhận hồ sơ\): "31\/02\/2025" không phải ngày/);
      assert.match(body.issues[6].message, /ngày tương lai/);
      assert.match(body.error, /10 lỗi; chưa nhập dòng nào/);
      assert.equal(await claimCount(), before, "nothing written");
    });

    test("cán bộ (không có quyền nhập bổ sung) không tải được mẫu, không nhập được (403)", async () => {
      assert.equal((await officer.get("/api/claims/import/template")).statusCode, 403);
      assert.equal((await upload(officer, template)).statusCode, 403);
    });

    test("mẫu 200 vụ việc: tải mẫu → điền → tải lên: 200 vụ việc, mã sổ thụ lý, số tiền và các bước đúng", async () => {
      const before = await claimCount();
      const rows = Array.from({ length: 200 }, (_, i) => goodRow(i));
      const r = await upload(admin, await fill(template, rows));
      assert.equal(r.statusCode, 201, r.body.slice(0, 2000));
      const body = r.json();
      assert.equal(body.imported, 200);
      assert.equal(new Set(body.codes).size, 200);
      assert.ok(
        body.codes.every((c: string) => /^BT-\d{4}-\d{4,}$/.test(c)),
        body.codes[0],
      );
      assert.equal(await claimCount(), before + 200);
      const [row] = await fx.database.db.select().from(claims).where(eq(claims.claimantName, "Người yêu cầu số 7"));
      assert.equal(row.amountRequested, 7 * M);
      assert.equal(row.amountDecided, 3_500_000);
      assert.equal(row.amountPaid, 3_500_000);
      assert.equal(row.state, "paid");
      const evs = await fx.database.db.select().from(claimEvents).where(eq(claimEvents.claimId, row.id));
      const officerEv = evs.find((e) => e.type === "officer_appointed");
      assert.deepEqual(officerEv?.data, { officer_name: "Lê Văn Nam", decision_number: "7/QĐ-THADS" });
      const paid = evs.find((e) => e.type === "paid");
      assert.deepEqual(paid?.data, { amount: 3_500_000, method: "cash" }); // row 7 (i = 6): "Tiền mặt"
      // Statistics read the imported amounts.
      const s = (await admin.get("/api/statistics?kind=year&year=2025")).json();
      const v = (k: string) => s.total[k].value ?? s.total[k];
      assert.equal(v("amount_paid"), (200 * 201 * 500_000) / 2);
    });

    test("thiếu một cột (tiêu đề khác mẫu) → 422 nêu cột và tiêu đề cần có; không ghi dòng nào", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("Vụ việc");
      assert.ok(ws);
      ws.spliceColumns(8, 1); // "Số tiền yêu cầu (đồng)" deleted: every later column moves one to the left
      ws.getRow(4).values = goodRow(0).filter((_, i) => i !== 7);
      const before = await claimCount();
      const r = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(r.statusCode, 422, r.body);
      const issues = r.json().issues as Array<{ path: string; message: string }>;
      assert.equal(issues[0].path, "/rows/3/H");
      assert.match(issues[0].message, /Tiêu đề cột H phải là "Số tiền yêu cầu \(đồng\)"/);
      assert.equal(await claimCount(), before, "nothing written");
    });

    test("tệp đã nhập gửi lại (sau khi tải lại trang, bấm thêm lần nữa) → 409 nêu lần nhập trước, không tạo trùng; hai lần gửi cùng lúc → nhập một lần", async () => {
      const rows = [goodRow(300), goodRow(301)];
      rows[0][2] = "Người nhập lại một";
      rows[1][2] = "Người nhập lại hai";
      const bytes = await fill(template, rows);
      const first = await upload(admin, bytes);
      assert.equal(first.statusCode, 201, first.body);
      const codes = first.json().codes as string[];
      const before = await claimCount();
      const again = await upload(admin, bytes);
      assert.equal(again.statusCode, 409, again.body);
      const body = again.json();
      assert.equal(body.code, "import_duplicate");
      assert.match(
        body.error,
        new RegExp(
          `^Tệp này đã được nhập lúc \\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4} \\(2 vụ việc, ${codes[0]} … ${codes[1]}\\)`,
        ),
      );
      assert.deepEqual(
        body.issues.map((i: { path: string }) => i.path),
        ["/file"],
      );
      assert.equal(await claimCount(), before, "nothing written");

      // Two uploads of one new file at the same moment (no Idempotency-Key): one import, the other refused.
      rows[0][2] = "Người gửi cùng lúc một";
      rows[1][2] = "Người gửi cùng lúc hai";
      const twin = await fill(template, rows);
      const both = await Promise.all([upload(admin, twin), upload(admin, twin)]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [201, 409]);
      assert.equal(await claimCount(), before + 2);
    });
  });
}
