export {
  citationOf,
  type LegalGround,
  PLAN_DOCUMENTS,
  PLAN_UNVERIFIED_LEGEND,
  type PlanDocument,
  type PlanId,
  planDocumentText,
  type RuleCitation,
  ruleCitation,
} from "./citation.ts";
export { renderRoleTableMarkdown, renderRuleTableMarkdown } from "./markdown.ts";
export {
  isRouted,
  matchingRules,
  type NearestRule,
  type NoRoute,
  type RouteResult,
  route,
  routeSituation,
} from "./route.ts";
export {
  type Condition,
  getRule,
  OUTPUT_VI,
  OUTPUTS,
  type Output,
  ROUTING_RULES,
  type RoleRef,
  type RoutingRule,
} from "./rules.ts";
export {
  LAWS,
  type LawVersion,
  MONITORING_GROUNDS,
  type Prior,
  parseSituation,
  priorSchema,
  REQUEST_KIND_VI,
  REQUEST_KINDS,
  type RequestKind,
  type Situation,
  situationSchema,
  TOPICS,
  type Topic,
  URGING_GROUNDS,
} from "./situation.ts";
export {
  type NextUrgingRung,
  nextUrgingRung,
  URGING_OUTCOMES,
  URGING_RUNGS,
  type UrgingOutcome,
  type UrgingRung,
  type UrgingStep,
  urgingHistorySchema,
} from "./urging.ts";
