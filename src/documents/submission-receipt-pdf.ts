// Phiếu tiếp nhận (receipt) of an online submission: the receipt code, when and what was received, which agency holds
// it, and the date by which it must answer with the reason ("Vì sao ngày này?"), printed with pdfmake (Roboto).
import { formatReceiptCode, type StatutoryDate, SUBMISSION_STEP_VI } from "../domain/portal/index.ts";
import { formatVi } from "../domain/shared/dates.ts";
import { MOTTO, NATIONAL_TITLE } from "./nd30/constants.ts";
import { renderPdf } from "./pdf/render.ts";

export type ReceiptInput = {
  code: string;
  kind: "claim" | "support";
  submitted_on: string;
  submitted_at_vn: string;
  person_name: string;
  agency_name: string;
  determined_by_so_tu_phap: boolean;
  answer_by: StatutoryDate | null;
  files: Array<{ title: string; file_name: string }>;
  consent_version: string;
  status_url?: string;
};

export function receiptDefinition(r: ReceiptInput) {
  const kindVi =
    r.kind === "claim" ? "Hồ sơ yêu cầu bồi thường" : "Đề nghị hỗ trợ thực hiện thủ tục yêu cầu bồi thường";
  return {
    info: { title: `Phiếu tiếp nhận ${formatReceiptCode(r.code)}`, creator: "BTNN — Cổng công dân" },
    pageSize: "A4",
    pageMargins: [60, 50, 50, 50],
    defaultStyle: { fontSize: 11.5, lineHeight: 1.15 },
    content: [
      { text: NATIONAL_TITLE, bold: true, alignment: "center", fontSize: 11 },
      { text: MOTTO, bold: true, alignment: "center" },
      { text: "PHIẾU TIẾP NHẬN", bold: true, fontSize: 15, alignment: "center", margin: [0, 18, 0, 2] },
      { text: kindVi, alignment: "center", margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [150, "*"],
          body: [
            ["Mã hồ sơ", { text: formatReceiptCode(r.code), bold: true, fontSize: 14 }],
            ["Thời điểm tiếp nhận", r.submitted_at_vn],
            ["Người gửi", r.person_name],
            [
              "Cơ quan tiếp nhận",
              r.agency_name + (r.determined_by_so_tu_phap ? " (xác định cơ quan giải quyết bồi thường)" : ""),
            ],
            ["Tình trạng", SUBMISSION_STEP_VI.received],
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 0, 0, 10],
      },
      ...(r.answer_by
        ? [
            { text: `Hạn trả lời: ${formatVi(r.answer_by.date)}`, bold: true, margin: [0, 4, 0, 2] },
            { text: `${r.answer_by.label} — ${r.answer_by.basis}`, margin: [0, 0, 0, 4] },
            { text: "Vì sao ngày này?", italics: true },
            { ul: r.answer_by.explanation.map((s) => s.text), fontSize: 10, margin: [0, 2, 0, 8] },
          ]
        : [
            {
              text: "Thông tư 09/2019/TT-BTP không quy định thời hạn trả lời đề nghị hỗ trợ; cơ quan sẽ liên hệ với bạn.",
              margin: [0, 4, 0, 8],
            },
          ]),
      ...(r.files.length
        ? [
            { text: "Tài liệu đã nhận:", bold: true },
            { ol: r.files.map((f) => `${f.title} (${f.file_name})`), margin: [0, 2, 0, 8] },
          ]
        : []),
      {
        text:
          "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số điện thoại (hoặc 4 số cuối giấy tờ tùy thân) bạn đã khai" +
          (r.status_url ? ` tại ${r.status_url}.` : " trên Cổng công dân."),
        margin: [0, 4, 0, 4],
      },
      {
        text: `Bạn đã đồng ý xử lý dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15), nội dung phiên bản ${r.consent_version}; bạn tự xem dữ liệu, đề nghị sửa hoặc rút lại sự đồng ý trên Cổng, tại trang “Tra cứu hồ sơ”, mục “Dữ liệu cá nhân của bạn”, bằng mã hồ sơ này.`,
        fontSize: 9.5,
        italics: true,
      },
    ],
  };
}

export async function buildReceiptPdf(r: ReceiptInput): Promise<Buffer> {
  return renderPdf(receiptDefinition(r));
}
