// Claims repository: one file per verb family under claims/ (model, create, read, update, events, recompute,
// import); this module is their public face, so callers import from one place.

export * from "./claims/create.ts";
export * from "./claims/events.ts";
export * from "./claims/import.ts";
export {
  auditForm,
  CLOSED_PHASES,
  type ClaimCorrectionDto,
  type ClaimDeadlineDto,
  type ClaimDetail,
  type ClaimDto,
  type ClaimEventDto,
  type ClaimEventInput,
  type ClaimInput,
  type ClaimPatch,
  checkAmount,
  checkFieldLaw,
  claimCode,
  claimSearchText,
  eventDto,
  factsFromEvents,
  historyOf,
  loadEvents,
  lockClaim,
  mergeExtensions,
  PATCH_COLUMNS,
  requireClaimAgencies,
  stateColumns,
  storeDeadlines,
} from "./claims/model.ts";
export * from "./claims/read.ts";
export * from "./claims/recompute.ts";
export * from "./claims/update.ts";
