// The web UI the browser tests load: built once per source hash into .cache/web-<hash> and reused while the sources
// are unchanged. Its own module (no app, database or browser imports) so tests/run.mjs can build it beside the type
// check, before the first browser test file needs it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name === "dist" || name === "node_modules") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Hash of everything the web bundle is built from (web/ sources, the domain and contracts it imports, the lock file). */
export function webSourceHash(): string {
  const h = createHash("sha256");
  // The web bundle also imports pure domain modules and the public portal's zod contracts.
  const files = [
    ...walk(join(ROOT, "web")),
    ...walk(join(ROOT, "src/domain")),
    ...walk(join(ROOT, "src/http/contracts")),
    join(ROOT, "package-lock.json"),
  ];
  for (const f of files) {
    if (!existsSync(f)) continue;
    h.update(relative(ROOT, f));
    h.update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

/** Builds the web UI into .cache/web-<hash> (reused while the sources are unchanged); returns the folder. */
export async function buildWeb(): Promise<string> {
  const out = join(ROOT, ".cache", `web-${webSourceHash()}`);
  if (existsSync(join(out, "index.html"))) return out;
  const tmp = `${out}.tmp-${process.pid}`;
  mkdirSync(join(ROOT, ".cache"), { recursive: true });
  const { build } = await import("vite");
  await build({
    configFile: join(ROOT, "web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir: tmp, emptyOutDir: true },
  });
  try {
    renameSync(tmp, out);
  } catch {
    // another process finished the same build first
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}
