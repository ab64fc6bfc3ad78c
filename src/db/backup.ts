// Portable logical backup for both engines: a gzip file of JSON lines. Line 1 is the header (format, version, the
// migration the data belongs to, tables in foreign-key order with their columns and row counts); then one line per row
// {"t": table, "r": row-as-JSON}. Rows are rendered by PostgreSQL itself (row_to_json) and read back with
// json_populate_recordset, so dates, timestamps, bigint, jsonb and bytea round-trip exactly on PGlite and on PG 15.
// Version 2 adds the uploaded files of the attachment and claim document rows in the snapshot (wherever they are
// stored: DATA_DIR/uploads or the upload_blobs table — src/db/uploads.ts), as base64 chunks
// {"f": stored name, "b": base64}, and ends with a manifest {"manifest": {tables, files, missing}}: SHA-256 of every
// table's lines and of every file. Restore verifies all of it (and each file against its attachment row's sha256)
// BEFORE touching the database, then goes into an empty migrated database in ONE transaction (or replaces everything
// with `force`; blobs go in with the rows), then moves the DATA_DIR files into place. Version 1 files (no uploads, no manifest) still restore.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { DomainError } from "../domain/shared/errors.ts";
import { appendAudit } from "./audit.ts";
import { latestMigrationId, migrationJournal } from "./migrate.ts";
import { ensureClaimStatistics } from "./repositories/claim-statistics.ts";
import { ensurePendingDeadlines } from "./repositories/pending-deadlines.ts";
import { uploadBlobs } from "./schema/index.ts";
import type { AppDb, Database } from "./types.ts";
import { readStored, STORED_NAME } from "./uploads.ts";

export const BACKUP_FORMAT = "btnn-backup";
export const BACKUP_VERSION = 2;
/** Raw bytes per file line (base64 makes it ~1.4 MB of text). */
const FILE_CHUNK = 1 << 20;
/**
 * Ephemeral tables not worth keeping (sessions would also carry live credentials), and upload_blobs, whose bytes are
 * written as file lines like DATA_DIR's (one at a time, never the whole table in memory).
 */
export const EXCLUDED_TABLES = ["sessions", "login_attempts", "password_reset_tokens", "upload_blobs"];
/** Tables whose rows may point at stored upload bytes (storage "file" or "blob", stored_name, sha256, size). */
const FILE_TABLES = ["attachments", "claim_documents"];
/** Reference rows present in every freshly migrated database (replaced by the backup's rows on restore); derived_versions
 * says which derivation the (empty) derived tables follow. */
const REFERENCE_TABLES = ["roles", "audit_head", "derived_versions"];

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  migration: string;
  created_at: string;
  engine: string;
  tables: Array<{ name: string; columns: string[]; rows: number }>;
  /** Version ≥ 2: uploaded files in this backup (their hashes are in the closing manifest). */
  uploads?: { files: number; bytes: number; missing: number };
};

/** The closing line of a version 2 backup. */
export type BackupManifest = {
  /** SHA-256 (hex) of each table's row lines, exactly as written (each line with its "\n"). */
  tables: Record<string, string>;
  files: Array<{ name: string; size: number; sha256: string }>;
  /** Attachment rows whose file could not be included (gone from disk, or not what the row's hash says). */
  missing: Array<{ name: string; reason: string }>;
};

/** An upload stored outside its row (storage "file" or "blob"), as listed in the snapshot. */
type FileRef = { name: string; sha256: string; size: number; storage: string };

const storedOutside = (r: Record<string, unknown>) => r.storage === "file" || r.storage === "blob";
/** The rows of a backup (or snapshot) whose bytes are stored outside the row, by stored name. */
function storedRows(rows: Map<string, Array<Record<string, unknown>>>): Map<string, Record<string, unknown>> {
  return new Map(
    FILE_TABLES.flatMap((t) => rows.get(t) ?? [])
      .filter(storedOutside)
      .map((r) => [String(r.stored_name ?? ""), r]),
  );
}

const sha256hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

