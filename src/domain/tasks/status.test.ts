import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { defaultCalendar } from "../calendar/index.ts";
import { addDays } from "../shared/dates.ts";
import { effectiveStatus, overdueAfter, overdueCutoff, progressOf } from "./status.ts";

describe("Quá hạn tính theo lịch ngày làm việc (Bộ luật Dân sự 2015, Điều 148 khoản 5)", () => {
  test("Điều 148 khoản 5 — hạn rơi vào Chủ nhật 30/6/2024 chuyển sang thứ Hai 01/7/2024: chưa quá hạn ngày 01/7, quá hạn từ 02/7", () => {
    const t = { status: "pending", due: "2024-06-30" };
    assert.equal(overdueAfter("2024-06-30", defaultCalendar), "2024-07-01");
    assert.equal(effectiveStatus(t, "2024-07-01", defaultCalendar), "pending");
    assert.equal(effectiveStatus(t, "2024-07-02", defaultCalendar), "overdue");
  });

  test("Điều 148 khoản 5 + Bộ luật Lao động 2019 Điều 112 — hạn 09/02/2024 giữa kỳ nghỉ Tết: quá hạn từ 16/02/2024 (sau ngày làm việc 15/02)", () => {
    const t = { status: "in_progress", due: "2024-02-09" };
    assert.equal(overdueAfter("2024-02-09", defaultCalendar), "2024-02-15");
    assert.equal(effectiveStatus(t, "2024-02-15", defaultCalendar), "in_progress");
    assert.equal(effectiveStatus(t, "2024-02-16", defaultCalendar), "overdue");
  });

  test("nhiệm vụ 2024 chưa thực hiện, đã qua hạn → “Quá hạn”; đã hoàn thành hoặc đã hủy thì không", () => {
    assert.equal(effectiveStatus({ status: "pending", due: "2024-12-31" }, "2026-12-04"), "overdue");
    assert.equal(effectiveStatus({ status: "done", due: "2024-12-31" }, "2026-12-04"), "done");
    assert.equal(effectiveStatus({ status: "cancelled", due: "2024-12-31" }, "2026-12-04"), "cancelled");
    assert.equal(effectiveStatus({ status: "pending", due: null }, "2026-12-04"), "pending");
  });

  test("mốc so sánh cho SQL (hạn ≤ ngày làm việc cuối cùng trước hôm nay) cho cùng kết quả với quy tắc chuyển ngày", () => {
    // Thứ Hai 01/7/2024: ngày làm việc trước đó là thứ Sáu 28/6/2024.
    assert.equal(overdueCutoff("2024-07-01", defaultCalendar), "2024-06-28");
    const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays("2024-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: -20, max: 20 }), (today, k) => {
        const due = addDays(today, k);
        const viaRule = effectiveStatus({ status: "pending", due }, today, defaultCalendar) === "overdue";
        return viaRule === due <= overdueCutoff(today, defaultCalendar);
      }),
      { numRuns: 500 },
    );
  });

  test("thống kê tiến độ dùng cùng quy tắc: hạn Chủ nhật chưa tính quá hạn vào thứ Hai", () => {
    const p = progressOf([{ status: "pending", due: "2024-06-30" }], "2024-07-01", defaultCalendar);
    assert.equal(p.overdue, 0);
    assert.equal(p.pending, 1);
  });
});
