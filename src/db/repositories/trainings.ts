// Trainings (tập huấn, bồi dưỡng) and dissemination (tuyên truyền, phổ biến) events — seed 000 §II.4 (KH 2021 mục
// II.4), seed 001 §II.1–2. An event belongs to its organiser's scope and is READ by its co-organisers too (only the
// organiser changes it); it may be linked as evidence to a plan task of the organiser or of a co-organiser, and is
// counted by the evaluation criteria (QĐ 3062, nhóm III).
import { and, desc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { can, type Scope } from "../../domain/access/scope.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, attachments, taskInstances, trainings } from "../schema/index.ts";
import { listedAgencyInScope, requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { notFound, staleVersion } from "./common.ts";
import { linkTaskEvidence } from "./task-evidence.ts";
import { loadVisibleTask } from "./task-scope.ts";

export const TRAINING_KINDS = ["training", "dissemination"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export type TrainingInput = {
  kind: TrainingKind;
  title: string;
  organiser_agency_id: string;
  co_organiser_agency_ids?: string[];
  date: string;
  end_date?: string | null;
  location?: string | null;
  audience?: string | null;
  participants: number;
  participant_groups?: Record<string, number> | null;
  /** Materials: attachment ids (uploaded files) and/or titled references. */
  material_attachment_ids?: string[];
  materials?: Array<{ title: string; url?: string | null }>;
  task_instance_id?: string | null;
  basis?: string | null;
  note?: string | null;
};

function dto(r: typeof trainings.$inferSelect) {
  return {
    id: r.id,
    kind: r.kind as TrainingKind,
    title: r.title,
    organiser_agency_id: r.organiserAgencyId,
    co_organiser_agency_ids: r.coOrganiserAgencyIds ?? [],
    date: r.date,
    end_date: r.endDate,
    location: r.location,
    audience: r.audience,
    participants: r.participants,
    participant_groups: (r.participantGroups as Record<string, number> | null) ?? {},
    materials: (r.materials as Array<{ title: string; url?: string | null; attachment_id?: string }> | null) ?? [],
    task_instance_id: r.planTaskId,
    basis: r.basis,
    note: r.note,
    version: r.version,
    created_at: r.createdAt,
  };
}
export type TrainingDto = ReturnType<typeof dto>;

/**
 * Read access: the organiser or any co-organiser is in the caller's scope (KH 2021 mục II.4 — an event organised
 * jointly is the co-organisers' work too). Writing stays with the organiser (requireWritableAgencies on organiser).
 */
function visible(scope: Scope): SQL | undefined {
  return or(
    scopeCondition(scope, trainings.organiserAgencyId),
    listedAgencyInScope(scope, trainings.coOrganiserAgencyIds),
  );
}

const canEdit = (scope: Scope, organiser: string) =>
  can(scope, "plans.write") && (scope.visibleAgencyIds === "all" || scope.visibleAgencyIds.includes(organiser));

export async function listTrainings(
  db: AppDb,
  scope: Scope,
  filter: { year?: number; kind?: TrainingKind; agency_id?: string } = {},
): Promise<TrainingDto[]> {
  requirePermission(scope, "plans.read");
  const conds: Array<SQL | undefined> = [visible(scope)];
  if (filter.year) {
    conds.push(gte(trainings.date, `${filter.year}-01-01`), lte(trainings.date, `${filter.year}-12-31`));
  }
  if (filter.kind) conds.push(eq(trainings.kind, filter.kind));
  if (filter.agency_id)
    conds.push(
      or(
        eq(trainings.organiserAgencyId, filter.agency_id),
        sql`${trainings.coOrganiserAgencyIds} @> ${JSON.stringify([filter.agency_id])}::jsonb`,
      ),
    );
  const rows = await db
    .select()
    .from(trainings)
    .where(and(...conds))
    .orderBy(desc(trainings.date), desc(trainings.createdAt));
  return rows.map(dto);
}

async function loadVisible(db: AppDb, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(trainings)
    .where(and(eq(trainings.id, id), visible(scope)));
  if (!row) throw notFound("hoạt động tập huấn, tuyên truyền");
  return row;
}

export async function getTraining(db: AppDb, scope: Scope, id: string): Promise<TrainingDto & { can_edit: boolean }> {
  requirePermission(scope, "plans.read");
  const row = await loadVisible(db, scope, id);
  return { ...dto(row), can_edit: canEdit(scope, row.organiserAgencyId) };
}

async function checkOrganisers(db: AppDb, organiser: string, co: readonly string[]) {
  const agencyIds = [organiser, ...co];
  const known = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, agencyIds));
  const missing = agencyIds.find((a) => !known.some((k) => k.id === a));
  if (missing) {
    const field = missing === organiser ? "organiser_agency_id" : "co_organiser_agency_ids";
    throw new DomainError("unknown_agency", field, `Không có cơ quan "${missing}".`);
  }
  if (co.includes(organiser))
    throw new DomainError(
      "invalid_agency",
      "co_organiser_agency_ids",
      "Cơ quan chủ trì không đồng thời là cơ quan phối hợp.",
    );
}

export async function createTraining(db: AppDb, scope: Scope, input: TrainingInput): Promise<TrainingDto> {
  requirePermission(scope, "plans.write");
  // The organiser is who the caller acts for; co-organisers are partners (KH 2021 mục II.4: a training the Tổng cục
  // THADS organises with the Cục BTNN), only checked to exist.
  requireWritableAgencies(scope, [["organiser_agency_id", input.organiser_agency_id]]);
  if (input.end_date && input.end_date < input.date)
    throw new DomainError("invalid_dates", "end_date", "Ngày kết thúc không được trước ngày bắt đầu.");
  await checkOrganisers(db, input.organiser_agency_id, input.co_organiser_agency_ids ?? []);
  const materials: Array<{ title: string; url?: string | null; attachment_id?: string }> = [...(input.materials ?? [])];
  if (input.material_attachment_ids?.length) {
    const atts = await db
      .select({ id: attachments.id, name: attachments.fileName, agencyId: attachments.agencyId })
      .from(attachments)
      .where(and(inArray(attachments.id, input.material_attachment_ids), scopeCondition(scope, attachments.agencyId)));
    for (const id of input.material_attachment_ids) {
      const a = atts.find((x) => x.id === id);
      if (!a)
        throw new DomainError("unknown_attachment", "material_attachment_ids", `Không tìm thấy tài liệu "${id}".`);
      materials.push({ title: a.name, attachment_id: a.id });
    }
  }
  if (input.task_instance_id) {
    const [ti] = await db
      .select({ id: taskInstances.id })
      .from(taskInstances)
      .where(
        and(
          eq(taskInstances.id, input.task_instance_id),
          scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId),
        ),
      );
    if (!ti)
      throw new DomainError(
        "unknown_task_instance",
        "task_instance_id",
        "Không tìm thấy nhiệm vụ kế hoạch để gắn làm minh chứng.",
      );
  }
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(trainings)
      .values({
        kind: input.kind,
        title: input.title,
        organiserAgencyId: input.organiser_agency_id,
        coOrganiserAgencyIds: input.co_organiser_agency_ids ?? [],
        date: input.date,
        endDate: input.end_date ?? null,
        location: input.location ?? null,
        audience: input.audience ?? null,
        participants: input.participants,
        participantGroups: input.participant_groups ?? null,
        materials,
        planTaskId: input.task_instance_id ?? null,
        basis: input.basis ?? null,
        note: input.note ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "training.create",
      entity: "training",
      entity_id: r.id,
      before: null,
      after: dto(r),
    });
    return r;
  });
  return dto(row);
}

