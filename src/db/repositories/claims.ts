// Claims repository. Every event goes through the claims domain first (live: `checkLiveStep`; backfill: `replay`): the
// database never stores a transition the law does not allow. After each change the deadlines are recomputed (`computeDeadlines`) and stored,
// all in ONE transaction with the audit row. Updates use optimistic concurrency (expected version → "stale_version").
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { keepMaskedPersonal, maskClaimant, maskPersonalDeep } from "../../domain/access/mask.ts";
import { can, isSuperiorOf, type Scope } from "../../domain/access/scope.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import type { WorkCalendar } from "../../domain/calendar/types.ts";
import { amountsOfEvent, extensionOfEvent, parseEventData } from "../../domain/claims/event-data.ts";
import type { EventType, LawCode } from "../../domain/claims/events.ts";
import {
  type ClaimExtensions,
  type ClaimHistory,
  type ClaimState,
  checkLiveStep,
  computeDeadlines,
  type DeadlineResult,
  type NextAction,
  nextActionsFromState,
  PHASE_LABELS_VI,
  type Phase,
  parseClaimHistory,
  refuseClosedFileEdit,
  refuseEventDerivedFields,
  replay,
  type UnrecordedSteps,
} from "../../domain/claims/index.ts";
import type { DueFilter } from "../../domain/inbox/index.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor, auditDiff } from "../audit.ts";
import {
  agencies,
  CLAIM_FIELDS,
  claimCorrections,
  claimCounters,
  claimDeadlines,
  claimDocuments,
  claimEvents,
  claims,
  LAW_VERSIONS,
  users,
} from "../schema/index.ts";
import { loadAgencyNodes, requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import { likePattern, searchText } from "../search.ts";
import type { AppDb } from "../types.ts";
import { normalizePage, notFound, type Page, type PageResult, staleVersion, todayVn } from "./common.ts";
import { dueCondition } from "./due-filter.ts";
import { nextNumber, raiseCounter } from "./register.ts";

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

export type ClaimDto = {
  id: string;
  code: string;
  law_version: string;
  field: string;
  complex: boolean;
  backlogged: boolean;
  prolonged: boolean;
  managing_agency_id: string | null;
  handling_agency_id: string;
  amount_requested: number | null;
  amount_decided: number | null;
  amount_paid: number | null;
  amount_advance: number | null;
  claimant_name: string;
  claimant_id_number: string | null;
  claimant_address: string | null;
  claimant_phone: string | null;
  summary: string | null;
  state: string;
  state_label: string;
  open: boolean;
  suspended: boolean;
  extensions: ClaimExtensions | null;
  received_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  masked: boolean;
};

export type ClaimEventDto = {
  id: string;
  seq: number;
  type: string;
  date: string;
  ground: string | null;
  note: string | null;
  data: unknown;
  recorded_by: string | null;
  recorded_at: Date;
};

export type ClaimDeadlineDto = {
  kind: string;
  step: string;
  label: string | null;
  due: string | null;
  unit: string | null;
  days: number | null;
  basis: string | null;
  confidence: string | null;
  status: string | null;
  explanation: unknown;
  details: unknown;
  computed_at: Date;
};

export type ClaimDetail = ClaimDto & {
  events: ClaimEventDto[];
  deadlines: ClaimDeadlineDto[];
  documents: Array<{
    id: string;
    kind: string;
    title: string;
    number: string | null;
    issued_on: string | null;
    file_name: string | null;
    size: number | null;
  }>;
  next_actions: NextAction[];
  /** "Chưa ghi nhận" warnings: steps a backfilled history lacks. */
  unrecorded: UnrecordedSteps[];
  /** Cải chính, oldest first: what was corrected or voided, the original, the reason. */
  corrections: ClaimCorrectionDto[];
};

export type ClaimCorrectionDto = {
  id: string;
  target: string;
  action: string;
  event_id: string | null;
  before: unknown;
  after: unknown;
  reason: string;
  closed_claim: boolean;
  corrected_by: string | null;
  /** Full name of the officer who made the correction (who/when/why on the claim screen). */
  corrected_by_name: string | null;
  corrected_at: Date;
};

type ClaimRow = typeof claims.$inferSelect;

function rawDto(r: ClaimRow): Omit<ClaimDto, "masked"> {
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
    recorded_at: e.recordedAt,
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

type EventLike = { type: string; date: string; ground?: string | null; note?: string | null };

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

function deadlineRows(claimId: string, result: DeadlineResult) {
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
async function insertDeadlineRowsBulk(
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

async function agencyNames(tx: AppDb, ids: Array<string | null | undefined>): Promise<string[]> {
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

async function requireAgenciesExist(tx: AppDb, ids: Array<[string, string | null | undefined]>): Promise<void> {
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
const CLAIM_CODE_RE = /^BT-(\d{4})-(\d{1,6})$/;

/**
 * The code of a new claim, in the transaction that inserts it: the next number of the agency's register for the year
 * of receipt — or the code given (a number taken over from a paper register), which then moves the register past it.
 */
async function registerCode(
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

type Options = { calendar?: WorkCalendar; as_of?: string; today?: string };

/**
 * Live recording (GLOSSARY): each event of the list must be the next lawful step of the history before it, dated
 * after it and not after today — checked one by one; the first refusal names `events[i].<field>`.
 */
function checkLiveHistory(history: ClaimHistory, today: string): void {
  for (let i = 0; i < history.events.length; i++) {
    const e = history.events[i];
    const refusal = checkLiveStep({ ...history, events: history.events.slice(0, i) }, e, today);
    if (refusal)
      throw new DomainError(refusal.code, `events[${i}].${refusal.field}`, `events[${i}].${refusal.message}`);
  }
}

/**
 * Creates a claim. Live (default): its events are recorded as they happen (checkLiveHistory). Backfill
 * (`mode: "backfill"`, permission claims.backfill): an existing case's history that may start anywhere and lack steps;
 * the missing steps are kept in the audit row as "chưa ghi nhận" warnings.
 */
export async function createClaim(
  db: AppDb,
  scope: Scope,
  input: ClaimInput,
  opts: Options & { mode?: "live" | "backfill" } = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.write");
  const backfill = opts.mode === "backfill";
  if (backfill) requirePermission(scope, "claims.backfill");
  await requireClaimAgencies(db, scope, input.handling_agency_id, input.managing_agency_id);
  const law = input.law_version ?? "law_2017";
  checkFieldLaw(input.field, law);
  for (const k of ["amount_requested", "amount_decided", "amount_paid", "amount_advance"] as const)
    checkAmount(input[k], k);
  if (!input.claimant_name?.trim())
    throw new DomainError("required", "claimant_name", "Thiếu tên người yêu cầu bồi thường.");
  const events = [...(input.events ?? [])]
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const facts = factsFromEvents(events, law, { live: false, path: (k) => `events[${events[k].i}].data` });
  const extensions = mergeExtensions(input.extensions, facts.extensions);
  const history = historyOf(law, input.complex ?? false, extensions, events);
  const today = opts.today ?? opts.as_of ?? todayVn();
  if (!backfill) checkLiveHistory(history, today);
  else
    for (const [i, e] of history.events.entries())
      if (e.date > today)
        throw new DomainError(
          "future_date",
          `events[${i}].date`,
          `events[${i}].date: ngày ${formatVi(e.date)} là ngày tương lai; hôm nay là ${formatVi(today)} (giờ Việt Nam).`,
        );
  const state = replay(history); // backfill: throws DomainError at the first contradiction only
  const asOf = opts.as_of ?? today;
  const deadlines = computeDeadlines(history, opts.calendar ?? defaultCalendar, asOf);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await requireAgenciesExist(tx, [
      ["handling_agency_id", input.handling_agency_id],
      ["managing_agency_id", input.managing_agency_id],
    ]);
    const code = await registerCode(tx, input.handling_agency_id, input.code, history.events[0]?.date ?? today);
    const amounts = facts.amounts;
    const [row] = await tx
      .insert(claims)
      .values({
        id,
        code,
        lawVersion: law,
        field: input.field,
        complex: input.complex ?? false,
        backlogged: input.backlogged ?? false,
        prolonged: input.prolonged ?? false,
        managingAgencyId: input.managing_agency_id ?? null,
        handlingAgencyId: input.handling_agency_id,
        amountRequested: input.amount_requested ?? amounts.amountRequested ?? null,
        amountDecided: input.amount_decided ?? amounts.amountDecided ?? null,
        amountPaid: input.amount_paid ?? amounts.amountPaid ?? null,
        amountAdvance: input.amount_advance ?? amounts.amountAdvance ?? null,
        claimantName: input.claimant_name.trim(),
        claimantIdNumber: input.claimant_id_number ?? null,
        claimantAddress: input.claimant_address ?? null,
        claimantPhone: input.claimant_phone ?? null,
        summary: input.summary ?? null,
        extensions: extensions ?? null,
        ...stateColumns(state, history),
        searchText: await claimSearchText(tx, {
          code,
          claimantName: input.claimant_name,
          summary: input.summary,
          handlingAgencyId: input.handling_agency_id,
          managingAgencyId: input.managing_agency_id,
        }),
        createdBy: scope.userId,
      })
      .returning();
    if (events.length)
      await tx.insert(claimEvents).values(
        events.map((e, i) => ({
          claimId: id,
          seq: i + 1,
          type: e.type,
          date: e.date,
          ground: history.events[i].ground ?? null,
          note: e.note ?? null,
          data: e.data ?? null,
          recordedBy: scope.userId,
        })),
      );
    await storeDeadlines(tx, id, deadlines);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: backfill ? "claim.backfill" : "claim.create",
      entity: "claim",
      entity_id: id,
      after: {
        ...auditForm(row),
        events: events.map(({ i: _i, ...e }) => e),
        ...(backfill ? { unrecorded: state.unrecorded.map((u) => u.message) } : {}),
      },
    });
  });
  return getClaim(db, scope, id, { unmask: false, skipPermissionAudit: true });
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

function visible(scope: Scope): SQL | undefined {
  return scopeCondition(scope, claims.handlingAgencyId, claims.managingAgencyId);
}

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

/**
 * Updates claim fields when `expectedVersion` is still current (else DomainError "stale_version", nothing written).
 * A change of law, complexity or extensions replays the history (must stay lawful) and recomputes the deadlines.
 */
export async function updateClaim(
  db: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: ClaimPatch,
  opts: Options = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.write");
  refuseEventDerivedFields(patch);
  checkFieldLaw(patch.field, undefined);
  if (patch.claimant_name !== undefined && !patch.claimant_name?.trim())
    throw new DomainError("required", "claimant_name", "Thiếu tên người yêu cầu bồi thường.");
  await db.transaction(async (tx) => {
    const before = await lockClaim(tx, scope, id, expectedVersion);
    refuseClosedFileEdit(before.state);
    patch = keepMaskedPersonal(patch, {
      claimant_id_number: before.claimantIdNumber,
      claimant_address: before.claimantAddress,
      claimant_phone: before.claimantPhone,
    });
    if (patch.handling_agency_id !== undefined || patch.managing_agency_id)
      await requireClaimAgencies(
        tx,
        scope,
        patch.handling_agency_id ?? before.handlingAgencyId,
        patch.managing_agency_id === undefined ? before.managingAgencyId : patch.managing_agency_id,
      );
    await requireAgenciesExist(tx, [
      ["handling_agency_id", patch.handling_agency_id],
      ["managing_agency_id", patch.managing_agency_id],
    ]);
    const set: Record<string, unknown> = {};
    for (const [k, col] of Object.entries(PATCH_COLUMNS)) {
      const v = patch[k as keyof ClaimPatch];
      if (v !== undefined) set[col] = v;
    }
    const agencyAfter = patch.handling_agency_id ?? before.handlingAgencyId;
    const codeAfter = patch.code ?? before.code;
    if (codeAfter !== before.code || agencyAfter !== before.handlingAgencyId) {
      const [dup] = await tx
        .select({ id: claims.id })
        .from(claims)
        .where(and(eq(claims.handlingAgencyId, agencyAfter), eq(claims.code, codeAfter)));
      if (dup)
        throw new DomainError("duplicate", "code", `Mã vụ việc "${codeAfter}" đã có trong sổ thụ lý của cơ quan.`);
    }
    const merged = { ...before, ...set } as ClaimRow;
    if (patch.complex !== undefined || patch.extensions !== undefined) {
      const events = await loadEvents(tx, id);
      const history = historyOf(merged.lawVersion, merged.complex, merged.extensions, events);
      const state = replay(history);
      Object.assign(set, stateColumns(state, history));
      await storeDeadlines(
        tx,
        id,
        computeDeadlines(history, opts.calendar ?? defaultCalendar, opts.as_of ?? todayVn()),
      );
    }
    set.searchText = await claimSearchText(tx, merged);
    const [after] = await tx
      .update(claims)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(claims.id, id), eq(claims.version, expectedVersion)))
      .returning();
    if (!after) throw staleVersion("Vụ việc", expectedVersion, before.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.update",
      entity: "claim",
      entity_id: id,
      ...auditDiff(auditForm(before), auditForm(after)),
    });
  });
  return getClaim(db, scope, id, { unmask: false });
}

/**
 * Records one event live. The claims domain decides (`checkLiveStep`) whether it is the next lawful step, dated
 * between the previous step and today (Vietnam); if not, its
 * DomainError is thrown and nothing is written. Then state and deadlines are recomputed and stored, with the audit
 * row, in the same transaction. `expected_version` (optional) guards against concurrent edits.
 */
export async function addClaimEvent(
  db: AppDb,
  scope: Scope,
  id: string,
  event: ClaimEventInput,
  opts: Options & { expected_version?: number } = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.write");
  await db.transaction(async (tx) => {
    const before = await lockClaim(tx, scope, id, opts.expected_version);
    const stored = await loadEvents(tx, id);
    const history = historyOf(before.lawVersion, before.complex, before.extensions, stored);
    const refusal = checkLiveStep(history, event, opts.today ?? opts.as_of ?? todayVn());
    if (refusal) throw refusal;
    // Live recording: the step must carry what it produces (officer, amounts, decision number …).
    const facts = factsFromEvents([event], before.lawVersion, { live: true, path: () => "data" });
    const amounts = facts.amounts;
    const extensions = mergeExtensions(before.extensions as ClaimExtensions | null, facts.extensions);
    const nextSeq = stored.reduce((m, e) => Math.max(m, e.seq), 0) + 1;
    const [inserted] = await tx
      .insert(claimEvents)
      .values({
        claimId: id,
        seq: nextSeq,
        type: event.type,
        date: event.date,
        ground: event.ground === "dd" ? "đ" : (event.ground ?? null),
        note: event.note ?? null,
        data: event.data ?? null,
        recordedBy: scope.userId,
      })
      .returning();
    const events = [...stored, inserted].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
    const newHistory = historyOf(before.lawVersion, before.complex, extensions, events);
    const state = replay(newHistory);
    await storeDeadlines(
      tx,
      id,
      computeDeadlines(newHistory, opts.calendar ?? defaultCalendar, opts.as_of ?? opts.today ?? todayVn()),
    );
    const [after] = await tx
      .update(claims)
      .set({
        ...stateColumns(state, newHistory),
        ...amounts,
        extensions: extensions ?? null,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(claims.id, id))
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.event.add",
      entity: "claim",
      entity_id: id,
      before: { state: before.state, version: before.version },
      after: {
        event: eventDto(inserted),
        state: after.state,
        version: after.version,
        ...auditDiff(auditForm(before), auditForm(after)).after,
      },
    });
  });
  return getClaim(db, scope, id, { unmask: false });
}

