import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { importPlan, parsePlan } from "../../src/domain/plans/index.ts";
import { assertTasks, SEED_001, seedText } from "./expect.ts";
import { assertHeader001, TASKS_001 } from "./golden-001.ts";

describe("KH Thanh Hóa 2024 (seed 001), bản .md", () => {
  const plan = parsePlan(seedText(SEED_001));
  test("thông tin chung: số/ngày chưa điền, nơi ban hành, căn cứ, mục đích, tổ chức thực hiện, kinh phí, nơi nhận", () => {
    assertHeader001(plan);
  });
  test("KH Thanh Hóa 2024 mục II — đủ 7 nhiệm vụ, mọi trường (cơ quan thực hiện theo cấp tỉnh/huyện)", () => {
    assertTasks(plan, TASKS_001);
  });
  test("KH Thanh Hóa 2024 mục II.5, II.6, II.7 — hạn theo quý/năm 2024", () => {
    const p = importPlan(seedText(SEED_001));
    const due = (n: string) =>
      p.tasks.find((t) => t.number === n)?.timing?.instances?.map((i) => [i.period_label, i.window_start, i.due]);
    // 31/12/2024 is a Tuesday, 30/09/2024 a Monday: no roll-over.
    assert.deepEqual(due("II.5"), [["Quý IV năm 2024", "2024-10-01", "2024-12-31"]]);
    assert.deepEqual(due("II.6"), [["Quý II, III năm 2024", "2024-04-01", "2024-09-30"]]);
    assert.deepEqual(due("II.7"), [["Năm 2024", "2024-01-01", "2024-12-31"]]);
    assert.deepEqual(due("II.2"), [["Năm 2024", "2024-01-01", "2024-12-31"]]);
    // Thường xuyên: one occurrence per 6-month reporting period (30/6/2024 is a Sunday → 01/7/2024).
    assert.deepEqual(due("II.1.a"), [
      ["6 tháng đầu năm 2024", "2024-01-01", "2024-07-01"],
      ["6 tháng cuối năm 2024", "2024-07-01", "2024-12-31"],
    ]);
  });
});
