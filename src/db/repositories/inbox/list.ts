// GET /api/inbox: the open work of the caller's agency from every source, grouped by due date on the working-day
// calendar, with the officer it is assigned to. `mine` keeps the items assigned to the caller ("Giao cho tôi").
import { and, eq, isNull } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import { defaultCalendar, type WorkCalendar } from "../../../domain/calendar/index.ts";
import {
  CLAIM_ASSIGNMENT_KIND,
  compareInboxItems,
  DUE_SOON_WORKING_DAYS,
  INBOX_KINDS,
  type InboxGroup,
  type InboxKind,
  inboxGroup,
  workingDaysAhead,
} from "../../../domain/inbox/index.ts";
import type { IsoDate } from "../../../domain/shared/dates.ts";
import { workAssignments } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { todayVn } from "../common.ts";
import { INBOX_SOURCES, type SourceItem } from "./sources.ts";

export type InboxItem = {
  kind: InboxKind;
  id: string;
  title: string;
  due: IsoDate | null;
  /** overdue / due_soon / later / waiting (on another agency). */
  status: InboxGroup;
  from_agency_id: string | null;
  assignee_id: string | null;
  url: string;
};
export type Inbox = { items: InboxItem[]; counts: { overdue: number; due_soon: number; later: number } };

/** Every source's items for one agency (or all agencies), as the sources return them. */
export async function collectInbox(db: AppDb, agency: string | null, today: IsoDate): Promise<SourceItem[]> {
  const lists = await Promise.all(INBOX_KINDS.map((k) => INBOX_SOURCES[k](db, agency, today)));
  return lists.flat();
}

export async function listInbox(
  db: AppDb,
  scope: Scope,
  opts: { mine?: boolean; today?: IsoDate; calendar?: WorkCalendar } = {},
): Promise<Inbox> {
  requirePermission(scope, "requests.read");
  const empty: Inbox = { items: [], counts: { overdue: 0, due_soon: 0, later: 0 } };
  if (!scope.agencyId) return empty;
  const today = opts.today ?? todayVn();
  const soonUntil = workingDaysAhead(opts.calendar ?? defaultCalendar, today, DUE_SOON_WORKING_DAYS);
  const [items, assigned] = await Promise.all([
    collectInbox(db, scope.agencyId, today),
    db
      .select({ kind: workAssignments.kind, itemId: workAssignments.itemId, assigneeId: workAssignments.assigneeId })
      .from(workAssignments)
      .where(and(eq(workAssignments.agencyId, scope.agencyId), isNull(workAssignments.endedAt))),
  ]);
  const who = new Map(assigned.map((a) => [`${a.kind}:${a.itemId}`, a.assigneeId]));
  const out: InboxItem[] = [];
  const counts = { overdue: 0, due_soon: 0, later: 0 };
  for (const it of items) {
    const assignee_id =
      who.get(`${it.kind}:${it.id}`) ??
      (it.refs.claims ? who.get(`${CLAIM_ASSIGNMENT_KIND}:${it.refs.claims}`) : undefined) ??
      null;
    if (opts.mine && (!scope.userId || assignee_id !== scope.userId)) continue;
    const status = inboxGroup(it, today, soonUntil);
    if (status !== "waiting") counts[status]++;
    out.push({
      kind: it.kind,
      id: it.id,
      title: it.title,
      due: it.due,
      status,
      from_agency_id: it.from_agency_id,
      assignee_id,
      url: it.url,
    });
  }
  out.sort(compareInboxItems);
  return { items: out, counts };
}
