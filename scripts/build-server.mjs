#!/usr/bin/env node
// `npm start` step 2: the server (src/cli/main.ts and everything it imports, node_modules included) bundled by esbuild
// into a few ES modules in .cache/server/<build>/ (btnn.mjs and one chunk per part loaded on demand: a CLI command, the
// demo seed, document generation…), rebuilt only when one of its inputs changed. Why: Node resolves, reads, type-strips
// and links each of the server's ~900 modules one by one (about 0.4 s of CPU per start); a few files are read and
// compiled at once, and Node's compile cache keeps their compiled code. Chunks (not one file) keep what src loads on
// first use lazy: esbuild hoists the imports of external packages and of Node's modules to the top of the file that
// holds the importer (one file: docx, pg and node:http — whose ES facade loads Node's undici, ~0.3 s — at every start).
// Each build has its own folder and a running server marks its folder in use (in-use.<pid>), so a rebuild never
// removes chunks a running server may still load. The tests and `npx btnn` keep running the TypeScript sources; only
// `npm start` (scripts/start.mjs) uses the bundle.
// Freshness: .cache/server/btnn.json lists the project's files esbuild read (from its metafile) and npm's record of
// the installed packages, with size and mtime; one stat per file (~350, a few ms) tells whether anything changed.
// Packages that read their own files at run time (PGlite's WebAssembly, argon2's native module) and the large ones
// loaded only on first use stay outside the bundle and load from node_modules as before. `import.meta.url`,
// `__dirname` and `__filename` in bundled files are replaced by their original file's location, so
// `new URL("../web/dist", import.meta.url)` still means what it says.
// Usage: node scripts/build-server.mjs [--check] [--force]   (--check: only report; exit 1 when a build is needed)
// Node's modules through process.getBuiltinModule (see scripts/build-web.mjs): this runs in the server's process.
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } =
  process.getBuiltinModule("node:fs");
const { readFile } = process.getBuiltinModule("node:fs/promises");
const { dirname, join, resolve } = process.getBuiltinModule("node:path");
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule("node:url");

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

/** { upToDate, reason, entry } for the bundle under `root` (entry: absolute path of the bundle's main file). */
export function serverBundleState(projectRoot) {
  const root = resolve(projectRoot);
  const dir = join(root, OUT_DIR);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dir, STAMP_FILE), "utf8"));
  } catch {
    return { upToDate: false, reason: "chưa có bản đóng gói máy chủ", entry: null };
  }
  const entry = typeof stamp?.build === "string" ? join(dir, stamp.build, BUNDLE_FILE) : null;
  if (stamp?.root !== root || stamp?.node !== process.version || !entry || !existsSync(entry))
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

/** Node's own modules imported by ES modules get an ES facade whose exports are all read at import time, which runs
 * Node's lazy getters (fs streams, web crypto, BlockList…: ~0.1 s of CPU at start). In the bundle they are required
 * instead, and each export is read where it is used. */
function builtinsPlugin() {
  return {
    name: "btnn-node-builtins",
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) =>
        args.kind === "import-statement" ? { path: args.path, namespace: "btnn-builtin" } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "btnn-builtin" }, (args) => ({
        contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
    },
  };
}

/** Builds the bundle (atomically replaces the previous one) and writes its stamp; returns the bundle's path. */
export async function buildServerBundle(projectRoot) {
  const root = resolve(projectRoot);
  const { build } = await import("esbuild");
  const dir = join(root, OUT_DIR);
  const buildId = `b${Date.now().toString(36)}-${process.pid}`;
  const out = join(dir, buildId);
  mkdirSync(out, { recursive: true });
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { btnn: join(root, ENTRY) },
    outdir: out,
    outExtension: { ".js": ".mjs" },
    chunkNames: "[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    external: EXTERNAL,
    metafile: true,
    logLevel: "error",
    legalComments: "none",
    // Bundled CommonJS packages call require() for Node's modules and each other's optional parts.
    banner: {
      js: 'const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);',
    },
    plugins: [builtinsPlugin(), locatePlugin()],
  });
  // The project's own files one by one; the ~600 package files through npm's record of what it installed
  // (node_modules/.package-lock.json, rewritten by every npm install/ci), which halves the stats of each check.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes(":"))
    .map((f) => resolve(root, f))
    .filter((f) => !f.includes("/node_modules/"));
  inputs.push(
    fileURLToPath(import.meta.url),
    join(root, "package.json"),
    join(root, "package-lock.json"),
    join(root, "node_modules", ".package-lock.json"),
  );
  // A file changed while esbuild ran (or within the file times' coarseness of its start) may be in the bundle in its
  // old form: it is recorded as changed, so the next start builds again.
  const withStats = [...new Set(inputs)].filter(existsSync).map((f) => {
    const st = statSync(f);
    return st.mtimeMs >= startedAt - STAMP_RACE_MS ? [f, -1, 0] : [f, st.size, st.mtimeMs];
  });
  const tmp = join(dir, `${STAMP_FILE}.${process.pid}.tmp`);
  writeFileSync(
    tmp,
    `${JSON.stringify({ root, node: process.version, build: buildId, built_at: new Date().toISOString(), inputs: withStats })}\n`,
  );
  renameSync(tmp, join(dir, STAMP_FILE));
  pruneBuilds(dir, buildId);
  return join(out, BUNDLE_FILE);
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
};

const PRUNE_AFTER_MS = 10 * 60_000;

/** Removes the earlier builds that no running server marked in use (and that nobody touched for 10 minutes). */
export function pruneBuilds(dir, keep, now = Date.now()) {
  for (const name of readdirSync(dir)) {
    if (name === keep || !/^b[0-9a-z]+-\d+$/.test(name)) continue;
    // A folder touched in the last minutes may be another `npm start` building, or about to mark it in use.
    if (now - statSync(join(dir, name)).mtimeMs < PRUNE_AFTER_MS) continue;
    const markers = readdirSync(join(dir, name)).filter((f) => f.startsWith("in-use."));
    if (markers.some((f) => isAlive(Number(f.slice("in-use.".length))))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Marks the build holding `entry` as used by this process until it exits (a rebuild then keeps it). */
export function markInUse(entry) {
  const marker = join(dirname(entry), `in-use.${process.pid}`);
  try {
    writeFileSync(marker, "");
  } catch {
    return; // a read-only installation: nothing rebuilds there either
  }
  process.on("exit", () => {
    try {
      unlinkSync(marker);
    } catch {
      // already gone
    }
  });
}

/** The fresh bundle's path, rebuilding it when stale; null when it cannot be built (no esbuild, or a build error):
 * the caller then runs the TypeScript sources. `log` gets one Vietnamese line when something is done or wrong. */
export async function ensureServerBundle(root, log = console.log) {
  const state = serverBundleState(root);
  if (state.upToDate) return state.entry;
  const t0 = Date.now();
  try {
    const entry = await buildServerBundle(root);
    log(`Đã đóng gói máy chủ vào ${OUT_DIR} (${state.reason}; ${((Date.now() - t0) / 1000).toFixed(1)} giây).`);
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
  console.log(`Đã đóng gói máy chủ vào ${OUT_DIR} (${((Date.now() - t0) / 1000).toFixed(1)} giây).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
