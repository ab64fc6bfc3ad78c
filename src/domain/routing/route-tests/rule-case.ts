// One expected routing per plan clause, written out from the plan text independently of the rule table, and the test
// that checks route() against it. The cases live in ./cases (one module per clause family, as in ../rules) so that the
// rule-table guard can see every case without running the family test files.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type RouteResult, route } from "../route.ts";
import { getRule } from "../rules.ts";

type Expected = Pick<RouteResult, "lead" | "coordinators" | "forward_to" | "output"> & {
  recipients?: RouteResult["recipients"];
  /** A citation the basis must contain (from the plan text, written out independently of the table). */
  cites: string[];
};

export interface RuleCase {
  id: string;
  description: string;
  situation: unknown;
  expected: Expected;
}

/** "<clause> — <what> (<rule id>)": the rule-count guard finds a rule's test by the id at the end. */
export function ruleTestName(c: RuleCase): string {
  const clause = getRule(c.id)?.clause ?? c.id;
  return `${clause} — ${c.description} (${c.id})`;
}

export function ruleTest(c: RuleCase): void {
  const { id, situation, expected } = c;
  test(ruleTestName(c), () => {
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
