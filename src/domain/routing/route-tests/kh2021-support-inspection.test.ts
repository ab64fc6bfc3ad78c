import { describe } from "node:test";
import { KH2021_SUPPORT_INSPECTION_CASES } from "./cases/kh2021-support-inspection.ts";
import { ruleTest } from "./rule-case.ts";

describe("Điều phối theo KH 2021 mục II và III.2", () => {
  for (const c of KH2021_SUPPORT_INSPECTION_CASES) ruleTest(c);
});
