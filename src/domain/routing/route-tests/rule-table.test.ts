import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { ROLES } from "../../agencies/roles.ts";
import { matchingRules } from "../route.ts";
import { ROUTING_RULES } from "../rules.ts";
import { LAWS, MONITORING_GROUNDS, REQUEST_KINDS, type Situation, TOPICS } from "../situation.ts";
import { ALL_RULE_CASES } from "./cases/index.ts";
import { ruleTestName } from "./rule-case.ts";

// The names and situations of the per-rule tests (registered by the family test files beside this one).
const ruleTestNames = ALL_RULE_CASES.map(ruleTestName);
const ruleTestSituations = ALL_RULE_CASES.map((c) => c.situation as Record<string, unknown>);

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
