import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { importPlan, parsePlan } from "../../src/domain/plans/index.ts";
import { assertTasks, SEED_000, seedText } from "./expect.ts";
import { assertHeader000, TASKS_000 } from "./golden-000.ts";

describe("KH 2021 Cục BTNN – Tổng cục THADS (seed 000), bản .md", () => {
  const plan = parsePlan(seedText(SEED_000));
  test("thông tin chung, mục đích/yêu cầu, nhóm mục, tổ chức thực hiện, chữ ký, nơi nhận", () => {
    assertHeader000(plan);
  });
  test("KH 2021 mục II — đủ 22 nhiệm vụ, mọi trường của từng nhiệm vụ", () => {
    assertTasks(plan, TASKS_000);
  });
  test("KH 2021 mục II.1.1 — danh mục 6 tháng: hạn tháng 1/2021 (kỳ 6 tháng cuối 2020) và tháng 7/2021", () => {
    const p = importPlan(seedText(SEED_000));
    const t = p.tasks.find((x) => x.number === "II.1.1")!;
    assert.deepEqual(
      t.timing?.instances?.map((i) => [i.period_label, i.window_start, i.window_end, i.due]),
      [
        // 31/01/2021 is a Sunday → Monday 01/02/2021 (Bộ luật Dân sự 2015, Điều 148 khoản 5).
        ["6 tháng cuối năm 2020", "2021-01-01", "2021-01-31", "2021-02-01"],
        // 31/07/2021 is a Saturday → Monday 02/08/2021.
        ["6 tháng đầu năm 2021", "2021-07-01", "2021-07-31", "2021-08-02"],
      ],
    );
  });
  test("KH 2021 mục II.1.2 — danh mục hằng quý: tháng 1, 4, 7, 10 năm 2021", () => {
    const p = importPlan(seedText(SEED_000), { year: 2021 });
    const t = p.tasks.find((x) => x.number === "II.1.2")!;
    assert.deepEqual(
      t.timing?.instances?.map((i) => [i.period_label, i.window_end, i.due]),
      [
        ["Quý I năm 2021", "2021-01-31", "2021-02-01"],
        // 30/04 (Fri) and 01/05 (Sat) are holidays, 02/05 Sunday, 03/05 the day off in lieu of 01/05 → Tuesday 04/05.
        ["Quý II năm 2021", "2021-04-30", "2021-05-04"],
        ["Quý III năm 2021", "2021-07-31", "2021-08-02"],
        ["Quý IV năm 2021", "2021-10-31", "2021-11-01"],
      ],
    );
  });
  test("nhiệm vụ theo sự kiện (khi có yêu cầu/đề nghị/căn cứ) không có lần thực hiện định trước", () => {
    const p = importPlan(seedText(SEED_000));
    for (const t of p.tasks.filter((x) => x.timing?.kind === "event")) assert.equal(t.timing?.instances, undefined);
  });
});
