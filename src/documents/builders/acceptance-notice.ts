// Mẫu 03/BTNN — Thông báo về việc thụ lý hoặc không thụ lý hồ sơ yêu cầu bồi thường (Thông tư 04/2018/TT-BTP).
// Content: Luật TNBTCNN 2017 Điều 43 khoản 1 (accept within 02 working days of a valid file and enter it in the
// sổ thụ lý), khoản 2 (refusal grounds a–h), khoản 4 (notify the claimant and the state-management agency in writing;
// on refusal return the file with reasons; ground a: point to the competent agency).
import { formatVi } from "../../domain/shared/dates.ts";
import type { BlockInput } from "../nd30/types.ts";
import { acceptanceNoticeSchema, type RefusalGround } from "./acceptance-notice.types.ts";
import { baseDocument, defineBuilder, joinVi, p } from "./common.ts";

/** Luật TNBTCNN 2017, Điều 43 khoản 2 — grounds, summarised (legal-addendum §3). */
export const REFUSAL_GROUND_VI: Record<RefusalGround, string> = {
  a: "yêu cầu bồi thường không thuộc trách nhiệm giải quyết của cơ quan",
  b: "hết thời hiệu yêu cầu bồi thường",
  c: "yêu cầu bồi thường không thuộc phạm vi trách nhiệm bồi thường của Nhà nước",
  d: "người yêu cầu bồi thường không có quyền yêu cầu bồi thường",
  đ: "hồ sơ không được bổ sung trong thời hạn quy định tại khoản 3 Điều 42",
  e: "yêu cầu bồi thường đã được Tòa án có thẩm quyền thụ lý theo thủ tục tố tụng dân sự (điểm a khoản 1 Điều 52)",
  g: "yêu cầu bồi thường đã được Tòa án có thẩm quyền chấp nhận theo khoản 1 Điều 55",
  h: "yêu cầu bồi thường đã được giải quyết bằng bản án, quyết định đã có hiệu lực pháp luật",
};

export const acceptanceNotice = defineBuilder(
  {
    id: "acceptance_notice",
    name_vi: "Thông báo về việc thụ lý / không thụ lý hồ sơ yêu cầu bồi thường",
    kind: "notice",
    form_code: "Mẫu 03/BTNN",
    basis: ["Thông tư 04/2018/TT-BTP, Mẫu 03/BTNN", "Luật TNBTCNN 2017, Điều 43 khoản 1, 2, 4"],
    form_text_verified: false,
    note_vi: "Nội dung theo Điều 43 Luật TNBTCNN 2017; lời văn của Mẫu 03/BTNN chưa được đối chiếu.",
  },
  acceptanceNoticeSchema,
  (i) => {
    const c = i.claimant;
    const body: BlockInput[] = [
      p(
        `Ngày ${formatVi(i.file_received_on)}, ${i.issuer.name} nhận được hồ sơ yêu cầu bồi thường hợp lệ của ${c.name}, địa chỉ: ${c.address}.`,
      ),
    ];
    if (i.decision === "accepted") {
      body.push(
        p(
          `Căn cứ khoản 1 Điều 43 Luật Trách nhiệm bồi thường của Nhà nước, ${i.issuer.name} thông báo: hồ sơ yêu cầu bồi thường của ${c.name} đã được thụ lý ngày ${formatVi(i.accepted_on!)}${i.register_entry ? `, vào sổ thụ lý số ${i.register_entry}` : ""}.`,
        ),
        p(
          "Cơ quan giải quyết bồi thường sẽ cử người giải quyết bồi thường và tiến hành xác minh thiệt hại, thương lượng việc bồi thường theo quy định của Luật Trách nhiệm bồi thường của Nhà nước./.",
        ),
      );
    } else {
      const grounds = [...new Set(i.refusal_grounds ?? [])];
      body.push(
        p(
          `Căn cứ điểm ${joinVi(grounds)} khoản 2 Điều 43 Luật Trách nhiệm bồi thường của Nhà nước, ${i.issuer.name} thông báo không thụ lý hồ sơ yêu cầu bồi thường của ${c.name}.`,
        ),
        p(
          `Lý do: ${grounds.map((g) => REFUSAL_GROUND_VI[g]).join("; ")}${i.refusal_reason ? `. ${i.refusal_reason.replace(/\.$/, "")}` : ""}.`,
        ),
      );
      if (grounds.includes("a") && i.competent_agency)
        body.push(
          p(`Đề nghị ${c.name} gửi yêu cầu bồi thường đến ${i.competent_agency} để được giải quyết theo quy định.`),
        );
      body.push(
        p(
          "Hồ sơ yêu cầu bồi thường được trả lại kèm theo Thông báo này theo quy định tại khoản 4 Điều 43 Luật Trách nhiệm bồi thường của Nhà nước./.",
        ),
      );
    }
    return {
      ...baseDocument(i, "notice", { recipients: [`${c.name} (người yêu cầu bồi thường)`, i.state_management_agency] }),
      title: "THÔNG BÁO",
      title_summary:
        i.decision === "accepted"
          ? "Về việc thụ lý hồ sơ yêu cầu bồi thường"
          : "Về việc không thụ lý hồ sơ yêu cầu bồi thường",
      body,
    };
  },
);
