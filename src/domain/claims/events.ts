// Claim events (GLOSSARY "Claim events", in procedure order) and the claim-history input schema.
// The history is what the handling agency knows about one claim; it may be partial (see procedure.ts).
import { z } from "zod";
import type { IsoDate } from "../shared/dates.ts";
import { isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

/** Event types, in procedure order (GLOSSARY). */
export const EVENT_TYPES = [
  "received",
  "supplement_requested",
  "file_valid",
  "accepted",
  "refused",
  "officer_appointed",
  "advance_proposed",
  "advance_paid",
  "verification_report_done",
  "negotiation_started",
  "negotiation_ended",
  "decision_issued",
  "decision_refused",
  "decision_effective",
  "suspension_ground",
  "suspended",
  "resumed",
  "termination_ground",
  "terminated",
  "sued_in_court",
  "funds_requested",
  "funds_received",
  "payment_notice_received",
  "paid",
  "council_established",
  "council_recommended",
  "recourse_decided",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LABELS_VI: Record<EventType, string> = {
  received: "Nhận hồ sơ yêu cầu bồi thường",
  supplement_requested: "Yêu cầu bổ sung hồ sơ",
  file_valid: "Hồ sơ hợp lệ",
  accepted: "Thụ lý hồ sơ",
  refused: "Không thụ lý hồ sơ / dừng việc giải quyết",
  officer_appointed: "Cử người giải quyết bồi thường",
  advance_proposed: "Đề xuất tạm ứng kinh phí bồi thường",
  advance_paid: "Chi tạm ứng kinh phí bồi thường",
  verification_report_done: "Hoàn thành báo cáo xác minh thiệt hại",
  negotiation_started: "Bắt đầu thương lượng việc bồi thường",
  negotiation_ended: "Kết thúc thương lượng (biên bản kết quả thương lượng)",
  decision_issued: "Ra và trao quyết định giải quyết bồi thường",
  decision_refused: "Người yêu cầu bồi thường không nhận quyết định (lập biên bản)",
  decision_effective: "Quyết định giải quyết bồi thường có hiệu lực",
  suspension_ground: "Phát sinh căn cứ tạm đình chỉ",
  suspended: "Quyết định tạm đình chỉ giải quyết yêu cầu bồi thường",
  resumed: "Quyết định tiếp tục giải quyết yêu cầu bồi thường",
  termination_ground: "Phát sinh căn cứ đình chỉ",
  terminated: "Quyết định đình chỉ giải quyết yêu cầu bồi thường",
  sued_in_court: "Khởi kiện yêu cầu bồi thường tại Tòa án",
  funds_requested: "Gửi hồ sơ đề nghị cấp kinh phí bồi thường",
  funds_received: "Nhận kinh phí bồi thường",
  payment_notice_received: "Người yêu cầu bồi thường nhận thông báo chi trả",
  paid: "Chi trả xong tiền bồi thường",
  council_established: "Thành lập Hội đồng xem xét trách nhiệm hoàn trả",
  council_recommended: "Hội đồng kiến nghị về trách nhiệm hoàn trả",
  recourse_decided: "Quyết định hoàn trả",
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && (EVENT_TYPES as readonly string[]).includes(value);
}

/** Procedure-order index of an event type (position in EVENT_TYPES). */
export function eventOrder(type: EventType): number {
  return EVENT_TYPES.indexOf(type);
}

export type GroundDef = { label: string; basis: string };

/**
 * Grounds an event may carry (`ground` field), per the clause that lists them.
 * Keys are the points of the clause ("a" … "h"; "đ" may also be written "dd").
 */
export const EVENT_GROUNDS: Partial<Record<EventType, Record<string, GroundDef>>> = {
  // Luật TNBTCNN 2017, Điều 43 khoản 2 — các trường hợp không thụ lý hồ sơ.
  refused: {
    a: {
      label: "Yêu cầu bồi thường không thuộc trách nhiệm giải quyết của cơ quan",
      basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm a",
    },
    b: { label: "Không còn thời hiệu yêu cầu bồi thường", basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm b" },
    c: {
      label: "Yêu cầu không thuộc phạm vi trách nhiệm bồi thường của Nhà nước (Chương II)",
      basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm c",
    },
    d: {
      label: "Người yêu cầu không có quyền yêu cầu bồi thường (Điều 5)",
      basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm d",
    },
    đ: {
      label: "Hồ sơ không được bổ sung trong thời hạn quy định tại khoản 3 Điều 42",
      basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm đ",
    },
    e: {
      label: "Đã khởi kiện theo điểm a khoản 1 Điều 52 và đã được Tòa án thụ lý",
      basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm e",
    },
    g: { label: "Đã được Tòa án chấp nhận theo khoản 1 Điều 55", basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm g" },
    h: {
      label: "Đã được giải quyết bằng bản án, quyết định đã có hiệu lực pháp luật",
      basis: "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm h",
    },
  },
  // Luật TNBTCNN 2017, Điều 46 khoản 8 — thương lượng thành / không thành.
  negotiation_ended: {
    success: { label: "Thương lượng thành", basis: "Luật TNBTCNN 2017, Điều 46 khoản 8" },
    failure: { label: "Thương lượng không thành", basis: "Luật TNBTCNN 2017, Điều 46 khoản 8" },
  },
  // Luật TNBTCNN 2017, Điều 50 khoản 1 — căn cứ tạm đình chỉ.
  suspension_ground: {
    a: {
      label: "Người yêu cầu bồi thường 02 lần từ chối tham gia thương lượng",
      basis: "Luật TNBTCNN 2017, Điều 50 khoản 1 điểm a",
    },
    b: {
      label: "Người yêu cầu bồi thường 02 lần vắng mặt không có lý do chính đáng",
      basis: "Luật TNBTCNN 2017, Điều 50 khoản 1 điểm b",
    },
    c: {
      label: "Người yêu cầu bồi thường không ký biên bản kết quả thương lượng",
      basis: "Luật TNBTCNN 2017, Điều 50 khoản 1 điểm c",
    },
    d: {
      label: "Cơ quan có thẩm quyền đang xem xét văn bản làm căn cứ yêu cầu bồi thường",
      basis: "Luật TNBTCNN 2017, Điều 50 khoản 1 điểm d",
    },
  },
  // Luật TNBTCNN 2017, Điều 51 khoản 1 — căn cứ đình chỉ.
  termination_ground: {
    a: {
      label: "Người yêu cầu rút yêu cầu trước khi tiến hành xác minh thiệt hại",
      basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm a",
    },
    b: {
      label: "Người bị thiệt hại chết không có người thừa kế / tổ chức chấm dứt không có người kế thừa",
      basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm b",
    },
    c: {
      label: "Hết thời hạn tạm đình chỉ mà không đề nghị tiếp tục, hoặc tái diễn hành vi tạm đình chỉ",
      basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm c",
    },
    d: {
      label: "Quyết định giải quyết bồi thường bị hủy theo khoản 1 Điều 48",
      basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm d",
    },
    đ: {
      label: "Hết 30 ngày kể từ ngày lập biên bản không nhận quyết định",
      basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm đ",
    },
  },
  // Luật TNBTCNN 2017, Điều 52 — khởi kiện tại Tòa án.
  sued_in_court: {
    "1a": {
      label: "Chưa yêu cầu cơ quan trực tiếp quản lý giải quyết",
      basis: "Luật TNBTCNN 2017, Điều 52 khoản 1 điểm a",
    },
    "1b": { label: "Đã rút yêu cầu theo điểm a khoản 1 Điều 51", basis: "Luật TNBTCNN 2017, Điều 52 khoản 1 điểm b" },
    "2": {
      label: "Không đồng ý quyết định / thương lượng không thành / không ra quyết định",
      basis: "Luật TNBTCNN 2017, Điều 52 khoản 2",
    },
  },
};
// `suspended` and `terminated` may repeat the ground of their *_ground event.
EVENT_GROUNDS.suspended = EVENT_GROUNDS.suspension_ground;
EVENT_GROUNDS.terminated = EVENT_GROUNDS.termination_ground;

/** Event types whose `ground` is mandatory (the law requires the reason to be stated). */
export const GROUND_REQUIRED: readonly EventType[] = [
  // Luật TNBTCNN 2017, Điều 43 khoản 4 — không thụ lý phải trả lại hồ sơ và nêu rõ lý do.
  "refused",
];

export function normalizeGround(ground: string): string {
  return ground === "dd" ? "đ" : ground;
}

export type LawCode = "law_2009" | "law_2017";
export const LAW_CODES: readonly LawCode[] = ["law_2009", "law_2017"];
export const LAW_LABELS_VI: Record<LawCode, string> = {
  law_2009: "Luật TNBTCNN 2009 (35/2009/QH12)",
  law_2017: "Luật TNBTCNN 2017 (10/2017/QH14)",
};

export type ClaimEvent = { type: EventType; date: IsoDate; ground?: string; note?: string };

/** Agreed extensions (thỏa thuận kéo dài), in calendar days. */
export type ClaimExtensions = {
  /** Luật TNBTCNN 2017, Điều 45 khoản 2 — tối đa 15 ngày kể từ ngày hết thời hạn xác minh. */
  verify?: number;
  /** Luật TNBTCNN 2017, Điều 46 khoản 2 — tối đa 10 ngày kể từ ngày hết thời hạn thương lượng. */
  negotiation_end?: number;
};

export type ClaimHistory = {
  law: LawCode;
  complex: boolean;
  events: ClaimEvent[];
  extensions?: ClaimExtensions;
};

// ---------------------------------------------------------------------------------------------------------------
// zod schema. Messages are Vietnamese and start with the field path; `params.code` carries the DomainError code.

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(gốc)" : out;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (value === undefined) return "(thiếu)";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const MAX_EXTENSION: Record<keyof ClaimExtensions, { max: number; basis: string }> = {
  verify: { max: 15, basis: "Luật TNBTCNN 2017, Điều 45 khoản 2" },
  negotiation_end: { max: 10, basis: "Luật TNBTCNN 2017, Điều 46 khoản 2" },
};

const eventSchema = z
  .object(
    {
      type: z.unknown(),
      date: z.unknown(),
      ground: z.string({ error: "lý do (ground) phải là chuỗi" }).optional(),
      note: z.string({ error: "ghi chú (note) phải là chuỗi" }).optional(),
    },
    { error: "mỗi sự kiện phải là một đối tượng { type, date, ground?, note? }" },
  )
  .superRefine((ev, ctx) => {
    if (!isEventType(ev.type)) {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: ev.type === undefined ? "thiếu loại sự kiện" : `loại sự kiện không tồn tại ${describe(ev.type)}`,
        params: { code: "unknown_event_type" },
      });
    }
    if (typeof ev.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(ev.date)) {
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: `ngày không đúng dạng YYYY-MM-DD: ${describe(ev.date)}`,
        params: { code: "invalid_date" },
      });
    } else if (!isIsoDate(ev.date)) {
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: `ngày không có thật: ${describe(ev.date)}`,
        params: { code: "invalid_date" },
      });
    }
    if (isEventType(ev.type)) {
      const grounds = EVENT_GROUNDS[ev.type];
      if (ev.ground !== undefined) {
        const g = normalizeGround(ev.ground);
        if (!grounds) {
          ctx.addIssue({
            code: "custom",
            path: ["ground"],
            message: `sự kiện "${ev.type}" không có lý do (ground) theo luật; nhận được ${describe(ev.ground)}`,
            params: { code: "invalid_ground" },
          });
        } else if (!(g in grounds)) {
          ctx.addIssue({
            code: "custom",
            path: ["ground"],
            message: `lý do ${describe(ev.ground)} không hợp lệ cho "${ev.type}"; chỉ nhận: ${Object.keys(grounds).join(", ")}`,
            params: { code: "invalid_ground" },
          });
        }
      } else if (GROUND_REQUIRED.includes(ev.type)) {
        ctx.addIssue({
          code: "custom",
          path: ["ground"],
          message: `sự kiện "${ev.type}" phải nêu lý do (ground: ${Object.keys(grounds ?? {}).join(", ")}) — Luật TNBTCNN 2017, Điều 43 khoản 2, khoản 4`,
          params: { code: "missing_ground" },
        });
      }
    }
  });

