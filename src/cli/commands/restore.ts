// btnn restore FILE [--force] [--json] — restores a backup into the configured database in one transaction.
// Refuses when the database already holds data unless --force (which replaces everything), and refuses a backup whose
// tables or files do not match its SHA-256 manifest. Uploaded files go back into DATA_DIR/uploads.
import { resolve } from "node:path";
import { loadConfig, uploadsDir } from "../../config.ts";
import { restoreDatabase } from "../../db/backup.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { type CliCommand, CliError, fromDomain, parseCli, printJson } from "../io.ts";

const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCli(argv, {
    force: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help || positionals.length !== 1) {
    console.log(
      "Cách dùng: btnn restore TỆP [--force] [--json]\nKhôi phục bản sao lưu vào cơ sở dữ liệu trống (--force: ghi đè dữ liệu hiện có).",
    );
    if (values.help) return 0;
    throw new CliError("cần đúng một tham số: đường dẫn tệp sao lưu");
  }
  const file = resolve(positionals[0]);
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    database = await openConfiguredDatabase(config);
  } catch (e) {
    // A PGlite folder locked by a running server, or an unreachable PostgreSQL: one clear line, exit 2 (no stack).
    throw new CliError((e as Error).message);
  }
  try {
    // Every table and file is checked against the backup's SHA-256 manifest before anything is written.
    const r = await restoreDatabase(database, file, { force: values.force, uploadsDir: uploadsDir(config) }).catch(
      fromDomain,
    );
    const rows = Object.values(r.tables).reduce((s, n) => s + n, 0);
    if (values.json) printJson({ file, ...r });
    else {
      console.log(
        `Đã khôi phục ${rows} dòng (${Object.keys(r.tables).length} bảng, lược đồ ${r.migration}) và ${r.files} tệp tải lên (đã kiểm tra SHA-256) vào ${describeTarget(config)}${r.replaced ? " — dữ liệu cũ đã bị thay thế" : ""}.`,
      );
      for (const m of r.missing_files)
        console.error(`CẢNH BÁO: bản sao lưu không có tệp ${m.name} (${m.reason}); tải tệp này sẽ báo 410.`);
    }
    return 0;
  } finally {
    await database.close();
  }
};

export default command;