export type TrainingPatch = Partial<
  Pick<
    TrainingInput,
    | "title"
    | "co_organiser_agency_ids"
    | "date"
    | "end_date"
    | "location"
    | "audience"
    | "participants"
    | "participant_groups"
    | "materials"
    | "basis"
    | "note"
  >
> & { version: number };

/** Changes an event — by the organiser only; co-organisers read it (404 outside both, 403 for a co-organiser). */
export async function updateTraining(db: AppDb, scope: Scope, id: string, patch: TrainingPatch): Promise<TrainingDto> {
  requirePermission(scope, "plans.write");
  const row = await loadVisible(db, scope, id);
  if (!canEdit(scope, row.organiserAgencyId))
    throw new DomainError(
      "forbidden",
      "organiser_agency_id",
      "Chỉ cơ quan chủ trì được sửa hoạt động này; cơ quan phối hợp chỉ được xem và dùng làm minh chứng.",
    );
  if (patch.version !== row.version) throw staleVersion("Hoạt động tập huấn, tuyên truyền", patch.version, row.version);
  const date = patch.date ?? row.date;
  const endDate = patch.end_date !== undefined ? patch.end_date : row.endDate;
  if (endDate && endDate < date)
    throw new DomainError("invalid_dates", "end_date", "Ngày kết thúc không được trước ngày bắt đầu.");
  if (patch.co_organiser_agency_ids) await checkOrganisers(db, row.organiserAgencyId, patch.co_organiser_agency_ids);
  const set: Partial<typeof trainings.$inferInsert> = { version: row.version + 1, updatedAt: new Date() };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.co_organiser_agency_ids !== undefined) set.coOrganiserAgencyIds = patch.co_organiser_agency_ids;
  if (patch.date !== undefined) set.date = patch.date;
  if (patch.end_date !== undefined) set.endDate = patch.end_date;
  if (patch.location !== undefined) set.location = patch.location;
  if (patch.audience !== undefined) set.audience = patch.audience;
  if (patch.participants !== undefined) set.participants = patch.participants;
  if (patch.participant_groups !== undefined) set.participantGroups = patch.participant_groups;
  if (patch.materials !== undefined) set.materials = patch.materials;
  if (patch.basis !== undefined) set.basis = patch.basis;
  if (patch.note !== undefined) set.note = patch.note;
  const after = await db.transaction(async (tx) => {
    const [a] = await tx
      .update(trainings)
      .set(set)
      .where(and(eq(trainings.id, id), eq(trainings.version, row.version)))
      .returning();
    if (!a) throw staleVersion("Hoạt động tập huấn, tuyên truyền", patch.version, row.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "training.update",
      entity: "training",
      entity_id: id,
      before: dto(row),
      after: dto(a),
    });
    return a;
  });
  return dto(after);
}

