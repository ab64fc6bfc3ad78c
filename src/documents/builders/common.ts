// Shared pieces of the document builders: metadata, the base input every builder takes, claimant and damage items,
// and small text helpers. Each builder lives in <name>.ts with its zod contract in <name>.types.ts beside it.
import { z } from "zod";
import { DAMAGE_HEAD_VI, DAMAGE_HEADS } from "../../domain/claims/event-data.ts";
import { citationOf, PLAN_UNVERIFIED_LEGEND, type RuleCitation } from "../../domain/routing/citation.ts";
import { ROUTING_RULES } from "../../domain/routing/rules.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { parseInput } from "../errors.ts";
import { formatMoneyVi, moneyWithWordsVi } from "../money.ts";
import { renderOfficialDocument } from "../nd30/render.ts";
import {
  type Block,
  type BlockInput,
  isoDateSchema,
  type OfficialDocumentInput,
  type OutputKind,
  signatureSchema,
  text,
} from "../nd30/types.ts";
import { documentSymbol } from "../numbering.ts";

export interface BuilderMeta {
  /** Stable id (snake_case), e.g. "guidance_letter". */
  id: string;
  name_vi: string;
  kind: OutputKind;
  /** TT 04/2018/TT-BTP form code, e.g. "Mẫu 07/BTNN"; null when no official form exists (letters, reports). */
  form_code: string | null;
  /** Legal basis of the document and of its content. */
  basis: string[];
  /** GLOSSARY request kind the document answers, when there is one. */
  request_kind?: string;
  /**
   * True only when the wording follows the official form text word for word. All builders here follow the Decree 30
   * layout and the content the law requires, but the TT 04/2018 form texts were not available: false.
   */
  form_text_verified: boolean;
  note_vi?: string;
}

export interface DocumentBuilder<S extends z.ZodType> {
  meta: BuilderMeta;
  schema: S;
  /** Pure mapping from the builder's input to the layout input (validated first). */
  toDocument(input: z.input<S>): OfficialDocumentInput;
  /** Renders the .docx. Throws DocumentInputError (Vietnamese, naming the field) on bad input. */
  build(input: z.input<S>): Promise<Buffer>;
}

export function defineBuilder<S extends z.ZodType>(
  meta: BuilderMeta,
  schema: S,
  map: (input: z.output<S>) => OfficialDocumentInput,
): DocumentBuilder<S> {
  const toDocument = (input: z.input<S>) => map(parseInput(schema, input));
  return { meta, schema, toDocument, build: async (input) => renderOfficialDocument(toDocument(input)) };
}

