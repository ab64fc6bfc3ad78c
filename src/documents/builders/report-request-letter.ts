// Công văn yêu cầu báo cáo về việc giải quyết bồi thường, thực hiện trách nhiệm hoàn trả và xử lý kỷ luật.
// Basis: Thông tư 08/2019/TT-BTP Điều 11 khoản 2 (Bộ Tư pháp asks the UBND cấp tỉnh to direct handling agencies to
// report), Điều 9 khoản 1 (căn cứ theo dõi), KH 2021 mục II.5.1. The "Căn cứ …" is the citation of the routing rule
// carried out (default: KH2021.II.5.1.a through the province, KH2021.II.5.1.b when Tổng cục THADS asks directly).
import { formatVi } from "../../domain/shared/dates.ts";
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, citedRule, closingLine, defineBuilder, docRefText, joinVi, p } from "./common.ts";
import { type MonitoringGround, reportRequestLetterSchema } from "./report-request-letter.types.ts";

const TT08 = "Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp";

/** Thông tư 08/2019/TT-BTP, Điều 9 khoản 1 — căn cứ theo dõi, summarised. */
export const MONITORING_GROUND_VI: Record<MonitoringGround, string> = {
  a: "báo cáo về việc giải quyết bồi thường, thực hiện trách nhiệm hoàn trả, xử lý kỷ luật",
  b: "báo cáo về việc thực hiện công tác bồi thường nhà nước",
  c: "bản án, quyết định của Tòa án có nội dung giải quyết bồi thường",
  d: "quyết định giải quyết bồi thường của cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại",
  đ: "đề nghị hướng dẫn nghiệp vụ, giải đáp vướng mắc, yêu cầu hỗ trợ, hướng dẫn người bị thiệt hại",
  e: "kết quả thanh tra, kiểm tra",
  g: "thông tin trên phương tiện thông tin đại chúng",
  h: "khiếu nại, tố cáo, kiến nghị, phản ánh",
  i: "thông tin khác có liên quan",
};

const DEFAULT_CONTENTS = [
  "Tình hình, kết quả giải quyết yêu cầu bồi thường (thụ lý, xác minh thiệt hại, thương lượng, quyết định giải quyết bồi thường, chi trả tiền bồi thường)",
  "Việc xem xét, thực hiện trách nhiệm hoàn trả của người thi hành công vụ gây thiệt hại",
  "Việc xem xét xử lý kỷ luật người thi hành công vụ gây thiệt hại",
  "Khó khăn, vướng mắc và đề xuất, kiến nghị (nếu có)",
];

export const reportRequestLetter = defineBuilder(
  {
    id: "report_request_letter",
    name_vi: "Công văn yêu cầu báo cáo",
    kind: "letter",
    form_code: null,
    basis: [
      "Thông tư 08/2019/TT-BTP, Điều 11 khoản 2",
      "Thông tư 08/2019/TT-BTP, Điều 9 khoản 1",
      "KH 2021 mục II.5.1",
    ],
    request_kind: "report_request",
    form_text_verified: false,
    note_vi: "Không có mẫu ban hành; trình bày theo thể thức Nghị định 30/2020/NĐ-CP.",
  },
  reportRequestLetterSchema,
  (i) => {
    const viaProvince = i.via_province ?? true;
    const { citation, footer } = citedRule(i.rule ?? (viaProvince ? "KH2021.II.5.1.a" : "KH2021.II.5.1.b"));
    const grounds = [...new Set(i.monitoring_grounds)];
    const groundText = `điểm ${joinVi(grounds)} khoản 1 Điều 9 ${TT08} (${grounds.map((g) => MONITORING_GROUND_VI[g]).join("; ")})`;
    const evidence = (i.evidence ?? []).map(docRefText);
    const body: BlockInput[] = [
      p(
        `${evidence.length ? `Qua ${joinVi(evidence)}, ` : ""}${i.issuer.name} theo dõi ${i.matter.replace(/\.$/, "")}. Đây là căn cứ theo dõi quy định tại ${groundText}.`,
      ),
      p(
        viaProvince
          ? `Căn cứ ${citation!.cite}, ${i.issuer.name} đề nghị ${joinVi(i.addressees)} chỉ đạo ${i.reporting_agency} báo cáo các nội dung sau:`
          : `Căn cứ ${citation!.cite}, ${i.issuer.name} đề nghị ${i.reporting_agency} báo cáo các nội dung sau:`,
      ),
      { type: "list", items: i.contents ?? DEFAULT_CONTENTS, marker: "1." },
    ];
    const to = [i.issuer.name, ...(i.send_copy_to ?? [])];
    const by = i.report_by ? ` trước ngày ${formatVi(i.report_by)}` : "";
    body.push(p(closingLine(`Báo cáo đề nghị gửi về ${joinVi(to)}${by} để phối hợp theo dõi`)));
    return {
      ...footer,
      ...baseDocument(i, "letter", {
        recipients: [
          "Như trên",
          ...(viaProvince ? [`${i.reporting_agency} (để thực hiện)`] : []),
          ...(i.send_copy_to ?? []).map((c) => `${c} (để phối hợp theo dõi)`),
        ],
      }),
      subject: "đề nghị báo cáo về việc giải quyết bồi thường, thực hiện trách nhiệm hoàn trả và xử lý kỷ luật",
      addressees: i.addressees,
      body,
    };
  },
);
