// Bulk take-over of existing claims from the XLSX template, or the template saved as CSV (backfill mode): every row is read and checked first;
// then all rows are created in ONE transaction with createClaim(mode "backfill") — a row the claims domain refuses is
// reported with its sheet row and the whole import is rolled back, so nothing is written unless every row is valid.
// A file already imported (same bytes: sent again after a reload, a second click once it was done) is refused, naming
// the earlier import — taking it twice would create every claim twice; a row whose case is already recorded (another
// copy of the file, re-saved or as .csv; or entered by hand) is refused naming the claim, and so is a repeated row.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  buildClaimImportTemplate,
  type ImportedClaim,
  type ImportIssue,
  readClaimImport,
} from "../../documents/xlsx/claim-import.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, auditLog, claims } from "../schema/index.ts";
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

/** One case: the handling agency, field, claimant (case and spacing aside) and the date of its first step (the
 * claim's received_on). A row without any step date cannot be told apart from another claim of the same person. */
function caseKey(agencyId: string, field: string, claimant: string, firstOn: string | null | undefined): string | null {
  if (!firstOn) return null;
  const name = claimant.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
  return [agencyId, field, name, firstOn].join("\u0000");
}

const firstStepOn = (c: ImportedClaim) => c.events.map((e) => e.date).sort()[0];

/** Rows whose case is already recorded, or repeats an earlier row of the file. */
async function twinIssues(tx: AppDb, rows: readonly ImportedClaim[]): Promise<ImportIssue[]> {
  const dates = [...new Set(rows.map(firstStepOn).filter(Boolean))];
  const recorded = new Map<string, string>();
  if (dates.length > 0)
    for (const c of await tx
      .select({
        code: claims.code,
        agency: claims.handlingAgencyId,
        field: claims.field,
        name: claims.claimantName,
        on: claims.receivedOn,
      })
      .from(claims)
      .where(inArray(claims.receivedOn, dates))) {
      const key = caseKey(c.agency, c.field, c.name, c.on);
      if (key && !recorded.has(key)) recorded.set(key, c.code);
    }
  const inFile = new Map<string, number>();
  const issues: ImportIssue[] = [];
  for (const c of rows) {
    const first = firstStepOn(c);
    const key = caseKey(c.handling_agency_id, c.field, c.claimant_name, first);
    if (!key) continue;
    const same = `cùng cơ quan giải quyết, lĩnh vực, người yêu cầu "${c.claimant_name}" và ngày ${formatVi(first)}`;
    const code = recorded.get(key);
    const earlierRow = inFile.get(key);
    if (code)
      issues.push({
        row: c.row,
        column: "C",
        header: "Người yêu cầu bồi thường",
        message: `Dòng ${c.row}: vụ việc này đã có — ${code} (${same}); bỏ dòng này khỏi tệp để khỏi trùng`,
      });
    else if (earlierRow)
      issues.push({
        row: c.row,
        column: "C",
        header: "Người yêu cầu bồi thường",
        message: `Dòng ${c.row} trùng dòng ${earlierRow} (${same})`,
      });
    else inFile.set(key, c.row);
  }
  return issues;
}

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
      // Imports one at a time: two uploads of one file (or of two copies) at once — the second waits here, then finds
      // the first one's audit entry and claims.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('claim_import'))`);
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
      issues.push(...(await twinIssues(tx, read.claims)));
      if (issues.length) throw new RollbackImport();
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
