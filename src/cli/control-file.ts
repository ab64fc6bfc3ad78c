// DATA_DIR/btnn-control.json: how a `btnn` command reaches the server that holds the PGlite folder's lock — its pid,
// its loopback URL and a random token (32 bytes). Written by `btnn serve` at start (0600: only the account running
// BTNN reads it; the token IS the authorisation of POST /api/admin/backup), removed at shutdown.
import { randomBytes } from "node:crypto";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CONTROL_FILE = "btnn-control.json";

export type ControlInfo = { pid: number; url: string; token: string };

export const controlPath = (dataDir: string) => join(dataDir, CONTROL_FILE);

export function newControlToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The URL a local command uses: a wildcard listen address is reached on loopback. */
export function localUrl(host: string, port: number): string {
  const h = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

export function writeControlFile(dataDir: string, info: ControlInfo): () => void {
  const path = controlPath(dataDir);
  writeFileSync(path, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      // Only ours: a newer server may have replaced it.
      if (readControlFile(dataDir)?.token === info.token) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.once("exit", remove);
  return remove;
}

export function readControlFile(dataDir: string): ControlInfo | null {
  try {
    const v = JSON.parse(readFileSync(controlPath(dataDir), "utf8")) as Partial<ControlInfo>;
    return typeof v.pid === "number" && typeof v.url === "string" && typeof v.token === "string"
      ? (v as ControlInfo)
      : null;
  } catch {
    return null;
  }
}
