// Exclusive lock on a PGlite data folder: `<dataDir>/btnn.lock`, created with O_EXCL and holding the pid.
// PGlite itself does not stop two processes from opening the same folder (which corrupts it), so we do.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";

export const LOCK_FILE = "btnn.lock";

export class DatabaseLockedError extends Error {
  readonly code = "database_locked";
  readonly lockPath: string;
  constructor(lockPath: string, pid: number | null) {
    super(
      `Thư mục dữ liệu đang được một tiến trình khác sử dụng${pid ? ` (pid ${pid})` : ""}: ${lockPath}. ` +
        "Hãy dừng tiến trình đó (ví dụ máy chủ đang chạy) rồi thử lại; nếu chắc chắn không còn tiến trình nào, xóa tệp khóa này.",
    );
    this.name = "DatabaseLockedError";
    this.lockPath = lockPath;
  }
}

const held = new Set<string>();
let exitHookInstalled = false;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DatabaseLockedError. A lock left by a dead process is taken over. Returns the release function. */
export function acquireLock(dataDir: string): () => void {
  const lockPath = resolve(join(dataDir, LOCK_FILE));
  if (held.has(lockPath)) throw new DatabaseLockedError(lockPath, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(lockPath);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on("exit", () => {
          for (const p of held) {
            try {
              unlinkSync(p);
            } catch {
              // already gone
            }
          }
        });
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(lockPath);
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let pid: number | null = null;
      try {
        pid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10) || null;
      } catch {
        pid = null;
      }
      // Our own pid without our in-memory record means a previous process with the same pid (container restart).
      const stale = pid !== null && (pid === process.pid || !pidAlive(pid));
      if (!stale || attempt > 0) throw new DatabaseLockedError(lockPath, pid);
      try {
        unlinkSync(lockPath);
      } catch {
        // raced with another process; retry will tell
      }
    }
  }
  throw new DatabaseLockedError(lockPath, null);
}
