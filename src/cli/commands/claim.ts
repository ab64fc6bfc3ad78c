// btnn claim deadlines --file EVENTS.json [--as-of DATE] → mọi thời hạn mở/đã đóng, thời hạn quá hạn, bước tiếp theo
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { computeDeadlines, parseClaimHistory } from "../../domain/claims/index.ts";
import { formatVi, isIsoDate } from "../../domain/shared/dates.ts";
import { type CliCommand, CliError, fromDomain, parseCli, printJson } from "../io.ts";
import { readJsonFile } from "./file-input.ts";

const HELP = `Cách dùng:
  btnn claim deadlines --file EVENTS.json [--as-of YYYY-MM-DD] [--json]
  btnn claim form <mã vụ việc> <mẫu: 02, 03, 05, 07, 08, 09, 19> --out FILE.docx [--signer-title T] [--signer-name N]

EVENTS.json: {"law":"law_2017","complex":false,"events":[{"type":"received","date":"2026-01-05"}, …]}
  law: law_2017 (Luật TNBTCNN 2017) | law_2009 (Luật TNBTCNN 2009)
  events[].type: received, supplement_requested, file_valid, accepted, refused, officer_appointed, advance_proposed,
    advance_paid, verification_report_done, negotiation_started, negotiation_ended, decision_issued, decision_refused,
    decision_effective, suspension_ground, suspended, resumed, termination_ground, terminated, sued_in_court,
    funds_requested, funds_received, payment_notice_received, paid, council_established, council_recommended,
    recourse_decided
  Chế độ nhập bổ sung (backfill): lịch sử có thể bắt đầu ở bất kỳ bước nào và thiếu bước; bước thiếu là cảnh báo
  "chưa ghi nhận" nêu tên bước (không phải lỗi), thời hạn phụ thuộc bước thiếu được đánh dấu; chỉ mâu thuẫn mới là lỗi.
Kết quả JSON: {"deadlines":[{"step","due","unit","days","basis","confidence","status","explanation"}],"overdue":[…],
  "next_actions":[…],"unrecorded":[{"index","event","date","missing":[…],"message"}],
  "not_computed":[{"step","label","basis","depends_on","message"}]}
  status: open (chưa đến hạn) | overdue (quá hạn tính đến --as-of) | met (đã thực hiện đúng hạn) | late (thực hiện trễ hạn)
    | not_applicable (không phát sinh: không cần yêu cầu bổ sung vì hồ sơ đầy đủ) | cancelled (không còn phải làm)
    | unrecorded (bước thực hiện hoặc ngày kết thúc chưa ghi nhận nên không biết đúng hạn hay không)
  confidence: confirmed | unverified (giá trị chưa đối chiếu được với văn bản gốc — cần kiểm tra)`;

const STATUS_VI: Record<string, string> = {
  open: "đang chạy",
  overdue: "QUÁ HẠN",
  met: "đúng hạn",
  late: "trễ hạn",
  not_applicable: "không phát sinh",
  cancelled: "không còn phải làm",
  unrecorded: "chưa ghi nhận",
};

const claim: CliCommand = async (argv) => {
  // "form" opens the database; loaded only when asked for (the deadlines subcommand stays pure).
  if (argv[0] === "form") return (await import("./claim-form.ts")).claimForm(argv);
  const { values, positionals } = parseCli(argv, {
    file: { type: "string" },
    "as-of": { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  const [sub] = positionals;
  if (values.help || !sub) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (sub !== "deadlines") throw new CliError(`lệnh con không tồn tại "${sub}" (dùng: deadlines, form)`);
  if (positionals.length > 1) throw new CliError(`tham số thừa: "${positionals[1]}"`);
  const asOf = values["as-of"];
  if (asOf !== undefined && !isIsoDate(asOf))
    throw new CliError(`--as-of: ngày không hợp lệ "${asOf}" (cần dạng YYYY-MM-DD)`);
  const input = readJsonFile(values.file);
  let report: ReturnType<typeof computeDeadlines>;
  try {
    report = computeDeadlines(parseClaimHistory(input), defaultCalendar, asOf);
  } catch (e) {
    fromDomain(e);
  }
  if (values.json) {
    printJson({
      deadlines: report.deadlines,
      overdue: report.overdue,
      next_actions: report.next_actions,
      unrecorded: report.unrecorded,
      not_computed: report.not_computed,
    });
    return 0;
  }
  for (const u of report.unrecorded) console.log(`Cảnh báo: ${u.message}`);
  console.log(`Thời hạn${asOf ? ` tính đến ngày ${formatVi(asOf)}` : ""}:`);
  for (const d of report.deadlines) {
    const flag = d.confidence === "unverified" ? " [chưa xác minh]" : "";
    console.log(`  ${formatVi(d.due)}  ${d.step.padEnd(22)} ${STATUS_VI[d.status] ?? d.status}  — ${d.basis}${flag}`);
  }
  for (const n of report.not_computed) console.log(`  (không tính)  ${n.step.padEnd(22)} ${n.message}`);
  if (report.overdue.length) console.log(`Quá hạn: ${report.overdue.map((d) => d.step).join(", ")}`);
  if (report.next_actions.length) {
    console.log("Bước tiếp theo được phép:");
    for (const a of report.next_actions) console.log(`  - ${a.label} (${a.event}) — ${a.basis}`);
  }
  return 0;
};
export default claim;
