// Daily jobs: task reminders (in-app notifications, counted in working days) and the daily recomputation of claim
// deadline statuses. Idempotent: reminders have deterministic ids (ON CONFLICT DO NOTHING) and each run is recorded in
// job_run under a deterministic id (sha256 of job + day), so running twice the same day changes nothing.
import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { recomputeOpenClaimDeadlines } from "../db/repositories/claims.ts";
import { collectInbox } from "../db/repositories/inbox/list.ts";
import { insertNotifications } from "../db/repositories/notifications.ts";
import { jobRun, planTasks, taskInstances } from "../db/schema/index.ts";
import type { AppDb } from "../db/types.ts";
import { SYSTEM_SCOPE } from "../domain/access/scope.ts";
import { defaultCalendar } from "../domain/calendar/index.ts";
import type { WorkCalendar } from "../domain/calendar/types.ts";
import { REMIND_WORKING_DAYS, workingDaysAhead } from "../domain/inbox/index.ts";
import { addDays, type IsoDate } from "../domain/shared/dates.ts";
import { dueReminders, REMINDER_POLICY } from "../domain/tasks/index.ts";

export type ReminderRun = { day: IsoDate; candidates: number; reminders: number; inserted: number };

/** Inserts the reminders due on `today` (see domain/tasks dueReminders). Safe to run any number of times. */
export async function runTaskReminders(
  db: AppDb,
  today: IsoDate,
  calendar: WorkCalendar = defaultCalendar,
): Promise<ReminderRun> {
  // "Within N working days" is at most N working days; 21 calendar days covers N ≤ 3 even across Tết.
  const horizon = addDays(today, 21);
  const rows = await db
    .select({
      id: taskInstances.id,
      agency_id: taskInstances.agencyId,
      status: taskInstances.status,
      due: taskInstances.due,
      title: taskInstances.title,
      content: planTasks.content,
      ref: planTasks.ref,
      period: taskInstances.periodLabel,
    })
    .from(taskInstances)
    .leftJoin(planTasks, eq(planTasks.id, taskInstances.taskId))
    .where(
      and(
        isNotNull(taskInstances.due),
        lte(taskInstances.due, horizon),
        inArray(taskInstances.status, ["pending", "in_progress", "overdue"]),
      ),
    );
  const items = rows.map((r) => ({
    id: r.id,
    agency_id: r.agency_id,
    status: r.status,
    due: r.due,
    title:
      r.title ??
      `${r.ref ? `Mục ${r.ref}: ` : ""}${(r.content ?? "Nhiệm vụ").slice(0, 200)}${r.period ? ` (${r.period})` : ""}`,
  }));
  const reminders = dueReminders(today, items, calendar);
  const inserted = await insertNotifications(
    db,
    reminders.map((r) => ({
      key: `reminder:${r.key}`,
      agency_id: r.agency_id,
      kind: r.kind === "overdue" ? "task_overdue" : "task_due_soon",
      title: r.title.slice(0, 500),
      body: `${r.message} ${REMINDER_POLICY.basis}.`,
      entity: "task_instance",
      entity_id: r.task_id,
      due: r.due,
    })),
  );
  return { day: today, candidates: items.length, reminders: reminders.length, inserted };
}

/** Inbox kinds whose reminders come from runTaskReminders (task instances) or that are overdue by definition. */
const REMINDED_ELSEWHERE = new Set(["request_task", "plan_task", "case_list", "urging_step", "request_sent"]);

/**
 * Issue 11 (4): a notification when other work (requests, copies, report submissions, claim deadlines, inspection
 * follow-ups) is 2 working days from due, and once when it becomes overdue. Idempotent (deterministic keys).
 */
export async function runInboxReminders(
  db: AppDb,
  today: IsoDate,
  calendar: WorkCalendar = defaultCalendar,
): Promise<{ inserted: number }> {
  const soon = workingDaysAhead(calendar, today, REMIND_WORKING_DAYS);
  const items = (await collectInbox(db, null, today)).filter((i) => !REMINDED_ELSEWHERE.has(i.kind) && i.due);
  const list = items.flatMap((i) => {
    const overdue = (i.due as string) < today;
    if (!overdue && i.due !== soon) return [];
    return [
      {
        key: `inbox_${overdue ? "overdue" : "due_soon"}:${i.kind}:${i.id}:${i.agency_id}`,
        agency_id: i.agency_id,
        kind: overdue ? "work_overdue" : "work_due_soon",
        title: `${overdue ? "Quá hạn" : `Còn ${REMIND_WORKING_DAYS} ngày làm việc`}: ${i.title}`.slice(0, 500),
        entity: i.kind,
        entity_id: i.id,
        due: i.due,
        url: i.url,
      },
    ];
  });
  return { inserted: await insertNotifications(db, list) };
}

/** Recomputes the stored deadline statuses of every open claim as of `today` (open → overdue …). */
export async function runClaimDeadlineRecompute(db: AppDb, today: IsoDate): Promise<{ claims: number }> {
  // Batched: one transaction, one audit row per 500 claims (4–9× faster than claim by claim, same stored rows).
  const r = await recomputeOpenClaimDeadlines(db, SYSTEM_SCOPE, { as_of: today });
  return { claims: r.claims };
}

export function jobRunId(job: string, day: IsoDate): string {
  return createHash("sha256").update(`${job}:${day}`).digest("hex");
}

/**
 * One daily run: reminders, then claim deadlines. Recorded in job_run; a day already completed is skipped for the
 * deadline recompute (reminders are idempotent anyway and always re-checked).
 */
export async function runDailyJobs(
  db: AppDb,
  today: IsoDate,
  calendar: WorkCalendar = defaultCalendar,
): Promise<{ reminders: ReminderRun; deadlines: { claims: number } | "already_done" }> {
  const reminders = await runTaskReminders(db, today, calendar);
  await runInboxReminders(db, today, calendar);
  const id = jobRunId("claim_deadlines", today);
  const [claimed] = await db
    .insert(jobRun)
    .values({ id, job: "claim_deadlines", scheduledFor: new Date(`${today}T00:00:00+07:00`) })
    .onConflictDoNothing()
    .returning({ id: jobRun.id });
  if (!claimed) return { reminders, deadlines: "already_done" };
  try {
    const deadlines = await runClaimDeadlineRecompute(db, today);
    await db
      .update(jobRun)
      .set({ status: "done", finishedAt: new Date(), result: { reminders, deadlines } })
      .where(eq(jobRun.id, id));
    return { reminders, deadlines };
  } catch (e) {
    await db
      .update(jobRun)
      .set({ status: "failed", finishedAt: new Date(), error: (e as Error).message })
      .where(eq(jobRun.id, id));
    throw e;
  }
}
