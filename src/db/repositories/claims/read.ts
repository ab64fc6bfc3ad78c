// Reading claims: one claim with its events, deadlines, documents, corrections and lawful next actions (personal data
// masked unless allowed, an unmasked read audited), and the scoped, filtered list.
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  or,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { maskPersonalDeep } from "../../../domain/access/mask.ts";
import { can, type Scope } from "../../../domain/access/scope.ts";
import { nextActionsFromState, replay } from "../../../domain/claims/index.ts";
import type { DueFilter } from "../../../domain/inbox/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { prepareRows } from "../../prepared-rows.ts";
import { claimCorrections, claimDeadlines, claimDocuments, claimEvents, claims, users } from "../../schema/index.ts";
import { requirePermission, scopeAgencies } from "../../scope.ts";
import { likePattern } from "../../search.ts";
import type { AppDb } from "../../types.ts";
import { normalizePage, notFound, type Page, type PageResult, todayVn } from "../common.ts";
import { dueCondition } from "../due-filter.ts";
import {
  CLAIM_API_COLUMNS,
  type ClaimCorrectionDto,
  type ClaimDeadlineDto,
  type ClaimDetail,
  type ClaimEventDto,
  type ClaimListItem,
  claimFromArray,
  claimFromRow,
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
  const { events, deadlines, documents, corrections, ...claim } = found;
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
    ...claimFromRow(claim, unmask),
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

/** The claim (CLAIM_API_COLUMNS), and its events, deadlines, documents and corrections already shaped as the DTOs, their
 * timestamps as the API writes them (built once). */
const DETAIL = {
  ...CLAIM_API_COLUMNS,
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
  const conds = filterConditions(filter, false);
  const sc = visible(scope);
  if (sc) conds.unshift(sc);
  return conds.length ? and(...conds) : undefined;
}

/**
 * The filters' conditions. `prepared`: each value is a placeholder named after its filter (bound by filterValues),
 * so that one statement serves every request of the same shape (which filters are present); `due` and `ids` are never
 * prepared (see PREPARABLE).
 */
function filterConditions(filter: ClaimFilter, prepared: boolean): SQL[] {
  const v = <T>(name: string, value: T): T | Placeholder => (prepared ? sql.placeholder(name) : value);
  const conds: SQL[] = [];
  if (has(filter, "q")) conds.push(ilike(claims.searchText, v("q", likePattern(filter.q!))));
  if (has(filter, "field")) conds.push(eq(claims.field, v("field", filter.field!)));
  if (has(filter, "law_version")) conds.push(eq(claims.lawVersion, v("law_version", filter.law_version!)));
  if (has(filter, "state")) {
    const states = Array.isArray(filter.state) ? filter.state : [filter.state!];
    conds.push(
      !states.length
        ? sql`false`
        : prepared
          ? sql`${claims.state} = any(${sql.placeholder("state")})`
          : inArray(claims.state, states),
    );
  }
  if (has(filter, "open")) conds.push(eq(claims.open, v("open", filter.open!)));
  if (has(filter, "suspended")) conds.push(eq(claims.suspended, v("suspended", filter.suspended!)));
  if (has(filter, "agency_id"))
    conds.push(
      or(
        eq(claims.handlingAgencyId, v("agency_id", filter.agency_id!)),
        eq(claims.managingAgencyId, v("agency_id", filter.agency_id!)),
      )!,
    );
  if (has(filter, "handling_agency_id"))
    conds.push(eq(claims.handlingAgencyId, v("handling_agency_id", filter.handling_agency_id!)));
  if (has(filter, "complex")) conds.push(eq(claims.complex, v("complex", filter.complex!)));
  if (has(filter, "backlogged")) conds.push(eq(claims.backlogged, v("backlogged", filter.backlogged!)));
  if (has(filter, "prolonged")) conds.push(eq(claims.prolonged, v("prolonged", filter.prolonged!)));
  if (has(filter, "year"))
    conds.push(
      sql`${claims.receivedOn} >= ${v("year_from", `${filter.year}-01-01`)} and ${claims.receivedOn} <= ${v("year_to", `${filter.year}-12-31`)}`,
    );
  if (filter.ids) conds.push(inArray(claims.id, filter.ids));
  if (filter.due)
    conds.push(
      sql`exists (select 1 from ${claimDeadlines} where ${claimDeadlines.claimId} = ${claims.id} and ${claimDeadlines.kind} = 'deadline' and ${claimDeadlines.status} in ('open','overdue') and ${dueCondition(claimDeadlines.due, filter.due, todayVn())})`,
    );
  return conds;
}

/** Whether a filter takes part in the WHERE: the one test for the conditions and for a prepared statement's shape. */
function has(filter: ClaimFilter, key: (typeof PREPARABLE)[number]): boolean {
  const value = filter[key];
  if (key === "q") return !!filter.q?.trim();
  return typeof value === "string" && key !== "state" ? value !== "" : value !== undefined;
}

/** The placeholders' values of filterConditions(filter, true). */
function filterValues(filter: ClaimFilter): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of PREPARABLE) if (filter[key] !== undefined) values[key] = filter[key];
  if (filter.q !== undefined) values.q = likePattern(filter.q);
  if (filter.state !== undefined) values.state = Array.isArray(filter.state) ? filter.state : [filter.state];
  if (filter.year !== undefined) {
    values.year_from = `${filter.year}-01-01`;
    values.year_to = `${filter.year}-12-31`;
  }
  return values;
}

