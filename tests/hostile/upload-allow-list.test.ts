// Issue 13 finding 15: evidence upload accepted `virus.exe`. Every upload route now goes through ONE allow-list of
// document types (src/domain/files/allowed-types.ts): extension + first bytes, no executables / web pages / archives,
// no bidirectional controls in file names. A refused upload is a Vietnamese 4xx naming the field and writes nothing
// (database rows and DATA_DIR/uploads unchanged).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { availableEngines } from "../../src/db/testing.ts";
import { DOCUMENT_EXTENSIONS, DOCUMENT_TYPES } from "../../src/domain/files/allowed-types.ts";
import {
  assertErrorShape,
  type Client,
  createObjects,
  type HostileFixture,
  hostileFixture,
  type Objects,
  signedIn,
  tableCounts,
} from "./fixture.ts";

const MZ = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(64, 0)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(32, 0)]);
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64, 0)]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]), Buffer.alloc(64, 0)]);
const odf = (kind: string) => {
  const b = Buffer.alloc(128, 0);
  Buffer.from([0x50, 0x4b, 0x03, 0x04]).copy(b, 0);
  Buffer.from(`mimetypeapplication/vnd.oasis.opendocument.${kind}`, "latin1").copy(b, 30);
  return b;
};

/** Accepted: one file of every listed type, with the MIME type the download must carry. */
const GOOD: Array<[string, Buffer, string]> = [
  ["Báo cáo kết quả.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "application/pdf"],
  ["Công văn.docx", ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["Công văn cũ.DOC", OLE, "application/msword"],
  ["Bảng số liệu.xlsx", ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["Bảng cũ.xls", OLE, "application/vnd.ms-excel"],
  ["Biên bản.odt", odf("text"), "application/vnd.oasis.opendocument.text"],
  ["Bảng tính.ods", odf("spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet"],
  ["Ảnh chụp.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), "image/jpeg"],
  ["Ảnh quét.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "image/png"],
  ["Ghi chú.txt", Buffer.from("\ufeffGhi chú cuộc họp ngày 04/12/2026"), "text/plain; charset=utf-8"],
];

/** Refused by name: [file name, bytes, status, code, field]. */
const BAD: Array<[string, Buffer, number, string, string]> = [
  ["virus.exe", MZ, 415, "file_type", "/file_name"],
  ["cai-dat.msi", OLE, 415, "file_type", "/file_name"],
  ["chay.bat", Buffer.from("@echo off\r\ndel /q *"), 415, "file_type", "/file_name"],
  ["kich-ban.js", Buffer.from("alert(1)"), 415, "file_type", "/file_name"],
  ["trang.html", Buffer.from("<script>alert(1)</script>"), 415, "file_type", "/file_name"],
  [
    "anh.svg",
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    415,
    "file_type",
    "/file_name",
  ],
  ["goi-tin.zip", ZIP, 415, "file_type", "/file_name"],
  ["khong-co-duoi", Buffer.from("văn bản"), 415, "file_type", "/file_name"],
  ["tệp.PDF.exe", MZ, 415, "file_type", "/file_name"],
  // Content that is not what the extension says: a renamed executable / web page.
  ["hoa-don.pdf", MZ, 415, "file_type", "/body"],
  ["anh.png", Buffer.from("<html><script>alert(1)</script></html>"), 415, "file_type", "/body"],
  ["bang.xlsx", ELF, 415, "file_type", "/body"],
  ["ghi-chu.txt", ELF, 415, "file_type", "/body"],
  ["bien-ban.odt", ZIP, 415, "file_type", "/body"],
  // Bidirectional controls: "báo cáo\u202Efdp.exe" is displayed as "báo cáoexe.pdf". Refused at the edge by the one
  // text normaliser of every field (src/http/validation.ts: 400 invalid_input naming the field), before the upload rule.
  ["báo cáo\u202efdp.exe", MZ, 400, "invalid_input", "/file_name"],
  ["hop-dong\u2067fdp.txt", Buffer.from("x"), 400, "invalid_input", "/file_name"],
  ["\u202ahop-le.pdf", Buffer.from("%PDF-1.4"), 400, "invalid_input", "/file_name"],
];

test("finding 15: the allow-list holds office documents, PDF, images and text only — no executable, script, page or archive", () => {
  for (const ext of [".exe", ".msi", ".bat", ".cmd", ".com", ".scr", ".js", ".vbs", ".ps1", ".sh", ".jar"])
    assert.ok(!DOCUMENT_EXTENSIONS.includes(ext), ext);
  for (const ext of [".html", ".htm", ".svg", ".xhtml", ".zip", ".rar", ".7z", ".docm", ".xlsm"])
    assert.ok(!DOCUMENT_EXTENSIONS.includes(ext), ext);
  // Every type has a content check: an executable header passes none of them.
  for (const t of DOCUMENT_TYPES) for (const exe of [MZ, ELF]) assert.equal(t.sniff(exe), false, t.label);
});

for (const engine of availableEngines()) {
  describe(`finding 15: one allow-list of document types for every upload route (${engine})`, () => {
    let fx: HostileFixture;
    let dataDir: string;
    let uploads: string;
    let inS: Objects;
    let officer: Client;

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), "btnn-allow-list-"));
      uploads = join(dataDir, "uploads");
      fx = await hostileFixture(engine, { config: { dataDir } });
      inS = await createObjects(fx.database.db, "in");
      officer = await signedIn(fx.app, "officer");
    });
    after(async () => {
      await fx?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const state = async () => ({
      rows: await tableCounts(fx.database),
      files: existsSync(uploads) ? readdirSync(uploads).sort() : [],
    });
    const upload = (name: string, bytes: Buffer) =>
      officer.request({
        method: "POST",
        url: `/api/task-instances/${inS.instance}/evidence?file_name=${encodeURIComponent(name)}`,
        payload: bytes,
        headers: { "content-type": "application/octet-stream" },
      });

    test("finding 15: evidence upload refuses virus.exe, renamed executables, pages, archives and bidi-control names (Vietnamese 4xx naming the field, nothing written)", async () => {
      for (const [name, bytes, status, code, field] of BAD) {
        const before = await state();
        const r = await upload(name, bytes);
        const where = `${JSON.stringify(name)} → ${r.statusCode} ${r.body.slice(0, 200)}`;
        assert.equal(r.statusCode, status, where);
        const body = r.json();
        assertErrorShape(body, where);
        assert.equal(body.code, code, where);
        assert.ok(
          body.issues.some((i: { path: string }) => i.path === field),
          where,
        );
        const said = `${body.error} ${body.issues.map((i: { message: string }) => i.message).join(" ")}`;
        assert.match(said, /tệp|Tệp|ký tự điều khiển hướng văn bản/, where);
        assert.deepEqual(await state(), before, `${where}: nothing written`);
      }
    });

    test("finding 15: evidence upload accepts every listed document type and serves it back with the allow-list's MIME type", async () => {
      for (const [name, bytes, mime] of GOOD) {
        const r = await upload(name, bytes);
        assert.equal(r.statusCode, 201, `${name}: ${r.body.slice(0, 200)}`);
        const row = r.json();
        assert.equal(row.file_name, name.normalize("NFC"));
        const d = await officer.get(`/api/attachments/${row.id}`);
        assert.equal(d.statusCode, 200, name);
        assert.equal(d.headers["content-type"], mime, name);
        assert.deepEqual(d.rawPayload, bytes, name);
      }
      // Stored under generated names with the allow-listed extension only: DATA_DIR/uploads on PGlite, the
      // upload_blobs table on PostgreSQL (src/db/uploads.ts).
      const stored =
        engine === "postgres"
          ? (await fx.database.query<{ name: string }>("select name from upload_blobs")).map((r) => r.name)
          : readdirSync(uploads);
      assert.ok(stored.length >= GOOD.length);
      if (engine === "postgres") assert.equal(existsSync(uploads), false, "nothing in DATA_DIR/uploads");
      for (const f of stored) assert.match(f, /^[0-9a-f-]{36}\.(pdf|docx|doc|xlsx|xls|odt|ods|jpg|png|txt)$/, f);
    });

    test("finding 15: plan import goes through the same allow-list (virus.exe, bidi name → refused naming file_name, nothing written)", async () => {
      for (const [name, bytes, status, code] of [
        ["virus.exe", MZ, 415, "file_type"],
        ["ke-hoach\u202excod.exe", MZ, 400, "invalid_input"],
        ["ke-hoach.svg", Buffer.from("<svg/>"), 415, "file_type"],
      ] as Array<[string, Buffer, number, string]>) {
        const before = await state();
        const r = await officer.post("/api/plans/import", {
          file_base64: bytes.toString("base64"),
          file_name: name,
          year: 2024,
          confirm: true,
        });
        const where = `${JSON.stringify(name)} → ${r.statusCode} ${r.body.slice(0, 200)}`;
        assert.equal(r.statusCode, status, where);
        assertErrorShape(r.json(), where);
        assert.equal(r.json().code, code, where);
        assert.ok(
          r.json().issues.some((i: { path: string }) => i.path === "/file_name"),
          where,
        );
        assert.deepEqual(await state(), before, `${where}: nothing written`);
      }
    });
  });
}
