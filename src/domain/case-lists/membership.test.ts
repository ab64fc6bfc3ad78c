import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { periodLabel } from "../plans/schedule.ts";
import { buildCaseList, type ClaimHistoryFacts, caseListOfTask, parsePeriod } from "./membership.ts";

const claim = (id: string, over: Partial<ClaimHistoryFacts>): ClaimHistoryFacts => ({
  id,
  code: id.toUpperCase(),
  law_version: "law_2017",
  field: "civil_enforcement",
  complex: false,
  backlogged: false,
  prolonged: false,
  handling_agency_id: "thads-thanh-hoa",
  managing_agency_id: null,
  claimant_name: "Nguyễn Văn A",
  amount_requested: 1000,
  amount_decided: null,
  events: [],
  ...over,
});
const ev = (type: string, date: string) => ({ type, date });

describe("Kỳ của danh mục", () => {
  test("KH 2021 mục II.1.1 — kỳ 6 tháng 2026-H1: 01/01–30/6, kỳ trước 2025-H2", () => {
    const p = parsePeriod("half_year_2017", "2026-H1");
    assert.deepEqual(
      [p.start, p.end, p.previous, p.label],
      ["2026-01-01", "2026-06-30", "2025-H2", "6 tháng đầu năm 2026"],
    );
  });
  test("KH 2021 mục II.1.2 — kỳ quý 2026-Q1: 01/01–31/3, kỳ trước 2025-Q4; sai dạng bị từ chối", () => {
    const p = parsePeriod("quarter_2009", "2026-Q1");
    assert.deepEqual([p.start, p.end, p.previous], ["2026-01-01", "2026-03-31", "2025-Q4"]);
    assert.throws(() => parsePeriod("quarter_2009", "2026-H1"), { code: "invalid_period" });
    assert.throws(() => parsePeriod("half_year_2017", "2026-Q5"), { code: "invalid_period" });
  });
  test("KH 2021 mục II.1.1 / II.1.2 — lần thực hiện của kế hoạch (nhãn kỳ của lịch kế hoạch) → loại và kỳ danh mục", () => {
    const of = (ref: string, label: string) => {
      const p = caseListOfTask(ref, label);
      return p && [p.kind, p.code];
    };
    assert.deepEqual(of("II.1.1", periodLabel("half_year", 2025, 2)), ["half_year_2017", "2025-H2"]);
    assert.deepEqual(of("II.1.1", periodLabel("half_year", 2026, 1)), ["half_year_2017", "2026-H1"]);
    assert.deepEqual(of("II.1.2", periodLabel("quarter", 2026, 3)), ["quarter_2009", "2026-Q3"]);
    // Another task, a label of another unit, or a year outside the lists' range: no list.
    assert.equal(of("II.4", periodLabel("half_year", 2025, 2)), null);
    assert.equal(of("II.1.2", periodLabel("half_year", 2025, 2)), null);
    assert.equal(of("II.1.1", periodLabel("year", 2025, 1)), null);
    assert.equal(of("II.1.1", periodLabel("half_year", 2005, 1)), null);
    assert.equal(caseListOfTask(null, null), null);
  });
});

describe("KH 2021 mục II.1.1 — danh mục 6 tháng vụ việc theo Luật TNBTCNN 2017", () => {
  const claims = [
    claim("a", { events: [ev("received", "2025-03-01"), ev("accepted", "2025-03-03")] }), // carried over, open
    claim("b", { events: [ev("received", "2026-02-01"), ev("accepted", "2026-02-03")] }), // new
    claim("c", {
      events: [ev("received", "2025-01-02"), ev("accepted", "2025-01-03"), ev("decision_effective", "2025-11-10")],
    }), // closed before the period: out
    claim("d", {
      events: [ev("received", "2025-05-02"), ev("accepted", "2025-05-05"), ev("terminated", "2026-03-02")],
    }), // closed within the period: still listed (carried over)
    claim("e", { events: [ev("received", "2026-05-02")] }), // received, not accepted: out
    claim("f", { law_version: "law_2009", events: [ev("accepted", "2017-05-05")] }), // 2009 law: out
    claim("g", { events: [ev("received", "2026-07-01"), ev("accepted", "2026-07-02")] }), // next period: out
  ];

  test("thành viên và số mới / kỳ trước chuyển sang", () => {
    const l = buildCaseList("half_year_2017", "2026-H1", claims, "2026-07-15");
    assert.deepEqual(
      l.rows.map((r) => [r.claim_code, r.origin]),
      [
        ["A", "carried_over"],
        ["B", "new"],
        ["D", "carried_over"],
      ],
    );
    assert.deepEqual([l.total, l.new_count, l.carried_over_count], [3, 1, 2]);
    assert.equal(l.clause, "KH 2021 mục II.1.1");
  });

  test("tính theo ngày chốt: sự kiện sau ngày chốt không được tính (danh mục lập lại cho cùng kết quả)", () => {
    const asOfEarly = buildCaseList("half_year_2017", "2026-H1", claims, "2026-03-01");
    // d is not yet terminated on 01/3/2026; b accepted 03/02 is in; nothing accepted after 01/3 counts.
    assert.deepEqual(
      asOfEarly.rows.map((r) => [r.claim_code, r.closed_on]),
      [
        ["A", null],
        ["B", null],
        ["D", null],
      ],
    );
  });
});

describe("KH 2021 mục II.1.2 — danh mục quý vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN 2009", () => {
  const claims = [
    claim("h", { law_version: "law_2009", backlogged: true, events: [ev("accepted", "2016-04-01")] }),
    claim("i", { law_version: "law_2009", complex: true, events: [ev("accepted", "2017-09-01")] }),
    claim("j", { law_version: "law_2009", events: [ev("accepted", "2017-09-01")] }), // not flagged: out
    claim("k", {
      law_version: "law_2009",
      prolonged: true,
      events: [ev("accepted", "2015-01-01"), ev("decision_effective", "2025-12-20")],
    }), // settled before the quarter: out
    claim("l", { complex: true, events: [ev("accepted", "2020-01-01")] }), // 2017 law: out
  ];

  test("mới / chuyển sang so với danh mục quý trước (đã lưu)", () => {
    const l = buildCaseList("quarter_2009", "2026-Q1", claims, "2026-01-10", new Set(["h"]));
    assert.deepEqual(
      l.rows.map((r) => [r.claim_code, r.origin, r.flags.join(",")]),
      [
        ["H", "carried_over", "backlogged"],
        ["I", "new", "complex"],
      ],
    );
    assert.deepEqual([l.new_count, l.carried_over_count], [1, 1]);
  });

  test("không có danh mục quý trước: vụ việc đang giải quyết từ trước quý là chuyển sang", () => {
    const l = buildCaseList("quarter_2009", "2026-Q1", claims, "2026-01-10");
    assert.deepEqual([l.new_count, l.carried_over_count], [0, 2]);
  });
});
