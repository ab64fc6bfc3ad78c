// Công văn đôn đốc công tác bồi thường nhà nước.
// Basis: Thông tư 08/2019/TT-BTP Điều 13 khoản 3 (điểm c: ask the UBND cấp tỉnh to urge; điểm d: urge directly),
// Điều 14 (căn cứ đôn đốc), Điều 15 khoản 1 (urging in writing, stating the legal basis and the task);
// Luật TNBTCNN 2017 Điều 75 khoản 3 (rung II.6.3); KH 2021 mục II.6.1–6.3. Each rung IS a routing rule: the letter's
// "Căn cứ …" is that rule's citation (domain/routing/citation.ts), the same provisions as the routing shows.
import { formatVi } from "../../domain/shared/dates.ts";
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, citedRule, closingLine, defineBuilder, docRefText, joinVi, p } from "./common.ts";
import { type UrgingGround, urgingLetterSchema } from "./urging-letter.types.ts";

const TT08 = "Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp";

/** Thông tư 08/2019/TT-BTP, Điều 14 — the seven grounds, summarised. */
export const URGING_GROUND_VI: Record<UrgingGround, string> = {
  k1: "khiếu nại, tố cáo, kiến nghị, phản ánh của người yêu cầu bồi thường, cơ quan, tổ chức, cá nhân có liên quan về hoạt động giải quyết yêu cầu bồi thường, cấp kinh phí, chi trả tiền bồi thường hoặc xác định trách nhiệm hoàn trả",
  k2: "kiến nghị của cơ quan quản lý nhà nước về công tác bồi thường nhà nước, kiến nghị, yêu cầu của cơ quan, tổ chức, cá nhân có liên quan",
  k3: "kết quả hướng dẫn nghiệp vụ, giải đáp vướng mắc, theo dõi, kiểm tra, thanh tra, hỗ trợ, hướng dẫn người bị thiệt hại",
  k4: "quyết định giải quyết bồi thường hoặc bản án, quyết định của Tòa án có hiệu lực pháp luật",
  k5: "quyết định hoàn trả",
  k6: "báo cáo hằng năm của Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao, bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh",
  k7: "báo cáo của cơ quan giải quyết bồi thường về việc giải quyết yêu cầu bồi thường và thực hiện trách nhiệm hoàn trả",
};

export const urgingLetter = defineBuilder(
  {
    id: "urging_letter",
    name_vi: "Công văn đôn đốc",
    kind: "letter",
    form_code: null,
    basis: [
      "Thông tư 08/2019/TT-BTP, Điều 13 khoản 3 điểm c, d",
      "Thông tư 08/2019/TT-BTP, Điều 14",
      "Thông tư 08/2019/TT-BTP, Điều 15 khoản 1",
      "Luật TNBTCNN 2017, Điều 75 khoản 3",
      "KH 2021 mục II.6.1–6.3",
    ],
    request_kind: "urging",
    form_text_verified: false,
    note_vi:
      "Không có mẫu ban hành; trình bày theo thể thức Nghị định 30/2020/NĐ-CP. Căn cứ đôn đốc tóm tắt theo Điều 14 TT 08/2019.",
  },
  urgingLetterSchema,
  (i) => {
    const grounds = [...new Set(i.grounds)].sort();
    const groundRefs = grounds.map((g) => `khoản ${g.slice(1)}`);
    const groundText = `căn cứ đôn đốc quy định tại ${joinVi(groundRefs)} Điều 14 ${TT08} (${grounds.map((g) => URGING_GROUND_VI[g]).join("; ")})`;
    const body: BlockInput[] = [];
    const evidence = (i.evidence ?? []).map(docRefText);
    body.push(
      p(
        `Qua ${evidence.length ? joinVi(evidence) : "thông tin nắm được"}, ${i.issuer.name} được biết: ${i.urged_agency} ${i.matter.replace(/\.$/, "")}. Đây là ${groundText}.`,
      ),
    );
    const { citation, footer } = citedRule(i.rung);
    const basis = citation!.cite;
    const tasks = i.tasks.length === 1 ? i.tasks[0].replace(/\.$/, "") : "";
    const taskBlocks: BlockInput[] = i.tasks.length > 1 ? [{ type: "list", items: i.tasks, marker: "-" }] : [];
    if (i.rung === "KH2021.II.6.1") {
      body.push(
        p(
          `Căn cứ ${basis}, ${i.issuer.name} đề nghị ${joinVi(i.addressees)} đôn đốc ${i.urged_agency} thực hiện${tasks ? ` ${tasks}.` : " các nội dung sau:"}`,
        ),
        ...taskBlocks,
      );
    } else if (i.rung === "KH2021.II.6.2") {
      const why =
        i.prior_outcome === "not_complied"
          ? `nhưng ${i.urged_agency} chưa thực hiện nội dung đôn đốc`
          : "nhưng đến nay Ủy ban nhân dân cấp tỉnh chưa đôn đốc";
      body.push(
        p(
          `${i.issuer.name} đã có ${docRefText(i.prior_request!)} đề nghị Ủy ban nhân dân cấp tỉnh đôn đốc ${why}. Căn cứ ${basis}, ${i.issuer.name} đôn đốc ${i.urged_agency} thực hiện${tasks ? ` ${tasks}.` : " các nội dung sau:"}`,
        ),
        ...taskBlocks,
      );
    } else {
      body.push(
        p(
          `Căn cứ ${basis}, ${i.issuer.name} đề nghị ${joinVi(i.addressees)} chỉ đạo, đôn đốc ${i.urged_agency} thực hiện${tasks ? ` ${tasks}.` : " các nội dung sau:"}`,
        ),
        ...taskBlocks,
      );
    }
    const reportBy = i.report_by ? ` trước ngày ${formatVi(i.report_by)}` : "";
    body.push(p(closingLine(`Kết quả thực hiện đề nghị gửi về ${i.issuer.name}${reportBy} để theo dõi, tổng hợp`)));
    const copies = (i.copy_for_monitoring ?? []).map((c) => `${c} (để phối hợp theo dõi)`);
    const urgedCopy = i.rung === "KH2021.II.6.2" ? [] : [`${i.urged_agency} (để thực hiện)`];
    return {
      ...baseDocument(i, "letter", { recipients: ["Như trên", ...urgedCopy, ...copies] }),
      ...footer,
      subject:
        i.rung === "KH2021.II.6.2"
          ? "đôn đốc công tác bồi thường nhà nước"
          : "đề nghị đôn đốc công tác bồi thường nhà nước",
      addressees: i.addressees,
      body,
    };
  },
);
