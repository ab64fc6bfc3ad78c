// Periodic case lists of KH 2021 mục II.1.1 (6-monthly, law_2017) and II.1.2 (quarterly, law_2009 complex/backlogged/
// prolonged) as IMMUTABLE AS-OF SNAPSHOTS: computed by the pure domain function from the claim histories visible to the
// drawing-up agency, stored once per (kind, period, agency) with a hash of the rows, never updated. The plan's task
// instance for that period (task ref II.1.1 / II.1.2, same period label) gets the snapshot as evidence and is completed.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import {
  buildCaseList,
  CASE_LIST_RULES,
  type CaseListKind,
  type CaseListRow,
  type ClaimHistoryFacts,
  parsePeriod,
} from "../../domain/case-lists/index.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { canonicalJson } from "../canonical.ts";
import { agencies, caseListSnapshots, claimEvents, claims } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { claimListWhere } from "./claims.ts";
import { notFound, todayVn, toSnake } from "./common.ts";
import { linkTaskEvidence } from "./task-evidence.ts";
import { latestLedTaskInstance } from "./task-scope.ts";

type SnapshotRow = typeof caseListSnapshots.$inferSelect;
export type SnapshotRowOut = CaseListRow & { handling_agency: string };

const summary = (r: SnapshotRow) => {
  const { rows: _r, ...rest } = r;
  return toSnake(rest);
};
export type SnapshotSummary = ReturnType<typeof summary>;
export type SnapshotDetail = SnapshotSummary & { rows: SnapshotRowOut[] };

/** Claim histories in the caller's scope, as the domain function wants them. */
async function claimFacts(db: AppDb, scope: Scope, kind: CaseListKind): Promise<ClaimHistoryFacts[]> {
  const law = kind === "half_year_2017" ? "law_2017" : "law_2009";
  const where = claimListWhere(scope, { law_version: law });
  const rows = await db.select().from(claims).where(where);
  if (!rows.length) return [];
  const events = await db
    .select({ claimId: claimEvents.claimId, type: claimEvents.type, date: claimEvents.date })
    .from(claimEvents)
    .where(
      inArray(
        claimEvents.claimId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(claimEvents.claimId), asc(claimEvents.seq));
  const byClaim = new Map<string, Array<{ type: string; date: string }>>();
  for (const e of events) {
    const l = byClaim.get(e.claimId);
    if (l) l.push({ type: e.type, date: e.date });
    else byClaim.set(e.claimId, [{ type: e.type, date: e.date }]);
  }
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    law_version: c.lawVersion,
    field: c.field,
    complex: c.complex,
    backlogged: c.backlogged,
    prolonged: c.prolonged,
    handling_agency_id: c.handlingAgencyId,
    managing_agency_id: c.managingAgencyId,
    claimant_name: c.claimantName,
    amount_requested: c.amountRequested,
    amount_decided: c.amountDecided,
    events: byClaim.get(c.id) ?? [],
  }));
}

/** Computes a list without storing it (CLI preview): same rows as a snapshot drawn up now. */
export async function previewCaseList(
  db: AppDb,
  scope: Scope,
  input: { kind: CaseListKind; period: string; as_of: IsoDate; agency_id: string },
) {
  const period = parsePeriod(input.kind, input.period);
  const { prev, list, rows } = await drawUp(db, scope, input.kind, period, input.agency_id, input.as_of);
  return {
    id: null,
    kind: input.kind,
    period: period.code,
    period_start: period.start,
    period_end: period.end,
    as_of: input.as_of,
    agency_id: input.agency_id,
    total: list.total,
    new_count: list.new_count,
    carried_over_count: list.carried_over_count,
    previous_id: prev?.id ?? null,
    basis: list.basis,
    created_at: new Date(),
    rows,
  };
}

/**
 * The list of `period` drawn up for `agencyId` as of a day: each claim new or carried over against the agency's list
 * of the previous period (`prev`), with the handling agencies' names.
 */
