import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DomainError } from "../shared/errors.ts";
import { defaultQuocKhanhAdjacentDay, statutoryHolidays } from "./holidays.ts";
import { OFFICIAL_NOTICES, type YearNotice } from "./notices.ts";
import type { HolidayEntry } from "./types.ts";
import { createWorkCalendar, defaultCalendar } from "./work-calendar.ts";

const cal = defaultCalendar;
const bare = createWorkCalendar({ notices: [] });

function offDays(from: string, to: string, c = cal): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (!c.isWorkingDay(iso)) out.push(iso);
  }
  return out;
}
const kinds = (date: string, c = cal) => c.entriesOn(date).map((e: HolidayEntry) => e.kind);

describe("Lịch nghỉ lễ, tết theo thông báo hằng năm (legal-addendum §7)", () => {
  test("Thông báo 5015/TB-LĐTBXH — Tết Giáp Thìn 2024: nghỉ 08/02–14/02, trong đó 02 ngày nghỉ bù", () => {
    assert.deepEqual(offDays("2024-02-05", "2024-02-18"), [
      "2024-02-08",
      "2024-02-09",
      "2024-02-10",
      "2024-02-11",
      "2024-02-12",
      "2024-02-13",
      "2024-02-14",
      "2024-02-17",
      "2024-02-18",
    ]);
    assert.deepEqual(kinds("2024-02-13"), ["compensatory"]);
    assert.deepEqual(kinds("2024-02-14"), ["compensatory"]);
    assert.equal(cal.isWorkingDay("2024-02-15"), true);
    assert.match(cal.entriesOn("2024-02-08")[0].source, /5015\/TB-LĐTBXH/);
    assert.equal(cal.entriesOn("2024-02-08")[0].name, "Tết Âm lịch (29 tháng Chạp)");
  });

  test("Công văn 2450/VPCP-KGVX — 2024: nghỉ Thứ Hai 29/04, làm bù Thứ Bảy 04/05", () => {
    assert.deepEqual(offDays("2024-04-27", "2024-05-05"), [
      "2024-04-27",
      "2024-04-28",
      "2024-04-29",
      "2024-04-30",
      "2024-05-01",
      "2024-05-05",
    ]);
    assert.deepEqual(kinds("2024-04-29"), ["swapped_off"]);
    assert.deepEqual(kinds("2024-05-04"), ["swapped_work"]);
    assert.equal(cal.isWorkingDay("2024-05-04"), true);
  });

  test("Thông báo 5015/TB-LĐTBXH — Quốc khánh 2024: 02/9 và 03/9; Giỗ Tổ 18/04/2024", () => {
    assert.deepEqual(offDays("2024-08-30", "2024-09-04"), ["2024-08-31", "2024-09-01", "2024-09-02", "2024-09-03"]);
    assert.equal(cal.isWorkingDay("2024-04-18"), false);
    assert.equal(cal.entriesOn("2024-04-18")[0].occasion, "gio_to_hung_vuong");
  });

  test("Thông báo 6150/TB-LĐTBXH — Tết Ất Tỵ 2025: nghỉ 25/01–02/02 (05 ngày Tết 27–31/01)", () => {
    assert.deepEqual(offDays("2025-01-24", "2025-02-03"), [
      "2025-01-25",
      "2025-01-26",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-02-02",
    ]);
    assert.equal(cal.isWorkingDay("2025-02-03"), true); // the generator alone would give a compensatory day here
    assert.equal(bare.isWorkingDay("2025-02-03"), false);
  });

  test("Thông báo 6150/TB-LĐTBXH — 2025: nghỉ Thứ Sáu 02/05, làm bù Thứ Bảy 26/04; Quốc khánh 01–02/9", () => {
    assert.equal(cal.isWorkingDay("2025-04-26"), true);
    assert.deepEqual(offDays("2025-04-28", "2025-05-05"), [
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-05-03",
      "2025-05-04",
    ]);
    assert.deepEqual(offDays("2025-08-29", "2025-09-03"), ["2025-08-30", "2025-08-31", "2025-09-01", "2025-09-02"]);
    assert.equal(cal.isWorkingDay("2025-04-07"), false); // Giỗ Tổ 2025
  });

  test("Công văn 12729/VPCP-KGVX — Tết Dương lịch 2026: nghỉ 01–04/01, làm bù Thứ Bảy 10/01", () => {
    assert.deepEqual(offDays("2026-01-01", "2026-01-11"), [
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
      "2026-01-04",
      "2026-01-11",
    ]);
    assert.deepEqual(kinds("2026-01-10"), ["swapped_work"]);
  });

  test("Thông báo 9441/TB-BNV — Tết Bính Ngọ 2026: nghỉ 14/02–22/02 (05 ngày Tết 16–20/02)", () => {
    assert.deepEqual(offDays("2026-02-13", "2026-02-23"), [
      "2026-02-14",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
    ]);
    assert.match(cal.entriesOn("2026-02-16")[0].source, /9441\/TB-BNV/);
    assert.equal(cal.entriesOn("2026-02-16")[0].unverified, undefined);
  });

  test("Bộ luật Lao động 2019, Điều 111 khoản 3 — Giỗ Tổ 2026 Chủ nhật 26/04 → nghỉ bù Thứ Hai 27/04", () => {
    assert.deepEqual(kinds("2026-04-26"), ["holiday"]);
    assert.deepEqual(kinds("2026-04-27"), ["compensatory"]);
    assert.equal(cal.isWorkingDay("2026-04-27"), false);
    assert.equal(cal.isWorkingDay("2026-04-28"), true);
    assert.equal(cal.entriesOn("2026-04-27")[0].source, "Bộ luật Lao động 2019, Điều 111 khoản 3");
  });

  test("Quốc khánh 2026 chưa xác nhận: ngày mặc định 01–02/9, gắn cờ unverified", () => {
    const qk = cal.holidays(2026).filter((e) => e.occasion === "quoc_khanh");
    assert.deepEqual(
      qk.map((e) => [e.date, e.unverified]),
      [
        ["2026-09-01", true],
        ["2026-09-02", true],
      ],
    );
    const row = OFFICIAL_NOTICES.find((n) => n.year === 2026 && n.occasions.includes("quoc_khanh"));
    assert.equal(row?.verified, false);
  });
});

