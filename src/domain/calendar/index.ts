// Public API of the calendar module.
export * from "./holidays.ts";
export * from "./lunar.ts";
export * from "./notices.ts";
export * from "./periods.ts";
export type * from "./types.ts";
export * from "./work-calendar.ts";
