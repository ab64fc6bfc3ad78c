// Reading claims: one claim with its events, deadlines, documents, corrections and lawful next actions (personal data
// masked unless allowed, an unmasked read audited), and the scoped, filtered list.
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { maskClaimant, maskPersonalDeep } from "../../../domain/access/mask.ts";
import { can, type Scope } from "../../../domain/access/scope.ts";
import { nextActionsFromState, replay } from "../../../domain/claims/index.ts";
import type { DueFilter } from "../../../domain/inbox/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { claimCorrections, claimDeadlines, claimDocuments, claimEvents, claims, users } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import { likePattern } from "../../search.ts";
import type { AppDb } from "../../types.ts";
import { normalizePage, notFound, type Page, type PageResult, todayVn } from "../common.ts";
import { dueCondition } from "../due-filter.ts";
import { type ClaimDetail, type ClaimDto, eventDto, historyOf, rawDto, visible } from "./model.ts";

/**
 * One claim with its events (in order), stored deadlines, documents and lawful next actions.
 * Personal data is shown when `unmask` (default: when the role has claims.personal_data) — and that read is audited.
 */
export async function getClaim(
  db: AppDb,
  scope: Scope,
  id: string,
  opts: { unmask?: boolean; skipPermissionAudit?: boolean } = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.read");
  const sc = visible(scope);
  const [row] = await db
    .select()
    .from(claims)
    .where(sc ? and(eq(claims.id, id), sc) : eq(claims.id, id));
  if (!row) throw notFound("vụ việc");
  const allowed = can(scope, "claims.personal_data");
  const unmask = opts.unmask ?? allowed;
  if (unmask && !allowed)
    throw new DomainError(
      "forbidden",
      "unmask",
      "Vai trò của bạn không được xem thông tin cá nhân của người yêu cầu bồi thường.",
    );
  const [events, deadlines, documents, corrections] = await Promise.all([
    db
      .select()
      .from(claimEvents)
      .where(eq(claimEvents.claimId, id))
      .orderBy(asc(claimEvents.date), asc(claimEvents.seq)),
    db.select().from(claimDeadlines).where(eq(claimDeadlines.claimId, id)).orderBy(asc(claimDeadlines.position)),
    db
      .select({
        id: claimDocuments.id,
        kind: claimDocuments.kind,
        title: claimDocuments.title,
        number: claimDocuments.number,
        issued_on: claimDocuments.issuedOn,
        file_name: claimDocuments.fileName,
        size: claimDocuments.size,
      })
      .from(claimDocuments)
      .where(eq(claimDocuments.claimId, id))
      .orderBy(asc(claimDocuments.uploadedAt)),
    db
      .select({ c: claimCorrections, by: users.fullName })
      .from(claimCorrections)
      .leftJoin(users, eq(users.id, claimCorrections.correctedBy))
      .where(eq(claimCorrections.claimId, id))
      .orderBy(asc(claimCorrections.correctedAt)),
  ]);
  if (unmask && !opts.skipPermissionAudit && (row.claimantIdNumber || row.claimantAddress || row.claimantPhone)) {
    await db.transaction(async (tx) => {
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "claim.personal_data.read",
        entity: "claim",
        entity_id: id,
        after: { fields: ["claimant_id_number", "claimant_address", "claimant_phone"] },
      });
    });
  }
  const history = historyOf(row.lawVersion, row.complex, row.extensions, events);
  const state = replay(history);
  return {
    ...maskClaimant(rawDto(row), unmask),
    events: events.map(eventDto),
    deadlines: deadlines.map((d) => ({
      kind: d.kind,
      step: d.step,
      label: d.label,
      due: d.due,
      unit: d.unit,
      days: d.days,
      basis: d.basis,
      confidence: d.confidence,
      status: d.status,
      explanation: d.explanation,
      details: d.details,
      computed_at: d.computedAt,
    })),
    documents,
    next_actions: nextActionsFromState(state),
    unrecorded: state.unrecorded,
    // A corrected claimant field is personal data like the claim's own: masked unless revealed.
    corrections: corrections.map(({ c, by }) => ({
      id: c.id,
      target: c.target,
      action: c.action,
      event_id: c.eventId,
      before: unmask ? c.before : maskPersonalDeep(c.before),
      after: unmask ? c.after : maskPersonalDeep(c.after),
      reason: c.reason,
      closed_claim: c.closedClaim,
      corrected_by: c.correctedBy,
      corrected_by_name: by,
      corrected_at: c.correctedAt,
    })),
  };
}

