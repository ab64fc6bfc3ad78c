import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { ROLES } from "../agencies/roles.ts";
import { isDomainError } from "../shared/errors.ts";
import { matchingRules, type RouteResult, route } from "./route.ts";
import { getRule, ROUTING_RULES } from "./rules.ts";
import { LAWS, MONITORING_GROUNDS, REQUEST_KINDS, type Situation, TOPICS } from "./situation.ts";

// Names of the per-rule tests, collected for the rule-count guard at the end of this file.
const ruleTestNames: string[] = [];
const ruleTestSituations: Array<Record<string, unknown>> = [];

type Expected = Pick<RouteResult, "lead" | "coordinators" | "forward_to" | "output"> & {
  recipients?: RouteResult["recipients"];
  /** A citation the basis must contain (from the plan text, written out independently of the table). */
  cites: string[];
};

function ruleTest(id: string, description: string, situation: unknown, expected: Expected): void {
  const clause = getRule(id)?.clause ?? id;
  const name = `${clause} — ${description} (${id})`;
  ruleTestNames.push(name);
  ruleTestSituations.push(situation as Record<string, unknown>);
  test(name, () => {
    const r = route(situation);
    assert.equal(r.rule, id, `expected ${id}, got ${JSON.stringify(r)}`);
    const got = r as RouteResult;
    assert.equal(got.lead, expected.lead);
    assert.deepEqual(got.coordinators, expected.coordinators);
    assert.deepEqual(got.forward_to, expected.forward_to);
    assert.equal(got.output, expected.output);
    if (expected.recipients) assert.deepEqual(got.recipients, expected.recipients);
    for (const c of expected.cites) assert.ok(got.basis.includes(c), `basis "${got.basis}" should cite "${c}"`);
  });
}

