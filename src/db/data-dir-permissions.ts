// DATA_DIR holds the database files (PGlite, with claimants' ID numbers in its WAL), the uploads and the server's
// control token: only the account running BTNN may read them. Every `btnn` command runs with umask 077 (src/cli/
// main.ts), so what it creates is 0600/0700; PGlite's initdb still writes its first files 0666, and folders made by
// older versions or by hand are often 0755 — hence this sweep after the database is opened, which tightens every
// folder to 0700 and every file to 0600 (symbolic links are left alone) and reports what it changed.
import { chmodSync, existsSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

export type PermissionFix = { dirs: number; files: number };

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Removes group/other access below (and including) `dir`. Returns how many folders and files were changed. */
export function restrictDataDir(dir: string): PermissionFix {
  const fixed: PermissionFix = { dirs: 0, files: 0 };
  if (!existsSync(dir)) return fixed;
  const visit = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      if ((st.mode & 0o777) !== DIR_MODE) {
        chmodSync(path, DIR_MODE);
        fixed.dirs++;
      }
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if ((st.mode & 0o777) !== FILE_MODE) {
      chmodSync(path, FILE_MODE);
      fixed.files++;
    }
  };
  visit(dir);
  return fixed;
}

/** The Vietnamese log line for a sweep that changed something (undefined when nothing needed fixing). */
export function describeFix(dir: string, fix: PermissionFix): string | undefined {
  if (fix.dirs === 0 && fix.files === 0) return undefined;
  return `Đã sửa quyền thư mục dữ liệu ${dir} thành 0700: ${fix.dirs} thư mục → 0700, ${fix.files} tệp → 0600 (chỉ tài khoản chạy BTNN được đọc/ghi).`;
}
