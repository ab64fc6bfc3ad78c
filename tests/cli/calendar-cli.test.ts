import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { btnn, btnnJson } from "./run-cli.ts";

describe("btnn lunar", () => {
  test("Tết Bính Ngọ: 17/02/2026 là mùng 1 tháng Giêng năm 2026 âm lịch", () => {
    assert.deepEqual(btnnJson("lunar", "2026-02-17"), { day: 1, month: 1, year: 2026, leap: false });
  });
  test("--to-solar với tháng nhuận: 01/06 nhuận năm 2025 âm lịch là 25/07/2025", () => {
    assert.deepEqual(btnnJson("lunar", "--to-solar", "2025-06-01", "--leap"), { date: "2025-07-25" });
  });
  test("ngày dương lịch không tồn tại → lỗi một dòng nêu trường, mã thoát 2", () => {
    const r = btnn("lunar", "2025-02-30");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Lỗi: date: ngày không hợp lệ "2025-02-30"/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  });
  test("tháng nhuận không có trong năm → lỗi, mã thoát 2", () => {
    const r = btnn("lunar", "--to-solar", "2026-03-01", "--leap");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Lỗi: /);
  });
});

describe("btnn calendar", () => {
  test("Bộ luật Lao động 2019, Điều 111 khoản 3 — Giỗ Tổ 2026 trùng Chủ nhật, nghỉ bù Thứ Hai 27/04/2026", () => {
    const list = btnnJson<Array<{ date: string; kind: string; name: string; source: string }>>(
      "calendar",
      "holidays",
      "2026",
    );
    const byDate = new Map(list.map((h) => [h.date, h]));
    assert.equal(byDate.get("2026-04-26")?.kind, "holiday");
    assert.equal(byDate.get("2026-04-27")?.kind, "compensatory");
    assert.equal(byDate.get("2026-01-10")?.kind, "swapped_work");
    assert.equal(byDate.get("2026-01-02")?.kind, "swapped_off");
    for (const h of list) assert.ok(h.source.length > 0, `${h.date} thiếu nguồn`);
  });
  test("Bộ luật Dân sự 2015, Điều 147–148 — 5 ngày làm việc từ 12/02/2026 vượt Tết Bính Ngọ đến 26/02/2026", () => {
    const r = btnnJson<{ date: string; explanation: Array<{ rule: string; date?: string }> }>(
      "calendar",
      "add",
      "2026-02-12",
      "5",
      "--unit",
      "working",
    );
    assert.equal(r.date, "2026-02-26");
    const skipped = r.explanation.filter((s) => s.rule === "skip").map((s) => s.date);
    assert.deepEqual(skipped, [
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
  });
  test("Bộ luật Dân sự 2015, Điều 148 khoản 5 — 15 ngày lịch kết thúc vào Chủ nhật thì chuyển sang ngày làm việc tiếp theo", () => {
    // 2026-03-07 (Thứ Bảy) + 15 ngày = 2026-03-22 (Chủ nhật) → Thứ Hai 2026-03-23
    assert.equal(
      btnnJson<{ date: string }>("calendar", "add", "2026-03-07", "15", "--unit", "calendar").date,
      "2026-03-23",
    );
  });
  test("đơn vị sai / số ngày sai → lỗi tiếng Việt nêu tham số, mã thoát 2", () => {
    const a = btnn("calendar", "add", "2026-03-07", "15", "--unit", "weeks");
    assert.equal(a.code, 2);
    assert.match(a.stderr, /--unit/);
    const b = btnn("calendar", "add", "2026-13-01", "15", "--unit", "working");
    assert.equal(b.code, 2);
    assert.match(b.stderr, /DATE: ngày không hợp lệ/);
    const c = btnn("calendar", "holidays", "20x6");
    assert.equal(c.code, 2);
    assert.match(c.stderr, /YEAR/);
  });
  test("lệnh không tồn tại → mã thoát 2", () => {
    assert.equal(btnn("nope").code, 2);
  });
});
