// Accuracy on the layout corpus (tests/fixtures/plans): issue 14's thresholds, in .md and in .docx with real Word
// numbering and tables. The figures themselves are printed by `npm run bench` (plans suite).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { importPlan } from "../../src/domain/plans/index.ts";
import { corpusNames, describeScore, scoreCorpus } from "./corpus.ts";
import { SEED_001, seedText } from "./expect.ts";

describe("Bộ mẫu bố cục kế hoạch (tests/fixtures/plans)", () => {
  test("có ít nhất 15 bố cục, mỗi bố cục có danh sách nhiệm vụ mong đợi", () => {
    assert.ok(corpusNames().length >= 15, `chỉ có ${corpusNames().length} bố cục`);
  });
  for (const format of ["md", "docx"] as const) {
    test(`bản .${format}: ≥ 95% nhiệm vụ tìm thấy, ≥ 90% cơ quan chủ trì đúng, không nhiệm vụ thừa nào thiếu cảnh báo`, async () => {
      const s = await scoreCorpus(format);
      const detail = s.plans
        .filter((p) => p.misses.length > 0 || p.garbageUnwarned.length > 0)
        .map((p) => `${p.name}: ${[...p.misses, ...p.garbageUnwarned.map((g) => `thừa: ${g}`)].join("; ")}`)
        .join("\n");
      const msg = `${describeScore(s)}\n${detail}`;
      assert.ok(s.found / s.expected >= 0.95, msg);
      assert.ok(s.leadsRight / s.leadsChecked >= 0.9, msg);
      assert.equal(s.garbageUnwarned, 0, msg);
      // Every layout yields tasks: none of them may be silently skipped as a whole.
      for (const p of s.plans) assert.ok(p.found > 0, `${p.name}: không nhận ra nhiệm vụ nào\n${msg}`);
    });
  }
});

describe("Cơ quan trong kế hoạch đối chiếu danh mục cơ quan theo ngày của kế hoạch", () => {
  const plan = (date: string, coordinators: string) =>
    importPlan(
      [
        "ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
        "Số: 1/KH-UBND",
        `Thanh Hóa, ngày ${date}`,
        "KẾ HOẠCH",
        "Công tác bồi thường nhà nước",
        "I. NHIỆM VỤ",
        "1. Hướng dẫn nghiệp vụ bồi thường nhà nước",
        "- Cơ quan chủ trì: STP.",
        `- Cơ quan phối hợp: ${coordinators}.`,
        "- Thời gian: Quý IV.",
      ].join("\n"),
    );
  test("viết tắt STP trong kế hoạch của tỉnh Thanh Hóa → Sở Tư pháp tỉnh Thanh Hóa, độ tin cậy thấp hơn tên đầy đủ", () => {
    const lead = plan("05 tháng 3 năm 2024", "Sở Nội vụ").tasks[0].lead[0];
    assert.deepEqual(lead.agency_ids, ["stp-thanh-hoa"]);
    assert.ok(lead.confidence! < 1 && lead.confidence! > 0.5, String(lead.confidence));
  });
  test('"UBND các huyện, thị xã, thành phố" năm 2024 → mọi UBND cấp huyện của tỉnh còn hiệu lực', () => {
    const c = plan("05 tháng 3 năm 2024", "UBND các huyện, thị xã, thành phố").tasks[0].coordinators[0];
    assert.equal(c.role, "UBND_HUYEN");
    assert.deepEqual(c.agency_ids?.sort(), [
      "ubnd-hoang-hoa",
      "ubnd-quang-xuong",
      "ubnd-tp-thanh-hoa",
      "ubnd-tx-bim-son",
    ]);
  });
  test('sau sắp xếp 2025 (01/7/2025) "UBND các huyện" không còn cơ quan nào → cảnh báo, không gán bừa', () => {
    const p = plan("15 tháng 9 năm 2025", "UBND các huyện");
    assert.equal(p.tasks[0].coordinators[0].agency_ids, undefined);
    assert.ok(p.warnings.some((w) => w.code === "unresolved_agency" && /không còn cấp huyện/u.test(w.message)));
  });
  test("tên không có trong danh mục được giữ nguyên văn bản, độ tin cậy 0 và có cảnh báo", () => {
    const p = plan("05 tháng 3 năm 2024", "Đài Phát thanh và Truyền hình tỉnh");
    const c = p.tasks[0].coordinators[0];
    assert.deepEqual([c.text, c.role, c.confidence], ["Đài Phát thanh và Truyền hình tỉnh", null, 0]);
    assert.ok(p.warnings.some((w) => w.code === "unresolved_agency" && w.text === c.text));
  });
  test('seed 001 (Thanh Hóa 2024) mục II.5 "Cơ quan thực hiện: Sở Tư pháp." → chủ trì Sở Tư pháp tỉnh Thanh Hóa', () => {
    const t = importPlan(seedText(SEED_001)).tasks.find((x) => x.number === "II.5")!;
    assert.deepEqual(
      t.lead.map((r) => [r.role, r.agency_ids, r.confidence]),
      [["SO_TU_PHAP", ["stp-thanh-hoa"], 1]],
    );
  });
});