describe("Điều phối theo KH 2021 mục II và III.2", () => {
  ruleTest(
    "KH2021.II.1.1",
    "danh mục vụ việc theo Luật 2017: Cục BTNN chủ trì, Tổng cục THADS phối hợp",
    { kind: "case_list", from_role: "CUC_BTNN", law: "law_2017" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "case_list",
      cites: ["KH 2021 mục II.1.1"],
    },
  );
  ruleTest(
    "KH2021.II.1.2",
    "danh mục vụ việc phức tạp theo Luật 2009 (hằng quý)",
    { kind: "case_list", from_role: "TONG_CUC_THADS", law: "law_2009", complex: true },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "case_list",
      cites: ["KH 2021 mục II.1.2", "2009"],
    },
  );
  ruleTest(
    "KH2021.II.2",
    "họp giải quyết vụ việc phức tạp, tồn đọng, kéo dài → báo cáo kết quả",
    { kind: "meeting", from_role: "CUC_BTNN", complex: true },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      cites: ["KH 2021 mục II.2"],
    },
  );
  ruleTest(
    "KH2021.II.3.1",
    "Chi cục THADS đề nghị Cục BTNN hướng dẫn khi chưa được cấp tỉnh hướng dẫn → chuyển UBND cấp tỉnh",
    { kind: "guidance", from_role: "THADS_HUYEN", to_role: "CUC_BTNN" },
    {
      lead: "UBND_TINH",
      coordinators: ["SO_TU_PHAP"],
      forward_to: ["UBND_TINH"],
      output: "letter",
      cites: ["KH 2021 mục II.3.1", "Thông tư 08/2019/TT-BTP Điều 4"],
    },
  );
  ruleTest(
    "KH2021.II.3.2",
    "Cục THADS đề nghị Cục BTNN hướng dẫn sau khi UBND cấp tỉnh đã hướng dẫn",
    { kind: "guidance", from_role: "THADS_TINH", to_role: "CUC_BTNN", prior: { guided_by_province: true } },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["THADS_TINH"],
      cites: ["KH 2021 mục II.3.2", "Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ"],
    },
  );
  ruleTest(
    "KH2021.II.3.3.a",
    "đề nghị Tổng cục THADS hướng dẫn nghiệp vụ thi hành án → Tổng cục THADS chủ trì",
    { kind: "guidance", from_role: "THADS_HUYEN", to_role: "TONG_CUC_THADS", topic: "enforcement" },
    {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.3.3.a", "Điều 75", "Điều 4 khoản 1 điểm g"],
    },
  );
  ruleTest(
    "KH2021.II.3.3.b",
    "đề nghị nghiệp vụ bồi thường gửi Tổng cục THADS sau hướng dẫn của Sở Tư pháp → chuyển Cục BTNN chủ trì",
    {
      kind: "guidance",
      from_role: "THADS_TINH",
      to_role: "TONG_CUC_THADS",
      topic: "compensation",
      prior: { guided_by_so_tu_phap: true },
    },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: ["CUC_BTNN"],
      output: "letter",
      recipients: ["THADS_TINH", "TONG_CUC_THADS"],
      cites: ["KH 2021 mục II.3.3.b", "Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ"],
    },
  );
  ruleTest(
    "KH2021.II.3.4",
    "Tổng cục THADS là cơ quan giải quyết bồi thường đề nghị Cục BTNN hướng dẫn",
    { kind: "guidance", from_role: "TONG_CUC_THADS", to_role: "CUC_BTNN", handling_role: "TONG_CUC_THADS" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.3.4", "3056/QĐ-BTP Điều 12 khoản 1 điểm b"],
    },
  );
  ruleTest(
    "KH2021.II.4",
    "tập huấn, bồi dưỡng do hai đơn vị phối hợp tổ chức",
    { kind: "training", from_role: "TONG_CUC_THADS" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      cites: ["KH 2021 mục II.4"],
    },
  );
  ruleTest(
    "KH2021.II.5.1.a",
    "Cục BTNN đề nghị UBND cấp tỉnh chỉ đạo cơ quan THADS địa phương báo cáo, báo cáo gửi cả hai đơn vị",
    {
      kind: "report_request",
      from_role: "CUC_BTNN",
      to_role: "UBND_TINH",
      handling_role: "THADS_HUYEN",
      prior: { monitoring_grounds: ["c"] },
    },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      recipients: ["CUC_BTNN", "TONG_CUC_THADS"],
      cites: ["KH 2021 mục II.5.1.a", "Điều 11 khoản 2", "Điều 9 khoản 1"],
    },
  );
  ruleTest(
    "KH2021.II.5.1.b",
    "Tổng cục THADS chỉ đạo Cục THADS tỉnh báo cáo",
    {
      kind: "report_request",
      from_role: "TONG_CUC_THADS",
      to_role: "THADS_TINH",
      prior: { monitoring_grounds: ["a", "đ"] },
    },
    {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "report",
      recipients: ["TONG_CUC_THADS", "CUC_BTNN"],
      cites: ["KH 2021 mục II.5.1.b", "Điều 75"],
    },
  );
  ruleTest(
    "KH2021.II.5.2-1",
    "văn bản gửi Bộ Tư pháp mà Cục BTNN nhận được → sao chuyển Tổng cục THADS",
    { kind: "document_forward", from_role: "THADS_HUYEN", to_role: "BO_TU_PHAP", received_by: "CUC_BTNN" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: ["TONG_CUC_THADS"],
      output: "letter",
      cites: ["KH 2021 mục II.5.2", "Điều 12"],
    },
  );
  ruleTest(
    "KH2021.II.5.2-2",
    "văn bản gửi Bộ Tư pháp mà Tổng cục THADS nhận được → sao chuyển Cục BTNN",
    { kind: "document_forward", from_role: "THADS_TINH", to_role: "BO_TU_PHAP", received_by: "TONG_CUC_THADS" },
    {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: ["CUC_BTNN"],
      output: "letter",
      cites: ["KH 2021 mục II.5.2", "Điều 12"],
    },
  );
  ruleTest(
    "KH2021.II.5.2-3",
    "Tổng cục THADS là cơ quan giải quyết bồi thường gửi văn bản cho Cục BTNN theo dõi",
    { kind: "document_forward", from_role: "TONG_CUC_THADS", handling_role: "TONG_CUC_THADS" },
    {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: ["CUC_BTNN"],
      output: "letter",
      cites: ["KH 2021 mục II.5.2"],
    },
  );
  ruleTest(
    "KH2021.II.6.1",
    "Cục BTNN đề nghị UBND cấp tỉnh đôn đốc Chi cục THADS",
    {
      kind: "urging",
      from_role: "CUC_BTNN",
      to_role: "UBND_TINH",
      managing_role: "THADS_HUYEN",
      prior: { urging_grounds: [1] },
    },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["UBND_TINH"],
      cites: ["KH 2021 mục II.6.1", "Điều 13 khoản 3 điểm c", "Điều 14"],
    },
  );
  ruleTest(
    "KH2021.II.6.2",
    "UBND tỉnh đã đôn đốc mà Cục THADS không thực hiện → Cục BTNN trực tiếp đôn đốc",
    {
      kind: "urging",
      from_role: "CUC_BTNN",
      to_role: "THADS_TINH",
      managing_role: "THADS_TINH",
      prior: { province_asked_to_urge: true, province_urged: true, urged_party_complied: false, urging_grounds: [4] },
    },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["THADS_TINH"],
      cites: ["KH 2021 mục II.6.2", "Điều 13 khoản 3 điểm d"],
    },
  );
  ruleTest(
    "KH2021.II.6.3",
    "Cục BTNN đề nghị Tổng cục THADS chỉ đạo, đôn đốc cơ quan THADS địa phương",
    {
      kind: "urging",
      from_role: "CUC_BTNN",
      to_role: "TONG_CUC_THADS",
      managing_role: "THADS_HUYEN",
      prior: { urging_grounds: [3] },
    },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.6.3", "Điều 75 khoản 3"],
    },
  );
  ruleTest(
    "KH2021.II.7",
    "giải đáp vướng mắc cho Chi cục THADS",
    { kind: "legal_question", from_role: "THADS_HUYEN", to_role: "CUC_BTNN" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.7", "Điều 3 khoản 2"],
    },
  );
  ruleTest(
    "KH2021.II.8",
    "hỗ trợ người bị thiệt hại trong hoạt động THADS",
    { kind: "support_injured", from_role: "NGUOI_BI_THIET_HAI", managing_role: "THADS_TINH" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["NGUOI_BI_THIET_HAI"],
      cites: ["KH 2021 mục II.8", "Thông tư 09/2019/TT-BTP Điều 5"],
    },
  );
  ruleTest(
    "KH2021.II.9.1",
    "người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn, tiếp tục yêu cầu Bộ Tư pháp hướng dẫn",
    {
      kind: "guidance_injured",
      from_role: "NGUOI_BI_THIET_HAI",
      to_role: "BO_TU_PHAP",
      managing_role: "THADS_HUYEN",
      prior: { guided_by_province: true },
    },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.9.1", "Thông tư 09/2019/TT-BTP Điều 7 khoản 1 điểm a"],
    },
  );
  ruleTest(
    "KH2021.II.9.2",
    "Tổng cục THADS là cơ quan trực tiếp quản lý người thi hành công vụ → Cục BTNN hướng dẫn",
    { kind: "guidance_injured", from_role: "NGUOI_BI_THIET_HAI", managing_role: "TONG_CUC_THADS" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.9.2", "Điều 7 khoản 1 điểm b"],
    },
  );
  ruleTest(
    "KH2021.II.10.1",
    "kiểm tra công tác bồi thường: Cục BTNN chủ trì, báo cáo Lãnh đạo Bộ",
    { kind: "inspection", from_role: "CUC_BTNN", topic: "compensation" },
    {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      recipients: ["LANH_DAO_BO"],
      cites: ["KH 2021 mục II.10.1"],
    },
  );
  ruleTest(
    "KH2021.II.10.2",
    "kiểm tra công tác THADS liên quan bồi thường: Tổng cục THADS chủ trì",
    { kind: "inspection", from_role: "TONG_CUC_THADS", topic: "enforcement" },
    {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "report",
      recipients: ["LANH_DAO_BO"],
      cites: ["KH 2021 mục II.10.2"],
    },
  );
  ruleTest(
    "KH2021.II.11",
    "tham gia xác minh thiệt hại, thương lượng vụ việc do Tổng cục THADS giải quyết → biên bản",
    { kind: "verification_negotiation", from_role: "TONG_CUC_THADS", handling_role: "TONG_CUC_THADS", law: "law_2017" },
    {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "minutes",
      cites: ["KH 2021 mục II.11", "Luật TNBTCNN 2017 Điều 45"],
    },
  );
  ruleTest(
    "KH2021.III.2",
    "hai đơn vị không thống nhất ý kiến → báo cáo Thứ trưởng phụ trách",
    { kind: "disagreement", from_role: "TONG_CUC_THADS", to_role: "CUC_BTNN" },
    {
      lead: "LANH_DAO_BO",
      coordinators: ["CUC_BTNN", "TONG_CUC_THADS"],
      forward_to: ["LANH_DAO_BO"],
      output: "report",
      cites: ["KH 2021 mục III.2"],
    },
  );
});

