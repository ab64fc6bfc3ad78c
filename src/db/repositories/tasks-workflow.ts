// Task status changes for the repositories: the workflow table lives in the domain (src/domain/tasks).
import type { IsoDate } from "../../domain/shared/dates.ts";
import { assertTransition } from "../../domain/tasks/index.ts";

/** Status change along the workflow; "done" sets the completion date (kept if already set), other statuses clear it. */
export function taskStatusPatch(
  before: { status: string; completedOn: string | null },
  status: string,
  today: IsoDate,
): { status: string; completedOn: string | null } {
  const to = assertTransition(before.status, status);
  return { status: to, completedOn: to === "done" ? (before.completedOn ?? today) : null };
}
