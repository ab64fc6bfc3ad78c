// COORDINATION ROUTING as a table: one row per clause of KH 2021 §II (+ §III.2) and of the report flow of
// KH Thanh Hóa 2024 (§II.7, §III). Each row cites its clause and the legal text the clause cites, states its conditions
// (each with a Vietnamese description, used to explain "no rule" answers) and its output. Rows speak of ROLES only.
//
// Conventions:
// - A `prior` flag that is absent means the step did NOT happen (the requester states what has been done).
// - Guidance by the Sở Tư pháp counts as guidance by the UBND cấp tỉnh: Sở Tư pháp assists the UBND cấp tỉnh in guiding
//   (Thông tư 08/2019/TT-BTP Điều 4 khoản 2, legal-addendum §6).
// - The table is meant to have a unique hit: at most one row matches any situation (tested).

import type { Role } from "../agencies/roles.ts";
import { KHTH2024_REPORTING } from "./rules/kh-thanh-hoa-2024.ts";
import { KH2021_LISTS_MEETINGS } from "./rules/kh2021-case-lists-meetings.ts";
import { KH2021_GUIDANCE } from "./rules/kh2021-guidance.ts";
import { KH2021_SUPPORT_INSPECTION } from "./rules/kh2021-support-inspection.ts";
import { KH2021_TRAINING_REPORTS } from "./rules/kh2021-training-reports.ts";
import { KH2021_URGING } from "./rules/kh2021-urging.ts";
import type { RequestKind, Situation } from "./situation.ts";

export const OUTPUTS = ["letter", "report", "minutes", "decision", "notice", "case_list"] as const;
export type Output = (typeof OUTPUTS)[number];

export const OUTPUT_VI: Readonly<Record<Output, string>> = {
  letter: "công văn",
  report: "báo cáo",
  minutes: "biên bản",
  decision: "quyết định",
  notice: "thông báo",
  case_list: "danh mục vụ việc",
};

/** A role, or a role taken from the situation. */
export type RoleRef = Role | "$from" | "$to";

export interface Condition {
  /** Short machine key, e.g. "from_role", "prior.guided". */
  key: string;
  /** Vietnamese statement of the condition, e.g. "cơ quan gửi là Cục THADS hoặc Chi cục THADS". */
  vi: string;
  test: (s: Situation) => boolean;
}

export interface RoutingRule {
  id: string;
  /** Clause label as cited in test names and documents, e.g. "KH 2021 mục II.3.3.b". */
  clause: string;
  /** Plan clause plus the legal provision it cites. */
  basis: string;
  title_vi: string;
  title_en: string;
  /** Verbatim excerpt of the clause (Vietnamese). */
  quote: string;
  kind: RequestKind;
  conditions: Condition[];
  /** Cơ quan chủ trì. */
  lead: RoleRef;
  /** Cơ quan phối hợp. */
  coordinators: RoleRef[];
  /** Where the request (or a copy) is forwarded. */
  forward_to: RoleRef[];
  /** Addressees of the output. */
  recipients: RoleRef[];
  output: Output;
  /** Thời gian thực hiện (as the plan states it). */
  timing?: string;
  note?: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// The table, one file per family of clauses (rules/*.ts), in the plans' order.

export const ROUTING_RULES: readonly RoutingRule[] = [
  ...KH2021_LISTS_MEETINGS,
  ...KH2021_GUIDANCE,
  ...KH2021_TRAINING_REPORTS,
  ...KH2021_URGING,
  ...KH2021_SUPPORT_INSPECTION,
  ...KHTH2024_REPORTING,
];

const BY_ID = new Map(ROUTING_RULES.map((r) => [r.id, r]));

export function getRule(id: string): RoutingRule | undefined {
  return BY_ID.get(id);
}