type Exec = (q: ReturnType<typeof sql>) => Promise<Array<Record<string, unknown>>>;

function executor(db: AppDb): Exec {
  return async (q) => {
    const r = (await db.execute(q)) as unknown as { rows: Array<Record<string, unknown>> };
    return r.rows;
  };
}

/** Public tables in foreign-key order (parents first); self-references are ignored here and handled per row. */
export async function tablesInFkOrder(db: AppDb): Promise<string[]> {
  const q = executor(db);
  const tables = (
    await q(sql`select tablename as t from pg_tables where schemaname = 'public' order by tablename`)
  ).map((r) => String(r.t));
  const fks = await q(sql`
    select cl.relname as child, pl.relname as parent
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class pl on pl.oid = c.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where c.contype = 'f' and n.nspname = 'public'`);
  const deps = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const f of fks) if (f.child !== f.parent) deps.get(String(f.child))?.add(String(f.parent));
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (done.has(t)) return;
    if (stack.has(t)) throw new Error(`Vòng phụ thuộc khóa ngoại tại bảng ${t}`);
    stack.add(t);
    for (const p of [...(deps.get(t) ?? [])].sort()) visit(p, stack);
    stack.delete(t);
    done.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

async function selfReferences(db: AppDb): Promise<Map<string, { column: string; refColumn: string }>> {
  const rows = await executor(db)(sql`
    select cl.relname as t, a.attname as col, ra.attname as ref
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
    where c.contype = 'f' and n.nspname = 'public' and c.conrelid = c.confrelid`);
  return new Map(rows.map((r) => [String(r.t), { column: String(r.col), refColumn: String(r.ref) }]));
}

