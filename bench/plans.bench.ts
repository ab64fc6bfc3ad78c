// Plan import per document (seed 000, seed 001, and seed 000 as .docx through mammoth), schedule expansion, and the
// import accuracy over the layout corpus (tests/fixtures/plans) as .md and as .docx.
import { readFileSync } from "node:fs";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { docxToText } from "../src/documents/import/index.ts";
import { defaultCalendar } from "../src/domain/calendar/index.ts";
import { expandSchedule, importPlan, parsePlan, parseTiming } from "../src/domain/plans/index.ts";
import { describeScore, scoreCorpus } from "../tests/plans/corpus.ts";
import { measureAsync as measure } from "./measure.ts";

const SEEDS = {
  "seed 000 (KH 2021)": new URL("../tests/fixtures/seed-000-kh-2021.txt", import.meta.url).pathname,
  "seed 001 (Thanh Hóa 2024)": new URL("../tests/fixtures/seed-001-thanh-hoa-2024.txt", import.meta.url).pathname,
};

export async function run(): Promise<Array<{ name: string; ops_per_sec?: number; note?: string }>> {
  const rows: Array<{ name: string; ops_per_sec?: number; note?: string }> = [];
  for (const [name, path] of Object.entries(SEEDS)) {
    const text = readFileSync(path, "utf8");
    const tasks = parsePlan(text).tasks.length;
    rows.push({
      name: `parsePlan ${name}`,
      ops_per_sec: await measure(() => parsePlan(text)),
      note: `${tasks} nhiệm vụ, ${text.length} ký tự`,
    });
    rows.push({ name: `importPlan ${name} (+ lịch)`, ops_per_sec: await measure(() => importPlan(text)) });
  }
  const seed0 = readFileSync(SEEDS["seed 000 (KH 2021)"], "utf8");
  const docx = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: seed0
            .split("\n")
            .filter((l) => l.trim())
            .map((l) => new Paragraph({ children: [new TextRun(l)] })),
        },
      ],
    }),
  );
  rows.push({
    name: "docx → text (mammoth) seed 000",
    ops_per_sec: await measure(() => docxToText(docx)),
    note: `${docx.length} byte`,
  });
  // Accuracy over the layout corpus (issue 14): a figure, not a speed; one pass per format.
  for (const format of ["md", "docx"] as const) {
    const started = performance.now();
    const score = await scoreCorpus(format);
    rows.push({
      name: `độ chính xác bộ mẫu ${score.plans.length} bố cục (.${format})`,
      note: `${describeScore(score)} · ${Math.round(performance.now() - started)} ms`,
    });
  }
  const half = parseTiming("Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo");
  const quarter = parseTiming("Được thực hiện trong tháng đầu tiên hằng Quý");
  let y = 2020;
  rows.push({
    name: "expandSchedule 6 tháng + hằng quý (1 năm)",
    ops_per_sec: await measure(() => {
      y = y >= 2030 ? 2020 : y + 1;
      expandSchedule(half, y, defaultCalendar);
      expandSchedule(quarter, y, defaultCalendar);
    }),
    note: "6 lần thực hiện có giải thích, lịch đã lưu đệm",
  });
  rows.push({
    name: "parseTiming (15 cụm từ)",
    ops_per_sec: await measure(() => {
      for (const p of PHRASES) parseTiming(p);
    }),
  });
  return rows;
}

const PHRASES = [
  "Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo",
  "Được thực hiện trong tháng đầu tiên hằng Quý",
  "Quý II, III năm 2024",
  "Quý IV năm 2024",
  "Năm 2024",
  "Năm 2024 (Thời gian cụ thể theo yêu cầu của Bộ Tư pháp)",
  "Thường xuyên",
  "Khi có yêu cầu",
  "Khi có yêu cầu và theo kế hoạch",
  "Theo đề nghị của cơ quan THADS địa phương",
  "Theo đề nghị của Tổng cục Thi hành án dân sự",
  "Khi có căn cứ theo dõi quy định tại khoản 1 Điều 9 TT số 08",
  "Khi có căn cứ đơn đốc quy định tại Điều 14 TT số 08",
  "Trên cơ sở danh mục vụ việc phức tạp, tồn đọng, kéo dài",
  "không rõ",
];