/** Recomputes stored deadlines of one claim as of a date (daily job: open → overdue). Audited. */
export async function recomputeClaimDeadlines(db: AppDb, scope: Scope, id: string, opts: Options = {}): Promise<void> {
  requirePermission(scope, "claims.write");
  await db.transaction(async (tx) => {
    const row = await lockClaim(tx, scope, id, undefined);
    const history = historyOf(row.lawVersion, row.complex, row.extensions, await loadEvents(tx, id));
    const asOf = opts.as_of ?? todayVn();
    await storeDeadlines(tx, id, computeDeadlines(history, opts.calendar ?? defaultCalendar, asOf));
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.deadlines.recompute",
      entity: "claim",
      entity_id: id,
      after: { as_of: asOf },
    });
  });
}

/**
 * Recomputes the stored deadlines of EVERY open claim in scope (after a calendar notice or a legal parameter changed,
 * and the daily open → overdue pass) in batches: per batch ONE transaction locks the claims (FOR UPDATE), reads their
 * events in one query, recomputes with computeDeadlines exactly as single writes do, replaces the rows in one delete +
 * one insert, and writes one audit row (as_of, count, first/last code). Same stored deadlines as calling
 * recomputeClaimDeadlines per claim, without a transaction and an audit row per claim.
 */
