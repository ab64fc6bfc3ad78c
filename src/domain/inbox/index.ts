export * from "./bulk.ts";
export * from "./kinds.ts";
