// One source per inbox kind (src/domain/inbox INBOX_KINDS): the SQL that finds the open work of that kind and the agency
// that must act on it. `agency` = one agency's inbox, or null = every agency's (the reminder job). A kind without a
// source does not compile (Record<InboxKind, …>); tests/db/inbox-kinds.test.ts checks each one reaches the right agency.
import { and, eq, inArray, isNull, lt, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { predecessorsOf, successorsOf } from "../../../domain/agencies/registry.ts";
import { defaultCalendar } from "../../../domain/calendar/index.ts";
import { CASE_LIST_RULES } from "../../../domain/case-lists/index.ts";
import type { InboxKind } from "../../../domain/inbox/index.ts";
import { answerBy, type SubmissionKind } from "../../../domain/portal/submission.ts";
import { REQUEST_KIND_VI, type RequestKind } from "../../../domain/routing/index.ts";
import { type IsoDate, toVnDate } from "../../../domain/shared/dates.ts";
import { effectiveStatus, isOpen } from "../../../domain/tasks/index.ts";
import {
  claimDeadlines,
  claims,
  inspectionFollowups,
  inspections,
  plans,
  planTasks,
  publicDataRequests,
  publicSubmissions,
  reportRounds,
  reportSubmissions,
  requestCopies,
  requests,
  taskInstanceCoordinators,
  taskInstances,
} from "../../schema/index.ts";
import type { AppDb } from "../../types.ts";
import { CLOSED_REQUEST_STATUSES } from "../requests.ts";

/** An inbox item before grouping and assignment: `agency_id` is the agency that must act. */
export type SourceItem = {
  kind: InboxKind;
  id: string;
  agency_id: string;
  title: string;
  due: IsoDate | null;
  /** The item's own status (open, pending, overdue, draft …). */
  state: string;
  from_agency_id: string | null;
  url: string;
  /** Waiting on another agency rather than to be done here. */
  waiting: boolean;
  /** The records of the lists (requests, tasks, claims) this item is about — bulk actions of a list reach it by them. */
  refs: Partial<Record<"requests" | "tasks" | "claims", string>>;
};

type Source = (db: AppDb, agency: string | null, today: IsoDate) => Promise<SourceItem[]>;

const of = (col: PgColumn, agency: string | null): SQL | undefined => (agency ? eq(col, agency) : undefined);
const kindVi = (k: string) => REQUEST_KIND_VI[k as RequestKind] ?? k;
const OPEN_REQUEST = ["open", "in_progress"];
const CASE_LIST_REFS = Object.values(CASE_LIST_RULES).map((r) => r.clause.replace("KH 2021 mục ", ""));

/** Open task instances of plans (case-list tasks apart, or only them), for their owner, their lead (a plan assigns
 * tasks to other agencies: the lead must act) and each coordinator. A plan names the agencies of its day: after a
 * reorganisation the task reaches the successor that acts now (as on the plan board, recordsContributionOf). */
async function planTaskItems(
  db: AppDb,
  agency: string | null,
  today: IsoDate,
  caseLists: boolean,
): Promise<SourceItem[]> {
  const named = agency ? [agency, ...predecessorsOf(agency).map((p) => p.id)] : null;
  const mine = named
    ? or(
        inArray(taskInstances.agencyId, named),
        inArray(taskInstances.leadAgencyId, named),
        sql`coalesce(${taskInstances.coordinatorAgencyIds}, '[]'::jsonb) ?| array[${sql.join(
          named.map((a) => sql`${a}`),
          sql`, `,
        )}]::text[]`,
      )
    : undefined;
  // The agency that acts for one the plan named: itself while in force, else its successors today.
  const actors = (id: string) => {
    const now = successorsOf(id, today).map((a) => a.id);
    return now.length > 0 ? now : [id];
  };
  const rows = await db
    .select({
      id: taskInstances.id,
      agencyId: taskInstances.agencyId,
      leadAgencyId: taskInstances.leadAgencyId,
      coordinators: taskInstances.coordinatorAgencyIds,
      status: taskInstances.status,
      due: taskInstances.due,
      periodLabel: taskInstances.periodLabel,
      ref: planTasks.ref,
      content: planTasks.content,
      planId: planTasks.planId,
      planAgency: plans.agencyId,
    })
    .from(taskInstances)
    .innerJoin(planTasks, eq(planTasks.id, taskInstances.taskId))
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        inArray(taskInstances.status, ["pending", "in_progress", "overdue"]),
        // A task without a reference number is an ordinary plan task (NOT IN alone would drop it: null).
        caseLists
          ? inArray(planTasks.ref, CASE_LIST_REFS)
          : or(isNull(planTasks.ref), notInArray(planTasks.ref, CASE_LIST_REFS)),
        mine,
      ),
    );
  // A coordinating agency that finished (or dropped) its own part has nothing left to do on the occurrence.
  const finishedParts = new Set<string>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const parts = await db
      .select({ task: taskInstanceCoordinators.taskInstanceId, agency: taskInstanceCoordinators.agencyId })
      .from(taskInstanceCoordinators)
      .where(
        and(
          inArray(taskInstanceCoordinators.taskInstanceId, ids.slice(i, i + 1000)),
          inArray(taskInstanceCoordinators.status, ["done", "cancelled"]),
        ),
      );
    for (const p of parts) finishedParts.add(`${p.task}|${p.agency}`);
  }
  const out: SourceItem[] = [];
  for (const r of rows) {
    if (!isOpen(r.status)) continue;
    const title = `${r.ref ? `${r.ref} ` : ""}${r.content}${r.periodLabel ? ` (${r.periodLabel})` : ""}`.slice(0, 300);
    const base = {
      kind: (caseLists ? "case_list" : "plan_task") as InboxKind,
      id: r.id,
      title,
      due: r.due,
      state: effectiveStatus(r, today),
      from_agency_id: r.planAgency,
      url: caseLists ? `/case-lists?task=${r.id}` : `/plans?plan=${r.planId}&task=${r.id}`,
      waiting: false,
      refs: { tasks: r.id },
    };
    const owners = [r.agencyId, ...(r.leadAgencyId ? [r.leadAgencyId] : [])];
    const waiting = (r.coordinators ?? []).filter((c) => !owners.includes(c) && !finishedParts.has(`${r.id}|${c}`));
    const acting = new Set([...owners, ...waiting].flatMap(actors));
    for (const a of acting) if (!agency || a === agency) out.push({ ...base, agency_id: a });
  }
  return out;
}

