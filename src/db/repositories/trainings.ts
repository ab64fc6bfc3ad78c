// Trainings (tập huấn, bồi dưỡng) and dissemination (tuyên truyền, phổ biến) events — seed 000 §II.4 (KH 2021 mục
// II.4), seed 001 §II.1–2. An event belongs to its organiser's scope; it may be linked to a plan task instance as
// evidence (task_instance_id) and is counted by the evaluation criteria (QĐ 3062, nhóm III).
import { and, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, attachments, taskInstances, trainings } from "../schema/index.ts";
import { requireAgencyInScope, requirePermission, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { notFound } from "./common.ts";

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

export async function listTrainings(
  db: AppDb,
  scope: Scope,
  filter: { year?: number; kind?: TrainingKind; agency_id?: string } = {},
): Promise<TrainingDto[]> {
  requirePermission(scope, "plans.read");
  const conds: Array<SQL | undefined> = [scopeCondition(scope, trainings.organiserAgencyId)];
  if (filter.year) {
    conds.push(gte(trainings.date, `${filter.year}-01-01`), lte(trainings.date, `${filter.year}-12-31`));
  }
  if (filter.kind) conds.push(eq(trainings.kind, filter.kind));
  if (filter.agency_id) conds.push(eq(trainings.organiserAgencyId, filter.agency_id));
  const rows = await db
    .select()
    .from(trainings)
    .where(and(...conds))
    .orderBy(desc(trainings.date), desc(trainings.createdAt));
  return rows.map(dto);
}

export async function getTraining(db: AppDb, scope: Scope, id: string): Promise<TrainingDto> {
  requirePermission(scope, "plans.read");
  const [row] = await db
    .select()
    .from(trainings)
    .where(and(eq(trainings.id, id), scopeCondition(scope, trainings.organiserAgencyId)));
  if (!row) throw notFound("hoạt động tập huấn, tuyên truyền");
  return dto(row);
}

export async function createTraining(db: AppDb, scope: Scope, input: TrainingInput): Promise<TrainingDto> {
  requirePermission(scope, "plans.write");
  requireAgencyInScope(scope, "organiser_agency_id", input.organiser_agency_id);
  if (input.end_date && input.end_date < input.date)
    throw new DomainError("invalid_dates", "end_date", "Ngày kết thúc không được trước ngày bắt đầu.");
  const agencyIds = [input.organiser_agency_id, ...(input.co_organiser_agency_ids ?? [])];
  const known = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, agencyIds));
  const missing = agencyIds.find((a) => !known.some((k) => k.id === a));
  if (missing) {
    const field = missing === input.organiser_agency_id ? "organiser_agency_id" : "co_organiser_agency_ids";
    throw new DomainError("unknown_agency", field, `Không có cơ quan "${missing}".`);
  }
  if (input.co_organiser_agency_ids?.includes(input.organiser_agency_id))
    throw new DomainError(
      "invalid_agency",
      "co_organiser_agency_ids",
      "Cơ quan chủ trì không đồng thời là cơ quan phối hợp.",
    );
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
