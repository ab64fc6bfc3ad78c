// Agencies: dated registry rows with parent and successor links. The directory (names, roles) is readable by any
// signed-in user (it is needed for routing and forms); `onlyVisible` restricts a list to the caller's scope.
import { and, asc, count, eq, ilike, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { Agency } from "../../domain/agencies/types.ts";
import { appendAudit, auditActor, auditDiff } from "../audit.ts";
import { agencies, agencySuccessors } from "../schema/index.ts";
import { invalidateAgencyCache, requirePermission, scopeCondition } from "../scope.ts";
import { likePattern, searchText } from "../search.ts";
import type { AppDb } from "../types.ts";
import { normalizePage, notFound, type Page, type PageResult, toSnake } from "./common.ts";

export type AgencyDto = {
  id: string;
  name: string;
  short_name: string | null;
  role: string;
  province_code: string | null;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_ids: string[];
};

type AgencyRow = typeof agencies.$inferSelect;

function dto(r: AgencyRow, successors: string[]): AgencyDto {
  return {
    id: r.id,
    name: r.name,
    short_name: r.shortName,
    role: r.role,
    province_code: r.provinceCode,
    parent_id: r.parentId,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    successor_ids: successors,
  };
}

async function successorsOf(db: AppDb, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(agencySuccessors)
    .where(inArray(agencySuccessors.agencyId, ids))
    .orderBy(asc(agencySuccessors.successorId));
  for (const r of rows) {
    const list = map.get(r.agencyId);
    if (list) list.push(r.successorId);
    else map.set(r.agencyId, [r.successorId]);
  }
  return map;
}

export type AgencyFilter = {
  q?: string;
  role?: string;
  province_code?: string;
  parent_id?: string;
  /** Only agencies in force on this date. */
  active_on?: string;
  /** Restrict to the caller's visible agencies. */
  onlyVisible?: boolean;
};

export async function listAgencies(
  db: AppDb,
  scope: Scope,
  filter: AgencyFilter = {},
  page: Page = {},
): Promise<PageResult<AgencyDto>> {
  const { limit, offset } = normalizePage({ limit: 100, ...page });
  const conds: SQL[] = [];
  if (filter.q) conds.push(ilike(agencies.searchText, likePattern(filter.q)));
  if (filter.role) conds.push(eq(agencies.role, filter.role));
  if (filter.province_code) conds.push(eq(agencies.provinceCode, filter.province_code));
  if (filter.parent_id) conds.push(eq(agencies.parentId, filter.parent_id));
  if (filter.active_on) {
    conds.push(or(isNull(agencies.validFrom), lte(agencies.validFrom, filter.active_on))!);
    conds.push(or(isNull(agencies.validTo), sql`${agencies.validTo} >= ${filter.active_on}`)!);
  }
  if (filter.onlyVisible) {
    const sc = scopeCondition(scope, agencies.id);
    if (sc) conds.push(sc);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(agencies).where(where).orderBy(asc(agencies.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(agencies).where(where),
  ]);
  const succ = await successorsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => dto(r, succ.get(r.id) ?? [])), total: Number(n), limit, offset };
}

export async function getAgency(
  db: AppDb,
  _scope: Scope,
  id: string,
): Promise<AgencyDto & { children: string[]; predecessor_ids: string[] }> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!row) throw notFound("cơ quan");
  const [succ, children, preds] = await Promise.all([
    successorsOf(db, [id]),
    db.select({ id: agencies.id }).from(agencies).where(eq(agencies.parentId, id)).orderBy(asc(agencies.id)),
    db.select({ id: agencySuccessors.agencyId }).from(agencySuccessors).where(eq(agencySuccessors.successorId, id)),
  ]);
  return {
    ...dto(row, succ.get(id) ?? []),
    children: children.map((c) => c.id),
    predecessor_ids: preds.map((p) => p.id).sort(),
  };
}

function toRow(a: Agency) {
  return {
    id: a.id,
    name: a.name,
    shortName: a.short_name ?? null,
    role: a.role,
    provinceCode: a.province_code ?? null,
    parentId: a.parent_id ?? null,
    validFrom: a.valid_from ?? null,
    validTo: a.valid_to ?? null,
    searchText: searchText(a.name, a.short_name, a.id),
  };
}

/** Orders rows so that every parent comes before its children (parents outside the list are left as they are). */
function parentsFirst<T extends { id: string; parentId: string | null }>(rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (r: T, depth: number) => {
    if (done.has(r.id)) return;
    if (depth > rows.length) throw new Error(`Vòng lặp cơ quan cha–con tại "${r.id}"`);
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(r.id);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

/**
 * Inserts or updates registry agencies (parents first, then successor links) with one audit row.
 * Used by the seed and by registry updates; needs agencies.manage.
 */
export async function importAgencies(db: AppDb, scope: Scope, list: readonly Agency[]): Promise<{ count: number }> {
  requirePermission(scope, "agencies.manage");
  const result = await db.transaction(async (tx) => {
    // Parents before children, so each row can be inserted with its parent in one pass.
    const rows = parentsFirst(list.map(toRow));
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(agencies)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: agencies.id,
          set: {
            name: sql`excluded.name`,
            shortName: sql`excluded.short_name`,
            role: sql`excluded.role`,
            provinceCode: sql`excluded.province_code`,
            parentId: sql`excluded.parent_id`,
            validFrom: sql`excluded.valid_from`,
            validTo: sql`excluded.valid_to`,
            searchText: sql`excluded.search_text`,
            updatedAt: sql`now()`,
          },
        });
    }
    const links = list.flatMap((a) =>
      (a.successor_ids ?? []).map((s) => ({ agencyId: a.id, successorId: s, since: a.valid_to ?? null })),
    );
    for (let i = 0; i < links.length; i += 500)
      await tx
        .insert(agencySuccessors)
        .values(links.slice(i, i + 500))
        .onConflictDoNothing();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "agency.import",
      entity: "agency",
      entity_id: null,
      after: { count: rows.length, successor_links: links.length },
    });
    return { count: rows.length };
  });
  invalidateAgencyCache();
  return result;
}

export type AgencyPatch = Partial<
  Pick<AgencyDto, "name" | "short_name" | "parent_id" | "valid_from" | "valid_to" | "province_code">
>;

export async function updateAgency(db: AppDb, scope: Scope, id: string, patch: AgencyPatch): Promise<AgencyDto> {
  requirePermission(scope, "agencies.manage");
  const out = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.id, id)).for("update");
    if (!before) throw notFound("cơ quan");
    const set: Partial<typeof agencies.$inferInsert> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.short_name !== undefined) set.shortName = patch.short_name;
    if (patch.parent_id !== undefined) set.parentId = patch.parent_id;
    if (patch.valid_from !== undefined) set.validFrom = patch.valid_from;
    if (patch.valid_to !== undefined) set.validTo = patch.valid_to;
    if (patch.province_code !== undefined) set.provinceCode = patch.province_code;
    set.searchText = searchText(set.name ?? before.name, set.shortName ?? before.shortName, id);
    const [after] = await tx
      .update(agencies)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(agencies.id, id))
      .returning();
    const d = auditDiff(toSnake(before), toSnake(after));
    await appendAudit(tx, { ...auditActor(scope), action: "agency.update", entity: "agency", entity_id: id, ...d });
    const succ = await successorsOf(tx, [id]);
    return dto(after, succ.get(id) ?? []);
  });
  invalidateAgencyCache();
  return out;
}

export async function agencyCount(db: AppDb): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(agencies);
  return Number(n);
}
