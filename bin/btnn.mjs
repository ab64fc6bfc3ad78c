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
await import("../src/cli/main.ts");
