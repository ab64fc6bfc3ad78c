// Public help content (cổng công dân): what state compensation is, who may claim, where, which papers, who helps,
// and the frequently asked questions — written for a person with no legal training. The defaults below are DATA: the
// Cục BTNN edits them in the admin screens (each edit is a new version, db/repositories/public-content.ts) and the
// portal serves the latest version of each key. Support duty to disseminate: seed 001 §II.1 b; support and guidance
// of injured persons: seed 000 §II.8–9 (Thông tư 09/2019/TT-BTP Điều 5, Điều 7).
//
// Body format (shared by the web page and the printed leaflet): paragraphs separated by a blank line; a line starting
// with "- " is a bullet. No HTML: the text is rendered as text everywhere.
//
// `unverified`: the item rests on a rule the legal brief marks UNCONFIRMED (shown once with a legend, like the legal
// parameters).

export const CONTENT_PAGES = ["home", "faq"] as const;
export type ContentPage = (typeof CONTENT_PAGES)[number];

export type ContentItem = {
  /** Stable key, e.g. "home.what", "faq.fees". */
  key: string;
  page: ContentPage;
  /** Order on its page (ascending). */
  position: number;
  title: string;
  body: string;
  /** Legal sources of the item (shown under it and in the leaflet). */
  sources: string[];
  unverified?: boolean;
  /** Hidden items are kept (history) but not served to the public. */
  hidden?: boolean;
};

export type ContentBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/** The body split into paragraphs and bullet lists (web and PDF render the same blocks). */
export function contentBlocks(body: string): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    let list: string[] | null = null;
    let para: string[] = [];
    const flushPara = () => {
      if (para.length) blocks.push({ kind: "paragraph", text: para.join(" ") });
      para = [];
    };
    for (const line of lines) {
      if (line.startsWith("- ")) {
        flushPara();
        if (!list) {
          list = [];
          blocks.push({ kind: "list", items: list });
        }
        list.push(line.slice(2).trim());
      } else {
        list = null;
        para.push(line);
      }
    }
    flushPara();
  }
  return blocks;
}

/** Key shape: "<page>.<slug>" (lower-case ASCII, digits, hyphens). */
export const CONTENT_KEY_PATTERN = /^(home|faq)\.[a-z0-9][a-z0-9-]{0,59}$/;

const LAW = "Luật Trách nhiệm bồi thường của Nhà nước 2017 (Luật số 10/2017/QH14)";

