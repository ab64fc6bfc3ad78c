// Vietnamese messages for zod issues. Specific wording for what users hit most often; zod's own Vietnamese
// locale (z.locales.vi()) is the fallback for the rest. Used per parse, so no global zod configuration is changed.
import { z } from "zod";

const fallback = z.locales.vi().localeError;

const TYPE_VI: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  bigint: "số nguyên",
  boolean: "giá trị đúng/sai (true/false)",
  object: "đối tượng JSON",
  array: "danh sách (mảng JSON)",
  date: "ngày",
  null: "null",
  undefined: "không có giá trị",
};

const FORMAT_VI: Record<string, string> = {
  date: "Ngày phải có dạng YYYY-MM-DD và là ngày có thật",
  datetime: "Thời điểm phải theo ISO 8601, ví dụ 2024-05-01T08:00:00Z",
  uuid: "Mã định danh (UUID) không hợp lệ",
  email: "Địa chỉ thư điện tử không hợp lệ",
  regex: "Giá trị không đúng định dạng",
};

function received(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return TYPE_VI.array;
  return TYPE_VI[typeof input] ?? typeof input;
}

export const viErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Trường này là bắt buộc";
      return `Sai kiểu dữ liệu: cần ${TYPE_VI[issue.expected] ?? issue.expected}, nhận được ${received(issue.input)}`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "Không được để trống" : `Cần ít nhất ${issue.minimum} ký tự`;
      if (issue.origin === "array") return `Cần ít nhất ${issue.minimum} phần tử`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return `Giá trị phải ${issue.inclusive ? "≥" : ">"} ${issue.minimum}`;
      break;
    case "too_big":
      if (issue.origin === "string") return `Tối đa ${issue.maximum} ký tự`;
      if (issue.origin === "array") return `Tối đa ${issue.maximum} phần tử`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return `Giá trị phải ${issue.inclusive ? "≤" : "<"} ${issue.maximum}`;
      break;
    case "invalid_format":
      return FORMAT_VI[issue.format] ?? fallback(issue);
    case "invalid_value":
      return `Giá trị không hợp lệ: chỉ chấp nhận ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `Trường không được phép: ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "not_multiple_of":
      return `Giá trị phải là bội số của ${issue.divisor}`;
  }
  return fallback(issue);
};