export async function recomputeOpenClaimDeadlines(
  db: AppDb,
  scope: Scope,
  opts: Options & { batchSize?: number } = {},
): Promise<{ claims: number; deadlines: number }> {
  requirePermission(scope, "claims.write");
  const asOf = opts.as_of ?? todayVn();
  const calendar = opts.calendar ?? defaultCalendar;
  const batchSize = opts.batchSize ?? 500;
  const sc = visible(scope);
  let cursor: string | null = null;
  let total = 0;
  let stored = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const conds = [eq(claims.open, true), ...(sc ? [sc] : []), ...(cursor ? [sql`${claims.id} > ${cursor}`] : [])];
      const rows = await tx
        .select({
          id: claims.id,
          code: claims.code,
          law: claims.lawVersion,
          complex: claims.complex,
          extensions: claims.extensions,
        })
        .from(claims)
        .where(and(...conds))
        .orderBy(asc(claims.id))
        .limit(batchSize)
        .for("update");
      if (!rows.length) return true;
      const ids = rows.map((r) => r.id);
      const events = await tx
        .select({
          claimId: claimEvents.claimId,
          type: claimEvents.type,
          date: claimEvents.date,
          ground: claimEvents.ground,
          note: claimEvents.note,
        })
        .from(claimEvents)
        .where(inArray(claimEvents.claimId, ids))
        .orderBy(asc(claimEvents.claimId), asc(claimEvents.date), asc(claimEvents.seq));
      const byClaim = new Map<string, EventLike[]>();
      for (const e of events) {
        const l = byClaim.get(e.claimId);
        if (l) l.push(e);
        else byClaim.set(e.claimId, [e]);
      }
      const out: Array<ReturnType<typeof deadlineRows>[number]> = [];
      for (const r of rows) {
        const history = historyOf(r.law, r.complex, r.extensions, byClaim.get(r.id) ?? []);
        out.push(...deadlineRows(r.id, computeDeadlines(history, calendar, asOf)));
      }
      await tx.delete(claimDeadlines).where(inArray(claimDeadlines.claimId, ids));
      await insertDeadlineRowsBulk(tx, out);
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "claim.deadlines.recompute",
        entity: "claim",
        entity_id: null,
        after: { as_of: asOf, count: rows.length, codes: [rows[0].code, rows[rows.length - 1].code] },
      });
      cursor = ids[ids.length - 1];
      total += rows.length;
      stored += out.length;
      return rows.length < batchSize;
    });
    if (done) break;
  }
  return { claims: total, deadlines: stored };
}

