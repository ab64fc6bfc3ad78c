import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../calendar/index.ts";
import { dueReminders, type ReminderItem } from "./reminders.ts";
import { assertTransition, effectiveStatus, progressOf } from "./status.ts";

const item = (over: Partial<ReminderItem>): ReminderItem => ({
  id: "t1",
  agency_id: "cuc-btnn",
  status: "pending",
  due: "2024-03-06",
  title: "Lập danh mục vụ việc",
  ...over,
});

describe("Nhắc hạn nhiệm vụ theo ngày làm việc", () => {
  test("nhắc trước 03 ngày làm việc — cuối tuần không tính (01/3/2024 thứ Sáu → hạn 06/3/2024: còn 3 ngày)", () => {
    const r = dueReminders("2024-03-01", [item({})], defaultCalendar);
    assert.equal(r.length, 1);
    assert.equal(r[0].kind, "due_soon");
    assert.equal(r[0].working_days, 3);
    assert.equal(r[0].key, "due_soon:t1:2024-03-06");
    // One working day earlier (29/02) there are 4 working days left: no reminder yet.
    assert.deepEqual(dueReminders("2024-02-29", [item({})], defaultCalendar), []);
  });

  test("Bộ luật Lao động 2019, Điều 112 — nghỉ Tết 08–14/02/2024 không tính: 07/02 → hạn 15/02 chỉ còn 1 ngày làm việc", () => {
    const r = dueReminders("2024-02-07", [item({ due: "2024-02-15" })], defaultCalendar);
    assert.equal(r.length, 1);
    assert.equal(r[0].working_days, 1);
  });

  test("quá hạn: nhắc một lần cho mỗi hạn (khóa xác định), nhiệm vụ đã xong hoặc đã hủy không nhắc", () => {
    const items = [item({}), item({ id: "t2", status: "done" }), item({ id: "t3", status: "cancelled" })];
    const a = dueReminders("2024-03-07", items, defaultCalendar);
    const b = dueReminders("2024-03-08", items, defaultCalendar);
    assert.deepEqual(
      a.map((x) => [x.kind, x.key, x.working_days]),
      [["overdue", "overdue:t1:2024-03-06", -1]],
    );
    assert.equal(b[0].key, a[0].key); // same key next day → the job inserts it once
    assert.equal(b[0].working_days, -2);
  });

  test("đến hạn hôm nay vẫn là nhắc sắp đến hạn (0 ngày làm việc)", () => {
    const r = dueReminders("2024-03-06", [item({})], defaultCalendar);
    assert.deepEqual(
      r.map((x) => [x.kind, x.working_days]),
      [["due_soon", 0]],
    );
  });
});

describe("Trạng thái nhiệm vụ", () => {
  test("quá hạn được tính: chưa xong và hạn trước hôm nay", () => {
    assert.equal(effectiveStatus({ status: "in_progress", due: "2024-03-06" }, "2024-03-07"), "overdue");
    assert.equal(effectiveStatus({ status: "in_progress", due: "2024-03-06" }, "2024-03-06"), "in_progress");
    assert.equal(effectiveStatus({ status: "done", due: "2024-03-06" }, "2024-03-07"), "done");
  });

  test("chuyển trạng thái theo bảng: đã hủy không thể chuyển thẳng sang hoàn thành", () => {
    assert.equal(assertTransition("pending", "in_progress"), "in_progress");
    assert.equal(assertTransition("done", "in_progress"), "in_progress");
    assert.throws(() => assertTransition("cancelled", "done"), { code: "invalid_transition" });
    assert.throws(() => assertTransition("pending", "overdue"), { code: "invalid_status" });
  });

  test("tiến độ: tỉ lệ hoàn thành trên số nhiệm vụ không bị hủy", () => {
    const p = progressOf(
      [
        { status: "done", due: "2024-01-31" },
        { status: "pending", due: "2024-01-31" },
        { status: "in_progress", due: "2024-12-31" },
        { status: "cancelled", due: null },
      ],
      "2024-02-01",
    );
    assert.deepEqual(p, {
      total: 4,
      pending: 0,
      in_progress: 1,
      done: 1,
      cancelled: 1,
      overdue: 1,
      percent_done: 33.3,
    });
  });
});
