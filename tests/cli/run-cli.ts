// Runs the real `btnn` binary (bin/btnn.mjs) as a child process, as a user would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = new URL("../../bin/btnn.mjs", import.meta.url).pathname;

/** Node flags for the CLI and server processes the tests start, as `npm start` runs the server: PGlite's WebAssembly on
 * V8's Liftoff tier only (the optimizing tier recompiled PGlite in background threads of each short-lived process:
 * `btnn audit verify` on a fresh PGlite folder ≈11.7 → ≈6.9 s of CPU). */
export const CLI_NODE_FLAGS = ["--liftoff-only"];

export function btnn(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function btnnJson<T = unknown>(...args: string[]): T {
  const r = btnn(...args, "--json");
  if (r.code !== 0) throw new Error(`btnn ${args.join(" ")} → exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const dir = mkdtempSync(join(tmpdir(), "btnn-cli-"));
let n = 0;
export function tempJson(value: unknown): string {
  const p = join(dir, `input-${n++}.json`);
  writeFileSync(p, typeof value === "string" ? value : JSON.stringify(value));
  return p;
}
