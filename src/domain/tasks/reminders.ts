// Deadline reminders for tracked tasks, counted in WORKING days on the work calendar (weekends, public holidays and
// compensating days — Bộ luật Lao động 2019 Điều 111, 112; see src/domain/calendar). Pure: today and the calendar are
// parameters. Each reminder carries a deterministic key, so a job that runs twice inserts each reminder once.
import { workingDaysBetween } from "../calendar/periods.ts";
import type { WorkCalendar } from "../calendar/types.ts";
import { formatVi, type IsoDate } from "../shared/dates.ts";
import { isOpen, overdueAfter } from "./status.ts";

/**
 * Reminder policy (a setting of the system, not a rule of law: the plans fix due dates, not reminder lead times).
 * confidence "unverified": no legal text sets it.
 */
export const REMINDER_POLICY = {
  /** Remind when the due date is at most this many working days ahead. */
  before_working_days: 3,
  basis: "Thiết lập của hệ thống: nhắc trước 03 ngày làm việc và khi quá hạn (không phải quy định pháp luật)",
  confidence: "unverified",
} as const;

export type ReminderItem = {
  id: string;
  agency_id: string;
  status: string;
  due: IsoDate | null;
  title: string;
};

export type Reminder = {
  /** Deterministic: "<kind>:<task id>:<due>" — one reminder of each kind per task and due date. */
  key: string;
  kind: "due_soon" | "overdue";
  task_id: string;
  agency_id: string;
  due: IsoDate;
  /** Working days from today to the due date (negative: working days overdue). */
  working_days: number;
  title: string;
  message: string;
};

/**
 * Reminders due on `today`: an open task whose due date is today or within `before_working_days` working days gets a
 * "due_soon" reminder; an open task past its due date gets an "overdue" reminder. Done/cancelled tasks get none.
 */
export function dueReminders(
  today: IsoDate,
  items: readonly ReminderItem[],
  calendar: WorkCalendar,
  policy: { before_working_days: number } = REMINDER_POLICY,
): Reminder[] {
  const out: Reminder[] = [];
  for (const it of items) {
    if (!it.due || !isOpen(it.status)) continue;
    const wd = workingDaysBetween(calendar, today, it.due);
    if (overdueAfter(it.due, calendar) < today) {
      out.push({
        key: `overdue:${it.id}:${it.due}`,
        kind: "overdue",
        task_id: it.id,
        agency_id: it.agency_id,
        due: it.due,
        working_days: wd,
        title: `Quá hạn: ${it.title}`,
        message: `Nhiệm vụ "${it.title}" đã quá hạn ${-wd} ngày làm việc (hạn ${formatVi(it.due)}).`,
      });
    } else if (wd <= policy.before_working_days) {
      out.push({
        key: `due_soon:${it.id}:${it.due}`,
        kind: "due_soon",
        task_id: it.id,
        agency_id: it.agency_id,
        due: it.due,
        working_days: wd,
        title: `Sắp đến hạn: ${it.title}`,
        message:
          wd === 0
            ? `Nhiệm vụ "${it.title}" đến hạn hôm nay (${formatVi(it.due)}).`
            : `Nhiệm vụ "${it.title}" còn ${wd} ngày làm việc đến hạn (${formatVi(it.due)}).`,
      });
    }
  }
  return out;
}
