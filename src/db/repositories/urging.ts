// The urging ladder (KH 2021 mục II.6): which rung to propose next for an urging request left unanswered past its due.
import { eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { nextUrgingRung } from "../../domain/routing/index.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { requests, taskInstances } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { todayVn } from "./common.ts";
import { loadVisibleRequest } from "./requests.ts";

/**
 * Proposes the next rung of the urging ladder for an urging request: only when that request is unanswered past its due
 * date (the due date of its task, else of the request). Earlier rungs of the chain (parent_id) count as not complied.
 */
export async function urgingProposal(db: AppDb, scope: Scope, id: string, today: IsoDate = todayVn()) {
  const req = await loadVisibleRequest(db, scope, id);
  if (req.kind !== "urging")
    throw new DomainError("not_urging", "id", "Chỉ đề xuất bậc đôn đốc tiếp theo cho một yêu cầu đôn đốc.");
  const chain = [req];
  for (let cur = req; cur.parentId; ) {
    const [p] = await db.select().from(requests).where(eq(requests.id, cur.parentId));
    if (p?.kind !== "urging") break;
    chain.unshift(p);
    cur = p;
  }
  const rungOf = (r: typeof req) =>
    ((r.payload as { rung?: string } | null)?.rung ?? (r.routing as { rule?: string } | null)?.rule ?? null) as
      | string
      | null;
  const tasks = await db.select().from(taskInstances).where(eq(taskInstances.requestId, req.id));
  const leadTask = tasks.find((t) => t.agencyId === t.leadAgencyId) ?? tasks[0];
  const due = leadTask?.due ?? req.due ?? null;
  const answered = req.status === "answered" || req.status === "closed" || leadTask?.status === "done";
  const base = { request_id: req.id, due, today, rungs: chain.map(rungOf) };
  if (answered)
    return { ...base, past_due_unanswered: false, proposal: null, reason: "Nội dung đôn đốc đã được thực hiện." };
  if (!due) return { ...base, past_due_unanswered: false, proposal: null, reason: "Yêu cầu đôn đốc chưa có hạn." };
  if (due >= today)
    return { ...base, past_due_unanswered: false, proposal: null, reason: `Chưa quá hạn (hạn ${due}).` };
  const rungs = chain.map(rungOf);
  if (rungs.some((r) => r === null))
    return {
      ...base,
      past_due_unanswered: true,
      proposal: null,
      reason:
        "Không xác định được bậc đôn đốc của yêu cầu (không có điều khoản KH 2021 mục II.6 áp dụng); hãy xem lại căn cứ đôn đốc.",
    };
  const outcome = (req.payload as { outcome?: string } | null)?.outcome ?? "not_complied";
  const history = chain.map((r, i) => ({
    rung: rungOf(r),
    outcome: i === chain.length - 1 ? outcome : "not_complied",
  }));
  const next = nextUrgingRung(history);
  return {
    ...base,
    past_due_unanswered: true,
    proposal: next,
    reason: next ? next.why : "Đã đi hết các bậc đôn đốc của KH 2021 mục II.6.",
  };
}
