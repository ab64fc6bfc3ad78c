// btnn plan import FILE [--year YYYY] [--json] → kế hoạch có cấu trúc: nhiệm vụ, cơ quan chủ trì/phối hợp/thực hiện,
// thời gian (lịch + các lần thực hiện có hạn), kết quả, căn cứ pháp lý, và cảnh báo cho mọi dòng không xếp được.
import { importPlanFile } from "../../documents/import/index.ts";
import type { AgencyRef, ExecutorGroup, Plan, TaskTiming } from "../../domain/plans/types.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { type CliCommand, CliError, fromDomain, parseCli, printJson } from "../io.ts";

const HELP = `Cách dùng:
  btnn plan import TỆP [--year YYYY] [--json]

TỆP: .docx (Word), .md hoặc .txt (UTF-8), tối đa 10 MiB.
--year: năm của kế hoạch để tính các lần thực hiện có hạn (mặc định: năm ghi trong văn bản).
Kết quả JSON: {"plan":{…thông tin chung…},"tasks":[{"number","title","lead","coordinators","executors",
  "timing":{"text","kind",…,"instances":[{"period_label","window_start","window_end","due","explanation"}]},
  "expected_output","references"}],"warnings":[{"code","message","line","text"}]}
  timing.kind: recurring (định kỳ) | dated (quý/năm cụ thể) | continuous (thường xuyên) |
    event (khi có yêu cầu/đề nghị/căn cứ — tạo khi sự kiện xảy ra) | unparsed (không hiểu, có cảnh báo)`;

const KIND_VI: Record<string, string> = {
  recurring: "định kỳ",
  dated: "có thời hạn",
  continuous: "thường xuyên",
  event: "theo sự kiện",
  unparsed: "CHƯA HIỂU",
};

function agencies(refs: AgencyRef[]): string {
  return refs.map((r) => (r.role ? r.text : `${r.text}?`)).join(", ");
}
function executors(groups: ExecutorGroup[]): string {
  return groups.map((g) => (g.level ? `${g.level}: ${agencies(g.agencies)}` : agencies(g.agencies))).join("; ");
}
function timingVi(t: TaskTiming | null): string {
  if (!t) return "—";
  const dues = t.instances?.map((i) => formatVi(i.due)).join(", ");
  return `${KIND_VI[t.kind] ?? t.kind}${dues ? ` — hạn ${dues}` : ""}`;
}
function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function toJson(plan: Plan & { format: string }) {
  const { tasks, warnings, ...header } = plan;
  return {
    plan: header,
    tasks: tasks.map((t) => ({
      number: t.number,
      title: t.title,
      lead: t.lead,
      coordinators: t.coordinators,
      executors: t.executors,
      timing: t.timing,
      expected_output: t.expected_output,
      references: t.references,
      group: t.group,
      ...(t.lead_derived ? { lead_derived: true } : {}),
      text: t.text,
      lines: t.lines,
    })),
    warnings,
  };
}

const plan: CliCommand = async (argv) => {
  const { values, positionals } = parseCli(argv, {
    year: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  const [sub, file, extra] = positionals;
  if (values.help || !sub) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (sub !== "import") throw new CliError(`lệnh con không tồn tại "${sub}" (dùng: import)`);
  if (!file) throw new CliError("FILE: cần đường dẫn tới tệp kế hoạch (.docx, .md, .txt)");
  if (extra !== undefined) throw new CliError(`tham số thừa: "${extra}"`);
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/u.test(values.year) || Number(values.year) < 1900 || Number(values.year) > 2100)
      throw new CliError(`--year: năm không hợp lệ "${values.year}" (cần dạng YYYY, từ 1900 đến 2100)`);
    year = Number(values.year);
  }
  let result: Plan & { format: string };
  try {
    result = await importPlanFile(file, { year });
  } catch (e) {
    fromDomain(e);
  }
  // Nothing to create from: one line and exit 2, whatever the output format (issue 14).
  if (result.tasks.length === 0) {
    const empty = result.header.length === 0 && result.sections.length === 0 && !result.title;
    throw new CliError(
      empty
        ? `FILE: tệp "${file}" trống hoặc không có nội dung kế hoạch`
        : `FILE: không tìm thấy nhiệm vụ nào trong "${file}" (cần phần "Nội dung/Nhiệm vụ", bảng nhiệm vụ hoặc phụ lục danh mục nhiệm vụ)`,
    );
  }
  if (values.json) {
    printJson(toJson(result));
    return 0;
  }
  const p = result;
  console.log(`${p.doc_type ?? "Văn bản"}: ${p.title || "(không có tiêu đề)"}`);
  const meta = [
    p.number ? `Số: ${p.number}` : null,
    p.date ? `ngày ${formatVi(p.date)}` : p.date_text ? p.date_text : null,
    p.place ?? null,
    p.year ? `năm kế hoạch ${p.year}` : null,
  ].filter(Boolean);
  if (meta.length) console.log(meta.join(" · "));
  if (p.issuers.length) console.log(`Cơ quan ban hành: ${agencies(p.issuers)}`);
  console.log(`Căn cứ: ${p.legal_bases.length} · Nhiệm vụ: ${p.tasks.length} · Nhóm: ${p.groups.length}`);
  console.log("");
  console.log(`${"Mục".padEnd(10)} ${"Chủ trì".padEnd(28)} ${"Thời gian".padEnd(44)} Nội dung`);
  for (const t of p.tasks) {
    const lead = agencies(t.lead) || executors(t.executors) || "—";
    console.log(
      `${t.number.padEnd(10)} ${cut(lead, 28).padEnd(28)} ${cut(timingVi(t.timing), 44).padEnd(44)} ${cut(t.title, 70)}`,
    );
  }
  if (p.warnings.length) {
    console.log("");
    console.log(`Cảnh báo (${p.warnings.length}):`);
    for (const w of p.warnings) console.log(`  ${w.line ? `dòng ${w.line}: ` : ""}${w.message}`);
  }
  return 0;
};
export default plan;
