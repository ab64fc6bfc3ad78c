// Papers of the claim file (hồ sơ yêu cầu bồi thường), Luật TNBTCNN 2017, Điều 41 (brief §1.2 [S]; addendum §2 cites
// Điều 41 k1 c–d and k2). Wording of the capacity papers (khoản 2) is not read: unverified.
import type { Confidence } from "../legal/parameters.ts";
import type { BasisAnswer, Capacity } from "./interview.ts";

export type Paper = {
  id: string;
  text: string;
  help?: string;
  cite: string;
  confidence: Confidence;
  /** The portal can produce it (the filled Mẫu 01/BTNN). */
  generated?: boolean;
};

export function papersFor(input: { capacity: Capacity; has_basis_document: BasisAnswer }): Paper[] {
  const out: Paper[] = [
    {
      id: "claim_request",
      text: "Văn bản yêu cầu bồi thường (Mẫu 01/BTNN ban hành kèm Thông tư 04/2018/TT-BTP)",
      help: "Cổng này điền sẵn văn bản từ câu trả lời của bạn; bạn in, ký và nộp.",
      cite: "Luật TNBTCNN 2017, Điều 41 khoản 1 điểm a; Thông tư 04/2018/TT-BTP, Điều 3",
      confidence: "confirmed",
      generated: true,
    },
    {
      id: "basis_document",
      text: "Văn bản làm căn cứ yêu cầu bồi thường",
      help:
        input.has_basis_document === "yes"
          ? "Bản sao văn bản bạn đã nhận."
          : "Nếu bạn không được gửi hoặc không thể có văn bản này, ghi rõ trong văn bản yêu cầu để cơ quan giải quyết bồi thường đề nghị cơ quan có thẩm quyền cung cấp (Luật TNBTCNN 2017, Điều 42 khoản 2 điểm b).",
      cite: "Luật TNBTCNN 2017, Điều 41 khoản 1 điểm b",
      confidence: "confirmed",
    },
    {
      id: "identity",
      text: "Giấy tờ chứng minh nhân thân của người bị thiệt hại (thẻ Căn cước công dân, Căn cước hoặc hộ chiếu)",
      cite: "Luật TNBTCNN 2017, Điều 41 khoản 1 điểm c",
      confidence: "confirmed",
    },
    {
      id: "evidence",
      text: "Tài liệu, chứng cứ có liên quan đến yêu cầu bồi thường",
      help: "Ví dụ: biên bản kê biên, hóa đơn, giấy tờ về tài sản, giấy xác nhận thu nhập, hồ sơ bệnh án, chứng từ chi phí.",
      cite: "Luật TNBTCNN 2017, Điều 41 khoản 1 điểm d",
      confidence: "confirmed",
    },
  ];
  const capacity: Partial<Record<Capacity, string>> = {
    heir: "Giấy chứng tử của người bị thiệt hại và giấy tờ chứng minh bạn là người thừa kế",
    successor_org: "Giấy tờ chứng minh tổ chức của bạn kế thừa quyền, nghĩa vụ của tổ chức bị thiệt hại",
    legal_representative: "Giấy tờ chứng minh bạn là người đại diện theo pháp luật của người bị thiệt hại",
    authorised: "Văn bản ủy quyền hợp pháp của người có quyền yêu cầu bồi thường",
  };
  const extra = capacity[input.capacity];
  if (extra) {
    out.push({
      id: "capacity_proof",
      text: extra,
      cite: "Luật TNBTCNN 2017, Điều 41 khoản 2",
      confidence: "unverified",
    });
  }
  return out;
}
