// Claims repository, shared part: the claim's DTOs and input types, checks, history and state columns, stored
// deadlines, search text, register codes, the row lock and event loading used by every verb (create, read, update,
// events, recompute, import). Every event goes through the claims domain first: the database never stores a
// transition the law does not allow.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { maskClaimant } from "../../../domain/access/mask.ts";
import { isSuperiorOf, type Scope } from "../../../domain/access/scope.ts";
import type { WorkCalendar } from "../../../domain/calendar/types.ts";
import type * as Dto from "../../../domain/claims/dto.ts";
import { CLAIM_FIELDS } from "../../../domain/claims/dto.ts";
import { amountsOfEvent, extensionOfEvent, parseEventData } from "../../../domain/claims/event-data.ts";
import type { EventType, LawCode } from "../../../domain/claims/events.ts";
import {
  type ClaimExtensions,
  type ClaimHistory,
  type ClaimState,
  checkLiveStep,
  type DeadlineResult,
  PHASE_LABELS_VI,
  type Phase,
  parseClaimHistory,
} from "../../../domain/claims/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { agencies, claimCounters, claimDeadlines, claimEvents, claims, LAW_VERSIONS } from "../../schema/index.ts";
import { loadAgencyNodes, preparedScopeCondition, requireWritableAgencies, scopeCondition } from "../../scope.ts";
import { searchText } from "../../search.ts";
import type { AppDb } from "../../types.ts";
import { notFound, staleVersion } from "../common.ts";
import { nextNumber, raiseCounter } from "../register.ts";

/** Phases in which the claim is no longer being handled by the agency (resolved, refused, terminated, in court …). */
export const CLOSED_PHASES: readonly Phase[] = [
  "decision_effective",
  "funds_requested",
  "funds_received",
  "notified",
  "paid",
  "council",
  "council_recommended",
  "recourse_decided",
  "refused",
  "terminated",
  "in_court",
];

export type ClaimEventInput = {
  type: string;
  date: string;
  ground?: string;
  note?: string;
  /** Extra data. `amount` (đồng) on decision_issued / advance_paid / paid updates the claim's amounts. */
  data?: Record<string, unknown> | null;
};

export type ClaimInput = {
  code?: string;
  law_version?: string;
  field: string;
  complex?: boolean;
  backlogged?: boolean;
  prolonged?: boolean;
  managing_agency_id?: string | null;
  handling_agency_id: string;
  amount_requested?: number | null;
  amount_decided?: number | null;
  amount_paid?: number | null;
  amount_advance?: number | null;
  claimant_name: string;
  claimant_id_number?: string | null;
  claimant_address?: string | null;
  claimant_phone?: string | null;
  summary?: string | null;
  extensions?: ClaimExtensions | null;
  events?: ClaimEventInput[];
};

// The claim as the API carries it (declared once in the domain, shared with the web). The server builds Date for the
// claim row (rawDto: audit, forms) and reads the JSON's ISO strings where the database shapes it (CLAIM_API_COLUMNS, DETAIL).
export type ClaimDto = Dto.ClaimDto<Date>;
export type ClaimEventDto = Dto.ClaimEventDto<string>;
export type ClaimDeadlineDto = Dto.ClaimDeadlineDto<string>;
export type ClaimCorrectionDto = Dto.ClaimCorrectionDto<string>;
export type ClaimDetail = Dto.ClaimDetailDto<string>;

export type ClaimRow = typeof claims.$inferSelect;

