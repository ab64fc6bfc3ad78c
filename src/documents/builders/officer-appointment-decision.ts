// Mẫu 05/BTNN — Quyết định cử người giải quyết bồi thường (Thông tư 04/2018/TT-BTP).
// Content: Luật TNBTCNN 2017 Điều 43 khoản 3 (appoint within 02 working days of acceptance; officer experienced in the
// field, without interest in the case, not a relative of the official or the injured person), khoản 4 (notify).
import { formatVi } from "../../domain/shared/dates.ts";
import { baseDocument, defineBuilder } from "./common.ts";
import { LAW_2017_BASIS, ND68_BASIS } from "./compensation-decision.ts";
import { officerAppointmentDecisionSchema } from "./officer-appointment-decision.types.ts";

export const officerAppointmentDecision = defineBuilder(
  {
    id: "officer_appointment_decision",
    name_vi: "Quyết định cử người giải quyết bồi thường",
    kind: "decision",
    form_code: "Mẫu 05/BTNN",
    basis: ["Thông tư 04/2018/TT-BTP, Mẫu 05/BTNN", "Luật TNBTCNN 2017, Điều 43 khoản 3, 4"],
    form_text_verified: false,
    note_vi: "Nội dung theo khoản 3 Điều 43 Luật TNBTCNN 2017; lời văn của Mẫu 05/BTNN chưa được đối chiếu.",
  },
  officerAppointmentDecisionSchema,
  (i) => {
    const o = i.officer;
    return {
      ...baseDocument(i, "decision", {
        recipients: [
          "Như Điều 3",
          `${i.claimant.name} (người yêu cầu bồi thường)`,
          "Cơ quan quản lý nhà nước về công tác bồi thường nhà nước",
        ],
      }),
      title: "QUYẾT ĐỊNH",
      title_summary: "Về việc cử người giải quyết bồi thường",
      issuing_authority: i.issuing_authority,
      legal_bases: [
        LAW_2017_BASIS,
        ND68_BASIS,
        ...(i.extra_legal_bases ?? []),
        `Căn cứ việc thụ lý hồ sơ yêu cầu bồi thường của ${i.claimant.name} ngày ${formatVi(i.accepted_on)}${i.claim_code ? ` (mã vụ việc ${i.claim_code})` : ""}`,
        `Theo đề nghị của ${i.proposed_by ?? "Thủ trưởng đơn vị được giao giải quyết"}`,
      ],
      body: [
        { type: "centered", text: "QUYẾT ĐỊNH:", bold: true },
        {
          type: "article",
          label: "Điều 1.",
          text: `Cử Ông/Bà ${o.name}, ${o.position}${o.unit ? `, ${o.unit}` : ""} là người giải quyết bồi thường đối với yêu cầu bồi thường của ${i.claimant.name}, địa chỉ: ${i.claimant.address}.`,
        },
        {
          type: "article",
          label: "Điều 2.",
          text: "Người giải quyết bồi thường có trách nhiệm xác minh thiệt hại, thương lượng việc bồi thường và thực hiện các nhiệm vụ khác theo quy định của Luật Trách nhiệm bồi thường của Nhà nước. Quyết định này có hiệu lực kể từ ngày ký.",
        },
        {
          type: "article",
          label: "Điều 3.",
          text: `${i.executors.join(", ")} và Ông/Bà ${o.name} chịu trách nhiệm thi hành Quyết định này./.`,
        },
      ],
    };
  },
);
