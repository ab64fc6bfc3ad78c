// Plans (kế hoạch), their numbered tasks, and task instances (one per executing agency / period).
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { users } from "./identity.ts";

export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Issuing agency. */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Document number/symbol, e.g. "123/KH-BTP". */
    number: text("number"),
    title: text("title").notNull(),
    year: integer("year").notNull(),
    issuedOn: date("issued_on", { mode: "string" }),
    /** Căn cứ lines (legal_basis). */
    legalBasis: jsonb("legal_basis"),
    sourceText: text("source_text"),
    status: text("status").notNull().default("draft"),
    /** Reporting period of its continuous ("Thường xuyên") tasks: month | quarter | half_year | year. */
    reportingPeriod: text("reporting_period").notNull().default("half_year"),
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("plans_agency_idx").on(t.agencyId), index("plans_year_idx").on(t.year)],
);

export const planTasks = pgTable(
  "plan_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    position: integer("position").notNull(),
    /** Item reference in the plan, e.g. "II.3.3.b". */
    ref: text("ref"),
    content: text("content").notNull(),
    leadAgencyId: text("lead_agency_id").references(() => agencies.id),
    /** Lead as a role code when the plan names a role rather than one agency. */
    leadRole: text("lead_role"),
    coordinatorAgencyIds: jsonb("coordinator_agency_ids").$type<string[]>(),
    coordinatorRoles: jsonb("coordinator_roles").$type<string[]>(),
    /** Thời gian thực hiện as written, and its parsed Schedule. */
    timing: text("timing"),
    schedule: jsonb("schedule"),
    expectedOutput: text("expected_output"),
    basis: text("basis"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("plan_tasks_plan_idx").on(t.planId), index("plan_tasks_lead_idx").on(t.leadAgencyId)],
);

export const taskInstances = pgTable(
  "task_instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The plan task; null for a task created by a request (`request_id`) or a meeting. */
    taskId: uuid("task_id").references(() => planTasks.id),
    /** Request that created this task (routing: lead / coordinators). No FK here to keep the schema modules acyclic. */
    requestId: uuid("request_id"),
    /** Title of a task that has no plan task (e.g. "Hướng dẫn nghiệp vụ theo đề nghị …"). */
    title: text("title"),
    /** Clause the task comes from, e.g. "KH 2021 mục II.3.1". */
    basis: text("basis"),
    /** Executing agency of this instance (the assignee). */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    leadAgencyId: text("lead_agency_id").references(() => agencies.id),
    coordinatorAgencyIds: jsonb("coordinator_agency_ids").$type<string[]>(),
    periodLabel: text("period_label"),
    due: date("due", { mode: "string" }),
    status: text("status").notNull().default("pending"),
    evidence: jsonb("evidence"),
    completedOn: date("completed_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("task_instances_task_idx").on(t.taskId),
    index("task_instances_agency_idx").on(t.agencyId),
    index("task_instances_due_idx").on(t.due),
    index("task_instances_request_idx").on(t.requestId),
  ],
);

/**
 * A coordinating agency's own part in one occurrence (the occurrence itself belongs to the lead agency): its status and
 * notes, updated by that agency only, with its own version so the lead and each coordinator never overwrite each other.
 */
export const taskInstanceCoordinators = pgTable(
  "task_instance_coordinators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskInstanceId: uuid("task_instance_id")
      .notNull()
      .references(() => taskInstances.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    status: text("status").notNull().default("pending"),
    note: text("note"),
    completedOn: date("completed_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("task_instance_coordinators_uq").on(t.taskInstanceId, t.agencyId),
    index("task_instance_coordinators_agency_idx").on(t.agencyId),
  ],
);
