import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays, fromDayNumber, toDayNumber } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { addPeriod, firstMonthOfNextPeriod, halfYearRange, quarterRange, workingDaysBetween } from "./periods.ts";
import { defaultCalendar as cal } from "./work-calendar.ts";

describe("Bộ luật Dân sự 2015, Điều 147–148 — tính thời hạn", () => {
  test("Bộ luật Dân sự 2015, Điều 147 khoản 3 — giải thích bắt đầu bằng bước 'start' và kết thúc bằng 'end'", () => {
    const r = addPeriod(cal, "2024-03-04", 2, "working_days");
    assert.equal(r.date, "2024-03-06");
    assert.deepEqual(r.explanation[0], {
      rule: "start",
      date: "2024-03-04",
      text: "Sự kiện ngày 04/03/2024; ngày đầu tiên của thời hạn là ngày tiếp theo (Bộ luật Dân sự 2015, Điều 147 khoản 3)",
      source: "Bộ luật Dân sự 2015, Điều 147 khoản 3",
    });
    const last = r.explanation[r.explanation.length - 1];
    assert.equal(last.rule, "end");
    assert.equal(last.date, "2024-03-06");
  });

  test("Ngày làm việc qua Tết Ất Tỵ 2025 (Thông báo 6150/TB-LĐTBXH): 24/01/2025 + 5 ngày làm việc = 07/02/2025", () => {
    const r = addPeriod(cal, "2025-01-24", 5, "working_days");
    assert.equal(r.date, "2025-02-07");
    const skipped = r.explanation.filter((s) => s.rule === "skip");
    assert.deepEqual(
      skipped.map((s) => s.date),
      [
        "2025-01-25",
        "2025-01-26",
        "2025-01-27",
        "2025-01-28",
        "2025-01-29",
        "2025-01-30",
        "2025-01-31",
        "2025-02-01",
        "2025-02-02",
      ],
    );
    assert.equal(skipped[0].text, "25/01/2025 — Thứ Bảy (ngày nghỉ hằng tuần)");
    assert.equal(skipped[0].source, "Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ)");
    assert.equal(skipped[1].text, "26/01/2025 — Chủ nhật (ngày nghỉ hằng tuần)");
    assert.match(skipped[2].text, /Tết Âm lịch \(28 tháng Chạp\)/);
    assert.match(skipped[2].source ?? "", /6150\/TB-LĐTBXH/);
  });

  test("Ngày làm việc qua Tết Bính Ngọ 2026 (Thông báo 9441/TB-BNV): 13/02/2026 + 3 ngày làm việc = 25/02/2026", () => {
    assert.equal(addPeriod(cal, "2026-02-13", 3, "working_days").date, "2026-02-25");
    assert.equal(addPeriod(cal, "2026-02-13", 15, "working_days").date, "2026-03-13");
  });

  test("Thứ Bảy làm bù là ngày làm việc (Thông báo 6150/TB-LĐTBXH: làm bù 26/04/2025, nghỉ 02/05/2025)", () => {
    const one = addPeriod(cal, "2025-04-25", 1, "working_days");
    assert.equal(one.date, "2025-04-26");
    assert.ok(one.explanation.some((s) => s.rule === "note" && s.date === "2025-04-26"));
    const four = addPeriod(cal, "2025-04-25", 4, "working_days");
    assert.equal(four.date, "2025-05-05"); // 26/4, 28/4, 29/4, (30/4, 01/5 lễ; 02/5 hoán đổi; 03–04/5 cuối tuần), 05/5
    assert.ok(four.explanation.some((s) => s.rule === "skip" && s.date === "2025-05-02" && /hoán đổi/.test(s.text)));
  });

  test("Công văn 12729/VPCP-KGVX — 31/12/2025 + 2 ngày làm việc = 06/01/2026; 09/01/2026 + 1 = Thứ Bảy 10/01/2026", () => {
    assert.equal(addPeriod(cal, "2025-12-31", 2, "working_days").date, "2026-01-06");
    assert.equal(addPeriod(cal, "2026-01-09", 1, "working_days").date, "2026-01-10");
  });

  test("Bộ luật Dân sự 2015, Điều 148 khoản 5 — ngày cuối cùng rơi vào ngày nghỉ: 01/02/2026 + 14 ngày → 23/02/2026", () => {
    const r = addPeriod(cal, "2026-02-01", 14, "calendar_days");
    assert.equal(r.date, "2026-02-23");
    const roll = r.explanation.find((s) => s.rule === "rollover");
    assert.ok(roll);
    assert.equal(roll.source, "Bộ luật Dân sự 2015, Điều 148 khoản 5");
    assert.deepEqual(
      r.explanation.filter((s) => s.rule === "skip").map((s) => s.date),
      ["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22"],
    );
  });

  test("Bộ luật Dân sự 2015, Điều 148 khoản 1 — thời hạn ngày kết thúc cuối ngày cuối cùng (không cần lùi)", () => {
    const r = addPeriod(cal, "2024-03-01", 4, "calendar_days");
    assert.equal(r.date, "2024-03-05");
    assert.ok(!r.explanation.some((s) => s.rule === "rollover"));
    assert.equal(addPeriod(cal, "2024-03-01", 15, "calendar_days").date, "2024-03-18"); // 16/03 Thứ Bảy → Thứ Hai
  });

  test("Bộ luật Dân sự 2015, Điều 148 khoản 3 — tháng: 31/01 + 1 tháng = 28/02 hoặc 29/02 (năm nhuận)", () => {
    assert.equal(addPeriod(cal, "2023-01-31", 1, "months").date, "2023-02-28");
    assert.equal(addPeriod(cal, "2024-01-31", 1, "months").date, "2024-02-29");
    assert.equal(addPeriod(cal, "2024-03-31", 2, "months").date, "2024-05-31");
    assert.equal(addPeriod(cal, "2024-11-30", 3, "months").date, "2025-02-28");
    // 15/01/2026 + 1 tháng = Chủ nhật 15/02/2026 → qua Tết → 23/02/2026 (khoản 5)
    assert.equal(addPeriod(cal, "2026-01-15", 1, "months").date, "2026-02-23");
  });

  test("Bộ luật Dân sự 2015, Điều 148 khoản 4 — năm: 29/02/2024 + 1 năm = 28/02/2025; 2 năm từ 05/01/2024 → 05/01/2026", () => {
    assert.equal(addPeriod(cal, "2024-02-29", 1, "years").date, "2025-02-28");
    assert.equal(addPeriod(cal, "2024-01-05", 2, "years").date, "2026-01-05");
    // 02/01/2025 + 1 năm = 02/01/2026 (nghỉ hoán đổi) → 05/01/2026
    assert.equal(addPeriod(cal, "2025-01-02", 1, "years").date, "2026-01-05");
  });

  test("Thời hạn 0 là chính ngày sự kiện; giá trị âm hoặc không nguyên, ngày sai → DomainError", () => {
    assert.equal(addPeriod(cal, "2025-01-25", 0, "working_days").date, "2025-01-25");
    assert.throws(
      () => addPeriod(cal, "2025-01-01", -1, "working_days"),
      (e: unknown) => e instanceof DomainError && e.field === "value",
    );
    assert.throws(() => addPeriod(cal, "2025-01-01", 1.5, "calendar_days"), DomainError);
    assert.throws(
      () => addPeriod(cal, "2025-13-01", 1, "calendar_days"),
      (e: unknown) => e instanceof DomainError && e.field === "from",
    );
  });

  test("workingDaysBetween: số ngày làm việc trong (from, to]", () => {
    assert.equal(workingDaysBetween(cal, "2025-01-24", "2025-02-07"), 5);
    assert.equal(workingDaysBetween(cal, "2025-02-07", "2025-01-24"), -5);
    assert.equal(workingDaysBetween(cal, "2025-02-07", "2025-02-07"), 0);
    // 2025: 261 weekdays − 12 weekday holidays (01/01; Tết 27–31/01; Giỗ Tổ 07/04; 30/04, 01/05; 02/05 hoán đổi;
    // 01–02/09) + 1 swapped Saturday (26/04) = 250
    assert.equal(workingDaysBetween(cal, "2024-12-31", "2025-12-31"), 250);
  });

  test("Kỳ kế hoạch: quý, 6 tháng, tháng đầu của kỳ sau", () => {
    assert.deepEqual(quarterRange(2024, 1), { start: "2024-01-01", end: "2024-03-31" });
    assert.deepEqual(quarterRange(2024, 4), { start: "2024-10-01", end: "2024-12-31" });
    assert.deepEqual(halfYearRange(2024, 1), { start: "2024-01-01", end: "2024-06-30" });
    assert.deepEqual(halfYearRange(2024, 2), { start: "2024-07-01", end: "2024-12-31" });
    assert.deepEqual(firstMonthOfNextPeriod("quarter", 2024, 4), { start: "2025-01-01", end: "2025-01-31" });
    assert.deepEqual(firstMonthOfNextPeriod("quarter", 2024, 1), { start: "2024-04-01", end: "2024-04-30" });
    assert.deepEqual(firstMonthOfNextPeriod("half_year", 2024, 1), { start: "2024-07-01", end: "2024-07-31" });
    assert.throws(() => quarterRange(2024, 5), DomainError);
    assert.throws(() => halfYearRange(2024, 0), DomainError);
  });
});

