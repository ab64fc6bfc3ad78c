#!/usr/bin/env node
// Runs every test file with node:test. Node 20's --test does not expand globs, so the files are listed here.
// Order: lint (Biome) and type check first — a failing gate stops the run — then the suites.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;

// The suites are TypeScript run by Node 24's type stripping: on an older Node (the system's Node 20) say how to get it.
if (!process.features?.typescript) {
  console.error(
    `Bộ kiểm thử cần Node.js 24 LTS (đang chạy ${process.version}): chạy "npm test" — npm dùng Node 24 cài kèm dự án.`,
  );
  process.exit(2);
}
const skipDirs = new Set(["node_modules", ".git", "data", "dist", ".cache", "test-results"]);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (skipDirs.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name.endsWith(".test.ts")) out.push(relative(root, p));
  }
  return out;
}

// Two files run at a time, in this order: the long folders first (the browser tests take minutes each), so the run
// does not end with one long file alone on one core while the other idles. Alphabetical within a folder group.
const SLOW_FIRST = ["tests/e2e/", "tests/durability/", "tests/ops/", "tests/hostile/", "tests/cli/", "tests/db/"];
function slowRank(file) {
  const i = SLOW_FIRST.findIndex((dir) => file.startsWith(dir));
  return i === -1 ? SLOW_FIRST.length : i;
}

const filter = process.argv.slice(2);
const files = [...collect(join(root, "src"), []), ...collect(join(root, "tests"), [])]
  .filter((f) => filter.length === 0 || filter.some((s) => f.includes(s)))
  .sort()
  .sort((a, b) => slowRank(a) - slowRank(b));

/** Runs a command to its end (output shown as it comes); resolves to its exit status. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

if (filter.length === 0 && !process.env.BTNN_SKIP_LINT) {
  const checks = [
    ["npx", ["biome", "check", "."]],
    ["npx", ["tsc", "--noEmit"]],
    ["npx", ["tsc", "--noEmit", "-p", "web/tsconfig.json"]],
  ];
  // Biome first (seconds); then both type checks side by side, and beside them the web UI for the browser tests is
  // built (tests/e2e/web-build.ts; a no-op while its sources are unchanged) — otherwise one core idles through the
  // type check and the first browser test file builds it while another test file waits for the CPU.
  const failed = [];
  const check = async ([cmd, args]) => {
    console.log(`# ${cmd} ${args.join(" ")}`);
    if ((await run(cmd, args)) !== 0) failed.push(args.join(" "));
  };
  await check(checks[0]);
  if (failed.length === 0) {
    const web = hasBrowserTests(files)
      ? run(process.execPath, ["-e", 'await (await import("./tests/e2e/web-build.ts")).buildWeb()'])
      : Promise.resolve(0);
    await Promise.all([check(checks[1]), check(checks[2])]);
    // A failed build here is not a verdict: the browser test files build again and report the error.
    await web;
  }
  for (const f of failed) console.error(`Kiểm tra "${f}" thất bại — sửa lỗi ở trên rồi chạy lại.`);
  if (failed.length > 0) process.exit(1);
}

function hasBrowserTests(list) {
  return list.some((f) => f.startsWith("tests/e2e/"));
}

if (files.length === 0) {
  console.error("Không tìm thấy tệp kiểm thử nào.");
  process.exit(1);
}
// Each test process loads the CLI's module-loading shortcuts first (src/cli/module-loading.ts: Node's compile cache and
// the resolver shortcut for drizzle-orm's 179 KB package.json): ≈3.4 → ≈1.1 s of CPU to import the app, in each of
// the ~150 test processes. PGlite's WebAssembly on Liftoff only, as `npm start` runs it: V8's optimizing tier
// recompiled PGlite in background threads of every short test process (opening the PGlite template and loading the
// demo seed: ≈8.4 → ≈4.4 s of CPU; two PGlite-heavy files, volume and authz-matrix-10x: 69 → 65 s of CPU).
// Beside the spec reporter, tests/timing-reporter.mjs writes test-results/timings.txt.
const timingsFile = join(root, "test-results", "timings.txt");
mkdirSync(join(root, "test-results"), { recursive: true });
const r = spawnSync(
  process.execPath,
  [
    "--liftoff-only",
    "--import",
    "./src/cli/module-loading.ts",
    "--test",
    "--test-concurrency=2",
    "--test-timeout=600000",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=./tests/timing-reporter.mjs",
    `--test-reporter-destination=${timingsFile}`,
    ...files,
  ],
  { cwd: root, stdio: "inherit" },
);
if (existsSync(timingsFile)) {
  const lines = readFileSync(timingsFile, "utf8").trimEnd().split("\n");
  console.log(`\n${lines[0]}\n${lines.slice(1, 11).join("\n")}\n(đủ danh sách: ${relative(root, timingsFile)})`);
}
process.exit(r.status ?? 1);
