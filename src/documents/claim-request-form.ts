// Văn bản yêu cầu bồi thường (Mẫu 01/BTNN, Thông tư 04/2018/TT-BTP) filled from the public portal's interview: one
// content model (lines), two renderers — .docx (docx, Times New Roman as Decree 30 asks) and PDF (pdfmake, Roboto,
// which carries Vietnamese glyphs). Content follows Luật TNBTCNN 2017, Điều 41 khoản 1 và 3 (brief §1.2); the form's
// own wording was not read, so every page's footer says so until it is confirmed (FORM_TEXT_VERIFIED).
import type * as Docx from "docx";
import type { DamageHeadKey } from "../domain/portal/damage-heads.ts";
import { DAMAGE_HEADS_VI } from "../domain/portal/damage-heads.ts";
import { formatVi, type IsoDate } from "../domain/shared/dates.ts";
import { formatMoneyVi, moneyWithWordsVi } from "./money.ts";
import { MOTTO, NATIONAL_TITLE } from "./nd30/constants.ts";
import { dateWordsVi } from "./nd30/date-line.ts";
import { renderPdf } from "./pdf/render.ts";

/** True once the wording is checked word for word against Mẫu 01/BTNN. */
export const FORM_TEXT_VERIFIED = false;
export const FORM_FOOTER_UNVERIFIED =
  "Mẫu 01/BTNN (Thông tư 04/2018/TT-BTP) — nội dung theo Điều 41 Luật TNBTCNN 2017; lời văn của mẫu chưa xác minh, đối chiếu với mẫu chính thức trước khi nộp. Tạo từ Cổng công dân BTNN.";

export type ClaimRequestFormInput = {
  addressee: string;
  /** "(đề nghị xác định cơ quan giải quyết bồi thường)" when sent to the Sở Tư pháp. */
  addressee_note?: string;
  person: {
    full_name: string;
    date_of_birth?: IsoDate;
    id_number?: string;
    address: string;
    phone?: string;
    email?: string;
  };
  capacity_label: string;
  activity_label: string;
  act_date: IsoDate;
  facts: string;
  basis: { received_on?: IsoDate; request_collection: boolean };
  damage_heads: Array<{ head: DamageHeadKey; description: string; amount?: number }>;
  request_advance: boolean;
  request_honour: boolean;
  papers: string[];
  /** Vietnam date printed on the form (blank when absent: the person writes it). */
  date?: IsoDate;
  place?: string;
};

export type FormLine =
  | { kind: "national" | "motto" | "title" | "heading" | "center"; text: string }
  | { kind: "para"; text: string; italic?: boolean }
  | { kind: "place_date"; text: string }
  | { kind: "signature"; title: string; hint: string; name: string };

const dots = "…………………";

