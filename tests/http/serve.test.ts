// `btnn serve` as a real process: migrates and seeds an empty PGlite folder, listens on loopback, answers the API,
// refuses a second server on the same data folder, and shuts down cleanly on SIGTERM (lock released). Then `npm start`
// (package.json's start script: scripts/start.mjs) on that existing folder: the web-build check and the server bundle
// in one process, the bundled server answering from the database.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
// @ts-expect-error plain ESM script without type declarations
import { serverBundleState } from "../../scripts/build-server.mjs";
import { CLI_NODE_FLAGS } from "../cli/run-cli.ts";

const root = new URL("../../", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "btnn-serve-"));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? res(a.port) : rej(new Error("no port"))));
    });
  });
}

/** `npm start`'s command line (its Node flags, scripts/start.mjs), run on this Node without npm's wrapper. */
function npmStartArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.split(" ");
  assert.equal(node, "node");
  return args;
}

function start(port: number, args = [...CLI_NODE_FLAGS, "src/cli/main.ts", "serve"]) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const ready = (pattern: RegExp, ms = 120_000) =>
    new Promise<string>((res, rej) => {
      const t0 = Date.now();
      const tick = () => {
        if (pattern.test(out)) return res(out);
        if (child.exitCode !== null) return rej(new Error(`exited ${child.exitCode}: ${out}`));
        if (Date.now() - t0 > ms) return rej(new Error(`timeout: ${out}`));
        setTimeout(tick, 100);
      };
      tick();
    });
  return { child, exited, ready, output: () => out };
}

/** Signs in as the demo admin and reads the claims list: the server answers from the database, not only /api/health. */
async function assertSignedInClaims(base: string): Promise<void> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "btnn@2026" }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const claims = await fetch(`${base}/api/claims?page_size=1`, { headers: { cookie } });
  assert.equal(claims.status, 200);
  assert.ok(((await claims.json()) as { total: number }).total > 0);
}

test("btnn serve: nạp dữ liệu mẫu, phục vụ API, từ chối máy chủ thứ hai cùng thư mục, dừng êm khi SIGTERM", async () => {
  const port = await freePort();
  const server = start(port);
  const out = await server.ready(/BTNN đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/);
  assert.match(out, /Đã nạp dữ liệu mẫu: \d+ cơ quan, \d+ tài khoản, \d+ vụ việc/);
  assert.match(out, /Tài khoản mẫu: admin \/ /);
  const base = `http://127.0.0.1:${port}`;

  const health = await fetch(`${base}/api/health`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { status: string }).status, "ok");
  const home = await fetch(`${base}/`);
  assert.equal(home.status, 200);
  assert.match(home.headers.get("content-type") ?? "", /text\/html/);
  await assertSignedInClaims(base);
  assert.ok(existsSync(join(dataDir, "pglite", "btnn.lock")));

  const second = start(await freePort());
  const code = await second.exited;
  assert.equal(code, 2);
  assert.match(second.output(), /đang được một tiến trình khác sử dụng/);

  server.child.kill("SIGTERM");
  assert.equal(await server.exited, 0);
  assert.match(server.output(), /Đã dừng máy chủ và đóng cơ sở dữ liệu/);
  assert.ok(!existsSync(join(dataDir, "pglite", "btnn.lock")), "lock released");
});

test("npm start trên thư mục dữ liệu đã có: kiểm tra giao diện, máy chủ đóng gói trả lời API từ cơ sở dữ liệu", async () => {
  const port = await freePort();
  const server = start(port, npmStartArgs());
  const out = await server.ready(/BTNN đang chạy tại/, 300_000);
  assert.match(out, /^(Giao diện web đã được xây dựng|Đã xây dựng giao diện web|Đang xây dựng giao diện web)/m);
  assert.doesNotMatch(out, /Không đóng gói được máy chủ/);
  assert.doesNotMatch(out, /Đã nạp dữ liệu mẫu/, "existing data is not seeded again");
  assert.equal(serverBundleState(root).upToDate, true, "the bundle it ran is recorded as matching the sources");
  const base = `http://127.0.0.1:${port}`;
  const health = await fetch(`${base}/api/health`);
  assert.equal(health.status, 200);
  await assertSignedInClaims(base);
  // The web UI (or its placeholder) and the OpenAPI document, both served by the bundle.
  assert.equal((await fetch(`${base}/`)).status, 200);
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
  assert.ok(doc.paths["/api/claims"]);

  server.child.kill("SIGTERM");
  assert.equal(await server.exited, 0);
  assert.ok(!existsSync(join(dataDir, "pglite", "btnn.lock")), "lock released");
});