describe("Luồng báo cáo theo KH Thanh Hóa 2024", () => {
  ruleTest(
    "KHTH2024.II.7",
    "Bộ Tư pháp yêu cầu báo cáo thống kê → Sở Tư pháp chủ trì với TAND, VKSND, THADS tỉnh, sở ngành, UBND cấp huyện",
    { kind: "report_request", from_role: "BO_TU_PHAP", to_role: "UBND_TINH" },
    {
      lead: "SO_TU_PHAP",
      coordinators: ["TOA_AN", "VKS", "THADS_TINH", "SO_NGANH", "UBND_HUYEN"],
      forward_to: ["SO_TU_PHAP"],
      output: "report",
      recipients: ["UBND_TINH"],
      cites: ["KH Thanh Hóa 2024 mục II.7"],
    },
  );
  ruleTest(
    "KHTH2024.III.1",
    "Sở Tư pháp tổng hợp, tham mưu UBND tỉnh báo cáo",
    { kind: "report", from_role: "SO_TU_PHAP", to_role: "UBND_TINH" },
    {
      lead: "SO_TU_PHAP",
      coordinators: ["SO_NGANH", "UBND_HUYEN", "TOA_AN", "VKS", "THADS_TINH"],
      forward_to: ["UBND_TINH"],
      output: "report",
      cites: ["KH Thanh Hóa 2024 mục III.1"],
    },
  );
  ruleTest(
    "KHTH2024.III.1.BTP",
    "UBND tỉnh báo cáo Bộ Tư pháp",
    { kind: "report", from_role: "UBND_TINH", to_role: "BO_TU_PHAP" },
    {
      lead: "UBND_TINH",
      coordinators: ["SO_TU_PHAP"],
      forward_to: ["BO_TU_PHAP"],
      output: "report",
      cites: ["KH Thanh Hóa 2024 mục III.1"],
    },
  );
  ruleTest(
    "KHTH2024.III.2",
    "UBND cấp huyện gửi báo cáo cho Sở Tư pháp tổng hợp",
    { kind: "report", from_role: "UBND_HUYEN", to_role: "SO_TU_PHAP" },
    {
      lead: "UBND_HUYEN",
      coordinators: [],
      forward_to: ["SO_TU_PHAP"],
      output: "report",
      recipients: ["SO_TU_PHAP"],
      cites: ["KH Thanh Hóa 2024 mục III.2"],
    },
  );
  ruleTest(
    "KHTH2024.III.3",
    "Viện kiểm sát nhân dân tỉnh gửi báo cáo cho Sở Tư pháp tổng hợp",
    { kind: "report", from_role: "VKS" },
    {
      lead: "VKS",
      coordinators: [],
      forward_to: ["SO_TU_PHAP"],
      output: "report",
      cites: ["KH Thanh Hóa 2024 mục III.3"],
    },
  );

  test("KH Thanh Hóa 2024 mục III.2 — sở, ban, ngành cấp tỉnh cũng gửi Sở Tư pháp", () => {
    const r = route({ kind: "report", from_role: "SO_NGANH" });
    assert.equal(r.rule, "KHTH2024.III.2");
    assert.deepEqual((r as RouteResult).forward_to, ["SO_TU_PHAP"]);
  });
});

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
});

