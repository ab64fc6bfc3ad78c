// Deadlines of whole claim histories. Every expected date was counted by hand on the official calendar
// (legal-addendum §7: Tết Ất Tỵ 2025 = Sat 25/01 – Sun 02/02; 30/4–1/5/2025 with Fri 02/05 swapped to Sat 26/04;
// Giỗ Tổ 2025 = Mon 07/04; Tết Bính Ngọ 2026 = Sat 14/02 – Sun 22/02).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../calendar/work-calendar.ts";
import { DomainError } from "../shared/errors.ts";
import { SUSPENSION_CLOCK_POLICY } from "./deadlines/suspension-clock.ts";
import type { Deadline } from "./deadlines/types.ts";
import { computeDeadlines } from "./deadlines.ts";
import type { ClaimEvent, ClaimHistory, EventType } from "./events.ts";

type Ev = [EventType, string, string?];
function h(events: Ev[], opts: Partial<Omit<ClaimHistory, "events">> = {}): ClaimHistory {
  return {
    law: opts.law ?? "law_2017",
    complex: opts.complex ?? false,
    events: events.map(([type, date, ground]): ClaimEvent => (ground ? { type, date, ground } : { type, date })),
    ...(opts.extensions ? { extensions: opts.extensions } : {}),
  };
}

function find(ds: Deadline[], step: string, variant?: string): Deadline {
  const d = ds.find((x) => x.step === step && x.variant === variant);
  assert.ok(d, `không có thời hạn ${step}${variant ? `/${variant}` : ""}`);
  return d;
}

const HAPPY: Ev[] = [
  ["received", "2025-01-13"],
  ["supplement_requested", "2025-01-16"],
  ["file_valid", "2025-01-22"],
  ["accepted", "2025-01-24"],
  ["advance_proposed", "2025-02-03"],
  ["officer_appointed", "2025-02-04"],
  ["advance_paid", "2025-02-07"],
  ["verification_report_done", "2025-02-07"],
  ["negotiation_started", "2025-02-11"],
  ["negotiation_ended", "2025-02-20", "success"],
  ["decision_issued", "2025-02-20"],
  ["decision_effective", "2025-03-07"],
  ["funds_requested", "2025-03-10"],
  ["funds_received", "2025-03-17"],
  ["payment_notice_received", "2025-03-19"],
  ["paid", "2025-03-21"],
  ["council_established", "2025-03-31"],
  ["council_recommended", "2025-04-21"],
  ["recourse_decided", "2025-04-25"],
];

