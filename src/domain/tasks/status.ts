// Task tracking workflow: stored statuses, allowed transitions, the computed "overdue" status and progress figures.
// Pure: "today" and the work calendar are parameters. The plan says WHAT is due WHEN (task instances); this module says
// how a task moves. "Overdue" is never stored: every reader (board, statistics, inbox, reminders) derives it here.
import { CITE_ROLLOVER } from "../calendar/periods.ts";
import type { WorkCalendar } from "../calendar/types.ts";
import { defaultCalendar } from "../calendar/work-calendar.ts";
import { addDays, type IsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

/** Stored statuses. "pending" = chưa thực hiện (not started). "overdue" is computed, never stored by a user. */
export const TASK_STATUSES = ["pending", "in_progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** What a reader sees: the stored status, or "overdue" when an open task is past its due date. */
export type EffectiveTaskStatus = TaskStatus | "overdue";

export const TASK_STATUS_VI: Readonly<Record<EffectiveTaskStatus, string>> = {
  pending: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  done: "Đã hoàn thành",
  cancelled: "Đã hủy",
  overdue: "Quá hạn",
};

/** Allowed transitions (workflow table). A finished task may be reopened; a cancelled one restarted. */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  pending: ["in_progress", "done", "cancelled"],
  in_progress: ["pending", "done", "cancelled"],
  done: ["in_progress"],
  cancelled: ["pending"],
};

/** Legacy stored value "overdue" (before the status was computed) counts as in progress. */
export function storedStatus(s: string): TaskStatus {
  if (s === "overdue") return "in_progress";
  return (TASK_STATUSES as readonly string[]).includes(s) ? (s as TaskStatus) : "pending";
}

export function isOpen(status: string): boolean {
  const s = storedStatus(status);
  return s === "pending" || s === "in_progress";
}

/** Checks a status change; throws DomainError("invalid_transition") with the allowed targets. */
export function assertTransition(from: string, to: string): TaskStatus {
  if (!(TASK_STATUSES as readonly string[]).includes(to))
    throw new DomainError(
      "invalid_status",
      "status",
      `Trạng thái không hợp lệ "${to}"; chỉ nhận: ${TASK_STATUSES.join(", ")} ("overdue" do hệ thống tự tính).`,
    );
  const f = storedStatus(from);
  const t = to as TaskStatus;
  if (f === t) return t;
  if (!TASK_TRANSITIONS[f].includes(t))
    throw new DomainError(
      "invalid_transition",
      "status",
      `Không thể chuyển nhiệm vụ từ "${TASK_STATUS_VI[f]}" sang "${TASK_STATUS_VI[t]}"; chỉ được chuyển sang: ${TASK_TRANSITIONS[f].map((x) => TASK_STATUS_VI[x]).join(", ")}.`,
    );
  return t;
}

/**
 * Last day on which an open task is NOT yet overdue: the due date, or — when the due date is a weekly rest day or a
 * holiday — the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5: a period ending on a day off ends on the next
 * working day). Source of the rule: CITE_ROLLOVER.
 */
export function overdueAfter(due: IsoDate, calendar: WorkCalendar = defaultCalendar): IsoDate {
  let d = due;
  while (!calendar.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
export const OVERDUE_BASIS = CITE_ROLLOVER;

/**
 * Cut-off for SQL readers: an open task is overdue on `today` exactly when its due date is ≤ this day (the last working
 * day before today). Equivalent to `overdueAfter(due) < today`, as one comparable value: a due date on a day off rolls to
 * the next working day, which is before today iff some working day lies between the due date and yesterday.
 */
export function overdueCutoff(today: IsoDate, calendar: WorkCalendar = defaultCalendar): IsoDate {
  let d = addDays(today, -1);
  // Bounded: a calendar always has a working day within a few weeks (Tết is the longest break).
  for (let i = 0; i < 60 && !calendar.isWorkingDay(d); i++) d = addDays(d, -1);
  return d;
}

/** Overdue = still open and today is after the due date (rolled to the next working day when it is a day off). */
export function effectiveStatus(
  task: { status: string; due: IsoDate | null },
  today: IsoDate,
  calendar: WorkCalendar = defaultCalendar,
): EffectiveTaskStatus {
  const s = storedStatus(task.status);
  if (isOpen(s) && task.due !== null && overdueAfter(task.due, calendar) < today) return "overdue";
  return s;
}

export type Progress = {
  total: number;
  pending: number;
  in_progress: number;
  done: number;
  cancelled: number;
  overdue: number;
  /** Done share of the tasks not cancelled, in percent (0–100, one decimal); null when there is none. */
  percent_done: number | null;
};

/** Progress figures for a set of tasks as of `today` (overdue counted instead of pending/in_progress). */
export function progressOf(
  tasks: ReadonlyArray<{ status: string; due: IsoDate | null }>,
  today: IsoDate,
  calendar: WorkCalendar = defaultCalendar,
): Progress {
  const p: Progress = { total: 0, pending: 0, in_progress: 0, done: 0, cancelled: 0, overdue: 0, percent_done: null };
  for (const t of tasks) {
    p.total++;
    p[effectiveStatus(t, today, calendar)]++;
  }
  const active = p.total - p.cancelled;
  p.percent_done = active > 0 ? Math.round((1000 * p.done) / active) / 10 : null;
  return p;
}
