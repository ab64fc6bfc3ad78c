import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { route } from "../route.ts";
import { ROUTING_RULES } from "../rules.ts";

describe("Không có quy tắc: trả về các điều khoản gần nhất, không đoán", () => {
  test("KH 2021 mục II.3.3.b — đề nghị nghiệp vụ bồi thường gửi Tổng cục THADS khi Sở Tư pháp chưa hướng dẫn: không có quy tắc", () => {
    const r = route({ kind: "guidance", from_role: "THADS_TINH", to_role: "TONG_CUC_THADS", topic: "compensation" });
    assert.equal(r.rule, null);
    const nearest = (r as { nearest: Array<{ rule: string; why: string }> }).nearest;
    assert.ok(nearest.length > 0 && nearest.length <= 3);
    const b = nearest.find((n) => n.rule === "KH2021.II.3.3.b");
    assert.ok(b, "3.3.b must be among the nearest");
    assert.match(b.why, /hướng dẫn/);
    assert.doesNotMatch(b.why, /topic/); // topic was met
  });

  test("KH 2021 mục II.6.1 — đôn đốc không có căn cứ đôn đốc (TT 08 Điều 14): không có quy tắc, nêu căn cứ còn thiếu", () => {
    const r = route({ kind: "urging", from_role: "CUC_BTNN", to_role: "UBND_TINH", managing_role: "THADS_TINH" });
    assert.equal(r.rule, null);
    const first = (r as { nearest: Array<{ rule: string; why: string; matched: number; of: number }> }).nearest[0];
    assert.equal(first.rule, "KH2021.II.6.1");
    assert.match(first.why, /Điều 14/);
    assert.equal(first.matched, first.of - 1);
  });

  test("KH 2021 mục II.6.2 — cơ quan đã thực hiện nội dung đôn đốc của UBND tỉnh: Cục BTNN không đôn đốc trực tiếp", () => {
    const r = route({
      kind: "urging",
      from_role: "CUC_BTNN",
      to_role: "THADS_TINH",
      prior: { province_asked_to_urge: true, province_urged: true, urged_party_complied: true, urging_grounds: [2] },
    });
    assert.equal(r.rule, null);
  });

  test("KH 2021 mục II.9.1 — người bị thiệt hại chưa được UBND cấp tỉnh hướng dẫn: không có quy tắc", () => {
    const r = route({ kind: "guidance_injured", from_role: "NGUOI_BI_THIET_HAI", managing_role: "THADS_TINH" });
    assert.equal(r.rule, null);
    assert.equal((r as { nearest: Array<{ rule: string }> }).nearest[0].rule, "KH2021.II.9.1");
  });

  test("KH 2021 mục II.1 — danh mục vụ việc không nêu luật áp dụng: không chọn giữa 1.1 và 1.2", () => {
    const r = route({ kind: "case_list", from_role: "CUC_BTNN" });
    assert.equal(r.rule, null);
    const ids = (r as { nearest: Array<{ rule: string }> }).nearest.map((n) => n.rule).sort();
    assert.deepEqual(ids, ["KH2021.II.1.1", "KH2021.II.1.2"]);
  });

  test("KH 2021 mục II.11 — xác minh thiệt hại trong vụ việc theo Luật 2009: ngoài phạm vi mục II.11", () => {
    const r = route({
      kind: "verification_negotiation",
      from_role: "TONG_CUC_THADS",
      handling_role: "TONG_CUC_THADS",
      law: "law_2009",
    });
    assert.equal(r.rule, null);
  });

  test("KH 2021 mục III.2 — một đơn vị không thể bất đồng với chính mình", () => {
    assert.equal(route({ kind: "disagreement", from_role: "CUC_BTNN", to_role: "CUC_BTNN" }).rule, null);
  });
  test("KH 2021 mục II.3 — Sở Tư pháp gửi đề nghị hướng dẫn cho THADS tỉnh: các điều kiện còn thiếu nói bằng lời, không mã trường, mã vai trò", () => {
    // The nearest clauses' "why" is shown to the sender and receiver on the request's screen.
    const r = route({ kind: "guidance", from_role: "SO_TU_PHAP", to_role: "THADS_TINH", topic: "compensation" });
    assert.equal(r.rule, null);
    const whys = (r as { nearest: Array<{ why: string }> }).nearest.map((n) => n.why);
    assert.ok(whys.some((w) => w.includes("bên gửi là Cục THADS tỉnh")));
    const code = /[A-Z]{2,}_[A-Z]|[a-z]+_[a-z]+|\b(?:from|to)_role\b|=/;
    for (const w of whys) assert.doesNotMatch(w, code);
    for (const rule of ROUTING_RULES) for (const c of rule.conditions) assert.doesNotMatch(c.vi, code, rule.id);
    const wrongKind = route({ kind: "disagreement", from_role: "UBND_TINH" });
    for (const n of (wrongKind as { nearest: Array<{ why: string }> }).nearest) assert.doesNotMatch(n.why, code);
  });
});
