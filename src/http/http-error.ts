// HTTP-level errors with a Vietnamese message, a stable code and the fields at fault.
// Routes throw these; plugins/errors.ts turns them (and every other error) into the JSON error body.

export type Issue = { path: string; message: string };

export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly issues: Issue[];
  constructor(statusCode: number, code: string, message: string, issues: Issue[] = []) {
    super(message);
    this.name = "HttpError";
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (what = "Không tìm thấy dữ liệu yêu cầu") => new HttpError(404, "not_found", what);
export const forbidden = (what = "Bạn không có quyền thực hiện thao tác này") => new HttpError(403, "forbidden", what);
export const unauthorized = (what = "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn") =>
  new HttpError(401, "unauthorized", what);
export const staleVersion = (current?: number) =>
  new HttpError(
    409,
    "stale_version",
    "Dữ liệu đã được người khác cập nhật trước bạn (phiên bản không khớp); hãy tải lại rồi thử lại",
    [
      {
        path: "/version",
        message: current === undefined ? "Phiên bản không khớp" : `Phiên bản hiện tại là ${current}`,
      },
    ],
  );

/** "events[3].date" / "from_role" / "a.b" → "/events/3/date" (JSON Pointer style used in every error body). */
export function toPointer(field: string): string {
  if (!field) return "";
  if (field.startsWith("/")) return field;
  return `/${field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((s) => s !== "")
    .join("/")}`;
}
