#!/usr/bin/env node
// Entry for `npx btnn …`: Node.js 24 runs the TypeScript sources directly (type stripping), no transpiler.
// npm puts the project's own Node 24 (devDependency `node`) first on PATH, so `npx btnn` runs on it.
if (!process.features?.typescript) {
  console.error(
    `BTNN cần Node.js 24 LTS (đang chạy ${process.version}). Chạy qua "npx btnn" hoặc "npm start" trong thư mục dự án ` +
      "để dùng Node 24 cài kèm dự án.",
  );
  process.exit(2);
}
// Node's compile cache (see src/cli/module-loading.ts) is switched on before the first TypeScript file is read, so
// main.ts and module-loading.ts are not type-stripped again at every start (that alone loads Node's TypeScript
// stripper: ~0.1 s of CPU for `npm start` and every `npx btnn`).
const { enableCompileCache } = await import("node:module");
const { fileURLToPath } = await import("node:url");
enableCompileCache(
  process.env.NODE_COMPILE_CACHE ||
    fileURLToPath(new URL("../node_modules/.cache/node-compile-cache", import.meta.url)),
);
await import("../src/cli/main.ts");
