// Reading claims: one claim with its events, deadlines, documents, corrections and lawful next actions (personal data
// masked unless allowed, an unmasked read audited), and the scoped, filtered list.
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { maskPersonalDeep } from "../../../domain/access/mask.ts";
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
  CLAIM_JSON,
  type ClaimCorrectionDto,
  type ClaimDeadlineDto,
  type ClaimDetail,
  type ClaimEventDto,
  type ClaimListItem,
  claimFromJson,
  historyOf,
  isoUtc,
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
  const { claim, events, deadlines, documents, corrections } = found;
  const allowed = can(scope, "claims.personal_data");
  const unmask = opts.unmask ?? allowed;
  if (unmask && !allowed)
    throw new DomainError(
      "forbidden",
      "unmask",
      "Vai trò của bạn không được xem thông tin cá nhân của người yêu cầu bồi thường.",
    );
  if (
    unmask &&
    !opts.skipPermissionAudit &&
    (claim.claimant_id_number || claim.claimant_address || claim.claimant_phone)
  ) {
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
  const history = historyOf(claim.law_version, claim.complex, claim.extensions, events);
  const state = replay(history);
  return {
    ...claimFromJson(claim, unmask),
    events,
    deadlines,
    documents,
    next_actions: nextActionsFromState(state),
    unrecorded: state.unrecorded,
    // A corrected claimant field is personal data like the claim's own: masked unless revealed.
    corrections: unmask
      ? corrections
      : corrections.map((c) => ({ ...c, before: maskPersonalDeep(c.before), after: maskPersonalDeep(c.after) })),
  };
}

/** The claim (CLAIM_JSON), and its events, deadlines, documents and corrections already shaped as the DTOs, their
 * timestamps as the API writes them (built once). */
const DETAIL = {
  claim: CLAIM_JSON,
  events: jsonList<ClaimEventDto>(
    claimEvents,
    eq(claimEvents.claimId, claims.id),
    sql`${claimEvents.date}, ${claimEvents.seq}`,
    sql`'id', ${claimEvents.id}, 'seq', ${claimEvents.seq}, 'type', ${claimEvents.type}, 'date', ${claimEvents.date},
        'ground', ${claimEvents.ground}, 'note', ${claimEvents.note}, 'data', ${claimEvents.data},
        'recorded_by', ${claimEvents.recordedBy}, 'recorded_at', ${isoUtc(claimEvents.recordedAt)}`,
  ),
  deadlines: jsonList<ClaimDeadlineDto>(
    claimDeadlines,
    eq(claimDeadlines.claimId, claims.id),
    sql`${claimDeadlines.position}`,
    sql`'kind', ${claimDeadlines.kind}, 'step', ${claimDeadlines.step}, 'label', ${claimDeadlines.label},
        'due', ${claimDeadlines.due}, 'unit', ${claimDeadlines.unit}, 'days', ${claimDeadlines.days},
        'basis', ${claimDeadlines.basis}, 'confidence', ${claimDeadlines.confidence},
        'status', ${claimDeadlines.status}, 'explanation', ${claimDeadlines.explanation},
        'details', ${claimDeadlines.details}, 'computed_at', ${isoUtc(claimDeadlines.computedAt)}`,
  ),
  documents: jsonList<ClaimDetail["documents"][number]>(
    claimDocuments,
    eq(claimDocuments.claimId, claims.id),
    sql`${claimDocuments.uploadedAt}`,
    sql`'id', ${claimDocuments.id}, 'kind', ${claimDocuments.kind}, 'title', ${claimDocuments.title},
        'number', ${claimDocuments.number}, 'issued_on', ${claimDocuments.issuedOn},
        'file_name', ${claimDocuments.fileName}, 'size', ${claimDocuments.size}`,
  ),
  corrections: jsonList<ClaimCorrectionDto>(
    sql`${claimCorrections} left join ${users} on ${users.id} = ${claimCorrections.correctedBy}`,
    eq(claimCorrections.claimId, claims.id),
    sql`${claimCorrections.correctedAt}`,
    sql`'id', ${claimCorrections.id}, 'target', ${claimCorrections.target}, 'action', ${claimCorrections.action},
        'event_id', ${claimCorrections.eventId}, 'before', ${claimCorrections.before},
        'after', ${claimCorrections.after}, 'reason', ${claimCorrections.reason},
        'closed_claim', ${claimCorrections.closedClaim}, 'corrected_by', ${claimCorrections.correctedBy},
        'corrected_by_name', ${users.fullName}, 'corrected_at', ${isoUtc(claimCorrections.correctedAt)}`,
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

/** The columns CLAIM_JSON reads (not the search text: the page is sorted with its rows). */
const { searchText: _searchText, createdBy: _createdBy, ...PAGE_COLUMNS } = getTableColumns(claims);

/** A page of claims (personal data always masked in lists) and the total matching the filters. */
export async function listClaims(
  db: AppDb,
  scope: Scope,
  filter: ClaimFilter = {},
  page: Page = {},
): Promise<PageResult<ClaimListItem>> {
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
  // One statement: the page, each claim then shaped by CLAIM_JSON (after the sort and limit: building it for every
  // matching row cost more than the query), and, as an uncorrelated sub-select evaluated once, the total matching
  // the filters. A page past the end has no row to carry the total: only then is it counted on its own. The page
  // keeps the table's name so that CLAIM_JSON and the order read its columns.
  const pageRows = db
    .select({
      ...PAGE_COLUMNS,
      total: sql<number>`(select count(*) from ${claims} where ${where ?? sql`true`})`.as("total"),
    })
    .from(claims)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as("claims");
  const rows = await db
    .select({ item: CLAIM_JSON, total: sql<number>`${pageRows.total}`.mapWith(Number) })
    .from(pageRows)
    .orderBy(...order);
  const n =
    rows[0]?.total ?? (offset > 0 ? Number((await db.select({ n: count() }).from(claims).where(where))[0].n) : 0);
  return { items: rows.map((r) => claimFromJson(r.item, false)), total: n, limit, offset };
}
