// Hand-computed indicators for the known claim set of fixtures.ts. EVERY indicator key is checked for each period:
// keys not listed in an expectation must be zero with no claims behind them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  computeIndicators,
  INDICATOR_BY_KEY,
  INDICATOR_KEYS,
  type IndicatorKey,
  type IndicatorRow,
  STAT_FIELDS,
} from "../../src/domain/statistics/index.ts";
import { CLAIMS, H1, H2, M_VND as M, TEST_REGISTRY, Y2025 } from "./fixtures.ts";

type Expect = Partial<Record<IndicatorKey, string[] | [number, string[]]>>;

function check(row: IndicatorRow, expected: Expect, where: string): void {
  for (const key of INDICATOR_KEYS) {
    const e = expected[key];
    let value = 0;
    let ids: string[] = [];
    if (Array.isArray(e) && typeof e[0] === "number") [value, ids] = e as [number, string[]];
    else if (e) {
      ids = e as string[];
      value = INDICATOR_BY_KEY[key].unit === "case" ? ids.length : Number.NaN;
    }
    assert.deepEqual(
      { key, value: row[key].value, ids: [...row[key].claim_ids].sort() },
      { key, value, ids: [...ids].sort() },
      `${where} — ${key} (${INDICATOR_BY_KEY[key].label})`,
    );
  }
}

const opts = { registry: TEST_REGISTRY };

const EXPECT_H1: Expect = {
  handled: ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C12"],
  handled_new: ["C2", "C3", "C4", "C5", "C6", "C7"],
  handled_carried: ["C1", "C12"],
  at_agency: ["C1", "C2", "C5", "C6", "C7", "C12"],
  at_agency_new: ["C2", "C5", "C6", "C7"],
  at_agency_carried: ["C1", "C12"],
  in_court: ["C3", "C4"],
  in_court_new: ["C3", "C4"],
  court_d52_k1a: ["C3"],
  court_d52_k1b_k2: ["C4"],
  resolved: ["C1"],
  resolved_at_agency: ["C1"],
  amount_to_pay: [100 * M, ["C1"]],
  suspended: ["C2"],
  terminated: ["C5"],
  in_progress: ["C2", "C3", "C4", "C6", "C7", "C12"],
  cases_paid: ["C1", "C9"],
  amount_paid: [150 * M, ["C1", "C9"]],
  amount_paid_agency: [150 * M, ["C1", "C9"]],
  advance_paid: [30 * M, ["C2"]],
  recourse_considered: ["C8", "C9"],
  recourse_decided: ["C8"],
  recourse_pending: ["C9"],
  recourse_amount: [40 * M, ["C8"]],
  recourse_reimbursed: [10 * M, ["C8"]],
  recourse_outstanding: [30 * M, ["C8"]],
  paid_without_recourse: ["C1"],
};

const EXPECT_H2: Expect = {
  handled: ["C2", "C3", "C4", "C6", "C7", "C12"],
  handled_carried: ["C2", "C3", "C4", "C6", "C7", "C12"],
  at_agency: ["C2", "C6", "C7", "C12"],
  at_agency_carried: ["C2", "C6", "C7", "C12"],
  in_court: ["C3", "C4"],
  in_court_carried: ["C3", "C4"],
  court_d52_k1a: ["C3"],
  court_d52_k1b_k2: ["C4"],
  resolved: ["C3"],
  resolved_in_court: ["C3"],
  amount_to_pay: [200 * M, ["C3"]],
  suspended: ["C2"],
  in_progress: ["C2", "C4", "C6", "C7", "C12"],
  cases_paid: ["C3"],
  amount_paid: [200 * M, ["C3"]],
  amount_paid_court: [200 * M, ["C3"]],
  recourse_considered: ["C9"],
  recourse_not_pursued: ["C9"],
  recourse_not_pursued_no_fault: ["C9"],
  recourse_reimbursed: [15 * M, ["C8"]],
  recourse_outstanding: [15 * M, ["C8"]],
  paid_without_recourse: ["C1", "C3"],
};

