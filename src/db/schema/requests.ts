// Requests between agencies (guidance, report_request, urging, legal_question, support_injured, document_forward, …)
// with the routing result (rule, lead, coordinators, forward_to, output, basis) and read receipts.
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { claims } from "./claims.ts";
import { users } from "./identity.ts";
import { taskInstances } from "./plans.ts";

export type RoutingResult = {
  rule?: string;
  lead?: string | null;
  coordinators?: string[];
  forward_to?: string[];
  output?: string;
  basis?: string;
  [key: string]: unknown;
};

export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    fromAgencyId: text("from_agency_id")
      .notNull()
      .references(() => agencies.id),
    toAgencyId: text("to_agency_id")
      .notNull()
      .references(() => agencies.id),
    topic: text("topic").notNull(),
    payload: jsonb("payload"),
    routing: jsonb("routing").$type<RoutingResult>(),
    status: text("status").notNull().default("open"),
    /** The request this one follows up (urging ladder: đôn đốc lần 1 → lần 2 …). */
    parentId: uuid("parent_id").references((): AnyPgColumn => requests.id),
    claimId: uuid("claim_id").references(() => claims.id),
    taskInstanceId: uuid("task_instance_id").references(() => taskInstances.id),
    due: date("due", { mode: "string" }),
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("requests_from_idx").on(t.fromAgencyId),
    index("requests_to_idx").on(t.toAgencyId),
    index("requests_parent_idx").on(t.parentId),
    index("requests_claim_idx").on(t.claimId),
  ],
);

export const requestReads = pgTable(
  "request_reads",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] })],
);
