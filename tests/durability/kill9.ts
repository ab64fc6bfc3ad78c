// kill -9 of `btnn serve` in the middle of a burst of concurrent writes, twice, then a restart on the same data:
// every acknowledged write is there, nothing is half-written, the register has no gap and no duplicate, the audit
// chain verifies. Shared by kill9-pglite.test.ts and kill9-postgres.test.ts (one engine per file keeps each bounded).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { verifyAuditChain } from "../../src/db/audit.ts";
import { LOCK_FILE } from "../../src/db/lock.ts";
import type { Engine } from "../../src/db/testing.ts";
import { findInconsistencies, missingAcknowledged } from "./consistency.ts";
import { AGENCY, ApiClient, killChildren, prepareTarget, type Server, startServer, type Target } from "./harness.ts";
import { type Acks, ackCount, burst, describeAcks, emptyAcks, YEAR } from "./workload.ts";

/** Acknowledged writes per burst before the kill (the kill lands while the other workers' writes are in flight). */
const WRITES_PER_BURST = 40;
const WORKERS = 6;
// One crash per run keeps the file bounded (two server starts); BTNN_DURABILITY_CRASHES=3 for a longer soak.
const CRASHES = Number(process.env.BTNN_DURABILITY_CRASHES ?? 1);

async function burstThenKill(server: Server, acks: Acks, prefix: string) {
  const client = new ApiClient(server.base);
  await client.login();
  const start = ackCount(acks);
  let killed = false;
  const t0 = Date.now();
  const watch = setInterval(() => {
    // Bound: kill anyway after 60 s (a very slow machine); the test then checks whatever was acknowledged.
    if (!killed && (ackCount(acks) - start >= WRITES_PER_BURST || Date.now() - t0 > 60_000)) {
      killed = true;
      server.child.kill("SIGKILL");
    }
  }, 5);
  try {
    const r = await burst(client, acks, { workers: WORKERS, stop: () => killed, prefix });
    const exit = await server.exited;
    return { ...r, acknowledged: ackCount(acks) - start, signal: exit.signal };
  } finally {
    clearInterval(watch);
  }
}

export function killDuringWrites(engine: Engine): void {
  const skip = engine === "postgres" && !process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL chưa đặt" : false;
  describe(`Độ bền khi tiến trình máy chủ bị kill -9 (${engine})`, { skip }, () => {
    let target: Target | undefined;
    after(async () => {
      await killChildren();
      await target?.cleanup();
    });

    test("kill -9 giữa loạt ghi đồng thời: mọi thao tác đã xác nhận còn nguyên, không bản ghi dở, sổ văn bản đi liên tục, nhật ký kiểm toán nguyên vẹn", async (t) => {
      let t0 = Date.now();
      const lap = (what: string) => {
        t.diagnostic(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        t0 = Date.now();
      };
      target = await prepareTarget(engine);
      lap("chuẩn bị cơ sở dữ liệu");
      const acks = emptyAcks();
      for (let round = 1; round <= CRASHES; round++) {
        const server = await startServer(target);
        lap(`khởi động lần ${round}`);
        if (round > 1 && engine === "pglite")
          assert.doesNotMatch(
            server.output(),
            /đang được một tiến trình khác sử dụng/,
            "khóa cũ của tiến trình đã chết",
          );
        const r = await burstThenKill(server, acks, `r${round}`);
        t.diagnostic(
          `lần ${round}: ${r.acknowledged} thao tác được xác nhận, ${r.unanswered} yêu cầu đang chạy khi bị kill (${describeAcks(acks)})`,
        );
        lap(`loạt ghi lần ${round}`);
        assert.equal(r.signal, "SIGKILL");
        assert.deepEqual(r.refused, [], "máy chủ không được từ chối thao tác hợp lệ");
        assert.ok(r.acknowledged > 0);
        if (engine === "pglite") {
          // The killed server could not remove its lock: the next start must take over a lock whose pid is dead.
          const lock = join(target.pgliteDir, LOCK_FILE);
          assert.ok(existsSync(lock), "tệp khóa còn lại sau kill -9");
          assert.equal(Number.parseInt(readFileSync(lock, "utf8"), 10), server.pid);
        }
      }

      // Restart on the same data: the acknowledged writes are served, numbering continues without a gap.
      const server = await startServer(target);
      lap("khởi động lại sau kill -9");
      const client = new ApiClient(server.base);
      await client.login();
      for (const [id, n] of acks.claims) {
        const r = await client.get(`/api/claims/${id}`);
        assert.equal(r.status, 200, `vụ việc ${id}`);
        assert.ok((r.body as { events: unknown[] }).events.length >= n, `sự kiện của vụ việc ${id}`);
      }
      const reg = await client.get(`/api/outgoing?agency_id=${AGENCY}&year=${YEAR}&page_size=100`);
      assert.equal(reg.status, 200);
      const total = (reg.body as { total: number }).total;
      const next = await client.post("/api/outgoing", {
        agency_id: AGENCY,
        year: YEAR,
        doc_kind: "notice",
        subject: "Thông báo sau khi khởi động lại",
      });
      assert.equal(next.status, 201);
      assert.equal((next.body as { number: number }).number, total + 1, "số tiếp theo = số văn bản đã có + 1");
      acks.outgoing.set(String((next.body as { id: string }).id), total + 1);
      server.child.kill("SIGTERM");
      assert.deepEqual(await server.exited, { code: 0, signal: null });

      lap("kiểm tra qua API và dừng êm");
      const database = await target.open();
      try {
        assert.deepEqual(await missingAcknowledged(database, acks), []);
        assert.deepEqual(await findInconsistencies(database), []);
        const audit = await verifyAuditChain(database.db);
        assert.equal(audit.ok, true, JSON.stringify(audit));
        const [{ n }] = await database.query<{ n: number }>(
          "select count(*)::int as n from outgoing_register where agency_id = $1 and year = $2",
          [AGENCY, YEAR],
        );
        assert.ok(Number(n) >= total + 1);
        lap("kiểm tra nhất quán trong cơ sở dữ liệu");
      } finally {
        await database.close();
      }
    });
  });
}
