import assert from "node:assert/strict";
import { test } from "node:test";
import { findAgencyMentions, normalizeVi, resolveAgencyMention } from "./resolve.ts";
import type { Role } from "./roles.ts";

test("normalizeVi — bỏ dấu, đ→d, chữ thường, gộp dấu câu và khoảng trắng", () => {
  assert.equal(normalizeVi("Thanh Hóa"), "thanh hoa");
  assert.equal(normalizeVi("THANH HOÁ"), "thanh hoa");
  assert.equal(normalizeVi("Đắk Lắk"), "dak lak");
  assert.equal(normalizeVi("  Bà Rịa - Vũng Tàu  "), "ba ria vung tau");
  assert.equal(normalizeVi("Thanh Hóa".normalize("NFD")), "thanh hoa");
  assert.equal(normalizeVi("các sở, ban, ngành"), "cac so ban nganh");
});

const mentions: Array<[string, Role]> = [
  // KH 2021 (seed 000)
  ["Cục BTNN", "CUC_BTNN"],
  ["Cục Bồi thường nhà nước", "CUC_BTNN"],
  ["Bộ Tư pháp (Cục Bồi thường nhà nước)", "CUC_BTNN"],
  ["Tổng cục THADS", "TONG_CUC_THADS"],
  ["Tổng cục Thi hành án dân sự", "TONG_CUC_THADS"],
  ["Cục THADS", "THADS_TINH"],
  ["Chi cục THADS", "THADS_HUYEN"],
  ["UBND cấp tỉnh", "UBND_TINH"],
  ["Ủy ban nhân dân (UBND) cấp tỉnh", "UBND_TINH"],
  ["Thứ trưởng phụ trách", "LANH_DAO_BO"],
  ["Lãnh đạo Bộ", "LANH_DAO_BO"],
  ["Sở Tư pháp nơi cơ quan THADS có trụ sở", "SO_TU_PHAP"],
  ["người bị thiệt hại", "NGUOI_BI_THIET_HAI"],
  ["Bộ Tư pháp", "BO_TU_PHAP"],
  // KH Thanh Hóa 2024 (seed 001)
  ["UBND cấp huyện", "UBND_HUYEN"],
  ["UBND các huyện, thị xã, thành phố", "UBND_HUYEN"],
  ["UBND tỉnh", "UBND_TINH"],
  ["Chủ tịch UBND tỉnh Thanh Hóa", "UBND_TINH"],
  ["Sở Tư pháp", "SO_TU_PHAP"],
  ["các sở, ban, ngành cấp tỉnh", "SO_NGANH"],
  ["Các sở, ban, ngành tỉnh", "SO_NGANH"],
  ["Tòa án nhân dân tỉnh", "TOA_AN"],
  ["Toà án nhân dân tỉnh", "TOA_AN"],
  ["Viện kiểm sát nhân dân tỉnh", "VKS"],
  ["Viện Kiểm sát nhân dân", "VKS"],
  ["Cục Thi hành án dân sự tỉnh", "THADS_TINH"],
  ["Phòng Tư pháp", "UBND_HUYEN"],
  // 2025 names
  ["Cục Quản lý thi hành án dân sự", "TONG_CUC_THADS"],
  ["Phòng Thi hành án dân sự khu vực 1", "THADS_HUYEN"],
  ["Thi hành án dân sự tỉnh Phú Thọ", "THADS_TINH"],
  ["Sở Tài chính", "CO_QUAN_TAI_CHINH"],
];
for (const [text, role] of mentions) {
  test(`Nhận diện cơ quan — "${text}" → ${role}`, () => {
    const r = resolveAgencyMention(text);
    assert.ok(r, text);
    assert.equal(r.role, role);
    assert.ok(r.confidence > 0 && r.confidence <= 1);
  });
}

test("Nhận diện cơ quan — không phân biệt hoa thường, có dấu hay không dấu", () => {
  for (const t of ["cuc boi thuong nha nuoc", "CỤC BỒI THƯỜNG NHÀ NƯỚC", "cục btnn", "CUC BTNN"]) {
    assert.equal(resolveAgencyMention(t)?.role, "CUC_BTNN", t);
  }
  assert.equal(resolveAgencyMention("tong cuc thi hanh an dan su")?.role, "TONG_CUC_THADS");
  assert.equal(resolveAgencyMention("ubnd cac huyen thi xa thanh pho")?.role, "UBND_HUYEN");
});

test("Nhận diện cơ quan — Tổng cục / Chi cục không bị nhầm thành Cục THADS tỉnh", () => {
  assert.equal(resolveAgencyMention("Lãnh đạo Tổng cục THADS")?.role, "TONG_CUC_THADS");
  assert.equal(resolveAgencyMention("Chi cục Thi hành án dân sự huyện Quảng Xương")?.role, "THADS_HUYEN");
});

