// The situation a coordination request arises in, as validated input for route(). JSON keys follow GLOSSARY.md.

import { z } from "zod";
import { ROLES, type Role } from "../agencies/roles.ts";
import { DomainError } from "../shared/errors.ts";

/** Request kinds: GLOSSARY "Coordination" plus case lists, meetings, training and reports of the two seed plans. */
export const REQUEST_KINDS = [
  "guidance", // hướng dẫn nghiệp vụ
  "legal_question", // giải đáp vướng mắc
  "report_request", // yêu cầu báo cáo / theo dõi
  "document_forward", // gửi / sao chuyển văn bản để phối hợp theo dõi
  "urging", // đôn đốc
  "support_injured", // hỗ trợ người bị thiệt hại
  "guidance_injured", // hướng dẫn người bị thiệt hại
  "verification_negotiation", // tham gia xác minh thiệt hại, thương lượng
  "inspection", // kiểm tra
  "disagreement", // ý kiến khác nhau, không thống nhất
  "case_list", // lập danh mục vụ việc
  "meeting", // họp / đoàn công tác về vụ việc phức tạp, tồn đọng, kéo dài
  "training", // tập huấn, bồi dưỡng
  "report", // gửi báo cáo (luồng tổng hợp báo cáo cấp tỉnh)
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_KIND_VI: Readonly<Record<RequestKind, string>> = {
  guidance: "hướng dẫn nghiệp vụ",
  legal_question: "giải đáp vướng mắc",
  report_request: "yêu cầu báo cáo",
  document_forward: "gửi, sao chuyển văn bản để phối hợp theo dõi",
  urging: "đôn đốc",
  support_injured: "hỗ trợ người bị thiệt hại",
  guidance_injured: "hướng dẫn người bị thiệt hại",
  verification_negotiation: "tham gia xác minh thiệt hại, thương lượng",
  inspection: "kiểm tra",
  disagreement: "ý kiến khác nhau, không thống nhất",
  case_list: "lập danh mục vụ việc",
  meeting: "họp, đoàn công tác giải quyết vụ việc phức tạp",
  training: "tập huấn, bồi dưỡng",
  report: "gửi báo cáo",
};

/** "enforcement" = nghiệp vụ thi hành án dân sự; "compensation" = nghiệp vụ giải quyết bồi thường. */
export const TOPICS = ["enforcement", "compensation"] as const;
export type Topic = (typeof TOPICS)[number];

export const LAWS = ["law_2009", "law_2017"] as const;
export type LawVersion = (typeof LAWS)[number];

/** Thông tư 08/2019/TT-BTP Điều 9 khoản 1: căn cứ theo dõi, points a–i (legal-addendum §6). */
export const MONITORING_GROUNDS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i"] as const;
/** Thông tư 08/2019/TT-BTP Điều 14: căn cứ đôn đốc, khoản 1–7 (legal-addendum §6). */
export const URGING_GROUNDS = [1, 2, 3, 4, 5, 6, 7] as const;

function valueText(input: unknown): string {
  return input === undefined ? "" : ` ${JSON.stringify(input)}`;
}

function enumField<const T extends readonly [string, ...string[]]>(values: T, field: string, what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `Thiếu trường "${field}" (${what}).`
        : `Trường "${field}": giá trị${valueText(iss.input)} không hợp lệ — ${what} phải là một trong: ${values.join(", ")}.`,
  });
}

function roleField(field: string, what: string) {
  return z.enum(ROLES, {
    error: (iss) =>
      iss.input === undefined
        ? `Thiếu trường "${field}" (${what}).`
        : `Trường "${field}": vai trò${valueText(iss.input)} không có trong danh mục vai trò (${ROLES.join(", ")}).`,
  });
}

function boolField(field: string) {
  return z.boolean({
    error: (iss) => `Trường "${field}": cần giá trị true/false, nhận được${valueText(iss.input)}.`,
  });
}

function strictObject<S extends z.ZodRawShape>(shape: S, field: string) {
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") {
        const keys = (iss as { keys?: string[] }).keys ?? [];
        return `${field === "" ? "Tình huống" : `Trường "${field}"`} có trường không được phép: ${keys.join(", ")}.`;
      }
      return `${field === "" ? "Tình huống" : `Trường "${field}"`} phải là một đối tượng JSON.`;
    },
  });
}

