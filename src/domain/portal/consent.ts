// The consent text a person accepts before sending personal data (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, in
// force 01/01/2026; addendum §9: the data subject may know, consent or refuse, withdraw consent, access, correct and ask
// for deletion — Điều 4; other article numbers unverified). A change of text is a new version; each submission records
// the version accepted and the time.
export const CONSENT_VERSION = "2026-12-04";

export const CONSENT_TEXT = [
  "Tôi đồng ý để cơ quan nhà nước có thẩm quyền xử lý dữ liệu cá nhân tôi cung cấp (họ tên, ngày sinh, số giấy tờ tùy thân, địa chỉ, số điện thoại, thư điện tử, nội dung sự việc và tài liệu kèm theo) chỉ nhằm mục đích tiếp nhận, giải quyết yêu cầu bồi thường hoặc đề nghị hỗ trợ của tôi theo Luật Trách nhiệm bồi thường của Nhà nước.",
  "Tôi được biết: tôi có quyền được biết về việc xử lý dữ liệu, rút lại sự đồng ý, xem, chỉnh sửa và yêu cầu xóa dữ liệu của mình theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 bằng cách liên hệ cơ quan nhận hồ sơ và nêu mã hồ sơ. Việc rút lại sự đồng ý không ảnh hưởng đến việc xử lý đã thực hiện trước đó.",
].join("\n\n");
