// Issue 17 "figures": the XLSX of a report shows each indicator's number in the table ("1", "1.1"…) in "Mã chỉ tiêu",
// never the internal key (`handled`, `court_d52_k1a`); consolidated rows follow the official order of provinces and
// agencies (central first, provinces by administrative code, UBND tỉnh → Sở Tư pháp → THADS tỉnh within a province).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compareAgenciesOfficially } from "../../src/domain/agencies/index.ts";
import { consolidate, reportSheetInput } from "../../src/domain/reports/build.ts";
import { BUILTIN_TEMPLATES } from "../../src/domain/reports/templates.ts";
import { INDICATOR_CODE, INDICATOR_KEYS, INDICATORS } from "../../src/domain/statistics/indicators.ts";

describe("Mã chỉ tiêu và thứ tự cơ quan trong báo cáo", () => {
  test("mỗi chỉ tiêu có một mã số riêng theo bảng (1, 1.1 …); cấp con nối tiếp mã cấp cha", () => {
    const codes = INDICATOR_KEYS.map((k) => INDICATOR_CODE[k]);
    assert.equal(new Set(codes).size, codes.length);
    for (const [i, d] of INDICATORS.entries()) {
      assert.match(INDICATOR_CODE[d.key], /^\d+(\.\d+){0,2}$/);
      assert.equal(INDICATOR_CODE[d.key].split(".").length, d.level + 1);
      if (d.level > 0) {
        const parent = [...INDICATORS.slice(0, i)].reverse().find((p) => p.level === d.level - 1);
        assert.ok(parent && INDICATOR_CODE[d.key].startsWith(`${INDICATOR_CODE[parent.key]}.`), d.key);
      }
    }
    assert.equal(INDICATOR_CODE.handled, "1");
  });

  test("bảng XLSX của mọi mẫu báo cáo: cột 'Mã chỉ tiêu' là mã số, không có khóa tiếng Anh", () => {
    const data = consolidate([]);
    for (const template of BUILTIN_TEMPLATES) {
      const sheet = reportSheetInput(template, data, {
        period: { from: "2025-01-01", to: "2025-12-31", label: "Năm 2025" } as never,
        agencyName: "Sở Tư pháp tỉnh Thanh Hóa",
      });
      const col = sheet.columns.find((c) => c.header === "Mã chỉ tiêu");
      assert.ok(col, template.id);
      for (const row of sheet.rows) {
        const v = String(row[col.key]);
        assert.match(v, /^\d+(\.\d+)*$/, `${template.id}: ${v}`);
        assert.ok(!(INDICATOR_KEYS as readonly string[]).includes(v));
      }
    }
  });

  test("thứ tự chính thức: cơ quan trung ương, rồi tỉnh theo mã hành chính, trong tỉnh UBND → Sở Tư pháp → THADS", () => {
    const scrambled = [
      { name: "Thi hành án dân sự tỉnh Thanh Hóa", role: "THADS_TINH", province_code: "38" },
      { name: "Sở Tư pháp thành phố Hà Nội", role: "SO_TU_PHAP", province_code: "01" },
      { name: "Ủy ban nhân dân tỉnh Thanh Hóa", role: "UBND_TINH", province_code: "38" },
      { name: "Cục Bồi thường nhà nước", role: "CUC_BTNN", province_code: null },
      { name: "Sở Tư pháp tỉnh Thanh Hóa", role: "SO_TU_PHAP", province_code: "38" },
      { name: "Ủy ban nhân dân thành phố Hà Nội", role: "UBND_TINH", province_code: "01" },
    ];
    assert.deepEqual(
      [...scrambled].sort(compareAgenciesOfficially).map((a) => a.name),
      [
        "Cục Bồi thường nhà nước",
        "Ủy ban nhân dân thành phố Hà Nội",
        "Sở Tư pháp thành phố Hà Nội",
        "Ủy ban nhân dân tỉnh Thanh Hóa",
        "Sở Tư pháp tỉnh Thanh Hóa",
        "Thi hành án dân sự tỉnh Thanh Hóa",
      ],
    );
  });
});
