// Live recording (GLOSSARY "live recording"): an officer records the NEXT step of a claim as it happens. Only a step
// `next_actions` offers (normal predecessors, prerequisites present), dated not before the previous step and not after
// today in Vietnam. Anything else is refused with the field named; older or incomplete histories go through backfill
// (replay.ts) and mistakes through corrections (corrections.ts).
import { formatVi, type IsoDate, isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import {
  type ClaimEvent,
  type ClaimHistory,
  EVENT_GROUNDS,
  EVENT_LABELS_VI,
  GROUND_REQUIRED,
  isEventType,
  normalizeGround,
} from "./events.ts";
import { nextActionsFromState } from "./next-actions.ts";
import { allowedRow, findTransition, replay } from "./replay.ts";

export type LiveStep = { type: string; date: string; ground?: string; note?: string };

/**
 * Why `step` may not be appended live to `history` on `today` (Vietnam date), or null when it may.
 * Fields: "type", "date", "ground".
 */
export function checkLiveStep(history: ClaimHistory, step: LiveStep, today: IsoDate): DomainError | null {
  if (!isEventType(step.type))
    return new DomainError("unknown_event_type", "type", `type: loại sự kiện không tồn tại "${String(step.type)}"`);
  if (!isIsoDate(step.date))
    return new DomainError(
      "invalid_date",
      "date",
      `date: ngày không hợp lệ "${String(step.date)}" (cần dạng YYYY-MM-DD)`,
    );
  const label = EVENT_LABELS_VI[step.type];
  if (step.date > today)
    return new DomainError(
      "future_date",
      "date",
      `date: "${label}" ghi ngày ${formatVi(step.date)} là ngày tương lai; hôm nay là ${formatVi(today)} (giờ Việt Nam).`,
    );
  const grounds = EVENT_GROUNDS[step.type];
  const ground = step.ground === undefined ? undefined : normalizeGround(step.ground);
  if (ground !== undefined && (!grounds || !(ground in grounds)))
    return new DomainError(
      "invalid_ground",
      "ground",
      `ground: lý do "${step.ground}" không hợp lệ cho "${label}"` +
        (grounds ? `; chỉ nhận: ${Object.keys(grounds).join(", ")}` : ""),
    );
  if (ground === undefined && GROUND_REQUIRED.includes(step.type))
    return new DomainError("missing_ground", "ground", `ground: "${label}" phải nêu lý do.`);
  const state = replay(history);
  const prev = history.events.at(-1);
  if (prev && step.date < prev.date)
    return new DomainError(
      "event_out_of_order",
      "date",
      `date: "${label}" ngày ${formatVi(step.date)} sớm hơn bước trước "${EVENT_LABELS_VI[prev.type]}" ngày ${formatVi(prev.date)}.`,
    );
  const ev: ClaimEvent = { type: step.type, date: step.date };
  if (ground !== undefined) ev.ground = ground;
  if (allowedRow(state, ev, true)) return null;
  const strict = findTransition(state, ev, true);
  const offered = nextActionsFromState(state).map((a) => `"${a.label}"`);
  const reason = strict.ok ? "" : `${strict.reason}; `;
  return new DomainError(
    strict.ok ? "transition_not_allowed" : strict.code,
    "type",
    `type: không thể ghi nhận "${label}" lúc này: ${reason}bước tiếp theo được phép: ${offered.join(", ") || "không có (vụ việc đã kết thúc)"}. ` +
      "Hồ sơ cũ thiếu bước: dùng chức năng nhập bổ sung (backfill); ghi nhầm: dùng cải chính.",
  );
}
