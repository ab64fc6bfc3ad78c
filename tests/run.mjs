#!/usr/bin/env node
// Runs every test file with node:test. Node 20's --test does not expand globs, so the files are listed here.
// Order: lint (Biome) and type check first — a failing gate stops the run — then the suites.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
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

const filter = process.argv.slice(2);
const files = [...collect(join(root, "src"), []), ...collect(join(root, "tests"), [])]
  .filter((f) => filter.length === 0 || filter.some((s) => f.includes(s)))
  .sort();

if (filter.length === 0 && !process.env.BTNN_SKIP_LINT) {
  for (const [cmd, args] of [
    ["npx", ["biome", "check", "."]],
    ["npx", ["tsc", "--noEmit"]],
    ["npx", ["tsc", "--noEmit", "-p", "web/tsconfig.json"]],
  ]) {
    console.log(`# ${cmd} ${args.join(" ")}`);
    const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
    if (r.status !== 0) {
      console.error(`Kiểm tra "${args.join(" ")}" thất bại — sửa lỗi ở trên rồi chạy lại.`);
      process.exit(r.status ?? 1);
    }
  }
}

if (files.length === 0) {
  console.error("Không tìm thấy tệp kiểm thử nào.");
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=2", "--test-timeout=600000", ...files], {
  cwd: root,
  stdio: "inherit",
});
process.exit(r.status ?? 1);
