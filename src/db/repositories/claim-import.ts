// Bulk take-over of existing claims from the XLSX template, or the template saved as CSV (backfill mode): every row is read and checked first;
// then all rows are created in ONE transaction with createClaim(mode "backfill") — a row the claims domain refuses is
// reported with its sheet row and the whole import is rolled back, so nothing is written unless every row is valid.
// A file already imported (same bytes: sent again after a reload, a second click once it was done) is refused, naming
// the earlier import — taking it twice would create every claim twice.
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { buildClaimImportTemplate, type ImportIssue, readClaimImport } from "../../documents/xlsx/claim-import.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, auditLog } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { createClaim } from "./claims.ts";
import { todayVn } from "./common.ts";

async function agencyIdsInScope(db: AppDb, scope: Scope): Promise<string[]> {
  const all = (await db.select({ id: agencies.id }).from(agencies).orderBy(asc(agencies.id))).map((a) => a.id);
  return scope.visibleAgencyIds === "all" ? all : all.filter((id) => scope.visibleAgencyIds.includes(id));
}

export async function claimImportTemplate(db: AppDb, scope: Scope): Promise<Buffer> {
  requirePermission(scope, "claims.backfill");
  return buildClaimImportTemplate(await agencyIdsInScope(db, scope));
}

class RollbackImport extends Error {}

/** The earlier import of the same file (its audit entry is keyed by the file's SHA-256). */
export type EarlierImport = { at: Date; count: number; first: string; last: string };

export type ImportOutcome =
  | { ok: true; codes: string[] }
  | { ok: false; issues: ImportIssue[] }
  | { ok: false; duplicate: EarlierImport };

const AUDIT_ENTITY = "claim_import_file";

export async function importClaimsFile(
  db: AppDb,
  scope: Scope,
  bytes: Buffer,
  opts: { today?: string } = {},
): Promise<ImportOutcome> {
  requirePermission(scope, "claims.write");
  requirePermission(scope, "claims.backfill");
  const today = opts.today ?? todayVn();
  const read = await readClaimImport(bytes, { agencyIds: new Set(await agencyIdsInScope(db, scope)), today });
  if (read.issues.length) return { ok: false, issues: read.issues };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const issues: ImportIssue[] = [];
  const codes: string[] = [];
  let duplicate = null as EarlierImport | null;
  try {
    await db.transaction(async (tx) => {
      // Two uploads of one file at once: the second waits here and then finds the first one's audit entry.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`claim_import:${sha256}`}))`);
      const [earlier] = await tx
        .select({ at: auditLog.at, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.entity, AUDIT_ENTITY), eq(auditLog.entityId, sha256)))
        .limit(1);
      if (earlier) {
        const a = earlier.after as { count: number; first: string; last: string };
        duplicate = { at: earlier.at, count: a.count, first: a.first, last: a.last };
        throw new RollbackImport();
      }
      for (const c of read.claims) {
        const { row, ...input } = c;
        try {
          const created = await createClaim(tx, scope, input, { mode: "backfill", today });
          codes.push(created.code);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          issues.push({ row, column: "", header: e.field, message: `Dòng ${row}: ${e.message}` });
        }
      }
      if (issues.length) throw new RollbackImport();
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "claim.import_xlsx",
        entity: AUDIT_ENTITY,
        entity_id: sha256,
        after: { count: codes.length, first: codes[0], last: codes.at(-1) },
      });
    });
  } catch (e) {
    if (e instanceof RollbackImport) return duplicate ? { ok: false, duplicate } : { ok: false, issues };
    throw e;
  }
  return { ok: true, codes };
}
