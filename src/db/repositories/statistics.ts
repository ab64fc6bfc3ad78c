// Statistics repository: loads the claims the caller may see (scope), their events and the attribute changes recorded
// in the audit log (field / handling agency / managing agency, dated by the day of the change in Vietnam), and runs
// the pure computeIndicators. Figures are never stored as typed numbers; a report submission keeps a snapshot.
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import {
  type AttributeChange,
  computeIndicators,
  type IndicatorOptions,
  type IndicatorResult,
  type Period,
  type StatClaim,
} from "../../domain/statistics/index.ts";
import { auditLog, claimEvents, claims } from "../schema/index.ts";
import { requirePermission, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { todayVn } from "./common.ts";

const ATTR_KEYS = ["field", "handling_agency_id", "managing_agency_id"] as const;

/** Claims in the caller's scope as statistics input (no personal data is read). */
export async function loadStatClaims(db: AppDb, scope: Scope, extra?: SQL): Promise<StatClaim[]> {
  requirePermission(scope, "claims.read");
  const sc = scopeCondition(scope, claims.handlingAgencyId, claims.managingAgencyId);
  return readStatClaims(db, sc && extra ? and(sc, extra) : (sc ?? extra));
}

/** Claims matching `where` (all when undefined) as statistics input; the caller has checked the permission. */
export async function readStatClaims(db: AppDb, where: SQL | undefined): Promise<StatClaim[]> {
  const rows = await db
    .select({
      id: claims.id,
      code: claims.code,
      law: claims.lawVersion,
      field: claims.field,
      handling: claims.handlingAgencyId,
      managing: claims.managingAgencyId,
      decided: claims.amountDecided,
      paid: claims.amountPaid,
      advance: claims.amountAdvance,
    })
    .from(claims)
    .where(where);
  const byId = new Map<string, StatClaim & { events: StatClaim["events"][number][]; changes: AttributeChange[] }>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      code: r.code,
      law: r.law,
      field: r.field,
      handling_agency_id: r.handling,
      managing_agency_id: r.managing,
      amount_decided: r.decided,
      amount_paid: r.paid,
      amount_advance: r.advance,
      events: [],
      changes: [],
    });
  }
  if (byId.size === 0) return [];
  const evRows = await db
    .select({
      claimId: claimEvents.claimId,
      type: claimEvents.type,
      date: claimEvents.date,
      ground: claimEvents.ground,
      data: claimEvents.data,
    })
    .from(claimEvents)
    .innerJoin(claims, eq(claims.id, claimEvents.claimId))
    .where(where)
    .orderBy(asc(claimEvents.date), asc(claimEvents.seq));
  for (const e of evRows) {
    byId.get(e.claimId)?.events.push({
      type: e.type,
      date: e.date,
      ground: e.ground,
      data: (e.data as Record<string, unknown> | null) ?? null,
    });
  }
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    const audits = await db
      .select({ id: auditLog.entityId, at: auditLog.at, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "claim"),
          eq(auditLog.action, "claim.update"),
          inArray(auditLog.entityId, ids.slice(i, i + 5000)),
        ),
      );
    for (const a of audits) {
      const before = (a.before ?? {}) as Record<string, unknown>;
      const after = (a.after ?? {}) as Record<string, unknown>;
      const b: AttributeChange["before"] = {};
      const n: AttributeChange["after"] = {};
      for (const k of ATTR_KEYS) {
        if (k in before || k in after) {
          (b as Record<string, unknown>)[k] = before[k] ?? null;
          (n as Record<string, unknown>)[k] = after[k] ?? null;
        }
      }
      if (Object.keys(b).length && a.id) byId.get(a.id)?.changes.push({ date: todayVn(a.at), before: b, after: n });
    }
  }
  return [...byId.values()];
}

/** Indicators of a period inside the caller's scope (and optionally inside one agency's reporting scope). */
export async function computeStatistics(
  db: AppDb,
  scope: Scope,
  period: Period,
  options: IndicatorOptions = {},
): Promise<IndicatorResult> {
  const list = await loadStatClaims(db, scope);
  return computeIndicators(list, period, options);
}
