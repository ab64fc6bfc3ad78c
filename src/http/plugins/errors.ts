// One error shape for the whole API: `{ error: "<Vietnamese message>", code, issues: [{ path, message }] }`.
// Bad input is always a 4xx with the field named; a 500 carries only the request id (details go to the log).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isDomainError } from "../../domain/shared/errors.ts";
import { HttpError, type Issue, toPointer } from "../http-error.ts";
import { globalPlugin } from "./global.ts";

export type ErrorBody = { error: string; code: string; issues: Issue[]; request_id?: string };

const LOCATION_VI: Record<string, string> = {
  body: "Dữ liệu gửi lên không hợp lệ",
  querystring: "Tham số truy vấn không hợp lệ",
  params: "Tham số đường dẫn không hợp lệ",
  headers: "Tiêu đề (header) yêu cầu không hợp lệ",
};

/** Fastify's own 4xx errors, in Vietnamese. */
const FASTIFY_VI: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: "malformed_json",
    message: "Nội dung gửi lên không phải JSON hợp lệ (kiểm tra dấu ngoặc, dấu phẩy và dấu nháy kép)",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: "empty_json",
    message: "Nội dung JSON trống: cần gửi một đối tượng JSON",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: "body_too_large",
    message: "Nội dung gửi lên quá lớn so với giới hạn cho phép",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "Chỉ chấp nhận nội dung JSON (Content-Type: application/json)",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: "bad_content_length",
    message: "Độ dài nội dung không khớp với Content-Length",
  },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: "unsupported_media_type", message: "Content-Type không hợp lệ" },
  FST_ERR_BAD_URL: { status: 400, code: "bad_url", message: "Đường dẫn không hợp lệ" },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: "bad_request", message: "Yêu cầu không hợp lệ" },
};

/** PostgreSQL SQLSTATE codes that mean "bad input", not a server fault. */
const PG_VI: Record<string, { status: number; code: string; message: string }> = {
  "23505": { status: 409, code: "duplicate", message: "Dữ liệu bị trùng với bản ghi đã có" },
  "23503": { status: 422, code: "bad_reference", message: "Tham chiếu tới bản ghi không tồn tại hoặc đang được dùng" },
  "23514": { status: 422, code: "constraint", message: "Dữ liệu vi phạm ràng buộc của hệ thống" },
  "23502": { status: 422, code: "missing_value", message: "Thiếu giá trị bắt buộc" },
  "22P02": { status: 400, code: "bad_value", message: "Giá trị không đúng kiểu dữ liệu" },
  "22001": { status: 400, code: "too_long", message: "Giá trị quá dài" },
  "22021": { status: 400, code: "bad_value", message: "Giá trị chứa ký tự không hợp lệ (ví dụ ký tự NUL)" },
  "22P05": { status: 400, code: "bad_value", message: "Giá trị chứa ký tự Unicode không lưu được (ví dụ \\u0000)" },
  "22003": { status: 400, code: "out_of_range", message: "Giá trị số vượt quá giới hạn" },
  "22007": { status: 400, code: "bad_date", message: "Ngày giờ không hợp lệ" },
  "22008": { status: 400, code: "bad_date", message: "Ngày giờ nằm ngoài phạm vi cho phép" },
  "40001": { status: 409, code: "conflict", message: "Xung đột khi ghi dữ liệu đồng thời; hãy thử lại" },
};

/** Domain error codes with their own status; every other DomainError is 422 (the law or a rule forbids it). */
const DOMAIN_STATUS: Record<string, number> = {
  unauthenticated: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  stale_version: 409,
  version_conflict: 409,
  conflict: 409,
  duplicate: 409,
  /** An upload outside the document allow-list (src/domain/files/allowed-types.ts). */
  file_type: 415,
  /** A closed claim file changes only through a leader's correction (domain/claims/editing.ts). */
  claim_closed: 409,
  /** A report round already consolidated: its submissions can no longer be recalled or returned. */
  round_consolidated: 409,
};

function pgCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function findDomainError(err: unknown) {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === "object"; i++) {
    if (isDomainError(e)) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function findHttpError(err: unknown): HttpError | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === "object"; i++) {
    if (e instanceof HttpError) return e;
    const s = (e as { statusCode?: unknown; issues?: unknown; code?: unknown }).statusCode;
    // A typed error from the db layer that carries its own HTTP status and Vietnamese message.
    if (typeof s === "number" && s >= 400 && s < 500 && (e as { name?: string }).name !== "FastifyError") {
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && !code.startsWith("FST_")) {
        const issues = Array.isArray((e as { issues?: unknown }).issues)
          ? ((e as { issues: Issue[] }).issues ?? [])
          : [];
        return new HttpError(s, code, (e as Error).message, issues);
      }
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function toErrorResponse(err: unknown, requestId: string): { status: number; body: ErrorBody; log: boolean } {
  const fe = err as FastifyError;
  if (Array.isArray(fe?.validation)) {
    const where = fe.validationContext ?? "body";
    const issues = fe.validation.map((v) => ({
      path: v.instancePath || "",
      message: v.message ?? "Giá trị không hợp lệ",
    }));
    return {
      status: 400,
      log: false,
      body: { error: LOCATION_VI[where] ?? LOCATION_VI.body, code: "invalid_input", issues },
    };
  }
  const http = findHttpError(err);
  if (http)
    return { status: http.statusCode, log: false, body: { error: http.message, code: http.code, issues: http.issues } };
  const de = findDomainError(err);
  if (de) {
    const status = DOMAIN_STATUS[de.code] ?? 422;
    return {
      status,
      log: false,
      body: { error: de.message, code: de.code, issues: [{ path: toPointer(de.field), message: de.message }] },
    };
  }
  if (fe && typeof fe.code === "string" && FASTIFY_VI[fe.code]) {
    const m = FASTIFY_VI[fe.code];
    return { status: m.status, log: false, body: { error: m.message, code: m.code, issues: [] } };
  }
  const pg = pgCode(err);
  if (pg && PG_VI[pg]) {
    const m = PG_VI[pg];
    return { status: m.status, log: false, body: { error: m.message, code: m.code, issues: [] } };
  }
  if (fe && typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      log: false,
      body: { error: "Yêu cầu không hợp lệ", code: "bad_request", issues: [] },
    };
  }
  return {
    status: 500,
    log: true,
    body: {
      error: "Lỗi máy chủ nội bộ; vui lòng thử lại sau hoặc báo quản trị viên kèm mã yêu cầu",
      code: "internal_error",
      issues: [],
      request_id: requestId,
    },
  };
}

export const errorsPlugin = globalPlugin("btnn-errors", async (app: FastifyInstance) => {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, log } = toErrorResponse(err, request.id);
    if (log) request.log.error({ err }, "unhandled error");
    else request.log.info({ code: body.code, status }, "request rejected");
    return reply.code(status).type("application/json; charset=utf-8").send(body);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const body: ErrorBody = {
      error: `Không tìm thấy đường dẫn ${request.method} ${request.url.split("?")[0]}`,
      code: "route_not_found",
      issues: [],
    };
    return reply.code(404).type("application/json; charset=utf-8").send(body);
  });
});