const EXPECT_2025: Expect = {
  handled: ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C12"],
  handled_new: ["C2", "C3", "C4", "C5", "C6", "C7"],
  handled_carried: ["C1", "C12"],
  at_agency: ["C1", "C2", "C5", "C6", "C7", "C12"],
  at_agency_new: ["C2", "C5", "C6", "C7"],
  at_agency_carried: ["C1", "C12"],
  in_court: ["C3", "C4"],
  in_court_new: ["C3", "C4"],
  court_d52_k1a: ["C3"],
  court_d52_k1b_k2: ["C4"],
  resolved: ["C1", "C3"],
  resolved_at_agency: ["C1"],
  resolved_in_court: ["C3"],
  amount_to_pay: [300 * M, ["C1", "C3"]],
  suspended: ["C2"],
  terminated: ["C5"],
  in_progress: ["C2", "C4", "C6", "C7", "C12"],
  cases_paid: ["C1", "C3", "C9"],
  amount_paid: [350 * M, ["C1", "C3", "C9"]],
  amount_paid_agency: [150 * M, ["C1", "C9"]],
  amount_paid_court: [200 * M, ["C3"]],
  advance_paid: [30 * M, ["C2"]],
  recourse_considered: ["C8", "C9"],
  recourse_decided: ["C8"],
  recourse_amount: [40 * M, ["C8"]],
  recourse_reimbursed: [25 * M, ["C8"]],
  recourse_outstanding: [15 * M, ["C8"]],
  recourse_not_pursued: ["C9"],
  recourse_not_pursued_no_fault: ["C9"],
  paid_without_recourse: ["C1", "C3"],
};

