// Issue 16 item 5: three `btnn serve` processes on one PostgreSQL (TEST_DATABASE_URL, a fresh database) behind the
// round-robin proxy of round-robin-proxy.ts, under a bounded mixed load for ~30 s — reads, claim writes with an
// Idempotency-Key, document uploads, logins and logouts — while one server is killed with SIGKILL (and a replacement
// started) and another is drained with SIGTERM (SHUTDOWN_DRAIN). Expected: every acknowledged write is in the database
// exactly once; no client request fails (the proxy retries what is safe to retry on a live server); a logout on one
// server is refused by every other live server as soon as it returns; the daily job ran exactly once; every upload
// downloads, byte for byte, from every live server.
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { todayVn } from "../../src/db/repositories/common.ts";
import {
  freePort,
  killChildren,
  PASSWORD,
  prepareTarget,
  runBtnn,
  type Server,
  type Target,
  USERNAME,
} from "../durability/harness.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "./round-robin-proxy.ts";

const LOAD_MS = Number(process.env.SCALE_OUT_LOAD_MS ?? 30_000);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Reply = { status: number; body: unknown; raw: Buffer; headers: Headers };

/** A browser session over fetch: cookies, the CSRF header on writes, one Idempotency-Key per write (kept on retry). */
class Session {
  cookies: Record<string, string> = {};
  async send(base: string, method: string, path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    if (cookie) headers.cookie = cookie;
    if (method !== "GET") {
      if (this.cookies.btnn_csrf) headers["x-csrf-token"] = this.cookies.btnn_csrf;
      headers["idempotency-key"] = randomUUID();
    }
    const raw = Buffer.isBuffer(body);
    if (body !== undefined) headers["content-type"] = raw ? "application/octet-stream" : "application/json";
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === "" || /max-age=0/i.test(c)) delete this.cookies[name];
      else this.cookies[name] = value;
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = (res.headers.get("content-type") ?? "").includes("json");
    return {
      status: res.status,
      body: json && bytes.length ? JSON.parse(bytes.toString()) : null,
      raw: bytes,
      headers: res.headers,
    };
  }
  async login(base: string) {
    const r = await this.send(base, "POST", "/api/auth/login", { username: USERNAME, password: PASSWORD });
    assert.equal(r.status, 200, `đăng nhập: ${r.status} ${r.raw.toString().slice(0, 200)}`);
  }
}

/** Signed in on the first server and seen (cached) by every other, a logout on the first is refused by all at once. */
async function logoutRefusedEverywhere(servers: Server[]) {
  const [first, ...others] = servers;
  const s = new Session();
  await s.login(first.base);
  for (const o of others) assert.equal((await s.send(o.base, "GET", "/api/auth/me")).status, 200, o.base);
  const before = { ...s.cookies };
  assert.equal((await s.send(first.base, "POST", "/api/auth/logout")).status, 204);
  const old = new Session();
  old.cookies = before;
  for (const o of others) assert.equal((await old.send(o.base, "GET", "/api/auth/me")).status, 401, o.base);
}