/** Filters a prepared list statement takes as parameters (`due` depends on today, `ids` is rare: built each time). */
const PREPARABLE = [
  "q",
  "field",
  "law_version",
  "state",
  "open",
  "suspended",
  "agency_id",
  "handling_agency_id",
  "complex",
  "backlogged",
  "prolonged",
  "year",
] as const satisfies ReadonlyArray<keyof ClaimFilter>;

/** The columns CLAIM_API_COLUMNS reads (not the search text: the page is sorted with its rows). */
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
  const nationwide = scope.visibleAgencyIds === "all";
  // The usual request (no `due`, no `ids`) runs a statement prepared once per shape: which filters are present, the
  // sort and whether the scope is nationwide (its agencies are one array parameter) — neither drizzle's building nor
  // PostgreSQL's planning of the text on every request.
  const preparable =
    filter.due === undefined && filter.ids === undefined && !(filter.q !== undefined && !filter.q.trim());
  let rows: Array<{ item: ClaimListItem; total: number }>;
  if (preparable) {
    const shape = [
      nationwide ? "all" : "scoped",
      filter.sort ?? "",
      filter.state !== undefined && (Array.isArray(filter.state) ? filter.state : [filter.state]).length === 0
        ? "no-state"
        : "",
      ...PREPARABLE.filter((k) => has(filter, k)),
    ].join(",");
    const cache = listStatements.get(db) ?? new Map<string, ReturnType<typeof prepareList>>();
    listStatements.set(db, cache);
    let statement = cache.get(shape);
    if (!statement) {
      if (cache.size >= 200) cache.clear();
      statement = prepareList(db, filter, nationwide, `claim_list_${listStatementCount++}`);
      cache.set(shape, statement);
    }
    rows = await statement.execute({
      ...filterValues(filter),
      ...(nationwide ? {} : { agencies: scopeAgencies(scope) }),
      limit,
      offset,
    });
  } else {
    rows = (await listQuery(db, claimListWhere(scope, filter), filter.sort, limit, offset)).map(
      ({ total, ...claim }) => ({ item: claimFromRow(claim, false), total }),
    );
  }
  const n =
    rows[0]?.total ??
    (offset > 0 ? Number((await db.select({ n: count() }).from(claims).where(claimListWhere(scope, filter)))[0].n) : 0);
  return { items: rows.map((r) => r.item), total: n, limit, offset };
}

/**
 * One statement: the page, each claim then read through CLAIM_API_COLUMNS (after the sort and limit: shaping every
 * matching row cost more than the query), and, as an uncorrelated sub-select evaluated once, the total matching the
 * filters. A page past the end has no row to carry the total: only then is it counted on its own (listClaims). The
 * page keeps the table's name so that CLAIM_API_COLUMNS and the order read its columns.
 */
function listQuery(
  db: AppDb,
  where: SQL | undefined,
  sort: ClaimFilter["sort"],
  limit: number | Placeholder,
  offset: number | Placeholder,
) {
  const order =
    sort === "code"
      ? [asc(claims.code)]
      : sort === "received_asc"
        ? [asc(claims.receivedOn), asc(claims.code)]
        : sort === "updated_desc"
          ? [desc(claims.updatedAt), asc(claims.code)]
          : [sql`${claims.receivedOn} desc nulls last`, asc(claims.code)];
  const pageRows = db
    .select({
      ...PAGE_COLUMNS,
      total: sql<number>`(select count(*) from ${claims} where ${where ?? sql`true`})`.as("total"),
    })
    .from(claims)
    .where(where)
    .orderBy(...order)
    .limit(limit as number)
    .offset(offset as number)
    .as("claims");
  return db
    .select({ ...CLAIM_API_COLUMNS, total: sql<number>`${pageRows.total}`.mapWith(Number) })
    .from(pageRows)
    .orderBy(...order);
}

function prepareList(db: AppDb, filter: ClaimFilter, nationwide: boolean, name: string) {
  const conds = filterConditions(filter, true);
  if (!nationwide) conds.unshift(visiblePrepared());
  const where = conds.length ? and(...conds) : undefined;
  // Each row: CLAIM_API_COLUMNS in order, then the total.
  return prepareRows(
    db,
    listQuery(db, where, filter.sort, sql.placeholder("limit"), sql.placeholder("offset")),
    name,
    (row) => ({
      item: claimFromArray(row),
      total: Number(row[row.length - 1]),
    }),
  );
}
const listStatements = new WeakMap<AppDb, Map<string, ReturnType<typeof prepareList>>>();
/** Statement names are per database connection: unique for the process. */
let listStatementCount = 0;
