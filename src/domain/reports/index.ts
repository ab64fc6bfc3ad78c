// Public API of the reports module (pure): templates as data, consolidation, export content.
export * from "./build.ts";
export * from "./hierarchy.ts";
export * from "./templates.ts";
