// Registers numbered per agency and year (sổ văn bản đi here; sổ văn bản đến in incoming.ts and sổ thụ lý through
// nextNumber): numbers 1, 2, 3 … with no gaps and no duplicates. The (agency, year) counter row is incremented with
// INSERT … ON CONFLICT DO UPDATE … RETURNING in the same transaction as the register row: concurrent allocations queue
// on the row lock; a rollback returns the number. Both document registers record and list through one pair of verbs.
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import {
  type claimCounters,
  type incomingCounters,
  type incomingRegister,
  outgoingCounters,
  outgoingRegister,
} from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { normalizePage, type Page, type PageResult, toSnake } from "./common.ts";

export const OUTPUT_KINDS = ["letter", "report", "minutes", "decision", "notice", "plan"] as const;

export type OutgoingInput = {
  agency_id: string;
  year: number;
  doc_kind: string;
  subject: string;
  symbol?: string | null;
  issued_on?: string | null;
  entity?: string | null;
  entity_id?: string | null;
};

export type OutgoingDto = ReturnType<typeof toSnake<typeof outgoingRegister.$inferSelect>> & { display: string };

function dto(r: typeof outgoingRegister.$inferSelect): OutgoingDto {
  return { ...toSnake(r), display: r.symbol ? `${r.number}/${r.symbol}` : String(r.number) };
}

type Counters = typeof outgoingCounters | typeof claimCounters | typeof incomingCounters;

/**
 * The next number of an (agency, year) register, inside the caller's transaction: concurrent callers queue on the
 * counter row's lock, and a rollback gives the number back — so numbers have no gaps and no duplicates.
 */
export async function nextNumber(tx: AppDb, counters: Counters, agencyId: string, year: number): Promise<number> {
  const [{ n }] = await tx
    .insert(counters)
    .values({ agencyId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [counters.agencyId, counters.year],
      set: { lastNumber: sql`${counters.lastNumber} + 1` },
    })
    .returning({ n: counters.lastNumber });
  return n;
}

/** Moves an (agency, year) counter up to at least `atLeast` (numbers taken over from a paper register). */
export async function raiseCounter(
  tx: AppDb,
  counters: Counters,
  agencyId: string,
  year: number,
  atLeast: number,
): Promise<void> {
  await tx
    .insert(counters)
    .values({ agencyId, year, lastNumber: atLeast })
    .onConflictDoUpdate({
      target: [counters.agencyId, counters.year],
      set: { lastNumber: sql`greatest(${counters.lastNumber}, ${atLeast})` },
    });
}

type EntryTable = typeof outgoingRegister | typeof incomingRegister;

/** A numbered document register: its entries, its (agency, year) counters and the entity name its audit rows carry. */
export type DocumentRegister<T extends EntryTable> = { table: T; counters: Counters; entity: string };

const OUTGOING: DocumentRegister<typeof outgoingRegister> = {
  table: outgoingRegister,
  counters: outgoingCounters,
  entity: "outgoing_register",
};

/** Records an entry under the next number of its (agency, year) register, audited, in the caller's transaction. */
export async function insertNumbered<T extends EntryTable, D>(
  tx: AppDb,
  scope: Scope,
  reg: DocumentRegister<T>,
  values: Omit<T["$inferInsert"], "number" | "createdBy">,
  action: string,
  dto: (row: T["$inferSelect"]) => D,
): Promise<D> {
  const number = await nextNumber(tx, reg.counters, values.agencyId, values.year);
  // One insert for either table: both share the numbered entry columns (schema/registers.ts).
  const table = reg.table as EntryTable as typeof outgoingRegister;
  const [row] = await tx
    .insert(table)
    .values({ ...(values as typeof outgoingRegister.$inferInsert), number, createdBy: scope.userId })
    .returning();
  const out = dto(row as T["$inferSelect"]);
  await appendAudit(tx, { ...auditActor(scope), action, entity: reg.entity, entity_id: row.id, after: out });
  return out;
}

/** One page of a register in the caller's scope: by agency and year plus the register's own conditions. */
export async function listRegister<T extends EntryTable, D>(
  db: AppDb,
  scope: Scope,
  reg: DocumentRegister<T>,
  filter: { agency_id?: string; year?: number; where?: SQL[]; order: SQL[] },
  page: Page,
  dto: (row: T["$inferSelect"]) => D,
): Promise<PageResult<D>> {
  const { limit, offset } = normalizePage(page);
  const t = reg.table as EntryTable as typeof outgoingRegister;
  const conds: SQL[] = [...(filter.where ?? [])];
  const sc = scopeCondition(scope, t.agencyId);
  if (sc) conds.unshift(sc);
  if (filter.agency_id) conds.push(eq(t.agencyId, filter.agency_id));
  if (filter.year) conds.push(eq(t.year, filter.year));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(t)
      .where(where)
      .orderBy(...filter.order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { items: rows.map((r) => dto(r as T["$inferSelect"])), total: Number(n), limit, offset };
}

/** The register entry already issued by `agency_id` for this entity, kind and year (a regenerated letter keeps it). */
export async function findOutgoingFor(
  db: AppDb,
  q: { agency_id: string; year: number; doc_kind: string; entity: string; entity_id: string },
): Promise<OutgoingDto | null> {
  const [row] = await db
    .select()
    .from(outgoingRegister)
    .where(
      and(
        eq(outgoingRegister.agencyId, q.agency_id),
        eq(outgoingRegister.year, q.year),
        eq(outgoingRegister.docKind, q.doc_kind),
        eq(outgoingRegister.entity, q.entity),
        eq(outgoingRegister.entityId, q.entity_id),
      ),
    )
    .orderBy(asc(outgoingRegister.number))
    .limit(1);
  return row ? dto(row) : null;
}

/** Allocates the next number of the agency's register for the year and records the entry (audited). */
export async function allocateOutgoing(db: AppDb, scope: Scope, input: OutgoingInput): Promise<OutgoingDto> {
  requirePermission(scope, "register.allocate");
  requireWritableAgencies(scope, [["agency_id", input.agency_id]]);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw new DomainError("invalid_year", "year", "Năm không hợp lệ (2000–2100).");
  if (!(OUTPUT_KINDS as readonly string[]).includes(input.doc_kind))
    throw new DomainError(
      "invalid_kind",
      "doc_kind",
      `Loại văn bản không hợp lệ; chỉ nhận: ${OUTPUT_KINDS.join(", ")}.`,
    );
  return db.transaction((tx) =>
    insertNumbered(
      tx,
      scope,
      OUTGOING,
      {
        agencyId: input.agency_id,
        year: input.year,
        symbol: input.symbol ?? null,
        docKind: input.doc_kind,
        subject: input.subject,
        issuedOn: input.issued_on ?? null,
        entity: input.entity ?? null,
        entityId: input.entity_id ?? null,
      },
      "register.allocate",
      dto,
    ),
  );
}

export async function listOutgoing(
  db: AppDb,
  scope: Scope,
  filter: { agency_id?: string; year?: number; entity?: string; entity_id?: string } = {},
  page: Page = {},
): Promise<PageResult<OutgoingDto>> {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(outgoingRegister.entity, filter.entity));
  if (filter.entity_id) where.push(eq(outgoingRegister.entityId, filter.entity_id));
  const order = [asc(outgoingRegister.agencyId), asc(outgoingRegister.year), asc(outgoingRegister.number)];
  return listRegister(db, scope, OUTGOING, { ...filter, where, order }, page, dto);
}