test("Nhận diện cơ quan — cách gọi chung trả độ tin cậy thấp và các vai trò khả dĩ", () => {
  const r = resolveAgencyMention("cơ quan THADS địa phương");
  assert.equal(r?.role, "THADS_TINH");
  assert.ok((r?.confidence ?? 1) < 0.7);
  assert.deepEqual(r?.alternatives, ["THADS_HUYEN"]);
  assert.equal(resolveAgencyMention("Kinh phí bố trí từ ngân sách nhà nước"), null);
  assert.equal(resolveAgencyMention(""), null);
});

test("KH Thanh Hóa 2024 mục II.7 — nhận diện đủ các cơ quan thực hiện theo thứ tự", () => {
  const text =
    "Cơ quan thực hiện: Sở Tư pháp chủ trì phối hợp với Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh, Cục Thi hành án dân sự tỉnh; các sở, ban, ngành cấp tỉnh; UBND cấp huyện và các cơ quan, tổ chức có liên quan.";
  const found = findAgencyMentions(text);
  assert.deepEqual(
    found.map((m) => m.role),
    ["SO_TU_PHAP", "TOA_AN", "VKS", "THADS_TINH", "SO_NGANH", "UBND_HUYEN"],
  );
  assert.deepEqual(
    found.map((m) => m.matched),
    [
      "Sở Tư pháp",
      "Tòa án nhân dân tỉnh",
      "Viện kiểm sát nhân dân tỉnh",
      "Cục Thi hành án dân sự tỉnh",
      "các sở, ban, ngành cấp tỉnh",
      "UBND cấp huyện",
    ],
  );
  for (const m of found) assert.equal(text.slice(m.start, m.end), m.matched);
});

test("KH 2021 mục II.3.3 — câu có nhiều cơ quan: chủ trì và phối hợp", () => {
  const found = findAgencyMentions(
    "Cơ quan chủ trì: Tổng cục Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước.",
  );
  assert.deepEqual(
    found.map((m) => m.role),
    ["TONG_CUC_THADS", "CUC_BTNN"],
  );
});

test("Nhận diện cơ quan theo ngày — Tổng cục THADS năm 2021 và sau tổ chức lại 2025", () => {
  assert.equal(resolveAgencyMention("Tổng cục THADS", { date: "2021-06-01" })?.agency_id, "tong-cuc-thads");
  assert.equal(resolveAgencyMention("Tổng cục THADS", { date: "2026-01-01" })?.agency_id, "cuc-ql-thads");
  assert.equal(resolveAgencyMention("Cục BTNN", { date: "2021-06-01" })?.agency_id, "cuc-btnn");
});

test("Nhận diện cơ quan theo tỉnh — kế hoạch của Thanh Hóa (mã 38): 'Sở Tư pháp', 'Cục Thi hành án dân sự tỉnh'", () => {
  const ctx = { date: "2024-03-01", province_code: "38" };
  assert.equal(resolveAgencyMention("Sở Tư pháp", ctx)?.agency_id, "stp-thanh-hoa");
  assert.equal(resolveAgencyMention("Cục Thi hành án dân sự tỉnh", ctx)?.agency_id, "cuc-thads-thanh-hoa");
  assert.equal(resolveAgencyMention("Tòa án nhân dân tỉnh", ctx)?.agency_id, "tand-thanh-hoa");
  assert.equal(resolveAgencyMention("UBND tỉnh", ctx)?.agency_id, "ubnd-thanh-hoa");
  assert.equal(resolveAgencyMention("các sở, ban, ngành cấp tỉnh", ctx)?.agency_id, undefined);
  assert.equal(resolveAgencyMention("UBND cấp huyện", ctx)?.agency_id, undefined);
  assert.equal(resolveAgencyMention("Sở Tư pháp", { date: "2024-03-01" })?.agency_id, undefined);
});

test("Nhận diện cơ quan theo tên tỉnh trong câu — UBND tỉnh Phú Thọ trước và sau sáp nhập", () => {
  assert.equal(resolveAgencyMention("UBND tỉnh Phú Thọ", { date: "2024-01-01" })?.agency_id, "ubnd-phu-tho");
  assert.equal(resolveAgencyMention("UBND tỉnh Phú Thọ", { date: "2025-08-01" })?.agency_id, "ubnd-phu-tho-2025");
  assert.equal(resolveAgencyMention("Sở Tư pháp tỉnh Thanh Hoá", { date: "2026-01-01" })?.agency_id, "stp-thanh-hoa");
  assert.equal(resolveAgencyMention("Ủy ban nhân dân tỉnh Vĩnh Phúc", { date: "2025-08-01" })?.agency_id, undefined);
});
