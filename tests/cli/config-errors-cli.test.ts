// Database commands other than `serve` read the same configuration: a bad variable or an unreachable server is one
// Vietnamese line naming the problem and exit code 2, never a stack trace.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";

const bin = new URL("../../bin/btnn.mjs", import.meta.url).pathname;

function run(env: Record<string, string>, ...args: string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), "btnn-cfg-"));
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, NO_COLOR: "1", ...env },
  });
  return { code: r.status ?? -1, stderr: r.stderr.trim() };
}

describe("btnn migrate/seed — cấu hình sai", () => {
  test("DATABASE_URL không phải URL postgres:// → một dòng nêu tên biến, mã thoát 2", () => {
    const r = run({ DATABASE_URL: "khong-phai-url" }, "migrate");
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split("\n").length, 1);
    assert.match(r.stderr, /^Lỗi: .*DATABASE_URL/);
  });
  test("PORT ngoài khoảng → btnn seed --demo dừng trước khi mở cơ sở dữ liệu, mã thoát 2", () => {
    const r = run({ PORT: "70000" }, "seed", "--demo");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Lỗi: .*PORT/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  });
  test("máy chủ PostgreSQL không kết nối được → một dòng, mã thoát 2", () => {
    const r = run({ DATABASE_URL: "postgres://btnn@127.0.0.1:1/btnn" }, "migrate");
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split("\n").length, 1);
    assert.match(r.stderr, /^Lỗi: .*PostgreSQL/);
  });
});