/**
 * Bulk import (seed, data migration): each claim's history is validated and replayed by the claims domain and its
 * deadlines computed exactly as for single writes; rows are inserted in batches, one audit row per batch.
 */
export async function importClaims(
  db: AppDb,
  scope: Scope,
  inputs: ReadonlyArray<ClaimInput & { id?: string; code: string }>,
  opts: Options & { agencyNames?: ReadonlyMap<string, string>; batchSize?: number } = {},
): Promise<{ count: number }> {
  requirePermission(scope, "claims.write");
  const asOf = opts.as_of ?? todayVn();
  const calendar = opts.calendar ?? defaultCalendar;
  const batchSize = opts.batchSize ?? 100;
  for (let b = 0; b < inputs.length; b += batchSize) {
    const batch = inputs.slice(b, b + batchSize);
    const claimRows: Array<typeof claims.$inferInsert> = [];
    const eventRows: Array<typeof claimEvents.$inferInsert> = [];
    const deadlineRowsAll: Array<typeof claimDeadlines.$inferInsert> = [];
    for (const [k, input] of batch.entries()) {
      const i = b + k;
      await requireClaimAgencies(db, scope, input.handling_agency_id, input.managing_agency_id, `[${i}].`);
      const law = input.law_version ?? "law_2017";
      checkFieldLaw(input.field, law);
      const events = [...(input.events ?? [])].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      let history: ClaimHistory;
      let state: ClaimState;
      let facts: ReturnType<typeof factsFromEvents>;
      let extensions: ClaimExtensions | null | undefined;
      try {
        facts = factsFromEvents(events, law, { live: false });
        extensions = mergeExtensions(input.extensions, facts.extensions);
        history = historyOf(law, input.complex ?? false, extensions, events);
        state = replay(history);
      } catch (e) {
        if (e instanceof DomainError)
          throw new DomainError(e.code, `[${i}].${e.field}`, `[${i}] ${input.code}: ${e.message}`);
        throw e;
      }
      const id = input.id ?? randomUUID();
      const amounts = facts.amounts;
      const name = (aid: string | null | undefined) => (aid ? opts.agencyNames?.get(aid) : undefined);
      claimRows.push({
        id,
        code: input.code,
        lawVersion: law,
        field: input.field,
        complex: input.complex ?? false,
        backlogged: input.backlogged ?? false,
        prolonged: input.prolonged ?? false,
        managingAgencyId: input.managing_agency_id ?? null,
        handlingAgencyId: input.handling_agency_id,
        amountRequested: input.amount_requested ?? amounts.amountRequested ?? null,
        amountDecided: input.amount_decided ?? amounts.amountDecided ?? null,
        amountPaid: input.amount_paid ?? amounts.amountPaid ?? null,
        amountAdvance: input.amount_advance ?? amounts.amountAdvance ?? null,
        claimantName: input.claimant_name,
        claimantIdNumber: input.claimant_id_number ?? null,
        claimantAddress: input.claimant_address ?? null,
        claimantPhone: input.claimant_phone ?? null,
        summary: input.summary ?? null,
        extensions: extensions ?? null,
        ...stateColumns(state, history),
        searchText: searchText(
          input.code,
          input.claimant_name,
          input.summary,
          name(input.handling_agency_id),
          input.managing_agency_id !== input.handling_agency_id ? name(input.managing_agency_id) : undefined,
        ),
        createdBy: scope.userId,
      });
      for (const [j, e] of events.entries()) {
        eventRows.push({
          claimId: id,
          seq: j + 1,
          type: e.type,
          date: e.date,
          ground: history.events[j].ground ?? null,
          note: e.note ?? null,
          data: e.data ?? null,
          recordedBy: scope.userId,
        });
      }
      deadlineRowsAll.push(...deadlineRows(id, computeDeadlines(history, calendar, asOf)));
    }
    // Register numbers taken over with the claims: each agency's sổ thụ lý continues after the highest one.
    const top = new Map<string, number>();
    for (const r of claimRows) {
      const m = CLAIM_CODE_RE.exec(r.code);
      const key = `${r.handlingAgencyId}\u0000${m?.[1]}`;
      if (m) top.set(key, Math.max(top.get(key) ?? 0, Number(m[2])));
    }
    await db.transaction(async (tx) => {
      await tx.insert(claims).values(claimRows);
      for (const [key, n] of top) {
        const [agencyId, year] = key.split("\u0000");
        await raiseCounter(tx, claimCounters, agencyId, Number(year), n);
      }
      for (let j = 0; j < eventRows.length; j += 1000)
        await tx.insert(claimEvents).values(eventRows.slice(j, j + 1000));
      await insertDeadlineRowsBulk(tx, deadlineRowsAll);
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "claim.import",
        entity: "claim",
        entity_id: null,
        after: { count: claimRows.length, codes: [claimRows[0].code, claimRows[claimRows.length - 1].code] },
      });
    });
  }
  return { count: inputs.length };
}
