// Công văn chuyển / sao chuyển văn bản. Basis: the routing rule it carries out (its citation, domain/routing/citation.ts)
// — by default KH 2021 mục II.5.2 (Cục BTNN / Tổng cục THADS copy to each other "để phối hợp theo dõi") with Thông tư
// 08/2019/TT-BTP Điều 12; a guidance request forwarded to the UBND cấp tỉnh cites KH 2021 mục II.3.1 and điểm a
// khoản 2 Điều 4 Thông tư 08/2019/TT-BTP, as the routing does.
import { formatVi } from "../../domain/shared/dates.ts";
import { baseDocument, citedRule, closingLine, defineBuilder, docRefText, joinVi, p } from "./common.ts";
import { forwardingLetterSchema } from "./forwarding-letter.types.ts";

export const forwardingLetter = defineBuilder(
  {
    id: "forwarding_letter",
    name_vi: "Công văn sao chuyển văn bản để phối hợp theo dõi",
    kind: "letter",
    form_code: null,
    basis: ["Quy tắc điều phối mà công văn thực hiện (mặc định KH 2021 mục II.5.2; Thông tư 08/2019/TT-BTP, Điều 12)"],
    request_kind: "document_forward",
    form_text_verified: false,
    note_vi: "Không có mẫu ban hành; trình bày theo thể thức Nghị định 30/2020/NĐ-CP.",
  },
  forwardingLetterSchema,
  (i) => {
    const docs = i.documents.map(docRefText);
    const when = i.received_on ? `Ngày ${formatVi(i.received_on)}, ` : "";
    const { citation, footer } = citedRule(i.rule ?? "KH2021.II.5.2-1");
    const purpose = i.purpose ?? "để phối hợp theo dõi";
    return {
      ...baseDocument(i, "letter", { recipients: ["Như trên"] }),
      ...footer,
      subject: `sao chuyển văn bản ${purpose}`,
      addressees: i.addressees,
      body: [
        p(`${when}${i.issuer.name} nhận được ${joinVi(docs)}.`),
        p(
          closingLine(
            `Căn cứ ${citation!.cite}, ${i.issuer.name} sao chuyển văn bản nêu trên (gửi kèm) đến ${joinVi(i.addressees)} ${purpose}`,
          ),
        ),
      ],
    };
  },
);
