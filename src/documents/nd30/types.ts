// Typed input of one official document in the Decree 30 layout (zod schema + inferred types).
import { z } from "zod";
import { isIsoDate } from "../../domain/shared/dates.ts";
import { SIGN_AUTHORITIES } from "./constants.ts";

/** Output kinds of GLOSSARY: công văn / báo cáo / biên bản / quyết định / thông báo. */
export const OUTPUT_KINDS = ["letter", "report", "minutes", "decision", "notice"] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const text = (max = 2000) => z.string().trim().min(1).max(max);

export const isoDateSchema = z
  .string()
  .refine((v) => isIsoDate(v), { message: "ngày phải có dạng YYYY-MM-DD và là ngày có thật" });

export const issuerSchema = z.strictObject({
  /** Tên cơ quan chủ quản (optional), e.g. "BỘ TƯ PHÁP" / "UBND TỈNH THANH HÓA". */
  parent: text(200).optional(),
  /** Tên cơ quan ban hành, e.g. "CỤC BỒI THƯỜNG NHÀ NƯỚC" / "SỞ TƯ PHÁP". */
  name: text(200),
  /** Chữ viết tắt tên cơ quan ban hành for the symbol, e.g. "BTNN", "UBND", "STP". */
  short_code: z
    .string()
    .trim()
    .regex(/^[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*$/u, 'chỉ gồm chữ in hoa, chữ số và dấu gạch nối, ví dụ "BTNN"'),
});
export type Issuer = z.output<typeof issuerSchema>;

export const signatureSchema = z
  .strictObject({
    /** Thẩm quyền ký: KT. (ký thay), TL. (thừa lệnh), TM. (thay mặt), Q. (quyền), TUQ. (thừa ủy quyền). */
    authority: z.enum(SIGN_AUTHORITIES).optional(),
    /** Chức vụ of the head / name of the collective after KT./TL./TM./TUQ., e.g. "CỤC TRƯỞNG", "ỦY BAN NHÂN DÂN". */
    authority_title: text(200).optional(),
    /** Chức vụ of the signer, e.g. "PHÓ CỤC TRƯỞNG"; with "Q." the title of the head ("CỤC TRƯỞNG"). */
    title: text(200),
    /** Họ và tên người ký. */
    name: text(120),
  })
  .superRefine((s, ctx) => {
    if (s.authority && s.authority !== "Q." && !s.authority_title) {
      ctx.addIssue({
        code: "custom",
        path: ["authority_title"],
        message: `ký "${s.authority}" phải ghi chức vụ của người đứng đầu hoặc tên tập thể (ví dụ "${s.authority} CỤC TRƯỞNG")`,
      });
    }
    if (s.authority === "Q." && s.authority_title) {
      ctx.addIssue({
        code: "custom",
        path: ["authority_title"],
        message: 'ký "Q." chỉ ghi "Q." trước chức vụ người đứng đầu (trường "title"), không có dòng chức vụ thứ hai',
      });
    }
  });
export type Signature = z.output<typeof signatureSchema>;

/** Chữ ký of a party in minutes (biên bản): a heading such as "NGƯỜI YÊU CẦU BỒI THƯỜNG" and a name. */
export const partySignatureSchema = z.strictObject({
  title: text(200),
  name: text(120).optional(),
  note: text(200).optional(),
});
export type PartySignature = z.output<typeof partySignatureSchema>;

const runSchema = z.strictObject({
  text: z.string().max(20_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
const alignSchema = z.enum(["justify", "left", "center", "right"]);

export const blockSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("paragraph"),
    text: z.string().max(20_000).optional(),
    runs: z.array(runSchema).min(1).optional(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    align: alignSchema.optional(),
    /** First-line indent (default true). */
    indent: z.boolean().optional(),
  }),
  /** Heading of a part/section, e.g. "I. KẾT QUẢ KIỂM TRA" — bold. */
  z.strictObject({ type: z.literal("heading"), text: text(1000) }),
  /** An article of a decision: "Điều 1." bold, then the text. */
  z.strictObject({ type: z.literal("article"), label: text(40), text: text(20_000) }),
  /** Items each starting with a marker ("-" by default). */
  z.strictObject({
    type: z.literal("list"),
    items: z.array(text(5000)).min(1),
    marker: z.enum(["-", "+", "a)", "1."]).optional(),
  }),
  /** "Nhãn: giá trị" line, e.g. "Họ và tên: Nguyễn Văn A". */
  z.strictObject({ type: z.literal("field"), label: text(200), value: z.string().max(5000) }),
  /** Centred line, e.g. "QUYẾT ĐỊNH:". */
  z.strictObject({ type: z.literal("centered"), text: text(500), bold: z.boolean().optional() }),
  /** Bordered table; widths are relative weights; align per column. */
  z.strictObject({
    type: z.literal("table"),
    columns: z.array(text(200)).min(1),
    rows: z.array(z.array(z.string().max(5000))),
    widths: z.array(z.number().positive()).optional(),
    align: z.array(alignSchema).optional(),
    /** Last row rendered bold (e.g. "Tổng cộng"). */
    total_row: z.boolean().optional(),
  }),
]);
export type Block = z.output<typeof blockSchema>;
export type BlockInput = z.input<typeof blockSchema>;

/** A ký hiệu as a document carries it (Nghị định 30/2020, Phụ lục I): "BTNN-NV", "QĐ-UBND". */
export const DOCUMENT_SYMBOL = /^[A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-Za-zĐđ0-9]+)*$/u;

