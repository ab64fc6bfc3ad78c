// The "due soon" / "overdue" view of the lists (issue 11 item 6), on the working-day calendar like the home groups:
// soon = due from today to the 5th working day after it; overdue = due before today.
import { and, gte, lt, lte, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { DUE_SOON_WORKING_DAYS, type DueFilter, workingDaysAhead } from "../../domain/inbox/index.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";

export function dueCondition(column: PgColumn, due: DueFilter, today: IsoDate): SQL {
  if (due === "overdue") return lt(column, today);
  return and(gte(column, today), lte(column, workingDaysAhead(defaultCalendar, today, DUE_SOON_WORKING_DAYS)))!;
}
