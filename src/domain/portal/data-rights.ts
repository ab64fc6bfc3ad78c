// The data subject's rights over an online submission (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, in force
// 01/01/2026; Điều 4: know, consent or refuse, withdraw consent, access, correct, ask for deletion — legal-addendum §9).
// Pure: which data may be asked to be corrected, and what withdrawing consent does at each step of the submission.
import type { Confidence } from "../legal/parameters.ts";
import type { SubmissionStep } from "./submission.ts";

export const DATA_RIGHTS_BASIS = "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4";

/** What a person may ask to have corrected (the details they gave with the submission). */
export const CORRECTABLE_FIELDS = [
  "full_name",
  "date_of_birth",
  "id_number",
  "address",
  "phone",
  "email",
  "facts",
  "other",
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_FIELD_VI: Readonly<Record<CorrectableField, string>> = {
  full_name: "Họ và tên",
  date_of_birth: "Ngày sinh",
  id_number: "Số giấy tờ tùy thân",
  address: "Địa chỉ",
  phone: "Số điện thoại",
  email: "Thư điện tử",
  facts: "Nội dung sự việc",
  other: "Thông tin khác",
};

/** At most this many corrections waiting on one submission (a person needs few; a script would need many). */
export const MAX_OPEN_CORRECTIONS = 10;

/** What replaces erased text (the columns stay non-null; the receipt and inbox show it as such). */
export const ERASED = "(đã xóa theo yêu cầu)";

export type WithdrawalEffect = {
  /** Erase the personal data (name, birth date, ID number, address, phone, e-mail, facts, damage heads, files). */
  erase: boolean;
  /** The submission's step afterwards. */
  step_after: SubmissionStep;
  /** Shown on the status page before and after withdrawing. */
  explanation: string;
  basis: string;
  confidence: Confidence;
};

/**
 * What withdrawing consent does. Before a claim is accepted (thụ lý) — received, forwarded, answered, refused — the
 * portal is the only reason the data is held: the submission is withdrawn and its personal data erased, keeping the
 * code, dates, agency and steps (for the person's lookup and the statistics). Once accepted, the claim is handled under
 * the Luật TNBTCNN 2017 and the agency keeps what that procedure needs (processing required by law does not rest on
 * consent — the article of Luật 91/2025 is unconfirmed); the portal stops using the data for anything else (no e-mail).
 */
export function withdrawalEffect(step: SubmissionStep): WithdrawalEffect {
  if (step === "accepted")
    return {
      erase: false,
      step_after: "accepted",
      explanation:
        "Hồ sơ của bạn đã được thụ lý thành vụ việc yêu cầu bồi thường. Cơ quan giải quyết bồi thường vẫn lưu giữ những thông tin cần cho việc giải quyết theo Luật Trách nhiệm bồi thường của Nhà nước; cổng không dùng dữ liệu của bạn vào việc khác và không gửi thư điện tử thông báo nữa. Nếu bạn muốn rút yêu cầu bồi thường, hãy làm văn bản gửi cơ quan đang giải quyết.",
      basis: `${DATA_RIGHTS_BASIS}; xử lý dữ liệu theo quy định của luật khi đã thụ lý (chưa xác minh số điều)`,
      confidence: "unverified",
    };
  return {
    erase: true,
    step_after: "withdrawn",
    explanation:
      "Hồ sơ sẽ được đánh dấu là đã rút và cơ quan không xử lý tiếp. Họ tên, ngày sinh, số giấy tờ tùy thân, địa chỉ, số điện thoại, thư điện tử, nội dung sự việc và các tệp đính kèm bị xóa ngay. Chỉ còn lại mã hồ sơ, ngày gửi, cơ quan nhận và các bước đã qua để bạn tra cứu. Việc rút lại sự đồng ý không ảnh hưởng đến việc xử lý đã thực hiện trước đó. Nếu muốn, bạn vẫn có thể nộp lại hồ sơ sau.",
    basis: DATA_RIGHTS_BASIS,
    confidence: "confirmed",
  };
}