export const INBOX_SOURCES: Readonly<Record<InboxKind, Source>> = {
  async request(db, agency) {
    const rows = await db
      .select()
      .from(requests)
      .where(and(inArray(requests.status, OPEN_REQUEST), of(requests.toAgencyId, agency)));
    return rows.map((r) => ({
      kind: "request",
      id: r.id,
      agency_id: r.toAgencyId,
      title: `${kindVi(r.kind)}: ${r.topic}`.slice(0, 300),
      due: r.due,
      state: r.status,
      from_agency_id: r.fromAgencyId,
      url: `/requests?box=inbox&open=${r.id}`,
      waiting: false,
      refs: { requests: r.id },
    }));
  },

  async request_copy(db, agency) {
    const rows = await db
      .select({ copy: requestCopies, r: requests })
      .from(requestCopies)
      .innerJoin(requests, eq(requests.id, requestCopies.requestId))
      .where(and(isNull(requestCopies.readAt), of(requestCopies.toAgencyId, agency)));
    return rows.map(({ copy, r }) => ({
      kind: "request_copy",
      id: copy.id,
      agency_id: copy.toAgencyId,
      title:
        `${copy.purpose === "forward" ? "Chuyển đến để giải quyết" : "Sao gửi để phối hợp theo dõi"}: ${r.topic}`.slice(
          0,
          300,
        ),
      due: r.due,
      state: "unread",
      from_agency_id: copy.fromAgencyId,
      url: `/requests?box=inbox&open=${r.id}`,
      waiting: false,
      refs: { requests: r.id },
    }));
  },

  async request_task(db, agency, today) {
    const rows = await db
      .select({ t: taskInstances, from: requests.fromAgencyId })
      .from(taskInstances)
      .innerJoin(requests, eq(requests.id, taskInstances.requestId))
      .where(
        and(
          inArray(taskInstances.status, ["pending", "in_progress", "overdue"]),
          notInArray(requests.status, CLOSED_REQUEST_STATUSES),
          of(taskInstances.agencyId, agency),
        ),
      );
    return rows.map(({ t, from }) => ({
      kind: "request_task",
      id: t.id,
      agency_id: t.agencyId,
      title: (t.title ?? "Nhiệm vụ theo yêu cầu phối hợp").slice(0, 300),
      due: t.due,
      state: effectiveStatus(t, today),
      from_agency_id: from,
      url: `/requests?box=inbox&open=${t.requestId}`,
      waiting: false,
      refs: { requests: t.requestId ?? undefined, tasks: t.id },
    }));
  },

  plan_task: (db, agency, today) => planTaskItems(db, agency, today, false),
  case_list: (db, agency, today) => planTaskItems(db, agency, today, true),

  async report_submission(db, agency) {
    const rows = await db
      .select({ s: reportSubmissions, round: reportRounds })
      .from(reportSubmissions)
      .innerJoin(reportRounds, eq(reportRounds.id, reportSubmissions.roundId))
      .where(
        and(
          eq(reportRounds.status, "open"),
          inArray(reportSubmissions.status, ["pending", "draft", "returned"]),
          of(reportSubmissions.agencyId, agency),
        ),
      );
    return rows.map(({ s, round }) => ({
      kind: "report_submission",
      id: s.id,
      agency_id: s.agencyId,
      title: `Báo cáo: ${round.title}`.slice(0, 300),
      due: round.deadline,
      state: s.status,
      from_agency_id: round.agencyId,
      url: `/reports/${round.id}`,
      waiting: false,
      refs: {},
    }));
  },

  async claim_deadline(db, agency) {
    // Claim code and step only: the claimant's name stays out of inboxes and mails.
    const rows = await db
      .select({
        id: claimDeadlines.id,
        claimId: claimDeadlines.claimId,
        label: claimDeadlines.label,
        step: claimDeadlines.step,
        due: claimDeadlines.due,
        status: claimDeadlines.status,
        code: claims.code,
        agencyId: claims.handlingAgencyId,
      })
      .from(claimDeadlines)
      .innerJoin(claims, eq(claims.id, claimDeadlines.claimId))
      .where(
        and(
          eq(claimDeadlines.kind, "deadline"),
          inArray(claimDeadlines.status, ["open", "overdue"]),
          of(claims.handlingAgencyId, agency),
        ),
      );
    return rows.map((r) => ({
      kind: "claim_deadline",
      id: r.id,
      agency_id: r.agencyId,
      title: `Vụ việc ${r.code}: ${r.label ?? r.step}`.slice(0, 300),
      due: r.due,
      state: r.status ?? "open",
      from_agency_id: null,
      url: `/claims/${r.claimId}`,
      waiting: false,
      refs: { claims: r.claimId },
    }));
  },

  async urging_step(db, agency, today) {
    const rows = await db
      .select()
      .from(requests)
      .where(
        and(
          eq(requests.kind, "urging"),
          inArray(requests.status, OPEN_REQUEST),
          lt(requests.due, today),
          of(requests.fromAgencyId, agency),
        ),
      );
    return rows.map((r) => ({
      kind: "urging_step",
      id: r.id,
      agency_id: r.fromAgencyId,
      title: `Đôn đốc chưa được thực hiện, xem xét bậc tiếp theo: ${r.topic}`.slice(0, 300),
      due: r.due,
      state: "past_due",
      from_agency_id: r.toAgencyId,
      url: `/requests?box=outbox&open=${r.id}`,
      waiting: false,
      refs: { requests: r.id },
    }));
  },

  async inspection_followup(db, agency) {
    const rows = await db
      .select({ f: inspectionFollowups, lead: inspections.leadAgencyId, title: inspections.title })
      .from(inspectionFollowups)
      .innerJoin(inspections, eq(inspections.id, inspectionFollowups.inspectionId))
      .where(and(eq(inspectionFollowups.status, "open"), of(inspectionFollowups.targetAgencyId, agency)));
    return rows.map(({ f, lead, title }) => ({
      kind: "inspection_followup",
      id: f.id,
      agency_id: f.targetAgencyId,
      title: `Sau kiểm tra "${title}": ${f.recommendation}`.slice(0, 300),
      due: f.due,
      state: f.status,
      from_agency_id: lead,
      url: `/inspections?open=${f.inspectionId}`,
      waiting: false,
      refs: {},
    }));
  },

  // Issue 15: a submission from the public portal waits in the holder's inbox until accepted, forwarded or answered;
  // due = the date the agency must answer (Điều 43 khoản 1, or Điều 41 khoản 4 for the Sở Tư pháp).
  async public_submission(db, agency) {
    const rows = await db
      .select()
      .from(publicSubmissions)
      .where(and(inArray(publicSubmissions.status, ["received", "forwarded"]), of(publicSubmissions.agencyId, agency)));
    return rows.map((r) => {
      const from = r.status === "forwarded" ? toVnDate(r.updatedAt) : r.submittedOn;
      const due = answerBy(
        defaultCalendar,
        r.kind as SubmissionKind,
        from,
        r.status === "received" && r.determinedBySoTuPhap,
      );
      return {
        kind: "public_submission" as const,
        id: r.id,
        agency_id: r.agencyId,
        title: `${r.kind === "claim" ? "Hồ sơ yêu cầu bồi thường" : "Đề nghị hỗ trợ"} gửi trực tuyến, mã ${r.code}`,
        due: due?.date ?? null,
        state: r.status,
        from_agency_id: null,
        url: `/public-submissions/${r.id}`,
        waiting: false,
        refs: {},
      };
    });
  },

  // A correction asked by the data subject (Luật BVDLCN 91/2025/QH15, Điều 4) waits with the agency holding the
  // submission until an officer marks it done or refused (POST /api/public-data-requests/:id/close); no statutory time.
  async public_data_request(db, agency) {
    const rows = await db
      .select({
        id: publicDataRequests.id,
        at: publicDataRequests.createdOn,
        code: publicSubmissions.code,
        s: publicSubmissions.id,
        agencyId: publicSubmissions.agencyId,
      })
      .from(publicDataRequests)
      .innerJoin(publicSubmissions, eq(publicSubmissions.id, publicDataRequests.submissionId))
      .where(and(eq(publicDataRequests.status, "open"), of(publicSubmissions.agencyId, agency)));
    return rows.map((r) => ({
      kind: "public_data_request" as const,
      id: r.id,
      agency_id: r.agencyId,
      title: `Đề nghị sửa dữ liệu cá nhân, hồ sơ gửi trực tuyến mã ${r.code}`,
      due: null,
      state: "open",
      from_agency_id: null,
      // The submission's page, opened on this request (GET /api/public-data-requests/:id reads it).
      url: `/public-submissions/${r.s}?data_request=${r.id}`,
      waiting: false,
      refs: {},
    }));
  },

  async request_sent(db, agency, today) {
    const rows = await db
      .select()
      .from(requests)
      .where(
        and(
          inArray(requests.status, [...OPEN_REQUEST, "forwarded"]),
          of(requests.fromAgencyId, agency),
          // An urging past due is the sender's own step (urging_step), not a wait.
          sql`not (${requests.kind} = 'urging' and ${requests.status} in ('open','in_progress') and ${requests.due} is not null and ${requests.due} < ${today})`,
        ),
      );
    return rows.map((r) => ({
      kind: "request_sent",
      id: r.id,
      agency_id: r.fromAgencyId,
      title: `${kindVi(r.kind)}: ${r.topic}`.slice(0, 300),
      due: r.due,
      state: r.status,
      from_agency_id: r.toAgencyId,
      url: `/requests?box=outbox&open=${r.id}`,
      waiting: true,
      refs: { requests: r.id },
    }));
  },
};
