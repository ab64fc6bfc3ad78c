// Báo cáo kết quả kiểm tra công tác bồi thường nhà nước.
// Basis: KH 2021 mục II.10 (output "Báo cáo kiểm tra", then exchange of information and a report to the Ministry's
// leadership); Thông tư 08/2019/TT-BTP Chương on kiểm tra (Điều 16–23 per a third-party source — unverified).
import { formatVi } from "../../domain/shared/dates.ts";
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, defineBuilder, docRefText, p } from "./common.ts";
import { inspectionReportSchema } from "./inspection-report.types.ts";

export const inspectionReport = defineBuilder(
  {
    id: "inspection_report",
    name_vi: "Báo cáo kết quả kiểm tra",
    kind: "report",
    form_code: null,
    basis: ["KH 2021 mục II.10", "Thông tư 08/2019/TT-BTP (kiểm tra; số điều chưa đối chiếu)"],
    request_kind: "inspection",
    form_text_verified: false,
    note_vi: "Không có mẫu ban hành; trình bày theo thể thức Nghị định 30/2020/NĐ-CP.",
  },
  inspectionReportSchema,
  (i) => {
    const body: BlockInput[] = [
      p(
        `Thực hiện ${docRefText(i.mandate)}, ngày ${formatVi(i.inspected_on)}, Đoàn kiểm tra đã tiến hành kiểm tra công tác bồi thường nhà nước tại ${i.inspected_agency} (thời kỳ kiểm tra: ${i.period}). ${i.issuer.name} báo cáo kết quả kiểm tra như sau:`,
      ),
      { type: "heading", text: "I. THÀNH PHẦN ĐOÀN KIỂM TRA" },
      { type: "list", items: i.team },
    ];
    let n = 2;
    const ROMAN = ["", "I", "II", "III", "IV", "V", "VI"];
    if (i.overview?.length) {
      body.push({ type: "heading", text: `${ROMAN[n++]}. KHÁI QUÁT TÌNH HÌNH` });
      for (const t of i.overview) body.push(p(t));
    }
    body.push({ type: "heading", text: `${ROMAN[n++]}. KẾT QUẢ KIỂM TRA` });
    i.results.forEach((s, k) => {
      body.push({ type: "heading", text: `${k + 1}. ${s.heading}` });
      for (const t of s.paragraphs) body.push(p(t));
    });
    if (i.shortcomings?.length) {
      body.push({ type: "heading", text: `${ROMAN[n++]}. TỒN TẠI, HẠN CHẾ` });
      body.push({ type: "list", items: i.shortcomings });
    }
    body.push({ type: "heading", text: `${ROMAN[n++]}. KIẾN NGHỊ` });
    body.push({ type: "list", items: i.recommendations });
    body.push(p(`Trên đây là báo cáo kết quả kiểm tra công tác bồi thường nhà nước tại ${i.inspected_agency}./.`));
    return {
      ...baseDocument(i, "report", {
        recipients: [...(i.report_to ?? ["Lãnh đạo Bộ (để báo cáo)"]), i.inspected_agency],
      }),
      title: "BÁO CÁO",
      title_summary: `Kết quả kiểm tra công tác bồi thường nhà nước tại ${i.inspected_agency}`,
      body,
    };
  },
);
