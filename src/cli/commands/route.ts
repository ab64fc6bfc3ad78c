// btnn route --file SITUATION.json → cơ quan chủ trì, phối hợp, chuyển cho, văn bản kết quả, căn cứ (hoặc "không có điều khoản")
// btnn route --urging HISTORY.json  → bậc đôn đốc tiếp theo (KH 2021 mục II.6.1 → 6.2 → 6.3)
import { roleLabel } from "../../domain/agencies/index.ts";
import { isRouted, nextUrgingRung, OUTPUT_VI, route } from "../../domain/routing/index.ts";
import { type CliCommand, CliError, fromDomain, parseCli, printJson } from "../io.ts";
import { readJsonFile } from "./file-input.ts";

const HELP = `Cách dùng:
  btnn route --file SITUATION.json [--json]
      Xác định điều khoản kế hoạch áp dụng cho một yêu cầu phối hợp.
      Kết quả JSON: {"lead","coordinators","forward_to","output","basis", "rule","clause","recipients",…}
                 hoặc {"rule":null,"nearest":[{"rule","basis","why",…}]} khi không điều khoản nào áp dụng.
  btnn route --urging HISTORY.json [--json]
      Bậc đôn đốc tiếp theo theo KH 2021 mục II.6 khi bậc trước không có kết quả.
      HISTORY.json: [{"rung":"KH2021.II.6.1","outcome":"…"}, …]; kết quả null khi đã hết bậc hoặc đã được thực hiện.

SITUATION.json (không nhận trường lạ; chi tiết và bảng quy tắc: docs/routing.md):
  kind            bắt buộc: guidance | legal_question | report_request | document_forward | urging | support_injured |
                  guidance_injured | verification_negotiation | inspection | disagreement | case_list | meeting |
                  training | report
  from_role       bắt buộc: mã vai trò (CUC_BTNN, TONG_CUC_THADS, THADS_TINH, THADS_HUYEN, UBND_TINH, SO_TU_PHAP, …)
  to_role         mã vai trò bên nhận
  topic           enforcement (nghiệp vụ THADS) | compensation (nghiệp vụ giải quyết bồi thường)
  law             law_2009 | law_2017;  complex: true | false
  managing_role, handling_role, received_by: mã vai trò
  prior           { guided_by_province, guided_by_so_tu_phap, province_asked_to_urge, province_urged,
                    urged_party_complied: boolean; monitoring_grounds: ["a",…,"i"] (TT 08 Điều 9 k1);
                    urging_grounds: [1..7] (TT 08 Điều 14) }  — cờ không ghi = việc đó chưa xảy ra
Ví dụ: {"kind":"guidance","from_role":"THADS_TINH","to_role":"CUC_BTNN"}  → KH 2021 mục II.3.1 (chuyển UBND cấp tỉnh)`;

const roles = (list: string[]) => (list.length ? list.map((r) => `${roleLabel(r as never)} (${r})`).join("; ") : "—");

const routeCmd: CliCommand = (argv) => {
  const { values, positionals } = parseCli(argv, {
    file: { type: "string" },
    urging: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length) throw new CliError(`tham số thừa: "${positionals[0]}"`);
  if (values.urging !== undefined) {
    if (values.file !== undefined) throw new CliError("dùng --file hoặc --urging, không dùng cả hai");
    const history = readJsonFile(values.urging, "--urging");
    let next: ReturnType<typeof nextUrgingRung>;
    try {
      next = nextUrgingRung(history);
    } catch (e) {
      fromDomain(e);
    }
    if (values.json) printJson(next);
    else if (!next)
      console.log("Không còn bậc đôn đốc tiếp theo (đã thực hiện hoặc đã dùng hết các bậc của KH 2021 mục II.6).");
    else console.log(`Bậc tiếp theo: ${next.clause} — chủ trì ${roles([next.lead])}; căn cứ: ${next.basis}`);
    return 0;
  }
  if (values.file === undefined) {
    console.log(HELP);
    return 2;
  }
  const situation = readJsonFile(values.file);
  let result: ReturnType<typeof route>;
  try {
    result = route(situation);
  } catch (e) {
    fromDomain(e);
  }
  if (values.json) {
    printJson(result);
    return 0;
  }
  if (!isRouted(result)) {
    console.log("Không có điều khoản nào của kế hoạch áp dụng cho tình huống này. Các điều khoản gần nhất:");
    for (const n of result.nearest) console.log(`  - ${n.rule} (${n.basis}): ${n.why}`);
    return 0;
  }
  console.log(`Điều khoản áp dụng: ${result.clause}`);
  console.log(`  Cơ quan chủ trì:  ${roles([result.lead])}`);
  console.log(`  Cơ quan phối hợp: ${roles(result.coordinators)}`);
  console.log(`  Chuyển cho:       ${roles(result.forward_to)}`);
  console.log(`  Nơi nhận:         ${roles(result.recipients)}`);
  console.log(`  Kết quả:          ${OUTPUT_VI[result.output] ?? result.output}`);
  console.log(`  Căn cứ:           ${result.basis}`);
  if (result.timing) console.log(`  Thời gian:        ${result.timing}`);
  if (result.note) console.log(`  Ghi chú:          ${result.note}`);
  return 0;
};
export default routeCmd;
