// btnn audit verify [--json] — checks the hash chain of the audit log. Exit 0 = intact, 1 = broken (seq and reason).
// btnn audit list [--entity E] [--entity-id ID] [--limit N] [--json] — newest audit rows.
import { loadConfig } from "../../config.ts";
import { listAudit, verifyAuditChain } from "../../db/audit.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { SYSTEM_SCOPE } from "../../domain/access/scope.ts";
import { type CliCommand, CliError, parseCli, printJson } from "../io.ts";

const HELP = `Cách dùng:
  btnn audit verify [--json]     Kiểm tra chuỗi băm của nhật ký kiểm toán (mã thoát 0: nguyên vẹn, 1: bị can thiệp)
  btnn audit list [--entity E] [--entity-id ID] [--limit N] [--json]
Cơ sở dữ liệu: DATABASE_URL (PostgreSQL) hoặc DATA_DIR (PGlite, mặc định ./data).`;

const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCli(argv, {
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    entity: { type: "string" },
    "entity-id": { type: "string" },
    limit: { type: "string" },
  });
  const sub = positionals[0];
  if (values.help || !sub) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (sub !== "verify" && sub !== "list") throw new CliError(`lệnh con không tồn tại "${sub}" (verify hoặc list)`);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    if (sub === "verify") {
      const r = await verifyAuditChain(database.db);
      if (values.json) printJson(r);
      else if (r.ok)
        console.log(`Nhật ký kiểm toán nguyên vẹn: đã kiểm tra ${r.checked} bản ghi (${describeTarget(config)}).`);
      else
        console.error(
          `Nhật ký kiểm toán BỊ CAN THIỆP tại bản ghi số ${r.broken_at}: ${r.reason}. Đã kiểm tra đúng ${r.checked} bản ghi trước đó.`,
        );
      return r.ok ? 0 : 1;
    }
    const limit = values.limit ? Number(values.limit) : 20;
    if (!Number.isInteger(limit) || limit < 1) throw new CliError("--limit phải là số nguyên dương");
    const rows = await listAudit(database.db, SYSTEM_SCOPE, {
      entity: values.entity,
      entity_id: values["entity-id"],
      limit,
    });
    if (values.json) printJson(rows);
    else
      for (const r of rows)
        console.log(
          `#${r.seq} ${r.at.toISOString()} ${r.action} ${r.entity}${r.entity_id ? `/${r.entity_id}` : ""} bởi ${r.actor_user_id ?? "hệ thống"}${r.actor_agency_id ? ` (${r.actor_agency_id})` : ""}`,
        );
    return 0;
  } finally {
    await database.close();
  }
};

export default command;
