// Issue 13 findings 3, 4 and 9 (and issue 16: uploads where every app server sees them) against the real `btnn serve` process (one engine per test file, like the other
// durability suites): the data folder is private (checked as the unprivileged user `nobody`), `btnn backup` works
// while the server runs (on PGlite: through the server, which holds the folder's lock), and backup → restore into a
// fresh folder/database brings every uploaded file back with the same SHA-256, verifies the manifest, and a file lost
// after the restore answers 410, never 500. Uploads (task evidence and claim documents) are files under DATA_DIR/uploads
// on PGlite and rows of upload_blobs on PostgreSQL (src/db/uploads.ts): the same backup carries both.
// Used by storage-pglite.test.ts and storage-postgres.test.ts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { type BackupHeader, restoreDatabase } from "../../src/db/backup.ts";
import { type Engine, openTestDatabase } from "../../src/db/testing.ts";
import { DomainError } from "../../src/domain/shared/errors.ts";
import { ApiClient, killChildren, prepareTarget, runBtnn, type Server, startServer, type Target } from "./harness.ts";

const NOBODY = 65534;
const ID_NUMBER = "038190012345";
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Every folder and file below `dir` with its permission bits. */
function walk(dir: string): Array<{ path: string; dir: boolean; mode: number }> {
  const out: Array<{ path: string; dir: boolean; mode: number }> = [];
  const visit = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    out.push({ path: p, dir: st.isDirectory(), mode: st.mode & 0o777 });
    if (st.isDirectory()) for (const n of readdirSync(p)) visit(join(p, n));
  };
  visit(dir);
  return out;
}

/** What an installation from before the fix looks like: folders 0755, files 0644. */
function loosen(dir: string) {
  for (const e of walk(dir)) chmodSync(e.path, e.dir ? 0o755 : 0o644);
}

/** Reads the first bytes of `path` as user nobody (uid/gid 65534); the test process is root. */
function readAsNobody(path: string): { ok: boolean; stderr: string } {
  const r = spawnSync("head", ["-c", "16", path], { uid: NOBODY, gid: NOBODY, encoding: "utf8" });
  return { ok: r.status === 0, stderr: r.stderr };
}

/** Evidence files of every kind the allow-list takes (the bytes pass its content check). */
const FILES: Array<[string, Buffer]> = [
  ["Báo cáo kết quả giải quyết.pdf", Buffer.from(`%PDF-1.7\n% ${"báo cáo ".repeat(200)}\n%%EOF\n`)],
  [
    "Ảnh biên bản.png",
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]),
  ],
  ["Công văn trả lời.docx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2048, 1)])],
  ["Ghi chú cuộc họp.txt", Buffer.from(`Ghi chú ngày 04/12/2026 — người yêu cầu bồi thường ${"x".repeat(5000)}`)],
];

function rewriteBackup(src: string, dst: string, edit: (lines: string[]) => string[]) {
  const lines = gunzipSync(readFileSync(src)).toString("utf8").split("\n");
  writeFileSync(dst, gzipSync(edit(lines).join("\n")));
}

