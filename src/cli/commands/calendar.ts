// btnn calendar holidays YEAR            → ngày nghỉ lễ, nghỉ bù, hoán đổi của một năm
// btnn calendar add DATE N --unit working|calendar → hạn = N ngày sau DATE (Bộ luật Dân sự 2015, Điều 147–148)
import { addPeriod, defaultCalendar } from "../../domain/calendar/index.ts";
import type { HolidayKind, PeriodUnit } from "../../domain/calendar/types.ts";
import { formatVi, isIsoDate, weekdayVi } from "../../domain/shared/dates.ts";
import { type CliCommand, CliError, fromDomain, parseCli, printJson } from "../io.ts";

const HELP = `Cách dùng:
  btnn calendar holidays YEAR [--json]
      Ngày nghỉ lễ, tết (Bộ luật Lao động 2019, Điều 112), nghỉ bù (Điều 111 khoản 3) và ngày hoán đổi theo thông báo hằng năm.
      JSON: [{"date","name","kind","source"}], kind ∈ holiday | compensatory | swapped_off | swapped_work
  btnn calendar add DATE N --unit working|calendar [--json]
      Ngày kết thúc thời hạn N ngày làm việc / ngày lịch kể từ sự kiện ngày DATE, kèm giải thích từng ngày bị bỏ qua.
      JSON: {"date","explanation":[...]}`;

const KIND_VI: Record<HolidayKind, string> = {
  holiday: "nghỉ lễ",
  compensatory: "nghỉ bù",
  swapped_off: "nghỉ hoán đổi",
  swapped_work: "làm việc bù",
};

const UNITS: Record<string, PeriodUnit> = { working: "working_days", calendar: "calendar_days" };

const calendar: CliCommand = (argv) => {
  const { values, positionals } = parseCli(argv, {
    unit: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  const [sub, ...args] = positionals;
  if (values.help || !sub) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (sub === "holidays") {
    if (args.length !== 1 || !/^\d{4}$/.test(args[0])) throw new CliError("YEAR: cần một năm 4 chữ số, ví dụ 2026");
    const year = Number(args[0]);
    if (year < 1901 || year > 2099) throw new CliError(`YEAR: năm ${year} nằm ngoài phạm vi hỗ trợ 1901–2099`);
    let list: ReturnType<typeof defaultCalendar.holidays>;
    try {
      list = defaultCalendar.holidays(year);
    } catch (e) {
      fromDomain(e);
    }
    // `unverified` is added only on entries not yet checked against their notice, so users see it (project rule).
    if (values.json)
      printJson(
        list.map(({ date, name, kind, source, unverified }) => ({
          date,
          name,
          kind,
          source,
          ...(unverified ? { unverified } : {}),
        })),
      );
    else {
      console.log(`Ngày nghỉ năm ${year} (cán bộ, công chức; tuần làm việc Thứ Hai – Thứ Sáu):`);
      for (const h of list)
        console.log(
          `  ${weekdayVi(h.date).padEnd(9)} ${formatVi(h.date)}  ${KIND_VI[h.kind].padEnd(13)} ${h.name} — ${h.source}${h.unverified ? " [CHƯA XÁC MINH]" : ""}`,
        );
    }
    return 0;
  }
  if (sub === "add") {
    if (args.length !== 2) throw new CliError("cần DATE và N, ví dụ: btnn calendar add 2026-02-12 5 --unit working");
    const [date, nText] = args;
    if (!isIsoDate(date)) throw new CliError(`DATE: ngày không hợp lệ "${date}" (cần dạng YYYY-MM-DD)`);
    if (!/^\d+$/.test(nText)) throw new CliError(`N: số ngày phải là số nguyên không âm, nhận được "${nText}"`);
    const unit = values.unit === undefined ? undefined : UNITS[values.unit];
    if (!unit) throw new CliError(`--unit: phải là "working" (ngày làm việc) hoặc "calendar" (ngày lịch)`);
    let result: ReturnType<typeof addPeriod>;
    try {
      result = addPeriod(defaultCalendar, date, Number(nText), unit);
    } catch (e) {
      fromDomain(e);
    }
    if (values.json) printJson(result);
    else {
      console.log(`Hạn: ${weekdayVi(result.date)}, ${formatVi(result.date)}`);
      for (const s of result.explanation)
        console.log(`  - ${s.text}${s.source && !s.text.includes(s.source) ? ` (${s.source})` : ""}`);
    }
    return 0;
  }
  throw new CliError(`lệnh con không tồn tại "${sub}" (dùng: holidays, add)`);
};
export default calendar;
