#!/usr/bin/env node
// `npm start` step 2: the server (src/cli/main.ts and everything it imports, node_modules included) bundled by esbuild
// into ONE ES module, .cache/server/btnn.mjs, rebuilt only when one of its inputs changed. Why: Node resolves, reads,
// type-strips and links each of the server's ~900 modules one by one (about 0.4 s of CPU per start); one file is read
// and compiled once, and Node's compile cache keeps its compiled code. The tests and `npx btnn` keep running the
// TypeScript sources; only `npm start` (scripts/start.mjs) uses the bundle.
// Freshness: .cache/server/btnn.json lists every input esbuild read (from its metafile) with size and mtime; one stat
// per input (~900, a few ms) tells whether anything changed. Packages that read their own files at run time
// (PGlite's WebAssembly, argon2's native module) and the large ones loaded only on first use stay outside the bundle
// and load from node_modules as before. `import.meta.url`, `__dirname` and `__filename` in bundled files are
// replaced by their original file's location, so `new URL("../web/dist", import.meta.url)` still means what it says.
// Usage: node scripts/build-server.mjs [--check] [--force]   (--check: only report; exit 1 when a build is needed)
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const OUT_DIR = join(".cache", "server");
export const BUNDLE_FILE = "btnn.mjs";
export const STAMP_FILE = "btnn.json";
const ENTRY = "src/cli/main.ts";
const STAMP_RACE_MS = 50;

/** Not bundled: files of their own read at run time (WebAssembly, native modules, fonts), or large and loaded only
 * when a feature is first used (documents, spreadsheets, mail, the PostgreSQL driver). */
export const EXTERNAL = [
  "@electric-sql/pglite",
  "@node-rs/argon2",
  "pdfmake",
  "exceljs",
  "docx",
  "mammoth",
  "jszip",
  "nodemailer",
  "pg",
  "pg-native",
];

/** { upToDate, reason, entry } for the bundle under `root` (entry: absolute path of the bundle file). */
export function serverBundleState(projectRoot) {
  const root = resolve(projectRoot);
  const dir = join(root, OUT_DIR);
  const entry = join(dir, BUNDLE_FILE);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dir, STAMP_FILE), "utf8"));
  } catch {
    return { upToDate: false, reason: "chưa có bản đóng gói máy chủ", entry };
  }
  if (stamp?.root !== root || stamp?.node !== process.version || !existsSync(entry))
    return { upToDate: false, reason: "bản đóng gói máy chủ được tạo ở nơi khác hoặc bằng Node khác", entry };
  for (const [file, size, mtimeMs] of stamp.inputs ?? []) {
    let st;
    try {
      st = statSync(file);
    } catch {
      return { upToDate: false, reason: `tệp nguồn đã bị xóa (${file})`, entry };
    }
    if (st.size !== size || st.mtimeMs !== mtimeMs)
      return { upToDate: false, reason: `mã nguồn máy chủ đã thay đổi (${file})`, entry };
  }
  return { upToDate: true, reason: "bản đóng gói máy chủ khớp mã nguồn", entry };
}

const LOADERS = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".js": "js", ".mjs": "js", ".cjs": "js" };

/** Rewrites a file's own-location expressions to the literal location of the original file. */
function locatePlugin() {
  return {
    name: "btnn-file-locations",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        const hasMeta = text.includes("import.meta.url");
        const hasDir = text.includes("__dirname") || text.includes("__filename");
        if (!hasMeta && !hasDir) return undefined;
        let contents = hasMeta
          ? text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
          : text;
        // Inside esbuild's CommonJS wrapper these declarations are local to the module.
        if (hasDir && !/^\s*(import|export)\s/m.test(text))
          contents = `var __filename = ${JSON.stringify(args.path)}, __dirname = ${JSON.stringify(dirname(args.path))};\n${contents}`;
        const ext = args.path.slice(args.path.lastIndexOf("."));
        return { contents, loader: LOADERS[ext] ?? "js" };
      });
    },
  };
}

/** Builds the bundle (atomically replaces the previous one) and writes its stamp; returns the bundle's path. */
export async function buildServerBundle(projectRoot) {
  const root = resolve(projectRoot);
  const { build } = await import("esbuild");
  const dir = join(root, OUT_DIR);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `btnn.${process.pid}.tmp.mjs`);
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, ENTRY)],
    outfile: tmp,
    bundle: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    external: EXTERNAL,
    metafile: true,
    logLevel: "error",
    legalComments: "none",
    // Bundled CommonJS packages call require() for Node's modules and each other's optional parts.
    banner: {
      js: 'import { createRequire as __btnnCreateRequire } from "node:module"; const require = __btnnCreateRequire(import.meta.url);',
    },
    plugins: [locatePlugin()],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes(":"))
    .map((f) => resolve(root, f));
  inputs.push(fileURLToPath(import.meta.url), join(root, "package.json"), join(root, "package-lock.json"));
  const entry = join(dir, BUNDLE_FILE);
  renameSync(tmp, entry);
  // A file changed while esbuild ran (or within the file times' coarseness of its start) may be in the bundle in its
  // old form: it is recorded as changed, so the next start builds again.
  const withStats = [...new Set(inputs)].filter(existsSync).map((f) => {
    const st = statSync(f);
    return st.mtimeMs >= startedAt - STAMP_RACE_MS ? [f, -1, 0] : [f, st.size, st.mtimeMs];
  });
  writeFileSync(
    join(dir, STAMP_FILE),
    `${JSON.stringify({ root, node: process.version, built_at: new Date().toISOString(), inputs: withStats })}\n`,
  );
  return entry;
}

/** The fresh bundle's path, rebuilding it when stale; null when it cannot be built (no esbuild, or a build error):
 * the caller then runs the TypeScript sources. `log` gets one Vietnamese line when something is done or wrong. */
export async function ensureServerBundle(root, log = console.log) {
  const state = serverBundleState(root);
  if (state.upToDate) return state.entry;
  const t0 = Date.now();
  try {
    const entry = await buildServerBundle(root);
    log(
      `Đã đóng gói máy chủ vào ${OUT_DIR}/${BUNDLE_FILE} (${state.reason}; ${((Date.now() - t0) / 1000).toFixed(1)} giây).`,
    );
    return entry;
  } catch (e) {
    log(
      `Không đóng gói được máy chủ (${e.code === "ERR_MODULE_NOT_FOUND" ? "không có esbuild" : e.message}): chạy trực tiếp mã nguồn TypeScript.`,
    );
    return null;
  }
}

async function main(argv) {
  const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
  const state = serverBundleState(root);
  if (argv.includes("--check")) {
    console.log(state.upToDate ? "Bản đóng gói máy chủ khớp mã nguồn." : `Cần đóng gói lại máy chủ: ${state.reason}.`);
    return state.upToDate ? 0 : 1;
  }
  if (state.upToDate && !argv.includes("--force")) {
    console.log("Bản đóng gói máy chủ khớp mã nguồn — bỏ qua bước đóng gói.");
    return 0;
  }
  const t0 = Date.now();
  await buildServerBundle(root);
  console.log(`Đã đóng gói máy chủ vào ${OUT_DIR}/${BUNDLE_FILE} (${((Date.now() - t0) / 1000).toFixed(1)} giây).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
