// What each step of the procedure produces (event `data`): the officer appointed, amounts, decision numbers,
// extensions, payment method, recourse. One schema per event type; amounts are whole đồng, never negative, and a
// required amount is never silently taken as 0. Live recording requires the facts the law's step produces; a
// backfilled history may lack them (the paper file may not have them) but what is given is still checked.
import { z } from "zod";
import { parameterFor } from "../legal/parameters.ts";
import { isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import type { EventType, LawCode } from "./events.ts";

/** Damage heads — Luật TNBTCNN 2017, Mục 1 Chương III, Điều 23–28 (one head per article). */
export const DAMAGE_HEADS = ["property", "income", "death", "health", "spiritual", "other_costs"] as const;
export type DamageHead = (typeof DAMAGE_HEADS)[number];
export const DAMAGE_HEAD_VI: Record<DamageHead, string> = {
  property: "Thiệt hại do tài sản bị xâm phạm",
  income: "Thiệt hại do thu nhập thực tế bị mất hoặc bị giảm sút",
  death: "Thiệt hại về vật chất do người bị thiệt hại chết",
  health: "Thiệt hại về vật chất do sức khỏe bị xâm phạm",
  spiritual: "Thiệt hại về tinh thần",
  other_costs: "Các chi phí khác được bồi thường",
};
export const DAMAGE_HEAD_ARTICLE: Record<DamageHead, string> = {
  property: "Điều 23",
  income: "Điều 24",
  death: "Điều 25",
  health: "Điều 26",
  spiritual: "Điều 27",
  other_costs: "Điều 28",
};

export const PAYMENT_METHODS = ["cash", "transfer"] as const;
export const PAYMENT_METHOD_VI: Record<(typeof PAYMENT_METHODS)[number], string> = {
  cash: "Tiền mặt",
  transfer: "Chuyển khoản",
};

const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/** A positive whole amount in đồng. */
const amount = (label: string) =>
  z
    .number({ error: `${label}: phải là số tiền (đồng), ví dụ 15000000` })
    .int({ error: `${label}: phải là số nguyên đồng (không có phần lẻ)` })
    .min(1, { error: `${label}: phải lớn hơn 0 đồng (không âm, không để 0)` })
    .max(MAX_AMOUNT, { error: `${label}: vượt quá giới hạn` });
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: phải là chuỗi` })
    .trim()
    .min(1, { error: `${label}: không được để trống` })
    .max(max, { error: `${label}: tối đa ${max} ký tự` });
const isoDate = (label: string) =>
  z
    .string({ error: `${label}: phải là ngày dạng YYYY-MM-DD` })
    .refine((s) => isIsoDate(s), { error: `${label}: ngày không có thật hoặc không đúng dạng YYYY-MM-DD` });
const days = (label: string) =>
  z
    .number({ error: `${label}: phải là số ngày` })
    .int({ error: `${label}: phải là số nguyên` })
    .min(1, { error: `${label}: từ 1 ngày trở lên` });

export const damageItemDataSchema = z.strictObject({
  head: z.enum(DAMAGE_HEADS, { error: `loại thiệt hại: chỉ nhận ${DAMAGE_HEADS.join(", ")} (Điều 23–28)` }),
  description: z.string().trim().max(2000).optional(),
  amount: amount("số tiền của khoản thiệt hại"),
});
export type DamageItemData = z.output<typeof damageItemDataSchema>;

const reimbursementSchema = z.strictObject({
  date: isoDate("ngày nộp"),
  amount: amount("số tiền đã nộp"),
});

/** Fields each event may carry; `required` lists those live recording must have. */
type Spec = { schema: z.ZodObject; required: readonly string[] };

// Every field is optional in the schema (a backfilled history may lack it); `required` is enforced for live recording.
const spec = (shape: Record<string, z.ZodType>, required: readonly string[] = []): Spec => ({
  schema: z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])), {
    error: "dữ liệu của bước phải là một đối tượng",
  }),
  required,
});

const extensionShape = {
  extension_days: days("số ngày kéo dài").optional(),
  extension_reason: text("lý do kéo dài", 1000).optional(),
};

export const EVENT_DATA: Partial<Record<EventType, Spec>> = {
  received: spec({ amount_requested: amount("số tiền yêu cầu").optional() }),
  // Luật TNBTCNN 2017, Điều 43 khoản 3 — quyết định cử người giải quyết bồi thường (Mẫu 05/BTNN).
  officer_appointed: spec(
    {
      officer_name: text("họ tên người giải quyết bồi thường", 200),
      officer_title: text("chức vụ", 200).optional(),
      decision_number: text("số quyết định cử", 80),
    },
    ["officer_name", "decision_number"],
  ),
  // Luật TNBTCNN 2017, Điều 44 — tạm ứng kinh phí bồi thường.
  advance_proposed: spec({ amount: amount("số tiền đề xuất tạm ứng") }, ["amount"]),
  advance_paid: spec({ amount: amount("số tiền đã tạm ứng"), decision_number: text("số quyết định", 80).optional() }, [
    "amount",
  ]),
  // Luật TNBTCNN 2017, Điều 45 khoản 2, 3; Nghị định 68/2018/NĐ-CP, Điều 14 khoản 2 (biên bản kéo dài: lý do, thời hạn).
  verification_report_done: spec({
    report_number: text("số báo cáo xác minh", 80).optional(),
    amount_verified: amount("tổng thiệt hại xác minh được").optional(),
    ...extensionShape,
  }),
  negotiation_started: spec({ venue: text("địa điểm thương lượng", 300).optional() }),
  // Luật TNBTCNN 2017, Điều 46 khoản 2, 7.
  negotiation_ended: spec(
    {
      sessions: days("số buổi thương lượng").optional(),
      minutes_number: text("số biên bản", 80).optional(),
      amount_agreed: amount("số tiền thương lượng thành").optional(),
      ...extensionShape,
    },
    ["sessions"],
  ),
  // Luật TNBTCNN 2017, Điều 47 khoản 2 — quyết định: các khoản thiệt hại và số tiền (Mẫu 09/BTNN).
  decision_issued: spec(
    {
      decision_number: text("số quyết định giải quyết bồi thường", 80),
      items: z
        .array(damageItemDataSchema, { error: "các khoản thiệt hại: phải là danh sách" })
        .min(1, { error: "các khoản thiệt hại: cần ít nhất một khoản (Điều 23–28)" })
        .max(50)
        .optional(),
      amount: amount("tổng số tiền bồi thường").optional(),
      amount_in_words: z.string().trim().max(500).optional(),
    },
    ["decision_number", "items"],
  ),
  funds_requested: spec(
    {
      amount: amount("số tiền đề nghị cấp"),
      request_number: text("số văn bản", 80).optional(),
      // Court judgments (Điều 52, 55): the day the judgment took effect (statistics count the case as resolved then).
      judgment_effective_on: isoDate("ngày bản án có hiệu lực").optional(),
    },
    ["amount"],
  ),
  funds_received: spec({ amount: amount("số tiền được cấp"), grant_number: text("số văn bản cấp", 80).optional() }, [
    "amount",
  ]),
  // Luật TNBTCNN 2017, Điều 62 khoản 5 — thông báo chi trả (Mẫu 19/BTNN).
  payment_notice_received: spec({
    notice_number: text("số thông báo chi trả", 80).optional(),
    payment_place: text("thời gian, địa điểm chi trả", 500).optional(),
  }),
  paid: spec(
    {
      amount: amount("số tiền đã chi trả"),
      method: z.enum(PAYMENT_METHODS, { error: "hình thức chi trả: chỉ nhận cash (tiền mặt) hoặc transfer" }),
    },
    ["amount", "method"],
  ),
  // Luật TNBTCNN 2017, Điều 66 khoản 1 (Mẫu 20/BTNN).
  council_established: spec(
    { decision_number: text("số quyết định thành lập Hội đồng", 80), members: text("thành viên", 2000).optional() },
    ["decision_number"],
  ),
  council_recommended: spec({
    not_pursued: z.enum(["no_fault", "official_died", "other"]).optional(),
    amount: amount("số tiền kiến nghị hoàn trả").optional(),
  }),
  // Luật TNBTCNN 2017, Điều 65, 67, 68 (Mẫu 21/BTNN).
  recourse_decided: spec(
    {
      decision_number: text("số quyết định hoàn trả", 80),
      official_name: text("người phải hoàn trả", 200).optional(),
      amount: amount("số tiền phải hoàn trả"),
      instalments: days("số lần nộp").optional(),
      reimbursements: z.array(reimbursementSchema).max(120).optional(),
    },
    ["decision_number", "amount"],
  ),
};

function pathOf(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let out = prefix;
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  return out;
}

export type EventDataOptions = {
  /** Live recording: the fields the step produces are required. Backfill: they may be missing. */
  live: boolean;
  law?: LawCode;
  complex?: boolean;
  /** Path prefix of the data in errors ("data", "events[3].data"). */
  path?: string;
};

/** Extension cap of a step, from the legal parameters (Điều 45 khoản 2: 15 ngày; Điều 46 khoản 2: 10 ngày). */
export function extensionCap(step: "verify" | "negotiation_end", law: LawCode, on: string): number | undefined {
  return parameterFor(step, law, on)?.extension_max;
}

/**
 * Validates and normalises an event's data. Throws DomainError("invalid_event_data", "<path>.<field>", Vietnamese
 * message) on the first problem. Returns null when there is nothing to store.
 */
export function parseEventData(
  type: EventType,
  date: string,
  data: unknown,
  opts: EventDataOptions,
): Record<string, unknown> | null {
  const prefix = opts.path ?? "data";
  const s = EVENT_DATA[type];
  const given = data === undefined || data === null ? {} : data;
  if (!s) {
    if (typeof given === "object" && !Array.isArray(given) && Object.keys(given as object).length === 0) return null;
    // Steps without facts of their own keep free data (notes of the file) untouched.
    if (typeof given !== "object" || Array.isArray(given))
      throw new DomainError("invalid_event_data", prefix, `${prefix}: dữ liệu của bước phải là một đối tượng`);
    return given as Record<string, unknown>;
  }
  const r = s.schema.safeParse(given);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = pathOf(prefix, issue.path);
    const unknownKey = issue.code === "unrecognized_keys" ? ` (không nhận trường: ${issue.keys.join(", ")})` : "";
    throw new DomainError("invalid_event_data", field, `${field}: ${issue.message}${unknownKey}`);
  }
  const out = r.data as Record<string, unknown>;
  if (opts.live) {
    for (const k of s.required) {
      if (out[k] === undefined)
        throw new DomainError(
          "missing_event_data",
          `${prefix}.${k}`,
          `${prefix}.${k}: bước này phải ghi ${requiredLabel(type, k)}`,
        );
    }
  }
  // Extension: both reason and days, within the cap of the law (Điều 45 khoản 2 / Điều 46 khoản 2).
  if (out.extension_days !== undefined || out.extension_reason !== undefined) {
    if (out.extension_days === undefined || out.extension_reason === undefined) {
      const missing = out.extension_days === undefined ? "extension_days" : "extension_reason";
      throw new DomainError(
        "missing_event_data",
        `${prefix}.${missing}`,
        `${prefix}.${missing}: thỏa thuận kéo dài phải ghi cả lý do và số ngày (Nghị định 68/2018/NĐ-CP, Điều 14 khoản 2)`,
      );
    }
    const step = type === "verification_report_done" ? "verify" : "negotiation_end";
    const cap = extensionCap(step, opts.law ?? "law_2017", date);
    const cite = step === "verify" ? "Luật TNBTCNN 2017, Điều 45 khoản 2" : "Luật TNBTCNN 2017, Điều 46 khoản 2";
    if (cap === undefined || (out.extension_days as number) > cap)
      throw new DomainError(
        "extension_over_cap",
        `${prefix}.extension_days`,
        cap === undefined
          ? `${prefix}.extension_days: luật áp dụng không cho kéo dài thời hạn này`
          : `${prefix}.extension_days: kéo dài tối đa ${cap} ngày (${cite})`,
      );
  }
  if (type === "decision_issued" && Array.isArray(out.items)) {
    const total = (out.items as DamageItemData[]).reduce((a, i) => a + i.amount, 0);
    if (total > MAX_AMOUNT)
      throw new DomainError("invalid_event_data", `${prefix}.items`, `${prefix}.items: tổng số tiền vượt quá giới hạn`);
    if (out.amount !== undefined && out.amount !== total)
      throw new DomainError(
        "amount_mismatch",
        `${prefix}.amount`,
        `${prefix}.amount: tổng số tiền (${out.amount}) khác tổng các khoản thiệt hại (${total})`,
      );
    out.amount = total;
  }
  return Object.keys(out).length ? out : null;
}

const REQUIRED_VI: Record<string, string> = {
  officer_name: "họ tên người giải quyết bồi thường (officer_name)",
  decision_number: "số quyết định (decision_number)",
  amount: "số tiền (amount, đồng)",
  items: "các khoản thiệt hại theo Điều 23–28 và số tiền (items)",
  sessions: "số buổi thương lượng (sessions)",
  method: "hình thức chi trả (method: cash hoặc transfer)",
};
function requiredLabel(_type: EventType, key: string): string {
  return REQUIRED_VI[key] ?? key;
}

/** Claim amounts an event sets (đồng). */
export function amountsOfEvent(
  type: EventType,
  data: Record<string, unknown> | null,
): { amountDecided?: number; amountPaid?: number; amountAdvance?: number; amountRequested?: number } {
  const a = typeof data?.amount === "number" ? data.amount : undefined;
  if (type === "decision_issued" && a !== undefined) return { amountDecided: a };
  if (type === "paid" && a !== undefined) return { amountPaid: a };
  if (type === "advance_paid" && a !== undefined) return { amountAdvance: a };
  if (type === "received" && typeof data?.amount_requested === "number")
    return { amountRequested: data.amount_requested };
  return {};
}

/** Agreed extension an event records, as claim `extensions` keys (verify / negotiation_end). */
export function extensionOfEvent(
  type: EventType,
  data: Record<string, unknown> | null,
): { verify?: number; negotiation_end?: number } {
  const d = data?.extension_days;
  if (typeof d !== "number") return {};
  if (type === "verification_report_done") return { verify: d };
  if (type === "negotiation_ended") return { negotiation_end: d };
  return {};
}