export const DEFAULT_PUBLIC_CONTENT: readonly ContentItem[] = [
  {
    key: "home.what",
    page: "home",
    position: 10,
    title: "Bồi thường nhà nước là gì?",
    body: [
      "Khi cán bộ, công chức của cơ quan nhà nước (người thi hành công vụ) làm sai pháp luật trong lúc làm nhiệm vụ và gây thiệt hại cho bạn, Nhà nước phải bồi thường. Điều này áp dụng cho hoạt động quản lý hành chính, tố tụng (điều tra, truy tố, xét xử) và thi hành án, trong đó có thi hành án dân sự.",
      "Để được bồi thường, cần có ba điều kiện:",
      "- Có văn bản của cơ quan có thẩm quyền xác định hành vi của người thi hành công vụ là trái pháp luật (gọi là “văn bản làm căn cứ yêu cầu bồi thường”), ví dụ quyết định hủy quyết định cưỡng chế, bản án, kết luận giải quyết khiếu nại;\n- Bạn có thiệt hại thực tế thuộc phạm vi được bồi thường;\n- Thiệt hại đó do chính hành vi trái pháp luật gây ra.",
      "Bạn không phải nộp án phí, lệ phí cho phần yêu cầu bồi thường, và tiền bồi thường nhận được không phải nộp thuế thu nhập.",
    ].join("\n\n"),
    sources: [`${LAW}, Điều 1, Điều 7`, `${LAW}, Điều khoản thi hành (miễn án phí, lệ phí; miễn thuế)`],
  },
  {
    key: "home.who",
    page: "home",
    position: 20,
    title: "Ai được yêu cầu bồi thường?",
    body: [
      "Những người sau đây được yêu cầu bồi thường:",
      "- Chính người bị thiệt hại;\n- Người thừa kế, nếu người bị thiệt hại đã chết;\n- Tổ chức kế thừa quyền và nghĩa vụ, nếu tổ chức bị thiệt hại đã chấm dứt tồn tại;\n- Người đại diện theo pháp luật của người bị thiệt hại (khi pháp luật dân sự yêu cầu phải có người đại diện);\n- Cá nhân, pháp nhân được những người trên ủy quyền.",
      "Nếu bạn nộp thay người khác, hãy mang theo giấy tờ chứng minh tư cách của mình (giấy chứng nhận quyền thừa kế, giấy ủy quyền…).",
    ].join("\n\n"),
    sources: [`${LAW}, Điều 5`],
  },
  {
    key: "home.when",
    page: "home",
    position: 30,
    title: "Phải yêu cầu trong thời hạn bao lâu?",
    body: [
      "Thời hiệu yêu cầu bồi thường là 03 năm, tính từ ngày bạn nhận được văn bản làm căn cứ yêu cầu bồi thường. Ngày nhận văn bản không tính; thời hiệu bắt đầu từ ngày hôm sau.",
      "- Yêu cầu phục hồi danh dự (xin lỗi, cải chính công khai) không bị giới hạn thời hiệu;\n- Thời gian có sự kiện bất khả kháng hoặc trở ngại khách quan làm bạn không thể yêu cầu được, và thời gian người chưa thành niên hoặc người mất năng lực hành vi chưa có người đại diện, không tính vào thời hiệu. Bạn cần chứng minh khoảng thời gian này.",
      "Nếu bạn không biết phải nộp cho cơ quan nào và nộp hồ sơ cho Sở Tư pháp trong thời hiệu, hồ sơ vẫn được thụ lý dù khi Sở Tư pháp chuyển đi thì thời hiệu đã hết.",
    ].join("\n\n"),
    sources: [`${LAW}, Điều 6`, "Nghị định 68/2018/NĐ-CP, Điều 13", "Bộ luật Dân sự 2015, Điều 147"],
  },
  {
    key: "home.where",
    page: "home",
    position: 40,
    title: "Nộp hồ sơ ở đâu?",
    body: [
      "Bạn nộp hồ sơ cho cơ quan trực tiếp quản lý người thi hành công vụ đã gây thiệt hại (cơ quan giải quyết bồi thường). Bạn có thể nộp trực tiếp, qua bưu điện, hoặc nộp trực tuyến trên cổng này.",
      "- Thi hành án dân sự: cơ quan thi hành án dân sự trực tiếp quản lý chấp hành viên, công chức đã gây thiệt hại. Từ năm 2025, Cục Thi hành án dân sự tỉnh và các Chi cục được sắp xếp lại thành Thi hành án dân sự tỉnh, thành phố và các Phòng Thi hành án dân sự khu vực; hệ thống tự tìm cơ quan kế thừa cho bạn.\n- Quản lý hành chính: cơ quan trực tiếp quản lý người đã gây thiệt hại.\n- Tố tụng hình sự, dân sự, hành chính: cơ quan tiến hành tố tụng đã ra văn bản, quyết định trái pháp luật.",
      "Nếu bạn không xác định được cơ quan nào giải quyết, hãy gửi hồ sơ cho Sở Tư pháp nơi bạn cư trú. Trong 05 ngày làm việc kể từ ngày nhận hồ sơ, Sở Tư pháp xác định cơ quan giải quyết bồi thường và chuyển hồ sơ đến đó.",
    ].join("\n\n"),
    sources: [`${LAW}, Điều 41 khoản 4`, "Nghị định 68/2018/NĐ-CP, Điều 32, Điều 33"],
  },
  {
    key: "home.papers",
    page: "home",
    position: 50,
    title: "Cần chuẩn bị những giấy tờ gì?",
    body: [
      "Hồ sơ yêu cầu bồi thường gồm:",
      "- Văn bản yêu cầu bồi thường (Mẫu 01/BTNN) — cổng này giúp bạn điền sẵn để in và ký;\n- Văn bản làm căn cứ yêu cầu bồi thường (trừ trường hợp bạn không được gửi hoặc không thể có được văn bản đó — khi đó bạn có thể đề nghị cơ quan giải quyết bồi thường thu thập giúp);\n- Giấy tờ chứng minh nhân thân của người bị thiệt hại (căn cước công dân…);\n- Tài liệu, chứng cứ liên quan đến thiệt hại (hóa đơn, biên bản, giấy tờ tài sản, giấy ra viện…), nếu có;\n- Giấy tờ chứng minh tư cách nếu bạn là người thừa kế, người đại diện hoặc người được ủy quyền.",
      "Nếu hồ sơ chưa đủ, trong 05 ngày làm việc cơ quan sẽ báo để bạn bổ sung; bạn có 05 ngày làm việc kể từ khi nhận được yêu cầu để bổ sung.",
    ].join("\n\n"),
    sources: [
      `${LAW}, Điều 41 khoản 1, khoản 2`,
      `${LAW}, Điều 42 khoản 2, khoản 3`,
      "Thông tư 04/2018/TT-BTP, Mẫu 01/BTNN",
    ],
  },
  {
    key: "home.damages",
    page: "home",
    position: 60,
    title: "Những thiệt hại nào được bồi thường?",
    body: [
      "- Thiệt hại do tài sản bị xâm phạm (bị thu giữ, kê biên, bán, làm hư hỏng, mất…);\n- Thu nhập thực tế bị mất hoặc bị giảm sút;\n- Thiệt hại vật chất khi người bị thiệt hại chết;\n- Thiệt hại vật chất do sức khỏe bị xâm phạm;\n- Thiệt hại về tinh thần;\n- Các chi phí khác (thuê luật sư, đi lại, lưu trú để làm thủ tục…).",
      "Giá trị thiệt hại được tính tại thời điểm cơ quan thụ lý hồ sơ. Bạn có thể đề nghị tạm ứng kinh phí bồi thường ngay trong văn bản yêu cầu.",
    ].join("\n\n"),
    sources: [`${LAW}, Điều 22 khoản 2, Điều 23–28, Điều 44`],
    // Điều 24–26 and 28 are numbered by inference only (legal-brief §2.2).
    unverified: true,
  },
  {
    key: "home.support",
    page: "home",
    position: 70,
    title: "Ai hỗ trợ, hướng dẫn bạn?",
    body: [
      "Bạn có quyền được hướng dẫn thủ tục yêu cầu bồi thường, miễn phí:",
      "- Sở Tư pháp (giúp Ủy ban nhân dân tỉnh) hướng dẫn người bị thiệt hại ở địa phương;\n- Bộ Tư pháp (Cục Bồi thường nhà nước) hướng dẫn khi cơ quan quản lý người gây thiệt hại là cơ quan trung ương, hoặc khi bạn đã được Ủy ban nhân dân tỉnh hướng dẫn mà vẫn đề nghị Bộ hướng dẫn thêm;\n- Trong lĩnh vực thi hành án dân sự, Cục Bồi thường nhà nước chủ trì hỗ trợ người bị thiệt hại khi có yêu cầu.",
      "Bạn có thể gửi “yêu cầu hỗ trợ” ngay trên cổng này nếu chưa sẵn sàng nộp hồ sơ.",
    ].join("\n\n"),
    sources: [
      "Thông tư 09/2019/TT-BTP, Điều 5, Điều 7",
      `${LAW}, Điều 13 khoản 1 điểm đ`,
      "Kế hoạch phối hợp năm 2021 giữa Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự, mục II.8–9",
    ],
  },
  // --- Câu hỏi thường gặp -----------------------------------------------------------------------------------------
  {
    key: "faq.fees",
    page: "faq",
    position: 10,
    title: "Tôi có phải trả tiền để yêu cầu bồi thường không?",
    body: "Không. Bạn không phải nộp án phí, lệ phí cho phần yêu cầu bồi thường. Việc hướng dẫn, hỗ trợ của Sở Tư pháp và Bộ Tư pháp cũng miễn phí.",
    sources: [`${LAW}, Điều khoản thi hành`, "Thông tư 09/2019/TT-BTP"],
  },
  {
    key: "faq.no-basis-document",
    page: "faq",
    position: 20,
    title: "Tôi chưa có “văn bản làm căn cứ yêu cầu bồi thường” thì sao?",
    body: [
      "Văn bản làm căn cứ là văn bản của cơ quan có thẩm quyền xác định hành vi gây thiệt hại là trái pháp luật (ví dụ quyết định giải quyết khiếu nại, bản án, quyết định hủy bỏ quyết định trái pháp luật).",
      "Nếu bạn không được gửi hoặc không thể có văn bản này, bạn vẫn nộp hồ sơ và ghi rõ đề nghị cơ quan giải quyết bồi thường thu thập giúp. Trong 05 ngày làm việc kể từ khi nhận hồ sơ, cơ quan đó đề nghị cơ quan có thẩm quyền cung cấp văn bản.",
      "Nếu chưa có văn bản nào xác định hành vi là trái pháp luật, bạn có thể khiếu nại, tố cáo hoặc khởi kiện theo quy định để có văn bản đó trước.",
    ].join("\n\n"),
    sources: [`${LAW}, Điều 41 khoản 1 điểm b`, `${LAW}, Điều 42 khoản 2 điểm b`],
  },
  {
    key: "faq.unknown-agency",
    page: "faq",
    position: 30,
    title: "Tôi không biết cơ quan nào giải quyết bồi thường?",
    body: "Hãy làm bài “Kiểm tra nhanh” trên cổng này: hệ thống gợi ý cơ quan dựa trên lĩnh vực và cơ quan của người đã gây thiệt hại (kể cả sau khi các cơ quan được sắp xếp lại năm 2025). Nếu vẫn chưa rõ, hãy nộp hồ sơ cho Sở Tư pháp nơi bạn cư trú: Sở Tư pháp xác định cơ quan giải quyết và chuyển hồ sơ trong 05 ngày làm việc.",
    sources: [`${LAW}, Điều 41 khoản 4`, "Nghị định 68/2018/NĐ-CP, Điều 32, Điều 33"],
  },
  {
    key: "faq.how-long",
    page: "faq",
    position: 40,
    title: "Bao lâu thì hồ sơ của tôi được thụ lý và giải quyết?",
    body: "Cơ quan phải thụ lý trong 02 ngày làm việc kể từ khi nhận hồ sơ hợp lệ, cử người giải quyết trong 02 ngày làm việc tiếp theo, xác minh thiệt hại trong 15 ngày (30 ngày nếu vụ việc phức tạp), rồi thương lượng với bạn. Xem mục “Các bước và thời hạn” để biết từng ngày cụ thể, tính theo lịch làm việc của cơ quan nhà nước.",
    sources: [`${LAW}, Điều 43, Điều 45, Điều 46`],
  },
  {
    key: "faq.advance",
    page: "faq",
    position: 50,
    title: "Tôi có được tạm ứng tiền bồi thường trước không?",
    body: "Có, nếu bạn đề nghị trong văn bản yêu cầu bồi thường. Sau khi thụ lý, cơ quan xem xét tạm ứng cho thiệt hại về tinh thần và những thiệt hại xác định được ngay; mức tạm ứng không dưới 50% giá trị các thiệt hại đó.",
    sources: [`${LAW}, Điều 41 khoản 3 điểm e`, `${LAW}, Điều 44`],
  },
  {
    key: "faq.court",
    page: "faq",
    position: 60,
    title: "Tôi có thể khởi kiện ra Tòa án không?",
    body: [
      "Có. Bạn có thể khởi kiện ra Tòa án trong các trường hợp:",
      "- Trong 03 năm kể từ ngày nhận văn bản làm căn cứ, nếu bạn chưa yêu cầu cơ quan giải quyết bồi thường, hoặc đã rút yêu cầu trước khi xác minh thiệt hại;\n- Trong 15 ngày kể từ ngày nhận quyết định giải quyết bồi thường mà bạn không đồng ý, hoặc kể từ ngày thương lượng không thành.",
    ].join("\n\n"),
    sources: [`${LAW}, Điều 52`],
  },
  {
    key: "faq.personal-data",
    page: "faq",
    position: 70,
    title: "Thông tin cá nhân của tôi được dùng thế nào?",
    body: "Thông tin bạn gửi qua cổng này chỉ dùng để giải quyết yêu cầu của bạn, được che khi hiển thị và mọi lần xem đầy đủ đều được ghi nhật ký. Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (có hiệu lực từ 01/01/2026), bạn có quyền biết, đồng ý hoặc không đồng ý, xem, yêu cầu chỉnh sửa, xóa dữ liệu và rút lại sự đồng ý của mình.",
    sources: ["Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4"],
  },
  {
    key: "faq.status",
    page: "faq",
    position: 80,
    title: "Làm sao để biết hồ sơ của tôi đang ở đâu?",
    body: "Khi nộp trực tuyến, bạn nhận được mã hồ sơ và phiếu tiếp nhận. Vào mục “Tra cứu hồ sơ”, nhập mã hồ sơ cùng số điện thoại (hoặc 4 số cuối căn cước) đã khai để xem bước hiện tại, hạn tiếp theo theo luật và cơ quan đang giữ hồ sơ. Nếu bạn để lại thư điện tử, hệ thống báo cho bạn khi hồ sơ chuyển bước.",
    sources: [`${LAW}, Điều 42, Điều 43 khoản 4`],
  },
  {
    key: "faq.online-signature",
    page: "faq",
    position: 90,
    title: "Nộp trực tuyến rồi, tôi có phải nộp bản giấy có chữ ký không?",
    body: "Cơ quan giải quyết bồi thường có thể đề nghị bạn ký văn bản yêu cầu bồi thường đã điền (Mẫu 01/BTNN) khi đối chiếu hồ sơ. Hãy tải văn bản từ cổng này, in, ký và mang theo khi được mời làm việc.",
    sources: [`${LAW}, Điều 41`, "Thông tư 04/2018/TT-BTP"],
    // Whether an online filing needs the signed paper form is not settled by any source read.
    unverified: true,
  },
];

/** Latest version of each key over the defaults (order: page, position, key); hidden items dropped for the public. */
export function mergeContent(
  defaults: readonly ContentItem[],
  edits: ReadonlyArray<ContentItem>,
  opts: { includeHidden?: boolean } = {},
): ContentItem[] {
  const byKey = new Map<string, ContentItem>();
  for (const d of defaults) byKey.set(d.key, d);
  for (const e of edits) byKey.set(e.key, e);
  return [...byKey.values()]
    .filter((i) => opts.includeHidden || !i.hidden)
    .sort(
      (a, b) =>
        CONTENT_PAGES.indexOf(a.page) - CONTENT_PAGES.indexOf(b.page) ||
        a.position - b.position ||
        a.key.localeCompare(b.key),
    );
}

export const UNVERIFIED_LEGEND =
  "Nội dung có đánh dấu (*) dựa trên quy định chưa xác minh với văn bản gốc; Cục Bồi thường nhà nước sẽ cập nhật khi đối chiếu xong.";
