// Reporting: report templates and rounds with per-agency submissions (seed 001 §III, TT 08/2019 Điều 24–25),
// evaluation criteria sets and assessments (QĐ 3062/QĐ-BTP), inspections with follow-up records (seed 000 §II.10,
// seed 001 §II.6) and trainings / dissemination events (seed 000 §II.4, seed 001 §II.1–2).
// Figures are never typed: a submission stores the snapshot DERIVED from the claims when it was submitted.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { users } from "./identity.ts";

/** Ad-hoc report templates (the built-in ones live in src/domain/reports as data). Definition validated by zod. */
export const reportTemplates = pgTable("report_templates", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  definition: jsonb("definition").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const reportRounds = pgTable(
  "report_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    templateId: text("template_id").notNull(),
    periodKind: text("period_kind").notNull(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    /** Last day to submit (after the roll-over of TT 08/2019 Điều 25 khoản 3). */
    deadline: date("deadline", { mode: "string" }).notNull(),
    deadlineExplanation: jsonb("deadline_explanation"),
    /** Agency that opened the round and consolidates it (CUC_BTNN or SO_TU_PHAP). */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Round of the level above that this round feeds (a province round under a national one). */
    parentRoundId: uuid("parent_round_id"),
    status: text("status").notNull().default("open"),
    /** Consolidated figures and narrative (set by consolidate). */
    consolidated: jsonb("consolidated"),
    consolidatedOn: date("consolidated_on", { mode: "string" }),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("report_rounds_agency_idx").on(t.agencyId),
    check("report_rounds_status_ck", sql`${t.status} in ('open','consolidated','closed')`),
    check("report_rounds_period_ck", sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

export const reportSubmissions = pgTable(
  "report_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reportRounds.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    status: text("status").notNull().default("pending"),
    /** Snapshot of the derived figures at submission: { total: {key: value}, by_field: {...}, claim_ids: {...} }. */
    figures: jsonb("figures"),
    /** Narrative: results, difficulties, causes, proposals, solutions (keys of the template's narrative sections). */
    narrative: jsonb("narrative"),
    submittedOn: date("submitted_on", { mode: "string" }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    late: boolean("late").notNull().default(false),
    /** Reminders (đôn đốc) sent: [{ on, by_agency_id, note }]. */
    reminders: jsonb("reminders").$type<Array<{ on: string; by_agency_id: string | null; note: string | null }>>(),
    /** Returns (trả lại) by the round's opener for revision: [{ on, by_agency_id, reason }]. */
    returns: jsonb("returns").$type<Array<{ on: string; by_agency_id: string | null; reason: string }>>(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("report_submissions_round_agency_uq").on(t.roundId, t.agencyId),
    index("report_submissions_agency_idx").on(t.agencyId),
    check("report_submissions_status_ck", sql`${t.status} in ('pending','draft','submitted','returned')`),
  ],
);

/** Criteria sets (QĐ 3062/QĐ-BTP) as data; built-in sets are upserted from src/domain/evaluation. */
export const evaluationSets = pgTable("evaluation_sets", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  confidence: text("confidence").notNull().default("unverified"),
  definition: jsonb("definition").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const evaluationAssessments = pgTable(
  "evaluation_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    setId: text("set_id").notNull(),
    year: integer("year").notNull(),
    /** Assessed agency (a province: its Sở Tư pháp). */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Self-assessment (Phụ lục I) and ministry review (Phụ lục II): { criterion_code: { points, reason?, evidence? } }. */
    selfScores: jsonb("self_scores"),
    reviewScores: jsonb("review_scores"),
    selfTotal: numeric("self_total", { mode: "number" }),
    reviewTotal: numeric("review_total", { mode: "number" }),
    status: text("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("evaluation_assessments_uq").on(t.setId, t.year, t.agencyId),
    check("evaluation_assessments_status_ck", sql`${t.status} in ('draft','self_submitted','reviewed')`),
  ],
);

export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    /** Lead agency (cơ quan chủ trì) and coordinators. */
    leadAgencyId: text("lead_agency_id")
      .notNull()
      .references(() => agencies.id),
    coordinatorAgencyIds: jsonb("coordinator_agency_ids").$type<string[]>(),
    year: integer("year").notNull(),
    basis: text("basis"),
    /** Team (đoàn kiểm tra): [{ name, title, agency_id, role }]. */
    team: jsonb("team"),
    /** Targets (đối tượng kiểm tra) and schedule: [{ agency_id, date, content }]. */
    targets: jsonb("targets"),
    /** Findings (kết quả kiểm tra): [{ target_agency_id, text }]. */
    findings: jsonb("findings"),
    status: text("status").notNull().default("planned"),
    reportDate: date("report_date", { mode: "string" }),
    /** Exchange of results between the lead agencies (seed 000 §II.10): [{ agency_id, on, note }]. */
    sharedWith: jsonb("shared_with"),
    planTaskId: uuid("plan_task_id"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("inspections_lead_idx").on(t.leadAgencyId),
    check("inspections_status_ck", sql`${t.status} in ('planned','in_progress','reported','closed')`),
  ],
);

/** Recommendations (kiến nghị) of an inspection, each a follow-up record for the inspected agency. */
export const inspectionFollowups = pgTable(
  "inspection_followups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    targetAgencyId: text("target_agency_id")
      .notNull()
      .references(() => agencies.id),
    recommendation: text("recommendation").notNull(),
    due: date("due", { mode: "string" }),
    status: text("status").notNull().default("open"),
    doneOn: date("done_on", { mode: "string" }),
    result: text("result"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("inspection_followups_inspection_idx").on(t.inspectionId),
    index("inspection_followups_target_idx").on(t.targetAgencyId),
    check("inspection_followups_status_ck", sql`${t.status} in ('open','done','cancelled')`),
  ],
);

/** Trainings (tập huấn, bồi dưỡng) and dissemination (tuyên truyền, phổ biến) events. */
export const trainings = pgTable(
  "trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    organiserAgencyId: text("organiser_agency_id")
      .notNull()
      .references(() => agencies.id),
    coOrganiserAgencyIds: jsonb("co_organiser_agency_ids").$type<string[]>(),
    date: date("date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    location: text("location"),
    audience: text("audience"),
    participants: integer("participants").notNull().default(0),
    /** Participants per group, e.g. { "cán bộ THADS": 40, "công chức tư pháp xã": 25 }. */
    participantGroups: jsonb("participant_groups"),
    /** Materials: [{ title, kind?, url? }]. */
    materials: jsonb("materials"),
    planTaskId: uuid("plan_task_id"),
    basis: text("basis"),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("trainings_organiser_idx").on(t.organiserAgencyId),
    index("trainings_date_idx").on(t.date),
    check("trainings_kind_ck", sql`${t.kind} in ('training','dissemination')`),
    check("trainings_participants_ck", sql`${t.participants} >= 0`),
  ],
);
