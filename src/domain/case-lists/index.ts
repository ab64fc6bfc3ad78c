export {
  buildCaseList,
  CASE_LIST_KINDS,
  CASE_LIST_RULES,
  type CaseList,
  type CaseListKind,
  type CaseListRow,
  CLOSING_EVENTS,
  type ClaimHistoryFacts,
  isMember,
  LAW_2017_IN_FORCE,
  type Period,
  parsePeriod,
} from "./membership.ts";
