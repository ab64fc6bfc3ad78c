// Bulk take-over of existing claims from the XLSX template (backfill mode): every row is read and checked first;
// then all rows are created in ONE transaction with createClaim(mode "backfill") — a row the claims domain refuses is
// reported with its sheet row and the whole import is rolled back, so nothing is written unless every row is valid.
import { asc } from "drizzle-orm";
import { buildClaimImportTemplate, type ImportIssue, readClaimImport } from "../../documents/xlsx/claim-import.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies } from "../schema/index.ts";
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

export async function importClaimsXlsx(
  db: AppDb,
  scope: Scope,
  bytes: Buffer,
  opts: { today?: string } = {},
): Promise<{ ok: true; codes: string[] } | { ok: false; issues: ImportIssue[] }> {
  requirePermission(scope, "claims.write");
  requirePermission(scope, "claims.backfill");
  const today = opts.today ?? todayVn();
  const read = await readClaimImport(bytes, { agencyIds: new Set(await agencyIdsInScope(db, scope)), today });
  if (read.issues.length) return { ok: false, issues: read.issues };
  const issues: ImportIssue[] = [];
  const codes: string[] = [];
  try {
    await db.transaction(async (tx) => {
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
        entity: "claim",
        entity_id: null,
        after: { count: codes.length, first: codes[0], last: codes.at(-1) },
      });
    });
  } catch (e) {
    if (e instanceof RollbackImport) return { ok: false, issues };
    throw e;
  }
  return { ok: true, codes };
}
