import assert from "node:assert/strict";
import { test } from "node:test";
import { consolidate } from "./build.ts";
import { carriedLate, carryUp, type ParentCandidate, parentLinkProblem, pickParentRound } from "./hierarchy.ts";

const child = {
  period_from: "2024-01-01",
  period_to: "2024-10-31",
  template_id: "tt08-annual",
  opener_role: "SO_TU_PHAP",
};
const parent = (over: Partial<ParentCandidate> = {}): ParentCandidate => ({
  id: "p1",
  period_from: "2024-01-01",
  period_to: "2024-10-31",
  template_id: "tt08-annual",
  status: "open",
  opener_role: "CUC_BTNN",
  own_submission_status: "pending",
  fed_by_round_id: null,
  ...over,
});

test("KH UBND tỉnh Thanh Hóa 2024 mục III.1 — kỳ của Sở Tư pháp chỉ chuyển lên kỳ của Bộ cùng kỳ số liệu, còn mở, Sở chưa gửi", () => {
  assert.equal(parentLinkProblem(parent(), child), undefined);
  assert.equal(parentLinkProblem(parent({ period_to: "2024-12-31" }), child)?.code, "period_mismatch");
  assert.equal(parentLinkProblem(parent({ status: "consolidated" }), child)?.code, "round_closed");
  assert.equal(parentLinkProblem(parent({ own_submission_status: undefined }), child)?.code, "not_a_participant");
  assert.equal(parentLinkProblem(parent({ own_submission_status: "submitted" }), child)?.code, "already_submitted");
  assert.equal(parentLinkProblem(parent({ fed_by_round_id: "c0" }), child)?.code, "already_linked");
  assert.equal(parentLinkProblem(parent({ opener_role: "SO_TU_PHAP" }), child)?.code, "not_allowed");
  assert.equal(parentLinkProblem(parent(), { ...child, opener_role: "THADS_TINH" })?.code, "not_allowed");
});

test("KH UBND tỉnh Thanh Hóa 2024 mục III — tự gắn khi có đúng một kỳ của Bộ phù hợp (ưu tiên cùng mẫu), không gắn khi mơ hồ", () => {
  assert.equal(pickParentRound([parent()], child), "p1");
  assert.equal(pickParentRound([parent({ period_from: "2024-07-01" })], child), undefined);
  assert.equal(pickParentRound([parent(), parent({ id: "p2", template_id: "quick-figures" })], child), "p1");
  assert.equal(pickParentRound([parent(), parent({ id: "p2" })], child), undefined);
});

test("TT 08/2019/TT-BTP Điều 24–25 — số liệu và thuyết minh tổng hợp của tỉnh chuyển nguyên vẹn thành báo cáo của Sở; trễ khi sau hạn", () => {
  const c = consolidate(
    [
      {
        agency_id: "a",
        agency_name: "THADS tỉnh",
        status: "submitted",
        figures: {
          total: { handled: 2, amount_paid: 5 },
          by_field: { civil_enforcement: { handled: 2 } },
          claim_ids: { handled: ["x", "y"] },
        },
        narrative: { results: "Xong 2 vụ." },
      },
      {
        agency_id: "b",
        agency_name: "TAND tỉnh",
        status: "submitted",
        figures: {
          total: { handled: 1 },
          by_field: { criminal_procedure: { handled: 1 } },
          claim_ids: { handled: ["z"] },
        },
        narrative: null,
      },
    ],
    { proposals: "Tập huấn." },
  );
  const up = carryUp(c, "r1");
  assert.deepEqual(up.figures, {
    total: { handled: 3, amount_paid: 5 },
    by_field: { civil_enforcement: { handled: 2 }, criminal_procedure: { handled: 1 } },
    claim_ids: { handled: ["x", "y", "z"] },
    source_round_id: "r1",
  });
  assert.deepEqual(up.narrative, { proposals: "Tập huấn.", results: "THADS tỉnh: Xong 2 vụ." });
  assert.equal(carriedLate("2024-12-09", "2024-12-09"), false);
  assert.equal(carriedLate("2024-12-10", "2024-12-09"), true);
});