describe("computeDeadlines — toàn bộ vụ việc qua Tết Ất Tỵ 2025", () => {
  test("Luật TNBTCNN 2017, Chương IV–VI — mọi thời hạn của vụ việc trọn vẹn, đếm tay theo lịch nghỉ chính thức", () => {
    const r = computeDeadlines(h(HAPPY), defaultCalendar);
    // [step, variant, from_date, due, status, met_on]
    const expected: Array<[string, string | undefined, string, string, string, string]> = [
      // Điều 42 k2: Tue 14, Wed 15, Thu 16, Fri 17, Mon 20
      ["supplement", "agency_request", "2025-01-13", "2025-01-20", "met", "2025-01-16"],
      // Điều 42 k3: Fri 17, Mon 20, Tue 21, Wed 22, Thu 23
      ["supplement", undefined, "2025-01-16", "2025-01-23", "met", "2025-01-22"],
      // Điều 43 k1: Thu 23, Fri 24
      ["accept", undefined, "2025-01-22", "2025-01-24", "met", "2025-01-24"],
      // Điều 43 k3 a: 25/01–02/02 nghỉ Tết và cuối tuần; Mon 03/02 (1), Tue 04/02 (2)
      ["appoint_officer", undefined, "2025-01-24", "2025-02-04", "met", "2025-02-04"],
      // Điều 45 k2: 24/01 + 15 = Sat 08/02 → Mon 10/02
      ["verify", undefined, "2025-01-24", "2025-02-10", "met", "2025-02-07"],
      // Điều 44 k2 b: Tue 4, Wed 5, Thu 6, Fri 7, Mon 10
      ["advance", undefined, "2025-02-03", "2025-02-10", "met", "2025-02-07"],
      // Điều 46 k1: Mon 10, Tue 11
      ["negotiation_start", undefined, "2025-02-07", "2025-02-11", "met", "2025-02-11"],
      // Điều 45 k3: from the verification deadline Mon 10/02: Tue 11, Wed 12, Thu 13
      ["verification_report", undefined, "2025-02-10", "2025-02-13", "met", "2025-02-07"],
      // Điều 46 k2: 11/02 + 10 = Fri 21/02
      ["negotiation_end", undefined, "2025-02-11", "2025-02-21", "met", "2025-02-20"],
      // Điều 47 k1: same day
      ["decision", undefined, "2025-02-20", "2025-02-20", "met", "2025-02-20"],
      // Điều 62 k1: from Fri 07/03: Mon 10, Tue 11
      ["funds_request", undefined, "2025-03-07", "2025-03-11", "met", "2025-03-10"],
      // Điều 62 k4: Tue 11 … Fri 14, Mon 17
      ["funds_grant", undefined, "2025-03-10", "2025-03-17", "met", "2025-03-17"],
      // Điều 62 k5: Tue 18, Wed 19
      ["payment_notice", undefined, "2025-03-17", "2025-03-19", "met", "2025-03-19"],
      // Điều 62 k5: Thu 20, Fri 21
      ["payment", undefined, "2025-03-19", "2025-03-21", "met", "2025-03-21"],
      // Điều 66 k1: 21/03 + 10 = Mon 31/03
      ["recourse_council", undefined, "2025-03-21", "2025-03-31", "met", "2025-03-31"],
      // Điều 66 k2: 31/03 + 20 = Sun 20/04 → Mon 21/04
      ["council_recommendation", undefined, "2025-03-31", "2025-04-21", "met", "2025-04-21"],
      // NĐ 68 Điều 30 k1 a: Tue 22, Wed 23, Thu 24 — decided Fri 25 → late
      ["recourse_decision", undefined, "2025-04-21", "2025-04-24", "late", "2025-04-25"],
    ];
    assert.equal(r.deadlines.length, expected.length);
    for (const [step, variant, from, due, status, met] of expected) {
      const d = find(r.deadlines, step, variant);
      assert.deepEqual([d.from_date, d.due, d.status, d.met_on], [from, due, status, met], `${step}/${variant ?? ""}`);
      assert.equal(d.confidence, "confirmed");
      assert.ok(d.explanation.length > 0);
    }
    assert.deepEqual(r.overdue, []);
    assert.deepEqual(r.next_actions, []);
    // Điều 47 k2 and Điều 52 k2: 20/02 + 15 = Fri 07/03
    assert.deepEqual(
      r.milestones.map((m) => [m.key, m.date]),
      [
        ["decision_effective", "2025-03-07"],
        ["sue", "2025-03-07"],
      ],
    );
  });

  test("Luật TNBTCNN 2017, Điều 43 khoản 3 điểm a — giải thích liệt kê các ngày nghỉ Tết bị bỏ qua", () => {
    const r = computeDeadlines(h(HAPPY), defaultCalendar);
    const d = find(r.deadlines, "appoint_officer");
    const skipped = d.explanation.filter((s) => s.rule === "skip").map((s) => s.date);
    assert.deepEqual(skipped, [
      "2025-01-25",
      "2025-01-26",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-02-02",
    ]);
    assert.equal(d.explanation.at(-1)?.date, "2025-02-04");
  });
});

