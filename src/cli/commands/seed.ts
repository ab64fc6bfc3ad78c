// btnn seed --demo | --scale N [--seed S] [--as-of YYYY-MM-DD] [--json]
//   --demo     loads the demo (agencies, demo accounts, claims 2019–today) when the database is empty
//   --scale N  generates N× national volume of synthetic claims (benchmarks) into a database without claims
import { loadConfig } from "../../config.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { seedDemo, seedScale } from "../../db/seed/index.ts";
import { isIsoDate } from "../../domain/shared/dates.ts";
import { type CliCommand, CliError, fromDomain, parseCli, printJson } from "../io.ts";

const HELP = `Cách dùng:
  btnn seed --demo [--as-of YYYY-MM-DD] [--json]       Nạp dữ liệu mẫu vào cơ sở dữ liệu trống
  btnn seed --scale N [--seed S] [--as-of …] [--json]  Sinh N lần khối lượng vụ việc toàn quốc (~25 vụ/năm) để đo hiệu năng
Tài khoản mẫu: xem docs/demo-accounts.md.`;

const command: CliCommand = async (argv) => {
  const { values } = parseCli(
    argv,
    {
      demo: { type: "boolean" },
      scale: { type: "string" },
      seed: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (values.help || (!values.demo && !values.scale)) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (values.demo && values.scale) throw new CliError("chỉ chọn một trong --demo hoặc --scale");
  const asOf = values["as-of"];
  if (asOf !== undefined && !isIsoDate(asOf))
    throw new CliError(`--as-of: ngày không hợp lệ "${asOf}" (cần YYYY-MM-DD)`);
  const seed = values.seed !== undefined ? Number(values.seed) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new CliError("--seed phải là số nguyên");
  const scale = values.scale !== undefined ? Number(values.scale) : undefined;
  if (scale !== undefined && !(scale > 0)) throw new CliError("--scale phải là số dương");
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const t0 = Date.now();
    const r = values.demo
      ? await seedDemo(database, { asOf, seed })
      : await seedScale(database, scale!, { asOf, seed }).catch(fromDomain);
    const out = { ...r, target: describeTarget(config), seconds: Math.round((Date.now() - t0) / 100) / 10 };
    if (values.json) printJson(out);
    else if (!r.seeded) console.log(`Cơ sở dữ liệu đã có dữ liệu — không nạp dữ liệu mẫu (${out.target}).`);
    else
      console.log(
        `Đã nạp ${r.agencies} cơ quan, ${r.users} tài khoản, ${r.claims} vụ việc (tính đến ${r.as_of}) vào ${out.target} trong ${out.seconds} giây.`,
      );
    return 0;
  } finally {
    await database.close();
  }
};

export default command;
