import { describe } from "node:test";
import { KH2021_CASE_LISTS_MEETINGS_CASES } from "./cases/kh2021-case-lists-meetings.ts";
import { ruleTest } from "./rule-case.ts";

describe("Điều phối theo KH 2021 mục II và III.2", () => {
  for (const c of KH2021_CASE_LISTS_MEETINGS_CASES) ruleTest(c);
});
