import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { importPlanFile, readPlanFile } from "../../src/documents/import/index.ts";
import { DomainError } from "../../src/domain/shared/errors.ts";
import { planTextToDocx } from "./docx-fixture.ts";
import { SEED_000, SEED_001, seedText } from "./expect.ts";
import { assertSeed000 } from "./golden-000.ts";
import { assertSeed001 } from "./golden-001.ts";

const dir = mkdtempSync(join(tmpdir(), "btnn-plan-docx-"));

async function docxOf(seed: string, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await planTextToDocx(seedText(seed)));
  return path;
}

describe("Nhập kế hoạch từ .docx (tạo bằng thư viện docx, đọc lại qua mammoth)", () => {
  test("KH 2021 (seed 000) .docx — mọi nhiệm vụ và mọi trường như bản .md", async () => {
    const path = await docxOf(SEED_000, "kh2021.docx");
    const file = await readPlanFile(path);
    assert.equal(file.format, "docx");
    assert.deepEqual(file.warnings, []);
    const plan = await importPlanFile(path);
    assertSeed000(plan);
    assert.deepEqual(
      plan.tasks.find((t) => t.number === "II.1.1")?.timing?.instances?.map((i) => i.due),
      ["2021-02-01", "2021-08-02"],
    );
  });
  test("KH Thanh Hóa 2024 (seed 001) .docx — mọi nhiệm vụ và mọi trường như bản .md", async () => {
    const plan = await importPlanFile(await docxOf(SEED_001, "kh-thanh-hoa-2024.docx"));
    assertSeed001(plan);
  });
  test("tệp .docx không phải ZIP → lỗi rõ ràng (trường file)", async () => {
    const path = join(dir, "fake.docx");
    writeFileSync(path, "đây không phải tệp Word");
    await assert.rejects(readPlanFile(path), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.field, "file");
      assert.match(e.message, /không phải tệp \.docx hợp lệ/);
      return true;
    });
  });
  test("tệp ZIP không có word/document.xml → lỗi rõ ràng", async () => {
    const path = join(dir, "empty.docx");
    // Minimal empty ZIP: end-of-central-directory record only.
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    await assert.rejects(readPlanFile(path), /không đọc được như tệp \.docx/);
  });
  test("tệp quá 10 MiB → lỗi nêu giới hạn", async () => {
    const path = join(dir, "big.txt");
    writeFileSync(path, Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    await assert.rejects(readPlanFile(path), /quá lớn .*tối đa 10 MiB/);
  });
  test("tệp không tồn tại, tệp .doc cũ, văn bản không phải UTF-8 → lỗi một dòng", async () => {
    await assert.rejects(readPlanFile(join(dir, "khong-co.md")), /không tồn tại/);
    const doc = join(dir, "old.doc");
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await assert.rejects(readPlanFile(doc), /Word 97–2003/);
    const latin = join(dir, "latin1.txt");
    writeFileSync(latin, Buffer.from([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0xe0, 0x63, 0x68]));
    await assert.rejects(readPlanFile(latin), /không phải văn bản UTF-8/);
  });
  test(".md và .txt đọc nguyên văn (UTF-8, bỏ BOM)", async () => {
    const md = join(dir, "a.md");
    writeFileSync(md, `\uFEFF${seedText(SEED_001)}`);
    const r = await readPlanFile(md);
    assert.equal(r.format, "md");
    assert.equal(r.text, seedText(SEED_001));
    const txt = join(dir, "a.txt");
    writeFileSync(txt, "KẾ HOẠCH");
    assert.equal((await readPlanFile(txt)).format, "txt");
  });
});
