// Rules of an online submission (issue 15 item 4–5), pure: the receipt code's alphabet, where a support request goes
// (seed 000 §II.8 via the routing table), the date by which the agency must answer (working-day calendar, with the
// explanation), and the steps a person sees on the status page.
import { type AgencyRegistry, agencyRegistry } from "../agencies/registry.ts";
import { addPeriod } from "../calendar/periods.ts";
import type { ExplanationStep, WorkCalendar } from "../calendar/types.ts";
import { type Confidence, parameterFor } from "../legal/parameters.ts";
import { isRouted, route } from "../routing/route.ts";
import type { IsoDate } from "../shared/dates.ts";
import { determineAgency } from "./determination.ts";
import type { InterviewAnswers } from "./interview.ts";

/** The second factor as compared: digits only (phone numbers as typed with spaces, dots, +84). */
export function normalizeFactor(input: string): string {
  return input.replace(/[\s.-]/g, "").replace(/^\+?84(?=\d{9,10}$)/, "0");
}

export type SubmissionKind = "claim" | "support";
export type SubmissionStep = "received" | "forwarded" | "accepted" | "answered" | "refused" | "withdrawn";

export const SUBMISSION_STEP_VI: Record<SubmissionStep, string> = {
  received: "Đã tiếp nhận hồ sơ",
  forwarded: "Sở Tư pháp đã chuyển hồ sơ đến cơ quan giải quyết bồi thường",
  accepted: "Cơ quan giải quyết bồi thường đã tiếp nhận hồ sơ vào sổ để giải quyết",
  answered: "Cơ quan đã trả lời đề nghị hỗ trợ",
  refused: "Cơ quan không thụ lý hồ sơ",
  withdrawn: "Người gửi đã rút lại sự đồng ý; hồ sơ đã rút, dữ liệu cá nhân đã xóa",
};

export type Target = { agency_id: string; determined_by_so_tu_phap: boolean; basis: string };

/**
 * Where a submission lands. A claim: the agency of the where-to-file table (the Sở Tư pháp when unclear). A support
 * request: in civil judgment enforcement the lead of seed 000 §II.8 (Cục BTNN, Thông tư 09/2019/TT-BTP Điều 5);
 * otherwise the Sở Tư pháp of the province (unverified: TT 09 Điều 7 khoản 1 places first guidance with the province).
 */
export function submissionTarget(
  kind: SubmissionKind,
  answers: InterviewAnswers,
  today: IsoDate,
  reg: AgencyRegistry = agencyRegistry,
): Target | null {
  const det = determineAgency(
    {
      activity: answers.activity ?? "unknown",
      agency_kind: answers.agency_kind,
      province: answers.province,
      act_date: answers.act_date ?? today,
      filing_date: today,
    },
    reg,
  );
  if (kind === "support" && answers.activity === "civil_enforcement") {
    const r = route({
      kind: "support_injured",
      from_role: "NGUOI_BI_THIET_HAI",
      to_role: "CUC_BTNN",
      managing_role: answers.agency_kind === "thads_central" ? "TONG_CUC_THADS" : "THADS_TINH",
    });
    if (isRouted(r)) {
      const lead = reg.agenciesOn(today, r.lead)[0];
      if (lead) return { agency_id: lead.id, determined_by_so_tu_phap: false, basis: r.basis };
    }
  }
  if (kind === "support") {
    const stp = det.agency?.determined_by_so_tu_phap
      ? det.agency
      : determineAgency(
          {
            activity: "unknown",
            province: answers.province,
            act_date: answers.act_date ?? today,
            filing_date: today,
          },
          reg,
        ).agency;
    if (stp)
      return { agency_id: stp.id, determined_by_so_tu_phap: false, basis: "Thông tư 09/2019/TT-BTP, Điều 7 khoản 1" };
    const cuc = reg.agenciesOn(today, "CUC_BTNN")[0];
    return cuc
      ? { agency_id: cuc.id, determined_by_so_tu_phap: false, basis: "Thông tư 09/2019/TT-BTP, Điều 5" }
      : null;
  }
  if (det.row.outcome.kind === "elsewhere" && !det.agency) return null;
  return det.agency
    ? { agency_id: det.agency.id, determined_by_so_tu_phap: det.agency.determined_by_so_tu_phap, basis: det.row.cite }
    : null;
}

export type StatutoryDate = {
  key: string;
  label: string;
  date: IsoDate;
  basis: string;
  confidence: Confidence;
  explanation: ExplanationStep[];
};

/**
 * By when the agency must answer a claim file received on `from`: the Sở Tư pháp forwards within 5 working days
 * (Điều 41 khoản 4); a handling agency accepts a valid file within 2 working days (Điều 43 khoản 1). Null for a support
 * request: Thông tư 09/2019/TT-BTP sets no time (the routing table says "Khi có yêu cầu").
 */
export function answerBy(
  cal: WorkCalendar,
  kind: SubmissionKind,
  from: IsoDate,
  bySoTuPhap: boolean,
): StatutoryDate | null {
  if (kind === "support") return null;
  const p = bySoTuPhap
    ? parameterFor("agency_determination", "law_2017", from)
    : parameterFor("accept", "law_2017", from);
  if (!p) return null;
  const d = addPeriod(cal, from, p.value, p.unit);
  const notes: ExplanationStep[] = bySoTuPhap
    ? []
    : [
        {
          rule: "note",
          text: "Thời hạn tính từ ngày nhận hồ sơ hợp lệ; nếu hồ sơ chưa đầy đủ, trong 05 ngày làm việc cơ quan thông báo để bạn bổ sung.",
          source: "Luật TNBTCNN 2017, Điều 42 khoản 2",
        },
      ];
  return {
    key: p.key,
    label: p.label,
    date: d.date,
    basis: p.cite,
    confidence: p.confidence,
    explanation: [...d.explanation, ...notes],
  };
}
