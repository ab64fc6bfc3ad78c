// Mẫu 07/BTNN — Báo cáo xác minh thiệt hại (Thông tư 04/2018/TT-BTP).
// Content: Luật TNBTCNN 2017 Điều 45 (k2: 15/30 days from thụ lý, extension by agreement ≤ 15 days; k3: report within
// 03 working days after verification ends, basis for negotiation; k4: participants); Nghị định 68/2018/NĐ-CP Điều 14,
// Điều 20 khoản 4 (the report records the extension agreement, if any).
import { DAMAGE_HEAD_VI } from "../../domain/claims/event-data.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { formatMoneyVi } from "../money.ts";
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, defineBuilder, docRefText, money, p, sumAmounts } from "./common.ts";
import { damageVerificationReportSchema } from "./damage-verification-report.types.ts";

const num = (n: number) => formatMoneyVi(n).replace(/ đồng$/, "");

export const damageVerificationReport = defineBuilder(
  {
    id: "damage_verification_report",
    name_vi: "Báo cáo xác minh thiệt hại",
    kind: "report",
    form_code: "Mẫu 07/BTNN",
    basis: [
      "Thông tư 04/2018/TT-BTP, Mẫu 07/BTNN",
      "Luật TNBTCNN 2017, Điều 45 khoản 2, 3, 4",
      "Nghị định 68/2018/NĐ-CP, Điều 14 khoản 2, Điều 20 khoản 4",
    ],
    request_kind: "verification_negotiation",
    form_text_verified: false,
    note_vi:
      "Nội dung theo Điều 45 Luật TNBTCNN 2017 và Nghị định 68/2018; lời văn của Mẫu 07/BTNN chưa được đối chiếu.",
  },
  damageVerificationReportSchema,
  (i) => {
    const c = i.claimant;
    const body: BlockInput[] = [
      p(
        `Thực hiện nhiệm vụ được giao, ngày ${formatVi(i.verification_from)} đến ngày ${formatVi(i.verification_to)}, người giải quyết bồi thường đã tiến hành xác minh thiệt hại đối với hồ sơ yêu cầu bồi thường${i.claim_code ? ` (mã vụ việc ${i.claim_code})` : ""} được thụ lý ngày ${formatVi(i.accepted_on)}, kết quả như sau:`,
      ),
      { type: "heading", text: "I. THÔNG TIN CHUNG" },
      { type: "field", label: "Người giải quyết bồi thường", value: `${i.officer.name}, ${i.officer.position}` },
      { type: "field", label: "Người yêu cầu bồi thường", value: c.name + (c.capacity ? ` (${c.capacity})` : "") },
      { type: "field", label: "Địa chỉ", value: c.address },
      { type: "field", label: "Văn bản làm căn cứ yêu cầu bồi thường", value: docRefText(i.basis_document) },
    ];
    if (i.participants?.length) {
      body.push({
        type: "field",
        label: "Đại diện cơ quan tham gia xác minh (khoản 4 Điều 45 Luật TNBTCNN)",
        value: "",
      });
      body.push({ type: "list", items: i.participants });
    }
    body.push({ type: "heading", text: "II. HOẠT ĐỘNG XÁC MINH" });
    body.push({
      type: "list",
      items: i.methods?.length ? i.methods : ["Nghiên cứu hồ sơ yêu cầu bồi thường và tài liệu, chứng cứ kèm theo"],
    });
    body.push({ type: "heading", text: "III. KẾT QUẢ XÁC MINH THIỆT HẠI" });
    const rows = i.items.map((d, k) => [
      String(k + 1),
      DAMAGE_HEAD_VI[d.type],
      d.description,
      num(d.claimed_amount),
      num(d.verified_amount),
      d.basis ?? "",
    ]);
    const claimed = sumAmounts(i.items.map((d) => ({ amount: d.claimed_amount })));
    const verified = sumAmounts(i.items.map((d) => ({ amount: d.verified_amount })));
    rows.push(["", "Tổng cộng", "", num(claimed), num(verified), ""]);
    body.push({
      type: "table",
      columns: [
        "STT",
        "Loại thiệt hại",
        "Nội dung",
        "Số tiền yêu cầu (đồng)",
        "Kết quả xác minh (đồng)",
        "Căn cứ xác minh",
      ],
      rows,
      widths: [0.5, 1.8, 2.2, 1.4, 1.4, 1.8],
      align: ["center", "left", "left", "right", "right", "left"],
      total_row: true,
    });
    body.push(p(`Tổng số tiền yêu cầu bồi thường: ${money(claimed)}.`));
    body.push(p(`Tổng giá trị thiệt hại được xác minh: ${money(verified)}.`));
    body.push({ type: "heading", text: "IV. THỎA THUẬN KÉO DÀI THỜI HẠN XÁC MINH (nếu có)" });
    if (i.extension) {
      body.push(
        p(
          `Ngày ${formatVi(i.extension.agreed_on)}, người yêu cầu bồi thường và người giải quyết bồi thường thỏa thuận kéo dài thời hạn xác minh thiệt hại đến ngày ${formatVi(i.extension.extended_until)} theo quy định tại khoản 2 Điều 45 Luật Trách nhiệm bồi thường của Nhà nước. Lý do kéo dài: ${i.extension.reason.replace(/\.$/, "")}.`,
        ),
      );
    } else body.push(p("Không có."));
    body.push({ type: "heading", text: "V. KẾT LUẬN" });
    body.push(
      p(
        i.conclusion ??
          "Báo cáo xác minh thiệt hại này là căn cứ để tiến hành thương lượng việc bồi thường theo quy định tại khoản 3 Điều 45 và Điều 46 Luật Trách nhiệm bồi thường của Nhà nước.",
      ),
    );
    return {
      ...baseDocument(i, "report", {
        recipients: ["Thủ trưởng cơ quan giải quyết bồi thường (để báo cáo)", "Hồ sơ vụ việc"],
      }),
      title: "BÁO CÁO",
      title_summary: "Xác minh thiệt hại",
      body,
    };
  },
);
