// Công văn sao chuyển văn bản để phối hợp theo dõi.
// Basis: Thông tư 08/2019/TT-BTP Điều 12 (handling agencies send their documents to the state-management agency);
// KH 2021 mục II.5.2 (Cục BTNN / Tổng cục THADS copy to each other "để phối hợp theo dõi").
import { formatVi } from "../../domain/shared/dates.ts";
import { baseDocument, closingLine, defineBuilder, docRefText, joinVi, p } from "./common.ts";
import { forwardingLetterSchema } from "./forwarding-letter.types.ts";

export const forwardingLetter = defineBuilder(
  {
    id: "forwarding_letter",
    name_vi: "Công văn sao chuyển văn bản để phối hợp theo dõi",
    kind: "letter",
    form_code: null,
    basis: ["Thông tư 08/2019/TT-BTP, Điều 12", "KH 2021 mục II.5.2"],
    request_kind: "document_forward",
    form_text_verified: false,
    note_vi: "Không có mẫu ban hành; trình bày theo thể thức Nghị định 30/2020/NĐ-CP.",
  },
  forwardingLetterSchema,
  (i) => {
    const docs = i.documents.map(docRefText);
    const when = i.received_on ? `Ngày ${formatVi(i.received_on)}, ` : "";
    const plan =
      i.plan_ref ??
      "mục II.5.2 Kế hoạch phối hợp thực hiện công tác bồi thường nhà nước trong hoạt động thi hành án dân sự năm 2021";
    const purpose = i.purpose ?? "để phối hợp theo dõi";
    return {
      ...baseDocument(i, "letter", { recipients: ["Như trên"] }),
      subject: `sao chuyển văn bản ${purpose}`,
      addressees: i.addressees,
      body: [
        p(
          `${when}${i.issuer.name} nhận được ${joinVi(docs)} (gửi theo quy định tại Điều 12 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp).`,
        ),
        p(
          closingLine(
            `Thực hiện ${plan}, ${i.issuer.name} sao chuyển văn bản nêu trên (gửi kèm) đến ${joinVi(i.addressees)} ${purpose}`,
          ),
        ),
      ],
    };
  },
);
