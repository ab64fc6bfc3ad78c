export * from "./mask.ts";
export * from "./permissions.ts";
export * from "./scope.ts";
