// btnn backup FILE [--json] — writes a portable logical backup (gzip JSON lines) of the configured database
// (DATABASE_URL or DATA_DIR). The same file restores into PGlite or PostgreSQL.
import { resolve } from "node:path";
import { loadConfig } from "../../config.ts";
import { backupDatabase } from "../../db/backup.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { type CliCommand, CliError, parseCli, printJson } from "../io.ts";

const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCli(argv, { json: { type: "boolean" }, help: { type: "boolean", short: "h" } });
  if (values.help || positionals.length !== 1) {
    console.log(
      "Cách dùng: btnn backup TỆP [--json]\nSao lưu toàn bộ cơ sở dữ liệu (DATABASE_URL hoặc DATA_DIR) ra một tệp .jsonl.gz.",
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
    const header = await backupDatabase(database, file);
    const rows = header.tables.reduce((s, t) => s + t.rows, 0);
    if (values.json) printJson({ file, ...header });
    else
      console.log(`Đã sao lưu ${rows} dòng của ${header.tables.length} bảng từ ${describeTarget(config)} vào ${file}.`);
    return 0;
  } finally {
    await database.close();
  }
};

export default command;
