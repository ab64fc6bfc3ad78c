// `npm start` runs the server from one bundled file (scripts/build-server.mjs), rebuilt only when an input changed:
// the stamp lists every input esbuild read with its size and mtime. Checked on a fake tree (esbuild is not run here;
// tests/http/serve.test.ts builds and runs the real bundle through `npm start`).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
// @ts-expect-error plain ESM script without type declarations
import { BUNDLE_FILE, OUT_DIR, pruneBuilds, STAMP_FILE, serverBundleState } from "../../scripts/build-server.mjs";

const root = mkdtempSync(join(tmpdir(), "btnn-buildserver-"));
after(() => rmSync(root, { recursive: true, force: true }));
const w = (rel: string, text: string) => {
  mkdirSync(join(root, rel, ".."), { recursive: true });
  writeFileSync(join(root, rel), text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, rel), past, past);
};
const inputs = ["src/cli/main.ts", "src/http/app.ts", "node_modules/.package-lock.json"];
for (const f of inputs) w(f, `// ${f}\n`);
w(join(OUT_DIR, "b1-1", BUNDLE_FILE), "// bundle\n");

function stamp(extra: Record<string, unknown> = {}) {
  const list = inputs.map((f) => {
    const st = statSync(join(root, f));
    return [join(root, f), st.size, st.mtimeMs];
  });
  writeFileSync(
    join(root, OUT_DIR, STAMP_FILE),
    JSON.stringify({ root, node: process.version, build: "b1-1", inputs: list, ...extra }),
  );
}

test("chưa có dấu → cần đóng gói; dấu khớp mọi tệp đầu vào → dùng bản đã đóng gói", () => {
  assert.deepEqual(
    { ...serverBundleState(root), entry: undefined },
    { upToDate: false, reason: "chưa có bản đóng gói máy chủ", entry: undefined },
  );
  stamp();
  const s = serverBundleState(root);
  assert.equal(s.upToDate, true);
  assert.equal(s.entry, join(root, OUT_DIR, "b1-1", BUNDLE_FILE));
  assert.equal(serverBundleState(`${root}/`).upToDate, true, "a trailing slash is the same folder");
});

test("sửa một tệp mã nguồn, cài lại gói (node_modules/.package-lock.json), xóa một tệp → đóng gói lại, lý do nêu tệp", () => {
  for (const f of inputs) {
    stamp();
    w(f, `// ${f} changed\n`);
    const s = serverBundleState(root);
    assert.equal(s.upToDate, false, f);
    assert.equal(s.reason, `mã nguồn máy chủ đã thay đổi (${join(root, f)})`);
  }
  stamp();
  unlinkSync(join(root, inputs[1]));
  assert.match(serverBundleState(root).reason, /^tệp nguồn đã bị xóa/);
  w(inputs[1], "// back\n");
});

test("dấu của thư mục khác, của Node khác, hay thiếu tệp đóng gói → đóng gói lại", () => {
  stamp({ root: "/elsewhere" });
  assert.equal(serverBundleState(root).upToDate, false);
  stamp({ node: "v20.0.0" });
  assert.equal(serverBundleState(root).upToDate, false);
  stamp();
  assert.equal(serverBundleState(root).upToDate, true);
  unlinkSync(join(root, OUT_DIR, "b1-1", BUNDLE_FILE));
  assert.equal(serverBundleState(root).upToDate, false);
});

test("đóng gói lại: xóa các bản cũ, trừ bản một máy chủ đang chạy còn dùng (in-use.<pid> của tiến trình còn sống) và bản vừa được tạo", () => {
  const dir = join(root, "prune");
  const hourAgo = new Date(Date.now() - 3_600_000);
  const build = (name: string, marker?: number, touched = hourAgo) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, BUNDLE_FILE), "");
    if (marker !== undefined) writeFileSync(join(dir, name, `in-use.${marker}`), "");
    utimesSync(join(dir, name), touched, touched);
  };
  build("bnew-1");
  build("bold-2");
  build("bused-3", process.pid);
  build("bdead-4", 2 ** 22 + 12345); // above Linux's pid_max: no such process
  build("bbuilding-5", undefined, new Date()); // another npm start building right now
  writeFileSync(join(dir, STAMP_FILE), "{}");
  pruneBuilds(dir, "bnew-1");
  assert.ok(existsSync(join(dir, "bbuilding-5", BUNDLE_FILE)), "a build folder touched in the last minutes");
  assert.ok(existsSync(join(dir, "bnew-1", BUNDLE_FILE)), "the new build");
  assert.ok(existsSync(join(dir, "bused-3", BUNDLE_FILE)), "a build a live process uses");
  assert.ok(!existsSync(join(dir, "bold-2")), "an unused old build");
  assert.ok(!existsSync(join(dir, "bdead-4")), "a build whose process is gone");
  assert.ok(existsSync(join(dir, STAMP_FILE)), "other files stay");
});
