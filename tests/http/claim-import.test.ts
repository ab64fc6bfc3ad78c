// Taking over existing claims from the XLSX template (issue 12, item 7): download the template, fill it offline,
// upload; per-cell Vietnamese errors and nothing written until every row is valid; imported in backfill mode.
// Both engines (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { claimEvents, claims } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { IMPORT_COLUMNS } from "../../src/documents/xlsx/claim-import.ts";
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

/** The template's sheet saved as CSV: fields quoted when they must be, rows joined by CRLF. */
function csv(rows: Array<Array<string | number | null>>, sep: string): string {
  const q = (v: string | number | null) => {
    const t = v === null ? "" : String(v);
    return /["\r\n]/.test(t) || t.includes(sep) ? `"${t.replaceAll('"', '""')}"` : t;
  };
  return `${rows.map((r) => r.map(q).join(sep)).join("\r\n")}\r\n`;
}

/** Windows-1258, as a Vietnamese Windows saves plain "CSV": precomposed base letters, tone marks as their own bytes. */
function windows1258(text: string): Buffer {
  const byChar = new Map<string, number>();
  const decoder = new TextDecoder("windows-1258");
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  const tones = "\u0300\u0301\u0303\u0309\u0323";
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const [base, ...marks] = ch.normalize("NFD");
    const parts = byChar.has(ch)
      ? [ch]
      : [
          (base + marks.filter((m) => !tones.includes(m)).join("")).normalize("NFC"),
          ...marks.filter((m) => tones.includes(m)),
        ];
    for (const p of parts) {
      const b = byChar.get(p);
      assert.ok(b !== undefined, `${p} không có trong Windows-1258`);
      out.push(b);
    }
  }
  return Buffer.from(out);
}

