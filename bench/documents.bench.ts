// Official documents: .docx letters per second (validation + Decree 30 layout + zip), the layout check (unzip +
// inspection), a compensation decision with a damage table, and XLSX list exports of 1,000 rows.
import {
  buildCaseList2017,
  buildSheet,
  type CaseList2017Row,
  compensationDecision,
  EXAMPLES,
  guidanceLetter,
  inspectDocx,
} from "../src/documents/index.ts";
import { measureAsync } from "./measure.ts";

const measure = (fn: () => Promise<unknown>, ms = 1000, warmup = 10) => measureAsync(fn, ms, warmup);

type Row = { name: string; ops_per_sec?: number; note?: string };

async function timeMs(fn: () => Promise<unknown>, runs = 3): Promise<{ best: number; median: number }> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { best: t[0], median: t[Math.floor(t.length / 2)] };
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const letter = await guidanceLetter.build(EXAMPLES.guidance_letter);
  rows.push({
    name: "docx: công văn hướng dẫn (build)",
    ops_per_sec: await measure(() => guidanceLetter.build(EXAMPLES.guidance_letter)),
    note: `${(letter.length / 1024).toFixed(1)} KB/tệp`,
  });
  rows.push({
    name: "docx: quyết định Mẫu 09 có bảng (build)",
    ops_per_sec: await measure(() => compensationDecision.build(EXAMPLES.compensation_decision)),
  });
  rows.push({ name: "docx: inspectDocx (kiểm tra bố cục)", ops_per_sec: await measure(() => inspectDocx(letter)) });

  const sheetRows = Array.from({ length: 1000 }, (_, i) => ({
    number: i + 1,
    symbol: i % 2 ? "BTNN-NV" : "QĐ-BTNN",
    subject: `Văn bản số ${i + 1} về công tác bồi thường nhà nước`,
    issued_on: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    amount: (i + 1) * 1_250_000,
  }));
  const sheet = {
    title: "Sổ văn bản đi",
    sheet_name: "Sổ văn bản đi",
    columns: [
      { key: "number", header: "Số", format: "integer" as const },
      { key: "symbol", header: "Ký hiệu" },
      { key: "subject", header: "Trích yếu", width: 40 },
      { key: "issued_on", header: "Ngày ban hành", format: "date" as const },
      { key: "amount", header: "Số tiền (đồng)", format: "money" as const },
    ],
    rows: sheetRows,
    meta: { agency: "Cục Bồi thường nhà nước", period: "Năm 2026" },
    total_keys: ["amount"],
  };
  const s = await timeMs(() => buildSheet(sheet));
  rows.push({
    name: "xlsx: buildSheet 1.000 dòng",
    ops_per_sec: 1000 / s.median,
    note: `${s.median.toFixed(0)} ms/tệp (tốt nhất ${s.best.toFixed(0)} ms)`,
  });

  const caseRows: CaseList2017Row[] = Array.from({ length: 1000 }, (_, i) => ({
    claim_code: `TH-2026-${String(i + 1).padStart(4, "0")}`,
    claimant: `Người yêu cầu ${i + 1}`,
    handling_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
    field: "civil_enforcement",
    accepted_on: `2026-0${(i % 6) + 1}-${String((i % 28) + 1).padStart(2, "0")}`,
    stage: "Xác minh thiệt hại",
    claimed_amount: (i + 1) * 10_000_000,
    origin: i % 3 ? "new" : "carried_over",
  }));
  const c = await timeMs(() =>
    buildCaseList2017({ agency: "Cục Bồi thường nhà nước", year: 2026, half: 1, rows: caseRows }),
  );
  rows.push({
    name: "xlsx: danh mục II.1.1, 1.000 vụ việc",
    ops_per_sec: 1000 / c.median,
    note: `${c.median.toFixed(0)} ms/tệp (tốt nhất ${c.best.toFixed(0)} ms)`,
  });
  return rows;
}