describe("computeDeadlines — quá hạn, phức tạp, kéo dài", () => {
  const partial = h([
    ["received", "2025-01-13"],
    ["file_valid", "2025-01-22"],
    ["accepted", "2025-01-24"],
  ]);

  test("Luật TNBTCNN 2017, Điều 43 khoản 3 điểm a — chưa cử người giải quyết: quá hạn tính đến 05/02/2025", () => {
    const r = computeDeadlines(partial, defaultCalendar, "2025-02-05");
    assert.deepEqual(
      r.overdue.map((d) => [d.step, d.due]),
      [["appoint_officer", "2025-02-04"]],
    );
    assert.equal(find(r.deadlines, "verify").status, "open");
    assert.equal(find(r.deadlines, "accept").status, "met");
    // No supplement was asked for (the file was found valid): the duty of Điều 42 k2 never arose.
    assert.equal(find(r.deadlines, "supplement", "agency_request").status, "not_applicable");
    // On the due date itself the deadline is still open.
    assert.equal(
      find(computeDeadlines(partial, defaultCalendar, "2025-02-04").deadlines, "appoint_officer").status,
      "open",
    );
    // Without asOf: only met / late / open.
    const noAsOf = computeDeadlines(partial, defaultCalendar);
    assert.deepEqual(noAsOf.overdue, []);
    assert.equal(find(noAsOf.deadlines, "appoint_officer").status, "open");
    assert.ok(r.next_actions.some((a) => a.event === "officer_appointed"));
  });

  test("Luật TNBTCNN 2017, Điều 45 khoản 2, Điều 46 khoản 2 — vụ việc phức tạp và thỏa thuận kéo dài", () => {
    const r = computeDeadlines(
      h(
        [
          ["accepted", "2025-01-24"],
          ["verification_report_done", "2025-03-10"],
          ["negotiation_started", "2025-03-12"],
        ],
        { complex: true, extensions: { verify: 15, negotiation_end: 10 } },
      ),
      defaultCalendar,
    );
    // 24/01 + 30 = Sun 23/02 → Mon 24/02; + 15 from expiry = Tue 11/03
    const v = find(r.deadlines, "verify");
    assert.deepEqual([v.due, v.days, v.status], ["2025-03-11", 45, "met"]);
    // Report: 3 WD from Tue 11/03 → Wed 12, Thu 13, Fri 14
    assert.equal(find(r.deadlines, "verification_report").due, "2025-03-14");
    // 12/03 + 15 = Thu 27/03; + 10 = Sun 06/04 → Mon 07/04 Giỗ Tổ → Tue 08/04
    const n = find(r.deadlines, "negotiation_end");
    assert.deepEqual([n.due, n.days, n.status], ["2025-04-08", 25, "open"]);
  });

  test("Luật TNBTCNN 2017, Điều 45 khoản 2 — Tết Bính Ngọ 2026: thụ lý thứ Sáu 13/02/2026", () => {
    const r = computeDeadlines(h([["accepted", "2026-02-13"]]), defaultCalendar);
    assert.equal(find(r.deadlines, "appoint_officer").due, "2026-02-24");
    // 13/02 + 15 = Sat 28/02 → Mon 02/03; report Tue 3, Wed 4, Thu 5
    assert.equal(find(r.deadlines, "verify").due, "2026-03-02");
    assert.equal(find(r.deadlines, "verification_report").due, "2026-03-05");
  });
});

