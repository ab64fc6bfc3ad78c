// Graceful shutdown of the real `btnn serve` process (issue 7 §4). A login request is in flight — the server has
// accepted its headers (answered "100 Continue") and waits for the rest of the body — when SIGTERM arrives:
// the server stops accepting connections at once, the in-flight request still completes with 200, then the process
// closes the database, removes the PGlite lock file and exits 0. With a request that never finishes, SHUTDOWN_TIMEOUT
// forces the exit (code 1, Vietnamese message); a second signal exits at once (code 1). Lock released in every case.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { hash } from "@node-rs/argon2";
import { openDatabase } from "../../src/db/connect.ts";
import { LOCK_FILE } from "../../src/db/lock.ts";
import { migrate } from "../../src/db/migrate.ts";
import { importAgencies } from "../../src/db/repositories/agencies.ts";
import { memberships, users } from "../../src/db/schema/index.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/data.ts";
import { CLI_NODE_FLAGS } from "../cli/run-cli.ts";

const root = new URL("../../", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "btnn-shutdown-"));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

const PASSWORD = "mat-khau-dung-may-chu-1";
const BODY = JSON.stringify({ username: "vanhanh", password: PASSWORD });

/** A data folder with the schema and one signed-in-able user (faster than loading the whole demo); the three tests
 * use it in turn (each must release the lock for the next one to start). */
let prepared: Promise<string> | undefined;
function prepareDataDir(): Promise<string> {
  prepared ??= prepare();
  return prepared;
}
async function prepare(): Promise<string> {
  const dataDir = join(tmp, "data");
  const database = await openDatabase({ dataDir: join(dataDir, "pglite") });
  try {
    await migrate(database);
    await importAgencies(
      database.db,
      SYSTEM_SCOPE,
      AGENCY_ROWS.filter((a) => a.id === "cuc-btnn" || a.id === "bo-tu-phap"),
    );
    const [u] = await database.db
      .insert(users)
      .values({ username: "vanhanh", fullName: "Người vận hành", passwordHash: await hash(PASSWORD) })
      .returning({ id: users.id });
    await database.db.insert(memberships).values({ userId: u.id, agencyId: "cuc-btnn", role: "system_admin" });
  } finally {
    await database.close();
  }
  return dataDir;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? res(a.port) : rej(new Error("no port"))));
    });
  });
}

function waitUntil(check: () => boolean, what: () => string, ms = 120_000): Promise<void> {
  return new Promise((res, rej) => {
    const t0 = Date.now();
    const tick = () => {
      if (check()) return res();
      if (Date.now() - t0 > ms) return rej(new Error(`timeout waiting: ${what()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

async function start(dataDir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, "src/cli/main.ts", "serve", "--no-seed"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      BTNN_SCHEDULER: "0",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      DATABASE_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  await waitUntil(
    () => /BTNN đang chạy tại/.test(stdout) || child.exitCode !== null,
    () => stdout + stderr,
  );
  assert.equal(child.exitCode, null, `server did not start: ${stdout}${stderr}`);
  return { child, port, exited, out: () => stdout, err: () => stderr };
}

/** Sends the headers and half the body of a login, and resolves once the server has answered "100 Continue"
 * (its request handler has the request); `finish()` sends the rest and resolves with the raw response. */
async function inFlightLogin(port: number) {
  const socket: Socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (d) => {
    received += d;
  });
  const closed = new Promise<void>((res) => socket.on("close", () => res()));
  socket.on("error", () => {});
  await new Promise<void>((res) => socket.once("connect", () => res()));
  socket.write(
    "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(BODY)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
  );
  socket.write(BODY.slice(0, 10));
  await waitUntil(
    () => /100 Continue/.test(received),
    () => received,
    60_000,
  );
  return {
    async finish(): Promise<string> {
      // write, not end: a half-closed client socket makes Node's HTTP server abort the request (httpAllowHalfOpen).
      socket.write(BODY.slice(10));
      await closed;
      return received.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "");
    },
    closed,
    received: () => received,
  };
}

function refused(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect(port, "127.0.0.1");
    s.on("connect", () => {
      s.destroy();
      res(false);
    });
    s.on("error", (e: NodeJS.ErrnoException) => res(e.code === "ECONNREFUSED"));
  });
}

const lockPath = (dataDir: string) => join(dataDir, "pglite", LOCK_FILE);

test("SIGTERM: từ chối kết nối mới, yêu cầu đang xử lý vẫn hoàn tất 200, đóng CSDL, gỡ khóa, thoát 0", async () => {
  const dataDir = await prepareDataDir();
  const server = await start(dataDir, { SHUTDOWN_TIMEOUT: "120" });
  assert.ok(existsSync(lockPath(dataDir)));
  const login = await inFlightLogin(server.port);

  server.child.kill("SIGTERM");
  await waitUntil(
    () => /Nhận tín hiệu SIGTERM/.test(server.out()),
    () => server.out(),
  );
  // The listening socket is closed promptly: a new connection is refused while the old request is still open.
  let isRefused = false;
  for (let i = 0; i < 200 && !isRefused; i++) {
    isRefused = await refused(server.port);
    if (!isRefused) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(isRefused, "new connections are refused during shutdown");
  assert.equal(server.child.exitCode, null, "still running: waiting for the in-flight request");

  const response = await login.finish();
  assert.match(response, /^HTTP\/1\.1 200 /);
  assert.match(response, /set-cookie: btnn_session=/i);

  assert.equal(await server.exited, 0, server.err());
  assert.match(server.out(), /Đã dừng máy chủ và đóng cơ sở dữ liệu/);
  assert.ok(!existsSync(lockPath(dataDir)), "lock released");
  const events = server
    .out()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok(events.some((e) => e.event === "startup"));
  assert.ok(events.some((e) => e.event === "shutdown" && e.signal === "SIGTERM"));
  assert.ok(events.some((e) => e.msg === "request" && e.route === "/api/auth/login" && e.status === 200));
  assert.ok(events.some((e) => e.event === "shutdown_complete"));
});

test("SHUTDOWN_TIMEOUT: yêu cầu không bao giờ xong → hết hạn thì buộc đóng, thông báo tiếng Việt, thoát 1, gỡ khóa", async () => {
  const dataDir = await prepareDataDir();
  const server = await start(dataDir, { SHUTDOWN_TIMEOUT: "1" });
  const login = await inFlightLogin(server.port);
  server.child.kill("SIGTERM");
  assert.equal(await server.exited, 1);
  assert.match(
    server.err(),
    /Quá 1 giây \(SHUTDOWN_TIMEOUT\) mà vẫn còn yêu cầu đang xử lý: buộc đóng các kết nối và thoát/,
  );
  await login.closed; // the held connection was dropped
  assert.doesNotMatch(login.received(), /HTTP\/1\.1 200/);
  assert.ok(!existsSync(lockPath(dataDir)), "lock released");
});

test("tín hiệu thứ hai (SIGINT sau SIGTERM) → thoát ngay với mã 1, gỡ khóa", async () => {
  const dataDir = await prepareDataDir();
  const server = await start(dataDir, { SHUTDOWN_TIMEOUT: "600" });
  const login = await inFlightLogin(server.port);
  server.child.kill("SIGTERM");
  await waitUntil(
    () => /Nhận tín hiệu SIGTERM/.test(server.out()),
    () => server.out(),
  );
  server.child.kill("SIGINT");
  assert.equal(await server.exited, 1);
  assert.match(server.err(), /Nhận tín hiệu SIGINT lần thứ hai: thoát ngay/);
  await login.closed;
  assert.ok(!existsSync(lockPath(dataDir)), "lock released");
});
