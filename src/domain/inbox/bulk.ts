// Bulk actions of the work lists (issue 11 item 6): which lists, how many ids at once, and how a claim is given to an
// officer (the claim itself, so the deadlines it gets later follow the same officer).

/** The lists that carry bulk actions (assign, mark read, export) and saved filters. */
export const BULK_LISTS = ["requests", "tasks", "claims"] as const;
export type BulkList = (typeof BULK_LISTS)[number];

export const BULK_LIST_VI: Readonly<Record<BulkList, string>> = {
  requests: "yêu cầu phối hợp",
  tasks: "nhiệm vụ",
  claims: "vụ việc",
};

/** One bulk action touches at most this many records (one page of a list at its largest size). */
export const BULK_MAX_IDS = 200;

/** Assignment kind of a whole claim: its claim_deadline items carry the claim's officer unless assigned one by one. */
export const CLAIM_ASSIGNMENT_KIND = "claim";

/** The "due soon" view of a list: open records due within 5 working days (from today), or already past due. */
export const DUE_FILTERS = ["soon", "overdue"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
