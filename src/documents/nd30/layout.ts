// The ONE layout every official document uses — Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức, kỹ thuật trình bày):
// A4, margins, Times New Roman, the header as a borderless two-column table (issuing agency | quốc hiệu, tiêu ngữ),
// "Số: …/…" and the place-date line, "V/v" for letters, title, "Căn cứ …;", body, and the closing table
// ("Nơi nhận" left, signature right). Builders only produce an OfficialDocumentInput; this file draws it (render.ts is
// the entry point: it validates, then loads this file and docx on first use).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { padDocumentNumber } from "../numbering.ts";
import { MOTTO, NATIONAL_TITLE, ND30, pt, TEXT_WIDTH } from "./constants.ts";
import { formatPlaceDate } from "./date-line.ts";
import type { Block, OfficialDocument, PartySignature, Signature } from "./types.ts";

const FONT = ND30.font;
const S = ND30.size;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<"justify" | "left" | "center" | "right", Align> = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

interface RunOpts {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

function run(text: string, o: RunOpts): TextRun {
  return new TextRun({ text, font: FONT, size: pt(o.size), bold: o.bold ?? false, italics: o.italic ?? false });
}

interface ParaOpts extends RunOpts {
  align?: Align;
  before?: number;
  after?: number;
  firstLine?: number;
  left?: number;
  keepNext?: boolean;
}

function para(text: string | ParagraphChild[], o: ParaOpts): Paragraph {
  return new Paragraph({
    children: typeof text === "string" ? [run(text, o)] : text,
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: o.firstLine || o.left ? { firstLine: o.firstLine, left: o.left } : undefined,
    keepNext: o.keepNext,
    run: { font: FONT, size: pt(o.size) },
  });
}

/** Estimated printed width (twips) of a line of Times New Roman text; good enough to size the short rules. */
export function estimateTextWidth(text: string, sizePt: number, bold = false): number {
  const em = sizePt * 20;
  let w = 0;
  for (const ch of text) {
    if (ch === " ") w += 0.25 * em;
    else if (/[A-ZĐÀ-Ỹ]/u.test(ch) && ch === ch.toUpperCase() && ch !== ch.toLowerCase()) w += 0.68 * em;
    else if (/[-.,:;]/.test(ch)) w += 0.3 * em;
    else w += 0.47 * em;
  }
  return Math.round(bold ? w * 1.05 : w);
}

/** A horizontal solid line of `width` twips centred in a cell/page of `within` twips (a bottom-bordered empty line). */
function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    children: [],
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { font: FONT, size: 2 },
  });
}

function cell(children: Array<Paragraph | Table>, width: number, valign: "top" | "center" = "top"): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({ children: [] })],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: valign === "top" ? VerticalAlign.TOP : VerticalAlign.CENTER,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
  });
}

function borderlessTable(rows: TableCell[][], widths: number[]): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: true })),
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

export function numberLine(d: Pick<OfficialDocument, "number">): string {
  if (!d.number) return "Số:        /";
  const v = d.number.value === undefined ? "        " : padDocumentNumber(d.number.value);
  return `Số: ${v}/${d.number.symbol}`;
}

function header(d: OfficialDocument): Table {
  const L = ND30.header.left;
  const R = ND30.header.right;
  const inner = (w: number) => w - 114;
  const name = d.issuer.name.toUpperCase();
  const left: Paragraph[] = [];
  if (d.issuer.parent) left.push(para(d.issuer.parent.toUpperCase(), { size: S.parentAgency }));
  left.push(para(name, { size: S.issuer, bold: true }));
  const nameWidth = Math.min(inner(L), estimateTextWidth(name, S.issuer, true));
  left.push(rule(Math.max(900, Math.round(nameWidth * 0.4)), inner(L)));

  const right: Paragraph[] = [
    para(NATIONAL_TITLE, { size: S.nationalTitle, bold: true }),
    para(MOTTO, { size: S.motto, bold: true }),
    rule(estimateTextWidth(MOTTO, S.motto, true), inner(R)),
  ];
  const rows: TableCell[][] = [
    [cell(left, L), cell(right, R)],
    [
      cell([para(numberLine(d), { size: S.number, before: 120 })], L),
      cell([para(formatPlaceDate(d.place, d.date), { size: S.placeDate, italic: true, before: 120 })], R),
    ],
  ];
  if (d.kind === "letter" && d.subject) {
    const subject = /^V\/v\b/.test(d.subject) ? d.subject : `V/v ${d.subject}`;
    rows.push([cell([para(subject, { size: S.subject, before: 60 })], L), cell([], R)]);
  }
  return borderlessTable(rows, [L, R]);
}

