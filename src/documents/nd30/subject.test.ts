import assert from "node:assert/strict";
import { test } from "node:test";
import { aboutSubject } from "./subject.ts";

test("Nghị định 30/2020/NĐ-CP — trích yếu 'về việc …' không viết hoa giữa câu; tên riêng, chữ viết tắt giữ nguyên", () => {
  assert.equal(aboutSubject("Đề nghị hướng dẫn xác minh thiệt hại"), "về việc đề nghị hướng dẫn xác minh thiệt hại");
  assert.equal(aboutSubject("  Hướng dẫn nghiệp vụ "), "về việc hướng dẫn nghiệp vụ");
  assert.equal(aboutSubject("đôn đốc giải quyết"), "về việc đôn đốc giải quyết");
  assert.equal(aboutSubject("Sở Tư pháp đề nghị phối hợp"), "về việc Sở Tư pháp đề nghị phối hợp");
  assert.equal(aboutSubject("UBND tỉnh chuyển đơn"), "về việc UBND tỉnh chuyển đơn");
  assert.equal(aboutSubject("THADS tỉnh báo cáo"), "về việc THADS tỉnh báo cáo");
});