export function rawDto(r: ClaimRow): Omit<ClaimDto, "masked"> {
  return {
    id: r.id,
    code: r.code,
    law_version: r.lawVersion,
    field: r.field,
    complex: r.complex,
    backlogged: r.backlogged,
    prolonged: r.prolonged,
    managing_agency_id: r.managingAgencyId,
    handling_agency_id: r.handlingAgencyId,
    amount_requested: r.amountRequested,
    amount_decided: r.amountDecided,
    amount_paid: r.amountPaid,
    amount_advance: r.amountAdvance,
    claimant_name: r.claimantName,
    claimant_id_number: r.claimantIdNumber,
    claimant_address: r.claimantAddress,
    claimant_phone: r.claimantPhone,
    summary: r.summary,
    state: r.state,
    state_label: PHASE_LABELS_VI[r.state as Phase] ?? r.state,
    open: r.open,
    suspended: r.suspended,
    extensions: (r.extensions as ClaimExtensions | null) ?? null,
    received_on: r.receivedOn,
    version: r.version,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

/** A timestamp as the API writes it: ISO 8601 in UTC with milliseconds, exactly Date.prototype.toISOString() of the
 * driver's Date (both truncate the microseconds). */
export const isoUtc = (column: SQL | PgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A claim as CLAIM_API_COLUMNS selects it: rawDto before masking, timestamps as isoUtc, no `state_label`. */
type ClaimApiRow = Omit<ClaimListItem, "state_label" | "masked" | "extensions"> & { extensions: unknown };

/**
 * rawDto as a select list: the API's keys, columns as stored, timestamps as isoUtc (no Date, no second mapping).
 * Plain columns, not a json value built by PostgreSQL: building JSON cost two thirds of a list statement's server
 * time and parsing it in the driver more than these columns (issue 16; docs/performance.md, 05/12/2026).
 */
export const CLAIM_API_COLUMNS = {
  id: claims.id,
  code: claims.code,
  law_version: claims.lawVersion,
  field: claims.field,
  complex: claims.complex,
  backlogged: claims.backlogged,
  prolonged: claims.prolonged,
  managing_agency_id: claims.managingAgencyId,
  handling_agency_id: claims.handlingAgencyId,
  amount_requested: claims.amountRequested,
  amount_decided: claims.amountDecided,
  amount_paid: claims.amountPaid,
  amount_advance: claims.amountAdvance,
  claimant_name: claims.claimantName,
  claimant_id_number: claims.claimantIdNumber,
  claimant_address: claims.claimantAddress,
  claimant_phone: claims.claimantPhone,
  summary: claims.summary,
  state: claims.state,
  open: claims.open,
  suspended: claims.suspended,
  extensions: claims.extensions,
  received_on: claims.receivedOn,
  version: claims.version,
  created_at: isoUtc(claims.createdAt),
  updated_at: isoUtc(claims.updatedAt),
};

/** The API's claim from CLAIM_API_COLUMNS: the state's label from the domain's table, personal data masked unless
 * allowed. */
export function claimFromRow({ extensions, ...c }: ClaimApiRow, unmask: boolean): ClaimListItem {
  return maskClaimant(
    {
      ...c,
      extensions: (extensions as ClaimExtensions | null) ?? null,
      state_label: PHASE_LABELS_VI[c.state as Phase] ?? c.state,
    },
    unmask,
  );
}

const API_KEYS = Object.keys(CLAIM_API_COLUMNS) as Array<keyof ClaimApiRow>;
/** bigint columns (the amounts): text from node-postgres, a number from PGlite. */
const IS_AMOUNT = API_KEYS.map((k) => (CLAIM_API_COLUMNS[k] as { columnType?: string }).columnType === "PgBigInt53");

/** A driver row of CLAIM_API_COLUMNS (array mode, same order; prepareRows) as the masked list item. */
export function claimFromArray(row: unknown[]): ClaimListItem {
  const c: Record<string, unknown> = {};
  for (let i = 0; i < API_KEYS.length; i++) c[API_KEYS[i]] = IS_AMOUNT[i] && row[i] !== null ? Number(row[i]) : row[i];
  return claimFromRow(c as ClaimApiRow, false);
}

export type ClaimListItem = Dto.ClaimDto<string>;

/** Audit form of a claim (personal data included: the audit trail is the record of who changed what). */
export function auditForm(r: ClaimRow) {
  const { created_at: _c, updated_at: _u, state_label: _l, ...rest } = rawDto(r);
  return rest;
}

export function eventDto(e: typeof claimEvents.$inferSelect): ClaimEventDto {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    date: e.date,
    ground: e.ground,
    note: e.note,
    data: e.data,
    recorded_by: e.recordedBy,
    recorded_at: e.recordedAt.toISOString(),
  };
}

export function checkAmount(v: unknown, field: string): void {
  if (v === undefined || v === null) return;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    throw new DomainError("invalid_amount", field, `${field}: số tiền phải là số nguyên không âm (đồng).`);
}

export function checkFieldLaw(field: string | undefined, law: string | undefined): void {
  if (field !== undefined && !(CLAIM_FIELDS as readonly string[]).includes(field))
    throw new DomainError(
      "invalid_field",
      "field",
      `Lĩnh vực không hợp lệ "${field}"; chỉ nhận: ${CLAIM_FIELDS.join(", ")}.`,
    );
  if (law !== undefined && !(LAW_VERSIONS as readonly string[]).includes(law))
    throw new DomainError(
      "invalid_law",
      "law_version",
      `Luật áp dụng không hợp lệ "${law}"; chỉ nhận: law_2017, law_2009.`,
    );
}

export type EventLike = { type: string; date: string; ground?: string | null; note?: string | null };

export function historyOf(
  law: string,
  complex: boolean,
  extensions: unknown,
  events: readonly EventLike[],
): ClaimHistory {
  // parseClaimHistory validates types, dates and grounds; replay (below) validates order and transitions.
  return parseClaimHistory({
    law,
    complex,
    extensions: extensions ?? undefined,
    events: events.map((e) => {
      const ev: Record<string, unknown> = { type: e.type, date: e.date };
      if (e.ground != null) ev.ground = e.ground;
      if (e.note != null) ev.note = e.note;
      return ev;
    }),
  });
}

/** Fields derived from the replayed state. */
export function stateColumns(state: ClaimState, history: ClaimHistory) {
  return {
    state: state.phase,
    open: !state.terminal && !CLOSED_PHASES.includes(state.phase),
    suspended: state.suspended !== null,
    receivedOn: history.events[0]?.date ?? null,
  };
}

export function deadlineRows(claimId: string, result: DeadlineResult) {
  let position = 0;
  const rows: Array<typeof claimDeadlines.$inferInsert> = [];
  for (const d of result.deadlines) {
    const { step, label, due, unit, days, basis, confidence, status, explanation, ...details } = d;
    rows.push({
      claimId,
      position: ++position,
      kind: "deadline",
      step,
      label,
      due,
      unit,
      days,
      basis,
      confidence,
      status,
      explanation,
      details,
    });
  }
  for (const m of result.milestones) {
    const { key, label, date, unit, days, basis, confidence, explanation, ...details } = m;
    rows.push({
      claimId,
      position: ++position,
      kind: "milestone",
      step: key,
      label,
      due: date,
      unit,
      days,
      basis,
      confidence,
      status: m.passed ? "passed" : null,
      explanation,
      details,
    });
  }
  return rows;
}

export async function storeDeadlines(tx: AppDb, claimId: string, result: DeadlineResult): Promise<void> {
  await tx.delete(claimDeadlines).where(eq(claimDeadlines.claimId, claimId));
  const rows = deadlineRows(claimId, result);
  if (rows.length) await tx.insert(claimDeadlines).values(rows);
}

/**
 * Many deadline rows in one statement: the rows travel as ONE json parameter and are expanded server-side
 * (json_to_recordset), instead of 13 bound parameters per row built by the ORM — same stored values, ~2–3× faster on
 * PostgreSQL for bulk writes (bench/volume.bench.ts). Omitted columns (id, computed_at) take their defaults.
 */
export async function insertDeadlineRowsBulk(
  tx: AppDb,
  rows: ReadonlyArray<ReturnType<typeof deadlineRows>[number]>,
): Promise<void> {
  for (let j = 0; j < rows.length; j += 5000) {
    const json = JSON.stringify(
      rows.slice(j, j + 5000).map((r) => ({
        claim_id: r.claimId,
        position: r.position,
        kind: r.kind,
        step: r.step,
        label: r.label ?? null,
        due: r.due ?? null,
        unit: r.unit ?? null,
        days: r.days ?? null,
        basis: r.basis ?? null,
        confidence: r.confidence ?? null,
        status: r.status ?? null,
        explanation: r.explanation ?? null,
        details: r.details ?? null,
      })),
    );
    await tx.execute(sql`insert into claim_deadlines
      (claim_id, position, kind, step, label, due, unit, days, basis, confidence, status, explanation, details)
      select claim_id, position, kind, step, label, due, unit, days, basis, confidence, status, explanation, details
      from json_to_recordset(${json}::json) as x(claim_id uuid, position int, kind text, step text, label text,
        due date, unit text, days int, basis text, confidence text, status text, explanation jsonb, details jsonb)`);
  }
}

export async function agencyNames(tx: AppDb, ids: Array<string | null | undefined>): Promise<string[]> {
  const list = ids.filter((x): x is string => !!x);
  if (!list.length) return [];
  const rows = await tx.select({ name: agencies.name }).from(agencies).where(inArray(agencies.id, list));
  return rows.map((r) => r.name);
}

export async function claimSearchText(
  tx: AppDb,
  c: {
    code: string;
    claimantName: string;
    summary?: string | null;
    handlingAgencyId: string;
    managingAgencyId?: string | null;
  },
): Promise<string> {
  return searchText(
    c.code,
    c.claimantName,
    c.summary,
    ...(await agencyNames(tx, [c.handlingAgencyId, c.managingAgencyId])),
  );
}

/**
 * Issue 13 finding 5: the handling agency must be in the caller's write scope; so must the managing agency, unless
 * it is a superior of the handling agency (a district THADS names its provincial department) — otherwise an officer
 * could file a claim into another province's books.
 */
export async function requireClaimAgencies(
  db: AppDb,
  scope: Scope,
  handling: string,
  managing: string | null | undefined,
  prefix = "",
): Promise<void> {
  requireWritableAgencies(scope, [[`${prefix}handling_agency_id`, handling]]);
  if (!managing || scope.visibleAgencyIds === "all" || scope.visibleAgencyIds.includes(managing)) return;
  if (isSuperiorOf(await loadAgencyNodes(db), managing, handling)) return;
  requireWritableAgencies(scope, [[`${prefix}managing_agency_id`, managing]]);
}

export async function requireAgenciesExist(tx: AppDb, ids: Array<[string, string | null | undefined]>): Promise<void> {
  for (const [field, id] of ids) {
    if (!id) continue;
    const [a] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
    if (!a) throw new DomainError("unknown_agency", field, `Cơ quan không tồn tại "${id}".`);
  }
}

/** `today`: the Vietnam date of "now" for live checks (default todayVn()); `as_of`: date deadlines are computed at. */
/** A claim's code: its number in the handling agency's register of the year (sổ thụ lý), e.g. BT-2026-0007. */
export function claimCode(year: number, n: number): string {
  return `BT-${year}-${String(n).padStart(4, "0")}`;
}

export const CLAIM_CODE_RE = /^BT-(\d{4})-(\d{1,6})$/;

/**
 * The code of a new claim, in the transaction that inserts it: the next number of the agency's register for the year
 * of receipt — or the code given (a number taken over from a paper register), which then moves the register past it.
 */
export async function registerCode(
  tx: AppDb,
  agencyId: string,
  given: string | undefined,
  receivedOn: string,
): Promise<string> {
  const code = given?.trim();
  if (!code) {
    const year = Number(receivedOn.slice(0, 4));
    return claimCode(year, await nextNumber(tx, claimCounters, agencyId, year));
  }
  const [dup] = await tx
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.handlingAgencyId, agencyId), eq(claims.code, code)));
  if (dup) throw new DomainError("duplicate", "code", `Mã vụ việc "${code}" đã có trong sổ thụ lý của cơ quan.`);
  const m = CLAIM_CODE_RE.exec(code);
  if (m) await raiseCounter(tx, claimCounters, agencyId, Number(m[1]), Number(m[2]));
  return code;
}

