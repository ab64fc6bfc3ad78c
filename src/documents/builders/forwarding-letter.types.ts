// Contract of the forwarding letter (công văn sao chuyển văn bản để phối hợp theo dõi).
import { z } from "zod";
import { baseFields, docRefSchema, isoDateSchema, ruleSchema, text } from "./common.ts";

export const forwardingLetterSchema = z.strictObject({
  ...baseFields,
  addressees: z.array(text(300)).min(1),
  /** Documents forwarded (sent by the handling agency under TT 08/2019 Điều 12). */
  documents: z.array(docRefSchema).min(1),
  /** Day the issuer received them. */
  received_on: isoDateSchema.optional(),
  /** Purpose; default "để phối hợp theo dõi". */
  purpose: text(300).optional(),
  /** Routing rule carried out (its plan section and legal grounds are cited); default KH2021.II.5.2-1. */
  rule: ruleSchema.optional(),
});
export type ForwardingLetterInput = z.input<typeof forwardingLetterSchema>;
