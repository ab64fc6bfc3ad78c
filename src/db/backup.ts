// Portable logical backup for both engines: a gzip file of JSON lines. Line 1 is the header (format, version, the
// migration the data belongs to, tables in foreign-key order with their columns and row counts); then one line per row
// {"t": table, "r": row-as-JSON}. Rows are rendered by PostgreSQL itself (row_to_json) and read back with
// json_populate_recordset, so dates, timestamps, bigint, jsonb and bytea round-trip exactly on PGlite and on PG 15.
// Restore goes into an empty migrated database in ONE transaction (or replaces everything with `force`).
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { DomainError } from "../domain/shared/errors.ts";
import { appendAudit } from "./audit.ts";
import { latestMigrationId, migrationJournal } from "./migrate.ts";
import type { AppDb, Database } from "./types.ts";

export const BACKUP_FORMAT = "btnn-backup";
export const BACKUP_VERSION = 1;
/** Ephemeral tables not worth keeping (sessions would also carry live credentials). */
export const EXCLUDED_TABLES = ["sessions", "login_attempts"];
/** Reference rows present in every freshly migrated database (replaced by the backup's rows on restore). */
const REFERENCE_TABLES = ["roles", "audit_head"];

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  migration: string;
  created_at: string;
  engine: string;
  tables: Array<{ name: string; columns: string[]; rows: number }>;
};

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

/** Writes a backup of the whole database to `file` (gzip JSON lines). Returns the header. Audited as backup.export. */
export async function backupDatabase(
  database: Database,
  file: string,
  opts: { actor?: { user_id?: string | null; agency_id?: string | null } } = {},
): Promise<BackupHeader> {
  const chunks: string[] = [];
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
        for (const r of rows) chunks.push(`${JSON.stringify({ t, r })}\n`);
      }
      return h;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  // Lines go to gzip in ~1 MB batches: one stream chunk per row needs one event-loop turn per row, which starves
  // (minutes, or never ends) while the same process serves concurrent writes (server under load, PGlite).
  await pipeline(
    Readable.from(batches([`${JSON.stringify(header)}\n`, ...chunks])),
    createGzip(),
    createWriteStream(file),
  );
  await database.db.transaction(async (tx) => {
    await appendAudit(tx, {
      actor_user_id: opts.actor?.user_id ?? null,
      actor_agency_id: opts.actor?.agency_id ?? null,
      action: "backup.export",
      entity: "database",
      after: {
        file,
        migration: header.migration,
        tables: Object.fromEntries(header.tables.map((t) => [t.name, t.rows])),
      },
    });
  });
  return header;
}

async function readBackup(
  file: string,
): Promise<{ header: BackupHeader; rows: Map<string, Array<Record<string, unknown>>> }> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let header: BackupHeader | undefined;
  const rows = new Map<string, Array<Record<string, unknown>>>();
  try {
    for await (const line of lines) {
      if (!line) continue;
      const obj = JSON.parse(line);
      if (!header) {
        if (obj?.format !== BACKUP_FORMAT)
          throw new DomainError(
            "invalid_backup",
            "file",
            "Tệp không phải bản sao lưu BTNN (thiếu phần đầu btnn-backup).",
          );
        header = obj as BackupHeader;
        continue;
      }
      const list = rows.get(obj.t);
      if (list) list.push(obj.r);
      else rows.set(obj.t, [obj.r]);
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError("invalid_backup", "file", `Không đọc được tệp sao lưu: ${(e as Error).message}`);
  }
  if (!header) throw new DomainError("invalid_backup", "file", "Tệp sao lưu rỗng.");
  return { header, rows };
}

export type RestoreResult = { migration: string; tables: Record<string, number>; replaced: boolean };

/**
 * Restores a backup into this (migrated) database in one transaction. Refuses when the database already holds data,
 * unless `force` (then every table is emptied first). Refuses a backup made by a newer version of the schema.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  opts: { force?: boolean; actor?: { user_id?: string | null; agency_id?: string | null } } = {},
): Promise<RestoreResult> {
  const { header, rows } = await readBackup(file);
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
  const result: RestoreResult = { migration: header.migration, tables: {}, replaced: false };
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
      },
    });
  });
  return result;
}
