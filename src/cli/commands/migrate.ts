// btnn migrate [--json] — applies pending migrations to the configured database (DATABASE_URL or DATA_DIR).
import { loadConfig } from "../../config.ts";
import { appliedMigrationCount, latestMigrationId } from "../../db/migrate.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { type CliCommand, parseCli, printJson } from "../io.ts";

const command: CliCommand = async (argv) => {
  const { values } = parseCli(argv, { json: { type: "boolean" }, help: { type: "boolean", short: "h" } }, false);
  if (values.help) {
    console.log("Cách dùng: btnn migrate [--json]\nChạy các migration chưa áp dụng (DATABASE_URL hoặc DATA_DIR).");
    return 0;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const applied = await appliedMigrationCount(database);
    const out = { target: describeTarget(config), applied, latest: latestMigrationId() };
    if (values.json) printJson(out);
    else console.log(`Đã áp dụng ${applied} migration (mới nhất: ${out.latest}) trên ${out.target}.`);
    return 0;
  } finally {
    await database.close();
  }
};

export default command;
