// Migrations apply on every available engine; the PGlite data folder lock refuses a second opener.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { openDatabase } from "../../src/db/connect.ts";
import { DatabaseLockedError, LOCK_FILE } from "../../src/db/lock.ts";
import { appliedMigrationCount, latestMigrationId, migrate, migrationJournal } from "../../src/db/migrate.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";

const EXPECTED_TABLES = [
  "agencies",
  "agency_successors",
  "attachments",
  "audit_head",
  "audit_log",
  "case_list_snapshots",
  "claim_corrections",
  "claim_counters",
  "claim_deadlines",
  "claim_documents",
  "claim_events",
  "claim_pending_deadlines",
  "claim_statistics",
  "claims",
  "derived_versions",
  "evaluation_assessments",
  "evaluation_sets",
  "idempotency_keys",
  "incoming_counters",
  "incoming_register",
  "inspection_followups",
  "inspections",
  "job_run",
  "login_attempts",
  "meetings",
  "memberships",
  "notification_mails",
  "notification_reads",
  "notification_settings",
  "notifications",
  "outgoing_counters",
  "outgoing_register",
  "password_reset_tokens",
  "plan_tasks",
  "plans",
  "public_attempts",
  "public_content",
  "public_data_requests",
  "public_submission_files",
  "public_submission_steps",
  "public_submissions",
  "report_rounds",
  "report_submissions",
  "report_templates",
  "request_copies",
  "request_reads",
  "requests",
  "roles",
  "saved_filters",
  "sessions",
  "task_comments",
  "task_instance_coordinators",
  "task_instances",
  "trainings",
  "upload_blobs",
  "users",
  "work_assignments",
];

for (const engine of availableEngines()) {
  describe(`migrations on ${engine}`, () => {
    let database: Database;
    after(async () => {
      await database?.close();
    });

    test("every migration of the journal is applied and every table exists", async () => {
      database = await openTestDatabase({ engine });
      assert.equal(await appliedMigrationCount(database), migrationJournal().entries.length);
      const rows = await database.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
      );
      assert.deepEqual(
        rows.map((r) => r.table_name),
        EXPECTED_TABLES,
      );
      assert.match(latestMigrationId(), /^\d{4}_/);
    });

    test("migrate is idempotent (a second run applies nothing and keeps the roles)", async () => {
      await migrate(database);
      assert.equal(await appliedMigrationCount(database), migrationJournal().entries.length);
      const roles = await database.query<{ code: string }>("select code from roles order by code");
      assert.deepEqual(
        roles.map((r) => r.code),
        ["agency_admin", "leader", "officer", "system_admin", "viewer"],
      );
    });

    test("audit_log rejects UPDATE and DELETE (append-only trigger)", async () => {
      await database.exec(
        "insert into audit_log (seq, prev_hash, hash, at, action, entity) values (999, 'x', 'y', now(), 'test', 'test')",
      );
      await assert.rejects(database.exec("update audit_log set action = 'changed' where seq = 999"), /append-only/);
      await assert.rejects(database.exec("delete from audit_log where seq = 999"), /append-only/);
      const rows = await database.query<{ action: string }>("select action from audit_log where seq = 999");
      assert.deepEqual(rows, [{ action: "test" }]);
    });
  });
}

describe("PGlite data folder lock (btnn.lock)", () => {
  const dir = mkdtempSync(join(tmpdir(), "btnn-lock-"));
  let first: Database | undefined;
  after(async () => {
    await first?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a second opener of the same folder gets a Vietnamese error; after close the folder opens again", async () => {
    first = await openDatabase({ dataDir: dir });
    await assert.rejects(openDatabase({ dataDir: dir }), (e: unknown) => {
      assert.ok(e instanceof DatabaseLockedError);
      assert.match((e as Error).message, /đang được một tiến trình khác sử dụng/);
      return true;
    });
    await first.close();
    first = await openDatabase({ dataDir: dir });
    assert.deepEqual(await first.query("select 1 as one"), [{ one: 1 }]);
  });

  test("a lock left by a dead process is taken over", async () => {
    await first?.close();
    first = undefined;
    writeFileSync(join(dir, LOCK_FILE), "999999999\n");
    first = await openDatabase({ dataDir: dir });
    assert.deepEqual(await first.query("select 2 as two"), [{ two: 2 }]);
  });
});
