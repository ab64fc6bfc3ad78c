// `btnn case-list` against a local PGlite database (DATA_DIR, under its lock), as a user runs it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLI_NODE_FLAGS } from "../cli/run-cli.ts";

const bin = new URL("../../bin/btnn.mjs", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "btnn-case-list-"));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "", NO_COLOR: "1" },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

before(() => {
  const r = run("seed", "--demo");
  assert.equal(r.code, 0, r.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("KH 2021 mục II.1.1 — btnn case-list: xem trước, --save lưu danh mục, lần sau in đúng danh mục đã lưu; --xlsx ghi tệp", () => {
  const xlsx = join(dir, "danh-muc.xlsx");
  const preview = run(
    "case-list",
    "--kind",
    "half_year_2017",
    "--period",
    "2024-H1",
    "--as-of",
    "2024-07-15",
    "--json",
  );
  assert.equal(preview.code, 0, preview.stderr);
  const p = JSON.parse(preview.stdout);
  assert.equal(p.stored, false);
  assert.equal(p.new_count + p.carried_over_count, p.total);
  for (const r of p.rows) assert.ok(r.accepted_on >= "2018-07-01" && r.accepted_on <= "2024-06-30");
  const saved = run(
    "case-list",
    "--kind",
    "half_year_2017",
    "--period",
    "2024-H1",
    "--as-of",
    "2024-07-15",
    "--save",
    "--json",
  );
  assert.equal(saved.code, 0, saved.stderr);
  const s = JSON.parse(saved.stdout);
  assert.equal(s.stored, true);
  assert.deepEqual(s.rows, p.rows);
  // A later run (another as-of date) shows the stored snapshot, not a recomputation.
  const later = run(
    "case-list",
    "--kind",
    "half_year_2017",
    "--period",
    "2024-H1",
    "--as-of",
    "2025-01-10",
    "--json",
    "--xlsx",
    xlsx,
  );
  assert.equal(later.code, 0, later.stderr);
  assert.equal(JSON.parse(later.stdout).id, s.id);
  assert.equal(JSON.parse(later.stdout).as_of, "2024-07-15");
  assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), "PK");
});

test("KH 2021 mục II.1.2 — kỳ sai dạng: lỗi tiếng Việt, mã thoát 2", () => {
  const r = run("case-list", "--kind", "quarter_2009", "--period", "2024-Q5");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /YYYY-Q1/);
});
