// Mẫu 02/BTNN — Thông báo về việc bổ sung hồ sơ yêu cầu bồi thường (Thông tư 04/2018/TT-BTP).
// Content: Luật TNBTCNN 2017 Điều 42 khoản 2 điểm a (Head asks the claimant to supplement within 05 working days of
// receipt), khoản 3 (claimant supplements within 05 working days of the request), Điều 43 khoản 2 điểm đ (file not
// supplemented in time → not accepted).
import { formatVi } from "../../domain/shared/dates.ts";
import { baseDocument, defineBuilder, p } from "./common.ts";
import { supplementRequestNoticeSchema } from "./supplement-request-notice.types.ts";

export const supplementRequestNotice = defineBuilder(
  {
    id: "supplement_request_notice",
    name_vi: "Thông báo về việc bổ sung hồ sơ yêu cầu bồi thường",
    kind: "notice",
    form_code: "Mẫu 02/BTNN",
    basis: [
      "Thông tư 04/2018/TT-BTP, Mẫu 02/BTNN",
      "Luật TNBTCNN 2017, Điều 42 khoản 2, 3",
      "Luật TNBTCNN 2017, Điều 43 khoản 2 điểm đ",
    ],
    form_text_verified: false,
    note_vi: "Nội dung theo Điều 42 Luật TNBTCNN 2017; lời văn của Mẫu 02/BTNN chưa được đối chiếu.",
  },
  supplementRequestNoticeSchema,
  (i) => ({
    ...baseDocument(i, "notice", { recipients: [`${i.claimant.name} (người yêu cầu bồi thường)`] }),
    title: "THÔNG BÁO",
    title_summary: "Về việc bổ sung hồ sơ yêu cầu bồi thường",
    body: [
      p(
        `Ngày ${formatVi(i.received_on)}, ${i.issuer.name} nhận được hồ sơ yêu cầu bồi thường của ${i.claimant.name}, địa chỉ: ${i.claimant.address}.`,
      ),
      p(
        `Căn cứ điểm a khoản 2 Điều 42 Luật Trách nhiệm bồi thường của Nhà nước, ${i.issuer.name} đề nghị ${i.claimant.name} bổ sung các tài liệu sau:`,
      ),
      { type: "list", items: i.missing_documents, marker: "1." },
      p(
        `Trong thời hạn 05 ngày làm việc kể từ ngày nhận được Thông báo này, đề nghị ${i.claimant.name} bổ sung hồ sơ${i.submit_to ? ` tại ${i.submit_to}` : ""} theo quy định tại khoản 3 Điều 42 Luật Trách nhiệm bồi thường của Nhà nước. Khoảng thời gian có sự kiện bất khả kháng hoặc trở ngại khách quan không tính vào thời hạn này.`,
      ),
      p(
        "Hết thời hạn trên mà hồ sơ chưa được bổ sung thì cơ quan giải quyết bồi thường không thụ lý hồ sơ theo quy định tại điểm đ khoản 2 Điều 43 Luật Trách nhiệm bồi thường của Nhà nước./.",
      ),
    ],
  }),
);