/** The form's lines (pure; exported for tests). */
export function claimRequestLines(i: ClaimRequestFormInput): FormLine[] {
  const p = i.person;
  const lines: FormLine[] = [
    { kind: "national", text: NATIONAL_TITLE },
    { kind: "motto", text: MOTTO },
    { kind: "place_date", text: `${i.place ?? dots}, ${dateWordsVi(i.date)}` },
    { kind: "title", text: "VĂN BẢN YÊU CẦU BỒI THƯỜNG" },
    { kind: "center", text: `Kính gửi: ${i.addressee}${i.addressee_note ? ` ${i.addressee_note}` : ""}` },
    { kind: "heading", text: "1. Người yêu cầu bồi thường" },
    { kind: "para", text: `Họ và tên: ${p.full_name}` },
    { kind: "para", text: `Ngày sinh: ${p.date_of_birth ? formatVi(p.date_of_birth) : dots}` },
    { kind: "para", text: `Số định danh cá nhân/Căn cước công dân: ${p.id_number ?? dots}` },
    { kind: "para", text: `Địa chỉ: ${p.address}` },
    { kind: "para", text: `Điện thoại: ${p.phone ?? dots}     Thư điện tử: ${p.email ?? dots}` },
    { kind: "para", text: `Tư cách yêu cầu: ${i.capacity_label}` },
    { kind: "heading", text: "2. Tóm tắt sự việc gây thiệt hại" },
    { kind: "para", text: `Lĩnh vực: ${i.activity_label}. Thời điểm xảy ra: khoảng ngày ${formatVi(i.act_date)}.` },
    { kind: "para", text: i.facts },
    { kind: "heading", text: "3. Văn bản làm căn cứ yêu cầu bồi thường" },
    {
      kind: "para",
      text: i.basis.received_on
        ? `Tôi nhận được văn bản làm căn cứ yêu cầu bồi thường ngày ${formatVi(i.basis.received_on)} (bản sao gửi kèm).`
        : i.basis.request_collection
          ? "Tôi không được gửi hoặc không thể có văn bản làm căn cứ yêu cầu bồi thường; đề nghị cơ quan giải quyết bồi thường yêu cầu cơ quan có thẩm quyền cung cấp (Điều 42 khoản 2 điểm b Luật TNBTCNN 2017)."
          : `Văn bản làm căn cứ yêu cầu bồi thường: ${dots}`,
    },
    { kind: "heading", text: "4. Thiệt hại yêu cầu bồi thường" },
  ];
  if (i.damage_heads.length === 0) lines.push({ kind: "para", text: `(Chưa kê khai) ${dots}` });
  let total = 0;
  let anyAmount = false;
  i.damage_heads.forEach((d, n) => {
    const h = DAMAGE_HEADS_VI[d.head];
    lines.push({ kind: "para", text: `4.${n + 1}. ${h.label} (${h.cite.replace("Luật TNBTCNN 2017, ", "")}):` });
    lines.push({ kind: "para", text: `Nội dung và cách tính: ${d.description}` });
    lines.push({
      kind: "para",
      text: `Số tiền yêu cầu: ${d.amount === undefined ? dots : moneyWithWordsVi(d.amount)}`,
    });
    if (d.amount !== undefined) {
      total += d.amount;
      anyAmount = true;
    }
  });
  if (anyAmount) lines.push({ kind: "para", text: `Tổng số tiền yêu cầu bồi thường: ${formatMoneyVi(total)}` });
  lines.push(
    { kind: "heading", text: "5. Các yêu cầu khác" },
    {
      kind: "para",
      text: `Yêu cầu tạm ứng kinh phí bồi thường (Điều 44 Luật TNBTCNN 2017): ${i.request_advance ? "Có" : "Không"}`,
    },
    { kind: "para", text: `Yêu cầu phục hồi danh dự: ${i.request_honour ? "Có" : "Không"}` },
    { kind: "heading", text: "6. Tài liệu, chứng cứ gửi kèm" },
    ...i.papers.map((t, n) => ({ kind: "para" as const, text: `${n + 1}. ${t}` })),
    {
      kind: "para",
      italic: true,
      text: "Tôi cam đoan những nội dung trên là đúng sự thật và chịu trách nhiệm trước pháp luật về các thông tin đã cung cấp.",
    },
    { kind: "signature", title: "NGƯỜI YÊU CẦU BỒI THƯỜNG", hint: "(Ký, ghi rõ họ tên)", name: p.full_name },
  );
  return lines;
}

// --- .docx -------------------------------------------------------------------------------------------------------
const FONT = "Times New Roman";
const half = (pt: number) => pt * 2;

