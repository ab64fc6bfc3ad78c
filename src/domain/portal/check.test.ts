// The guided check end to end (pure): the interview graph, validation naming the question, the limitation period
// explained day by day (Luật TNBTCNN 2017, Điều 6), scope reasons and papers (Điều 5, Điều 41).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../calendar/work-calendar.ts";
import { DomainError } from "../shared/errors.ts";
import { checkAnswers } from "./check.ts";
import { type InterviewAnswers, interviewPath, nextQuestion, QUESTIONS } from "./interview.ts";

const TODAY = "2026-12-04";
const ctx = { today: TODAY, calendar: defaultCalendar };
const BASE: InterviewAnswers = {
  capacity: "injured",
  activity: "civil_enforcement",
  agency_kind: "thads_province",
  province: "ha-giang",
  act_date: "2024-05-10",
  request_kind: "compensation",
  has_basis_document: "yes",
  basis_document_received_on: "2025-03-14",
};

describe("Kiểm tra trực tuyến cho người bị thiệt hại (portal/check)", () => {
  test("đồ thị câu hỏi: thi hành án dân sự hỏi loại cơ quan; lĩnh vực khác sang tỉnh; cơ quan trung ương bỏ câu tỉnh", () => {
    assert.equal(nextQuestion("activity", { activity: "civil_enforcement" }), "agency_kind");
    assert.equal(nextQuestion("activity", { activity: "administration" }), "province");
    assert.equal(nextQuestion("agency_kind", { agency_kind: "thads_central" }), "act_date");
    assert.equal(nextQuestion("has_basis_document", { has_basis_document: "no" }), null);
    assert.deepEqual(
      interviewPath(BASE),
      QUESTIONS.map((q) => q.id),
    );
    // every goto names a question
    const ids = new Set(QUESTIONS.map((q) => q.id));
    for (const q of QUESTIONS)
      for (const r of q.next) assert.ok(r.goto === null || ids.has(r.goto), `${q.id} → ${r.goto}`);
  });

  test("Luật TNBTCNN 2017, Điều 6 khoản 1 — thời hiệu 03 năm từ ngày nhận văn bản làm căn cứ, giải thích từng bước", () => {
    const r = checkAnswers(BASE, ctx);
    assert.equal(r.in_scope, "yes");
    assert.equal(r.limitation.status, "running");
    // 14/03/2025 + 3 năm = Tue 14/03/2028
    assert.equal(r.limitation.end, "2028-03-14");
    assert.equal(r.limitation.days_left, 466);
    assert.equal(r.limitation.basis, "Luật TNBTCNN 2017, Điều 6 khoản 1");
    assert.ok(r.limitation.explanation.some((s) => s.source === "Bộ luật Dân sự 2015, Điều 147 khoản 3"));
    assert.equal(r.agency?.id, "thads-tuyen-quang-2025");
    assert.equal(r.agency?.determined_by_so_tu_phap, false);
    assert.deepEqual(
      r.papers.map((p) => p.id),
      ["claim_request", "basis_document", "identity", "evidence"],
    );
    assert.ok(r.unverified_legend, "dòng chưa xác minh có chú giải");
  });

  test("Luật TNBTCNN 2017, Điều 6; Điều 43 khoản 2 điểm b — hết thời hiệu: ngoài phạm vi, còn phục hồi danh dự nếu có yêu cầu", () => {
    const expired = checkAnswers({ ...BASE, act_date: "2022-12-01", basis_document_received_on: "2023-03-14" }, ctx);
    assert.equal(expired.limitation.status, "expired");
    assert.equal(expired.limitation.end, "2026-03-16"); // Sat 14/03/2026 → Mon 16/03/2026
    assert.equal(expired.in_scope, "no");
    const both = checkAnswers(
      { ...BASE, act_date: "2022-12-01", basis_document_received_on: "2023-03-14", request_kind: "both" },
      ctx,
    );
    assert.equal(both.in_scope, "yes");
    const honour = checkAnswers(
      { ...BASE, request_kind: "honour_only", basis_document_received_on: "2024-06-01" },
      ctx,
    );
    assert.equal(honour.limitation.status, "not_applicable");
    assert.equal(honour.in_scope, "yes");
  });

  test("Luật TNBTCNN 2017, Điều 5 — người không có quyền yêu cầu: ngoài phạm vi; Điều 41 khoản 2 — người ủy quyền thêm giấy tờ", () => {
    assert.equal(checkAnswers({ ...BASE, capacity: "other" }, ctx).in_scope, "no");
    const auth = checkAnswers({ ...BASE, capacity: "authorised" }, ctx);
    const extra = auth.papers.find((p) => p.id === "capacity_proof");
    assert.equal(extra?.confidence, "unverified");
  });

  test("Luật TNBTCNN 2017, Điều 41 khoản 4 — không rõ cơ quan: Sở Tư pháp, bước xác định cơ quan 05 ngày làm việc", () => {
    const r = checkAnswers(
      { ...BASE, agency_kind: "unknown", has_basis_document: "no", basis_document_received_on: undefined },
      ctx,
    );
    assert.equal(r.agency?.id, "stp-tuyen-quang-2025");
    assert.equal(r.agency?.determined_by_so_tu_phap, true);
    assert.equal(r.next_steps[0]?.key, "agency_determination");
    assert.equal(r.next_steps[0]?.value, 5);
    assert.equal(r.limitation.status, "not_started");
    assert.equal(r.in_scope, "unclear");
    assert.equal(r.answers.basis_document_received_on, undefined);
  });

  test("câu trả lời thiếu, sai lựa chọn, ngày tương lai → lỗi nêu đúng câu hỏi; câu trả lời ngoài đường đi bị bỏ", () => {
    const fails = (a: InterviewAnswers, field: string) =>
      assert.throws(
        () => checkAnswers(a, ctx),
        (e) => e instanceof DomainError && e.field === field,
      );
    fails({ ...BASE, province: undefined }, "province");
    fails({ ...BASE, province: "atlantis" }, "province");
    fails({ ...BASE, activity: "space" as never }, "activity");
    fails({ ...BASE, act_date: "2027-01-01" }, "act_date");
    fails({ ...BASE, basis_document_received_on: "2024-01-01" }, "basis_document_received_on");
    const r = checkAnswers({ ...BASE, agency_kind: "thads_central" }, ctx);
    assert.equal(r.answers.province, undefined, "tỉnh không được hỏi với cơ quan trung ương");
    assert.equal(r.agency?.id, "cuc-ql-thads");
  });
});
