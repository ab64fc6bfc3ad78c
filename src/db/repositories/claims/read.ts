// Reading claims: one claim with its events, deadlines, documents, corrections and lawful next actions (personal data
// masked unless allowed, an unmasked read audited), and the scoped, filtered list.
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { maskClaimant, maskPersonalDeep } from "../../../domain/access/mask.ts";
import { can, type Scope } from "../../../domain/access/scope.ts";
import { nextActionsFromState, replay } from "../../../domain/claims/index.ts";
import type { DueFilter } from "../../../domain/inbox/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { claimCorrections, claimDeadlines, claimDocuments, claimEvents, claims, users } from "../../schema/index.ts";
import { requirePermission, scopeAgencies } from "../../scope.ts";
import { likePattern } from "../../search.ts";
import type { AppDb } from "../../types.ts";
import { normalizePage, notFound, type Page, type PageResult, todayVn } from "../common.ts";
import { dueCondition } from "../due-filter.ts";
import {
  type ClaimCorrectionDto,
  type ClaimDeadlineDto,
  type ClaimDetail,
  type ClaimDto,
  type ClaimEventDto,
  historyOf,
  rawDto,
  visible,
  visiblePrepared,
} from "./model.ts";

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
  // ONE statement, prepared once per database handle: the claim row with its lists as json_agg sub-selects (DETAIL).
  const statements = detailStatements.get(db) ?? prepareDetail(db);
  const [found] =
    scope.visibleAgencyIds === "all"
      ? await statements.nationwide.execute({ id })
      : await statements.scoped.execute({ id, agencies: scopeAgencies(scope) });
  if (!found) throw notFound("vụ việc");
  const { row, events, deadlines, documents, corrections } = found;
  const allowed = can(scope, "claims.personal_data");
  const unmask = opts.unmask ?? allowed;
  if (unmask && !allowed)
    throw new DomainError(
      "forbidden",
      "unmask",
      "Vai trò của bạn không được xem thông tin cá nhân của người yêu cầu bồi thường.",
    );
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
    events: events.map((e) => ({ ...e, recorded_at: new Date(e.recorded_at) })),
    deadlines: deadlines.map((d) => ({ ...d, computed_at: new Date(d.computed_at) })),
    documents,
    next_actions: nextActionsFromState(state),
    unrecorded: state.unrecorded,
    // A corrected claimant field is personal data like the claim's own: masked unless revealed.
    corrections: corrections.map((c) => ({
      ...c,
      before: unmask ? c.before : maskPersonalDeep(c.before),
      after: unmask ? c.after : maskPersonalDeep(c.after),
      corrected_at: new Date(c.corrected_at),
    })),
  };
}

type Millis<T, K extends keyof T> = Omit<T, K> & { [P in K]: number };
type ClaimEventJson = Millis<ClaimEventDto, "recorded_at">;
type ClaimDeadlineJson = Millis<ClaimDeadlineDto, "computed_at">;
type ClaimCorrectionJson = Millis<ClaimCorrectionDto, "corrected_at">;

/** A timestamp as epoch milliseconds, truncated like the drivers' own Date parsing. */
const epochMs = (column: SQL | PgColumn) => sql`floor(extract(epoch from ${column}) * 1000)`;

