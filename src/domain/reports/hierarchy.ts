// Report rounds up the hierarchy (seed 001 §III): a province round (opened by the Sở Tư pháp for its province) feeds
// the national round of the same period — its consolidation becomes the Sở Tư pháp's submission there, figures and
// narrative carried up without retyping; the ministry's consolidation then sums the provinces. Pure: the repository
// loads the rounds and applies the result. Rules speak of ROLE codes, never of agency names.
import type { IsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import type { Consolidated, FigureSnapshot, Narrative } from "./build.ts";

/**
 * Who feeds whom: the province's consolidated report (Sở Tư pháp, on behalf of UBND tỉnh) is the province's report in
 * the round of the ministry (Cục BTNN, Bộ Tư pháp).
 */
export const FEED_UP_RULE = {
  child_opener_roles: ["SO_TU_PHAP", "UBND_TINH"] as readonly string[],
  parent_opener_roles: ["CUC_BTNN", "BO_TU_PHAP"] as readonly string[],
  // KH UBND tỉnh Thanh Hóa 2024 mục III.1 (Sở Tư pháp tham mưu UBND tỉnh báo cáo kết quả trên địa bàn tỉnh theo yêu
  // cầu của Bộ Tư pháp), mục III.2–3 (các cơ quan gửi Sở Tư pháp tổng hợp vào báo cáo chung để báo cáo Bộ Tư pháp).
  basis: "KH UBND tỉnh Thanh Hóa 2024 mục III.1, III.2, III.3",
  confidence: "confirmed" as const,
};

export type ParentCandidate = {
  id: string;
  period_from: IsoDate;
  period_to: IsoDate;
  template_id: string;
  status: string;
  opener_role: string;
  /** Status of the child opener's own submission in this round; undefined when it is not a participant. */
  own_submission_status?: string;
  /** A round that already feeds this one for the same agency (only one province round per parent submission). */
  fed_by_round_id?: string | null;
};

export type ChildRound = { period_from: IsoDate; period_to: IsoDate; template_id: string; opener_role: string };

/** Why `parent` cannot take `child` as the source of the child opener's submission; undefined when it can. */
export function parentLinkProblem(parent: ParentCandidate, child: ChildRound): DomainError | undefined {
  const field = "parent_round_id";
  if (!FEED_UP_RULE.child_opener_roles.includes(child.opener_role))
    return new DomainError(
      "not_allowed",
      field,
      "Chỉ kỳ báo cáo của Sở Tư pháp (UBND tỉnh) được chuyển lên kỳ báo cáo của Bộ.",
    );
  if (!FEED_UP_RULE.parent_opener_roles.includes(parent.opener_role))
    return new DomainError(
      "not_allowed",
      field,
      "Kỳ báo cáo cấp trên phải do Bộ Tư pháp (Cục Bồi thường nhà nước) mở.",
    );
  if (parent.period_from !== child.period_from || parent.period_to !== child.period_to)
    return new DomainError("period_mismatch", field, "Kỳ báo cáo của tỉnh phải cùng kỳ số liệu với kỳ báo cáo của Bộ.");
  if (parent.status !== "open")
    return new DomainError("round_closed", field, "Kỳ báo cáo của Bộ đã tổng hợp; không thể chuyển báo cáo lên.");
  if (parent.own_submission_status === undefined)
    return new DomainError("not_a_participant", field, "Cơ quan mở kỳ không phải cơ quan báo cáo trong kỳ của Bộ.");
  if (parent.own_submission_status === "submitted")
    return new DomainError("already_submitted", field, "Cơ quan đã gửi báo cáo trong kỳ của Bộ.");
  if (parent.fed_by_round_id)
    return new DomainError("already_linked", field, "Đã có kỳ báo cáo của tỉnh chuyển lên kỳ báo cáo này của Bộ.");
  return undefined;
}

/**
 * The parent round a province round feeds when none is named: the only open round of the ministry for the same data
 * period in which the opener still has to report; same template preferred. Undefined when none or ambiguous.
 */
export function pickParentRound(candidates: readonly ParentCandidate[], child: ChildRound): string | undefined {
  const ok = candidates.filter((c) => !parentLinkProblem(c, child));
  if (ok.length === 1) return ok[0].id;
  const same = ok.filter((c) => c.template_id === child.template_id);
  return same.length === 1 ? same[0].id : undefined;
}

/** The submission carried up from a consolidated province round: its sums and narrative, and where they came from. */
export function carryUp(c: Consolidated, sourceRoundId: string): { figures: FigureSnapshot; narrative: Narrative } {
  return {
    figures: {
      total: { ...c.total },
      by_field: structuredClone(c.by_field),
      claim_ids: structuredClone(c.claim_ids ?? {}),
      source_round_id: sourceRoundId,
    },
    narrative: { ...c.narrative },
  };
}

/** Late when the province's consolidation reaches the ministry after the (rolled-over) last day — TT 08/2019 Điều 25. */
export function carriedLate(consolidatedOn: IsoDate, parentDeadline: IsoDate): boolean {
  return consolidatedOn > parentDeadline;
}
