// Inspections (kiểm tra công tác BTNN) — seed 000 §II.10 (KH 2021 mục II.10), seed 001 §II.6: plans with a lead
// agency, coordinators, team, targets and schedule; results (findings) and recommendations that become follow-up
// records of the inspected agency; the inspection report (.docx, buildDocument("inspection_report")); and the
// exchange of results between the two lead agencies (exchangeRecipients: the counterpart role holder in force on the report date).
import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { buildDocument } from "../../documents/index.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { PROVINCES } from "../../domain/agencies/provinces.ts";
import {
  type DatedAgency,
  exchangeRecipients,
  type FollowupStatus,
  type InspectionStatus,
} from "../../domain/inspections/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, agencySuccessors, inspectionFollowups, inspections } from "../schema/index.ts";
import { listedAgencyInScope, requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { notFound, staleVersion, todayVn } from "./common.ts";
import { ROLE_DOC_CODE } from "./letters.ts";
import { insertNotifications } from "./notifications.ts";

export type TeamMember = { name: string; title?: string | null; agency_id?: string | null; role: "leader" | "member" };
export type Target = { agency_id: string; date?: string | null; content?: string | null };
export type Finding = { target_agency_id: string; text: string; heading?: string | null };
export type SharedWith = { agency_id: string; on: string; note: string | null; basis: string };

export type InspectionInput = {
  title: string;
  lead_agency_id: string;
  coordinator_agency_ids?: string[];
  year: number;
  basis?: string | null;
  team: TeamMember[];
  targets: Target[];
  task_instance_id?: string | null;
};

function dto(r: typeof inspections.$inferSelect) {
  const basis = (r.basis ?? null) as string | null;
  const team = (r.team as TeamMember[] | null) ?? [];
  const findings = (r.findings as Finding[] | null) ?? [];
  return {
    id: r.id,
    title: r.title,
    lead_agency_id: r.leadAgencyId,
    coordinator_agency_ids: r.coordinatorAgencyIds ?? [],
    year: r.year,
    basis,
    team,
    targets: (r.targets as Target[] | null) ?? [],
    findings,
    status: r.status as InspectionStatus,
    report_date: r.reportDate,
    shared_with: (r.sharedWith as SharedWith[] | null) ?? [],
    task_instance_id: r.planTaskId,
    version: r.version,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}
export type InspectionDto = ReturnType<typeof dto>;

/** Visible when the lead, a coordinator, a target or an agency the result was shared with is in scope. */
function visible(scope: Scope): SQL | undefined {
  return or(
    scopeCondition(scope, inspections.leadAgencyId),
    listedAgencyInScope(scope, inspections.coordinatorAgencyIds),
    listedAgencyInScope(scope, inspections.targets, "agency_id"),
    listedAgencyInScope(scope, inspections.sharedWith, "agency_id"),
  );
}

async function checkAgencies(db: AppDb, ids: string[], field: string) {
  if (!ids.length) return;
  const known = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids));
  const missing = ids.find((a) => !known.some((k) => k.id === a));
  if (missing) throw new DomainError("unknown_agency", field, `Không có cơ quan "${missing}".`);
}

/** Agencies as dated data (role, validity, successor links) for the exchange rule. */
async function datedAgencies(db: AppDb): Promise<DatedAgency[]> {
  const [rows, links] = await Promise.all([
    db.select({ id: agencies.id, role: agencies.role, from: agencies.validFrom, to: agencies.validTo }).from(agencies),
    db.select({ from: agencySuccessors.agencyId, to: agencySuccessors.successorId }).from(agencySuccessors),
  ]);
  return rows.map((a) => ({
    id: a.id,
    role: a.role,
    valid_from: a.from,
    valid_to: a.to,
    successor_ids: links.filter((l) => l.from === a.id).map((l) => l.to),
  }));
}

export async function listInspections(db: AppDb, scope: Scope, filter: { year?: number } = {}) {
  requirePermission(scope, "plans.read");
  const rows = await db
    .select()
    .from(inspections)
    .where(and(visible(scope), filter.year ? eq(inspections.year, filter.year) : undefined))
    .orderBy(desc(inspections.year), desc(inspections.createdAt));
  return rows.map(dto);
}

async function loadRow(db: AppDb, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), visible(scope)));
  if (!row) throw notFound("cuộc kiểm tra");
  return row;
}

