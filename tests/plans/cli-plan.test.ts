import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { btnn, btnnJson } from "../cli/run-cli.ts";
import { planTextToDocx } from "./docx-fixture.ts";
import { SEED_000, SEED_001, seedText } from "./expect.ts";

type Out = {
  plan: { title: string; year: number };
  tasks: Array<{
    number: string;
    lead: Array<{ role: string | null }>;
    timing: { kind: string; instances?: Array<{ due: string; period_label: string }> } | null;
  }>;
  warnings: Array<{ code: string }>;
};

describe("btnn plan import", () => {
  test("KH 2021 --json: 22 nhiệm vụ; mục II.1.1 hạn 01/02/2021 và 02/08/2021", () => {
    const out = btnnJson<Out>("plan", "import", SEED_000);
    assert.equal(out.plan.year, 2021);
    assert.equal(out.tasks.length, 22);
    const t = out.tasks.find((x) => x.number === "II.1.1")!;
    assert.deepEqual(
      t.lead.map((l) => l.role),
      ["CUC_BTNN"],
    );
    assert.deepEqual(
      t.timing?.instances?.map((i) => i.due),
      ["2021-02-01", "2021-08-02"],
    );
  });
  test("--year 2022 thay năm kế hoạch: mục II.1.1 hạn tháng 1 và tháng 7 năm 2022", () => {
    const out = btnnJson<Out>("plan", "import", SEED_000, "--year", "2022");
    const t = out.tasks.find((x) => x.number === "II.1.1")!;
    assert.deepEqual(
      t.timing?.instances?.map((i) => i.period_label),
      ["6 tháng cuối năm 2021", "6 tháng đầu năm 2022"],
    );
  });
  test("tệp .docx qua CLI, bảng tiếng Việt khi không có --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "btnn-plan-cli-"));
    const path = join(dir, "kh.docx");
    writeFileSync(path, await planTextToDocx(seedText(SEED_001)));
    const r = btnn("plan", "import", path);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Kế hoạch: Triển khai các nhiệm vụ trọng tâm công tác bồi thường nhà nước năm 2024/);
    assert.match(r.stdout, /II\.6 +Sở Tư pháp +có thời hạn — hạn 30\/09\/2024/);
    // 6 as before + II.1.a and II.4 whose executors name no lead.
    assert.match(r.stdout, /Cảnh báo \(8\):/);
  });
  test("năm sai → mã thoát 2, một dòng nêu --year", () => {
    const r = btnn("plan", "import", SEED_000, "--year", "21");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Lỗi: --year: năm không hợp lệ "21"/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  });
  test("tệp không tồn tại / .docx hỏng / thiếu FILE → mã thoát 2, một dòng", () => {
    const missing = btnn("plan", "import", "/khong/co/tep.md");
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^Lỗi: file: không đọc được tệp .*không tồn tại/);
    const dir = mkdtempSync(join(tmpdir(), "btnn-plan-cli-"));
    const bad = join(dir, "hong.docx");
    writeFileSync(bad, "không phải zip");
    const r = btnn("plan", "import", bad);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Lỗi: file: .*không phải tệp \.docx hợp lệ/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
    const none = btnn("plan", "import");
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^Lỗi: FILE: cần đường dẫn/);
  });
  test("tệp trống hoặc không có nhiệm vụ → mã thoát 2, một dòng tiếng Việt (cả với --json)", () => {
    const dir = mkdtempSync(join(tmpdir(), "btnn-plan-cli-"));
    const empty = join(dir, "trong.md");
    writeFileSync(empty, "\n  \n");
    const noTasks = join(dir, "bien-ban.txt");
    writeFileSync(noTasks, "BIÊN BẢN HỌP\nHôm nay các bên đã thống nhất nội dung.\n");
    for (const args of [[empty], [empty, "--json"], [noTasks], [noTasks, "--json"]]) {
      const r = btnn("plan", "import", ...args);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.stdout, "");
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    }
    assert.match(btnn("plan", "import", empty).stderr, /^Lỗi: FILE: tệp .* trống/);
    assert.match(btnn("plan", "import", noTasks).stderr, /^Lỗi: FILE: không tìm thấy nhiệm vụ nào/);
  });
  test("--json: nhiệm vụ không có cơ quan chủ trì → warnings[] có mã no_lead, dòng và nguyên văn dòng nguồn", () => {
    const r = btnn(
      "plan",
      "import",
      new URL("../fixtures/plans/05-thu-nhat-prose.md", import.meta.url).pathname,
      "--json",
    );
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      tasks: Array<{ number: string; lead: unknown[] }>;
      warnings: Array<Record<string, unknown>>;
    };
    const w = out.warnings.find((x) => x.code === "no_lead");
    assert.ok(w, JSON.stringify(out.warnings));
    assert.equal(typeof w.line, "number");
    assert.match(String(w.text), /^Thứ tư, đề nghị Tòa án nhân dân tỉnh/);
    assert.deepEqual(out.tasks.find((t) => t.number === "II.4")?.lead, []);
  });
});
