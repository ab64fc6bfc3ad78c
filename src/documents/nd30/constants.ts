// Thể thức và kỹ thuật trình bày văn bản hành chính — Nghị định 30/2020/NĐ-CP, Phụ lục I.
// One table of measures every document uses; the layout check (inspect/) reads the same table.

/** 1 mm in twips (1 inch = 25.4 mm = 1440 twips). */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
export const twipsToMm = (tw: number): number => Math.round((tw / TWIPS_PER_MM) * 10) / 10;
/** docx sizes are half-points. */
export const pt = (points: number): number => points * 2;

export const ND30 = {
  basis: "Nghị định 30/2020/NĐ-CP, Phụ lục I",
  /** Khổ giấy A4 (210 mm × 297 mm), in twips. */
  page: { width: 11906, height: 16838 },
  /** Lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm. */
  marginRangeMm: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] } as Record<
    "top" | "bottom" | "left" | "right",
    [number, number]
  >,
  /** Margins used: top 20 mm, bottom 20 mm, left 30 mm, right 20 mm. */
  margins: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
  font: "Times New Roman",
  /** Font sizes (points) chosen within the ranges of Phụ lục I. */
  size: {
    parentAgency: 13, // tên cơ quan chủ quản: in hoa, 12–13, đứng
    issuer: 13, // tên cơ quan ban hành: in hoa, 12–13, đứng, đậm
    nationalTitle: 13, // quốc hiệu: in hoa, 12–13, đứng, đậm
    motto: 14, // tiêu ngữ: in thường, 13–14, đứng, đậm
    number: 13, // số, ký hiệu: 13, đứng
    placeDate: 14, // địa danh, ngày tháng năm: in thường, 13–14, nghiêng
    subject: 12, // trích yếu công văn (V/v): in thường, 12–13, đứng
    title: 14, // tên loại văn bản: in hoa, 13–14, đứng, đậm
    titleSummary: 14, // trích yếu dưới tên loại: in thường, 13–14, đứng, đậm
    addressee: 14, // Kính gửi: 14, đứng
    body: 14, // nội dung: 13–14
    table: 13, // bảng trong nội dung (cỡ nhỏ hơn nội dung được phép)
    signature: 14, // quyền hạn, chức vụ: in hoa, 13–14, đậm; họ tên: in thường, 13–14, đậm
    recipientsLabel: 12, // "Nơi nhận": in thường, 12, nghiêng, đậm
    recipientsItem: 11, // các nơi nhận: in thường, 11, đứng
    pageNumber: 14, // số trang: 13–14, giữa lề trên, từ trang 2
  },
  /** Body paragraph: first-line indent 1–1.27 cm (we use 1.27 cm), spacing ≥ 6 pt, line spacing single to 1.5. */
  body: { firstLineIndent: 720, spacingAfter: 120, spacingBefore: 0, line: 276 },
  bodyFirstLineIndentRange: [567, 720] as [number, number],
  bodySizeRange: [13, 14] as [number, number],
  /** Header table column widths (twips): left ~ issuing agency, right ~ quốc hiệu. Text width = 11906 − 1701 − 1134 = 9071. */
  header: { left: 3500, right: 5571 },
} as const;

export const TEXT_WIDTH = ND30.page.width - ND30.margins.left - ND30.margins.right;

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Thẩm quyền ký — Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.8 (TM., KT., TL., TUQ., Q.). */
export const SIGN_AUTHORITIES = ["KT.", "TL.", "TM.", "Q.", "TUQ."] as const;
export type SignAuthority = (typeof SIGN_AUTHORITIES)[number];

/** Blocks the layout check recognises, in the words of Phụ lục I. */
export const BLOCK_KINDS = [
  "issuer_parent", // tên cơ quan chủ quản
  "issuer", // tên cơ quan ban hành
  "national_title", // quốc hiệu
  "motto", // tiêu ngữ
  "number", // số, ký hiệu
  "place_date", // địa danh, ngày tháng năm
  "subject", // trích yếu công văn (V/v)
  "title", // tên loại văn bản
  "title_summary", // trích yếu dưới tên loại
  "issuing_authority", // thẩm quyền ban hành (quyết định)
  "addressee", // Kính gửi
  "legal_basis", // căn cứ ban hành
  "body", // nội dung
  "signature", // chữ ký (quyền hạn, chức vụ, họ tên)
  "recipients", // nơi nhận
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const BLOCK_NAME_VI: Record<BlockKind, string> = {
  issuer_parent: "tên cơ quan chủ quản",
  issuer: "tên cơ quan ban hành",
  national_title: "quốc hiệu",
  motto: "tiêu ngữ",
  number: "số, ký hiệu",
  place_date: "địa danh, ngày tháng",
  subject: "trích yếu (V/v)",
  title: "tên loại văn bản",
  title_summary: "trích yếu nội dung",
  issuing_authority: "thẩm quyền ban hành",
  addressee: "Kính gửi",
  legal_basis: "căn cứ ban hành",
  body: "nội dung",
  signature: "chữ ký",
  recipients: "nơi nhận",
};

/**
 * Required blocks per output kind, in reading order of the generated file (header table read row by row, left cell
 * first; the closing table has "Nơi nhận" in the left cell and the signature in the right cell, as in Phụ lục I).
 */
export const REQUIRED_BLOCKS: Record<"letter" | "report" | "minutes" | "decision" | "notice", BlockKind[]> = {
  letter: [
    "issuer",
    "national_title",
    "motto",
    "number",
    "place_date",
    "subject",
    "addressee",
    "body",
    "recipients",
    "signature",
  ],
  report: ["issuer", "national_title", "motto", "number", "place_date", "title", "body", "recipients", "signature"],
  minutes: ["issuer", "national_title", "motto", "number", "place_date", "title", "body", "signature"],
  decision: [
    "issuer",
    "national_title",
    "motto",
    "number",
    "place_date",
    "title",
    "title_summary",
    "legal_basis",
    "body",
    "recipients",
    "signature",
  ],
  notice: ["issuer", "national_title", "motto", "number", "place_date", "title", "body", "recipients", "signature"],
};