async function drawUp(
  db: AppDb,
  scope: Scope,
  kind: CaseListKind,
  period: ReturnType<typeof parsePeriod>,
  agencyId: string,
  asOf: IsoDate,
) {
  const [prev] = await db
    .select()
    .from(caseListSnapshots)
    .where(
      and(
        eq(caseListSnapshots.kind, kind),
        eq(caseListSnapshots.period, period.previous),
        eq(caseListSnapshots.agencyId, agencyId),
      ),
    );
  const prevIds = prev ? new Set((prev.rows as CaseListRow[]).map((r) => r.claim_id)) : null;
  const list = buildCaseList(kind, period.code, await claimFacts(db, scope, kind), asOf, prevIds);
  const names = new Map(
    (await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((a) => [a.id, a.name]),
  );
  const rows: SnapshotRowOut[] = list.rows.map((r) => ({
    ...r,
    handling_agency: names.get(r.handling_agency_id) ?? r.handling_agency_id,
  }));
  return { prev, list, rows };
}

/**
 * Draws up and stores the list for a period (409 when the agency already has one for that period: snapshots are
 * immutable). `as_of` defaults to today; it may not be in the future.
 */
export async function createCaseListSnapshot(
  db: AppDb,
  scope: Scope,
  input: { kind: CaseListKind; period: string; as_of?: IsoDate; agency_id?: string },
  opts: { today?: IsoDate } = {},
): Promise<SnapshotDetail> {
  requirePermission(scope, "plans.write");
  const agencyId = input.agency_id ?? scope.agencyId;
  if (!agencyId) throw new DomainError("no_agency", "agency_id", "Chưa chọn cơ quan lập danh mục.");
  requireWritableAgencies(scope, [["agency_id", agencyId]]);
  const today = opts.today ?? todayVn();
  const asOf = input.as_of ?? today;
  if (asOf > today) throw new DomainError("invalid_as_of", "as_of", "Ngày chốt danh mục không được sau ngày hôm nay.");
  const period = parsePeriod(input.kind, input.period);
  if (asOf < period.start)
    throw new DomainError("invalid_as_of", "as_of", `Ngày chốt phải từ ngày bắt đầu kỳ (${period.start}) trở đi.`);
  const rule = CASE_LIST_RULES[input.kind];
  const { prev, list, rows } = await drawUp(db, scope, input.kind, period, agencyId, asOf);
  return db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ id: caseListSnapshots.id })
      .from(caseListSnapshots)
      .where(
        and(
          eq(caseListSnapshots.kind, input.kind),
          eq(caseListSnapshots.period, period.code),
          eq(caseListSnapshots.agencyId, agencyId),
        ),
      );
    if (exists)
      throw new DomainError(
        "duplicate",
        "period",
        `Danh mục ${period.label} của cơ quan này đã được lập (${exists.id}); danh mục đã lập không được sửa.`,
      );
    // The plan's task instance for this period (imported plan: task ref II.1.1 / II.1.2, same period label).
    const ref = rule.clause.replace("KH 2021 mục ", "");
    const instance = await latestLedTaskInstance(tx, scope, ref, period.label);
    const [row] = await tx
      .insert(caseListSnapshots)
      .values({
        kind: input.kind,
        period: period.code,
        periodStart: period.start,
        periodEnd: period.end,
        asOf,
        agencyId,
        rows,
        total: list.total,
        newCount: list.new_count,
        carriedOverCount: list.carried_over_count,
        previousId: prev?.id ?? null,
        basis: rule.basis,
        sha256: createHash("sha256").update(canonicalJson(rows)).digest("hex"),
        taskInstanceId: instance?.id ?? null,
        createdBy: scope.userId,
      })
      .returning();
    if (instance)
      await linkTaskEvidence(
        tx,
        instance.id,
        { case_list_snapshot_id: row.id, period: period.code, total: list.total },
        { complete: asOf },
      );
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "case_list.create",
      entity: "case_list_snapshot",
      entity_id: row.id,
      after: { ...summary(row), task_instance_id: instance?.id ?? null },
    });
    return { ...summary(row), rows };
  });
}

export async function listCaseListSnapshots(
  db: AppDb,
  scope: Scope,
  filter: { kind?: string; agency_id?: string } = {},
): Promise<SnapshotSummary[]> {
  const conds: SQL[] = [];
  const sc = scopeCondition(scope, caseListSnapshots.agencyId);
  if (sc) conds.push(sc);
  if (filter.kind) conds.push(eq(caseListSnapshots.kind, filter.kind));
  if (filter.agency_id) conds.push(eq(caseListSnapshots.agencyId, filter.agency_id));
  const rows = await db
    .select()
    .from(caseListSnapshots)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(caseListSnapshots.periodStart), asc(caseListSnapshots.kind));
  return rows.map(summary);
}

export async function getCaseListSnapshot(db: AppDb, scope: Scope, id: string): Promise<SnapshotDetail> {
  const sc = scopeCondition(scope, caseListSnapshots.agencyId);
  const [row] = await db
    .select()
    .from(caseListSnapshots)
    .where(sc ? and(eq(caseListSnapshots.id, id), sc) : eq(caseListSnapshots.id, id));
  if (!row) throw notFound("danh mục vụ việc");
  return { ...summary(row), rows: row.rows as SnapshotRowOut[] };
}

export async function findCaseListSnapshot(
  db: AppDb,
  scope: Scope,
  kind: CaseListKind,
  period: string,
  agencyId: string,
): Promise<SnapshotDetail | null> {
  const sc = scopeCondition(scope, caseListSnapshots.agencyId);
  const conds: SQL[] = [
    eq(caseListSnapshots.kind, kind),
    eq(caseListSnapshots.period, parsePeriod(kind, period).code),
    eq(caseListSnapshots.agencyId, agencyId),
  ];
  if (sc) conds.push(sc);
  const [row] = await db
    .select()
    .from(caseListSnapshots)
    .where(and(...conds));
  return row ? { ...summary(row), rows: row.rows as SnapshotRowOut[] } : null;
}
