// btnn restore FILE [--force] [--json] — restores a backup into the configured database in one transaction.
// Refuses when the database already holds data unless --force (which replaces everything).
import { resolve } from "node:path";
import { loadConfig } from "../../config.ts";
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
    const r = await restoreDatabase(database, file, { force: values.force }).catch(fromDomain);
    const rows = Object.values(r.tables).reduce((s, n) => s + n, 0);
    if (values.json) printJson({ file, ...r });
    else
      console.log(
        `Đã khôi phục ${rows} dòng (${Object.keys(r.tables).length} bảng, lược đồ ${r.migration}) vào ${describeTarget(config)}${r.replaced ? " — dữ liệu cũ đã bị thay thế" : ""}.`,
      );
    return 0;
  } finally {
    await database.close();
  }
};

export default command;