function extensionSchema(key: keyof ClaimExtensions) {
  const { max, basis } = MAX_EXTENSION[key];
  return z
    .number({ error: "số ngày kéo dài phải là số" })
    .int({ error: "số ngày kéo dài phải là số nguyên" })
    .min(1, { error: "số ngày kéo dài phải từ 1 trở lên" })
    .max(max, { error: `kéo dài tối đa ${max} ngày (${basis})` })
    .optional();
}

export const claimHistorySchema = z.object(
  {
    law: z.unknown().superRefine((v, ctx) => {
      if (!(LAW_CODES as readonly unknown[]).includes(v)) {
        ctx.addIssue({
          code: "custom",
          message: `luật áp dụng không hợp lệ ${describe(v)}; chỉ nhận "law_2009" hoặc "law_2017"`,
          params: { code: "invalid_law" },
        });
      }
    }),
    complex: z.boolean({ error: "complex phải là true hoặc false" }).default(false),
    events: z.array(eventSchema, { error: "events phải là một danh sách sự kiện" }),
    extensions: z
      .object(
        { verify: extensionSchema("verify"), negotiation_end: extensionSchema("negotiation_end") },
        { error: "extensions phải là một đối tượng { verify?, negotiation_end? }" },
      )
      .strict()
      .optional(),
  },
  { error: "lịch sử vụ việc phải là một đối tượng { law, complex, events }" },
);

