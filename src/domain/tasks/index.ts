export { dueReminders, REMINDER_POLICY, type Reminder, type ReminderItem } from "./reminders.ts";
export {
  assertTransition,
  type EffectiveTaskStatus,
  effectiveStatus,
  isOpen,
  type Progress,
  progressOf,
  storedStatus,
  TASK_STATUS_VI,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  type TaskStatus,
} from "./status.ts";