const HEADERS = IMPORT_COLUMNS.map((c) => (c.required ? `${c.header} (*)` : c.header));

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
    test("mẫu lưu thành CSV UTF-8 (dấu ; , giữ hai dòng tiêu đề mẫu, ô có dấu ; và xuống dòng) → nhập đủ, đúng chữ và số tiền", async () => {
      const text = csv(
        [
          ["MẪU NHẬP VỤ VIỆC ĐÃ CÓ (NHẬP BỔ SUNG — BACKFILL)"],
          ["Mỗi dòng một vụ việc."],
          HEADERS,
          [
            "Thi hành án dân sự",
            "thads-thanh-hoa",
            "Đặng Thị Ngọc Ánh",
            null,
            null,
            "Kê biên; bán đấu giá\nsai",
            "15/01/2024",
            "12.000.000",
          ],
          ["Quản lý hành chính", "thads-thanh-hoa", "Vũ Quốc Việt", null, null, null, "20/01/2024", 3000000],
        ],
        ";",
      );
      const r = await upload(admin, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().imported, 2);
      const [row] = await fx.database.db.select().from(claims).where(eq(claims.claimantName, "Đặng Thị Ngọc Ánh"));
      assert.equal(row.amountRequested, 12_000_000);
      assert.equal(row.summary, "Kê biên; bán đấu giá\nsai");
    });

    test("CSV Windows-1258 (dấu phẩy, tiêu đề ở dòng 1): ngày 31/02/2024 → 422 nêu ô G3, không ghi gì; sửa → nhập, tên đúng dấu", async () => {
      const rows = [
        HEADERS,
        [
          "Thi hành án dân sự",
          "thads-thanh-hoa",
          "Nguyễn Thị Hường",
          "Phường Hạc Thành, Thanh Hóa",
          null,
          null,
          "05/02/2024",
        ],
        ["Thi hành án dân sự", "thads-thanh-hoa", "Trần Văn Ước", null, null, null, "31/02/2024"],
      ];
      const before = await claimCount();
      const bad = await upload(admin, windows1258(csv(rows, ",")));
      assert.equal(bad.statusCode, 422, bad.body);
      assert.deepEqual(
        bad.json().issues.map((i: { path: string }) => i.path),
        ["/rows/3/G"],
      );
      assert.match(bad.json().issues[0].message, /^Ô G3 \(Ngày nhận hồ sơ\): "31\/02\/2024" không phải ngày/);
      assert.equal(await claimCount(), before, "nothing written");
      rows[2][6] = "29/02/2024";
      const good = await upload(admin, windows1258(csv(rows, ",")));
      assert.equal(good.statusCode, 201, good.body);
      const [row] = await fx.database.db.select().from(claims).where(eq(claims.claimantName, "Nguyễn Thị Hường"));
      assert.equal(row.claimantAddress, "Phường Hạc Thành, Thanh Hóa");
      assert.equal(await claimCount(), before + 2);
    });

    test("tệp không phải bảng tính (PDF) → 422 nói cần .xlsx hoặc .csv theo mẫu", async () => {
      const r = await upload(admin, Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"));
      assert.equal(r.statusCode, 422, r.body);
      assert.match(r.json().issues[0].message, /cần bảng tính \.xlsx theo mẫu hoặc tệp \.csv lưu từ mẫu/);
    });
    test("bản khác của tệp đã nhập (lưu thành .xlsx khác, tên gõ khác hoa thường) → 422 từng dòng nêu mã vụ việc đã có; hai dòng cùng một vụ việc trong tệp → nêu dòng trùng; không ghi gì", async () => {
      const rows: Array<Array<string | null>> = [
        ["Thi hành án dân sự", "thads-thanh-hoa", "Hoàng Minh Trùng", null, null, null, "10/04/2024", "7.000.000"],
        ["Quản lý hành chính", "thads-thanh-hoa", "Lý Thị Lặp", null, null, null, "11/04/2024"],
      ];
      const first = await upload(admin, Buffer.from(csv([HEADERS, ...rows], ";")));
      assert.equal(first.statusCode, 201, first.body);
      const codes = first.json().codes as string[];
      const before = await claimCount();
      const copy = rows.map((r) => [...r]);
      copy[0][2] = "HOÀNG  MINH TRÙNG";
      const again = await upload(admin, await fill(template, copy));
      assert.equal(again.statusCode, 422, again.body);
      const issues = again.json().issues as Array<{ path: string; message: string }>;
      assert.deepEqual(
        issues.map((i) => i.path),
        ["/rows/4/C", "/rows/5/C"],
      );
      assert.equal(
        issues[0].message,
        `Dòng 4: vụ việc này đã có — ${codes[0]} (cùng cơ quan giải quyết, lĩnh vực, người yêu cầu "HOÀNG  MINH TRÙNG" và ngày 10/04/2024); bỏ dòng này khỏi tệp để khỏi trùng`,
      );
      assert.match(issues[1].message, new RegExp(`^Dòng 5: vụ việc này đã có — ${codes[1]} `));

      const twice = [
        ["Thi hành án dân sự", "thads-thanh-hoa", "Mai Văn Hai Lần", null, null, null, "12/04/2024"],
        ["Thi hành án dân sự", "thads-thanh-hoa", "Mai Văn Hai Lần", null, null, "ghi lại lần nữa", "12/04/2024"],
        ["Thi hành án dân sự", "thads-thanh-hoa", "Mai Văn Hai Lần", null, null, null, "13/04/2024"],
      ];
      const dup = await upload(admin, Buffer.from(csv([HEADERS, ...twice], ",")));
      assert.equal(dup.statusCode, 422, dup.body);
      assert.deepEqual(dup.json().issues, [
        {
          path: "/rows/3/C",
          message:
            'Dòng 3 trùng dòng 2 (cùng cơ quan giải quyết, lĩnh vực, người yêu cầu "Mai Văn Hai Lần" và ngày 12/04/2024)',
        },
      ]);
      assert.equal(await claimCount(), before, "nothing written");
    });
  });
}
