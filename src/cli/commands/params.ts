// btnn params [--law law_2017|law_2009] [--json] → tham số pháp lý (thời hạn) theo ngày hiệu lực, căn cứ và độ tin cậy
import { LEGAL_PARAMETERS } from "../../domain/legal/index.ts";
import { type CliCommand, CliError, parseCli, printJson } from "../io.ts";

const UNIT_VI: Record<string, string> = {
  working_days: "ngày làm việc",
  calendar_days: "ngày",
  months: "tháng",
  years: "năm",
};

const HELP = `Cách dùng:
  btnn params [--law law_2017|law_2009] [--json]
      Các thời hạn luật định dùng để tính hạn: bước (step), giá trị, đơn vị, sự kiện bắt đầu tính, giá trị cho vụ việc
      phức tạp, gia hạn tối đa, căn cứ, độ tin cậy (confirmed = đã đối chiếu văn bản; unverified = CHƯA xác minh).`;

const params: CliCommand = (argv) => {
  const { values, positionals } = parseCli(argv, {
    law: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length) throw new CliError(`tham số thừa: "${positionals[0]}"`);
  if (values.law !== undefined && values.law !== "law_2017" && values.law !== "law_2009")
    throw new CliError(`--law: phải là "law_2017" hoặc "law_2009", nhận được "${values.law}"`);
  const rows = LEGAL_PARAMETERS.filter((p) => !values.law || p.law === values.law);
  if (values.json) {
    printJson(rows);
    return 0;
  }
  for (const p of rows) {
    const extra = [
      p.complex_value !== undefined ? `phức tạp ${p.complex_value}` : "",
      p.extension_max !== undefined ? `gia hạn tối đa ${p.extension_max}` : "",
    ].filter(Boolean);
    const flag = p.confidence === "unverified" ? "  [CHƯA XÁC MINH]" : "";
    console.log(
      `${p.law}  ${`${p.key}${p.variant ? `/${p.variant}` : ""}`.padEnd(32)} ${String(p.value).padStart(3)} ${UNIT_VI[p.unit].padEnd(13)}` +
        ` từ ${p.from_event}${extra.length ? ` (${extra.join(", ")})` : ""} — ${p.cite}${flag}`,
    );
  }
  const unverified = rows.filter((p) => p.confidence === "unverified").length;
  console.log(`\n${rows.length} tham số; ${rows.length - unverified} đã xác minh, ${unverified} chưa xác minh.`);
  return 0;
};
export default params;