/** The claim row, and its events, deadlines, documents and corrections already shaped as the DTOs (built once). */
const DETAIL = {
  row: claims,
  events: jsonList<ClaimEventJson>(
    claimEvents,
    eq(claimEvents.claimId, claims.id),
    sql`${claimEvents.date}, ${claimEvents.seq}`,
    sql`'id', ${claimEvents.id}, 'seq', ${claimEvents.seq}, 'type', ${claimEvents.type}, 'date', ${claimEvents.date},
        'ground', ${claimEvents.ground}, 'note', ${claimEvents.note}, 'data', ${claimEvents.data},
        'recorded_by', ${claimEvents.recordedBy}, 'recorded_at', ${epochMs(claimEvents.recordedAt)}`,
  ),
  deadlines: jsonList<ClaimDeadlineJson>(
    claimDeadlines,
    eq(claimDeadlines.claimId, claims.id),
    sql`${claimDeadlines.position}`,
    sql`'kind', ${claimDeadlines.kind}, 'step', ${claimDeadlines.step}, 'label', ${claimDeadlines.label},
        'due', ${claimDeadlines.due}, 'unit', ${claimDeadlines.unit}, 'days', ${claimDeadlines.days},
        'basis', ${claimDeadlines.basis}, 'confidence', ${claimDeadlines.confidence},
        'status', ${claimDeadlines.status}, 'explanation', ${claimDeadlines.explanation},
        'details', ${claimDeadlines.details}, 'computed_at', ${epochMs(claimDeadlines.computedAt)}`,
  ),
  documents: jsonList<ClaimDetail["documents"][number]>(
    claimDocuments,
    eq(claimDocuments.claimId, claims.id),
    sql`${claimDocuments.uploadedAt}`,
    sql`'id', ${claimDocuments.id}, 'kind', ${claimDocuments.kind}, 'title', ${claimDocuments.title},
        'number', ${claimDocuments.number}, 'issued_on', ${claimDocuments.issuedOn},
        'file_name', ${claimDocuments.fileName}, 'size', ${claimDocuments.size}`,
  ),
  corrections: jsonList<ClaimCorrectionJson>(
    sql`${claimCorrections} left join ${users} on ${users.id} = ${claimCorrections.correctedBy}`,
    eq(claimCorrections.claimId, claims.id),
    sql`${claimCorrections.correctedAt}`,
    sql`'id', ${claimCorrections.id}, 'target', ${claimCorrections.target}, 'action', ${claimCorrections.action},
        'event_id', ${claimCorrections.eventId}, 'before', ${claimCorrections.before},
        'after', ${claimCorrections.after}, 'reason', ${claimCorrections.reason},
        'closed_claim', ${claimCorrections.closedClaim}, 'corrected_by', ${claimCorrections.correctedBy},
        'corrected_by_name', ${users.fullName}, 'corrected_at', ${epochMs(claimCorrections.correctedAt)}`,
  ),
};

/** The detail statement, built and prepared once (PostgreSQL: a named server-side statement, parsed once per
 * connection): drizzle's query building alone took longer than PostgreSQL's answer. */
function prepareDetail(db: AppDb) {
  const byId = eq(claims.id, sql.placeholder("id"));
  const statements = {
    nationwide: db.select(DETAIL).from(claims).where(byId).prepare("claim_detail"),
    scoped: db.select(DETAIL).from(claims).where(and(byId, visiblePrepared())).prepare("claim_detail_scoped"),
  };
  detailStatements.set(db, statements);
  return statements;
}
const detailStatements = new WeakMap<AppDb, ReturnType<typeof prepareDetail>>();

/** `[{…}, …]` of the rows of `from` matching `where`, in `order`, each built by json_build_object(`fields`). */
function jsonList<T>(from: SQL | PgTable, where: SQL, order: SQL, fields: SQL): SQL<T[]> {
  return sql<
    T[]
  >`(select coalesce(json_agg(json_build_object(${fields}) order by ${order}), '[]'::json) from ${from} where ${where})`;
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
  // One statement: the page and, as an uncorrelated sub-select evaluated once, the total matching the filters. A page
  // past the end has no row to carry the total: only then is it counted on its own.
  const rows = await db
    .select({
      row: claims,
      total: sql<number>`(select count(*) from ${claims} where ${where ?? sql`true`})`.mapWith(Number),
    })
    .from(claims)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const n =
    rows[0]?.total ?? (offset > 0 ? Number((await db.select({ n: count() }).from(claims).where(where))[0].n) : 0);
  return { items: rows.map((r) => maskClaimant(rawDto(r.row), false)), total: n, limit, offset };
}
