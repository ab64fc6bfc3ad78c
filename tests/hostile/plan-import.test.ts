// The plan importer under hostile documents (issue 7 §3): random byte corruption of a valid .docx built from the seed
// plan, truncated ZIPs, zip bombs (honest and lying central directory), oversize uploads, wrong extension / content.
// Expected: a clear Vietnamese 4xx (or a successful parse when the damage missed everything that matters), never a
// 5xx, bounded memory, and nothing written when refused — through POST /api/plans/import (confirm: true) and
// readPlanFile on disk.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { crc32, createDeflateRaw } from "node:zlib";
import fc from "fast-check";
import { availableEngines } from "../../src/db/testing.ts";
import { readPlanFile } from "../../src/documents/import/index.ts";
import { checkZipBounds } from "../../src/documents/import/zip-guard.ts";
import { planTextToDocx } from "../plans/docx-fixture.ts";
import { SEED_001, seedText } from "../plans/expect.ts";
import {
  assertErrorShape,
  type Client,
  type HostileFixture,
  hostileFixture,
  signedIn,
  tableCounts,
} from "./fixture.ts";

const SEED = 7_2026;

type Entry = { name: string; data: Buffer; size: number; crc: number; method: 0 | 8 };

/** A hand-assembled ZIP (local headers, central directory, end record) — sizes as given, even when they lie. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.crc >>> 0, 14);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(e.size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.crc >>> 0, 16);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(e.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    central.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const stored = (name: string, text: string): Entry => {
  const data = Buffer.from(text, "utf8");
  return { name, data, size: data.length, crc: crc32(data), method: 0 };
};

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** word/document.xml of `mib` MiB, deflated as a stream (bounded memory here). */
async function bombEntry(mib: number): Promise<Entry> {
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`,
  );
  // One giant text run of a single letter: deflate's best ratio (~1000:1).
  const tail = Buffer.from("</w:t></w:r></w:p></w:body></w:document>");
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  const out: Buffer[] = [];
  const z = createDeflateRaw({ level: 9 });
  z.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => z.on("end", resolve));
  let size = 0;
  let crc = 0;
  const write = (b: Buffer) =>
    new Promise<void>((resolve) => {
      size += b.length;
      crc = crc32(b, crc);
      if (z.write(b)) resolve();
      else z.once("drain", () => resolve());
    });
  await write(head);
  for (let i = 0; i < mib; i++) await write(chunk);
  await write(tail);
  z.end();
  await done;
  return { name: "word/document.xml", data: Buffer.concat(out), size, crc, method: 8 };
}

/** A .docx around the bomb entry; `declared` overrides the uncompressed size written in the headers (a lie). */
const bombDocx = (doc: Entry, declared?: number) =>
  zip([
    stored("[Content_Types].xml", CONTENT_TYPES),
    stored("_rels/.rels", RELS),
    { ...doc, size: declared ?? doc.size },
  ]);

let validDocx: Buffer;
let bombHonest: Buffer;
let bombLying: Buffer;
const dir = mkdtempSync(join(tmpdir(), "btnn-hostile-import-"));

before(async () => {
  validDocx = await planTextToDocx(seedText(SEED_001));
  const doc = await bombEntry(300);
  bombHonest = bombDocx(doc);
  bombLying = bombDocx(doc, 4096);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("Bom nén và tệp ZIP hỏng (đọc tệp trên đĩa)", () => {
  test("tệp .docx hợp lệ qua được kiểm tra kích thước giải nén", () => {
    const r = checkZipBounds(validDocx);
    assert.ok(r.ok, JSON.stringify(r));
  });

  test("bom nén khai báo đúng kích thước (300 MiB document.xml trong tệp nhỏ) → lỗi rõ ràng, không giải nén", async () => {
    assert.ok(bombHonest.length < 700_000, `tệp bom ${bombHonest.length} byte`);
    const path = join(dir, "bom.docx");
    writeFileSync(path, bombHonest);
    const rss = process.memoryUsage().rss;
    await assert.rejects(
      readPlanFile(path),
      /bom.docx.*không đọc được như tệp \.docx \(mục "word\/document\.xml" giải nén ra 300 MiB/,
    );
    assert.ok(process.memoryUsage().rss - rss < 150 * 1024 * 1024, "memory stays bounded");
  });

  test("bom nén khai báo dối (4 KiB) → phát hiện khi giải nén có giới hạn, không cấp phát 300 MiB", async () => {
    const path = join(dir, "bom-doi.docx");
    writeFileSync(path, bombLying);
    const rss = process.memoryUsage().rss;
    await assert.rejects(readPlanFile(path), /giải nén ra nhiều hơn kích thước khai báo/);
    assert.ok(process.memoryUsage().rss - rss < 150 * 1024 * 1024, "memory stays bounded");
  });

  test("tệp ZIP bị cắt cụt ở 12 vị trí → lỗi một dòng tiếng Việt, không treo", async () => {
    for (let i = 1; i <= 12; i++) {
      const cut = Math.floor((validDocx.length * i) / 13);
      const path = join(dir, `cut-${i}.docx`);
      writeFileSync(path, validDocx.subarray(0, cut));
      await assert.rejects(readPlanFile(path), /không (đọc được như|phải) tệp \.docx/, `cắt tại ${cut}`);
    }
  });
});

for (const engine of availableEngines()) {
  describe(`POST /api/plans/import với tệp độc hại (${engine})`, () => {
    let fx: HostileFixture;
    let officer: Client;
    before(async () => {
      fx = await hostileFixture(engine);
      officer = await signedIn(fx.app, "officer");
    });
    after(() => fx.close());

    const send = (file: Buffer, fileName: string, extra: Record<string, unknown> = {}) =>
      officer.post("/api/plans/import", {
        file_base64: file.toString("base64"),
        file_name: fileName,
        year: 2024,
        confirm: true,
        ...extra,
      });

    /** A refused upload: status, Vietnamese error naming the file field, nothing written. */
    async function refused(file: Buffer, fileName: string, status: number, code: RegExp, field = "/file_base64") {
      const before = await tableCounts(fx.database);
      const r = await send(file, fileName);
      const where = `${fileName}: ${r.statusCode} ${r.body.slice(0, 300)}`;
      assert.equal(r.statusCode, status, where);
      const body = r.json();
      assertErrorShape(body, where);
      assert.match(body.code, code, where);
      assert.ok(
        body.issues.some((i) => i.path === field),
        where,
      );
      assert.deepEqual(await tableCounts(fx.database), before, `${where}: nothing written`);
      return body;
    }

    test("đối chứng: .docx hợp lệ (xem trước) → 200 với các nhiệm vụ", async () => {
      const r = await send(validDocx, "KH 2024.docx", { confirm: false });
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.ok(r.json().tasks.length > 5);
    });

    test("bom nén (khai báo đúng / khai báo dối) → 422 tiếng Việt, không ghi gì", async () => {
      const a = await refused(bombHonest, "bom.docx", 422, /^docx_too_large$/);
      assert.match(a.error, /bom nén|giải nén ra 300 MiB/);
      const b = await refused(bombLying, "bom-doi.docx", 422, /^docx_too_large$/);
      assert.match(b.error, /nhiều hơn kích thước khai báo/);
    });

    test("tệp ZIP bị cắt cụt → 422 not_docx, không ghi gì", async () => {
      for (const frac of [0.1, 0.5, 0.9, 0.999])
        await refused(validDocx.subarray(0, Math.floor(validDocx.length * frac)), "cut.docx", 422, /^not_docx$/);
    });

    test("hỏng ngẫu nhiên 1–16 byte của .docx → không bao giờ 5xx; bị từ chối thì không ghi gì", async () => {
      let refusedCount = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.noShrink(
            fc.array(fc.tuple(fc.nat({ max: validDocx.length - 1 }), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 16,
            }),
          ),
          async (edits) => {
            const bytes = Buffer.from(validDocx);
            for (const [at, v] of edits) bytes[at] = v;
            const before = await tableCounts(fx.database);
            const r = await send(bytes, "hong.docx", { confirm: false });
            const where = `${JSON.stringify(edits)} → ${r.statusCode} ${r.body.slice(0, 200)}`;
            assert.ok(r.statusCode === 200 || r.statusCode === 422, where);
            if (r.statusCode === 422) {
              refusedCount++;
              assertErrorShape(r.json(), where);
              assert.deepEqual(await tableCounts(fx.database), before, where);
            }
          },
        ),
        { seed: SEED, numRuns: 30 },
      );
      assert.ok(refusedCount > 0, "some corruptions are detected");
    });

    test("tệp quá giới hạn: base64 > 1 000 000 ký tự → 400 nêu file_base64; thân > 1 MiB → 413 tiếng Việt", async () => {
      const before = await tableCounts(fx.database);
      const big = await officer.post("/api/plans/import", { file_base64: "A".repeat(1_000_004), file_name: "a.docx" });
      assert.equal(big.statusCode, 400);
      assertErrorShape(big.json(), "400");
      assert.ok(big.json().issues.some((i: { path: string }) => i.path === "/file_base64"));
      const huge = await officer.post("/api/plans/import", { text: "x".repeat(1_100_000) });
      assert.equal(huge.statusCode, 413);
      assertErrorShape(huge.json(), "413");
      assert.equal(huge.json().code, "body_too_large");
      assert.deepEqual(await tableCounts(fx.database), before);
    });

    test("sai đuôi / sai nội dung: .pdf, .exe, .doc (OLE), .txt nhị phân, .docx là văn bản → 4xx tiếng Việt, không ghi gì", async () => {
      await refused(Buffer.from("%PDF-1.4\n1 0 obj\nKẾ HOẠCH\n"), "ke-hoach.pdf", 415, /^file_type$/, "/file_name");
      await refused(Buffer.from("MZ\x90\x00"), "setup.exe", 415, /^file_type$/, "/file_name");
      await refused(
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        "cu.doc",
        415,
        /^(file_type|old_doc)$/,
        "/file_name",
      );
      await refused(
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        "doi-ten.docx",
        415,
        /^old_doc$/,
      );
      await refused(Buffer.from("KẾ HOẠCH\u0000\u0001\u0002 năm 2024\nI. NHIỆM VỤ"), "nhi-phan.txt", 422, /^encoding$/);
      await refused(Buffer.from("KẾ HOẠCH năm 2024 (văn bản thường)"), "gia.docx", 422, /^not_docx$/);
    });
  });
}