export type Options = { calendar?: WorkCalendar; as_of?: string; today?: string };

/**
 * Live recording (GLOSSARY): each event of the list must be the next lawful step of the history before it, dated
 * after it and not after today — checked one by one; the first refusal names `events[i].<field>`.
 */
export function checkLiveHistory(history: ClaimHistory, today: string): void {
  for (let i = 0; i < history.events.length; i++) {
    const e = history.events[i];
    const refusal = checkLiveStep({ ...history, events: history.events.slice(0, i) }, e, today);
    if (refusal)
      throw new DomainError(refusal.code, `events[${i}].${refusal.field}`, `events[${i}].${refusal.message}`);
  }
}

/** Claim extensions with those recorded by events (an event's agreed extension wins). */
export function mergeExtensions(
  given: ClaimExtensions | null | undefined,
  fromEvents: ClaimExtensions,
): ClaimExtensions | null | undefined {
  if (Object.keys(fromEvents).length === 0) return given;
  return { ...(given ?? {}), ...fromEvents };
}

/**
 * Checks each event's data against what its step produces (`parseEventData`; `live` = the step's facts are required)
 * and returns the claim amounts and agreed extensions the events set. Normalised data replaces the given data.
 */
export function factsFromEvents(
  events: ClaimEventInput[],
  law: string,
  opts: { live: boolean; path?: (i: number) => string },
): {
  amounts: { amountDecided?: number; amountPaid?: number; amountAdvance?: number; amountRequested?: number };
  extensions: ClaimExtensions;
} {
  const amounts: ReturnType<typeof amountsOfEvent> = {};
  const extensions: ClaimExtensions = {};
  for (const [i, e] of events.entries()) {
    const data = parseEventData(e.type as EventType, e.date, e.data, {
      live: opts.live,
      law: law as LawCode,
      path: opts.path ? opts.path(i) : `events[${i}].data`,
    });
    e.data = data;
    Object.assign(amounts, amountsOfEvent(e.type as EventType, data));
    Object.assign(extensions, extensionOfEvent(e.type as EventType, data));
  }
  return { amounts, extensions };
}

