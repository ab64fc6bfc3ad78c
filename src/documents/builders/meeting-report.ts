// Báo cáo kết quả cuộc họp / báo cáo kết quả công tác tại địa phương (đoàn công tác).
// Basis: KH 2021 mục II.2 (phối hợp giải quyết vụ việc phức tạp, tồn đọng, kéo dài; output "Báo cáo kết quả cuộc họp
// hoặc báo cáo kết quả công tác tại địa phương"). No official form: Decree 30 layout.
import { formatVi } from "../../domain/shared/dates.ts";
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, defineBuilder, docRefText, p } from "./common.ts";
import { meetingReportSchema } from "./meeting-report.types.ts";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

export const meetingReport = defineBuilder(
  {
    id: "meeting_report",
    name_vi: "Báo cáo kết quả cuộc họp / đoàn công tác",
    kind: "report",
    form_code: null,
    basis: ["KH 2021 mục II.2"],
    form_text_verified: false,
    note_vi: "Không có mẫu ban hành; trình bày theo thể thức Nghị định 30/2020/NĐ-CP.",
  },
  meetingReportSchema,
  (i) => {
    const trip = i.variant === "field_trip";
    const body: BlockInput[] = [];
    let n = 0;
    const h = (t: string) => body.push({ type: "heading", text: `${ROMAN[n++]}. ${t}` });
    if (i.mandate)
      body.push(
        p(
          `Thực hiện ${docRefText(i.mandate)}, ${i.issuer.name} báo cáo kết quả ${trip ? "công tác" : "cuộc họp"} như sau:`,
        ),
      );
    h(trip ? "THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM CÔNG TÁC" : "THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM CUỘC HỌP");
    const when =
      i.held_until && i.held_until !== i.held_on
        ? `Từ ngày ${formatVi(i.held_on)} đến ngày ${formatVi(i.held_until)}`
        : `Ngày ${formatVi(i.held_on)}`;
    body.push({ type: "field", label: "Thời gian", value: when });
    body.push({ type: "field", label: "Địa điểm", value: i.venue });
    if (i.chair) body.push({ type: "field", label: trip ? "Trưởng đoàn" : "Chủ trì", value: i.chair });
    body.push({ type: "field", label: "Thành phần", value: "" }, { type: "list", items: i.participants });
    if (i.cases?.length) {
      h("CÁC VỤ VIỆC ĐƯỢC XEM XÉT");
      body.push({
        type: "table",
        columns: ["STT", "Mã vụ việc", "Người yêu cầu bồi thường", "Cơ quan giải quyết", "Tình hình", "Hướng xử lý"],
        rows: i.cases.map((c, k) => [
          String(k + 1),
          c.claim_code ?? "",
          c.claimant,
          c.handling_agency,
          c.status,
          c.direction ?? "",
        ]),
        widths: [0.5, 1.2, 1.6, 1.8, 2.2, 2.2],
        align: ["center", "left", "left", "left", "left", "left"],
      });
    }
    h(trip ? "KẾT QUẢ CÔNG TÁC" : "NỘI DUNG, KẾT QUẢ CUỘC HỌP");
    i.results.forEach((s, k) => {
      body.push({ type: "heading", text: `${k + 1}. ${s.heading}` });
      for (const para of s.paragraphs) body.push(p(para));
    });
    h("KẾT LUẬN");
    body.push({ type: "list", items: i.conclusions });
    if (i.proposals?.length) {
      h("ĐỀ XUẤT, KIẾN NGHỊ");
      body.push({ type: "list", items: i.proposals });
    }
    body.push(
      p(`Trên đây là báo cáo kết quả ${trip ? "công tác tại địa phương" : "cuộc họp"} của ${i.issuer.name}./.`),
    );
    return {
      ...baseDocument(i, "report", { recipients: i.report_to ?? ["Lãnh đạo Bộ (để báo cáo)"] }),
      title: "BÁO CÁO",
      title_summary: trip ? `Kết quả công tác tại địa phương về ${i.topic}` : `Kết quả cuộc họp về ${i.topic}`,
      body,
    };
  },
);
