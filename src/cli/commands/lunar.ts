// btnn lunar YYYY-MM-DD            → âm lịch của một ngày dương lịch
// btnn lunar --to-solar YYYY-MM-DD [--leap] → dương lịch của một ngày âm lịch (tháng nhuận với --leap)
import { lunarToSolar, solarToLunar } from "../../domain/calendar/index.ts";
import { formatVi, isIsoDate } from "../../domain/shared/dates.ts";
import { type CliCommand, CliError, fromDomain, parseCli, printJson } from "../io.ts";

const HELP = `Cách dùng:
  btnn lunar YYYY-MM-DD [--json]                      Ngày âm lịch (Việt Nam, UTC+7) của một ngày dương lịch
  btnn lunar --to-solar YYYY-MM-DD [--leap] [--json]  Ngày dương lịch của ngày âm lịch YYYY-MM-DD (--leap: tháng nhuận)`;

const lunar: CliCommand = (argv) => {
  const { values, positionals } = parseCli(argv, {
    "to-solar": { type: "string" },
    leap: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values["to-solar"] !== undefined) {
    if (positionals.length > 0) throw new CliError(`tham số thừa: "${positionals[0]}"`);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values["to-solar"]);
    if (!m) throw new CliError(`--to-solar: ngày âm lịch không hợp lệ "${values["to-solar"]}" (cần dạng YYYY-MM-DD)`);
    let date: string;
    try {
      date = lunarToSolar({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), leap: values.leap });
    } catch (e) {
      fromDomain(e);
    }
    if (values.json) printJson({ date });
    else
      console.log(
        `Âm lịch ${m[3]}/${m[2]}${values.leap ? " (nhuận)" : ""}/${m[1]} là ngày ${formatVi(date)} dương lịch.`,
      );
    return 0;
  }
  if (values.leap) throw new CliError("--leap chỉ dùng cùng --to-solar");
  if (positionals.length !== 1) throw new CliError("date: cần đúng một ngày dương lịch dạng YYYY-MM-DD");
  const date = positionals[0];
  if (!isIsoDate(date)) throw new CliError(`date: ngày không hợp lệ "${date}" (cần dạng YYYY-MM-DD)`);
  let l: ReturnType<typeof solarToLunar>;
  try {
    l = solarToLunar(date);
  } catch (e) {
    fromDomain(e);
  }
  if (values.json) printJson({ day: l.day, month: l.month, year: l.year, leap: l.leap });
  else
    console.log(
      `Ngày ${formatVi(date)} là ngày ${l.day} tháng ${l.month}${l.leap ? " nhuận" : ""} năm ${l.year} âm lịch.`,
    );
  return 0;
};
export default lunar;
