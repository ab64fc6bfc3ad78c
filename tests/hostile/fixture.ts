// Shared pieces of the hostile-input suites: a fixture on a chosen engine (PGlite / PostgreSQL) with the HTTP test
// users, row counts of the main tables (a rejected request must leave every one unchanged) and the error-shape check.
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { createClaim } from "../../src/db/repositories/claims.ts";
import { saveSelfAssessment } from "../../src/db/repositories/evaluation.ts";
import { createInspection, recordResult } from "../../src/db/repositories/inspections.ts";
import { createMeeting } from "../../src/db/repositories/meetings.ts";
import { createPlan, createTaskInstances } from "../../src/db/repositories/plans.ts";
import { openRound } from "../../src/db/repositories/reports.ts";
import { createRequest } from "../../src/db/repositories/requests.ts";
import { createTraining } from "../../src/db/repositories/trainings.ts";
import { type Engine, openTestDatabase } from "../../src/db/testing.ts";
import type { AppDb, Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { type BuildAppOptions, buildApp, type HttpConfig } from "../../src/http/app.ts";
import { FIXTURE_AGENCIES, seedFixtureUsers } from "../http/helpers.ts";

export { Client, PASSWORD, signedIn } from "../http/helpers.ts";

export type HostileFixture = {
  engine: Engine;
  database: Database;
  app: FastifyInstance;
  userIds: Record<string, string>;
  close(): Promise<void>;
};

/** The HTTP test fixture (tests/http/helpers.ts) on an explicit engine, optionally with a DATA_DIR. */
export async function hostileFixture(
  engine: Engine,
  opts: {
    config?: HttpConfig;
    agencies?: readonly string[];
    skipAgencies?: boolean;
    /** Clock and public-portal rate limits (tests/hostile/public-portal.test.ts). */
    app?: Pick<BuildAppOptions, "now" | "publicLimits">;
  } = {},
): Promise<HostileFixture> {
  const database = await openTestDatabase({ engine });
  const db = database.db;
  const userIds = await seedFixtureUsers(db, opts.skipAgencies ? false : (opts.agencies ?? FIXTURE_AGENCIES));
  const app = await buildApp({ database, config: opts.config ?? {}, ...opts.app });
  await app.ready();
  return {
    engine,
    database,
    app,
    userIds,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Tables a request could write to; a rejected request leaves every count unchanged. */
export const MAIN_TABLES = [
  "audit_log",
  "agencies",
  "users",
  "memberships",
  "claims",
  "claim_events",
  "claim_deadlines",
  "plans",
  "plan_tasks",
  "task_instances",
  "task_comments",
  "attachments",
  "upload_blobs",
  "requests",
  "request_copies",
  "case_list_snapshots",
  "meetings",
  "outgoing_register",
  "incoming_register",
  "report_templates",
  "report_rounds",
  "report_submissions",
  "evaluation_assessments",
  "inspections",
  "inspection_followups",
  "trainings",
  "notifications",
] as const;

/** Row counts of MAIN_TABLES in one statement. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const sql = `select ${MAIN_TABLES.map((t) => `(select count(*)::int from ${t}) as "${t}"`).join(", ")}`;
  const [row] = await database.query<Record<string, number>>(sql);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** Also the row versions: an update that was refused must not have bumped anything. */
export async function versionSum(database: Database): Promise<number> {
  const [row] = await database.query<{ v: number }>(
    `select (select coalesce(sum(version),0) from claims) + (select coalesce(sum(version),0) from plans)
          + (select coalesce(sum(version),0) from requests) + (select coalesce(sum(version),0) from task_instances) as v`,
  );
  return Number(row.v);
}

export type ErrorBody = { error: string; code: string; issues: Array<{ path: string; message: string }> };

const VI = /[\u00C0-\u1EF9]/u;

/** The API's one error shape: Vietnamese message with diacritics, a code, an issues array (paths are JSON pointers). */
export function assertErrorShape(body: unknown, where: string): asserts body is ErrorBody {
  const b = body as ErrorBody;
  assert.equal(typeof b?.error, "string", `${where}: error is a string`);
  assert.match(b.error, VI, `${where}: Vietnamese message with diacritics: ${b.error}`);
  assert.equal(typeof b.code, "string", `${where}: code`);
  assert.ok(Array.isArray(b.issues), `${where}: issues array`);
  for (const i of b.issues) {
    assert.equal(typeof i.path, "string", `${where}: issue path`);
    assert.ok(i.path === "" || i.path.startsWith("/"), `${where}: issue path is a JSON pointer: ${i.path}`);
    assert.equal(typeof i.message, "string", `${where}: issue message`);
  }
}

/** One object of every kind with an id in the URL, owned by the Thanh Hóa (`in`) or Hà Nội (`out`) agencies. */
export type Objects = Record<
  | "claim"
  | "plan"
  | "task"
  | "instance"
  | "request"
  | "meeting"
  | "round"
  | "inspection"
  | "followup"
  | "assessment"
  | "training",
  string
> & { stp: string; thads: string };

export async function createObjects(db: AppDb, side: "in" | "out"): Promise<Objects> {
  const stp = side === "in" ? "stp-thanh-hoa" : "stp-ha-noi";
  const thads = side === "in" ? "thads-thanh-hoa" : "thads-ha-noi";
  const claim = await createClaim(db, SYSTEM_SCOPE, {
    field: "civil_enforcement",
    handling_agency_id: thads,
    claimant_name: "Nguyễn Văn Thử",
    claimant_id_number: "038090001234",
    events: [{ type: "received", date: "2024-03-01" }],
  });
  const plan = await createPlan(db, SYSTEM_SCOPE, {
    agency_id: stp,
    title: "KH thử tấn công",
    year: 2024,
    tasks: [{ content: "Nhiệm vụ 1" }],
  });
  const [instance] = await createTaskInstances(db, SYSTEM_SCOPE, [{ task_id: plan.tasks[0].id, agency_id: thads }]);
  const request = await createRequest(db, SYSTEM_SCOPE, {
    kind: "guidance",
    from_agency_id: stp,
    to_agency_id: "cuc-btnn",
    topic: "Hỏi hướng dẫn",
  });
  const meeting = await createMeeting(db, SYSTEM_SCOPE, {
    agency_id: stp,
    variant: "meeting",
    topic: "vụ việc phức tạp",
    held_on: "2024-03-04",
    venue: "Trụ sở",
    participant_agency_ids: [thads],
    agenda: ["Rà soát"],
    claim_ids: [],
  });
  const round = await openRound(db, SYSTEM_SCOPE, {
    template_id: "quick-figures",
    period_kind: "custom",
    year: 2024,
    from: "2024-01-01",
    to: "2024-06-30",
    deadline: "2024-07-15",
    agency_id: stp,
    participant_ids: [thads],
  });
  const ins = await createInspection(db, SYSTEM_SCOPE, {
    title: "Kiểm tra công tác BTNN",
    lead_agency_id: stp,
    year: 2024,
    team: [{ name: "Nguyễn Văn Trưởng Đoàn", title: "Phó Giám đốc", role: "leader" as const }],
    targets: [{ agency_id: thads, date: "2024-09-10" }],
  });
  const done = await recordResult(db, SYSTEM_SCOPE, ins.id, {
    findings: [{ target_agency_id: thads, text: "Đơn vị thực hiện đúng quy định." }],
    recommendations: [{ target_agency_id: thads, recommendation: "Cập nhật sổ thụ lý." }],
  });
  const a = await saveSelfAssessment(
    db,
    SYSTEM_SCOPE,
    { set_id: "qd-3062-2019", year: 2024, agency_id: stp, submit: true },
    { today: "2024-12-15" },
  );
  const training = await createTraining(db, SYSTEM_SCOPE, {
    kind: "training",
    title: "Tập huấn Luật TNBTCNN",
    organiser_agency_id: stp,
    date: "2024-05-10",
    participants: 40,
  });
  return {
    stp,
    thads,
    training: training.id,
    claim: claim.id,
    plan: plan.id,
    task: plan.tasks[0].id,
    instance: instance.id,
    request: request.id,
    meeting: meeting.id,
    round: round.id,
    inspection: ins.id,
    followup: done.followups[0].id,
    assessment: a.id,
  };
}
