// Mẫu 08/BTNN — Biên bản kết quả thương lượng việc bồi thường (Thông tư 04/2018/TT-BTP).
// Content: Luật TNBTCNN 2017 Điều 46 khoản 5 (types of damage, amount, restoration of other rights, payment method,
// other matters), khoản 6 (order of the session), khoản 7 (minutes), khoản 8 (agreed → decision under Điều 47;
// not agreed → the claimant may sue under Điều 52 khoản 2).
import { formatVi } from "../../domain/shared/dates.ts";
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, damageTable, defineBuilder, money, p, sumAmounts } from "./common.ts";
import { negotiationMinutesSchema } from "./negotiation-minutes.types.ts";

export const negotiationMinutes = defineBuilder(
  {
    id: "negotiation_minutes",
    name_vi: "Biên bản kết quả thương lượng",
    kind: "minutes",
    form_code: "Mẫu 08/BTNN",
    basis: ["Thông tư 04/2018/TT-BTP, Mẫu 08/BTNN", "Luật TNBTCNN 2017, Điều 46 khoản 5, 6, 7, 8"],
    request_kind: "verification_negotiation",
    form_text_verified: false,
    note_vi: "Nội dung theo Điều 46 Luật TNBTCNN 2017; lời văn của Mẫu 08/BTNN chưa được đối chiếu.",
  },
  negotiationMinutesSchema,
  (i) => {
    const who = (x: { name: string; position: string }) => `Ông/Bà ${x.name}, ${x.position}`;
    const body: BlockInput[] = [
      p(
        `Vào hồi ${i.start_time}, ngày ${formatVi(i.held_on)}, tại ${i.venue}, ${i.handling_agency} tổ chức thương lượng việc bồi thường${i.claim_code ? ` (mã vụ việc ${i.claim_code})` : ""}.`,
      ),
      { type: "heading", text: "I. THÀNH PHẦN" },
      { type: "field", label: `1. Đại diện ${i.handling_agency}`, value: "" },
      { type: "list", items: i.agency_representatives.map(who) },
      {
        type: "field",
        label: "2. Người yêu cầu bồi thường",
        value: `${i.claimant.name}${i.claimant.capacity ? ` (${i.claimant.capacity})` : ""}; địa chỉ: ${i.claimant.address}`,
      },
    ];
    let n = 3;
    if (i.official)
      body.push({ type: "field", label: `${n++}. Người thi hành công vụ gây thiệt hại`, value: who(i.official) });
    if (i.finance_representative)
      body.push({ type: "field", label: `${n++}. Đại diện cơ quan tài chính`, value: who(i.finance_representative) });
    if (i.state_management_representative)
      body.push({
        type: "field",
        label: `${n++}. Đại diện cơ quan quản lý nhà nước về công tác bồi thường nhà nước`,
        value: who(i.state_management_representative),
      });
    if (i.others?.length) {
      body.push({ type: "field", label: `${n++}. Thành phần khác`, value: "" });
      body.push({ type: "list", items: i.others.map(who) });
    }
    body.push({ type: "heading", text: "II. DIỄN BIẾN THƯƠNG LƯỢNG" });
    body.push(
      p(
        "Việc thương lượng được tiến hành theo trình tự quy định tại khoản 6 Điều 46 Luật Trách nhiệm bồi thường của Nhà nước: người yêu cầu bồi thường trình bày yêu cầu và chứng cứ; người giải quyết bồi thường công bố báo cáo xác minh thiệt hại; các bên trao đổi, thỏa thuận; ý kiến của đại diện cơ quan tài chính và cơ quan quản lý nhà nước về công tác bồi thường nhà nước (nếu có).",
      ),
    );
    body.push({ type: "heading", text: "III. KẾT QUẢ THƯƠNG LƯỢNG" });
    if (i.outcome === "agreed") {
      const items = i.items ?? [];
      const total = sumAmounts(items);
      body.push(p("Các bên thống nhất thương lượng thành với các nội dung sau:"));
      body.push({ type: "heading", text: "1. Loại thiệt hại và số tiền bồi thường" });
      body.push(damageTable(items));
      body.push(p(`Tổng số tiền bồi thường: ${money(total)}.`));
      if (i.advance_paid !== undefined) {
        body.push(p(`Số tiền đã tạm ứng: ${money(i.advance_paid)}.`));
        body.push(p(`Số tiền còn phải chi trả: ${money(total - i.advance_paid)}.`));
      }
      body.push({
        type: "field",
        label: "2. Khôi phục quyền, lợi ích hợp pháp khác",
        value: i.restoration_of_other_rights ?? "Không có.",
      });
      body.push({
        type: "field",
        label: "3. Phương thức chi trả",
        value: i.payment_method ?? "Chi trả một lần bằng tiền mặt hoặc chuyển khoản.",
      });
      body.push({ type: "field", label: "4. Các nội dung khác", value: i.other_matters ?? "Không có." });
    } else {
      body.push(p("Thương lượng không thành. Nội dung các bên không thống nhất:"));
      body.push(p(i.disagreement!));
      body.push(
        p(
          "Người yêu cầu bồi thường có quyền khởi kiện yêu cầu Tòa án giải quyết bồi thường theo quy định tại khoản 2 Điều 52 Luật Trách nhiệm bồi thường của Nhà nước.",
        ),
      );
    }
    body.push(
      p(
        `Buổi thương lượng kết thúc vào hồi ${i.end_time} cùng ngày. Biên bản được lập thành ${String(i.copies ?? 4).padStart(2, "0")} bản, đã đọc lại cho những người tham gia cùng nghe, thống nhất và ký tên dưới đây.`,
      ),
    );
    return {
      ...baseDocument(i, "minutes"),
      title: "BIÊN BẢN",
      title_summary: "Kết quả thương lượng việc bồi thường",
      body,
      co_signatures: [{ title: "Người yêu cầu bồi thường", name: i.claimant.name }, ...(i.extra_signatures ?? [])],
    };
  },
);
