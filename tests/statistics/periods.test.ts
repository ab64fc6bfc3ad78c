import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../../src/domain/calendar/index.ts";
import { estimateFromActual, reportPeriod, statutoryDeadline } from "../../src/domain/statistics/index.ts";

describe("Kỳ báo cáo và hạn gửi — Thông tư 08/2019/TT-BTP, Điều 25", () => {
  test("Thông tư 08/2019/TT-BTP, Điều 25 — báo cáo năm: số liệu thực tế 01/01–31/10", () => {
    assert.deepEqual(
      { from: reportPeriod("tt08_annual_report", 2025).from, to: reportPeriod("tt08_annual_report", 2025).to },
      { from: "2025-01-01", to: "2025-10-31" },
    );
    const h2 = reportPeriod("half_year", 2025, { half: 2 });
    assert.deepEqual([h2.from, h2.to], ["2025-07-01", "2025-12-31"]);
    assert.deepEqual(
      [reportPeriod("tt08_annual_statistics", 2024).from, reportPeriod("tt08_annual_statistics", 2024).to],
      ["2024-01-01", "2024-12-31"],
    );
  });

  test("Thông tư 08/2019/TT-BTP, Điều 25 khoản 3 — hạn trước 08/12/2024 (07/12 là thứ Bảy) chuyển sang thứ Hai 09/12/2024", () => {
    assert.equal(statutoryDeadline(defaultCalendar, "tt08_annual_report", 2024)?.date, "2024-12-09");
    assert.equal(statutoryDeadline(defaultCalendar, "tt08_annual_report", 2026)?.date, "2026-12-07");
  });

  test("Thông tư 08/2019/TT-BTP, Điều 25 khoản 3 — hạn thống kê năm 2024 (30/01/2025 rơi vào Tết Ất Tỵ) chuyển sang 03/02/2025", () => {
    const d = statutoryDeadline(defaultCalendar, "tt08_annual_statistics", 2024)!;
    assert.equal(d.date, "2025-02-03");
    assert.ok(
      d.explanation.some((s) => s.rule === "rollover" && s.source === "Thông tư 08/2019/TT-BTP, Điều 25 khoản 3"),
    );
    assert.equal(statutoryDeadline(defaultCalendar, "tt08_annual_statistics", 2025)?.date, "2026-01-30");
    assert.equal(statutoryDeadline(defaultCalendar, "half_year", 2025), undefined);
  });

  test("Thông tư 08/2019/TT-BTP, Điều 25 — ước cả năm = thực tế × 12/10, làm tròn lên từ 0,5", () => {
    assert.equal(estimateFromActual(21), 25); // 25.2
    assert.equal(estimateFromActual(5), 6); // 6.0
    assert.equal(estimateFromActual(15), 18); // 18.0
    assert.equal(estimateFromActual(4), 5); // 4.8
    assert.equal(estimateFromActual(10, 10, 12), 12);
    assert.equal(estimateFromActual(35, 10, 12), 42);
    assert.equal(estimateFromActual(3, 8, 12), 5); // 4.5 → 5
  });
});
