// QĐ 3062/QĐ-BTP (bộ tiêu chí, CHƯA XÁC NHẬN — [T] legal-brief §6): scores computed from the facts by hand.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emptyRow } from "../statistics/index.ts";
import type { IndicatorKey } from "../statistics/types.ts";
import { type EvaluationFacts, QD_3062_SET, rank, scoreAssessment } from "./index.ts";

function facts(figs: Partial<Record<IndicatorKey, number>>, extra: Partial<EvaluationFacts> = {}): EvaluationFacts {
  const indicators = emptyRow();
  for (const [k, v] of Object.entries(figs) as Array<[IndicatorKey, number]>)
    indicators[k] = { value: v, claim_ids: Array.from({ length: v }, (_, i) => `${k}-${i + 1}`) };
  return {
    indicators,
    reports: { on_time: [], late: [], missing: [] },
    trainings: [],
    disseminations: [],
    inspections: [],
    survey_funded: false,
    ...extra,
  };
}
const crit = (s: ReturnType<typeof scoreAssessment>, code: string) => {
  const c = s.criteria.find((x) => x.code === code);
  assert.ok(c, code);
  return c;
};

describe("QĐ 3062/QĐ-BTP — bộ tiêu chí là dữ liệu, gắn cờ chưa xác nhận", () => {
  test("QĐ 3062/QĐ-BTP — 100 điểm: nhóm I 50, II 20, III 10, IV 10, V 10 (V chỉ khi được cấp kinh phí); confidence unverified", () => {
    assert.equal(QD_3062_SET.confidence, "unverified");
    assert.deepEqual(
      QD_3062_SET.groups.map((g) => [g.code, g.max, g.only_if_funded]),
      [
        ["I", 50, false],
        ["II", 20, false],
        ["III", 10, false],
        ["IV", 10, false],
        ["V", 10, true],
      ],
    );
    assert.equal(
      QD_3062_SET.groups.reduce((s, g) => s + g.max, 0),
      100,
    );
  });
});

describe("QĐ 3062/QĐ-BTP — chấm điểm từ số liệu", () => {
  test("QĐ 3062/QĐ-BTP nhóm I–IV — điểm tính từ số liệu: 40 điểm, trừ 2 điểm báo cáo trễ → 38/90", () => {
    const f = facts(
      { handled: 4, resolved: 2, terminated: 1, cases_paid: 1, recourse_considered: 1, paid_without_recourse: 1 },
      { reports: { on_time: ["r1"], late: ["r2"], missing: [] }, trainings: ["t1"] },
    );
    const s = scoreAssessment(QD_3062_SET, f);
    // I.1: (2 có hiệu lực + 1 đình chỉ) / 4 thụ lý × 20 = 15
    assert.equal(crit(s, "I.1").points, 15);
    assert.equal(crit(s, "I.1").mode, "auto");
    assert.deepEqual(
      crit(s, "I.1").evidence.map((e) => e.id),
      ["resolved-1", "resolved-2", "terminated-1"],
    );
    assert.equal(crit(s, "I.2").points, 5); // 1 đã chi trả / 2 có hiệu lực × 10
    assert.equal(crit(s, "I.3a").points, 5); // 1 đã xem xét hoàn trả / (1 + 1 chưa xem xét) × 10
    assert.equal(crit(s, "I.3b").points, 0); // thủ công, chưa nhập
    assert.equal(crit(s, "II.1").points, 10); // 1 đúng hạn / 2 báo cáo × 20
    assert.equal(crit(s, "III.1").points, 5);
    assert.equal(crit(s, "III.2").points, 0);
    assert.equal(crit(s, "IV.1").points, 0);
    assert.equal(crit(s, "V.1").mode, "excluded");
    assert.equal(s.max, 90); // nhóm V không tính khi không được cấp kinh phí
    assert.equal(s.deduction, 2);
    assert.equal(s.total, 38);
    assert.equal(s.percent, 42.22);
    assert.equal(s.rating, "Chưa đạt");
  });

  test('QĐ 3062/QĐ-BTP — "không phát sinh" vụ việc: tiêu chí giải quyết, chi trả, hoàn trả, báo cáo đạt điểm tối đa', () => {
    const s = scoreAssessment(QD_3062_SET, facts({}));
    for (const code of ["I.1", "I.2", "I.3a", "II.1"]) {
      assert.equal(crit(s, code).mode, "no_case", code);
      assert.equal(crit(s, code).points, crit(s, code).max, code);
    }
    // Tập huấn, tuyên truyền, kiểm tra không có hoạt động: 0 điểm (no_case "zero").
    assert.equal(crit(s, "III.1").points, 0);
    assert.equal(crit(s, "IV.1").points, 0);
    assert.equal(s.total, 20 + 10 + 10 + 20);
  });

  test("QĐ 3062/QĐ-BTP — nhóm V chỉ tính khi được cấp kinh phí khảo sát (tối đa 100)", () => {
    const s = scoreAssessment(QD_3062_SET, facts({}, { survey_funded: true }), {
      "V.1": { points: 4, reason: "Đã tổ chức khảo sát tại 3 huyện" },
    });
    assert.equal(s.max, 100);
    assert.equal(crit(s, "V.1").points, 4);
    assert.equal(crit(s, "V.2").points, 0);
  });

  test("QĐ 3062/QĐ-BTP — điểm thủ công cần lý do, không vượt điểm tối đa, ghi lại điểm tự động", () => {
    const f = facts({ handled: 4, resolved: 2 });
    const s = scoreAssessment(QD_3062_SET, f, { "I.1": { points: 25, reason: "Đã giải quyết thêm ngoài hệ thống" } });
    assert.equal(crit(s, "I.1").points, 20);
    assert.equal(crit(s, "I.1").mode, "manual");
    assert.equal(crit(s, "I.1").reason, "Đã giải quyết thêm ngoài hệ thống");
    assert.match(crit(s, "I.1").explanation, /tự động: 10/);
    assert.throws(() => scoreAssessment(QD_3062_SET, f, { "I.1": { points: 10, reason: "" } }), /lý do/);
  });

  test("QĐ 3062/QĐ-BTP — điểm thưởng tối đa 5, điểm trừ 2 cho mỗi báo cáo trễ hoặc không gửi", () => {
    const f = facts({}, { reports: { on_time: [], late: ["a"], missing: ["b"] } });
    const s = scoreAssessment(QD_3062_SET, f, {}, { bonus: { points: 9, reason: "Sáng kiến số hóa hồ sơ" } });
    assert.equal(s.bonus, 5);
    assert.equal(s.deduction, 4);
    // I: 40 (không phát sinh), II.1: 0/2 báo cáo đúng hạn → 0; + 5 − 4
    assert.equal(s.total, 40 + 0 + 5 - 4);
  });

  test("QĐ 3062/QĐ-BTP — xếp hạng theo tổng điểm, bằng điểm thì cùng hạng", () => {
    const r = rank([
      { id: "a", total: 70 },
      { id: "b", total: 90 },
      { id: "c", total: 70 },
      { id: "d", total: 50 },
    ]);
    assert.deepEqual(
      r.map((x) => [x.id, x.rank]),
      [
        ["b", 1],
        ["a", 2],
        ["c", 2],
        ["d", 4],
      ],
    );
  });
});
