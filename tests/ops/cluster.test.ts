// Several app servers on one PostgreSQL (issue 16 item 4): two apps on the same database, each with its own pool,
// session cache and response cache, announce writes to each other through LISTEN/NOTIFY (src/http/cluster-bus.ts).
// The commit-watermark poll is pushed out to a minute here, so only the bus can explain what the second server sees.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { openDatabase } from "../../src/db/connect.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";
import { startClusterBus } from "../../src/http/cluster-bus.ts";
import { runDailyJobs } from "../../src/jobs/reminders.ts";
import { Client, seedFixtureUsers, signedIn } from "../http/helpers.ts";

const url = process.env.TEST_DATABASE_URL;

describe("nhiều máy chủ ứng dụng trên một PostgreSQL", { skip: url ? false : "cần TEST_DATABASE_URL" }, () => {
  let first: Database;
  let second: Database;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const lifecycle = { draining: false };

  before(async () => {
    first = await openTestDatabase({ engine: "postgres" });
    await seedFixtureUsers(first.db);
    second = await openDatabase({ url: first.url, poolSize: 4 });
    const settings = { responseCache: { pollMs: 60_000 }, cluster: true, config: {} } as const;
    a = await buildApp({ database: first, ...settings });
    b = await buildApp({ database: second, ...settings, lifecycle });
    await a.ready();
    await b.ready();
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await first?.close();
  });

  test("đăng xuất ở máy chủ A bị máy chủ B từ chối ngay khi A trả lời", async () => {
    const onA = await signedIn(a, "officer");
    const onB = new Client(b);
    onB.cookies = { ...onA.cookies };
    assert.equal((await onB.get("/api/auth/me")).statusCode, 200, "B đã đọc và giữ phiên trong bộ nhớ đệm");
    assert.equal((await onB.get("/api/auth/me")).statusCode, 200);
    assert.equal((await onA.post("/api/auth/logout")).statusCode, 204);
    assert.equal((await onB.get("/api/auth/me")).statusCode, 401, "B phải quên phiên trước khi A trả lời");
  });

  test("kênh thông báo: thay đổi dữ liệu đến máy chủ khác, thay đổi phiên chờ mọi máy chủ xác nhận", async () => {
    // Both apps of this test share one process (and so one data generation): the bus is checked on its own here.
    const seen = { x: { data: 0, ids: 0 }, y: { data: 0, ids: 0 } };
    const x = await startClusterBus(String(first.url), {
      onData: () => seen.x.data++,
      onIdentities: () => seen.x.ids++,
    });
    const y = await startClusterBus(String(first.url), {
      onData: () => seen.y.data++,
      onIdentities: () => seen.y.ids++,
    });
    try {
      await x.dataChanged();
      for (let i = 0; i < 100 && seen.y.data === 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(seen.y.data, 1, "máy chủ kia nhận thông báo thay đổi dữ liệu");
      assert.equal(seen.x.data, 0, "máy chủ gửi không tự nhận lại thông báo của mình");
      const r = await x.identitiesChanged();
      // The two apps of the suite listen too: every listener on the database must have acknowledged.
      assert.equal(r.acked, r.peers);
      assert.ok(r.peers >= 1);
      assert.equal(seen.y.ids, 1, "máy chủ kia đã quên phiên trước khi lời gọi trả về");
    } finally {
      await x.close();
      await y.close();
    }
  });

  test("công việc hằng ngày chạy đúng một lần khi hai máy chủ cùng chạy", async () => {
    const day = "2026-12-07";
    const [x, y] = await Promise.all([runDailyJobs(first.db, day), runDailyJobs(second.db, day)]);
    const done = [x, y].filter((r) => r.deadlines !== "already_done");
    assert.equal(done.length, 1, "chỉ một máy chủ tính lại thời hạn vụ việc trong ngày");
    const rows = await first.query<{ n: number }>(
      "select count(*)::int as n from job_run where job = 'claim_deadlines' and status = 'done'",
    );
    assert.equal(rows[0]?.n, 1);
  });

  test("Idempotency-Key: yêu cầu lặp lại tiếp quản ngay yêu cầu của máy chủ đã chết khi nó chưa ghi gì; đã ghi thì không ghi lần hai", async () => {
    const officer = await signedIn(a, "officer");
    const [{ id: userId }] = await first.query<{ id: string }>("select id from users where username = 'officer'");
    const body = (title: string) => ({ agency_id: "stp-thanh-hoa", title, year: 2026 });
    const send = (key: string, title: string) =>
      officer.request({ method: "POST", url: "/api/plans", payload: body(title), headers: { "idempotency-key": key } });
    const deadServer = randomUUID();
    // A claim left pending by a server that was killed before it wrote anything (its bus id no longer listens).
    await first.query(
      "insert into idempotency_keys (user_id, key, route, body_hash, owner_server, owner_request) values ($1, 'khoa-may-chet-chua-ghi', 'POST /api/plans', 'x', $2, $3)",
      [userId, deadServer, randomUUID()],
    );
    // A request whose write committed, then its server was killed before the response was stored.
    const committed = await send("khoa-may-chet-da-ghi", "Kế hoạch đã ghi trước khi máy chủ chết");
    assert.equal(committed.statusCode, 201, committed.body);
    const [{ request_id }] = await first.query<{ request_id: string }>(
      "select request_id from audit_log where action = 'plan.create' and entity_id = $1",
      [committed.json().id],
    );
    await first.query(
      "update idempotency_keys set status = null, body = null, owner_server = $2, owner_request = $3 where user_id = $1 and key = 'khoa-may-chet-da-ghi'",
      [userId, deadServer, request_id],
    );
    const [retried, notAgain] = await Promise.all([
      send("khoa-may-chet-chua-ghi", "Kế hoạch gửi lại sau khi máy chủ chết"),
      send("khoa-may-chet-da-ghi", "Kế hoạch đã ghi trước khi máy chủ chết"),
    ]);
    assert.equal(retried.statusCode, 201, retried.body);
    assert.equal(notAgain.statusCode, 409, notAgain.body);
    assert.equal(notAgain.json().code, "idempotency_outcome_lost");
    assert.match(notAgain.json().error, /đã được ghi nhận .* đừng gửi lại/);
    const titles = await first.query<{ title: string }>("select title from plans where title like 'Kế hoạch %chết'");
    assert.deepEqual(titles.map((r) => r.title).sort(), [
      "Kế hoạch gửi lại sau khi máy chủ chết",
      "Kế hoạch đã ghi trước khi máy chủ chết",
    ]);
  });

  test("/api/health báo 503 draining khi máy chủ đang rút khỏi cụm", async () => {
    const ok = await b.inject({ method: "GET", url: "/api/health" });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().clustered, true);
    lifecycle.draining = true;
    const draining = await b.inject({ method: "GET", url: "/api/health" });
    assert.equal(draining.statusCode, 503);
    assert.equal(draining.json().status, "draining");
    lifecycle.draining = false;
  });
});
