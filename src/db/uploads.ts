// Where the bytes of an uploaded file live — one interface for every upload and download path (task evidence, claim
// documents, the backup). A row (attachments, claim_documents) names its place in `storage`:
//   "file" — DATA_DIR/uploads/<stored_name> on this machine: the embedded PGlite default (one process, one folder);
//   "blob" — the upload_blobs table, written in the row's own transaction: on PostgreSQL every app server sees it;
//   "db"   — the row's `content` column (generated documents; in-process servers without a data folder).
// New uploads go where `uploadStore` says; reads follow the row, so a PostgreSQL backup restored into PGlite (or the
// other way round) keeps working.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { uploadBlobs } from "./schema/index.ts";
import type { AppDb, Database } from "./types.ts";

export type Storage = "file" | "blob" | "db";
/** What a row records about its bytes. */
export type Placed = { storage: Storage; storedName: string | null; content: Uint8Array | null };
/** The columns a reader needs (attachments and claim_documents both have them). */
export type StoredRow = { storage: string; storedName: string | null; content: Uint8Array | null };

/** Names written by the upload paths: a UUID plus an allow-listed extension — nothing else is read or written. */
export const STORED_NAME = /^[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/;

export type UploadStore = {
  readonly kind: Storage;
  /** Stores new bytes; call it inside the transaction that inserts the row referencing them. */
  put(tx: AppDb, bytes: Uint8Array, extension: string): Promise<Placed>;
  /** After that transaction failed: nothing stays behind (a file on disk; blob and row bytes rolled back with it). */
  discard(placed: Placed): Promise<void>;
};

function fileStore(dir: string): UploadStore {
  return {
    kind: "file",
    async put(_tx, bytes, extension) {
      // Never the user's name on disk: a random id plus the allow-listed extension.
      const storedName = `${randomUUID()}${extension}`;
      // Owner-only whatever the process umask (in-process servers, tests): uploads hold personal data.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(join(dir, storedName), bytes, { flag: "wx", mode: 0o600 });
      return { storage: "file", storedName, content: null };
    },
    async discard(placed) {
      if (placed.storedName && STORED_NAME.test(placed.storedName))
        await rm(join(dir, placed.storedName), { force: true });
    },
  };
}

const blobStore: UploadStore = {
  kind: "blob",
  async put(tx, bytes, extension) {
    const storedName = `${randomUUID()}${extension}`;
    await tx.insert(uploadBlobs).values({ name: storedName, bytes });
    return { storage: "blob", storedName, content: null };
  },
  async discard() {},
};

const rowStore: UploadStore = {
  kind: "db",
  async put(_tx, bytes) {
    return { storage: "db", storedName: null, content: bytes };
  },
  async discard() {},
};

/** What the upload and download paths are given: the store for new files and the folder of "file" rows. */
export type Uploads = { store: UploadStore; dir: string | undefined };

/**
 * Where new uploads go: PostgreSQL → upload_blobs (shared by every app server); PGlite → DATA_DIR/uploads (unchanged);
 * no data folder (in-process servers) → the row.
 */
export function uploadsFor(database: Pick<Database, "kind">, dir: string | undefined): Uploads {
  const store = database.kind === "postgres" ? blobStore : dir ? fileStore(dir) : rowStore;
  return { store, dir };
}

/**
 * Runs `insert` (which writes the row) in one transaction with the bytes stored by `store`; a refused or failed
 * insert leaves nothing behind. `check` runs first in the same transaction (scope, locks) before any byte is written.
 */
export async function withStoredUpload<C, T>(
  db: AppDb,
  store: UploadStore,
  file: { bytes: Uint8Array; extension: string },
  check: (tx: AppDb) => Promise<C>,
  insert: (tx: AppDb, placed: Placed, checked: C) => Promise<T>,
): Promise<T> {
  let placed: Placed | undefined;
  try {
    return await db.transaction(async (tx) => {
      const checked = await check(tx);
      placed = await store.put(tx, file.bytes, file.extension);
      return insert(tx, placed, checked);
    });
  } catch (e) {
    if (placed) await store.discard(placed);
    throw e;
  }
}

/** The stored bytes of a row wherever they are; null when they are gone (lost file, restored without uploads). */
export async function readStored(db: AppDb, uploadsDir: string | undefined, row: StoredRow): Promise<Buffer | null> {
  if (row.storage === "db") return row.content ? Buffer.from(row.content) : null;
  const name = row.storedName;
  if (!name || !STORED_NAME.test(name)) return null;
  if (row.storage === "blob") {
    const [b] = await db.select({ bytes: uploadBlobs.bytes }).from(uploadBlobs).where(eq(uploadBlobs.name, name));
    return b ? Buffer.from(b.bytes) : null;
  }
  if (row.storage === "file" && uploadsDir)
    return readFile(join(uploadsDir, name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT" || e.code === "EISDIR") return null;
      throw e;
    });
  return null;
}