/**
 * Uses an event as evidence of a plan task (KH 2021 mục II.4): the task must be visible to the caller and be the task
 * of the organiser or of a co-organiser (its executing or lead agency). Linking twice changes nothing.
 */
export async function linkTrainingEvidence(db: AppDb, scope: Scope, id: string, taskInstanceId: string) {
  requirePermission(scope, "plans.write");
  const row = await loadVisible(db, scope, id);
  return db.transaction(async (tx) => {
    const task = await loadVisibleTask(tx, scope, taskInstanceId);
    const organisers = [row.organiserAgencyId, ...(row.coOrganiserAgencyIds ?? [])];
    if (!organisers.includes(task.agencyId) && !(task.leadAgencyId && organisers.includes(task.leadAgencyId)))
      throw new DomainError(
        "not_an_organiser",
        "task_instance_id",
        "Nhiệm vụ không thuộc cơ quan chủ trì hoặc cơ quan phối hợp tổ chức hoạt động này.",
      );
    const list = Array.isArray(task.evidence) ? (task.evidence as Array<Record<string, unknown>>) : [];
    if (list.some((e) => e && e.training_id === id))
      return { task_instance_id: task.id, training_id: id, linked: false };
    const evidence = {
      training_id: id,
      kind: row.kind,
      title: row.title,
      date: row.date,
      participants: row.participants,
      organiser_agency_id: row.organiserAgencyId,
      basis: row.basis ?? "KH 2021 mục II.4",
    };
    await linkTaskEvidence(tx, task.id, evidence);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "task_instance.evidence.link",
      entity: "task_instance",
      entity_id: task.id,
      before: null,
      after: evidence,
    });
    return { task_instance_id: task.id, training_id: id, linked: true };
  });
}

/** Ids of the events organised (or co-organised) by agencies inside `agencyIds` in a year, per kind (evaluation facts). */
export async function trainingIdsForEvaluation(
  db: AppDb,
  agencyIds: readonly string[],
  year: number,
): Promise<{ trainings: string[]; disseminations: string[] }> {
  const rows = await db
    .select({
      id: trainings.id,
      kind: trainings.kind,
      org: trainings.organiserAgencyId,
      co: trainings.coOrganiserAgencyIds,
    })
    .from(trainings)
    .where(and(gte(trainings.date, `${year}-01-01`), lte(trainings.date, `${year}-12-31`)));
  const inside = rows.filter((r) => agencyIds.includes(r.org) || (r.co ?? []).some((a) => agencyIds.includes(a)));
  return {
    trainings: inside.filter((r) => r.kind === "training").map((r) => r.id),
    disseminations: inside.filter((r) => r.kind === "dissemination").map((r) => r.id),
  };
}
