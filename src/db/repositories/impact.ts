// Change-impact preview (administration, issue 5): which OPEN deadlines of the open claims in the caller's scope move if
// a proposed calendar notice day or legal parameter change were saved. Reads only; nothing is stored.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import {
  calendarWithDay,
  type DeadlineMove,
  deadlineImpact,
  type ImpactClaim,
  type ProposedCalendarDay,
  type ProposedParameterChange,
  parametersWithChange,
  parseClaimHistory,
} from "../../domain/claims/index.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { agencies, claimEvents, claims } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { claimListWhere } from "./claims.ts";
import { todayVn } from "./common.ts";

export type ImpactInput = {
  calendar_day?: ProposedCalendarDay;
  parameter?: ProposedParameterChange;
  as_of?: IsoDate;
};

export type ImpactMoveOut = DeadlineMove & { handling_agency_id: string; handling_agency: string };

/** Histories of the open claims in scope (a history the domain cannot parse is skipped). */
async function openHistories(
  db: AppDb,
  scope: Scope,
): Promise<Array<ImpactClaim & { handling_agency_id: string; handling_agency: string }>> {
  const where = claimListWhere(scope, { open: true });
  const rows = await db
    .select({
      id: claims.id,
      code: claims.code,
      law: claims.lawVersion,
      complex: claims.complex,
      extensions: claims.extensions,
      handling: claims.handlingAgencyId,
      agency: agencies.name,
    })
    .from(claims)
    .innerJoin(agencies, eq(agencies.id, claims.handlingAgencyId))
    .where(where ? and(where) : undefined);
  if (!rows.length) return [];
  const events = await db
    .select({
      claimId: claimEvents.claimId,
      type: claimEvents.type,
      date: claimEvents.date,
      ground: claimEvents.ground,
    })
    .from(claimEvents)
    .where(
      inArray(
        claimEvents.claimId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(claimEvents.claimId), asc(claimEvents.date), asc(claimEvents.seq));
  const byClaim = new Map<string, Array<Record<string, unknown>>>();
  for (const e of events) {
    const ev: Record<string, unknown> = { type: e.type, date: e.date };
    if (e.ground != null) ev.ground = e.ground;
    const l = byClaim.get(e.claimId);
    if (l) l.push(ev);
    else byClaim.set(e.claimId, [ev]);
  }
  const out: Array<ImpactClaim & { handling_agency_id: string; handling_agency: string }> = [];
  for (const r of rows) {
    try {
      out.push({
        id: r.id,
        code: r.code,
        handling_agency_id: r.handling,
        handling_agency: r.agency,
        history: parseClaimHistory({
          law: r.law,
          complex: r.complex,
          extensions: r.extensions ?? undefined,
          events: byClaim.get(r.id) ?? [],
        }),
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
  }
  return out;
}

/** Moved deadlines within the scope, for exactly one proposed change (a notice day or a parameter). */
export async function previewImpact(
  db: AppDb,
  scope: Scope,
  input: ImpactInput,
): Promise<{ as_of: IsoDate; claims_checked: number; moves: ImpactMoveOut[] }> {
  if (!!input.calendar_day === !!input.parameter)
    throw new DomainError(
      "invalid_change",
      "calendar_day",
      "Chọn đúng một thay đổi: một ngày trong thông báo lịch nghỉ (calendar_day) hoặc một tham số pháp lý (parameter).",
    );
  const asOf = input.as_of ?? todayVn();
  const proposed = input.calendar_day
    ? { calendar: calendarWithDay(input.calendar_day) }
    : { calendar: defaultCalendar, parameters: parametersWithChange(input.parameter as ProposedParameterChange) };
  const list = await openHistories(db, scope);
  const agencyOf = new Map(list.map((c) => [c.id, c]));
  const moves = deadlineImpact(list, { calendar: defaultCalendar }, proposed, asOf).map((m) => {
    const c = agencyOf.get(m.claim_id);
    return { ...m, handling_agency_id: c?.handling_agency_id ?? "", handling_agency: c?.handling_agency ?? "" };
  });
  return { as_of: asOf, claims_checked: list.length, moves };
}
