// Mẫu 09/BTNN — Quyết định giải quyết bồi thường (Thông tư 04/2018/TT-BTP Điều 3).
// Content: Luật TNBTCNN 2017 Điều 47 khoản 2 — a) name and address of the claimant; b) căn cứ xác định trách nhiệm
// bồi thường; c) the Điều 46 khoản 5 items (types of damage, amount, restoration of other rights, payment method,
// other matters); d) amount already advanced under Điều 44. Issued right after the minutes of a successful
// negotiation and handed over at the session (khoản 1); effective 15 days after handover (khoản 2, legal-addendum §2).
import { formatVi } from "../../domain/shared/dates.ts";
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, damageTable, defineBuilder, docRefText, money, p, sumAmounts } from "./common.ts";
import { compensationDecisionSchema } from "./compensation-decision.types.ts";

export const LAW_2017_BASIS = "Căn cứ Luật Trách nhiệm bồi thường của Nhà nước ngày 20 tháng 6 năm 2017";
export const ND68_BASIS =
  "Căn cứ Nghị định số 68/2018/NĐ-CP ngày 15 tháng 5 năm 2018 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Trách nhiệm bồi thường của Nhà nước";

export const compensationDecision = defineBuilder(
  {
    id: "compensation_decision",
    name_vi: "Quyết định giải quyết bồi thường",
    kind: "decision",
    form_code: "Mẫu 09/BTNN",
    basis: [
      "Thông tư 04/2018/TT-BTP, Mẫu 09/BTNN",
      "Luật TNBTCNN 2017, Điều 47 khoản 1, 2",
      "Luật TNBTCNN 2017, Điều 44",
    ],
    form_text_verified: false,
    note_vi: "Nội dung theo khoản 2 Điều 47 Luật TNBTCNN 2017; lời văn của Mẫu 09/BTNN chưa được đối chiếu.",
  },
  compensationDecisionSchema,
  (i) => {
    const total = sumAmounts(i.items);
    const minutes = `Biên bản kết quả thương lượng${i.negotiation_minutes.number_symbol ? ` số ${i.negotiation_minutes.number_symbol}` : ""} ngày ${formatVi(i.negotiation_minutes.date)}`;
    const legal_bases = [
      LAW_2017_BASIS,
      ND68_BASIS,
      ...(i.extra_legal_bases ?? []),
      `Căn cứ ${minutes}`,
      `Theo đề nghị của ${i.proposed_by ?? "người giải quyết bồi thường"}`,
    ];
    const c = i.claimant;
    const body: BlockInput[] = [
      { type: "centered", text: "QUYẾT ĐỊNH:", bold: true },
      {
        type: "article",
        label: "Điều 1.",
        text: `Giải quyết bồi thường cho ${c.name}${c.capacity ? ` (${c.capacity})` : ""}, địa chỉ: ${c.address}${c.id_number ? `, số định danh cá nhân: ${c.id_number}` : ""}${i.claim_code ? ` (mã vụ việc ${i.claim_code})` : ""}.`,
      },
      p(
        `Căn cứ xác định trách nhiệm bồi thường của Nhà nước: ${docRefText(i.basis_document)}${i.liability_basis ? `; ${i.liability_basis.replace(/\.$/, "")}` : ""}.`,
      ),
      { type: "article", label: "Điều 2.", text: "Các khoản thiệt hại được bồi thường và số tiền bồi thường:" },
      damageTable(i.items),
      p(`Tổng số tiền bồi thường: ${money(total)}.`),
      p(
        `Số tiền đã tạm ứng theo quy định tại Điều 44 Luật Trách nhiệm bồi thường của Nhà nước: ${i.advance_paid ? money(i.advance_paid) : "không có"}.`,
      ),
      p(`Số tiền còn phải chi trả: ${money(total - (i.advance_paid ?? 0))}.`),
      p(`Khôi phục quyền, lợi ích hợp pháp khác: ${i.restoration_of_other_rights ?? "không có"}.`),
      p(`Phương thức chi trả: ${i.payment_method ?? "chi trả một lần"}.`),
    ];
    if (i.other_matters) body.push(p(`Các nội dung khác: ${i.other_matters}.`));
    body.push(
      {
        type: "article",
        label: "Điều 3.",
        text: "Quyết định này có hiệu lực sau 15 ngày kể từ ngày trao cho người yêu cầu bồi thường, trừ trường hợp người yêu cầu bồi thường khởi kiện yêu cầu Tòa án giải quyết bồi thường theo quy định tại khoản 2 Điều 52 Luật Trách nhiệm bồi thường của Nhà nước.",
      },
      {
        type: "article",
        label: "Điều 4.",
        text: `${i.executors.join(", ")} chịu trách nhiệm thi hành Quyết định này./.`,
      },
    );
    return {
      ...baseDocument(i, "decision", {
        recipients: [
          "Như Điều 4",
          `${c.name} (người yêu cầu bồi thường)`,
          "Cơ quan quản lý nhà nước về công tác bồi thường nhà nước",
        ],
      }),
      title: "QUYẾT ĐỊNH",
      title_summary: "Về việc giải quyết bồi thường",
      issuing_authority: i.issuing_authority,
      legal_bases,
      body,
    };
  },
);
