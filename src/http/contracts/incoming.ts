// Contract of the incoming register (sổ văn bản đến): one entry, the registration of a letter, the one-click
// registration of a request that reached the agency, and the link to a request.
import { z } from "zod";
import { IsoDateSchema, PageQuery } from "./common.ts";

export const Incoming = z.object({
  id: z.string(),
  agency_id: z.string(),
  year: z.number(),
  /** Số đến. */
  number: z.number(),
  received_on: z.string(),
  doc_type: z.string().nullable(),
  symbol: z.string().nullable(),
  doc_date: z.string().nullable(),
  issuer: z.string(),
  subject: z.string(),
  request_id: z.string().nullable(),
  attachment_id: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  /** "Công văn số 12/STP-HCTP ngày 02/3/2026 của Sở Tư pháp tỉnh Thanh Hóa" — how a reply cites it. */
  citation: z.string(),
});
export type Incoming = z.output<typeof Incoming>;

const symbol = z.string().trim().min(1).max(80);

export const RegisterIncoming = z
  .object({
    agency_id: z.string().trim().min(1).max(100),
    received_on: IsoDateSchema,
    doc_type: z.string().trim().min(1).max(60).nullable().optional(),
    symbol: symbol.nullable().optional(),
    doc_date: IsoDateSchema.nullable().optional(),
    issuer: z.string().trim().min(1).max(300),
    subject: z.string().trim().min(1).max(2000),
    request_id: z.uuid().nullable().optional(),
  })
  .strict();

export const RegisterRequestIncoming = z
  .object({
    agency_id: z.string().trim().min(1).max(100).optional(),
    received_on: IsoDateSchema.optional(),
    symbol: symbol.nullable().optional(),
    doc_date: IsoDateSchema.nullable().optional(),
  })
  .strict();

export const LinkIncoming = z.object({ request_id: z.uuid() }).strict();

export const IncomingQuery = PageQuery.extend({
  agency_id: z.string().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  request_id: z.uuid().optional(),
}).strict();