function followupDto(f: typeof inspectionFollowups.$inferSelect) {
  return {
    id: f.id,
    inspection_id: f.inspectionId,
    target_agency_id: f.targetAgencyId,
    recommendation: f.recommendation,
    due: f.due,
    status: f.status as FollowupStatus,
    done_on: f.doneOn,
    result: f.result,
    version: f.version,
  };
}

export async function getInspection(db: AppDb, scope: Scope, id: string) {
  requirePermission(scope, "plans.read");
  const row = await loadRow(db, scope, id);
  const fus = await db
    .select()
    .from(inspectionFollowups)
    .where(eq(inspectionFollowups.inspectionId, id))
    .orderBy(asc(inspectionFollowups.createdAt));
  return { ...dto(row), followups: fus.map(followupDto) };
}

export async function createInspection(db: AppDb, scope: Scope, input: InspectionInput) {
  requirePermission(scope, "plans.write");
  // The lead acts; the inspected agencies get follow-up records in their books: both in the write scope. Coordinators
  // are partners (KH 2021 mục II.10.2: the Tổng cục THADS leads, the Cục BTNN coordinates), only checked to exist.
  requireWritableAgencies(scope, [
    ["lead_agency_id", input.lead_agency_id],
    ...input.targets.map((t, i) => [`targets[${i}].agency_id`, t.agency_id] as const),
  ]);
  await checkAgencies(db, [input.lead_agency_id], "lead_agency_id");
  await checkAgencies(db, input.coordinator_agency_ids ?? [], "coordinator_agency_ids");
  await checkAgencies(
    db,
    input.targets.map((t) => t.agency_id),
    "targets",
  );
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(inspections)
      .values({
        title: input.title,
        leadAgencyId: input.lead_agency_id,
        coordinatorAgencyIds: input.coordinator_agency_ids ?? [],
        year: input.year,
        basis: input.basis ?? null,
        team: input.team,
        targets: input.targets,
        findings: [],
        sharedWith: [],
        planTaskId: input.task_instance_id ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "inspection.create",
      entity: "inspection",
      entity_id: r.id,
      before: null,
      after: dto(r),
    });
    return r;
  });
  return getInspection(db, scope, row.id);
}

export type InspectionPatch = {
  title?: string;
  status?: InspectionStatus;
  team?: TeamMember[];
  targets?: Target[];
  coordinator_agency_ids?: string[];
  basis?: string | null;
  version: number;
};

export async function updateInspection(db: AppDb, scope: Scope, id: string, patch: InspectionPatch) {
  requirePermission(scope, "plans.write");
  const row = await loadRow(db, scope, id);
  requireWritableAgencies(scope, [
    ["lead_agency_id", row.leadAgencyId],
    ...(patch.targets ?? []).map((t, i) => [`targets[${i}].agency_id`, t.agency_id] as const),
  ]);
  if (patch.version !== row.version) throw staleVersion("Cuộc kiểm tra", patch.version, row.version);
  if (patch.targets)
    await checkAgencies(
      db,
      patch.targets.map((t) => t.agency_id),
      "targets",
    );
  if (patch.coordinator_agency_ids) await checkAgencies(db, patch.coordinator_agency_ids, "coordinator_agency_ids");
  const set: Partial<typeof inspections.$inferInsert> = { version: row.version + 1, updatedAt: new Date() };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.team !== undefined) set.team = patch.team;
  if (patch.targets !== undefined) set.targets = patch.targets;
  if (patch.coordinator_agency_ids !== undefined) set.coordinatorAgencyIds = patch.coordinator_agency_ids;
  if (patch.basis !== undefined) set.basis = patch.basis;
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(inspections)
      .set(set)
      .where(and(eq(inspections.id, id), eq(inspections.version, row.version)))
      .returning();
    if (!after) throw staleVersion("Cuộc kiểm tra", patch.version, row.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "inspection.update",
      entity: "inspection",
      entity_id: id,
      before: dto(row),
      after: dto(after),
    });
  });
  return getInspection(db, scope, id);
}

export type ResultInput = {
  findings: Finding[];
  recommendations: Array<{ target_agency_id: string; recommendation: string; due?: string | null }>;
  report_date?: string;
  note?: string | null;
};

/**
 * Records the result of an inspection (findings; each recommendation becomes a follow-up record of the inspected
 * agency), marks it reported and sends the result to the other lead agency (KH 2021 mục II.10) and the coordinators.
 */