function docxParagraph(d: typeof Docx, l: FormLine): Docx.Paragraph[] {
  const r = (text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}) =>
    new d.TextRun({ text, font: FONT, size: half(o.size ?? 13), bold: o.bold, italics: o.italic });
  switch (l.kind) {
    case "national":
      return [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [r(l.text, { bold: true, size: 12 })] })];
    case "motto":
      return [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [r(l.text, { bold: true, size: 13 })] })];
    case "place_date":
      return [
        new d.Paragraph({
          alignment: d.AlignmentType.RIGHT,
          spacing: { before: 240 },
          children: [r(l.text, { italic: true })],
        }),
      ];
    case "title":
      return [
        new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          spacing: { before: 360, after: 120 },
          children: [r(l.text, { bold: true, size: 14 })],
        }),
      ];
    case "center":
      return [new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { after: 240 }, children: [r(l.text)] })];
    case "heading":
      return [new d.Paragraph({ spacing: { before: 160, after: 60 }, children: [r(l.text, { bold: true })] })];
    case "para":
      return [
        new d.Paragraph({
          alignment: d.AlignmentType.JUSTIFIED,
          spacing: { after: 60 },
          children: [r(l.text, { italic: l.italic })],
        }),
      ];
    case "signature":
      return [
        new d.Paragraph({
          alignment: d.AlignmentType.RIGHT,
          spacing: { before: 240 },
          children: [r(l.title, { bold: true })],
        }),
        new d.Paragraph({ alignment: d.AlignmentType.RIGHT, children: [r(l.hint, { italic: true })] }),
        new d.Paragraph({
          alignment: d.AlignmentType.RIGHT,
          spacing: { before: 1200 },
          children: [r(l.name, { bold: true })],
        }),
      ];
  }
}

export async function buildClaimRequestDocx(i: ClaimRequestFormInput): Promise<Buffer> {
  const d = await import("docx"); // loaded with the first form, not at server start
  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        children: [new d.TextRun({ text: FORM_FOOTER_UNVERIFIED, font: FONT, size: half(9), italics: true })],
      }),
    ],
  });
  const doc = new d.Document({
    creator: "BTNN — Cổng công dân",
    title: "Văn bản yêu cầu bồi thường",
    styles: { default: { document: { run: { font: FONT, size: half(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        ...(FORM_TEXT_VERIFIED ? {} : { footers: { default: footer } }),
        children: claimRequestLines(i).flatMap((l) => docxParagraph(d, l)),
      },
    ],
  });
  return d.Packer.toBuffer(doc);
}

// --- PDF ---------------------------------------------------------------------------------------------------------
function pdfBlock(l: FormLine): unknown[] {
  switch (l.kind) {
    case "national":
      return [{ text: l.text, bold: true, alignment: "center", fontSize: 11.5 }];
    case "motto":
      return [{ text: l.text, bold: true, alignment: "center", decoration: "underline" }];
    case "place_date":
      return [{ text: l.text, italics: true, alignment: "right", margin: [0, 12, 0, 0] }];
    case "title":
      return [{ text: l.text, bold: true, fontSize: 14, alignment: "center", margin: [0, 18, 0, 6] }];
    case "center":
      return [{ text: l.text, alignment: "center", margin: [0, 0, 0, 12] }];
    case "heading":
      return [{ text: l.text, bold: true, margin: [0, 8, 0, 3] }];
    case "para":
      return [{ text: l.text, italics: l.italic ?? false, alignment: "justify", margin: [0, 0, 0, 3] }];
    case "signature":
      return [
        {
          columns: [
            { width: "*", text: "" },
            {
              width: 220,
              stack: [
                { text: l.title, bold: true, alignment: "center", margin: [0, 12, 0, 0] },
                { text: l.hint, italics: true, alignment: "center" },
                { text: l.name, bold: true, alignment: "center", margin: [0, 56, 0, 0] },
              ],
            },
          ],
        },
      ];
  }
}

export async function buildClaimRequestPdf(i: ClaimRequestFormInput): Promise<Buffer> {
  return renderPdf({
    info: { title: "Văn bản yêu cầu bồi thường", creator: "BTNN — Cổng công dân" },
    pageSize: "A4",
    pageMargins: [70, 50, 50, 60],
    defaultStyle: { fontSize: 12, lineHeight: 1.15 },
    footer: FORM_TEXT_VERIFIED
      ? undefined
      : () => ({ text: FORM_FOOTER_UNVERIFIED, italics: true, fontSize: 8, margin: [70, 16, 50, 0] }),
    content: claimRequestLines(i).flatMap(pdfBlock),
  });
}
