// `npm start` skips the web build when web/dist matches its sources (scripts/build-web.mjs): the fingerprint covers
// web/src/**, web/index.html, web/vite.config.ts, web/tsconfig.json and package-lock.json. Checked on a copy-sized
// fake tree (vite is not run here).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
// @ts-expect-error plain ESM script without type declarations
import { STAMP_FILE, webBuildState, webInputsHash, writeStamp } from "../../scripts/build-web.mjs";

const root = mkdtempSync(join(tmpdir(), "btnn-buildweb-"));
after(() => rmSync(root, { recursive: true, force: true }));
const w = (rel: string, text: string) => {
  mkdirSync(join(root, rel, ".."), { recursive: true });
  writeFileSync(join(root, rel), text);
};
w("web/src/main.tsx", "export const a = 1;\n");
w("web/src/pages/claims.tsx", "export const b = 2;\n");
w("web/index.html", "<!doctype html>\n");
w("web/vite.config.ts", "export default {};\n");
w("package-lock.json", "{}\n");

test("chưa có web/dist → cần xây dựng", () => {
  const s = webBuildState(root);
  assert.equal(s.upToDate, false);
  assert.equal(s.reason, "chưa có web/dist");
});

test("web/dist có dấu khớp mã nguồn → bỏ qua; sửa một tệp nguồn, index.html hay package-lock.json → xây dựng lại", () => {
  w("web/dist/index.html", "<!doctype html>built\n");
  assert.equal(webBuildState(root).reason, "web/dist chưa có dấu phiên bản nguồn");
  writeStamp(root, webInputsHash(root));
  assert.equal(webBuildState(root).upToDate, true);
  // output files do not count: only the sources
  w("web/dist/assets/x.js", "built");
  assert.equal(webBuildState(root).upToDate, true);

  for (const [file, text] of [
    ["web/src/pages/claims.tsx", "export const b = 3;\n"],
    ["web/index.html", "<!doctype html><title>x</title>\n"],
    ["package-lock.json", '{"lockfileVersion":3}\n'],
    ["web/src/new-file.ts", "export {};\n"],
  ] as const) {
    writeStamp(root, webInputsHash(root));
    assert.equal(webBuildState(root).upToDate, true);
    w(file, text);
    const s = webBuildState(root);
    assert.equal(s.upToDate, false, file);
    assert.equal(s.reason, "mã nguồn giao diện đã thay đổi");
  }
  writeStamp(root, webInputsHash(root));
  unlinkSync(join(root, "web/src/new-file.ts"));
  assert.equal(webBuildState(root).upToDate, false, "a deleted source file counts too");
  assert.equal(STAMP_FILE, ".btnn-build.json");
});

test("dấu ghi kích thước và giờ sửa của từng tệp: không tệp nào đổi → không đọc lại nội dung; một tệp đổi → băm lại", () => {
  w("web/dist/index.html", "<!doctype html>built\n");
  // Sources last modified a minute ago (a file modified just before the stamp is always hashed again).
  const past = new Date(Date.now() - 60_000);
  const touchAll = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) touchAll(p);
      else utimesSync(p, past, past);
    }
  };
  touchAll(join(root, "web/src"));
  for (const f of ["web/index.html", "web/vite.config.ts", "package-lock.json"]) utimesSync(join(root, f), past, past);
  // A stamp whose fingerprint matches nothing: only a check that skips hashing calls it up to date.
  writeStamp(root, "not-the-hash");
  assert.equal(webBuildState(root).upToDate, true);
  w("web/src/main.tsx", "export const a = 10;\n");
  const s = webBuildState(root);
  assert.equal(s.upToDate, false);
  assert.equal(s.reason, "mã nguồn giao diện đã thay đổi");
  // Same contents under new file times (a fresh checkout): up to date, and the new times are remembered.
  writeStamp(root, webInputsHash(root));
  touchAll(join(root, "web/src"));
  assert.equal(webBuildState(root).upToDate, true);
});

test("chạy thật với --check trên kho mã: một dòng tiếng Việt, mã thoát 0 (khớp) hoặc 1 (cần xây dựng)", () => {
  const script = new URL("../../scripts/build-web.mjs", import.meta.url).pathname;
  const r = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.match(
    r.stdout.trim(),
    r.status === 0 ? /^Giao diện web đã được xây dựng/ : /^Cần xây dựng lại giao diện web: /,
  );
  assert.equal(r.stdout.trim().split("\n").length, 1);
});
