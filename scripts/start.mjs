#!/usr/bin/env node
// `npm start [-- serve options]`: in ONE process (a second Node process cost ~0.1 s of CPU at every start),
//  1. the web UI is built when web/dist is missing or older than its sources (scripts/build-web.mjs);
//  2. the server is bundled when its sources changed (scripts/build-server.mjs), else the previous bundle is used;
//  3. `btnn serve` runs from the bundle (or from the TypeScript sources when it cannot be built).
// Node's flags (--max-semi-space-size, --liftoff-only) are on the command line in package.json.
if (!process.features?.typescript) {
  console.error(
    `BTNN cần Node.js 24 LTS (đang chạy ${process.version}). Chạy "npm start" trong thư mục dự án để dùng Node 24 cài kèm dự án.`,
  );
  process.exit(2);
}
const { enableCompileCache } = process.getBuiltinModule("node:module");
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule("node:url");
const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");

const { ensureWebBuilt } = await import("./build-web.mjs");
const webExit = ensureWebBuilt(root);
if (webExit !== 0) process.exit(webExit);
const { ensureServerBundle, markInUse } = await import("./build-server.mjs");
const bundle = process.env.BTNN_FROM_SOURCE === "1" ? null : await ensureServerBundle(root);
if (bundle) markInUse(bundle);
// Node's compile cache keeps V8's compiled code between starts (~0.1 s of CPU): the bundle's inside its build folder,
// removed with it (every build has new file names: a shared cache would only grow), the sources' in node_modules/.cache.
enableCompileCache(
  process.env.NODE_COMPILE_CACHE ||
    (bundle
      ? `${bundle.slice(0, bundle.lastIndexOf("/"))}/compile-cache`
      : `${root}/node_modules/.cache/node-compile-cache`),
);
process.argv.splice(2, 0, "serve");
await import(bundle ? pathToFileURL(bundle).href : "../src/cli/main.ts");
