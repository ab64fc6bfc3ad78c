// Public API of the plans module (pure): plan text → structured plan, timing phrase → Schedule, Schedule → instances.
export { parseAgencyList, splitLead } from "./agencies.ts";
export { type ImportOptions, importPlan } from "./import.ts";
export { type ParseOptions, parsePlan } from "./parse.ts";
export { BUILTIN_ALIASES, collectDocumentAliases, type DocumentAliases, extractReferences } from "./references.ts";
export { DEFAULT_REPORTING_PERIOD, type ExpandOptions, expandSchedule, periodLabel } from "./schedule.ts";
export { parseTiming, type TimingOptions } from "./timing.ts";
export type * from "./types.ts";
