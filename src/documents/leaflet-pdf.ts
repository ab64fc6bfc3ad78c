// Tờ gấp (print-friendly leaflet) of the public portal, generated from the same content the portal shows: the
// sections, the steps with their statutory times and example dates, and the FAQ — dissemination "bằng hình thức phù
// hợp với từng đối tượng" (seed 001 §II.1 b). A4, two columns, black on white, large enough to read when printed.
import {
  type ContentBlock,
  type ContentItem,
  contentBlocks,
  UNVERIFIED_LEGEND,
} from "../domain/public-content/content.ts";
import type { PublicStep } from "../domain/public-content/steps.ts";
import { formatVi, type IsoDate } from "../domain/shared/dates.ts";
import { renderPdf } from "./pdf/render.ts";

export type LeafletInput = {
  items: readonly ContentItem[];
  steps: readonly PublicStep[];
  /** Vietnam date the leaflet is printed for (example dates count from it). */
  today: IsoDate;
  /** Where the portal is reached, printed on the leaflet (e.g. "https://…/cong-dan"), when known. */
  portalUrl?: string;
};

const mark = (unverified: boolean | undefined) => (unverified ? " (*)" : "");

function blocks(bs: ContentBlock[]): unknown[] {
  return bs.map((b) =>
    b.kind === "paragraph"
      ? { text: b.text, margin: [0, 0, 0, 4] }
      : { ul: b.items.map((t) => ({ text: t, margin: [0, 0, 0, 2] })), margin: [0, 0, 0, 4] },
  );
}

function section(item: ContentItem): unknown[] {
  return [
    { text: `${item.title}${mark(item.unverified)}`, style: "h2" },
    ...blocks(contentBlocks(item.body)),
    { text: `Căn cứ: ${item.sources.join("; ")}`, style: "source" },
  ];
}

/** The leaflet as a pdfmake document definition (exported for tests). */
export function leafletDefinition(input: LeafletInput) {
  const home = input.items.filter((i) => i.page === "home");
  const faq = input.items.filter((i) => i.page === "faq");
  const anyUnverified = input.items.some((i) => i.unverified) || input.steps.some((s) => s.confidence !== "confirmed");
  const stepsTable = {
    table: {
      headerRows: 1,
      widths: [12, "*", 62, 52],
      body: [
        [
          { text: "#", style: "th" },
          { text: "Bước", style: "th" },
          { text: "Thời hạn", style: "th" },
          { text: "Ví dụ", style: "th" },
        ],
        ...input.steps.map((s, i) => [
          String(i + 1),
          {
            text: [
              { text: `${s.title}${mark(s.confidence !== "confirmed")}\n`, bold: true },
              { text: s.cite, style: "source" },
            ],
          },
          s.duration_vi,
          formatVi(s.example.due),
        ]),
      ],
    },
    layout: "lightHorizontalLines",
    fontSize: 8.5,
    margin: [0, 2, 0, 4],
  };
  return {
    pageSize: "A4",
    pageMargins: [36, 40, 36, 44],
    info: { title: "Tờ gấp — Bồi thường nhà nước: những điều bạn cần biết", author: "Cục Bồi thường nhà nước" },
    defaultStyle: { fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      agency: { fontSize: 9, bold: true, alignment: "center" },
      title: { fontSize: 16, bold: true, alignment: "center", margin: [0, 6, 0, 2] },
      subtitle: { fontSize: 10, italics: true, alignment: "center", margin: [0, 0, 0, 10] },
      h2: { fontSize: 11.5, bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true },
      source: { fontSize: 7.5, italics: true, color: "#333333", margin: [0, 0, 0, 2] },
    },
    footer: (page: number, pages: number) => ({
      text: `Cổng hỗ trợ người bị thiệt hại${input.portalUrl ? ` — ${input.portalUrl}` : ""} · Trang ${page}/${pages}`,
      alignment: "center",
      fontSize: 8,
      margin: [0, 12, 0, 0],
    }),
    content: [
      { text: "BỘ TƯ PHÁP\nCỤC BỒI THƯỜNG NHÀ NƯỚC", style: "agency" },
      { text: "BỒI THƯỜNG NHÀ NƯỚC — NHỮNG ĐIỀU BẠN CẦN BIẾT", style: "title" },
      {
        text: "Tờ gấp dành cho người bị thiệt hại do người thi hành công vụ gây ra, trong đó có thi hành án dân sự",
        style: "subtitle",
      },
      {
        columns: [
          { width: "*", stack: home.slice(0, Math.ceil(home.length / 2)).flatMap(section) },
          { width: "*", stack: home.slice(Math.ceil(home.length / 2)).flatMap(section) },
        ],
        columnGap: 16,
      },
      { text: "Các bước và thời hạn theo luật", style: "h2", pageBreak: "before" },
      {
        text: `Ví dụ tính theo lịch làm việc của cơ quan nhà nước: hồ sơ hợp lệ được nhận ngày ${formatVi(input.today)} và mỗi bước làm vào ngày cuối cùng của thời hạn. Ngày nghỉ cuối tuần, nghỉ lễ, tết không tính vào "ngày làm việc"; thời hạn tính bằng "ngày" mà ngày cuối là ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 147, 148).`,
        margin: [0, 0, 0, 4],
      },
      stepsTable,
      { text: "Câu hỏi thường gặp", style: "h2" },
      {
        columns: [
          { width: "*", stack: faq.slice(0, Math.ceil(faq.length / 2)).flatMap(section) },
          { width: "*", stack: faq.slice(Math.ceil(faq.length / 2)).flatMap(section) },
        ],
        columnGap: 16,
      },
      ...(anyUnverified ? [{ text: `(*) ${UNVERIFIED_LEGEND}`, style: "source", margin: [0, 8, 0, 0] }] : []),
      {
        text: `In ngày ${formatVi(input.today)}. Nội dung do Cục Bồi thường nhà nước cập nhật trên cổng hỗ trợ người bị thiệt hại.`,
        style: "source",
        margin: [0, 4, 0, 0],
      },
    ],
  };
}

export async function buildLeafletPdf(input: LeafletInput): Promise<Buffer> {
  return renderPdf(leafletDefinition(input));
}
