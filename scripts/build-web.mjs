#!/usr/bin/env node
// `npm start` step 1: builds the web UI (vite) only when web/dist is missing or older than its sources.
// The sources' fingerprint — SHA-256 over the names and contents of web/src/**, web/index.html, web/vite.config.ts,
// web/tsconfig.json and package-lock.json — is stored in web/dist/.btnn-build.json after each build; when it still
// matches, the build (≈ a minute on a small machine) is skipped. Prints one Vietnamese line either way.
// The stamp also lists each input's size and mtime: when none changed, the check costs a directory walk and ~100
// stats instead of reading and hashing ~2 MB at every start (`npm start` runs it in the server's own process,
// scripts/start.mjs). A file modified within STAMP_RACE_MS of the stamp is hashed again (file times are coarse).
// Usage: node scripts/build-web.mjs [--check] [--force]   (--check: only report; exit 1 when a build is needed)
// Node's modules through process.getBuiltinModule, not `import`: an ES import of node:fs reads every export of it,
// which loads fs streams (this runs inside `npm start`'s server process, scripts/start.mjs).
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = process.getBuiltinModule("node:fs");
const { join, relative } = process.getBuiltinModule("node:path");
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule("node:url");
const createHash = (algorithm) => process.getBuiltinModule("node:crypto").createHash(algorithm);

export const STAMP_FILE = ".btnn-build.json";
const INPUTS = ["web/src", "web/index.html", "web/vite.config.ts", "web/tsconfig.json", "package-lock.json"];

const STAMP_RACE_MS = 50;

/** Every input file of the web build, sorted: [relative path, size, mtimeMs]. */
function webInputFiles(root) {
  const out = [];
  const add = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    out.push([relative(root, path).split("\\").join("/"), st.size, st.mtimeMs]);
  };
  for (const input of INPUTS) add(join(root, input));
  return out;
}

/** Fingerprint of everything the web build reads (missing inputs count as absent, not as errors). */
export function webInputsHash(root) {
  const h = createHash("sha256");
  for (const [rel] of webInputFiles(root)) {
    h.update(`${rel}\0`);
    h.update(readFileSync(join(root, rel)));
    h.update("\0");
  }
  return h.digest("hex");
}

/** True when the stamp's file list matches the inputs' names, sizes and times (and none is too close to the stamp). */
function sameFiles(stamp, files) {
  const listed = stamp?.files;
  if (!Array.isArray(listed) || listed.length !== files.length || typeof stamp.stamped_ms !== "number") return false;
  return files.every(
    ([rel, size, mtime], i) =>
      listed[i][0] === rel &&
      listed[i][1] === size &&
      listed[i][2] === mtime &&
      mtime < stamp.stamped_ms - STAMP_RACE_MS,
  );
}

/** { upToDate, reason, hash, files } for the web/dist under `root` (`files`: the inputs' stats the hash was taken at). */
export function webBuildState(root) {
  const dist = join(root, "web", "dist");
  const statedAt = Date.now();
  const files = webInputFiles(root);
  const state = (upToDate, reason, hash = webInputsHash(root)) => ({ upToDate, reason, hash, files, statedAt });
  if (!existsSync(join(dist, "index.html"))) return state(false, "chưa có web/dist");
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, STAMP_FILE), "utf8"));
  } catch {
    return state(false, "web/dist chưa có dấu phiên bản nguồn");
  }
  if (sameFiles(stamp, files)) return state(true, "web/dist khớp mã nguồn", stamp.hash);
  const hash = webInputsHash(root);
  if (stamp?.hash !== hash) return state(false, "mã nguồn giao diện đã thay đổi", hash);
  // Same contents, new file times (a checkout, a copy): remember them so that the next check needs no hashing.
  writeStamp(root, hash, { files, statedAt });
  return state(true, "web/dist khớp mã nguồn", hash);
}

/** Records the sources' fingerprint in web/dist (and the stats it was taken at: taken now when not given). */
export function writeStamp(root, hash, at = { statedAt: Date.now(), files: webInputFiles(root) }) {
  writeFileSync(
    join(root, "web", "dist", STAMP_FILE),
    `${JSON.stringify({ hash, built_at: new Date().toISOString(), stamped_ms: at.statedAt, files: at.files })}\n`,
  );
}

/** Builds web/dist when needed (argv: --check, --force); prints one Vietnamese line; returns the exit code. */
export function ensureWebBuilt(root, argv = []) {
  const state = webBuildState(root);
  if (state.upToDate && !argv.includes("--force")) {
    console.log("Giao diện web đã được xây dựng và khớp mã nguồn — bỏ qua bước xây dựng (vite build).");
    return 0;
  }
  if (argv.includes("--check")) {
    console.log(`Cần xây dựng lại giao diện web: ${state.reason}.`);
    return 1;
  }
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  if (!existsSync(vite)) {
    console.log(
      existsSync(join(root, "web", "dist", "index.html"))
        ? `Không có vite (cài đặt không kèm devDependencies): dùng web/dist hiện có dù ${state.reason}.`
        : "Không có vite và chưa có web/dist: máy chủ vẫn chạy API, trang chủ là trang giữ chỗ.",
    );
    return 0;
  }
  console.log(`Đang xây dựng giao diện web (${state.reason}) …`);
  const t0 = Date.now();
  const { spawnSync } = process.getBuiltinModule("node:child_process");
  const r = spawnSync(process.execPath, [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error("Lỗi: xây dựng giao diện web thất bại (xem thông báo của vite ở trên).");
    return r.status ?? 1;
  }
  writeStamp(root, state.hash, state);
  console.log(`Đã xây dựng giao diện web vào web/dist (${((Date.now() - t0) / 1000).toFixed(1)} giây).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = ensureWebBuilt(fileURLToPath(new URL("..", import.meta.url)), process.argv.slice(2));
