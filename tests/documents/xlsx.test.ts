import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { DocumentInputError } from "../../src/documents/errors.ts";
import { buildBacklogList2009, buildCaseList2017 } from "../../src/documents/xlsx/case-lists.ts";
import { buildSheet } from "../../src/documents/xlsx/sheet.ts";

async function read(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

function findRow(ws: ExcelJS.Worksheet, firstCell: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === firstCell) return r;
  return -1;
}

describe("buildSheet — xuất danh sách XLSX", () => {
  const input = {
    title: "Sổ văn bản đi",
    columns: [
      { key: "number", header: "Số", format: "integer" as const },
      { key: "symbol", header: "Ký hiệu" },
      { key: "issued_on", header: "Ngày ban hành", format: "date" as const },
      { key: "amount", header: "Số tiền (đồng)", format: "money" as const },
    ],
    rows: [
      { number: 15, symbol: "BTNN-NV", issued_on: "2026-03-05", amount: 1_250_000_000 },
      { number: 16, symbol: "QĐ-BTNN", issued_on: "2026-03-09", amount: null },
    ],
    sheet_name: "Sổ văn bản đi",
    meta: { agency: "Cục Bồi thường nhà nước", period: "Năm 2026", generated_at: "2026-03-31T08:00:00+07:00" },
    total_keys: ["amount"],
  };

  test("đọc lại bằng exceljs: dòng tiêu đề, tiêu đề cột in đậm, ngày dd/mm/yyyy, tiền #,##0, cố định dòng tiêu đề, lọc tự động", async () => {
    const ws = await read(await buildSheet(input));
    assert.equal(ws.name, "Sổ văn bản đi");
    assert.equal(ws.getCell(1, 1).value, "CỤC BỒI THƯỜNG NHÀ NƯỚC");
    assert.equal(ws.getCell(2, 1).value, "SỔ VĂN BẢN ĐI");
    assert.equal(ws.getCell(3, 1).value, "Kỳ: Năm 2026");
    assert.equal(ws.getCell(4, 1).value, "Ngày lập: 31/03/2026");
    const h = findRow(ws, "Số");
    assert.ok(h > 0);
    assert.deepEqual(
      [1, 2, 3, 4].map((c) => ws.getCell(h, c).value),
      ["Số", "Ký hiệu", "Ngày ban hành", "Số tiền (đồng)"],
    );
    assert.equal(ws.getCell(h, 1).font?.bold, true);
    const date = ws.getCell(h + 1, 3);
    assert.ok(date.value instanceof Date);
    assert.equal((date.value as Date).toISOString().slice(0, 10), "2026-03-05");
    assert.equal(date.numFmt, "dd/mm/yyyy");
    const money = ws.getCell(h + 1, 4);
    assert.equal(money.value, 1_250_000_000);
    assert.equal(money.numFmt, "#,##0");
    assert.equal(ws.getCell(h + 2, 4).value, null);
    assert.equal(ws.getCell(h + 3, 1).value, "Tổng cộng");
    assert.equal(ws.getCell(h + 3, 4).value, 1_250_000_000);
    assert.equal(ws.views[0].state, "frozen");
    assert.equal((ws.views[0] as { ySplit?: number }).ySplit, h);
    assert.ok(ws.autoFilter, "có lọc tự động");
    assert.equal(ws.getCell(h + 1, 2).font?.name, "Times New Roman");
  });

  test("đầu vào sai → lỗi tiếng Việt nêu trường", async () => {
    await assert.rejects(buildSheet({ ...input, sheet_name: "a/b" }), (e: unknown) => {
      return e instanceof DocumentInputError && e.field === "sheet_name" && /tên trang tính/.test(e.message);
    });
    await assert.rejects(
      buildSheet({ ...input, columns: [...input.columns, { key: "amount", header: "Trùng" }] }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "columns.4.key" && /trùng/.test(e.message),
    );
    await assert.rejects(
      buildSheet({ ...input, total_keys: ["symbol"] }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "total_keys.0",
    );
  });
});

describe("KH 2021 mục II.1 — danh mục vụ việc định kỳ", () => {
  const row2017 = {
    claim_code: "TH-2026-001",
    claimant: "Ông Nguyễn Văn An",
    handling_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
    field: "civil_enforcement" as const,
    accepted_on: "2026-02-04",
    stage: "Đã có quyết định giải quyết bồi thường",
    claimed_amount: 1_400_000_000,
    decided_amount: 1_250_000_000,
    origin: "new" as const,
  };

  test("II.1.1 — danh mục 6 tháng theo Luật TNBTCNN 2017: cột STT … ghi chú, lĩnh vực và nguồn bằng tiếng Việt", async () => {
    const ws = await read(
      await buildCaseList2017({
        agency: "Cục Bồi thường nhà nước",
        year: 2026,
        half: 1,
        generated_at: "2026-07-15",
        rows: [
          row2017,
          {
            ...row2017,
            claim_code: "TH-2025-010",
            accepted_on: "2025-11-20",
            origin: "carried_over",
            decided_amount: undefined,
          },
        ],
      }),
    );
    assert.equal(ws.name, "Danh mục 6 tháng đầu 2026");
    assert.ok(findRow(ws, "Kỳ: 6 tháng đầu năm 2026 (từ 01/01/2026 đến 30/06/2026)") > 0);
    const h = findRow(ws, "STT");
    const headers = Array.from({ length: 11 }, (_, i) => ws.getCell(h, i + 1).value);
    assert.deepEqual(headers, [
      "STT",
      "Mã vụ việc",
      "Người yêu cầu bồi thường",
      "Cơ quan giải quyết bồi thường",
      "Lĩnh vực",
      "Ngày thụ lý",
      "Giai đoạn giải quyết",
      "Số tiền yêu cầu bồi thường (đồng)",
      "Số tiền quyết định bồi thường (đồng)",
      "Mới thụ lý / kỳ trước chuyển sang",
      "Ghi chú",
    ]);
    // Sorted by acceptance date: the carried-over case first.
    assert.equal(ws.getCell(h + 1, 2).value, "TH-2025-010");
    assert.equal(ws.getCell(h + 1, 10).value, "Kỳ trước chuyển sang");
    assert.equal(ws.getCell(h + 2, 1).value, 2);
    assert.equal(ws.getCell(h + 2, 5).value, "Thi hành án dân sự");
    assert.equal((ws.getCell(h + 2, 6).value as Date).toISOString().slice(0, 10), "2026-02-04");
    assert.equal(ws.getCell(h + 3, 8).value, 2_800_000_000);
    assert.equal(ws.getCell(h + 3, 9).value, 1_250_000_000);
  });

  test("II.1.1 — vụ việc thụ lý trước 01/7/2018 (Luật 2009) bị từ chối, nêu trường rows.0.accepted_on", async () => {
    await assert.rejects(
      buildCaseList2017({ agency: "Cục BTNN", year: 2026, half: 1, rows: [{ ...row2017, accepted_on: "2018-06-30" }] }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "rows.0.accepted_on" && /2009/.test(e.message),
    );
  });

  test("II.1.2 — danh mục quý vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN 2009", async () => {
    const ws = await read(
      await buildBacklogList2009({
        agency: "Cục Bồi thường nhà nước",
        year: 2026,
        quarter: 2,
        rows: [
          {
            claim_code: "TH-2016-002",
            claimant: "Bà Trần Thị Mai",
            handling_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
            field: "civil_enforcement",
            accepted_on: "2016-09-12",
            flags: ["prolonged", "complex"],
            status: "Đang thương lượng",
            claimed_amount: 3_000_000_000,
          },
        ],
      }),
    );
    assert.equal(ws.name, "Quý II năm 2026");
    assert.ok(findRow(ws, "Kỳ: Quý II năm 2026") > 0);
    const h = findRow(ws, "STT");
    assert.equal(ws.getCell(h, 7).value, "Tính chất (phức tạp, tồn đọng, kéo dài)");
    assert.equal(ws.getCell(h + 1, 7).value, "Phức tạp, Kéo dài");
    assert.equal(ws.getCell(h + 1, 11).value, 3_000_000_000);
    await assert.rejects(
      buildBacklogList2009({
        agency: "Cục BTNN",
        year: 2026,
        quarter: 1,
        rows: [{ ...row2017, flags: ["complex"], status: "x", origin: undefined } as never],
      }),
      (e: unknown) => e instanceof DocumentInputError && e.issues.some((i) => i.field === "rows.0.accepted_on"),
    );
  });
});