export const officialDocumentInputSchema = z
  .strictObject({
    kind: z.enum(OUTPUT_KINDS),
    issuer: issuerSchema,
    /** Số and ký hiệu; without `value` the number is left blank for the registry clerk ("Số:    /BTNN-NV"). */
    number: z
      .strictObject({
        value: z.number().int().min(1).max(999_999).optional(),
        symbol: z.string().trim().regex(DOCUMENT_SYMBOL, 'dạng ký hiệu như "BTNN-NV" hoặc "QĐ-UBND"'),
      })
      .optional(),
    /** Địa danh, e.g. "Hà Nội", "Thanh Hóa". */
    place: text(100),
    /** Ngày ban hành (YYYY-MM-DD); absent in a draft → "ngày     tháng     năm". */
    date: isoDateSchema.optional(),
    /** Trích yếu of a công văn, without "V/v". Required for letters. */
    subject: text(500).optional(),
    /** Tên loại văn bản; defaults to the kind's name in upper case. */
    title: text(300).optional(),
    /** Trích yếu under the title, e.g. "Về việc giải quyết yêu cầu bồi thường". */
    title_summary: text(500).optional(),
    /** Thẩm quyền ban hành of a decision, e.g. "CỤC TRƯỞNG CỤC THI HÀNH ÁN DÂN SỰ TỈNH THANH HÓA". */
    issuing_authority: text(300).optional(),
    /** "Căn cứ …" lines, without the trailing ";" (added by the layout). */
    legal_bases: z.array(text(1000)).optional(),
    /** "Kính gửi:" addressees of a letter. */
    addressees: z.array(text(300)).optional(),
    body: z.array(blockSchema).min(1),
    signature: signatureSchema,
    /** Further signatures side by side (parties of minutes). Rendered left of the main signature. */
    co_signatures: z.array(partySignatureSchema).max(3).optional(),
    recipients: z.array(text(300)),
    /** "Lưu:" entries; "VT" (văn thư) is always first. */
    keep: z.array(text(100)).optional(),
    font_size: z.union([z.literal(13), z.literal(14)]).optional(),
    /** Small note in the page footer of every page, e.g. that the form's wording is not yet checked. */
    footer_note: text(500).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.kind === "letter") {
      if (!d.subject)
        ctx.addIssue({ code: "custom", path: ["subject"], message: 'công văn phải có trích yếu "V/v …"' });
      if (!d.addressees?.length)
        ctx.addIssue({ code: "custom", path: ["addressees"], message: 'công văn phải có nơi gửi "Kính gửi: …"' });
    }
    if (d.kind !== "minutes" && d.recipients.length === 0) {
      ctx.addIssue({ code: "custom", path: ["recipients"], message: "cần ít nhất một nơi nhận" });
    }
  });

export type OfficialDocumentInput = z.input<typeof officialDocumentInputSchema>;
export type OfficialDocument = z.output<typeof officialDocumentInputSchema>;
