// zod contracts of the officers' side of online submissions (issue 15): list, detail (masked; ?reveal=personal),
// attached files, and the decisions accept / refuse / forward / answer.
import { z } from "zod";
import { CLAIM_FIELDS } from "../../domain/claims/dto.ts";
import { HANDLING_ACTIONS } from "../../domain/portal/handling.ts";
import { SubmittedPerson } from "./public-data-rights.ts";

const Step = z.enum(["received", "forwarded", "accepted", "answered", "refused", "withdrawn"]);
const Kind = z.enum(["claim", "support"]);
const Agency = z.object({ id: z.string(), name: z.string() });
export type SubmissionStatus = z.output<typeof Step>;

export const SubmissionListQuery = z
  .object({
    /** One step or several, comma-separated (received,forwarded = waiting on the holder). */
    status: z
      .string()
      .max(100)
      .regex(
        /^(received|forwarded|accepted|answered|refused|withdrawn)(,(received|forwarded|accepted|answered|refused|withdrawn))*$/,
        {
          error:
            "Trạng thái chỉ nhận: received, forwarded, accepted, answered, refused, withdrawn (ngăn cách bằng dấu phẩy)",
        },
      )
      .optional(),
    kind: Kind.optional(),
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const SubmissionListItem = z.object({
  id: z.string(),
  code: z.string(),
  kind: Kind,
  status: Step,
  status_label: z.string(),
  submitted_on: z.string(),
  person_name: z.string(),
  holder: Agency,
  /** At the Sở Tư pháp because the handling agency was unclear, not forwarded yet. */
  determined_by_so_tu_phap: z.boolean(),
  /** By when the holder must act (null once decided, or for a support request). */
  due: z.string().nullable(),
  attachments: z.number().int(),
  claim_id: z.string().nullable(),
  /** The caller's agency holds it now and may act on it. */
  held_here: z.boolean(),
});
export type SubmissionListItem = z.output<typeof SubmissionListItem>;

export const SubmissionGetQuery = z
  .object({ reveal: z.enum(["personal"]).optional().describe("personal: hiện thông tin cá nhân (ghi nhật ký)") })
  .strict();

export const HandledSubmission = z.object({
  id: z.string(),
  code: z.string(),
  kind: Kind,
  status: Step,
  status_label: z.string(),
  submitted_on: z.string(),
  submitted_at: z.string(),
  holder: Agency,
  determined_by_so_tu_phap: z.boolean(),
  due: z.string().nullable(),
  person: SubmittedPerson.extend({ masked: z.boolean() }),
  answers: z.record(z.string(), z.unknown()),
  facts: z.string(),
  request: z.record(z.string(), z.unknown()),
  files: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      file_name: z.string(),
      mime_type: z.string(),
      size: z.number().int(),
    }),
  ),
  steps: z.array(z.object({ step: z.string(), label: z.string(), on: z.string(), agency: z.string() })),
  answer_text: z.string().nullable(),
  claim: z.object({ id: z.string(), code: z.string(), state: z.string(), state_label: z.string() }).nullable(),
  consent: z.object({ at: z.string(), text_version: z.string(), withdrawn_at: z.string().nullable() }),
  held_here: z.boolean(),
  /** What the caller may do now (empty when another agency holds it or it is decided). */
  actions: z.array(z.enum(HANDLING_ACTIONS)),
  version: z.number().int(),
});
export type HandledSubmission = z.output<typeof HandledSubmission>;

export const SubmissionFileParams = z.object({ id: z.uuid(), file_id: z.uuid() });

const Reason = (what: string) =>
  z
    .string()
    .trim()
    .min(10, { error: `${what} cần ít nhất 10 ký tự để người gửi hiểu được` })
    .max(5000, { error: `${what} tối đa 5000 ký tự` });

export const AcceptBody = z
  .object({
    /** Needed only when the person did not name the activity (the claim's field). */
    field: z.enum(CLAIM_FIELDS).optional(),
  })
  .strict();
export const AcceptResult = z.object({ claim_id: z.string(), claim_code: z.string(), submission: HandledSubmission });

export const RefuseBody = z.object({ reason: Reason("Lý do trả lại") }).strict();
export const AnswerBody = z.object({ text: Reason("Nội dung trả lời") }).strict();
export const ForwardBody = z
  .object({ agency_id: z.string().trim().min(1, { error: "Hãy chọn cơ quan giải quyết bồi thường" }).max(100) })
  .strict();
