// Append-only, hash-chained audit trail. Every write goes with one audit row in the SAME transaction as the change.
// hash(n) = sha256(hash(n-1) + canonical JSON of row n without its hashes); the genesis prev_hash is 64 zeros.
// audit_head (one row) holds the newest seq/hash: updating it serialises appenders and lets verify detect a cut tail.
// Call appendAudit as the LAST statement of a transaction (it locks the head row until commit).
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, gte, lt, lte, type SQL } from "drizzle-orm";
import type { Scope } from "../domain/access/scope.ts";
import { addDays, type IsoDate } from "../domain/shared/dates.ts";
import { canonicalJson, toJsonValue } from "./canonical.ts";
import { auditHead, auditLog } from "./schema/index.ts";
import { scopeCondition } from "./scope.ts";
import type { AppDb } from "./types.ts";

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  actor_user_id?: string | null;
  actor_agency_id?: string | null;
  /** Dotted action name, e.g. "claim.create", "claim.event.add", "claim.personal_data.read", "backup.export". */
  action: string;
  entity: string;
  entity_id?: string | null;
  before?: unknown;
  after?: unknown;
  request_id?: string | null;
  /** Defaults to now. */
  at?: Date;
};

export type AuditRow = {
  seq: number;
  prev_hash: string;
  hash: string;
  at: Date;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
};

/** The hashed content of a row: everything except prev_hash/hash, with `at` as ISO string. */
export function auditRowHash(prevHash: string, row: Omit<AuditRow, "prev_hash" | "hash">): string {
  const content = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actor_user_id: row.actor_user_id,
    actor_agency_id: row.actor_agency_id,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    before: row.before,
    after: row.after,
    request_id: row.request_id,
  });
  return createHash("sha256")
    .update(prevHash + content, "utf8")
    .digest("hex");
}

/** Appends one audit row in the caller's transaction. Returns its seq and hash. */
export async function appendAudit(tx: AppDb, input: AuditInput): Promise<{ seq: number; hash: string }> {
  const [head] = await tx
    .select({ seq: auditHead.seq, hash: auditHead.hash })
    .from(auditHead)
    .where(eq(auditHead.id, 1))
    .for("update");
  const prevSeq = head?.seq ?? 0;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const row = {
    seq: prevSeq + 1,
    at: input.at ?? new Date(),
    actor_user_id: input.actor_user_id ?? null,
    actor_agency_id: input.actor_agency_id ?? null,
    action: input.action,
    entity: input.entity,
    entity_id: input.entity_id ?? null,
    before: toJsonValue(input.before ?? null),
    after: toJsonValue(input.after ?? null),
    request_id: input.request_id ?? null,
  };
  const hash = auditRowHash(prevHash, row);
  await tx.insert(auditLog).values({
    seq: row.seq,
    prevHash,
    hash,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorAgencyId: row.actor_agency_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  });
  if (head) await tx.update(auditHead).set({ seq: row.seq, hash }).where(eq(auditHead.id, 1));
  else await tx.insert(auditHead).values({ id: 1, seq: row.seq, hash });
  return { seq: row.seq, hash };
}

/** Audit fields from a caller's scope. */
export function auditActor(scope: Scope): Pick<AuditInput, "actor_user_id" | "actor_agency_id" | "request_id"> {
  return { actor_user_id: scope.userId, actor_agency_id: scope.agencyId, request_id: scope.requestId ?? null };
}

/** Before/after diff: only the keys whose values differ (compared as canonical JSON). */
export function auditDiff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[k]) !== canonicalJson(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

export type VerifyResult = { ok: boolean; checked: number; broken_at?: number; reason?: string };

function fromDb(r: typeof auditLog.$inferSelect): AuditRow {
  return {
    seq: Number(r.seq),
    prev_hash: r.prevHash,
    hash: r.hash,
    at: r.at,
    actor_user_id: r.actorUserId,
    actor_agency_id: r.actorAgencyId,
    action: r.action,
    entity: r.entity,
    entity_id: r.entityId,
    before: r.before,
    after: r.after,
    request_id: r.requestId,
  };
}

/**
 * Walks the chain in seq order: seq must be 1, 2, 3 … (a deleted or reordered row breaks it), each prev_hash must equal
 * the previous row's hash, each hash must match the row's content, and the head must point at the last row.
 */
export async function verifyAuditChain(db: AppDb, opts: { pageSize?: number } = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 2000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const raw of page) {
      const row = fromDb(raw);
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          broken_at: expectedSeq,
          reason:
            row.seq > expectedSeq
              ? `Thiếu bản ghi số ${expectedSeq} (bản ghi tiếp theo là số ${row.seq}) — bản ghi đã bị xóa`
              : `Số thứ tự ${row.seq} không đúng vị trí (mong đợi ${expectedSeq}) — thứ tự đã bị thay đổi`,
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          broken_at: row.seq,
          reason: `Bản ghi số ${row.seq}: mã băm của bản ghi trước (prev_hash) không khớp — chuỗi bị cắt, chèn hoặc đảo thứ tự`,
        };
      }
      const expected = auditRowHash(prevHash, row);
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          broken_at: row.seq,
          reason: `Bản ghi số ${row.seq}: nội dung không khớp mã băm — bản ghi đã bị sửa`,
        };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq !== checked || (head && head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      broken_at: checked + 1,
      reason:
        headSeq > checked
          ? `Thiếu các bản ghi từ số ${checked + 1} đến số ${headSeq} (đầu chuỗi ghi nhận ${headSeq} bản ghi) — bản ghi cuối đã bị xóa`
          : `Đầu chuỗi (audit_head) không khớp bản ghi cuối số ${checked}`,
    };
  }
  return { ok: true, checked };
}

export type AuditListFilter = {
  entity?: string;
  entity_id?: string;
  action?: string;
  actor_user_id?: string;
  /** Vietnam calendar days (Asia/Ho_Chi_Minh), both included. */
  from?: IsoDate;
  to?: IsoDate;
  /** Only rows with seq ≤ this (paging backwards). */
  before_seq?: number;
  limit?: number;
};

const vnDayStart = (day: IsoDate) => new Date(`${day}T00:00:00+07:00`);

/** The rows `filter` selects, of agencies in the caller's scope (system-wide rows need scope "all"). */
export function auditWhere(scope: Scope, filter: AuditListFilter): SQL | undefined {
  const conds: SQL[] = [];
  const sc = scopeCondition(scope, auditLog.actorAgencyId);
  if (sc) conds.push(sc);
  if (filter.entity) conds.push(eq(auditLog.entity, filter.entity));
  if (filter.entity_id) conds.push(eq(auditLog.entityId, filter.entity_id));
  if (filter.action) conds.push(eq(auditLog.action, filter.action));
  if (filter.actor_user_id) conds.push(eq(auditLog.actorUserId, filter.actor_user_id));
  if (filter.from) conds.push(gte(auditLog.at, vnDayStart(filter.from)));
  if (filter.to) conds.push(lt(auditLog.at, vnDayStart(addDays(filter.to, 1))));
  if (filter.before_seq) conds.push(lte(auditLog.seq, filter.before_seq));
  return conds.length ? and(...conds) : undefined;
}

/** Newest first, in the caller's scope (see auditWhere). */
export async function listAudit(db: AppDb, scope: Scope, filter: AuditListFilter = {}): Promise<AuditRow[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(auditWhere(scope, filter))
    .orderBy(desc(auditLog.seq))
    .limit(Math.min(Math.max(filter.limit ?? 50, 1), 500));
  return rows.map(fromDb);
}
