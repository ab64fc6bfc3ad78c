#!/usr/bin/env node
// `npm start` step 1: builds the web UI (vite) only when web/dist is missing or older than its sources.
// The sources' fingerprint — SHA-256 over the names and contents of web/src/**, web/index.html, web/vite.config.ts,
// web/tsconfig.json and package-lock.json — is stored in web/dist/.btnn-build.json after each build; when it still
// matches, the build (≈ a minute on a small machine) is skipped. Prints one Vietnamese line either way.
// Usage: node scripts/build-web.mjs [--check] [--force]   (--check: only report; exit 1 when a build is needed)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const STAMP_FILE = ".btnn-build.json";
const INPUTS = ["web/src", "web/index.html", "web/vite.config.ts", "web/tsconfig.json", "package-lock.json"];

/** Fingerprint of everything the web build reads (missing inputs count as absent, not as errors). */
export function webInputsHash(root) {
  const h = createHash("sha256");
  const add = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    h.update(`${relative(root, path).split("\\").join("/")}\0`);
    h.update(readFileSync(path));
    h.update("\0");
  };
  for (const input of INPUTS) add(join(root, input));
  return h.digest("hex");
}

/** { upToDate, reason } for the web/dist under `root`. */
export function webBuildState(root) {
  const dist = join(root, "web", "dist");
  if (!existsSync(join(dist, "index.html")))
    return { upToDate: false, reason: "chưa có web/dist", hash: webInputsHash(root) };
  const hash = webInputsHash(root);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, STAMP_FILE), "utf8"));
  } catch {
    return { upToDate: false, reason: "web/dist chưa có dấu phiên bản nguồn", hash };
  }
  if (stamp?.hash !== hash) return { upToDate: false, reason: "mã nguồn giao diện đã thay đổi", hash };
  return { upToDate: true, reason: "web/dist khớp mã nguồn", hash };
}

export function writeStamp(root, hash) {
  writeFileSync(
    join(root, "web", "dist", STAMP_FILE),
    `${JSON.stringify({ hash, built_at: new Date().toISOString() })}\n`,
  );
}

function main(argv) {
  const root = fileURLToPath(new URL("..", import.meta.url));
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
  const r = spawnSync(process.execPath, [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error("Lỗi: xây dựng giao diện web thất bại (xem thông báo của vite ở trên).");
    return r.status ?? 1;
  }
  writeStamp(root, state.hash);
  console.log(`Đã xây dựng giao diện web vào web/dist (${((Date.now() - t0) / 1000).toFixed(1)} giây).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
