// Start-up repair (idempotent, run after migrations): occurrences imported before issue 11 belonged to the importing
// agency. Each plan task gets its lead/coordinator agencies from its roles, the occurrences still held by the plan's
// owner move to the lead agency, and every coordinator of a plan-task occurrence gets its contribution row. Audited.
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { planTaskExecutors } from "../../domain/plans/executors.ts";
import { appendAudit } from "../audit.ts";
import { plans, planTasks } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { agencyFacts } from "./agency-lookup.ts";
import { todayVn } from "./common.ts";

export async function assignOccurrencesToLead(db: AppDb, today = todayVn()): Promise<{ tasks: number; moved: number }> {
  const pending = await db
    .select({
      id: planTasks.id,
      leadRole: planTasks.leadRole,
      coordinatorRoles: planTasks.coordinatorRoles,
      coordinatorAgencyIds: planTasks.coordinatorAgencyIds,
      planAgencyId: plans.agencyId,
    })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        isNull(planTasks.leadAgencyId),
        or(
          sql`${planTasks.leadRole} is not null`,
          sql`jsonb_array_length(coalesce(${planTasks.coordinatorRoles}, '[]'::jsonb)) > 0`,
        ),
      ),
    );
  if (pending.length === 0) return { tasks: 0, moved: 0 };
  const facts = await agencyFacts(db);
  const byId = new Map(facts.map((a) => [a.id, a]));
  const fixes = pending.flatMap((t) => {
    const owner = byId.get(t.planAgencyId);
    if (!owner) return [];
    const ex = planTaskExecutors(
      { lead_role: t.leadRole, coordinator_roles: (t.coordinatorRoles as string[] | null) ?? [] },
      owner,
      facts,
      today,
    );
    const coords = (t.coordinatorAgencyIds as string[] | null)?.length
      ? t.coordinatorAgencyIds
      : ex.coordinator_agency_ids;
    if (!ex.lead_agency_id && !ex.coordinator_agency_ids.length) return [];
    return [{ id: t.id, lead: ex.lead_agency_id ?? t.planAgencyId, coords: coords ?? [], owner: t.planAgencyId }];
  });
  if (fixes.length === 0) return { tasks: 0, moved: 0 };
  return db.transaction(async (tx) => {
    let moved = 0;
    for (const f of fixes) {
      await tx
        .update(planTasks)
        .set({ leadAgencyId: f.lead, coordinatorAgencyIds: f.coords, updatedAt: new Date() })
        .where(eq(planTasks.id, f.id));
      const r = await tx.execute(sql`update task_instances
        set agency_id = ${f.lead}, lead_agency_id = ${f.lead},
            coordinator_agency_ids = (select coalesce(jsonb_agg(c), '[]'::jsonb)
              from jsonb_array_elements_text(${JSON.stringify(f.coords)}::jsonb) c where c <> ${f.lead}),
            version = version + 1, updated_at = now()
        where task_id = ${f.id} and agency_id = ${f.owner}
        returning id`);
      moved += (r as unknown as { rows?: unknown[] }).rows?.length ?? 0;
    }
    await tx.execute(sql`insert into task_instance_coordinators (task_instance_id, agency_id)
      select ti.id, c from task_instances ti
        cross join lateral jsonb_array_elements_text(coalesce(ti.coordinator_agency_ids, '[]'::jsonb)) c
        join agencies a on a.id = c
      where ti.task_id is not null
      on conflict do nothing`);
    await appendAudit(tx, {
      action: "plan_task.executors.assign",
      entity: "plan_task",
      after: {
        tasks: fixes.length,
        occurrences_moved: moved,
        basis: "issue 11: occurrences belong to the lead agency",
      },
    });
    return { tasks: fixes.length, moved };
  });
}