describe("ba máy chủ trên một PostgreSQL sau bộ cân bằng tải", {
  skip: process.env.TEST_DATABASE_URL ? false : "cần TEST_DATABASE_URL",
}, () => {
  let target: Target | undefined;
  let proxy: RoundRobinProxy | undefined;
  after(async () => {
    await proxy?.close();
    await killChildren();
    await target?.cleanup();
  });

  test("SIGKILL một máy, rút một máy bằng SIGTERM giữa tải hỗn hợp: không mất, không trùng, không lỗi", async (t) => {
    const t0 = Date.now();
    const lap = (what: string) => t.diagnostic(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    target = await prepareTarget("postgres");
    const start = async (): Promise<Server> => {
      const port = await freePort();
      // Each server its own data folder, as on separate machines: nothing is shared but PostgreSQL.
      const dataDir = mkdtempSync(join(target!.dataDir, "may-"));
      // Every server runs the scheduler (its catch-up run at start): job_run must make the day's job run once.
      const c = runBtnn(target!, ["serve", "--no-seed"], {
        PORT: String(port),
        DATA_DIR: dataDir,
        BTNN_SCHEDULER: "1",
        SHUTDOWN_DRAIN: "2",
        // In-flight requests finish however loaded the machine is (the default 10 s is a production bound).
        SHUTDOWN_TIMEOUT: "60",
        LOG_LEVEL: "warn",
      });
      await c.waitFor(/BTNN đang chạy tại http:\/\/127\.0\.0\.1:\d+/);
      return { ...c, base: `http://127.0.0.1:${port}` };
    };
    const servers = await Promise.all([start(), start(), start()]);
    proxy = await startRoundRobinProxy(servers.map((s) => s.base));
    for (const s of servers) await s.waitFor(/Công việc hằng ngày/);
    lap("ba máy chủ sẵn sàng");
    await logoutRefusedEverywhere(servers);

    const failures: string[] = [];
    const fail = (what: string, r: Reply) =>
      failures.push(`${what}: ${r.status} ${r.headers.get("x-backend")} ${r.raw.toString().slice(0, 160)}`);
    const acknowledged = new Map<string, string>(); // summary marker → claim id
    const lostResponses: string[] = [];
    const killedBase = servers[0].base;
    const uploads: Array<{ path: string; sha: string }> = [];
    const logoutChecks: string[] = [];
    const dead = new Set<string>();
    const live = () => [...servers, ...(replacement ? [replacement] : [])].filter((s) => !dead.has(s.base));
    let replacement: Server | undefined;
    let stop = false;
    const base = proxy.url;

    const writer = async (n: number) => {
      const s = new Session();
      await s.login(base);
      for (let i = 0; !stop; i++) {
        const marker = `Tải mở rộng ${n}-${i}-${randomUUID().slice(0, 8)}`;
        const r = await s.send(base, "POST", "/api/claims", {
          field: "civil_enforcement",
          handling_agency_id: "thads-thanh-hoa",
          claimant_name: "Nguyễn Văn Cụm",
          claimant_id_number: "038190012345",
          summary: marker,
          events: [{ type: "received", date: "2026-03-02" }],
        });
        if (r.status === 409 && (r.body as { code?: string }).code === "idempotency_outcome_lost") {
          // Written by the server killed before it answered (the retry on a live server says so, and does not write
          // again): present once, not acknowledged. Only for a request first sent to the killed server.
          if (r.headers.get("x-proxy-first") === killedBase) lostResponses.push(marker);
          else fail("tạo vụ việc", r);
          continue;
        }
        if (r.status !== 201) {
          fail("tạo vụ việc", r);
          continue;
        }
        const id = (r.body as { id: string }).id;
        acknowledged.set(marker, id);
        if (i % 2 === 0) {
          const bytes = Buffer.from(`%PDF-1.4\n% ${marker} ${"đ".repeat(2000 + i)}\n%%EOF\n`);
          const u = await s.send(
            base,
            "POST",
            `/api/claims/${id}/documents?kind=evidence&title=${encodeURIComponent(marker)}&file_name=${encodeURIComponent("Tài liệu.pdf")}`,
            bytes,
          );
          const lostUpload =
            u.status === 409 &&
            (u.body as { code?: string }).code === "idempotency_outcome_lost" &&
            u.headers.get("x-proxy-first") === killedBase;
          if (lostUpload) continue;
          if (u.status !== 201) fail("tải lên", u);
          else uploads.push({ path: `/api/claims/${id}/documents/${(u.body as { id: string }).id}`, sha: sha(bytes) });
        }
      }
    };
    const reader = async () => {
      const s = new Session();
      await s.login(base);
      for (let i = 0; !stop; i++) {
        const ids = [...acknowledged.values()];
        const path =
          i % 3 === 0 || ids.length === 0
            ? "/api/claims"
            : i % 3 === 1
              ? `/api/claims/${ids[i % ids.length]}`
              : "/api/dashboard";
        const r = await s.send(base, "GET", path);
        if (r.status !== 200) fail(`đọc ${path}`, r);
      }
    };
    const sessions = async () => {
      while (!stop) {
        const s = new Session();
        await s.login(base);
        // Every live server (in the balancer's rotation) has read and cached the session before the logout. A server
        // shutting down answers 503 or not at all: it is not live.
        const inRotation = new Set(proxy!.backends.filter((b) => b.state === "up").map((b) => b.base));
        const others = live().filter((o) => inRotation.has(o.base));
        for (const o of others) {
          const me = await s.send(o.base, "GET", "/api/auth/me").catch(() => null);
          if (me && me.status !== 200 && me.status !== 503) fail(`phiên trên ${o.base}`, me);
        }
        const before = { ...s.cookies };
        const out = await s.send(base, "POST", "/api/auth/logout");
        // A retried logout finds its session already gone on the second server.
        if (out.status !== 204 && !(out.status === 401 && out.headers.get("x-proxy-attempts") !== "1"))
          fail("đăng xuất", out);
        // The logged-out cookies, sent straight to every other server the moment the logout returned.
        const old = new Session();
        old.cookies = before;
        for (const o of others) {
          if (o.base === out.headers.get("x-backend")) continue;
          const me = await old.send(o.base, "GET", "/api/auth/me").catch(() => null);
          if (!me || me.status === 503) continue; // killed or shutting down meanwhile
          logoutChecks.push(`${o.base} ${me.status}`);
          if (me.status !== 401) fail(`phiên đã đăng xuất vẫn dùng được trên ${o.base}`, me);
        }
      }
    };

    const load = Promise.all([writer(1), writer(2), reader(), reader(), sessions()]);
    await sleep(LOAD_MS * 0.25);
    // SIGKILL: in-flight requests on it get a reset; the proxy retries them elsewhere.
    const killed = servers[0];
    killed.child.kill("SIGKILL");
    dead.add(killed.base);
    lap("SIGKILL máy chủ 1");
    const replacing = start().then((s) => {
      replacement = s;
      proxy!.add(s.base);
      lap("máy chủ thay thế sẵn sàng");
    });
    await sleep(LOAD_MS * 0.25);
    const drained = servers[1];
    drained.child.kill("SIGTERM");
    lap("SIGTERM máy chủ 2 (rút lui 2 giây)");
    const drainedExit = drained.exited.then((e) => {
      dead.add(drained.base);
      return e;
    });
    await sleep(LOAD_MS * 0.5);
    stop = true;
    await load;
    lap("hết tải");
    await replacing;
    assert.deepEqual(
      await drainedExit,
      { code: 0, signal: null },
      `the drained server exits cleanly: ${drained.output().slice(-600)}`,
    );
    assert.match(drained.output(), /Đang rút khỏi cụm máy chủ/);

    assert.deepEqual(failures, [], "no client request failed");
    assert.ok(acknowledged.size >= 10, `${acknowledged.size} writes acknowledged`);
    assert.ok(uploads.length >= 5, `${uploads.length} uploads`);
    assert.ok(logoutChecks.length >= 1, `${logoutChecks.length} logout checks under load`);
    assert.ok((proxy.stats.byBackend.get(killed.base) ?? 0) > 0, "the killed server was serving the load");
    t.diagnostic(
      `ghi ${acknowledged.size} (mất phản hồi khi bị giết: ${lostResponses.length}), tải lên ${uploads.length}, kiểm tra đăng xuất ${logoutChecks.length}, yêu cầu ${proxy.stats.requests}, thử lại ${proxy.stats.retries}`,
    );

    // Every acknowledged write once; no write twice (acknowledged or not).
    const database = await target.open();
    try {
      const rows = await database.query<{ summary: string; n: number }>(
        "select summary, count(*)::int as n from claims where summary like 'Tải mở rộng %' group by summary",
      );
      const counts = new Map(rows.map((r) => [r.summary, Number(r.n)]));
      for (const marker of acknowledged.keys()) assert.equal(counts.get(marker), 1, marker);
      for (const marker of lostResponses) assert.equal(counts.get(marker), 1, `${marker} (response lost in the kill)`);
      assert.deepEqual(
        rows.filter((r) => Number(r.n) > 1),
        [],
        "no claim created twice",
      );
      const docs = await database.query<{ title: string; n: number; storage: string }>(
        "select title, storage, count(*)::int as n from claim_documents group by title, storage",
      );
      assert.ok(
        docs.every((d) => Number(d.n) === 1 && d.storage === "blob"),
        JSON.stringify(docs.slice(0, 3)),
      );
      // The daily job: claimed once for today, done, and recomputed by exactly one of the four servers.
      const jobs = await database.query<{ status: string }>(
        "select status from job_run where job = 'claim_deadlines' and scheduled_for = $1::date::timestamp at time zone 'Asia/Ho_Chi_Minh'",
        [todayVn()],
      );
      assert.deepEqual(
        jobs.map((j) => j.status),
        ["done"],
      );
    } finally {
      await database.close();
    }
    const all = [...servers, replacement!];
    await replacement!.waitFor(/Công việc hằng ngày/);
    const ran = all.filter((s) => /Công việc hằng ngày .*tính lại thời hạn \d+ vụ việc/.test(s.output()));
    const skipped = all.filter((s) => /thời hạn vụ việc đã tính lại trong ngày/.test(s.output()));
    assert.equal(ran.length, 1, "one server ran the day's job");
    assert.equal(skipped.length, all.length - 1, "the others found it done");

    await logoutRefusedEverywhere(live());
    // Every upload downloads from every live server, byte for byte (the replacement started after most of them).
    const reader2 = new Session();
    await reader2.login(proxy.url);
    const liveNow = live();
    assert.equal(liveNow.length, 2);
    for (const s of liveNow)
      for (const u of uploads) {
        const d = await reader2.send(s.base, "GET", u.path);
        assert.equal(d.status, 200, `${s.base}${u.path}`);
        assert.equal(sha(d.raw), u.sha, `${s.base}${u.path}`);
      }
    lap("kiểm tra xong");
  });
});