function titleBlock(d: OfficialDocument, bodySize: number): Array<Paragraph> {
  const out: Paragraph[] = [];
  if (d.kind === "letter") {
    if (d.title) out.push(para(d.title.toUpperCase(), { size: S.title, bold: true, before: 240 }));
    return out;
  }
  const title = (d.title ?? defaultTitle(d.kind)).toUpperCase();
  out.push(para(title, { size: S.title, bold: true, before: 360, keepNext: true }));
  if (d.title_summary) {
    out.push(para(d.title_summary, { size: S.titleSummary, bold: true, keepNext: true }));
    out.push(
      rule(
        Math.round(Math.min(TEXT_WIDTH, estimateTextWidth(d.title_summary, S.titleSummary, true)) * 0.4),
        TEXT_WIDTH,
      ),
    );
  }
  if (d.issuing_authority) {
    out.push(
      para(d.issuing_authority.toUpperCase(), { size: bodySize, bold: true, before: 240, after: 120, keepNext: true }),
    );
  } else {
    out.push(para("", { size: 6, after: 120 }));
  }
  return out;
}

function defaultTitle(kind: OfficialDocument["kind"]): string {
  return { letter: "", report: "BÁO CÁO", minutes: "BIÊN BẢN", decision: "QUYẾT ĐỊNH", notice: "THÔNG BÁO" }[kind];
}

function addresseeBlock(d: OfficialDocument, size: number): Paragraph[] {
  const list = d.addressees ?? [];
  if (list.length === 0) return [];
  if (list.length === 1) {
    const a = list[0].replace(/[.;]+$/, "");
    return [para(`Kính gửi: ${a}.`, { size, before: 360, after: 240 })];
  }
  const out = [para("Kính gửi:", { size, align: AlignmentType.LEFT, left: 1700, before: 360 })];
  list.forEach((a, i) => {
    const end = i === list.length - 1 ? "." : ";";
    out.push(
      para(`- ${a.replace(/[.;]+$/, "")}${end}`, {
        size,
        align: AlignmentType.LEFT,
        left: 2800,
        after: i === list.length - 1 ? 240 : 0,
      }),
    );
  });
  return out;
}

function legalBases(d: OfficialDocument, size: number): Paragraph[] {
  const list = d.legal_bases ?? [];
  return list.map((b, i) => {
    const last = i === list.length - 1;
    const textWithEnd = `${b.replace(/[.;]+$/, "")}${last && d.kind === "decision" ? "." : ";"}`;
    return para(textWithEnd, {
      size,
      italic: true,
      align: AlignmentType.JUSTIFIED,
      firstLine: ND30.body.firstLineIndent,
      after: ND30.body.spacingAfter,
    });
  });
}

function bodyPara(children: ParagraphChild[], size: number, o: { align?: Align; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: {
      before: ND30.body.spacingBefore,
      after: ND30.body.spacingAfter,
      line: ND30.body.line,
      lineRule: LineRuleType.AUTO,
    },
    indent: o.indent === false ? undefined : { firstLine: ND30.body.firstLineIndent },
    run: { font: FONT, size: pt(size) },
  });
}

