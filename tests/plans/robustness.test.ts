import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { importPlan, parsePlan } from "../../src/domain/plans/index.ts";
import { missingWords } from "./coverage.ts";
import { SEED_000, SEED_001, seedText } from "./expect.ts";

const S0 = seedText(SEED_000);
const S1 = seedText(SEED_001);

function assertCovered(input: string, label: string): ReturnType<typeof parsePlan> {
  const plan = importPlan(input, { year: 2024 });
  assert.deepEqual(missingWords(input, plan), [], `${label}: chữ bị mất`);
  return plan;
}

describe("Không bỏ sót chữ nào: mọi dòng có mặt trong kế hoạch hoặc trong cảnh báo", () => {
  test("seed 000 và seed 001 nguyên bản", () => {
    assertCovered(S0, "seed 000");
    assertCovered(S1, "seed 001");
  });
  test("văn bản rác (không phải kế hoạch) → toàn bộ dòng nằm trong cảnh báo", () => {
    const input = "Biên bản họp tổ dân phố\n\nHôm nay trời đẹp.\n- Một ý\n+ ý phụ\n9999 dòng số";
    const plan = assertCovered(input, "rác");
    assert.equal(plan.tasks.length, 0);
    assert.ok(plan.warnings.some((w) => w.code === "missing_section"));
    assert.ok(plan.warnings.some((w) => w.code === "truncated"));
  });
});

describe("Văn bản bị cắt ngang", () => {
  for (const [name, seed, endMarker] of [
    ["seed 000", S0, "./."],
    ["seed 001", S1, "Trên đây"],
  ] as const) {
    test(`${name}: cắt tại mọi vị trí cách nhau 37 ký tự → không lỗi, không mất chữ, báo "truncated"`, () => {
      // The ending starts at "./." (seed 000) or at the closing paragraph "Trên đây …" (seed 001).
      const end = seed.indexOf(endMarker) + endMarker.length;
      for (let cut = 0; cut <= seed.length; cut += 37) {
        const input = seed.slice(0, cut);
        const plan = assertCovered(input, `${name} cắt tại ${cut}`);
        if (cut < end) {
          assert.ok(
            plan.warnings.some((w) => w.code === "truncated"),
            `${name} cắt tại ${cut}: thiếu cảnh báo văn bản bị cắt`,
          );
        }
      }
    });
  }
  test("seed 000 cắt giữa mục II.3.3 → các nhiệm vụ trước đó vẫn đủ trường", () => {
    const cut = S0.indexOf("b) Nếu đề nghị hướng dẫn nghiệp vụ giải quyết");
    const plan = parsePlan(S0.slice(0, cut));
    assert.deepEqual(
      plan.tasks.map((t) => t.number),
      ["II.1.1", "II.1.2", "II.2", "II.3.1", "II.3.2", "II.3.3.a"],
    );
    assert.equal(plan.tasks[5].expected_output, "Công văn hướng dẫn nghiệp vụ THADS của Tổng cục Thi hành án dân sự");
    assert.equal(plan.organisation.length, 0);
  });
});