export async function recordResult(
  db: AppDb,
  scope: Scope,
  id: string,
  input: ResultInput,
  opts: { today?: string } = {},
) {
  requirePermission(scope, "plans.write");
  const row = await loadRow(db, scope, id);
  requireWritableAgencies(scope, [["lead_agency_id", row.leadAgencyId]]);
  const targets = ((row.targets as Target[] | null) ?? []).map((t) => t.agency_id);
  for (const [i, f] of input.findings.entries())
    if (!targets.includes(f.target_agency_id))
      throw new DomainError(
        "not_a_target",
        `findings.${i}.target_agency_id`,
        `Cơ quan "${f.target_agency_id}" không phải đối tượng của cuộc kiểm tra.`,
      );
  for (const [i, r] of input.recommendations.entries())
    if (!targets.includes(r.target_agency_id))
      throw new DomainError(
        "not_a_target",
        `recommendations.${i}.target_agency_id`,
        `Cơ quan "${r.target_agency_id}" không phải đối tượng của cuộc kiểm tra.`,
      );
  const today = opts.today ?? todayVn();
  const reportDate = input.report_date ?? today;
  const [lead] = await db.select().from(agencies).where(eq(agencies.id, row.leadAgencyId));
  // Exchange of results: the counterpart lead agency in force on the report date, plus the coordinators.
  const shared: SharedWith[] = [...((row.sharedWith as SharedWith[] | null) ?? [])];
  const recipients = new Set<string>(row.coordinatorAgencyIds ?? []);
  let basis = "KH 2021 mục II.10";
  const exchange = exchangeRecipients(lead.role, reportDate, await datedAgencies(db));
  if (exchange) {
    basis = exchange.basis;
    for (const a of exchange.agency_ids) recipients.add(a);
  }
  recipients.delete(row.leadAgencyId);
  for (const a of recipients)
    if (!shared.some((s) => s.agency_id === a))
      shared.push({ agency_id: a, on: today, note: input.note ?? null, basis });
  const findings = [...((row.findings as Finding[] | null) ?? []), ...input.findings];
  const fus = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(inspections)
      .set({
        findings,
        status: "reported",
        reportDate,
        sharedWith: shared,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(inspections.id, id), eq(inspections.version, row.version)))
      .returning();
    if (!after) throw staleVersion("Cuộc kiểm tra", row.version, row.version + 1);
    const created = input.recommendations.length
      ? await tx
          .insert(inspectionFollowups)
          .values(
            input.recommendations.map((r) => ({
              inspectionId: id,
              targetAgencyId: r.target_agency_id,
              recommendation: r.recommendation,
              due: r.due ?? null,
            })),
          )
          .returning()
      : [];
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "inspection.result",
      entity: "inspection",
      entity_id: id,
      before: { status: row.status },
      after: {
        status: after.status,
        report_date: reportDate,
        findings: input.findings.length,
        followups: created.map((f) => f.id),
        shared_with: [...recipients],
      },
    });
    return created;
  });
  await insertNotifications(db, [
    ...[...recipients].map((a) => ({
      key: `inspection:${id}:result:${row.version}:${a}`,
      agency_id: a,
      kind: "inspection_result",
      title: `Kết quả kiểm tra: ${row.title}`,
      body: `${lead.name} gửi kết quả kiểm tra (${basis}).`,
      entity: "inspection",
      entity_id: id,
    })),
    ...fus.map((f) => ({
      key: `inspection_followup:${f.id}`,
      agency_id: f.targetAgencyId,
      kind: "inspection_followup",
      title: `Kiến nghị sau kiểm tra: ${row.title}`,
      body: f.recommendation,
      entity: "inspection",
      entity_id: id,
      due: f.due,
    })),
  ]);
  return getInspection(db, scope, id);
}

export type FollowupPatch = {
  status?: FollowupStatus;
  result?: string | null;
  done_on?: string | null;
  version: number;
};