describe("Thống kê bồi thường — TT 08/2019/TT-BTP Mẫu 03, Mẫu 04 (số liệu tính tay)", () => {
  test("Mẫu 03 + Mẫu 04 — 06 tháng đầu năm 2025: mọi chỉ tiêu", () => {
    check(computeIndicators(CLAIMS, H1, opts).total, EXPECT_H1, "6T đầu 2025");
  });

  test("Mẫu 03 + Mẫu 04 — 06 tháng cuối năm 2025: mọi chỉ tiêu", () => {
    check(computeIndicators(CLAIMS, H2, opts).total, EXPECT_H2, "6T cuối 2025");
  });

  test("Mẫu 03 + Mẫu 04 — năm 2025 (01/01–31/12): mọi chỉ tiêu", () => {
    check(computeIndicators(CLAIMS, Y2025, opts).total, EXPECT_2025, "năm 2025");
  });

  test("Mẫu 03 dòng 1 — tổng số = thụ lý mới + kỳ trước chuyển sang = đã giải quyết + đình chỉ + đang giải quyết", () => {
    for (const p of [H1, H2, Y2025]) {
      const t = computeIndicators(CLAIMS, p, opts).total;
      assert.equal(t.handled.value, t.handled_new.value + t.handled_carried.value);
      assert.equal(t.handled.value, t.at_agency.value + t.in_court.value);
      assert.equal(t.handled.value, t.resolved.value + t.terminated.value + t.in_progress.value);
    }
  });

  test("Mẫu 03 dòng 6–9 — số chuyển kỳ sau của 6 tháng đầu = số kỳ trước chuyển sang của 6 tháng cuối", () => {
    const h1 = computeIndicators(CLAIMS, H1, opts).total;
    const h2 = computeIndicators(CLAIMS, H2, opts).total;
    assert.deepEqual([...h2.handled_carried.claim_ids].sort(), [...h1.in_progress.claim_ids].sort());
    assert.equal(h2.handled_carried.value, 6);
  });

  test("Luật TNBTCNN 2017, Điều 52 khoản 2 — vụ việc khởi kiện sau thương lượng không thành tính ở Tòa án, vẫn là thụ lý mới năm 2025", () => {
    const r = computeIndicators(CLAIMS, H1, opts);
    assert.equal(r.placement.C4.venue, "court");
    assert.ok(r.total.court_d52_k1b_k2.claim_ids.includes("C4"));
    assert.ok(!r.total.at_agency.claim_ids.includes("C4"));
  });

  test("Lĩnh vực tại thời điểm cuối kỳ — C6 tính vào quản lý hành chính ở 6T đầu, thi hành án dân sự cả năm", () => {
    const h1 = computeIndicators(CLAIMS, H1, opts);
    const y = computeIndicators(CLAIMS, Y2025, opts);
    check(
      h1.by_field.administration,
      {
        handled: ["C1", "C5", "C6", "C7"],
        handled_new: ["C5", "C6", "C7"],
        handled_carried: ["C1"],
        at_agency: ["C1", "C5", "C6", "C7"],
        at_agency_new: ["C5", "C6", "C7"],
        at_agency_carried: ["C1"],
        resolved: ["C1"],
        resolved_at_agency: ["C1"],
        amount_to_pay: [100 * M, ["C1"]],
        terminated: ["C5"],
        in_progress: ["C6", "C7"],
        cases_paid: ["C1", "C9"],
        amount_paid: [150 * M, ["C1", "C9"]],
        amount_paid_agency: [150 * M, ["C1", "C9"]],
        recourse_considered: ["C9"],
        recourse_pending: ["C9"],
        paid_without_recourse: ["C1"],
      },
      "6T đầu 2025, quản lý hành chính",
    );
    assert.deepEqual(y.by_field.civil_enforcement.handled.claim_ids.sort(), ["C2", "C6"]);
    assert.deepEqual(y.by_field.administration.handled.claim_ids.sort(), ["C1", "C5", "C7"]);
    assert.equal(h1.placement.C6.field, "administration");
    assert.equal(y.placement.C6.field, "civil_enforcement");
    // The six fields partition the total.
    for (const r of [h1, y]) {
      for (const k of INDICATOR_KEYS) {
        const sum = STAT_FIELDS.reduce((s, f) => s + r.by_field[f][k].value, 0);
        assert.equal(sum, r.total[k].value, k);
      }
    }
  });

  test("Cơ quan tại thời điểm cuối kỳ — C7 chuyển từ tỉnh B sang tỉnh A ngày 01/09/2025: phạm vi Sở Tư pháp tỉnh A", () => {
    const h1 = computeIndicators(CLAIMS, H1, { ...opts, scopeAgencyId: "stp-a" });
    const y = computeIndicators(CLAIMS, Y2025, { ...opts, scopeAgencyId: "stp-a" });
    const h1b = computeIndicators(CLAIMS, H1, { ...opts, scopeAgencyId: "stp-b" });
    assert.deepEqual(h1.total.handled.claim_ids.sort(), ["C1", "C12", "C2", "C3", "C4", "C5", "C6"]);
    assert.deepEqual(y.total.handled.claim_ids.sort(), ["C1", "C12", "C2", "C3", "C4", "C5", "C6", "C7"]);
    assert.deepEqual(h1b.total.handled.claim_ids, ["C7"]);
    assert.equal(computeIndicators(CLAIMS, Y2025, { ...opts, scopeAgencyId: "stp-b" }).total.handled.value, 0);
  });

  test("Cơ quan kế thừa sau sắp xếp (01/7/2025) — C2 tính cho THADS khu vực 1 từ 6 tháng cuối năm 2025", () => {
    const h1 = computeIndicators(CLAIMS, H1, { ...opts, byAgency: true, byProvince: true });
    const h2 = computeIndicators(CLAIMS, H2, { ...opts, byAgency: true, byProvince: true });
    assert.equal(h1.placement.C2.agency_id, "thads-huyen-x");
    assert.equal(h2.placement.C2.agency_id, "thads-kv-1");
    assert.equal(h2.placement.C2.original_agency_id, "thads-huyen-x");
    assert.deepEqual(h1.by_agency?.["thads-huyen-x"].handled.claim_ids, ["C2"]);
    assert.equal(h2.by_agency?.["thads-huyen-x"], undefined);
    assert.deepEqual(h2.by_agency?.["thads-kv-1"].suspended.claim_ids, ["C2"]);
    assert.deepEqual(h2.by_province?.["ubnd-a"].handled.claim_ids.sort(), ["C12", "C2", "C3", "C4", "C6", "C7"]);
    // Scope of the province follows the successor too.
    const scoped = computeIndicators(CLAIMS, H2, { ...opts, scopeAgencyId: "thads-tinh-a" });
    assert.deepEqual(scoped.total.handled.claim_ids, ["C2"]);
  });

  test("Luật TNBTCNN 2017, Điều 43 khoản 2 — vụ việc không thụ lý không được tính", () => {
    const y = computeIndicators(CLAIMS, Y2025, opts);
    for (const k of INDICATOR_KEYS) assert.ok(!y.total[k].claim_ids.includes("C10"), k);
    assert.equal(y.placement.C10.venue, null);
  });

  test("Lĩnh vực không hợp lệ được liệt kê trong skipped, không làm sai số liệu", () => {
    const r = computeIndicators([...CLAIMS, { ...CLAIMS[0], id: "X", field: "khac" }], H1, opts);
    assert.deepEqual(r.skipped, [{ claim_id: "X", reason: 'lĩnh vực không hợp lệ "khac"' }]);
    assert.equal(r.total.handled.value, 8);
  });
});
