// A backup taken while concurrent writes go on restores to ONE consistent point in time: the restored database has
// every foreign relation, no half-written claim / task / register number, an intact audit chain, and each table's
// rows match exactly the audit rows of the same snapshot (the backup reads all tables in one REPEATABLE READ
// transaction on PostgreSQL; on PGlite the single connection serialises the transaction). `btnn backup` (CLI) is run
// against a live PostgreSQL database under load; on PGlite the running server holds the folder's lock, so the CLI
// must refuse with the lock message instead of reading a folder another process is writing.
// Used by backup-pglite.test.ts and backup-postgres.test.ts.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { verifyAuditChain } from "../../src/db/audit.ts";
import { type BackupHeader, backupDatabase, restoreDatabase } from "../../src/db/backup.ts";
import { type Engine, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";
import { findInconsistencies } from "./consistency.ts";
import { ApiClient, killChildren, prepareTarget, runBtnn, type Target } from "./harness.ts";
import { ackCount, burst, describeAcks, emptyAcks } from "./workload.ts";

/** Rows of each table against the audit rows that created them, in the same database. */
const SNAPSHOT_CHECKS: Array<[string, string, string]> = [
  [
    "claims",
    "select count(*)::int as n from claims",
    "select count(*)::int as n from audit_log where action = 'claim.create'",
  ],
  [
    "claim_events",
    "select count(*)::int as n from claim_events",
    `select (coalesce(sum(jsonb_array_length(after->'events')) filter (where action = 'claim.create'), 0)
       + count(*) filter (where action = 'claim.event.add'))::int as n from audit_log`,
  ],
  [
    "outgoing_register",
    "select count(*)::int as n from outgoing_register",
    "select count(*)::int as n from audit_log where action = 'register.allocate'",
  ],
  [
    "attachments",
    "select count(*)::int as n from attachments",
    "select count(*)::int as n from audit_log where action = 'document.issue'",
  ],
  [
    "plans",
    "select count(*)::int as n from plans",
    "select count(*)::int as n from audit_log where action = 'plan.create'",
  ],
  [
    "task_instances",
    "select count(*)::int as n from task_instances where task_id is not null",
    "select coalesce(sum((after->>'count')::int), 0)::int as n from audit_log where action = 'task_instance.create'",
  ],
];

async function count(database: Database, q: string): Promise<number> {
  const [r] = await database.query<{ n: number }>(q);
  return Number(r.n);
}

async function checkRestored(engine: Engine, file: string, header: BackupHeader) {
  const restored = await openTestDatabase({ engine });
  try {
    const r = await restoreDatabase(restored, file);
    for (const t of header.tables) assert.equal(r.tables[t.name], t.rows, t.name);
    assert.deepEqual(await findInconsistencies(restored), []);
    const audit = await verifyAuditChain(restored.db);
    assert.equal(audit.ok, true, JSON.stringify(audit));
    for (const [table, rows, audited] of SNAPSHOT_CHECKS)
      assert.equal(await count(restored, rows), await count(restored, audited), `${table}: dòng ≠ bản ghi kiểm toán`);
    return { claims: await count(restored, "select count(*)::int as n from claims") };
  } finally {
    await restored.close();
  }
}

/** One engine per test file (backup-pglite / backup-postgres) keeps each file bounded in time. */
export function backupUnderLoad(engine: Engine): void {
  const skip = engine === "postgres" && !process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL chưa đặt" : false;
  describe(`Sao lưu khi đang ghi (${engine})`, { skip }, () => {
    let target: Target | undefined;
    let source: Database | undefined;
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    after(async () => {
      await killChildren();
      await app?.close();
      await source?.close();
      await target?.cleanup();
    });

    test("Sao lưu giữa loạt ghi đồng thời khôi phục về đúng một thời điểm: quan hệ đầy đủ, chuỗi kiểm toán nguyên vẹn, số dòng khớp nhật ký", async (t) => {
      target = await prepareTarget(engine);
      source = await target.open();
      app = await buildApp({ database: source, config: {} });
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      const client = new ApiClient(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
      await client.login();

      const acks = emptyAcks();
      let backupsDone = false;
      let claimsWanted = Number.POSITIVE_INFINITY;
      // Writers run until the backups are done AND more claims were acknowledged after them.
      const writers = burst(client, acks, {
        workers: 4,
        prefix: "b",
        stop: () => backupsDone && acks.claims.size >= claimsWanted,
      });
      const waitAcks = async (n: number) => {
        while (ackCount(acks) < n || acks.claims.size < 2) await new Promise((r) => setTimeout(r, 20));
      };
      const files: Array<{ file: string; header: BackupHeader; acked: number }> = [];
      for (let i = 1; i <= 2; i++) {
        await waitAcks(15 * i);
        const file = join(target.dataDir, `in-process-${i}.jsonl.gz`);
        const acked = ackCount(acks);
        files.push({ file, header: await backupDatabase(source, file), acked });
      }
      if (engine === "postgres") {
        const cli = runBtnn(target, ["backup", join(target.dataDir, "cli.jsonl.gz"), "--json"]);
        const exit = await cli.exited;
        assert.equal(exit.code, 0, cli.output());
        const out = JSON.parse(cli.output().slice(cli.output().indexOf("{"))) as BackupHeader & { file: string };
        files.push({ file: out.file, header: out, acked: ackCount(acks) });
      } else {
        const cli = runBtnn(target, ["backup", join(target.dataDir, "cli.jsonl.gz")]);
        const exit = await cli.exited;
        assert.equal(exit.code, 2, cli.output());
        assert.match(cli.output(), /đang được một tiến trình khác sử dụng/);
      }
      claimsWanted = acks.claims.size + 2;
      backupsDone = true;
      const r = await writers;
      assert.deepEqual(r.refused, []);
      t.diagnostic(`đã xác nhận ${ackCount(acks)} thao tác ghi trong lúc sao lưu (${describeAcks(acks)})`);

      const finalClaims = await count(source, "select count(*)::int as n from claims");
      for (const f of files) {
        const got = await checkRestored(engine, f.file, f.header);
        // The snapshot lies inside the burst: some writes before it, more after it.
        assert.ok(got.claims > 0 && got.claims < finalClaims, `${f.file}: ${got.claims} / ${finalClaims} vụ việc`);
      }
    });
  });
}
