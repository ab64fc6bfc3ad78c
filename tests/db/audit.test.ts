// Audit trail: hash chain verifies; a modified, deleted or reordered row is detected (the append-only trigger must be
// disabled first — as only the table owner/superuser can); `btnn audit verify` exits 0 / 1 with the seq and reason.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { appendAudit, listAudit, verifyAuditChain } from "../../src/db/audit.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrate } from "../../src/db/migrate.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { CLI_NODE_FLAGS } from "../cli/run-cli.ts";
import { scopeFor } from "./fixtures.ts";

async function appendSome(database: Database, n: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await database.db.transaction(async (tx) => {
      await appendAudit(tx, {
        actor_agency_id: i % 2 ? "stp-thanh-hoa" : "cuc-btnn",
        action: "test.write",
        entity: "thing",
        entity_id: String(i),
        before: { n: i - 1 },
        after: { n: i, text: "Thanh Hóa — số tiền 650.000.000 đồng", nested: { b: 2, a: [1, "x"] } },
      });
    });
}

async function tamper(database: Database, statement: string): Promise<void> {
  await database.exec(
    `alter table audit_log disable trigger audit_log_no_update_delete; ${statement}; alter table audit_log enable trigger audit_log_no_update_delete;`,
  );
}

describe("audit trail filter by day (GET /api/audit, its export)", () => {
  test("from/to are Vietnam calendar days: 23:59 on the 1st (16:59 UTC) is the 1st, 00:00 on the 2nd (17:00 UTC) the 2nd", async () => {
    const database = await openTestDatabase();
    try {
      for (const at of ["2026-03-01T16:59:59Z", "2026-03-01T17:00:00Z", "2026-03-02T16:59:59Z", "2026-03-02T17:00:00Z"])
        await database.db.transaction((tx) => appendAudit(tx, { action: "test.day", entity: "day", at: new Date(at) }));
      const days = async (filter: { from?: string; to?: string }) =>
        (await listAudit(database.db, SYSTEM_SCOPE, { entity: "day", ...filter })).map((r) => r.seq);
      assert.deepEqual(await days({ from: "2026-03-02", to: "2026-03-02" }), [3, 2]);
      assert.deepEqual(await days({ to: "2026-03-01" }), [1]);
      assert.deepEqual(await days({ from: "2026-03-03" }), [4]);
    } finally {
      await database.close();
    }
  });
});

for (const engine of availableEngines()) {
  describe(`audit chain on ${engine}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase({ engine });
    });
    after(async () => {
      await database?.close();
    });

    test("an intact chain verifies; rows come back newest first and filtered by scope", async () => {
      await appendSome(database, 6);
      assert.deepEqual(await verifyAuditChain(database.db), { ok: true, checked: 6 });
      assert.deepEqual(await verifyAuditChain(database.db, { pageSize: 4 }), { ok: true, checked: 6 });
      const all = await listAudit(database.db, SYSTEM_SCOPE, { entity: "thing" });
      assert.deepEqual(
        all.map((r) => r.seq),
        [6, 5, 4, 3, 2, 1],
      );
      const th = await listAudit(database.db, scopeFor("stp-thanh-hoa"), {});
      assert.deepEqual(
        th.map((r) => r.seq),
        [5, 3, 1],
      );
    });

    test("a modified row is detected at its seq (the trigger refuses the change until disabled)", async () => {
      await assert.rejects(database.exec("update audit_log set action = 'x' where seq = 3"));
      await tamper(database, `update audit_log set after = '{"n": 999}'::jsonb where seq = 3`);
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok, false);
      assert.equal(r.broken_at, 3);
      assert.equal(r.checked, 2);
      assert.match(r.reason ?? "", /bị sửa/);
    });
  });

  describe(`audit chain deletions and reordering on ${engine}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase({ engine });
      await appendSome(database, 5);
    });
    after(async () => {
      await database?.close();
    });

    test("a deleted middle row is detected", async () => {
      await tamper(database, "delete from audit_log where seq = 2");
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok, false);
      assert.equal(r.broken_at, 2);
      assert.match(r.reason ?? "", /bị xóa/);
    });

    test("swapped rows (reordered seq) are detected", async () => {
      await tamper(
        database,
        "update audit_log set seq = 2 where seq = 4; update audit_log set seq = 4 where seq = 5; update audit_log set seq = 5 where seq = 2",
      );
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok, false);
      assert.equal(r.broken_at, 2);
    });
  });

  describe(`audit chain tail deletion on ${engine}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase({ engine });
      await appendSome(database, 3);
    });
    after(async () => {
      await database?.close();
    });
    test("deleting the newest row is detected through the chain head", async () => {
      await tamper(database, "delete from audit_log where seq = 3");
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok, false);
      assert.equal(r.broken_at, 3);
      assert.match(r.reason ?? "", /bản ghi cuối đã bị xóa/);
    });
  });
}

describe("btnn audit verify (CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "btnn-audit-cli-"));
  const pgliteDir = join(dir, "pglite");
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [...CLI_NODE_FLAGS, "src/cli/main.ts", "audit", ...args], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" },
      encoding: "utf8",
    });

  test("exit 0 on an intact chain, exit 1 with the seq and a Vietnamese reason after a row was modified", async () => {
    let database = await openDatabase({ dataDir: pgliteDir });
    await migrate(database);
    await appendSome(database, 3);
    await database.close();

    const ok = run("verify", "--json");
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), { ok: true, checked: 3 });

    database = await openDatabase({ dataDir: pgliteDir });
    await tamper(database, "update audit_log set actor_agency_id = 'stp-nghe-an' where seq = 2");
    await database.close();

    const broken = run("verify");
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /BỊ CAN THIỆP tại bản ghi số 2/);
    const json = run("verify", "--json");
    assert.equal(json.status, 1);
    assert.equal(JSON.parse(json.stdout).broken_at, 2);
  });
});