describe("computeDeadlines — tạm đình chỉ (Điều 50) và chính sách dừng thời hạn", () => {
  test("Luật TNBTCNN 2017, Điều 50 — thời hạn thương lượng dừng trong thời gian tạm đình chỉ (chính sách chưa xác nhận)", () => {
    assert.equal(SUSPENSION_CLOCK_POLICY.pauses, true);
    assert.equal(SUSPENSION_CLOCK_POLICY.confidence, "unverified");
    const r = computeDeadlines(
      h([
        ["accepted", "2025-01-24"],
        ["officer_appointed", "2025-02-04"],
        ["verification_report_done", "2025-02-07"],
        ["negotiation_started", "2025-02-11"],
        ["suspension_ground", "2025-02-14", "a"],
        ["suspended", "2025-02-17"],
        ["resumed", "2025-03-19"],
        ["negotiation_ended", "2025-03-21"],
      ]),
      defaultCalendar,
      "2025-03-24",
    );
    // 6 days counted (12/02–17/02), 4 left from 19/03: 23/03 Sun → Mon 24/03
    const n = find(r.deadlines, "negotiation_end");
    assert.deepEqual([n.due, n.status, n.confidence], ["2025-03-24", "met", "unverified"]);
    // Điều 50 k1: 1 WD from Fri 14/02 → Mon 17/02
    const s = find(r.deadlines, "suspension_decision");
    assert.deepEqual([s.due, s.status], ["2025-02-17", "met"]);
    // 30 days from 17/02 = Wed 19/03; ask to continue within 5 WD: 20, 21, 24, 25, 26/03
    assert.equal(r.milestones.find((m) => m.key === "suspension_period")?.date, "2025-03-19");
    const rr = find(r.deadlines, "resume_request");
    assert.deepEqual([rr.from_event, rr.due, rr.status], ["suspension_end", "2025-03-26", "met"]);
    // Điều 47 k1: decision due the day negotiation ended (21/03); none recorded by 24/03 → overdue
    assert.deepEqual(
      r.overdue.map((d) => d.step),
      ["decision"],
    );
  });

  test("Luật TNBTCNN 2017, Điều 50 — chưa tiếp tục: thời hạn đang dừng, không quá hạn; hết 05 ngày làm việc thì quá hạn đề nghị tiếp tục", () => {
    const r = computeDeadlines(
      h([
        ["accepted", "2025-01-24"],
        ["negotiation_started", "2025-02-11"],
        ["suspended", "2025-02-17", "a"],
      ]),
      defaultCalendar,
      "2025-04-01",
    );
    const n = find(r.deadlines, "negotiation_end");
    assert.equal(n.status, "open");
    assert.equal(n.paused, true);
    // projected: 4 days left from 01/04 → Sat 05/04 → Mon 07/04 Giỗ Tổ → Tue 08/04
    assert.equal(n.due, "2025-04-08");
    const rr = find(r.deadlines, "resume_request");
    assert.deepEqual([rr.due, rr.status], ["2025-03-26", "overdue"]);
    assert.ok(r.next_actions.some((a) => a.event === "terminated" && a.grounds?.includes("c")));
  });

  test("Luật TNBTCNN 2017, Điều 50 khoản 1 điểm d — tạm đình chỉ chờ xem xét văn bản làm căn cứ: không có thời hạn 30 ngày", () => {
    const r = computeDeadlines(
      h([
        ["accepted", "2025-01-24"],
        ["officer_appointed", "2025-01-24"],
        ["suspension_ground", "2025-01-24", "d"],
        ["advance_proposed", "2025-02-03"],
        ["suspended", "2025-02-03"],
      ]),
      defaultCalendar,
      "2025-06-01",
    );
    assert.equal(
      r.milestones.find((m) => m.key === "suspension_period"),
      undefined,
    );
    assert.equal(
      r.deadlines.find((d) => d.step === "resume_request"),
      undefined,
    );
    // Verification (15 days from 24/01, due Mon 10/02) stopped on 03/02 after 10 days: still open, paused.
    const v = find(r.deadlines, "verify");
    assert.deepEqual([v.status, v.paused], ["open", true]);
    assert.equal(v.explanation[0].rule, "start");
    assert.equal(v.explanation[0].date, "2025-01-24");
    assert.ok(v.explanation.some((x) => x.rule === "note" && x.text.includes("còn lại 5")));
    // suspension decision: 1 WD from Fri 24/01 → Mon 03/02 (after Tết): met on 03/02
    assert.deepEqual(
      [find(r.deadlines, "suspension_decision").due, find(r.deadlines, "suspension_decision").status],
      ["2025-02-03", "met"],
    );
  });

  test("Luật TNBTCNN 2017, Điều 51 khoản 1 — đình chỉ: thời hạn còn lại bị hủy, quyết định đình chỉ 05 ngày làm việc", () => {
    const r = computeDeadlines(
      h([
        ["accepted", "2025-01-24"],
        ["termination_ground", "2025-01-27", "a"],
        ["terminated", "2025-02-03"],
      ]),
      defaultCalendar,
      "2025-03-01",
    );
    const a = find(r.deadlines, "appoint_officer");
    assert.equal(a.status, "cancelled");
    assert.deepEqual(a.cancelled_by, { event: "terminated", date: "2025-02-03" });
    assert.equal(find(r.deadlines, "verify").status, "cancelled");
    // from Mon 27/01 (Tết): 28–31/01 Tết, weekend; Mon 3 (1), 4, 5, 6, Fri 7/02 (5)
    const t = find(r.deadlines, "termination_decision");
    assert.deepEqual([t.due, t.status], ["2025-02-07", "met"]);
    assert.deepEqual(r.overdue, []);
    assert.deepEqual(
      r.next_actions.map((x) => x.event),
      ["sued_in_court"],
    );
  });
});

