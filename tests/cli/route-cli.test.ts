import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { btnn, btnnJson, tempJson } from "./run-cli.ts";

type Routed = {
  rule: string | null;
  lead?: string;
  coordinators?: string[];
  forward_to?: string[];
  output?: string;
  basis?: string;
  nearest?: Array<{ rule: string; why: string }>;
};

describe("btnn route", () => {
  test("KH 2021 mục II.3.1 — THADS tỉnh đề nghị Cục BTNN hướng dẫn khi chưa được tỉnh hướng dẫn → chuyển UBND cấp tỉnh", () => {
    const r = btnnJson<Routed>(
      "route",
      "--file",
      tempJson({ kind: "guidance", from_role: "THADS_TINH", to_role: "CUC_BTNN" }),
    );
    assert.equal(r.rule, "KH2021.II.3.1");
    assert.equal(r.lead, "UBND_TINH");
    assert.deepEqual(r.forward_to, ["UBND_TINH"]);
    assert.equal(r.output, "letter");
    assert.match(r.basis ?? "", /Thông tư 08\/2019\/TT-BTP Điều 4/);
  });
  test("KH 2021 mục II.3.3.b — đã được Sở Tư pháp hướng dẫn, vẫn đề nghị Tổng cục THADS → Cục BTNN chủ trì", () => {
    const r = btnnJson<Routed>(
      "route",
      "--file",
      tempJson({
        kind: "guidance",
        from_role: "THADS_TINH",
        to_role: "TONG_CUC_THADS",
        topic: "compensation",
        prior: { guided_by_so_tu_phap: true },
      }),
    );
    assert.equal(r.rule, "KH2021.II.3.3.b");
    assert.equal(r.lead, "CUC_BTNN");
    assert.deepEqual(r.coordinators, ["TONG_CUC_THADS"]);
  });
  test("KH 2021 mục II.5.2 — văn bản cơ quan THADS địa phương gửi Bộ mà Cục BTNN nhận được → sao chuyển Tổng cục THADS", () => {
    const r = btnnJson<Routed>(
      "route",
      "--file",
      tempJson({ kind: "document_forward", from_role: "THADS_TINH", to_role: "BO_TU_PHAP", received_by: "CUC_BTNN" }),
    );
    assert.equal(r.lead, "CUC_BTNN");
    assert.deepEqual(r.forward_to, ["TONG_CUC_THADS"]);
  });
  test("tình huống không điều khoản nào áp dụng → rule null kèm các điều khoản gần nhất, không đoán", () => {
    const r = btnnJson<Routed>(
      "route",
      "--file",
      tempJson({ kind: "urging", from_role: "CUC_BTNN", to_role: "UBND_TINH" }),
    );
    assert.equal(r.rule, null);
    assert.ok((r.nearest ?? []).length > 0);
    assert.ok(r.nearest?.every((n) => n.why.length > 0));
  });
  test("KH 2021 mục II.6.2 — bậc đôn đốc tiếp theo khi UBND tỉnh không đôn đốc", () => {
    const r = btnnJson<{ rule: string; lead: string }>(
      "route",
      "--urging",
      tempJson([{ rung: "KH2021.II.6.1", outcome: "province_did_not_urge" }]),
    );
    assert.equal(r.rule, "KH2021.II.6.2");
    assert.equal(r.lead, "CUC_BTNN");
  });
  test("vai trò không tồn tại / trường lạ → một dòng lỗi nêu trường, mã thoát 2", () => {
    const a = btnn("route", "--file", tempJson({ kind: "guidance", from_role: "CUC_XYZ" }), "--json");
    assert.equal(a.code, 2);
    assert.match(a.stderr, /^Lỗi: from_role: /);
    assert.equal(a.stderr.trim().split("\n").length, 1);
    const b = btnn("route", "--file", tempJson({ kind: "guidance", from_role: "THADS_TINH", colour: "red" }), "--json");
    assert.equal(b.code, 2);
    assert.match(b.stderr, /colour/);
  });
  test("--help mô tả lược đồ tình huống", () => {
    const r = btnn("route", "--help");
    assert.equal(r.code, 0);
    for (const key of ["kind", "from_role", "to_role", "topic", "prior", "docs/routing.md"])
      assert.ok(r.stdout.includes(key), key);
  });
});
