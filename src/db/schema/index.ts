// One schema for both engines (PGlite and PostgreSQL 15). Migrations in src/db/migrations are generated from it.
export * from "./agencies.ts";
export * from "./audit.ts";
export * from "./claim-statistics.ts";
export * from "./claims.ts";
export * from "./coordination.ts";
export * from "./identity.ts";
export * from "./inbox.ts";
export * from "./plans.ts";
export * from "./public-content.ts";
export * from "./public-submissions.ts";
export * from "./registers.ts";
export * from "./reporting.ts";
export * from "./requests.ts";
export * from "./system.ts";