/** Rows whose parent (same table) is listed before them. */
function parentsFirst(rows: Array<Record<string, unknown>>, column: string, refColumn: string) {
  const byKey = new Map(rows.map((r) => [String(r[refColumn]), r]));
  const done = new Set<unknown>();
  const out: Array<Record<string, unknown>> = [];
  const visit = (r: Record<string, unknown>, depth: number) => {
    if (done.has(r) || depth > rows.length) return;
    const parent = r[column] == null ? undefined : byKey.get(String(r[column]));
    if (parent) visit(parent, depth + 1);
    done.add(r);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

async function tableColumns(db: AppDb, table: string): Promise<string[]> {
  const rows = await executor(db)(
    sql`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => String(r.c));
}

function* batches(lines: string[], size = 1 << 20): Generator<string> {
  let buf: string[] = [];
  let len = 0;
  for (const l of lines) {
    buf.push(l);
    len += l.length;
    if (len >= size) {
      yield buf.join("");
      buf = [];
      len = 0;
    }
  }
  if (buf.length) yield buf.join("");
}

export type BackupOptions = {
  actor?: { user_id?: string | null; agency_id?: string | null };
  /** DATA_DIR/uploads: the files of rows stored on disk go into the backup (blobs are read from the database). */
  uploadsDir?: string;
  /** How the backup was asked for (audit): "cli" (default), "online" (through the running server). */
  via?: string;
};

/** Writes a backup of the whole database (and its uploaded files) to `file`. Returns the header. Audited as backup.export. */
export async function backupDatabase(
  database: Database,
  file: string,
  opts: BackupOptions = {},
): Promise<BackupHeader & { manifest: BackupManifest }> {
  const chunks: string[] = [];
  const manifest: BackupManifest = { tables: {}, files: [], missing: [] };
  const refs: FileRef[] = [];
  const header: BackupHeader = await database.db.transaction(
    async (tx) => {
      const q = executor(tx);
      const self = await selfReferences(tx);
      const h: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        migration: latestMigrationId(),
        created_at: new Date().toISOString(),
        engine: database.kind,
        tables: [],
      };
      for (const t of await tablesInFkOrder(tx)) {
        if (EXCLUDED_TABLES.includes(t)) continue;
        const columns = await tableColumns(tx, t);
        let rows = (await q(sql`select row_to_json(x)::text as j from ${sql.identifier(t)} x`)).map(
          (r) => JSON.parse(String(r.j)) as Record<string, unknown>,
        );
        const ref = self.get(t);
        if (ref) rows = parentsFirst(rows, ref.column, ref.refColumn);
        if (t === "audit_log") rows.sort((a, b) => Number(a.seq) - Number(b.seq));
        h.tables.push({ name: t, columns, rows: rows.length });
        const hash = createHash("sha256");
        for (const r of rows) {
          const line = `${JSON.stringify({ t, r })}\n`;
          hash.update(line);
          chunks.push(line);
        }
        manifest.tables[t] = hash.digest("hex");
        if (FILE_TABLES.includes(t))
          refs.push(
            ...rows.filter(storedOutside).map((r) => ({
              name: String(r.stored_name ?? ""),
              sha256: String(r.sha256),
              size: Number(r.size),
              storage: String(r.storage),
            })),
          );
      }
      return h;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  // Files are read after the snapshot transaction (PGlite has one connection: the server keeps serving meanwhile).
  // Bytes referenced by the snapshot are never deleted or changed afterwards (written before or with their row).
  const read = (f: FileRef) =>
    readStored(database.db, opts.uploadsDir, { storage: f.storage, storedName: f.name, content: null });
  const included: FileRef[] = [];
  for (const f of refs) {
    if (f.storage === "file" && !opts.uploadsDir) {
      manifest.missing.push({ name: f.name, reason: "không có thư mục tệp tải lên" });
      continue;
    }
    if (!STORED_NAME.test(f.name)) {
      manifest.missing.push({ name: f.name, reason: "tên tệp lưu trữ không hợp lệ" });
      continue;
    }
    const bytes = await read(f);
    if (!bytes)
      manifest.missing.push({
        name: f.name,
        reason: f.storage === "blob" ? "tệp không còn trong cơ sở dữ liệu" : "tệp không còn trong thư mục tải lên",
      });
    else if (sha256hex(bytes) !== f.sha256)
      manifest.missing.push({ name: f.name, reason: "nội dung tệp khác mã SHA-256 đã ghi khi tải lên" });
    else {
      manifest.files.push({ name: f.name, size: bytes.length, sha256: f.sha256 });
      included.push(f);
    }
  }
  header.uploads = {
    files: manifest.files.length,
    bytes: manifest.files.reduce((n, f) => n + f.size, 0),
    missing: manifest.missing.length,
  };
  async function* lines(): AsyncGenerator<string> {
    yield* batches([`${JSON.stringify(header)}\n`, ...chunks]);
    for (const f of included) {
      // Read again one at a time (up to 10 MiB each) rather than holding every upload in memory.
      const bytes = await read(f);
      if (!bytes || sha256hex(bytes) !== f.sha256) throw new Error(`Tệp ${f.name} thay đổi trong lúc sao lưu`);
      for (let i = 0; i < bytes.length || i === 0; i += FILE_CHUNK)
        yield `${JSON.stringify({ f: f.name, b: bytes.subarray(i, i + FILE_CHUNK).toString("base64") })}\n`;
    }
    yield `${JSON.stringify({ manifest })}\n`;
  }
  // Lines go to gzip in ~1 MB batches: one stream chunk per row needs one event-loop turn per row, which starves
  // (minutes, or never ends) while the same process serves concurrent writes (server under load, PGlite).
  // The file is the account's own (0600): it holds every claimant's personal data.
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  await database.db.transaction(async (tx) => {
    await appendAudit(tx, {
      actor_user_id: opts.actor?.user_id ?? null,
      actor_agency_id: opts.actor?.agency_id ?? null,
      action: "backup.export",
      entity: "database",
      after: {
        file,
        via: opts.via ?? "cli",
        migration: header.migration,
        tables: Object.fromEntries(header.tables.map((t) => [t.name, t.rows])),
        uploads: header.uploads,
      },
    });
  });
  return { ...header, manifest };
}

type ReadBackup = {
  header: BackupHeader;
  rows: Map<string, Array<Record<string, unknown>>>;
  /** Version ≥ 2: the closing manifest, checked against what was read. */
  manifest?: BackupManifest;
  /** Files written to `staging` (verified against the manifest). */
  staged: string[];
};

const invalid = (message: string) => new DomainError("invalid_backup", "file", message);

/**
 * Reads and VERIFIES a backup: table lines and files against the manifest's SHA-256 (version ≥ 2). File contents go
 * to `staging` (created here, 0700) when given, else are only hashed.
 */
async function readBackup(file: string, staging?: string): Promise<ReadBackup> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  const rows = new Map<string, Array<Record<string, unknown>>>();
  const tableHashes = new Map<string, ReturnType<typeof createHash>>();
  const files = new Map<string, { hash: ReturnType<typeof createHash>; size: number }>();
  let open_: { name: string; handle: Awaited<ReturnType<typeof open>> } | null = null;
  let last = "";
  const closeOpen = async () => {
    if (open_) await open_.handle.close();
    open_ = null;
  };
  try {
    for await (const line of lines) {
      if (!line) continue;
      if (manifest) throw invalid("Tệp sao lưu có dữ liệu sau phần kê khai (manifest) — tệp bị sửa hoặc ghép.");
      const obj = JSON.parse(line);
      if (!header) {
        if (obj?.format !== BACKUP_FORMAT)
          throw invalid("Tệp không phải bản sao lưu BTNN (thiếu phần đầu btnn-backup).");
        header = obj as BackupHeader;
        continue;
      }
      if (typeof obj.t === "string") {
        const list = rows.get(obj.t);
        if (list) list.push(obj.r);
        else rows.set(obj.t, [obj.r]);
        const h = tableHashes.get(obj.t) ?? createHash("sha256");
        tableHashes.set(obj.t, h);
        h.update(`${line}\n`);
      } else if (typeof obj.f === "string" && typeof obj.b === "string") {
        if (!STORED_NAME.test(obj.f))
          throw invalid(`Tên tệp "${String(obj.f).slice(0, 80)}" trong bản sao lưu không hợp lệ.`);
        const bytes = Buffer.from(obj.b, "base64");
        const seen = files.get(obj.f);
        if (seen && last !== obj.f) throw invalid(`Tệp ${obj.f} xuất hiện hai lần trong bản sao lưu.`);
        const f = seen ?? { hash: createHash("sha256"), size: 0 };
        files.set(obj.f, f);
        last = obj.f;
        f.hash.update(bytes);
        f.size += bytes.length;
        if (staging) {
          if (open_?.name !== obj.f) {
            await closeOpen();
            open_ = { name: obj.f, handle: await open(join(staging, obj.f), "wx", 0o600) };
          }
          await (open_ as NonNullable<typeof open_>).handle.write(bytes);
        }
      } else if (obj.manifest && typeof obj.manifest === "object") {
        manifest = obj.manifest as BackupManifest;
      } else throw invalid("Tệp sao lưu có dòng không nhận ra.");
    }
  } catch (e) {
    await closeOpen();
    if (e instanceof DomainError) throw e;
    throw invalid(`Không đọc được tệp sao lưu: ${(e as Error).message}`);
  }
  await closeOpen();
  if (!header) throw invalid("Tệp sao lưu rỗng.");
  if (header.version >= 2) {
    if (!manifest) throw invalid("Tệp sao lưu bị cắt cụt: thiếu phần kê khai mã SHA-256 (manifest) ở cuối tệp.");
    for (const t of header.tables) {
      const got = tableHashes.get(t.name)?.digest("hex") ?? sha256hex("");
      if (manifest.tables?.[t.name] !== got)
        throw invalid(`Bảng "${t.name}": mã SHA-256 của dữ liệu không khớp phần kê khai — tệp sao lưu đã bị thay đổi.`);
    }
    const listed = new Map((manifest.files ?? []).map((f) => [f.name, f]));
    for (const [name, f] of files) {
      const want = listed.get(name);
      const got = f.hash.digest("hex");
      if (!want) throw invalid(`Tệp ${name} có trong bản sao lưu nhưng không có trong phần kê khai.`);
      if (want.sha256 !== got || want.size !== f.size)
        throw invalid(`Tệp ${name}: mã SHA-256 không khớp phần kê khai — tệp sao lưu đã bị thay đổi.`);
    }
    for (const name of listed.keys())
      if (!files.has(name)) throw invalid(`Tệp ${name} có trong phần kê khai nhưng thiếu nội dung trong bản sao lưu.`);
    // Each file is the one its attachment row describes (the hash recorded at upload).
    const rowsByName = storedRows(rows);
    const missing = new Set((manifest.missing ?? []).map((m) => m.name));
    for (const [name, r] of rowsByName) {
      const f = listed.get(name);
      if (!f && !missing.has(name))
        throw invalid(
          `Tệp đính kèm ${name} (${String(r.file_name)}) không có trong bản sao lưu và không được kê khai là thiếu.`,
        );
      if (f && f.sha256 !== r.sha256)
        throw invalid(
          `Tệp ${name} (${String(r.file_name)}): mã SHA-256 khác bản ghi tệp đính kèm trong cơ sở dữ liệu.`,
        );
    }
  }
  return { header, rows, manifest, staged: [...files.keys()] };
}

export type RestoreResult = {
  migration: string;
  tables: Record<string, number>;
  replaced: boolean;
  /** Files put back into DATA_DIR/uploads (verified), and attachment files the backup itself lacked. */
  files: number;
  missing_files: Array<{ name: string; reason: string }>;
};

/**
 * Restores a backup into this (migrated) database in one transaction. Refuses when the database already holds data,
 * unless `force` (then every table is emptied first). Refuses a backup made by a newer version of the schema.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  opts: {
    force?: boolean;
    actor?: { user_id?: string | null; agency_id?: string | null };
    /** DATA_DIR/uploads: where the backup's files go (required when the backup holds files). */
    uploadsDir?: string;
  } = {},
): Promise<RestoreResult> {
  // Staged beside the uploads (same file system: the final move is a rename), removed whatever happens; without a
  // data folder (blobs only) in a private temporary folder.
  let staging: string;
  if (opts.uploadsDir) {
    staging = join(opts.uploadsDir, `.restore-${randomUUID()}`);
    await mkdir(staging, { recursive: true, mode: 0o700 });
  } else staging = await mkdtemp(join(tmpdir(), "btnn-restore-"));
  try {
    return await restoreVerified(database, file, opts, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function restoreVerified(
  database: Database,
  file: string,
  opts: { force?: boolean; actor?: { user_id?: string | null; agency_id?: string | null }; uploadsDir?: string },
  staging: string,
): Promise<RestoreResult> {
  const { header, rows, manifest, staged } = await readBackup(file, staging);
  const byName = storedRows(rows);
  const onDisk = staged.filter((n) => byName.get(n)?.storage !== "blob");
  const blobs = staged.filter((n) => byName.get(n)?.storage === "blob");
  if (onDisk.length > 0 && !opts.uploadsDir)
    throw new DomainError(
      "invalid_backup",
      "file",
      "Bản sao lưu có tệp tải lên nhưng không có thư mục tệp tải lên để khôi phục vào (DATA_DIR/uploads).",
    );
  if (header.version > BACKUP_VERSION)
    throw new DomainError(
      "invalid_backup",
      "file",
      `Bản sao lưu định dạng phiên bản ${header.version} mới hơn phần mềm này.`,
    );
  const known = migrationJournal().entries.map((e) => e.tag);
  if (!known.includes(header.migration))
    throw new DomainError(
      "backup_newer",
      "file",
      `Bản sao lưu thuộc lược đồ "${header.migration}" mà phần mềm này không biết — hãy cập nhật phần mềm trước khi khôi phục.`,
    );
  const result: RestoreResult = {
    migration: header.migration,
    tables: {},
    replaced: false,
    files: staged.length,
    missing_files: manifest?.missing ?? [],
  };
  await database.db.transaction(async (tx) => {
    const q = executor(tx);
    const order = await tablesInFkOrder(tx);
    const counts = new Map<string, number>();
    for (const t of order) {
      const [{ n }] = await q(sql`select count(*)::int as n from ${sql.identifier(t)}`);
      counts.set(t, Number(n));
    }
    const nonEmpty = order.filter((t) => !REFERENCE_TABLES.includes(t) && (counts.get(t) ?? 0) > 0);
    if (nonEmpty.length > 0 && !opts.force)
      throw new DomainError(
        "not_empty",
        "database",
        `Cơ sở dữ liệu đích không trống (có dữ liệu trong: ${nonEmpty.join(", ")}). Khôi phục sẽ ghi đè toàn bộ — chạy lại với --force nếu chắc chắn.`,
      );
    // Empty every table (children first); the audit log's append-only triggers are lifted for this transaction only.
    await tx.execute(sql`alter table audit_log disable trigger user`);
    for (const t of [...order].reverse()) await tx.execute(sql`delete from ${sql.identifier(t)}`);
    await tx.execute(sql`alter table audit_log enable trigger user`);
    result.replaced = nonEmpty.length > 0;
    for (const t of header.tables) {
      if (!order.includes(t.name))
        throw new DomainError("invalid_backup", "file", `Bảng "${t.name}" không tồn tại trong lược đồ hiện tại.`);
      const list = rows.get(t.name) ?? [];
      if (list.length !== t.rows)
        throw new DomainError(
          "invalid_backup",
          "file",
          `Bảng "${t.name}": tệp có ${list.length} dòng, phần đầu ghi ${t.rows} — tệp bị hỏng.`,
        );
      const cols = sql.join(
        t.columns.map((c) => sql.identifier(c)),
        sql`, `,
      );
      for (let i = 0; i < list.length; i += 500) {
        const json = JSON.stringify(list.slice(i, i + 500));
        await tx.execute(
          sql`insert into ${sql.identifier(t.name)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.identifier(t.name)}, ${json}::json)`,
        );
      }
      result.tables[t.name] = list.length;
    }
    // Serial columns continue after the restored ids.
    const serials = await q(sql`
      select table_name as t, column_name as c from information_schema.columns
      where table_schema = 'public' and column_default like 'nextval(%'`);
    for (const s of serials) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${String(s.t)}, ${String(s.c)}), coalesce((select max(${sql.identifier(String(s.c))}) from ${sql.identifier(String(s.t))}), 0) + 1, false)`,
      );
    }
    // A backup taken before a derived table existed (or under an older derivation) gets its rows rebuilt.
    await ensureClaimStatistics(tx);
    await ensurePendingDeadlines(tx);
    // Blobs (upload_blobs, emptied above) go in with their rows: one at a time from the verified staging copies.
    for (const name of blobs) await tx.insert(uploadBlobs).values({ name, bytes: await readFile(join(staging, name)) });
    if (!header.tables.some((t) => t.name === "audit_head"))
      await tx.execute(
        sql`insert into audit_head (id, seq, hash) values (1, 0, ${"0".repeat(64)}) on conflict do nothing`,
      );
    await appendAudit(tx, {
      actor_user_id: opts.actor?.user_id ?? null,
      actor_agency_id: opts.actor?.agency_id ?? null,
      action: "backup.restore",
      entity: "database",
      after: {
        file,
        migration: header.migration,
        created_at: header.created_at,
        engine: header.engine,
        replaced: result.replaced,
        files: result.files,
        missing_files: result.missing_files.length,
      },
    });
  });
  // Committed: the verified files take their place. Replacing a database (--force) also drops the uploads that
  // belonged to it and not to the backup (they would be orphans holding personal data).
  if (opts.uploadsDir) {
    for (const name of onDisk) await rename(join(staging, name), join(opts.uploadsDir, name));
    if (result.replaced) {
      const keep = new Set([...byName].filter(([, r]) => r.storage === "file").map(([n]) => n));
      for (const name of await readdir(opts.uploadsDir))
        if (STORED_NAME.test(name) && !keep.has(name)) await rm(join(opts.uploadsDir, name), { force: true });
    }
  }
  return result;
}
