// zod contracts of EVERY public route of the help portal for injured persons (issue 15), under /api/public, no login
// (OpenAPI `security: []`, tag "Cổng công dân"). The web pages (/cong-dan) are built against this file: change it
// only by adding optional fields.
//
//   GET  /api/public/interview                      → Interview (the question graph; cacheable)
//   POST /api/public/check                          InterviewAnswers → CheckResponse
//   POST /api/public/claim-form?format=docx|pdf     ClaimFormBody → the filled Mẫu 01/BTNN (file)
//   POST /api/public/submissions                    SubmissionBody → SubmissionReceipt (201; Idempotency-Key)
//   GET  /api/public/submissions/{code}/receipt.pdf ?factor=… → phiếu tiếp nhận (PDF)
//   POST /api/public/status                         StatusBody → StatusResponse
//   GET  /api/public/consent                        → Consent (the text accepted with a submission; cacheable)
import { z } from "zod";
import { ATTACHMENT_KINDS } from "../../domain/claims/attachments.ts";
import { DAMAGE_HEAD_KEYS } from "../../domain/portal/damage-heads.ts";
import { ACTIVITIES, AGENCY_KINDS, BASIS_ANSWERS, CAPACITIES, REQUEST_KINDS } from "../../domain/portal/interview.ts";
import { IdNumberSchema, IsoDateSchema, PhoneSchema } from "./common.ts";

export const PUBLIC_TAGS = ["Cổng công dân"];

// --- interview ---------------------------------------------------------------------------------------------------
const QuestionId = z.enum([
  "capacity",
  "activity",
  "agency_kind",
  "province",
  "act_date",
  "request_kind",
  "has_basis_document",
  "basis_document_received_on",
]);

export const Interview = z.object({
  version: z.string(),
  first: QuestionId,
  questions: z.array(
    z.object({
      id: QuestionId,
      text: z.string(),
      help: z.string().optional(),
      type: z.enum(["single_choice", "date", "province"]),
      options: z.array(
        z.object({ value: z.string(), label: z.string(), help: z.string().optional(), group: z.string().optional() }),
      ),
      not_future: z.boolean().optional(),
      not_before: z.object({ question: QuestionId, message: z.string() }).optional(),
      /** First rule whose `when` holds (every listed question's answer among the values; no `when` = default). */
      next: z.array(
        z.object({ when: z.record(z.string(), z.array(z.string())).optional(), goto: QuestionId.nullable() }),
      ),
    }),
  ),
});

/** The answers (flat, by question id). Unknown keys are refused; answers off the path are ignored. */
export const InterviewAnswers = z
  .object({
    capacity: z.enum(CAPACITIES).optional(),
    activity: z.enum(ACTIVITIES).optional(),
    agency_kind: z.enum(AGENCY_KINDS).optional(),
    province: z.string().max(60).optional(),
    act_date: IsoDateSchema.optional(),
    request_kind: z.enum(REQUEST_KINDS).optional(),
    has_basis_document: z.enum(BASIS_ANSWERS).optional(),
    basis_document_received_on: IsoDateSchema.optional(),
  })
  .strict();
export type InterviewAnswersBody = z.infer<typeof InterviewAnswers>;

const Confidence = z.enum(["confirmed", "unverified"]);
const ExplanationStep = z.object({
  rule: z.string(),
  date: z.string().optional(),
  text: z.string(),
  source: z.string().optional(),
});
const Cited = z.object({ text: z.string(), cite: z.string().optional(), confidence: Confidence.optional() });

export const PublicAgency = z.object({
  id: z.string(),
  name: z.string(),
  short_name: z.string().nullable(),
  role: z.string(),
  /** The file goes to the Sở Tư pháp, which determines the handling agency and forwards it within 5 working days. */
  determined_by_so_tu_phap: z.boolean(),
  /** The registry row (name, dates) is checked against a legal text. */
  verified: z.boolean(),
  /** The agency in force on the day of the act, when reorganised since. */
  former: z.object({ id: z.string(), name: z.string() }).nullable(),
  cite: z.string(),
  confidence: Confidence,
  explanation: z.array(z.string()),
});