function bodyTable(b: Extract<Block, { type: "table" }>): Table {
  const n = b.columns.length;
  const weights = b.widths && b.widths.length === n ? b.widths : Array(n).fill(1);
  const total = weights.reduce((a, x) => a + x, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const size = S.table;
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
  const mk = (t: string, i: number, bold: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(t, { size, bold })],
          alignment: bold && !b.total_row ? AlignmentType.CENTER : ALIGN[b.align?.[i] ?? "left"],
          spacing: { before: 40, after: 40 },
          run: { font: FONT, size: pt(size) },
        }),
      ],
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
    });
  const rows = [
    new TableRow({ children: b.columns.map((c, i) => mk(c, i, true)), tableHeader: true }),
    ...b.rows.map(
      (r, ri) =>
        new TableRow({
          children: b.columns.map((_, i) => mk(r[i] ?? "", i, Boolean(b.total_row && ri === b.rows.length - 1))),
        }),
    ),
  ];
  return new Table({
    rows,
    width: { size: widths.reduce((a, x) => a + x, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

function renderBlock(b: Block, size: number): Array<Paragraph | Table> {
  switch (b.type) {
    case "paragraph": {
      const runs = b.runs ?? [{ text: b.text ?? "", bold: b.bold, italic: b.italic }];
      return [
        bodyPara(
          runs.map((r) => run(r.text, { size, bold: r.bold ?? b.bold, italic: r.italic ?? b.italic })),
          size,
          { align: b.align ? ALIGN[b.align] : undefined, indent: b.indent },
        ),
      ];
    }
    case "heading":
      return [bodyPara([run(b.text, { size, bold: true })], size)];
    case "article":
      return [bodyPara([run(`${b.label} `, { size, bold: true }), run(b.text, { size })], size)];
    case "list":
      return b.items.map((item, i) => {
        const marker =
          b.marker === "a)" ? `${String.fromCharCode(97 + i)})` : b.marker === "1." ? `${i + 1}.` : (b.marker ?? "-");
        return bodyPara([run(`${marker} ${item}`, { size })], size);
      });
    case "field":
      return [bodyPara([run(`${b.label}: `, { size }), run(b.value, { size })], size)];
    case "centered":
      return [
        new Paragraph({
          children: [run(b.text, { size, bold: b.bold ?? true })],
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 120 },
          run: { font: FONT, size: pt(size) },
        }),
      ];
    case "table":
      return [bodyTable(b), para("", { size: 6, after: 120 })];
  }
}

/** Lines of the signature: quyền hạn + chức vụ (upper, bold), room for the signature and seal, họ tên (bold). */
function signatureParagraphs(s: Signature, size: number): Paragraph[] {
  const lines: string[] = [];
  if (s.authority === "Q.") lines.push(`Q. ${s.title.toUpperCase()}`);
  else if (s.authority) lines.push(`${s.authority} ${s.authority_title!.toUpperCase()}`, s.title.toUpperCase());
  else lines.push(s.title.toUpperCase());
  const out = lines.map((l) => para(l, { size, bold: true, keepNext: true }));
  // Chữ ký, dấu: four empty lines of room.
  for (let i = 0; i < 4; i++) out.push(para("", { size, keepNext: true }));
  out.push(para(s.name, { size, bold: true }));
  return out;
}

function partyParagraphs(p: PartySignature, size: number): Paragraph[] {
  const out = [para(p.title.toUpperCase(), { size, bold: true, keepNext: true })];
  out.push(para(p.note ?? "(Ký, ghi rõ họ tên)", { size: size - 1, italic: true, keepNext: true }));
  for (let i = 0; i < 3; i++) out.push(para("", { size, keepNext: true }));
  out.push(para(p.name ?? "", { size, bold: true }));
  return out;
}

function recipientsParagraphs(d: OfficialDocument): Paragraph[] {
  const keep = ["VT", ...(d.keep ?? []).filter((k) => k.toUpperCase() !== "VT")];
  const items = [
    ...d.recipients.map((r) => r.replace(/^[-–]\s*/, "").replace(/[.;]+$/, "")),
    `Lưu: ${keep.join(", ")}`,
  ];
  const out = [
    new Paragraph({
      children: [run("Nơi nhận:", { size: S.recipientsLabel, bold: true, italic: true })],
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 0 },
      run: { font: FONT, size: pt(S.recipientsLabel) },
    }),
  ];
  items.forEach((t, i) => {
    out.push(
      new Paragraph({
        children: [run(`- ${t}${i === items.length - 1 ? "." : ";"}`, { size: S.recipientsItem })],
        alignment: AlignmentType.LEFT,
        spacing: { before: 0, after: 0 },
        run: { font: FONT, size: pt(S.recipientsItem) },
      }),
    );
  });
  return out;
}

function closing(d: OfficialDocument, size: number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [para("", { size: 6, after: 120 })];
  const co = d.co_signatures ?? [];
  if (co.length > 0) {
    const n = co.length + 1;
    const w = Math.floor(TEXT_WIDTH / n);
    const cells = [
      ...co.map((p) => cell(partyParagraphs(p, size), w)),
      cell(signatureParagraphs(d.signature, size), w),
    ];
    out.push(borderlessTable([cells], Array(n).fill(w)));
    if (d.recipients.length > 0) {
      out.push(para("", { size: 6, after: 120 }), ...recipientsParagraphs(d));
    }
    return out;
  }
  const L = 4200;
  const R = TEXT_WIDTH - L;
  const left = d.recipients.length > 0 ? recipientsParagraphs(d) : [];
  out.push(borderlessTable([[cell(left, L), cell(signatureParagraphs(d.signature, size), R)]], [L, R]));
  return out;
}

/** The same small italic note at the foot of every page (first page included). */
function footerNote(note: string): { default: Footer; first: Footer } {
  const make = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          children: [new TextRun({ text: note, font: FONT, size: pt(9), italics: true })],
        }),
      ],
    });
  return { default: make(), first: make() };
}

/** Builds the docx object model for a validated document. */
function toDocxDocument(d: OfficialDocument): Document {
  const size = d.font_size ?? S.body;
  const children: Array<Paragraph | Table> = [header(d), ...titleBlock(d, size)];
  if (d.kind === "letter") children.push(...addresseeBlock(d, size));
  children.push(...legalBases(d, size));
  for (const b of d.body) children.push(...renderBlock(b, size));
  children.push(...closing(d, size));
  // The body ends with a paragraph (Word adds one after a final table anyway).
  children.push(para("", { size: 2 }));

  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(S.pageNumber) })],
      }),
    ],
  });
  return new Document({
    creator: "BTNN",
    title: d.kind === "letter" ? (d.subject ?? "Công văn") : (d.title ?? defaultTitle(d.kind)),
    styles: { default: { document: { run: { font: FONT, size: pt(size) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: ND30.page.width, height: ND30.page.height },
            margin: { ...ND30.margins, header: 567, footer: 567 },
          },
        },
        // Số trang: giữa lề trên, từ trang thứ hai (Phụ lục I, mục II.10); the first page has an empty header.
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        ...(d.footer_note ? { footers: footerNote(d.footer_note) } : {}),
        children,
      },
    ],
  });
}

/** The .docx bytes of a validated document (render.ts validates and loads this module on first use). */
export async function docxBuffer(d: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(toDocxDocument(d));
}
