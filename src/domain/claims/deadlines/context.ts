// What every deadline of one claim is computed against: its history, the calendar, the as-of date, the suspensions
// that stop the clocks and the steps the history lacks; and the lookup of the first event after a trigger.
import type { WorkCalendar } from "../../calendar/types.ts";
import type { IsoDate } from "../../shared/dates.ts";
import type { ClaimEvent, ClaimHistory, EventType } from "../events.ts";
import type { UnrecordedSteps } from "../procedure.ts";
import type { Pause } from "./suspension-clock.ts";

export type Ctx = {
  history: ClaimHistory;
  cal: WorkCalendar;
  asOf?: IsoDate;
  pauses: Pause[];
  unrecorded: readonly UnrecordedSteps[];
};

export function firstAfter(
  events: readonly ClaimEvent[],
  fromIndex: number,
  types: readonly EventType[],
): { ev: ClaimEvent; index: number } | undefined {
  for (let j = fromIndex + 1; j < events.length; j++) {
    if (types.includes(events[j].type)) return { ev: events[j], index: j };
  }
  return undefined;
}