export const Limitation = z.object({
  status: z.enum(["not_applicable", "not_started", "running", "expired", "not_computed"]),
  start: z.string().nullable(),
  end: z.string().nullable(),
  days_left: z.number().int().nullable(),
  basis: z.string(),
  confidence: Confidence,
  /** "Vì sao ngày này?" — same steps as the claim deadlines. */
  explanation: z.array(ExplanationStep),
});

export const CheckResponse = z.object({
  in_scope: z.enum(["yes", "no", "unclear"]),
  scope_reasons: z.array(Cited),
  limitation: Limitation,
  agency: PublicAgency.nullable(),
  where_to_go: z.string().nullable(),
  papers: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      help: z.string().optional(),
      cite: z.string(),
      confidence: Confidence,
      generated: z.boolean().optional(),
    }),
  ),
  next_steps: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.number(),
      unit: z.string(),
      cite: z.string(),
      confidence: Confidence,
    }),
  ),
  notes: z.array(Cited),
  unverified_legend: z.string().nullable(),
  /** The answers actually used (those on the interview path). */
  answers: InterviewAnswers,
});

// --- the person and the claim form --------------------------------------------------------------------------------
const Text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} không được để trống` })
    .max(max, { error: `${what} tối đa ${max} ký tự` });

export const PersonDetails = z
  .object({
    full_name: Text(200, "Họ và tên"),
    // The form sends the date as read from dd/mm/yyyy, or as typed when it does not read: the message speaks of the
    // field and of the way people type it (the generic one names YYYY-MM-DD, which they never typed).
    date_of_birth: z.iso
      .date({ error: "Ngày sinh không đọc được: hãy nhập một ngày có thật theo dạng ngày/tháng/năm, ví dụ 02/09/1980" })
      .optional(),
    id_number: IdNumberSchema.optional(),
    address: Text(500, "Địa chỉ"),
    phone: PhoneSchema.optional(),
    email: z.email({ error: "Địa chỉ thư điện tử không hợp lệ" }).max(200).optional(),
  })
  .strict();

export const DamageHead = z
  .object({
    /** Luật TNBTCNN 2017, Điều 23–28 (the blocks of Mẫu 01/BTNN): src/domain/portal/damage-heads.ts. */
    head: z.enum(DAMAGE_HEAD_KEYS),
    /** What was lost and how it is computed (cách tính). */
    description: Text(2000, "Mô tả thiệt hại"),
    /** Amount claimed in đồng (optional: the person may not know yet). */
    amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

export const ClaimFormQuery = z.object({ format: z.enum(["docx", "pdf"]).default("pdf") }).strict();

export const ClaimFormBody = z
  .object({
    answers: InterviewAnswers,
    person: PersonDetails,
    /** Short account of what happened (tóm tắt sự việc). */
    facts: Text(5000, "Tóm tắt sự việc"),
    damage_heads: z.array(DamageHead).max(12).default([]),
    /** Điều 41 khoản 3 điểm e: request an advance (tạm ứng). */
    request_advance: z.boolean().default(false),
    /** Ask the agency to collect the basis document the person could not obtain (Điều 42 khoản 2 điểm b). */
    request_basis_document_collection: z.boolean().default(false),
    request_honour: z.boolean().default(false),
  })
  .strict();

// --- submissions ----------------------------------------------------------------------------------------------------
/** Public attachments: the same allow-list and sniffing as inside (src/domain/files); smaller caps. */
export const PUBLIC_MAX_ATTACHMENTS = 5;
export const PUBLIC_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const PUBLIC_ATTACHMENTS_TOTAL_BYTES = 10 * 1024 * 1024;
/** Body cap of POST /api/public/submissions: base64 of the total plus the JSON around it. */
export const PUBLIC_SUBMISSION_BODY_LIMIT = Math.ceil((PUBLIC_ATTACHMENTS_TOTAL_BYTES * 4) / 3) + 256 * 1024;

export const PublicAttachment = z
  .object({
    kind: z.enum(ATTACHMENT_KINDS),
    title: Text(300, "Tên tài liệu"),
    file_name: Text(255, "Tên tệp"),
    content_base64: z
      .string()
      .min(1)
      .max(Math.ceil((PUBLIC_ATTACHMENT_MAX_BYTES * 4) / 3) + 4, {
        error: "Tệp quá lớn: mỗi tệp tối đa 5 MB",
      }),
  })
  .strict();

export const SecondFactor = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("phone"), value: PhoneSchema }).strict(),
  z
    .object({
      kind: z.literal("id_last4"),
      value: z.string().regex(/^\d{4}$/, { error: "Nhập đúng 4 chữ số cuối của số giấy tờ tùy thân" }),
    })
    .strict(),
]);

export const Consent = z.object({ version: z.string(), text: z.string() });

export const SubmissionBody = z
  .object({
    /** claim: a claim file (hồ sơ yêu cầu bồi thường); support: a request for support (TT 09/2019, Điều 5). */
    kind: z.enum(["claim", "support"]),
    answers: InterviewAnswers,
    person: PersonDetails,
    facts: Text(5000, "Nội dung"),
    damage_heads: z.array(DamageHead).max(12).default([]),
    request_advance: z.boolean().default(false),
    request_basis_document_collection: z.boolean().default(false),
    request_honour: z.boolean().default(false),
    attachments: z.array(PublicAttachment).max(PUBLIC_MAX_ATTACHMENTS, { error: "Tối đa 5 tệp đính kèm" }).default([]),
    /** Needed to look up the status later: stored hashed. */
    factor: SecondFactor,
    /** Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15: consent is required and recorded with the text version. */
    consent: z
      .object({
        accepted: z.literal(true, { error: "Cần đồng ý cho phép xử lý dữ liệu cá nhân để gửi hồ sơ" }),
        text_version: z.string().min(1).max(40),
      })
      .strict(),
    /** Honeypot: hidden from people; anything in it means a robot (refused, nothing written). */
    website: z.string().max(200).optional(),
  })
  .strict();

export const StatutoryDate = z.object({
  key: z.string(),
  label: z.string(),
  date: z.string(),
  basis: z.string(),
  confidence: Confidence,
  explanation: z.array(ExplanationStep),
});

export const SubmissionReceipt = z.object({
  /** ≥ 10 characters of an unambiguous alphabet (no 0/O, 1/I/L). */
  code: z.string(),
  kind: z.enum(["claim", "support"]),
  submitted_on: z.string(),
  agency: z.object({ id: z.string(), name: z.string(), determined_by_so_tu_phap: z.boolean() }),
  /** By when the agency must answer: acceptance (Điều 43 khoản 1) or the Sở Tư pháp forwarding (Điều 41 khoản 4). */
  /** null for a support request (Thông tư 09/2019/TT-BTP sets no time). */
  answer_by: StatutoryDate.nullable(),
  /** GET this with ?factor=… for the phiếu tiếp nhận (PDF). */
  receipt_url: z.string(),
});

export const ReceiptParams = z.object({ code: z.string().min(1).max(40) });
export const ReceiptQuery = z.object({ factor: z.string().min(1).max(20) }).strict();

// --- status ---------------------------------------------------------------------------------------------------------
export const StatusBody = z
  .object({
    code: z.string().trim().min(1).max(40),
    /** The phone number or the last 4 digits of the ID number given with the submission. */
    factor: z.string().trim().min(1).max(20),
  })
  .strict();

export const StatusResponse = z.object({
  code: z.string(),
  kind: z.enum(["claim", "support"]),
  submitted_on: z.string(),
  /** received → forwarded → accepted | answered | refused */
  step: z.enum(["received", "forwarded", "accepted", "answered", "refused", "withdrawn"]),
  step_label: z.string(),
  step_on: z.string(),
  /** Who holds the file now (an agency; never a person). */
  holder: z.object({ id: z.string(), name: z.string() }),
  next_date: StatutoryDate.nullable(),
  history: z.array(z.object({ step: z.string(), label: z.string(), on: z.string(), agency: z.string() })),
  /** Luật BVDLCN 91/2025/QH15: the day the person withdrew consent (src/http/contracts/public-data-rights.ts). */
  consent_withdrawn_on: z.string().nullable().optional(),
  /** Once accepted: the claim's number in the agency's register and its current step. */
  claim: z.object({ code: z.string(), step_label: z.string() }).nullable().optional(),
  /** The answer to a support request, or the reason the file was refused or returned. */
  answer: z.string().nullable().optional(),
});