describe("computeDeadlines — quyết định, khởi kiện, kinh phí", () => {
  test("Luật TNBTCNN 2017, Điều 47 khoản 2, Điều 62 khoản 1 — hiệu lực không ghi nhận: tính từ ngày hiệu lực theo luật", () => {
    const hist = h([["decision_issued", "2025-02-20"]]);
    const r = computeDeadlines(hist, defaultCalendar, "2025-03-12");
    const f = find(r.deadlines, "funds_request");
    // effective Fri 07/03; 2 WD: Mon 10, Tue 11 → overdue on 12/03
    assert.deepEqual(
      [f.from_event, f.from_date, f.due, f.status],
      ["decision_effective", "2025-03-07", "2025-03-11", "overdue"],
    );
    // Before the effective date there is no funds-request deadline yet.
    const early = computeDeadlines(hist, defaultCalendar, "2025-03-06");
    assert.equal(
      early.deadlines.find((d) => d.step === "funds_request"),
      undefined,
    );
    assert.equal(early.milestones.find((m) => m.key === "decision_effective")?.passed, false);
  });

  test("Luật TNBTCNN 2017, Điều 52 khoản 2 — thương lượng không thành: không có hạn ra quyết định, quyền khởi kiện 15 ngày", () => {
    const r = computeDeadlines(
      h([
        ["negotiation_started", "2025-08-08"],
        ["negotiation_ended", "2025-08-18", "failure"],
      ]),
      defaultCalendar,
    );
    assert.equal(
      r.deadlines.find((d) => d.step === "decision"),
      undefined,
    );
    // 18/08 + 15 = Tue 02/09 (Quốc khánh) → Wed 03/09
    const m = r.milestones.find((x) => x.key === "sue" && x.variant === "negotiation");
    assert.equal(m?.date, "2025-09-03");
    assert.ok(r.next_actions.some((a) => a.event === "sued_in_court"));
  });

  test("Luật TNBTCNN 2017, Điều 52 khoản 2 — đã khởi kiện: quyết định không có hiệu lực theo Điều 47 khoản 2", () => {
    const r = computeDeadlines(
      h([
        ["negotiation_ended", "2025-02-20", "success"],
        ["decision_issued", "2025-02-20"],
        ["sued_in_court", "2025-03-01"],
      ]),
      defaultCalendar,
      "2025-03-20",
    );
    assert.equal(
      r.milestones.find((m) => m.key === "decision_effective"),
      undefined,
    );
    assert.equal(
      r.deadlines.find((d) => d.step === "funds_request"),
      undefined,
    );
  });
});

describe("computeDeadlines — lịch sử thiếu bước", () => {
  test("Luật TNBTCNN 2017, Điều 47 khoản 2, Điều 62 khoản 1 — thiếu ngày quyết định có hiệu lực: hạn đề nghị cấp kinh phí tính từ ngày suy ra, không đồng thời báo 'không tính được'", () => {
    const r = computeDeadlines(
      h([
        ["accepted", "2026-02-10"],
        ["decision_issued", "2026-04-01"],
        ["paid", "2026-05-05"],
      ]),
      defaultCalendar,
      "2026-06-01",
    );
    const computed = r.deadlines.filter((d) => d.step === "funds_request");
    assert.equal(computed.length, 1);
    assert.equal(computed[0].from_date, r.milestones.find((m) => m.key === "decision_effective")?.date);
    const steps = new Set(r.deadlines.map((d) => d.step));
    assert.deepEqual(
      r.not_computed.filter((n) => steps.has(n.step)),
      [],
      "một bước hoặc tính được, hoặc được nêu là không tính được — không cả hai",
    );
  });
});

describe("computeDeadlines — Luật TNBTCNN 2009 và lỗi", () => {
  test("Nghị định 16/2010/NĐ-CP (hướng dẫn Luật TNBTCNN 2009) — vụ việc theo Luật 2009: chỉ hiệu lực quyết định và quyền khởi kiện, chưa xác nhận", () => {
    const r = computeDeadlines(
      h(
        [
          ["accepted", "2017-03-01"],
          ["verification_report_done", "2017-03-20"],
          ["negotiation_started", "2017-03-22"],
          ["negotiation_ended", "2017-04-05"],
          ["decision_issued", "2017-06-01"],
        ],
        { law: "law_2009" },
      ),
      defaultCalendar,
    );
    assert.deepEqual(r.deadlines, []);
    assert.deepEqual(
      r.milestones.map((m) => [m.key, m.date, m.confidence]),
      [
        ["decision_effective", "2017-06-16", "unverified"],
        ["sue", "2017-06-16", "unverified"],
      ],
    );
  });

  test("asOf sai dạng và lịch sử mâu thuẫn → DomainError", () => {
    assert.throws(
      () => computeDeadlines(h([["accepted", "2025-01-24"]]), defaultCalendar, "2025-13-01"),
      (e: unknown) => e instanceof DomainError && e.field === "as_of",
    );
    assert.throws(
      () =>
        computeDeadlines(
          h([
            ["terminated", "2025-01-24", "b"],
            ["paid", "2025-02-24"],
          ]),
          defaultCalendar,
        ),
      (e: unknown) => e instanceof DomainError && e.field === "events[1]",
    );
  });
});
