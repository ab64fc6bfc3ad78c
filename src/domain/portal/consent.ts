// The consent text a person accepts before sending personal data (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, in
// force 01/01/2026; addendum §9: the data subject may know, consent or refuse, withdraw consent, access, correct and ask
// for deletion — Điều 4; other article numbers unverified). A change of text is a new version; each submission records
// the version accepted and the time, so a published version is never changed or removed.
export type ConsentText = { version: string; text: string };

const PURPOSE =
  "Tôi đồng ý để cơ quan nhà nước có thẩm quyền xử lý dữ liệu cá nhân tôi cung cấp (họ tên, ngày sinh, số giấy tờ tùy thân, địa chỉ, số điện thoại, thư điện tử, nội dung sự việc và tài liệu kèm theo) chỉ nhằm mục đích tiếp nhận, giải quyết yêu cầu bồi thường hoặc đề nghị hỗ trợ của tôi theo Luật Trách nhiệm bồi thường của Nhà nước.";

/** Every published version, oldest first; the last is the one the public form shows and a submission must carry. */
export const CONSENT_TEXTS: readonly ConsentText[] = [
  {
    version: "2026-12-04",
    text: [
      PURPOSE,
      "Tôi được biết: tôi có quyền được biết về việc xử lý dữ liệu, rút lại sự đồng ý, xem, chỉnh sửa và yêu cầu xóa dữ liệu của mình theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 bằng cách liên hệ cơ quan nhận hồ sơ và nêu mã hồ sơ. Việc rút lại sự đồng ý không ảnh hưởng đến việc xử lý đã thực hiện trước đó.",
    ].join("\n\n"),
  },
  // The rights are now exercised on the portal itself (POST /api/public/my-data, …/corrections, …/withdraw).
  {
    version: "2026-12-05",
    text: [
      PURPOSE,
      "Tôi được biết: theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, tôi có quyền được biết về việc xử lý dữ liệu, xem dữ liệu cá nhân cơ quan đang lưu, đề nghị sửa dữ liệu và rút lại sự đồng ý. Tôi tự thực hiện các quyền này trên Cổng, tại trang “Tra cứu hồ sơ”, mục “Dữ liệu cá nhân của bạn”, bằng mã hồ sơ và số điện thoại (hoặc 4 số cuối giấy tờ tùy thân) đã khai.",
      "Khi tôi rút lại sự đồng ý trước khi hồ sơ được thụ lý, hồ sơ được đánh dấu là đã rút và dữ liệu cá nhân của tôi bị xóa; khi hồ sơ đã được thụ lý, cơ quan chỉ giữ những thông tin cần cho việc giải quyết bồi thường. Việc rút lại sự đồng ý không ảnh hưởng đến việc xử lý đã thực hiện trước đó.",
    ].join("\n\n"),
  },
];

const CURRENT = CONSENT_TEXTS[CONSENT_TEXTS.length - 1];
export const CONSENT_VERSION = CURRENT.version;
export const CONSENT_TEXT = CURRENT.text;