/** Updates a follow-up record: by the inspected agency (reports what it did) or the lead agency. */
export async function updateFollowup(
  db: AppDb,
  scope: Scope,
  id: string,
  patch: FollowupPatch,
  opts: { today?: string } = {},
) {
  requirePermission(scope, "plans.write");
  const [f] = await db
    .select({ f: inspectionFollowups, lead: inspections.leadAgencyId })
    .from(inspectionFollowups)
    .innerJoin(inspections, eq(inspections.id, inspectionFollowups.inspectionId))
    .where(
      and(
        eq(inspectionFollowups.id, id),
        scopeCondition(scope, inspectionFollowups.targetAgencyId, inspections.leadAgencyId),
      ),
    );
  if (!f) throw notFound("kiến nghị sau kiểm tra");
  if (patch.version !== f.f.version) throw staleVersion("Kiến nghị", patch.version, f.f.version);
  if (patch.status === "done" && !(patch.result ?? f.f.result))
    throw new DomainError("result_required", "result", "Phải nêu kết quả thực hiện kiến nghị khi đánh dấu đã xong.");
  const set: Partial<typeof inspectionFollowups.$inferInsert> = { version: f.f.version + 1, updatedAt: new Date() };
  if (patch.status) {
    set.status = patch.status;
    set.doneOn = patch.status === "done" ? (patch.done_on ?? opts.today ?? todayVn()) : null;
  }
  if (patch.result !== undefined) set.result = patch.result;
  const out = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(inspectionFollowups)
      .set(set)
      .where(and(eq(inspectionFollowups.id, id), eq(inspectionFollowups.version, f.f.version)))
      .returning();
    if (!after) throw staleVersion("Kiến nghị", patch.version, f.f.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "inspection_followup.update",
      entity: "inspection_followup",
      entity_id: id,
      before: followupDto(f.f),
      after: followupDto(after),
    });
    return after;
  });
  return followupDto(out);
}

function placeOf(provinceCode: string | null): string {
  if (!provinceCode) return "Hà Nội";
  return PROVINCES.filter((p) => p.code === provinceCode).at(-1)?.name ?? "Hà Nội";
}

/** The inspection report (.docx, Decree 30 layout) of one inspected agency (default: the first target). */
export async function inspectionReportDocx(
  db: AppDb,
  scope: Scope,
  id: string,
  q: { target_agency_id?: string; signer_title?: string; signer_name?: string; period?: string },
): Promise<{ bytes: Buffer; fileName: string }> {
  const ins = await getInspection(db, scope, id);
  if (!ins.findings.length)
    throw new DomainError("no_result", "findings", "Cuộc kiểm tra chưa có kết quả; chưa thể lập báo cáo kiểm tra.");
  const targetId = q.target_agency_id ?? ins.targets[0]?.agency_id;
  const target = ins.targets.find((t) => t.agency_id === targetId);
  if (!target) throw new DomainError("not_a_target", "target_agency_id", "Cơ quan không phải đối tượng kiểm tra.");
  const ids = [ins.lead_agency_id, target.agency_id, ...ins.shared_with.map((s) => s.agency_id)];
  const rows = await db.select().from(agencies).where(inArray(agencies.id, ids));
  const lead = rows.find((r) => r.id === ins.lead_agency_id)!;
  const inspected = rows.find((r) => r.id === target.agency_id)!;
  const leader = ins.team.find((m) => m.role === "leader") ?? ins.team[0];
  const findings = ins.findings.filter((f) => f.target_agency_id === target.agency_id);
  const recs = ins.followups.filter((f) => f.target_agency_id === target.agency_id).map((f) => f.recommendation);
  const date = ins.report_date ?? todayVn();
  const body = {
    issuer: { name: lead.name, short_code: ROLE_DOC_CODE[lead.role] ?? "CQ" },
    place: placeOf(lead.provinceCode),
    date,
    signature: { title: q.signer_title ?? "Trưởng đoàn kiểm tra", name: q.signer_name ?? leader?.name ?? "" },
    inspected_agency: inspected.name,
    mandate: { type: "Kế hoạch", summary: ins.basis ?? ins.title },
    period: q.period ?? `năm ${ins.year}`,
    inspected_on: target.date ?? date,
    team: ins.team.map((m) =>
      [m.name, m.title, m.role === "leader" ? "Trưởng đoàn" : "thành viên"].filter(Boolean).join(", "),
    ),
    results: (findings.length ? findings : ins.findings).map((f) => ({
      heading: f.heading || "Kết quả kiểm tra",
      paragraphs: [f.text],
    })),
    recommendations: recs.length ? recs : ["Không có kiến nghị."],
    report_to: ins.shared_with.map((s) => rows.find((r) => r.id === s.agency_id)?.name ?? s.agency_id),
  };
  const bytes = await buildDocument("inspection_report", body);
  return { bytes, fileName: `Báo cáo kiểm tra - ${inspected.name}.docx` };
}