describe("Bộ luật Lao động 2019, Điều 112 khoản 1 — sinh ngày nghỉ theo quy tắc (không có thông báo)", () => {
  test("Bộ luật Lao động 2019, Điều 112 khoản 1 — năm 2030: 11 ngày nghỉ lễ, Giỗ Tổ 12/04/2030", () => {
    const h = statutoryHolidays(2030);
    assert.equal(h.length, 11);
    assert.deepEqual(
      h.map((e) => e.date),
      [
        "2030-01-01",
        "2030-02-01",
        "2030-02-02",
        "2030-02-03",
        "2030-02-04",
        "2030-02-05",
        "2030-04-12", // new moon 03/04/2030 (UTC+7) = mùng 1 tháng Ba → 10/3 âm lịch = 12/04
        "2030-04-30",
        "2030-05-01",
        "2030-09-02",
        "2030-09-03",
      ],
    );
    const tet = h.filter((e) => e.occasion === "tet_am_lich");
    assert.ok(tet.every((e) => e.unverified === true && /mặc định khi chưa có thông báo hằng năm/.test(e.source)));
    assert.equal(
      tet[0].source,
      "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b (mặc định khi chưa có thông báo hằng năm)",
    );
  });

  test("Bộ luật Lao động 2019, Điều 111 khoản 3 — Tết 2030: mùng 1 Thứ Bảy, mùng 2 Chủ nhật → nghỉ bù 06/02 và 07/02", () => {
    assert.deepEqual(offDays("2030-01-31", "2030-02-10"), [
      "2030-02-01",
      "2030-02-02",
      "2030-02-03",
      "2030-02-04",
      "2030-02-05",
      "2030-02-06",
      "2030-02-07",
      "2030-02-09",
      "2030-02-10",
    ]);
    assert.deepEqual(kinds("2030-02-06"), ["compensatory"]);
  });

  test("Bộ luật Lao động 2019, Điều 111 khoản 3 — 2023: Giỗ Tổ Thứ Bảy 29/4, 30/4 Chủ nhật → nghỉ bù 02/5 và 03/5", () => {
    assert.deepEqual(offDays("2023-04-28", "2023-05-04"), [
      "2023-04-29",
      "2023-04-30",
      "2023-05-01",
      "2023-05-02",
      "2023-05-03",
    ]);
    assert.match(cal.entriesOn("2023-05-02")[0].name, /Giỗ Tổ/);
    assert.match(cal.entriesOn("2023-05-03")[0].name, /Chiến thắng/);
  });

  test("Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ — ngày liền kề Quốc khánh mặc định theo thứ của 02/9", () => {
    assert.equal(defaultQuocKhanhAdjacentDay(2024), "2024-09-03"); // Thứ Hai
    assert.equal(defaultQuocKhanhAdjacentDay(2025), "2025-09-01"); // Thứ Ba
    assert.equal(defaultQuocKhanhAdjacentDay(2021), "2021-09-03"); // Thứ Năm
    assert.equal(defaultQuocKhanhAdjacentDay(2022), "2022-09-01"); // Thứ Sáu
    assert.equal(defaultQuocKhanhAdjacentDay(2023), "2023-09-01"); // Thứ Bảy
    // 2029: 02/9 Chủ nhật → 03/9 Thứ Hai (ngày lễ) + nghỉ bù Thứ Ba 04/9
    assert.equal(defaultQuocKhanhAdjacentDay(2029), "2029-09-03");
    assert.deepEqual(offDays("2029-09-01", "2029-09-05"), ["2029-09-01", "2029-09-02", "2029-09-03", "2029-09-04"]);
  });

  test("Bộ luật Lao động 2012, Điều 115 khoản 1 — trước 2021 Quốc khánh chỉ 01 ngày (02/9/2019)", () => {
    const qk = statutoryHolidays(2019).filter((e) => e.occasion === "quoc_khanh");
    assert.deepEqual(
      qk.map((e) => e.date),
      ["2019-09-02"],
    );
    assert.equal(qk[0].source, "Bộ luật Lao động 2012, Điều 115 khoản 1");
    assert.equal(cal.isWorkingDay("2019-09-03"), true);
  });

  test("Tết mặc định khi chưa có thông báo: ngày cuối năm âm lịch + mùng 1–4 (2025: 28/01–01/02)", () => {
    assert.deepEqual(
      bare
        .holidays(2025)
        .filter((e) => e.occasion === "tet_am_lich")
        .map((e) => [e.date, e.kind]),
      [
        ["2025-01-28", "holiday"],
        ["2025-01-29", "holiday"],
        ["2025-01-30", "holiday"],
        ["2025-01-31", "holiday"],
        ["2025-02-01", "holiday"],
        ["2025-02-03", "compensatory"],
      ],
    );
  });

  test("Thêm một năm chỉ bằng dữ liệu: một dòng thông báo 2027 thay Tết mặc định và hoán đổi ngày làm việc", () => {
    const row: YearNotice = {
      year: 2027,
      occasions: ["tet_am_lich"],
      off: [
        { date: "2027-02-04", kind: "holiday" },
        { date: "2027-02-05", kind: "holiday" },
        { date: "2027-02-08", kind: "holiday" },
        { date: "2027-02-09", kind: "holiday" },
        { date: "2027-02-10", kind: "holiday" },
        { date: "2027-02-11", kind: "swapped_off", name: "Nghỉ hoán đổi (thử)" },
      ],
      work: [{ date: "2027-02-20", name: "Làm bù (thử)" }],
      source: "Thông báo thử nghiệm",
      verified: true,
    };
    const c = createWorkCalendar({ notices: [...OFFICIAL_NOTICES, row] });
    assert.equal(c.isWorkingDay("2027-02-04"), false);
    assert.equal(c.isWorkingDay("2027-02-11"), false);
    assert.equal(c.isWorkingDay("2027-02-20"), true);
    assert.equal(c.isWorkingDay("2027-02-12"), true);
    // the default Tết days (05/02 = 29 Chạp … 09/02) are replaced, not merged
    assert.ok(c.holidays(2027).every((e) => e.occasion !== "tet_am_lich" || e.source === "Thông báo thử nghiệm"));
    assert.equal(c.entriesOn("2027-02-04")[0].name, "Tết Âm lịch (28 tháng Chạp)");
  });

  test("Ngày nghỉ hằng tuần Thứ Bảy, Chủ nhật (Quyết định 188/1999/QĐ-TTg); năm ngoài 1900–2100 → DomainError", () => {
    assert.equal(cal.isWorkingDay("2024-03-09"), false);
    assert.equal(cal.isWorkingDay("2024-03-10"), false);
    assert.equal(cal.isWorkingDay("2024-03-11"), true);
    assert.deepEqual(cal.entriesOn("2024-03-11"), []);
    assert.throws(() => cal.isWorkingDay("2101-01-03"), DomainError);
    assert.throws(() => cal.holidays(1899), DomainError);
    assert.throws(() => cal.isWorkingDay("2024-02-30"), DomainError);
  });

  test("holidays(year) sắp xếp theo ngày và mỗi mục có tên, loại, nguồn", () => {
    for (const y of [2020, 2024, 2025, 2026, 2040]) {
      const h = cal.holidays(y);
      for (let i = 1; i < h.length; i++) assert.ok(h[i - 1].date <= h[i].date);
      for (const e of h) {
        assert.ok(e.name.length > 0 && e.source.length > 0);
        assert.ok(e.date.startsWith(String(y)));
      }
    }
  });
});
