// Shared zod pieces for the API contracts: pagination, search, ids, versions, the error body.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { HttpError } from "../http-error.ts";

export const MAX_PAGE_SIZE = 100;

/** `page` (1-based), `page_size` ≤ 100, `q` (diacritics-insensitive search). */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  q: z.string().trim().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
  });
}

export const ErrorBody = z.object({
  error: z.string(),
  code: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  request_id: z.string().optional(),
});

export const UuidParam = z.object({ id: z.uuid() });
export const TextIdParam = z.object({ id: z.string().min(1).max(100) });

export const IsoDateSchema = z.iso.date();

// Text values reach these schemas already normalised (NFC, trimmed of white space and invisible characters, no bidi
// controls: src/http/validation.ts normalizeInput), so the pieces below only state what a valid value looks like.

/** Separators people type inside numbers ("038 090 001 234", "0912.345.678", "0912-345-678"). */
const digitsOnly = (s: string) => s.replace(/[\s.-]/g, "");

/**
 * Số giấy tờ tùy thân of a claimant: a citizen's CCCD (12 digits) or, for an organisation, its tax code (10 digits,
 * or 13 for a branch). Stored as digits only.
 */
export const IdNumberSchema = z
  .string()
  .transform(digitsOnly)
  .pipe(
    z.string().regex(/^(\d{12}|\d{10}|\d{13})$/, "Số CCCD gồm đúng 12 chữ số (tổ chức: mã số thuế 10 hoặc 13 chữ số)"),
  );

/**
 * A Vietnamese phone number: mobile 0[35789]xxxxxxxx (10 digits) or landline 02xxxxxxxxx (11 digits); "+84"/"84"
 * in front is read as the leading 0. Stored as digits only.
 */
export const PhoneSchema = z
  .string()
  .transform((s) => digitsOnly(s).replace(/^\+?84(?=\d{9,10}$)/, "0"))
  .pipe(
    z
      .string()
      .regex(
        /^0(?:[35789]\d{8}|2\d{9})$/,
        "Số điện thoại không hợp lệ: di động 10 chữ số (03x, 05x, 07x, 08x, 09x) hoặc cố định 11 chữ số (02x)",
      ),
  );

/**
 * An amount of money in đồng: a whole, non-negative JSON number. A string ("1.000.000"), a fraction or a negative
 * value is refused with the field named — never read as 0.
 */
export const AmountSchema = z
  .number()
  .int("Số tiền phải là số nguyên đồng (không có phần lẻ)")
  .min(0, "Số tiền không được âm")
  .max(Number.MAX_SAFE_INTEGER, "Số tiền quá lớn");
export const YearSchema = z.coerce.number().int().min(1900).max(2200);

/** Query flags "true"/"false"/"1"/"0" → boolean. */
export const BoolQuery = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Standard error responses for documentation (4xx bodies share one shape). */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
} as const;

/**
 * The version the client based its update on: `version` in the body, or the `If-Match` header
 * (`"3"`, `W/"3"` or `3`). Missing → 428 (an update must say which version it replaces).
 */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const h = request.headers["if-match"];
  if (typeof h === "string") {
    const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(h);
    if (m) return Number(m[1]);
    throw new HttpError(400, "bad_if_match", 'Tiêu đề If-Match không hợp lệ: cần số phiên bản, ví dụ "3"', [
      { path: "/If-Match", message: "Cần số phiên bản" },
    ]);
  }
  throw new HttpError(428, "version_required", "Cần gửi phiên bản đang sửa (trường version hoặc tiêu đề If-Match)", [
    { path: "/version", message: "Trường này là bắt buộc khi cập nhật" },
  ]);
}

/** ETag for a versioned row. */
export const etag = (version: number) => `"${version}"`;

/** page/page_size → the repositories' limit/offset. */
export const repoPage = (q: { page: number; page_size: number }) => ({
  limit: q.page_size,
  offset: (q.page - 1) * q.page_size,
});

/** A repository page → the API's `{ items, total, page, page_size }`. */
export function apiPage<T, U = T>(
  r: { items: T[]; total: number },
  q: { page: number; page_size: number },
  map?: (t: T) => U,
): { items: U[]; total: number; page: number; page_size: number } {
  return {
    items: map ? r.items.map(map) : (r.items as unknown as U[]),
    total: r.total,
    page: q.page,
    page_size: q.page_size,
  };
}
