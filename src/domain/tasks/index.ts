export { dueReminders, REMINDER_POLICY, type Reminder, type ReminderItem } from "./reminders.ts";
export {
  assertTransition,
  type EffectiveTaskStatus,
  effectiveStatus,
  isOpen,
  OVERDUE_BASIS,
  overdueAfter,
  overdueCutoff,
  type Progress,
  progressOf,
  storedStatus,
  TASK_STATUS_VI,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  type TaskStatus,
} from "./status.ts";