export const priorSchema = strictObject(
  {
    /** UBND cấp tỉnh đã hướng dẫn (Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ; Thông tư 09/2019/TT-BTP Điều 7 khoản 1 điểm a). */
    guided_by_province: boolField("prior.guided_by_province").optional(),
    /** Sở Tư pháp nơi cơ quan có trụ sở đã hướng dẫn (KH 2021 mục II.3.3.b) — Sở Tư pháp giúp UBND cấp tỉnh (TT 08 Điều 4 khoản 2). */
    guided_by_so_tu_phap: boolField("prior.guided_by_so_tu_phap").optional(),
    /** Bộ Tư pháp (Cục BTNN) đã đề nghị UBND tỉnh đôn đốc (KH 2021 mục II.6.1). */
    province_asked_to_urge: boolField("prior.province_asked_to_urge").optional(),
    /** UBND tỉnh đã đôn đốc. */
    province_urged: boolField("prior.province_urged").optional(),
    /** Cơ quan được đôn đốc đã thực hiện nội dung đôn đốc. */
    urged_party_complied: boolField("prior.urged_party_complied").optional(),
    /** Căn cứ theo dõi có được (TT 08 Điều 9 khoản 1, điểm a–i). */
    monitoring_grounds: z
      .array(
        enumField(MONITORING_GROUNDS, "prior.monitoring_grounds[]", "điểm của khoản 1 Điều 9 Thông tư 08/2019/TT-BTP"),
        {
          error: () => `Trường "prior.monitoring_grounds": cần một danh sách điểm (a–i).`,
        },
      )
      .min(1, { error: `Trường "prior.monitoring_grounds": danh sách không được rỗng.` })
      .optional(),
    /** Căn cứ đôn đốc có được (TT 08 Điều 14, khoản 1–7). */
    urging_grounds: z
      .array(
        z.union(
          URGING_GROUNDS.map((n) => z.literal(n)),
          {
            error: (iss) =>
              `Trường "prior.urging_grounds[]": giá trị${valueText(iss.input)} không hợp lệ — cần số khoản 1–7 của Điều 14 Thông tư 08/2019/TT-BTP.`,
          },
        ),
        { error: () => `Trường "prior.urging_grounds": cần một danh sách số khoản (1–7).` },
      )
      .min(1, { error: `Trường "prior.urging_grounds": danh sách không được rỗng.` })
      .optional(),
  },
  "prior",
);

export const situationSchema = strictObject(
  {
    kind: enumField(REQUEST_KINDS, "kind", "loại yêu cầu"),
    from_role: roleField("from_role", "vai trò của cơ quan/người gửi"),
    to_role: roleField("to_role", "vai trò của cơ quan nhận").optional(),
    topic: enumField(TOPICS, "topic", "nội dung nghiệp vụ").optional(),
    law: enumField(LAWS, "law", "luật áp dụng").optional(),
    /** Vụ việc phức tạp, tồn đọng, kéo dài. */
    complex: boolField("complex").optional(),
    prior: priorSchema.optional(),
    /** Cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại. */
    managing_role: roleField(
      "managing_role",
      "vai trò của cơ quan trực tiếp quản lý người thi hành công vụ",
    ).optional(),
    /** Cơ quan giải quyết bồi thường. */
    handling_role: roleField("handling_role", "vai trò của cơ quan giải quyết bồi thường").optional(),
    /** Đơn vị thực tế nhận văn bản (KH 2021 mục II.5.2). */
    received_by: roleField("received_by", "vai trò của đơn vị nhận được văn bản").optional(),
  },
  "",
);

export type Prior = z.infer<typeof priorSchema>;
export type Situation = z.infer<typeof situationSchema>;

/**
 * Validates a situation. Throws DomainError("invalid_situation", field, message) naming the first bad field; the message
 * lists every problem in Vietnamese.
 */
export function parseSituation(input: unknown): Situation {
  const r = situationSchema.safeParse(input);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const field = first.path.length === 0 ? "situation" : first.path.map(String).join(".");
  throw new DomainError("invalid_situation", field, r.error.issues.map((i) => i.message).join(" "));
}

/** Convenience for rules: a role is one of a list. */
export function roleIn(role: Role | undefined, roles: readonly Role[]): boolean {
  return role !== undefined && roles.includes(role);
}
