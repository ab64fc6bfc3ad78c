// Configuration validated at start (issue 7 §4): every environment variable of `btnn serve` is checked before anything
// is opened; a bad value ends the real binary (bin/btnn.mjs) with exit code 2 and ONE Vietnamese line naming the
// variable — and no database folder is created.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { loadConfig } from "../../src/config.ts";

const bin = new URL("../../bin/btnn.mjs", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "btnn-config-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const aFile = join(dir, "khong-phai-thu-muc");
writeFileSync(aFile, "x");

const VARS = [
  "PORT",
  "HOST",
  "DATA_DIR",
  "DATABASE_URL",
  "TRUST_PROXY",
  "NODE_ENV",
  "LOG_LEVEL",
  "LOG_FORMAT",
  "COOKIE_SECURE",
  "SHUTDOWN_TIMEOUT",
  "BTNN_SCHEDULER",
];

function serve(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const v of VARS) delete clean[v];
  const dataDir = mkdtempSync(join(dir, "data-"));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "serve"], {
      env: { ...clean, DATA_DIR: dataDir, PORT: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      assert.ok(!existsSync(join(dataDir, "pglite")), "nothing opened before the configuration is valid");
      resolve({ code, stdout, stderr });
    });
  });
}

// [variable, value, what the message must say]
const CASES: Array<[string, string, RegExp]> = [
  ["PORT", "70000", /từ 1 đến 65535/],
  ["PORT", "ba-nghìn", /phải là số/],
  ["DATA_DIR", aFile, /không phải là thư mục|không dùng được/],
  ["DATA_DIR", join(aFile, "con"), /không dùng được/],
  ["DATABASE_URL", "mysql://u:p@localhost/btnn", /postgres:\/\//],
  ["DATABASE_URL", "postgres://u:p@localhost:99999/btnn", /postgres:\/\//],
  ["DATABASE_URL", "postgres://localhost", /postgres:\/\//],
  ["LOG_LEVEL", "verbose", /fatal, error, warn, info, debug, trace hoặc silent/],
  ["LOG_FORMAT", "xml", /json hoặc text/],
  ["COOKIE_SECURE", "yes", /1\/true hoặc 0\/false/],
  ["TRUST_PROXY", "10.0.0.300", /số proxy đứng trước|danh sách địa chỉ IP/],
  ["TRUST_PROXY", "99", /số proxy đứng trước \(1–10\)/],
  ["NODE_ENV", "prod", /development, production hoặc test/],
  ["SHUTDOWN_TIMEOUT", "0", /từ 1 đến 600 giây/],
  ["SHUTDOWN_TIMEOUT", "mười", /số giây/],
  ["BTNN_SCHEDULER", "co", /1\/true \(bật\) hoặc 0\/false \(tắt\)/],
];

describe("btnn serve: cấu hình sai → mã thoát 2, một dòng tiếng Việt nêu tên biến", () => {
  // Run the binaries a few at a time (2-core machine shared with other suites).
  const results = new Map<number, ReturnType<typeof serve>>();
  const queue = CASES.map((_, i) => i);
  const pool = Array.from({ length: 3 }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const [variable, value] = CASES[i];
      const p = serve({ [variable]: value });
      results.set(i, p);
      await p;
    }
  });
  const all = Promise.all(pool);

  CASES.forEach(([variable, value, message], i) => {
    test(`${variable}=${JSON.stringify(value)}`, async () => {
      await all;
      const r = await results.get(i)!;
      assert.equal(r.code, 2, r.stderr);
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 1, `one line, got: ${r.stderr}`);
      assert.ok(
        lines[0].startsWith(`Lỗi: Cấu hình không hợp lệ — biến môi trường ${variable}: `),
        `names ${variable}: ${lines[0]}`,
      );
      assert.match(lines[0], message);
      assert.doesNotMatch(r.stdout, /đang chạy tại/);
    });
  });
});

describe("loadConfig: giá trị hợp lệ và mặc định", () => {
  test("mặc định: PORT 3000, LOG_LEVEL info, COOKIE_SECURE tắt, SHUTDOWN_TIMEOUT 10 giây, việc định kỳ bật", () => {
    const c = loadConfig({ DATA_DIR: dir });
    assert.equal(c.port, 3000);
    assert.equal(c.logLevel, "info");
    assert.equal(c.logFormat, undefined);
    assert.equal(c.cookieSecure, false);
    assert.equal(c.shutdownTimeoutS, 10);
    assert.equal(c.scheduler, true);
    assert.equal(c.trustProxy, false);
  });
  test("COOKIE_SECURE=true, SHUTDOWN_TIMEOUT=30, BTNN_SCHEDULER=0, LOG_FORMAT=text, DATABASE_URL postgresql:// hợp lệ", () => {
    const c = loadConfig({
      DATA_DIR: dir,
      COOKIE_SECURE: "true",
      SHUTDOWN_TIMEOUT: "30",
      BTNN_SCHEDULER: "0",
      LOG_FORMAT: "text",
      DATABASE_URL: "postgresql://btnn:mk@db.local:5433/btnn",
      TRUST_PROXY: "loopback, 10.0.0.0/8",
    });
    assert.equal(c.cookieSecure, true);
    assert.equal(c.shutdownTimeoutS, 30);
    assert.equal(c.scheduler, false);
    assert.equal(c.logFormat, "text");
    assert.equal(c.databaseUrl, "postgresql://btnn:mk@db.local:5433/btnn");
    assert.deepEqual(c.trustProxy, ["loopback", "10.0.0.0/8"]);
    assert.equal(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "1" }).trustProxy, 1);
    assert.equal(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "true" }).trustProxy, true);
  });
});
