import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../calendar/index.ts";
import { computeDeadlines } from "./deadlines.ts";
import type { ClaimEvent, EventType } from "./events.ts";
import { stepStatus } from "./step-status.ts";

type Ev = [EventType, string, string?];
const history = (events: Ev[]) => ({
  law: "law_2017" as const,
  complex: false,
  events: events.map(([type, date, ground]): ClaimEvent => (ground ? { type, date, ground } : { type, date })),
});
const statusOf = (events: Ev[], step: string, asOf?: string, variant?: string) => {
  const d = computeDeadlines(history(events), defaultCalendar, asOf).deadlines.find(
    (x) => x.step === step && x.variant === variant,
  );
  assert.ok(d, `no deadline ${step}`);
  return d;
};

describe("stepStatus — trạng thái một bước nói đúng điều đã biết", () => {
  const due = "2025-02-10";
  test("đã thực hiện đúng hạn: bước thực hiện nghĩa vụ ghi ngày không sau hạn", () => {
    assert.equal(stepStatus({ due, proof: { type: "verification_report_done", date: due, index: 3 } }), "met");
  });
  test("thực hiện trễ hạn: bước thực hiện nghĩa vụ ghi ngày sau hạn", () => {
    assert.equal(stepStatus({ due, proof: { type: "officer_appointed", date: "2025-02-11", index: 3 } }), "late");
  });
  test("không áp dụng: nghĩa vụ không phát sinh vì một bước khác đã thay nó (hồ sơ hợp lệ, không cần bổ sung)", () => {
    const own = ["supplement_requested"] as const;
    assert.equal(
      stepStatus({ due, own, proof: { type: "file_valid", date: "2025-02-03", index: 1 } }),
      "not_applicable",
    );
    // … whatever the date: no request was made, so none was late.
    assert.equal(stepStatus({ due, own, proof: { type: "accepted", date: "2025-03-03", index: 1 } }), "not_applicable");
    assert.equal(stepStatus({ due, own, proof: { type: "supplement_requested", date: due, index: 1 } }), "met");
  });
  test("chưa ghi nhận: việc kết thúc không có sự kiện riêng và bước sau nó ghi ngày sau hạn", () => {
    const proof = { type: "verification_report_done" as const, date: "2025-02-12", index: 3 };
    assert.equal(stepStatus({ due, proof, endHasNoEvent: true }), "unrecorded");
    assert.equal(stepStatus({ due, proof: { ...proof, date: "2025-02-09" }, endHasNoEvent: true }), "met");
  });
  test("chưa ghi nhận: hồ sơ nhập bổ sung thiếu bước thực hiện nghĩa vụ", () => {
    assert.equal(
      stepStatus({ due, gap: "officer_appointed", proof: { type: "officer_appointed", date: due, index: 3 } }),
      "unrecorded",
    );
  });
  test("không còn áp dụng: vụ việc rời khỏi trình tự trước khi nghĩa vụ được thực hiện", () => {
    const cancel = { type: "terminated" as const, date: "2025-02-05", index: 2 };
    assert.equal(stepStatus({ due, cancel, asOf: "2025-03-01" }), "cancelled");
    assert.equal(
      stepStatus({ due, cancel, proof: { type: "officer_appointed", date: "2025-02-06", index: 3 } }),
      "cancelled",
    );
  });
  test("quá hạn / đang chạy: chưa thực hiện, đọc vào ngày sau hạn hoặc không sau hạn; tạm đình chỉ thì đang chạy", () => {
    assert.equal(stepStatus({ due, asOf: "2025-02-11" }), "overdue");
    assert.equal(stepStatus({ due, asOf: due }), "open");
    assert.equal(stepStatus({ due }), "open");
    assert.equal(stepStatus({ due, asOf: "2025-02-11", paused: true }), "open");
  });
});

describe("computeDeadlines dùng stepStatus — các trường hợp của màn hình vụ việc (issue 17)", () => {
  const accepted: Ev[] = [
    ["received", "2025-03-03"],
    ["file_valid", "2025-03-04"],
    ["accepted", "2025-03-05"],
    ["officer_appointed", "2025-03-06"],
  ];
  test("Luật TNBTCNN 2017, Điều 45 khoản 2, khoản 3 — báo cáo xác minh đúng hạn sau hạn xác minh: xác minh 'chưa ghi nhận', không 'trễ hạn'", () => {
    // Verification 15 days from 05/03 → 20/03; the report on 24/03 is within 3 WD of 20/03 (21, 24, 25).
    const events: Ev[] = [...accepted, ["verification_report_done", "2025-03-24"]];
    const v = statusOf(events, "verify", "2025-03-26");
    assert.deepEqual([v.due, v.status, v.met_on], ["2025-03-20", "unrecorded", "2025-03-24"]);
    assert.ok(v.explanation.some((x) => x.text.includes("Ngày kết thúc không được ghi nhận")));
    const r = statusOf(events, "verification_report", "2025-03-26");
    assert.deepEqual([r.due, r.status], ["2025-03-25", "met"]);
  });
  test("Luật TNBTCNN 2017, Điều 45 khoản 3 — báo cáo sau cả hạn báo cáo: báo cáo 'trễ hạn'", () => {
    const events: Ev[] = [...accepted, ["verification_report_done", "2025-03-27"]];
    assert.equal(statusOf(events, "verification_report").status, "late");
    assert.equal(statusOf(events, "verify").status, "unrecorded");
  });
  test("Luật TNBTCNN 2017, Điều 42 khoản 2 — không yêu cầu bổ sung: 'không áp dụng', không 'đúng hạn'", () => {
    assert.equal(statusOf(accepted, "supplement", undefined, "agency_request").status, "not_applicable");
    const asked: Ev[] = [
      ["received", "2025-03-03"],
      ["supplement_requested", "2025-03-05"],
    ];
    assert.equal(statusOf(asked, "supplement", undefined, "agency_request").status, "met");
  });
  test("Luật TNBTCNN 2017, Điều 47 khoản 1 — quyết định ngay trong ngày kết thúc thương lượng (0 ngày): đúng hạn hoặc quá hạn", () => {
    const negotiated: Ev[] = [
      ...accepted,
      ["verification_report_done", "2025-03-12"],
      ["negotiation_started", "2025-03-14"],
      ["negotiation_ended", "2025-03-20", "success"],
    ];
    const open = statusOf(negotiated, "decision", "2025-03-21");
    assert.deepEqual([open.due, open.days, open.status], ["2025-03-20", 0, "overdue"]);
    assert.equal(statusOf([...negotiated, ["decision_issued", "2025-03-20"]], "decision").status, "met");
  });
});