export function storageSuite(engine: Engine): void {
  const skip =
    engine === "postgres" && !process.env.TEST_DATABASE_URL
      ? "TEST_DATABASE_URL chưa đặt"
      : process.getuid?.() !== 0
        ? "cần chạy bằng root để đọc thử dưới tài khoản nobody (uid 65534)"
        : false;

  describe(`Thư mục dữ liệu riêng tư, sao lưu trực tuyến, sao lưu giữ tệp tải lên (${engine})`, { skip }, () => {
    let source: Target | undefined;
    let restored: Target | undefined;
    let server: Server | undefined;
    const work = mkdtempSync(join(tmpdir(), `btnn-storage-${engine}-`));
    const backupFile = join(work, "ban-sao-luu.jsonl.gz");
    /** attachment id → SHA-256 of the bytes downloaded from the source server. */
    const hashes = new Map<string, string>();
    const uploadIds: string[] = [];
    /** The claim document uploaded through /api/claims/:id/documents, as a download path. */
    let claimDocPath = "";
    let claimDocHash = "";
    /** Stored names of uploads kept in the database (PostgreSQL). */
    const blobNames = async (t: Target) => {
      const db = await t.open();
      try {
        return (await db.query<{ name: string }>("select name from upload_blobs order by name")).map((r) => r.name);
      } finally {
        await db.close();
      }
    };
    let t0 = Date.now();
    const lap = (t: { diagnostic(m: string): void }, what: string) => {
      t.diagnostic(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      t0 = Date.now();
    };
    after(async () => {
      await killChildren();
      await source?.cleanup();
      await restored?.cleanup();
      rmSync(work, { recursive: true, force: true });
    });

    test("finding 3: DATA_DIR becomes 0700 and every file 0600 on start (Vietnamese log line); user nobody cannot read the database, its WAL or an upload", async (t) => {
      t0 = Date.now();
      source = await prepareTarget(engine);
      lap(t, "chuẩn bị");
      // An installation from before the fix: loose folders and files, an old upload readable by anyone.
      const legacy = join(source.dataDir, "uploads", "00000000-0000-4000-8000-000000000000.txt");
      mkdirSync(join(source.dataDir, "uploads"), { recursive: true });
      writeFileSync(legacy, "tệp tải lên cũ");
      loosen(source.dataDir);
      const wal = () => {
        const dir = join(source!.pgliteDir, "pg_wal");
        return readdirSync(dir)
          .filter((f) => /^[0-9A-F]{24}$/.test(f))
          .map((f) => join(dir, f));
      };
      // Control: before the fix the check does succeed, so an EACCES below is the fix's doing.
      assert.equal(readAsNobody(legacy).ok, true, "control: nobody reads a 0644 upload in a 0755 folder");
      if (engine === "pglite") assert.equal(readAsNobody(wal()[0]).ok, true, "control: nobody reads the WAL");

      server = await startServer(source);
      lap(t, "khởi động máy chủ");
      assert.match(server.output(), /Đã sửa quyền thư mục dữ liệu .* thành 0700: \d+ thư mục → 0700, \d+ tệp → 0600/);
      const client = new ApiClient(server.base);
      await client.login();
      const claim = await client.post("/api/claims", {
        field: "civil_enforcement",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: "Nguyễn Thị Riêng Tư",
        claimant_id_number: ID_NUMBER,
        summary: "Vụ việc kiểm tra quyền tệp dữ liệu",
        events: [{ type: "received", date: "2026-03-02" }],
      });
      assert.equal(claim.status, 201, JSON.stringify(claim.body));
      const plan = await client.post("/api/plans", {
        agency_id: "cuc-btnn",
        title: "Kế hoạch kiểm tra sao lưu tệp",
        year: 2026,
        tasks: [{ ref: "1", content: "Nộp báo cáo kết quả" }],
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const taskId = (plan.body as { tasks: Array<{ id: string }> }).tasks[0].id;
      const inst = await client.post("/api/task-instances", {
        items: [{ task_id: taskId, agency_id: "cuc-btnn", due: "2026-12-15" }],
      });
      assert.equal(inst.status, 201, JSON.stringify(inst.body));
      const instance = (inst.body as { items: Array<{ id: string }> }).items[0].id;
      for (const [name, bytes] of FILES) {
        const r = await client.post(
          `/api/task-instances/${instance}/evidence?file_name=${encodeURIComponent(name)}`,
          bytes,
        );
        assert.equal(r.status, 201, `${name}: ${JSON.stringify(r.body)}`);
        uploadIds.push((r.body as { id: string }).id);
      }
      // A document on the claim's file goes through the same upload store.
      const claimId = (claim.body as { id: string }).id;
      const doc = Buffer.from(`%PDF-1.4\n% đơn yêu cầu bồi thường ${"đ".repeat(4000)}\n%%EOF\n`);
      const cd = await client.post(
        `/api/claims/${claimId}/documents?kind=claim_request&title=${encodeURIComponent("Đơn yêu cầu")}&file_name=${encodeURIComponent("Đơn yêu cầu bồi thường.pdf")}`,
        doc,
      );
      assert.equal(cd.status, 201, JSON.stringify(cd.body));
      claimDocPath = `/api/claims/${claimId}/documents/${(cd.body as { id: string }).id}`;
      claimDocHash = sha(doc);
      // A generated letter (kept in the database row) is an attachment too.
      const req = await client.post("/api/requests", {
        kind: "guidance",
        from_agency_id: "thads-thanh-hoa",
        to_agency_id: "cuc-btnn",
        topic: "hướng dẫn nghiệp vụ sao lưu",
        situation: { topic: "compensation" },
      });
      assert.equal(req.status, 201, JSON.stringify(req.body));
      const letter = await client.post(`/api/requests/${(req.body as { id: string }).id}/letter`, {
        signature: { title: "Cục trưởng", name: "Nguyễn Văn An" },
        unit_code: "NV",
        date: "2026-03-05",
      });
      assert.equal(letter.status, 201);
      const ids = [...uploadIds, String(letter.headers.get("x-attachment-id"))];
      for (const id of ids) {
        const d = await client.get(`/api/attachments/${id}`);
        assert.equal(d.status, 200);
        hashes.set(id, sha(d.body as Buffer));
      }
      const dd = await client.get(claimDocPath);
      assert.equal(dd.status, 200);
      assert.equal(sha(dd.body as Buffer), claimDocHash);

      lap(t, "ghi dữ liệu");
      // Every folder 0700 and every file 0600 — also what was created after the start (uploads, new WAL records).
      const loose = walk(source.dataDir).filter((e) => e.mode !== (e.dir ? 0o700 : 0o600));
      assert.deepEqual(
        loose.map((e) => `${e.path} ${e.mode.toString(8)}`),
        [],
      );
      const uploads = readdirSync(join(source.dataDir, "uploads")).filter((f) => !f.startsWith("."));
      if (engine === "postgres") {
        // Every app server on this database sees the uploads: they are in PostgreSQL, not on this machine's disk.
        assert.deepEqual(uploads, [legacy.split("/").pop()]);
        assert.equal((await blobNames(source)).length, FILES.length + 1);
      } else assert.equal(uploads.length, FILES.length + 2);
      for (const f of [legacy, join(source.dataDir, "uploads", uploads[0]), source.dataDir]) {
        const r = readAsNobody(f);
        assert.equal(r.ok, false, `nobody read ${f}`);
        assert.match(r.stderr, /Permission denied|Is a directory/, f);
      }
      if (engine === "pglite") {
        // The claimant's ID number is in the WAL (that is what the issue found): only the owner can read it now.
        assert.ok(
          wal().some((f) => readFileSync(f).includes(ID_NUMBER)),
          "the ID number is in pg_wal",
        );
        for (const f of wal()) {
          const r = readAsNobody(f);
          assert.equal(r.ok, false, `nobody read ${f}`);
          assert.match(r.stderr, /Permission denied/, f);
        }
      }
    });

    test(`finding 9: btnn backup FILE works while the server runs${engine === "pglite" ? " (PGlite folder locked: written by the server through POST /api/admin/backup with the owner-only control token)" : ""}`, async (t) => {
      assert.ok(source && server);
      t0 = Date.now();
      if (engine === "pglite") {
        assert.ok(existsSync(join(source.dataDir, "btnn.lock")) || existsSync(join(source.pgliteDir, "btnn.lock")));
        const control = join(source.dataDir, "btnn-control.json");
        assert.equal(statSync(control).mode & 0o777, 0o600);
        // The endpoint is closed without the token, whatever the session.
        const anon = await new ApiClient(server.base).post("/api/admin/backup", { file: join(work, "x.jsonl.gz") });
        assert.equal(anon.status, 401);
        assert.equal(existsSync(join(work, "x.jsonl.gz")), false);
      }
      const cli = runBtnn(source, ["backup", backupFile, "--json"]);
      const exit = await cli.exited;
      assert.equal(exit.code, 0, cli.output());
      const out = JSON.parse(cli.output().slice(cli.output().indexOf("{"))) as BackupHeader & { online: boolean };
      lap(t, "btnn backup");
      assert.equal(out.online, engine === "pglite");
      assert.equal(out.format, "btnn-backup");
      assert.equal(out.version, 2);
      assert.equal(out.uploads?.files, FILES.length + 1, "evidence files and the claim document");
      assert.ok((out.uploads?.bytes ?? 0) > FILES.reduce((n, [, b]) => n + b.length, 0));
      assert.equal(out.uploads?.missing, 0);
      assert.equal(statSync(backupFile).mode & 0o777, 0o600, "the backup file is the owner's only");
      // The server kept serving during and after the backup.
      const health = await new ApiClient(server.base).get("/api/health");
      assert.equal(health.status, 200);
    });

    test("finding 4: backup → restore keeps every upload: every attachment downloads with the same SHA-256; a tampered backup is refused; a lost file answers 410", async (t) => {
      assert.ok(source && server);
      t0 = Date.now();
      // Stop the source server; an offline backup of the same data has the same format as the online one.
      server.child.kill("SIGTERM");
      assert.equal((await server.exited).code, 0);
      assert.equal(existsSync(join(source.dataDir, "btnn-control.json")), false, "control file removed on stop");
      lap(t, "dừng máy chủ");
      const offlineFile = join(work, "offline.jsonl.gz");
      const off = runBtnn(source, ["backup", offlineFile, "--json"]);
      assert.equal((await off.exited).code, 0, off.output());
      lap(t, "sao lưu ngoại tuyến");
      const offline = JSON.parse(off.output().slice(off.output().indexOf("{"))) as BackupHeader & { online: boolean };
      const online = JSON.parse(gunzipSync(readFileSync(backupFile)).toString("utf8").split("\n")[0]) as BackupHeader;
      assert.equal(offline.online, false);
      assert.equal(offline.version, online.version);
      assert.deepEqual(
        offline.tables.map((t) => [t.name, t.columns]),
        online.tables.map((t) => [t.name, t.columns]),
      );

      // Tampered copies are refused before anything is written (in process, same engine).
      const badFile = join(work, "sua-tep.jsonl.gz");
      rewriteBackup(backupFile, badFile, (lines) =>
        lines.map((l) => {
          if (!l.startsWith('{"f":')) return l;
          const o = JSON.parse(l) as { f: string; b: string };
          const bytes = Buffer.from(o.b, "base64");
          bytes[bytes.length >> 1] ^= 0xff;
          return JSON.stringify({ f: o.f, b: bytes.toString("base64") });
        }),
      );
      const badRow = join(work, "sua-bang.jsonl.gz");
      rewriteBackup(backupFile, badRow, (lines) =>
        lines.map((l) =>
          l.includes(ID_NUMBER) && l.startsWith('{"t":"claims"') ? l.replace(ID_NUMBER, "038190099999") : l,
        ),
      );
      const cut = join(work, "cat-cut.jsonl.gz");
      rewriteBackup(backupFile, cut, (lines) => lines.filter((l) => !l.startsWith('{"manifest"')));
      for (const [file, message] of [
        [badFile, /Tệp .*: mã SHA-256 không khớp phần kê khai/],
        [badRow, /Bảng "claims": mã SHA-256 của dữ liệu không khớp/],
        [cut, /bị cắt cụt: thiếu phần kê khai/],
      ] as Array<[string, RegExp]>) {
        const db = await openTestDatabase({ engine });
        const uploads = mkdtempSync(join(work, "uploads-"));
        try {
          await assert.rejects(restoreDatabase(db, file, { uploadsDir: uploads }), (e: unknown) => {
            assert.ok(e instanceof DomainError, String(e));
            assert.equal(e.code, "invalid_backup");
            assert.match(e.message, message);
            return true;
          });
          const [c] = await db.query<{ n: number }>("select count(*)::int as n from claims");
          assert.equal(Number(c.n), 0, "nothing restored");
          assert.deepEqual(readdirSync(uploads), [], "no file left behind");
        } finally {
          await db.close();
        }
      }

      lap(t, "bản sao lưu bị sửa");
      // The real thing: `btnn restore` into a fresh folder / database, then the server on it.
      restored = await prepareTarget(engine, { seed: false });
      // A migrated empty database (PGlite: from the cached template, quicker than a fresh initdb).
      await (await restored.open()).close();
      const rs = runBtnn(restored, ["restore", backupFile]);
      assert.equal((await rs.exited).code, 0, rs.output());
      assert.match(rs.output(), new RegExp(`và ${FILES.length + 1} tệp tải lên \\(đã kiểm tra SHA-256\\)`));
      lap(t, "btnn restore");
      const again = await startServer(restored);
      lap(t, "khởi động máy chủ mới");
      const client = new ApiClient(again.base);
      await client.login();
      for (const [id, want] of hashes) {
        const d = await client.get(`/api/attachments/${id}`);
        assert.equal(d.status, 200, `${id}: ${JSON.stringify(d.body).slice(0, 200)}`);
        assert.equal(sha(d.body as Buffer), want, `attachment ${id}`);
      }
      const dd = await client.get(claimDocPath);
      assert.equal(dd.status, 200);
      assert.equal(sha(dd.body as Buffer), claimDocHash, "claim document");
      // A file lost after the restore (from DATA_DIR/uploads, or its blob row): a coded 410 in Vietnamese, never a 500.
      if (engine === "postgres") {
        assert.equal((await blobNames(restored)).length, FILES.length + 1, "blobs restored into PostgreSQL");
        const db = await restored.open();
        try {
          await db.query("delete from upload_blobs where name in (select stored_name from attachments where id = $1)", [
            uploadIds[1],
          ]);
        } finally {
          await db.close();
        }
      } else {
        const [lost] = readdirSync(join(restored.dataDir, "uploads")).filter((f) => f.endsWith(".png"));
        unlinkSync(join(restored.dataDir, "uploads", lost));
      }
      const gone = await Promise.all(uploadIds.map((id) => client.get(`/api/attachments/${id}`)));
      const g = gone.find((r) => r.status !== 200);
      assert.ok(g, "one download fails");
      assert.equal(g.status, 410);
      assert.equal((g.body as { code: string }).code, "file_missing");
      assert.match((g.body as { error: string }).error, /không còn trên máy chủ/);
      assert.equal(gone.filter((r) => r.status === 200).length, uploadIds.length - 1);
    });
  });
}
