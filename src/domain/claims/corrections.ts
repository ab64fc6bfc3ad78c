// Cải chính (corrections): a recorded step is corrected or voided, or claim fields changed, with a reason — never a
// silent rewrite. The corrected history must still read lawfully (backfill reading: contradictions refused, missing
// steps warned); a closed file (paid, refused, terminated) is corrected only by the agency's leader.
import { formatVi, type IsoDate, isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { isClosedFile } from "./editing.ts";
import { type ClaimEvent, type ClaimHistory, EVENT_LABELS_VI, normalizeGround } from "./events.ts";
import type { ClaimState } from "./phases.ts";
import { replay } from "./replay.ts";

export type StoredStep = ClaimEvent & { id: string; seq: number };

export type StepCorrection = {
  event_id: string;
  action: "correct" | "void";
  date?: string;
  ground?: string | null;
  note?: string | null;
};

/** The reason is the record of why the file changed: required, a real sentence. */
export function requireReason(reason: unknown): string {
  const r = typeof reason === "string" ? reason.trim() : "";
  if (r.length < 5)
    throw new DomainError("reason_required", "reason", "reason: phải nêu lý do cải chính (ít nhất 5 ký tự).");
  return r;
}

/** Whether correcting a claim in this phase needs the leader's permission (claims.correct_closed). */
export function correctionNeedsLeader(phase: string): boolean {
  return isClosedFile(phase);
}

/**
 * The history after one step correction, in date order, with the state it reads to. Throws DomainError naming
 * `event_id`, `date`, `ground` or `event` (the corrected history contradicts the law).
 */
export function correctHistory(
  base: Omit<ClaimHistory, "events">,
  steps: readonly StoredStep[],
  c: StepCorrection,
  today: IsoDate,
): { steps: StoredStep[]; before: StoredStep; after: StoredStep | null; state: ClaimState } {
  const before = steps.find((s) => s.id === c.event_id);
  if (!before)
    throw new DomainError("not_found", "event_id", "event_id: không tìm thấy bước cần cải chính trong vụ việc này.");
  let after: StoredStep | null = null;
  if (c.action === "correct") {
    after = { ...before };
    if (c.date !== undefined) {
      if (!isIsoDate(c.date))
        throw new DomainError("invalid_date", "date", `date: ngày không hợp lệ "${c.date}" (cần dạng YYYY-MM-DD)`);
      if (c.date > today)
        throw new DomainError(
          "future_date",
          "date",
          `date: ngày ${formatVi(c.date)} là ngày tương lai; hôm nay là ${formatVi(today)} (giờ Việt Nam).`,
        );
      after.date = c.date;
    }
    if (c.ground !== undefined) {
      if (c.ground === null) delete after.ground;
      else after.ground = normalizeGround(c.ground);
    }
    if (c.note !== undefined) {
      if (c.note === null) delete after.note;
      else after.note = c.note;
    }
  }
  const next = steps
    .filter((s) => s.id !== c.event_id)
    .concat(after ? [after] : [])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  try {
    const state = replay({ ...base, events: next.map(({ id: _i, seq: _s, ...e }) => e) });
    return { steps: next, before, after, state };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const what = c.action === "void" ? "Hủy" : "Cải chính";
    throw new DomainError(
      e.code,
      c.action === "correct" && e.field.endsWith(".date") ? "date" : "event_id",
      `${what} bước "${EVENT_LABELS_VI[before.type]}" ngày ${formatVi(before.date)} làm lịch sử vụ việc mâu thuẫn: ${e.message}`,
    );
  }
}
