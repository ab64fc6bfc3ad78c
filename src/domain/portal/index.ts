// Public API of the public-portal domain (issue 15): the guided check, where to file, limitation, papers.
export * from "./check.ts";
export * from "./consent.ts";
export * from "./damage-heads.ts";
export * from "./data-rights.ts";
export * from "./determination.ts";
export * from "./handling.ts";
export * from "./interview.ts";
export * from "./limitation.ts";
export * from "./papers.ts";
export * from "./receipt-code.ts";
export * from "./submission.ts";