/**
 * Validates a claim history (API/CLI input). Throws DomainError(code, field, message) on the first problem, with
 * codes: unknown_event_type, invalid_date, invalid_law, invalid_ground, missing_ground, invalid_input.
 * Order checks (an event earlier than one it must follow) are done by `replay` (procedure.ts).
 */
export function parseClaimHistory(input: unknown): ClaimHistory {
  const r = claimHistorySchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = fieldPath(issue.path);
    const params = (issue as { params?: { code?: string } }).params;
    const code = params?.code ?? "invalid_input";
    throw new DomainError(code, field, `${field}: ${issue.message}`);
  }
  const d = r.data;
  const history: ClaimHistory = {
    law: d.law as LawCode,
    complex: d.complex,
    events: d.events.map((e) => {
      const ev: ClaimEvent = { type: e.type as EventType, date: e.date as IsoDate };
      if (e.ground !== undefined) ev.ground = normalizeGround(e.ground);
      if (e.note !== undefined) ev.note = e.note;
      return ev;
    }),
  };
  if (d.extensions && (d.extensions.verify !== undefined || d.extensions.negotiation_end !== undefined)) {
    history.extensions = {};
    if (d.extensions.verify !== undefined) history.extensions.verify = d.extensions.verify;
    if (d.extensions.negotiation_end !== undefined) history.extensions.negotiation_end = d.extensions.negotiation_end;
  }
  return history;
}
