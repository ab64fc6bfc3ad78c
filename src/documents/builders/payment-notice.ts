// Mẫu 19/BTNN — Thông báo về việc chi trả tiền bồi thường (Thông tư 04/2018/TT-BTP).
// Content: Luật TNBTCNN 2017 Điều 62 (within 02 working days of receiving the funds the agency notifies the claimant in
// writing; pays within 02 working days of the claimant receiving the notice; after 03 years uncollected the money goes
// to the State budget).
import { formatMoneyVi } from "../money.ts";
import { baseDocument, defineBuilder, docRefText, money, p } from "./common.ts";
import { paymentNoticeSchema } from "./payment-notice.types.ts";

export const paymentNotice = defineBuilder(
  {
    id: "payment_notice",
    name_vi: "Thông báo về việc chi trả tiền bồi thường",
    kind: "notice",
    form_code: "Mẫu 19/BTNN",
    basis: ["Thông tư 04/2018/TT-BTP, Mẫu 19/BTNN", "Luật TNBTCNN 2017, Điều 62"],
    form_text_verified: false,
    note_vi: "Nội dung theo Điều 62 Luật TNBTCNN 2017; lời văn của Mẫu 19/BTNN chưa được đối chiếu.",
  },
  paymentNoticeSchema,
  (i) => {
    const due = i.total_amount - (i.advance_paid ?? 0);
    return {
      ...baseDocument(i, "notice", { recipients: [`${i.claimant.name} (người yêu cầu bồi thường)`] }),
      title: "THÔNG BÁO",
      title_summary: "Về việc chi trả tiền bồi thường",
      body: [
        p(
          `Thực hiện ${docRefText(i.decision)}, ${i.issuer.name} đã nhận được kinh phí bồi thường do cơ quan tài chính cấp. ${i.issuer.name} thông báo việc chi trả tiền bồi thường cho ${i.claimant.name}, địa chỉ: ${i.claimant.address} như sau:`,
        ),
        { type: "field", label: "1. Tổng số tiền bồi thường", value: money(i.total_amount) },
        {
          type: "field",
          label: "2. Số tiền đã tạm ứng",
          value: i.advance_paid ? formatMoneyVi(i.advance_paid) : "không có",
        },
        { type: "field", label: "3. Số tiền được chi trả", value: money(due) },
        { type: "field", label: "4. Thời gian, địa điểm chi trả", value: i.payment_time_place },
        { type: "field", label: "5. Phương thức chi trả", value: i.payment_method },
        p(
          `Khi nhận tiền, đề nghị ${i.claimant.name} mang theo giấy tờ tùy thân và Thông báo này. Trường hợp người yêu cầu bồi thường không nhận tiền bồi thường trong thời hạn 03 năm kể từ ngày nhận được Thông báo này thì số tiền bồi thường được nộp vào ngân sách nhà nước theo quy định tại Điều 62 Luật Trách nhiệm bồi thường của Nhà nước.`,
        ),
        p(i.contact ? `Mọi chi tiết xin liên hệ: ${i.contact.replace(/[.;]+$/, "")}./.` : "Trân trọng thông báo./."),
      ],
    };
  },
);
