// Every expected routing, for the rule-table properties and the rule-count guard (route-tests/rule-table.test.ts).
import { KHTH2024_CASES } from "./kh-thanh-hoa-2024.ts";
import { KH2021_CASE_LISTS_MEETINGS_CASES } from "./kh2021-case-lists-meetings.ts";
import { KH2021_GUIDANCE_CASES } from "./kh2021-guidance.ts";
import { KH2021_SUPPORT_INSPECTION_CASES } from "./kh2021-support-inspection.ts";
import { KH2021_TRAINING_REPORTS_CASES } from "./kh2021-training-reports.ts";
import { KH2021_URGING_CASES } from "./kh2021-urging.ts";

export const ALL_RULE_CASES = [
  ...KH2021_CASE_LISTS_MEETINGS_CASES,
  ...KH2021_GUIDANCE_CASES,
  ...KH2021_TRAINING_REPORTS_CASES,
  ...KH2021_URGING_CASES,
  ...KH2021_SUPPORT_INSPECTION_CASES,
  ...KHTH2024_CASES,
];