describe("Tiêu đề in đậm / # / không định dạng, số mục có hoặc không có dấu chấm cuối", () => {
  const numbersOf = (text: string) =>
    parsePlan(text).tasks.map((t) => [t.number, t.lead.map((l) => l.role), t.timing?.kind]);
  const expected0 = numbersOf(S0);
  const expected1 = numbersOf(S1);
  test("bỏ hết ** và # (văn bản thuần)", () => {
    const plain = (s: string) => s.replace(/^#{1,6}\s+/gmu, "").replace(/\*/gu, "");
    assert.deepEqual(numbersOf(plain(S0)), expected0);
    assert.deepEqual(numbersOf(plain(S1)), expected1);
  });
  test("mọi dòng đánh số đều thành tiêu đề ### **…**", () => {
    const bold = (s: string) =>
      s.replace(/^(?:#{1,6}\s+)?\**((?:[IVX]+|\d+(?:\.\d+)*)\.\s[^\n*]*)\**\s*$/gmu, "### **$1**");
    assert.deepEqual(numbersOf(bold(S0)), expected0);
    assert.deepEqual(numbersOf(bold(S1)), expected1);
  });
  test("bỏ dấu chấm cuối số mục nhiều cấp (1.1. → 1.1, 3.3. → 3.3)", () => {
    const noDots = (s: string) => s.replace(/^(\d+\.\d+)\.\s/gmu, "$1 ");
    assert.deepEqual(numbersOf(noDots(S0)), expected0);
  });
});

describe("Số mục bị xáo trộn / trùng", () => {
  test("đổi 7. ↔ 8. và lặp lại 9.1. → vẫn đủ nhiệm vụ, có cảnh báo đánh số", () => {
    const shuffled = S0.replace("\n7. Giải đáp", "\n8. Giải đáp")
      .replace("\n8. Hỗ trợ", "\n7. Hỗ trợ")
      .replace("9.2. Trường hợp Tổng cục", "9.1. Trường hợp Tổng cục");
    const plan = assertCovered(shuffled, "xáo trộn");
    const numbers = plan.tasks.map((t) => t.number);
    assert.equal(numbers.length, 22);
    assert.ok(numbers.includes("II.9.1(2)"), numbers.join(" "));
    const numbering = plan.warnings.filter((w) => w.code === "numbering");
    assert.ok(numbering.length >= 2, JSON.stringify(numbering));
    assert.ok(numbering.some((w) => w.message.includes("II.9.1(2)")));
  });
  test("thiếu tiêu đề phần II → các mục có trường vẫn thành nhiệm vụ, cảnh báo thiếu phần", () => {
    const cut = S0.slice(S0.indexOf("1.1. Lập danh mục"), S0.indexOf("2. Phối hợp giải quyết"));
    const plan = assertCovered(cut, "thiếu phần");
    assert.deepEqual(
      plan.tasks.map((t) => t.number),
      ["1.1", "1.2"],
    );
    assert.ok(plan.warnings.some((w) => w.code === "missing_section"));
    assert.ok(plan.warnings.some((w) => w.code === "missing_title"));
  });
});

describe("Chỉnh sửa ngẫu nhiên (fast-check): không bao giờ lỗi, không mất chữ", () => {
  const seeds = [S0, S1];
  const edit = fc.oneof(
    fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
    fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ maxLength: 60 }) }),
    fc.record({ op: fc.constant("lines" as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ op: fc.constant("dupline" as const), a: fc.nat() }),
    fc.record({
      op: fc.constant("marker" as const),
      at: fc.nat(),
      text: fc.constantFrom(
        "\n## ",
        "\n**",
        "**\n",
        "\n- ",
        "\n+ Cấp tỉnh: ",
        "\nIII. ",
        "\n1.1 ",
        "\na) ",
        "./.\n",
        "\n\n",
        "\nNơi nhận:\n",
        "\nKT. CHỦ TỊCH\n",
        "\n- Thời gian thực hiện: ",
      ),
    }),
  );
  type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
  function apply(text: string, e: Edit): string {
    if (e.op === "delete") {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + e.len);
    }
    if (e.op === "insert" || e.op === "marker") {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    const lines = text.split("\n");
    if (lines.length === 0) return text;
    if (e.op === "dupline") {
      const i = e.a % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join("\n");
    }
    const i = e.a % lines.length;
    const j = e.b % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join("\n");
  }
  test("1–6 chỉnh sửa trên mỗi bản kế hoạch mẫu", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        const input = edits.reduce(apply, seeds[which]);
        assertCovered(input, "chỉnh sửa ngẫu nhiên");
      }),
      { numRuns: Number(process.env.BTNN_FUZZ_RUNS ?? 150) },
    );
  });
  test("chuỗi Unicode bất kỳ", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        assertCovered(s, "chuỗi bất kỳ");
      }),
      { numRuns: Number(process.env.BTNN_FUZZ_RUNS ?? 300) },
    );
  });
});