describe("Dữ liệu đầu vào sai: lỗi tiếng Việt nêu tên trường", () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ["vai trò lạ ở from_role", { kind: "guidance", from_role: "CUC_XYZ" }, "from_role", /from_role.*CUC_XYZ/],
    ["vai trò lạ ở to_role", { kind: "guidance", from_role: "THADS_TINH", to_role: "SO_XYZ" }, "to_role", /to_role/],
    ["thiếu from_role", { kind: "guidance" }, "from_role", /Thiếu trường "from_role"/],
    ["loại yêu cầu lạ", { kind: "phone_call", from_role: "CUC_BTNN" }, "kind", /kind.*phone_call/],
    ["trường không được phép", { kind: "guidance", from_role: "CUC_BTNN", agency: "x" }, "situation", /agency/],
    [
      "prior sai kiểu",
      { kind: "guidance", from_role: "THADS_TINH", prior: { guided_by_province: "yes" } },
      "prior.guided_by_province",
      /prior\.guided_by_province.*true\/false/,
    ],
    [
      "căn cứ đôn đốc ngoài khoản 1–7",
      { kind: "urging", from_role: "CUC_BTNN", prior: { urging_grounds: [9] } },
      "prior.urging_grounds.0",
      /Điều 14/,
    ],
    [
      "căn cứ theo dõi rỗng",
      { kind: "report_request", from_role: "CUC_BTNN", prior: { monitoring_grounds: [] } },
      "prior.monitoring_grounds",
      /không được rỗng/,
    ],
    ["không phải đối tượng", "guidance", "situation", /đối tượng JSON/],
    ["null", null, "situation", /đối tượng JSON/],
  ];
  for (const [what, input, field, message] of cases) {
    test(`Lược đồ tình huống — ${what} → lỗi ở trường ${field}`, () => {
      assert.throws(
        () => route(input),
        (e: unknown) => {
          assert.ok(isDomainError(e));
          assert.equal(e.code, "invalid_situation");
          assert.equal(e.field, field);
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }
});

describe("Tính chất của bảng quy tắc", () => {
  test("Bảng quy tắc — mỗi tình huống khớp tối đa một điều khoản (unique hit)", () => {
    const role = fc.constantFrom(...ROLES);
    const bool = fc.option(fc.boolean(), { nil: undefined });
    const situation = fc.record(
      {
        kind: fc.constantFrom(...REQUEST_KINDS),
        from_role: role,
        to_role: fc.option(role, { nil: undefined }),
        topic: fc.option(fc.constantFrom(...TOPICS), { nil: undefined }),
        law: fc.option(fc.constantFrom(...LAWS), { nil: undefined }),
        complex: bool,
        managing_role: fc.option(role, { nil: undefined }),
        handling_role: fc.option(role, { nil: undefined }),
        received_by: fc.option(role, { nil: undefined }),
        prior: fc.option(
          fc.record({
            guided_by_province: bool,
            guided_by_so_tu_phap: bool,
            province_asked_to_urge: bool,
            province_urged: bool,
            urged_party_complied: bool,
            monitoring_grounds: fc.option(fc.constant([MONITORING_GROUNDS[0]]), { nil: undefined }),
            urging_grounds: fc.option(fc.constant([1 as const]), { nil: undefined }),
          }),
          { nil: undefined },
        ),
      },
      { requiredKeys: ["kind", "from_role"] },
    );
    fc.assert(
      fc.property(situation, (s) => {
        const hits = matchingRules(s as Situation);
        return hits.length <= 1;
      }),
      { numRuns: 20000, seed: 20210101 },
    );
  });

  test("Bảng quy tắc — đổi một trường của mỗi tình huống mẫu vẫn khớp tối đa một điều khoản", () => {
    const domains: Record<string, readonly unknown[]> = {
      kind: REQUEST_KINDS,
      from_role: ROLES,
      to_role: [undefined, ...ROLES],
      topic: [undefined, ...TOPICS],
      law: [undefined, ...LAWS],
      complex: [undefined, true, false],
      managing_role: [undefined, ...ROLES],
      handling_role: [undefined, ...ROLES],
      received_by: [undefined, ...ROLES],
    };
    let checked = 0;
    for (const base of ruleTestSituations) {
      for (const [field, values] of Object.entries(domains)) {
        for (const v of values) {
          const s = { ...base, [field]: v } as Situation;
          assert.ok(matchingRules(s).length <= 1, JSON.stringify(s));
          checked++;
        }
      }
    }
    assert.ok(checked > 1000);
  });

  test("Bảng quy tắc — mã quy tắc không trùng, mỗi quy tắc có căn cứ bắt đầu bằng điều khoản của kế hoạch", () => {
    const ids = ROUTING_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of ROUTING_RULES) {
      assert.ok(r.basis.startsWith(r.id.startsWith("KHTH") ? "KH Thanh Hóa 2024 mục" : "KH 2021 mục"), r.id);
      assert.ok(r.basis.startsWith(r.clause.replace(/ \(.*\)$/, "")), `${r.id}: basis should start with its clause`);
    }
  });

  test("Bảng quy tắc — quy tắc chỉ nói về vai trò, không có tên cơ quan", () => {
    for (const r of ROUTING_RULES) {
      for (const ref of [r.lead, ...r.coordinators, ...r.forward_to, ...r.recipients]) {
        assert.ok(ref === "$from" || ref === "$to" || (ROLES as readonly string[]).includes(ref), `${r.id}: ${ref}`);
      }
    }
  });

  // HMCTS-style rule-count guard: a rule added to the table without a test naming its id fails here.
  test("Bảng quy tắc — mỗi quy tắc có ít nhất một kiểm thử mang mã của nó (rule-count guard)", () => {
    const missing = ROUTING_RULES.filter((r) => !ruleTestNames.some((n) => n.includes(`(${r.id})`))).map((r) => r.id);
    assert.deepEqual(missing, [], `rules without a test: ${missing.join(", ")}`);
    const known = new Set(ROUTING_RULES.map((r) => r.id));
    const stray = ruleTestNames.map((n) => /\(([^()]+)\)$/.exec(n)?.[1]).filter((id) => id && !known.has(id));
    assert.deepEqual(stray, [], "tests naming a rule that is not in the table");
    assert.equal(new Set(ruleTestNames.map((n) => /\(([^()]+)\)$/.exec(n)?.[1])).size, ROUTING_RULES.length);
  });
});