describe("Thuộc tính (fast-check) của phép tính thời hạn", () => {
  const dateArb = fc.integer({ min: toDayNumber("2000-01-01"), max: toDayNumber("2095-12-31") }).map(fromDayNumber);
  const nArb = fc.integer({ min: 1, max: 60 });

  test("working_days: kết quả là ngày làm việc và có đúng N ngày làm việc trong (from, kết quả]", () => {
    fc.assert(
      fc.property(dateArb, nArb, (from, n) => {
        const r = addPeriod(cal, from, n, "working_days");
        assert.ok(cal.isWorkingDay(r.date));
        assert.equal(workingDaysBetween(cal, from, r.date), n);
        assert.equal(r.explanation[0].rule, "start");
        assert.equal(r.explanation[r.explanation.length - 1].rule, "end");
      }),
      { numRuns: 300 },
    );
  });

  test("calendar_days: kết quả ≥ from + N, là ngày làm việc, mọi ngày từ from + N đến trước kết quả là ngày nghỉ", () => {
    fc.assert(
      fc.property(dateArb, nArb, (from, n) => {
        const r = addPeriod(cal, from, n, "calendar_days");
        const last = addDays(from, n);
        assert.ok(r.date >= last);
        assert.ok(cal.isWorkingDay(r.date));
        for (let d = last; d < r.date; d = addDays(d, 1)) assert.equal(cal.isWorkingDay(d), false, d);
      }),
      { numRuns: 300 },
    );
  });

  test("Đơn điệu theo N (mọi đơn vị)", () => {
    fc.assert(
      fc.property(
        dateArb,
        nArb,
        fc.constantFrom("working_days", "calendar_days", "months", "years") as fc.Arbitrary<
          "working_days" | "calendar_days" | "months" | "years"
        >,
        (from, n, unit) => {
          const m = unit === "years" ? Math.min(n, 3) : unit === "months" ? Math.min(n, 47) : n;
          assert.ok(addPeriod(cal, from, m, unit).date <= addPeriod(cal, from, m + 1, unit).date);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("workingDaysBetween nghịch đảo addPeriod; đổi chiều đổi dấu", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const n = workingDaysBetween(cal, a, b);
        assert.equal(workingDaysBetween(cal, b, a) + n, 0);
        if (n > 0) assert.ok(addPeriod(cal, a, n, "working_days").date <= b);
      }),
      { numRuns: 200 },
    );
  });

  test("months: ngày tương ứng (hoặc ngày cuối tháng ngắn hơn) rồi mới lùi sang ngày làm việc", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 48 }), (from, n) => {
        const r = addPeriod(cal, from, n, "months");
        const [y, m, d] = from.split("-").map(Number);
        const total = y * 12 + m - 1 + n;
        const ty = Math.floor(total / 12);
        const tm = (total % 12) + 1;
        const dim = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
        const corresponding = `${ty}-${String(tm).padStart(2, "0")}-${String(Math.min(d, dim)).padStart(2, "0")}`;
        assert.ok(r.date >= corresponding);
        for (let x = corresponding; x < r.date; x = addDays(x, 1)) assert.equal(cal.isWorkingDay(x), false);
      }),
      { numRuns: 200 },
    );
  });
});
