import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type RouteResult, route } from "../route.ts";
import { KHTH2024_CASES } from "./cases/kh-thanh-hoa-2024.ts";
import { ruleTest } from "./rule-case.ts";

describe("Luồng báo cáo theo KH Thanh Hóa 2024", () => {
  for (const c of KHTH2024_CASES) ruleTest(c);

  test("KH Thanh Hóa 2024 mục III.2 — sở, ban, ngành cấp tỉnh cũng gửi Sở Tư pháp", () => {
    const r = route({ kind: "report", from_role: "SO_NGANH" });
    assert.equal(r.rule, "KHTH2024.III.2");
    assert.deepEqual((r as RouteResult).forward_to, ["SO_TU_PHAP"]);
  });
});
