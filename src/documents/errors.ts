// Input validation for documents: zod issues become one DocumentInputError naming the field (path and Vietnamese name).
import type { z } from "zod";
import { DomainError } from "../domain/shared/errors.ts";

/** Vietnamese names of input fields, by normalised path ("items[].amount") or by last segment ("amount"). */
export const FIELD_NAMES_VI: Record<string, string> = {
  kind: "loại văn bản",
  issuer: "cơ quan ban hành",
  "issuer.parent": "tên cơ quan chủ quản",
  "issuer.name": "tên cơ quan ban hành",
  "issuer.short_code": "chữ viết tắt tên cơ quan ban hành",
  "issuer.unit_code": "chữ viết tắt đơn vị soạn thảo",
  number: "số văn bản",
  "number.value": "số văn bản",
  "number.symbol": "ký hiệu văn bản",
  place: "địa danh",
  date: "ngày ban hành",
  subject: "trích yếu nội dung (V/v)",
  title: "tên loại văn bản (tiêu đề)",
  title_summary: "trích yếu dưới tiêu đề",
  legal_bases: "căn cứ ban hành",
  addressees: "nơi gửi (Kính gửi)",
  body: "nội dung",
  signature: "chữ ký",
  "signature.authority": "quyền hạn ký (KT./TL./TM./Q./TUQ.)",
  "signature.authority_title": "chức vụ của người đứng đầu (sau KT./TL./TM./TUQ.)",
  "signature.title": "chức vụ người ký",
  "signature.name": "họ tên người ký",
  co_signatures: "chữ ký của các bên",
  recipients: "nơi nhận",
  keep: "nơi lưu",
  font_size: "cỡ chữ nội dung",
  claimant: "người yêu cầu bồi thường",
  "claimant.name": "họ tên người yêu cầu bồi thường",
  "claimant.address": "địa chỉ người yêu cầu bồi thường",
  claim_code: "mã vụ việc",
  damages: "các khoản thiệt hại",
  "damages[].type": "loại thiệt hại",
  "damages[].description": "nội dung khoản thiệt hại",
  "damages[].amount": "số tiền",
  advance_paid: "số tiền đã tạm ứng",
  amount: "số tiền",
  title_cell: "tiêu đề",
  columns: "các cột",
  rows: "các dòng",
  sheet_name: "tên trang tính",
  rung: "bậc đôn đốc",
  grounds: "căn cứ đôn đốc",
  deadline: "thời hạn",
  report_deadline: "thời hạn gửi báo cáo",
  officer: "người giải quyết bồi thường",
  "officer.name": "họ tên người giải quyết bồi thường",
  missing_documents: "tài liệu cần bổ sung",
  decision: "quyết định",
  outcome: "kết quả",
};

export interface DocumentIssue {
  /** Dotted path with indices, e.g. "recipients.0" or "signature.name". */
  field: string;
  message: string;
}

/** Bad document input. `field` is the first offending path; `issues` lists them all. */
export class DocumentInputError extends DomainError {
  readonly issues: DocumentIssue[];
  constructor(issues: DocumentIssue[]) {
    const first = issues[0] ?? { field: "", message: "Dữ liệu không hợp lệ." };
    super("invalid_document_input", first.field, issues.map((i) => i.message).join(" "));
    this.name = "DocumentInputError";
    this.issues = issues;
  }
}

export function fieldNameVi(path: ReadonlyArray<PropertyKey>): string | undefined {
  const norm = path.map((p) => (typeof p === "number" ? "[]" : String(p))).join(".");
  const key = norm.replace(/\.\[\]/g, "[]");
  if (FIELD_NAMES_VI[key]) return FIELD_NAMES_VI[key];
  const noIdx = key.replace(/\[\]$/, "");
  if (FIELD_NAMES_VI[noIdx]) return FIELD_NAMES_VI[noIdx];
  const last = [...path].reverse().find((p) => typeof p === "string");
  return last === undefined ? undefined : FIELD_NAMES_VI[String(last)];
}

function describe(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "bắt buộc phải có";
      return `sai kiểu dữ liệu (cần ${issue.expected})`;
    case "too_small":
      if (issue.origin === "string") return "không được để trống";
      if (issue.origin === "array") return `cần ít nhất ${issue.minimum} mục`;
      return `phải ${issue.inclusive ? "≥" : ">"} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `tối đa ${issue.maximum} ký tự`;
      if (issue.origin === "array") return `tối đa ${issue.maximum} mục`;
      return `phải ${issue.inclusive ? "≤" : "<"} ${issue.maximum}`;
    case "invalid_value":
      return `chỉ chấp nhận ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.message || "không đúng định dạng";
    case "unrecognized_keys":
      return `có trường không được phép: ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      return "không khớp với dạng nào được chấp nhận";
    default:
      return issue.message || "không hợp lệ";
  }
}

/** Messages written in schemas (custom refinements) are kept; zod's generic ones are replaced by Vietnamese text. */
function messageOf(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".") || "(gốc)";
  const name = fieldNameVi(issue.path);
  const label = name ? `Trường "${field}" (${name})` : `Trường "${field}"`;
  const custom =
    issue.code === "custom" || (issue.message && /[À-ỹ]/.test(issue.message) && !issue.message.startsWith("Invalid"));
  const what = custom ? issue.message : describe(issue);
  return `${label}: ${what.replace(/\.$/, "")}.`;
}

export function issuesFromZod(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join("."), message: messageOf(i) }));
}

/** Parses `input` with `schema`; throws DocumentInputError with Vietnamese messages naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new DocumentInputError(issuesFromZod(r.error));
  return r.data;
}