/** Issuer of a builder's document: the layout's issuer plus the drafting unit's code for letters and "Lưu". */
export const builderIssuerSchema = z.strictObject({
  parent: text(200).optional(),
  /** Name as written in running text, e.g. "Cục Bồi thường nhà nước" (upper-cased in the header). */
  name: text(200),
  short_code: z
    .string()
    .trim()
    .regex(/^[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*$/u, 'chỉ gồm chữ in hoa, chữ số và dấu gạch nối, ví dụ "BTNN"'),
  unit_code: z
    .string()
    .trim()
    .regex(/^[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*$/u, 'chỉ gồm chữ in hoa, chữ số và dấu gạch nối, ví dụ "NV"')
    .optional(),
});

/** Fields every builder takes. */
export const baseFields = {
  issuer: builderIssuerSchema,
  /** Number from the outgoing register (OutgoingRegister); absent = blank for the clerk. */
  number: z.number().int().min(1).max(999_999).optional(),
  place: text(100),
  date: isoDateSchema.optional(),
  signature: signatureSchema,
  /** Extra "Nơi nhận" lines (the builder adds the ones the law requires). */
  recipients: z.array(text(300)).optional(),
  keep: z.array(text(100)).optional(),
  font_size: z.union([z.literal(13), z.literal(14)]).optional(),
};

export const baseSchema = z.strictObject(baseFields);
export type BaseInput = z.output<typeof baseSchema>;

/** Common part of the layout input from the base fields. */
export function baseDocument(
  b: BaseInput,
  kind: OutputKind,
  defaults: { recipients?: string[] } = {},
): Pick<
  OfficialDocumentInput,
  "kind" | "issuer" | "number" | "place" | "date" | "signature" | "recipients" | "keep" | "font_size"
> {
  const symbol = documentSymbol({ kind, issuer_code: b.issuer.short_code, unit_code: b.issuer.unit_code });
  const recipients = dedupe([...(defaults.recipients ?? []), ...(b.recipients ?? [])]);
  return {
    kind,
    issuer: { parent: b.issuer.parent, name: b.issuer.name, short_code: b.issuer.short_code },
    number: { value: b.number, symbol },
    place: b.place,
    date: b.date,
    signature: b.signature,
    recipients,
    keep: b.keep ?? (b.issuer.unit_code ? [b.issuer.unit_code] : undefined),
    font_size: b.font_size,
  };
}

export function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.trim().toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A document referred to in the text: "Văn bản số 12/STP-HCTP ngày 02/3/2026 của Sở Tư pháp tỉnh Thanh Hóa". */
export const docRefSchema = z.strictObject({
  /** Tên loại, e.g. "Văn bản", "Công văn", "Quyết định", "Bản án" (default "Văn bản"). */
  type: text(60).optional(),
  number_symbol: text(80).optional(),
  date: isoDateSchema.optional(),
  issuer: text(300).optional(),
  summary: text(1000).optional(),
});
export type DocRef = z.output<typeof docRefSchema>;

export function docRefText(r: DocRef): string {
  let s = r.type ?? "Văn bản";
  if (r.number_symbol) s += ` số ${r.number_symbol}`;
  if (r.date) s += ` ngày ${formatVi(r.date)}`;
  if (r.issuer) s += ` của ${r.issuer}`;
  if (r.summary) s += ` ${r.summary}`;
  return s;
}

/**
 * The routing rule (ROUTING_RULES id) a letter carries out: the letter cites that rule's plan section — with the plan's
 * number, date, issuer and title — and the same legal provisions as the routing (domain/routing/citation.ts).
 */
export const ruleSchema = z.enum(ROUTING_RULES.map((r) => r.id) as [string, ...string[]]);

/** The citation of a letter's rule, and the legend (in the page footer, once) when the plan's number is unverified. */
export function citedRule(id: string | undefined): {
  citation: RuleCitation | undefined;
  footer: { footer_note?: string };
} {
  const citation = citationOf(id);
  return { citation, footer: citation?.unverified ? { footer_note: PLAN_UNVERIFIED_LEGEND } : {} };
}

/** Người yêu cầu bồi thường (Luật TNBTCNN 2017, Điều 47 khoản 2 điểm a: họ tên, địa chỉ). */
export const claimantSchema = z.strictObject({
  name: text(200),
  address: text(500),
  /** Số định danh cá nhân / CCCD. */
  id_number: z.string().trim().max(30).optional(),
  phone: z.string().trim().max(30).optional(),
  /** Capacity when someone files for the injured person (người thừa kế, người đại diện …). */
  capacity: text(200).optional(),
});
export type Claimant = z.output<typeof claimantSchema>;

export const moneySchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const damageItemSchema = z.strictObject({
  type: z.enum(DAMAGE_HEADS),
  /** What the item is and how it was computed. */
  description: text(2000),
  amount: moneySchema,
});
export type DamageItem = z.output<typeof damageItemSchema>;

export function sumAmounts(items: ReadonlyArray<{ amount: number }>): number {
  return items.reduce((a, i) => a + i.amount, 0);
}

/** Bordered table of damage items with a "Tổng cộng" row (amounts in đồng, Vietnamese grouping). */
export function damageTable(items: DamageItem[], amountHeader = "Số tiền (đồng)"): Block {
  const rows = items.map((d, i) => [
    String(i + 1),
    DAMAGE_HEAD_VI[d.type],
    d.description,
    formatMoneyVi(d.amount).replace(/ đồng$/, ""),
  ]);
  rows.push(["", "Tổng cộng", "", formatMoneyVi(sumAmounts(items)).replace(/ đồng$/, "")]);
  return {
    type: "table",
    columns: ["STT", "Loại thiệt hại", "Nội dung, cách tính", amountHeader],
    rows,
    widths: [0.6, 2.6, 3.6, 1.8],
    align: ["center", "left", "left", "right"],
    total_row: true,
  };
}

export function p(textValue: string): BlockInput {
  return { type: "paragraph", text: textValue };
}

export function money(n: number): string {
  return moneyWithWordsVi(n);
}

/** Ensures the last sentence of a letter ends with "./." as agencies write it. */
export function closingLine(s: string): string {
  const t = s.trim().replace(/[.;]*(\/\.)?$/, "");
  return `${t}./.`;
}

export function joinVi(list: string[]): string {
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} và ${list.at(-1)}`;
}

export { isoDateSchema, text };
