// Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước.
// Basis: Thông tư 08/2019/TT-BTP Điều 4 (who guides whom) and Điều 5 (written guidance on a written request);
// KH 2021 mục II.3 (output: "Công văn hướng dẫn nghiệp vụ"). No official form: Decree 30 layout. Given the routing rule
// it answers (e.g. KH2021.II.3.2), the letter's ground is that rule's citation: the same article as the routing and the
// plan's section with its number, date, issuer and title.
import type { BlockInput } from "../nd30/types.ts";
import { baseDocument, citedRule, closingLine, defineBuilder, docRefText, p } from "./common.ts";
import { guidanceLetterSchema } from "./guidance-letter.types.ts";

export const guidanceLetter = defineBuilder(
  {
    id: "guidance_letter",
    name_vi: "Công văn hướng dẫn nghiệp vụ",
    kind: "letter",
    form_code: null,
    basis: ["Thông tư 08/2019/TT-BTP, Điều 4", "Thông tư 08/2019/TT-BTP, Điều 5", "KH 2021 mục II.3"],
    request_kind: "guidance",
    form_text_verified: false,
    note_vi: "Không có mẫu ban hành kèm văn bản pháp luật; trình bày theo thể thức Nghị định 30/2020/NĐ-CP.",
  },
  guidanceLetterSchema,
  (i) => {
    const { citation, footer } = citedRule(i.rule);
    const ground =
      citation?.cite ?? i.legal_ground ?? "Điều 4 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp";
    const body: BlockInput[] = [];
    if (i.request?.number_symbol) {
      // A reply to a numbered document opens "Phúc đáp Văn bản số … ngày … của …" (the e-office wording).
      const about = i.request.summary ? "" : ` đề nghị hướng dẫn nghiệp vụ về ${i.topic}`;
      body.push(p(`Phúc đáp ${docRefText(i.request)}${about}, căn cứ ${ground}, ${i.issuer.name} có ý kiến như sau:`));
    } else if (i.request) {
      body.push(
        p(
          `${i.issuer.name} nhận được ${docRefText(i.request)} đề nghị hướng dẫn nghiệp vụ về ${i.topic}. Căn cứ ${ground}, ${i.issuer.name} có ý kiến như sau:`,
        ),
      );
    } else {
      body.push(p(`Căn cứ ${ground}, ${i.issuer.name} hướng dẫn nghiệp vụ về ${i.topic} như sau:`));
    }
    if (i.points.length === 1) body.push(p(i.points[0]));
    else body.push(...i.points.map((pt, n) => p(`${n + 1}. ${pt}`)));
    body.push(
      p(
        closingLine(
          `Trên đây là ý kiến hướng dẫn của ${i.issuer.name}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về ${i.issuer.name} để được hướng dẫn kịp thời`,
        ),
      ),
    );
    const copies = (i.copy_for_monitoring ?? []).map((c) => `${c} (để phối hợp theo dõi)`);
    return {
      ...baseDocument(i, "letter", { recipients: ["Như trên", ...copies] }),
      ...footer,
      subject: i.subject ?? "hướng dẫn nghiệp vụ công tác bồi thường nhà nước",
      addressees: i.addressees,
      body,
    };
  },
);