export function visible(scope: Scope): SQL | undefined {
  return scopeCondition(scope, ...CLAIM_AGENCY_COLUMNS);
}

/** visible() as the same condition for statements prepared once (placeholder `agencies`: scopeAgencies(scope)). */
export const visiblePrepared = () => preparedScopeCondition(...CLAIM_AGENCY_COLUMNS);

/** A claim belongs to its handling agency and to its managing agency. */
const CLAIM_AGENCY_COLUMNS = [claims.handlingAgencyId, claims.managingAgencyId];

/** Amounts and the law come from events (domain/claims/editing.ts): not patchable. */
export type ClaimPatch = Partial<
  Omit<ClaimInput, "events" | "law_version" | "amount_requested" | "amount_decided" | "amount_paid" | "amount_advance">
>;

export const PATCH_COLUMNS: Record<keyof ClaimPatch, keyof typeof claims.$inferInsert> = {
  code: "code",
  field: "field",
  complex: "complex",
  backlogged: "backlogged",
  prolonged: "prolonged",
  managing_agency_id: "managingAgencyId",
  handling_agency_id: "handlingAgencyId",
  claimant_name: "claimantName",
  claimant_id_number: "claimantIdNumber",
  claimant_address: "claimantAddress",
  claimant_phone: "claimantPhone",
  summary: "summary",
  extensions: "extensions",
};

export async function lockClaim(
  tx: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number | undefined,
): Promise<ClaimRow> {
  const sc = visible(scope);
  const [row] = await tx
    .select()
    .from(claims)
    .where(sc ? and(eq(claims.id, id), sc) : eq(claims.id, id))
    .for("update");
  if (!row) throw notFound("vụ việc");
  if (expectedVersion !== undefined && row.version !== expectedVersion)
    throw staleVersion("Vụ việc", expectedVersion, row.version);
  return row;
}

export async function loadEvents(tx: AppDb, claimId: string) {
  return tx
    .select()
    .from(claimEvents)
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.date), asc(claimEvents.seq));
}
