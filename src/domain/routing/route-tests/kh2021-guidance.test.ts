import { describe } from "node:test";
import { KH2021_GUIDANCE_CASES } from "./cases/kh2021-guidance.ts";
import { ruleTest } from "./rule-case.ts";

describe("Điều phối theo KH 2021 mục II và III.2", () => {
  for (const c of KH2021_GUIDANCE_CASES) ruleTest(c);
});