export type ClaimFilter = {
  q?: string;
  field?: string;
  law_version?: string;
  /** Procedure phase(s) (ClaimState.phase). */
  state?: string | string[];
  open?: boolean;
  suspended?: boolean;
  /** Handling OR managing agency. */
  agency_id?: string;
  handling_agency_id?: string;
  complex?: boolean;
  backlogged?: boolean;
  prolonged?: boolean;
  /** Year the file was received. */
  year?: number;
  sort?: "received_desc" | "received_asc" | "code" | "updated_desc";
  /** Claims with a pending legal deadline due soon (5 working days) or overdue. */
  due?: DueFilter;
  ids?: string[];
};

/** Builds the WHERE of a claim list (scope first). Exported for statistics that reuse the same filters. */
export function claimListWhere(scope: Scope, filter: ClaimFilter = {}): SQL | undefined {
  const conds: SQL[] = [];
  const sc = visible(scope);
  if (sc) conds.push(sc);
  if (filter.q?.trim()) conds.push(ilike(claims.searchText, likePattern(filter.q)));
  if (filter.field) conds.push(eq(claims.field, filter.field));
  if (filter.law_version) conds.push(eq(claims.lawVersion, filter.law_version));
  if (filter.state !== undefined) {
    const states = Array.isArray(filter.state) ? filter.state : [filter.state];
    conds.push(states.length ? inArray(claims.state, states) : sql`false`);
  }
  if (filter.open !== undefined) conds.push(eq(claims.open, filter.open));
  if (filter.suspended !== undefined) conds.push(eq(claims.suspended, filter.suspended));
  if (filter.agency_id)
    conds.push(or(eq(claims.handlingAgencyId, filter.agency_id), eq(claims.managingAgencyId, filter.agency_id))!);
  if (filter.handling_agency_id) conds.push(eq(claims.handlingAgencyId, filter.handling_agency_id));
  if (filter.complex !== undefined) conds.push(eq(claims.complex, filter.complex));
  if (filter.backlogged !== undefined) conds.push(eq(claims.backlogged, filter.backlogged));
  if (filter.prolonged !== undefined) conds.push(eq(claims.prolonged, filter.prolonged));
  if (filter.year !== undefined)
    conds.push(
      sql`${claims.receivedOn} >= ${`${filter.year}-01-01`} and ${claims.receivedOn} <= ${`${filter.year}-12-31`}`,
    );
  if (filter.ids) conds.push(inArray(claims.id, filter.ids));
  if (filter.due)
    conds.push(
      sql`exists (select 1 from ${claimDeadlines} where ${claimDeadlines.claimId} = ${claims.id} and ${claimDeadlines.kind} = 'deadline' and ${claimDeadlines.status} in ('open','overdue') and ${dueCondition(claimDeadlines.due, filter.due, todayVn())})`,
    );
  return conds.length ? and(...conds) : undefined;
}

/** A page of claims (personal data always masked in lists) and the total matching the filters. */
export async function listClaims(
  db: AppDb,
  scope: Scope,
  filter: ClaimFilter = {},
  page: Page = {},
): Promise<PageResult<ClaimDto>> {
  requirePermission(scope, "claims.read");
  const { limit, offset } = normalizePage(page);
  const where = claimListWhere(scope, filter);
  const order =
    filter.sort === "code"
      ? [asc(claims.code)]
      : filter.sort === "received_asc"
        ? [asc(claims.receivedOn), asc(claims.code)]
        : filter.sort === "updated_desc"
          ? [desc(claims.updatedAt), asc(claims.code)]
          : [sql`${claims.receivedOn} desc nulls last`, asc(claims.code)];
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(claims)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(claims).where(where),
  ]);
  return { items: rows.map((r) => maskClaimant(rawDto(r), false)), total: Number(n), limit, offset };
}
