// zod contracts of the data subject's requests on an online submission (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15,
// Điều 4), no login — every call carries the receipt code and the second factor, checked and counted like the status
// lookup (src/http/routes/public-lookup.ts):
//
//   POST /api/public/my-data               MyDataBody → MyData (the personal data held; audited)
//   POST /api/public/my-data/corrections   CorrectionBody → Correction (201; shown to the holding agency)
//   POST /api/public/my-data/withdraw      WithdrawBody → Withdrawal (consent withdrawn; erasure where allowed)
import { z } from "zod";
import { CORRECTABLE_FIELDS } from "../../domain/portal/data-rights.ts";
import { StatusBody } from "./public-portal.ts";

export const MyDataBody = StatusBody;

/** The person's data an online submission holds, as shown back (to the person, or to the holding agency). */
export const SubmittedPerson = z.object({
  full_name: z.string(),
  date_of_birth: z.string().nullable(),
  id_number: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

const Confidence = z.enum(["confirmed", "unverified"]);
const WithdrawalEffect = z.object({
  erase: z.boolean(),
  step_after: z.string(),
  explanation: z.string(),
  basis: z.string(),
  confidence: Confidence,
});

export const Correction = z.object({
  id: z.string(),
  field: z.string(),
  field_label: z.string(),
  value: z.string(),
  reason: z.string().nullable(),
  /** open | done | refused | erased */
  status: z.string(),
  created_on: z.string(),
  answer: z.string().nullable(),
});

export const MyData = z.object({
  code: z.string(),
  kind: z.enum(["claim", "support"]),
  submitted_on: z.string(),
  step: z.string(),
  step_label: z.string(),
  /** The agency holding (and processing) the data. */
  controller: z.object({ id: z.string(), name: z.string() }),
  purpose: z.string(),
  consent: z.object({ at: z.string(), text_version: z.string(), withdrawn_at: z.string().nullable() }),
  person: SubmittedPerson,
  facts: z.string(),
  damage_heads: z.array(z.object({ head: z.string(), description: z.string(), amount: z.number().optional() })),
  second_factor: z.enum(["phone", "id_last4"]),
  attachments: z.array(z.object({ title: z.string(), file_name: z.string(), kind: z.string(), size: z.number() })),
  corrections: z.array(Correction),
  /** What withdrawing consent would do now; null once withdrawn. */
  withdrawal: WithdrawalEffect.nullable(),
});

export const CorrectionBody = StatusBody.extend({
  field: z.enum(CORRECTABLE_FIELDS, { error: "Hãy chọn thông tin cần sửa" }),
  value: z
    .string()
    .trim()
    .min(1, { error: "Hãy ghi thông tin đúng" })
    .max(2000, { error: "Thông tin đúng tối đa 2000 ký tự" }),
  reason: z.string().trim().max(1000, { error: "Lý do tối đa 1000 ký tự" }).optional(),
}).strict();

export const WithdrawBody = StatusBody.extend({
  confirm: z.literal(true, { error: "Hãy xác nhận bạn muốn rút lại sự đồng ý" }),
}).strict();

export const Withdrawal = z.object({
  withdrawn_at: z.string(),
  erased: z.boolean(),
  step: z.string(),
  explanation: z.string(),
  basis: z.string(),
  confidence: Confidence,
});

// --- the holding agency (signed in) -------------------------------------------------------------------------------------
//   GET  /api/public-data-requests/{id}         → OfficerDataRequest (value masked unless claims.personal_data; audited)
//   POST /api/public-data-requests/{id}/close   CloseDataRequestBody → ClosedDataRequest
export const DataRequestParams = z.object({ id: z.uuid({ error: "Mã đề nghị không hợp lệ" }) });

export const OfficerDataRequest = z.object({
  id: z.string(),
  submission_id: z.string(),
  code: z.string(),
  agency_id: z.string(),
  field: z.string(),
  field_label: z.string(),
  value: z.string(),
  reason: z.string().nullable(),
  masked: z.boolean(),
  status: z.string(),
  created_on: z.string(),
  answer: z.string().nullable(),
});

export const CloseDataRequestBody = z
  .object({
    /** done: corrected (in the claim file, by an audited correction) — refused: with the reason in the answer. */
    status: z.enum(["done", "refused"]),
    answer: z
      .string()
      .trim()
      .min(1, { error: "Hãy ghi câu trả lời cho người yêu cầu" })
      .max(2000, { error: "Câu trả lời tối đa 2000 ký tự" }),
  })
  .strict();

export const ClosedDataRequest = z.object({ id: z.string(), status: z.string(), answer: z.string().nullable() });
