// The answer of the guided check: within scope or not (and why), the limitation period with its explanation, where to
// file, the papers to prepare, the statutory times after filing, and notes. Pure: the calendar, registry and today's
// date (Vietnam) are passed in.
import type { AgencyRegistry } from "../agencies/registry.ts";
import type { WorkCalendar } from "../calendar/types.ts";
import { type Confidence, type LegalParameter, parameterFor, type StepKey } from "../legal/parameters.ts";
import type { IsoDate } from "../shared/dates.ts";
import { type DeterminedAgency, determineAgency } from "./determination.ts";
import { type InterviewAnswers, validateAnswers } from "./interview.ts";
import { computeLimitation, type Limitation } from "./limitation.ts";
import { type Paper, papersFor } from "./papers.ts";

export type Cited = { text: string; cite?: string; confidence?: Confidence };

export type CheckResult = {
  /** yes: looks within scope; no: a ground of refusal applies (reasons); unclear: the person must find out more. */
  in_scope: "yes" | "no" | "unclear";
  scope_reasons: Cited[];
  limitation: Limitation;
  agency: (DeterminedAgency & { cite: string; confidence: Confidence; explanation: string[] }) | null;
  /** Outside civil judgment enforcement: where to go, in words. */
  where_to_go: string | null;
  papers: Paper[];
  /** What happens after filing, with the statutory times (legal parameter table). */
  next_steps: Array<{ key: StepKey; label: string; value: number; unit: string; cite: string; confidence: Confidence }>;
  notes: Cited[];
  /** Shown once under the result when any row above is unverified. */
  unverified_legend: string | null;
  answers: InterviewAnswers;
};

export const UNVERIFIED_LEGEND =
  "Nội dung đánh dấu “chưa xác minh” dựa trên nguồn chưa được đối chiếu với văn bản pháp luật gốc; hãy hỏi Sở Tư pháp để được hướng dẫn chính thức.";

const STEP_KEYS: Array<[StepKey, string?]> = [
  ["agency_determination"],
  ["supplement", "agency_request"],
  ["accept"],
  ["appoint_officer"],
  ["verify"],
  ["negotiation_start"],
  ["negotiation_end"],
];

export function checkAnswers(
  raw: InterviewAnswers,
  ctx: { today: IsoDate; calendar: WorkCalendar; registry?: AgencyRegistry },
): CheckResult {
  const answers = validateAnswers(raw, ctx.today);
  const reasons: Cited[] = [];
  const notes: Cited[] = [];
  let scope: CheckResult["in_scope"] = "yes";
  const lower = (s: CheckResult["in_scope"]) => {
    if (s === "no" || (s === "unclear" && scope === "yes")) scope = s;
  };

  if (answers.capacity === "other") {
    lower("no");
    reasons.push({
      text: "Chỉ người bị thiệt hại, người thừa kế, tổ chức kế thừa, người đại diện theo pháp luật hoặc người được họ ủy quyền mới có quyền yêu cầu bồi thường. Bạn có thể đề nghị người bị thiệt hại ủy quyền cho bạn.",
      cite: "Luật TNBTCNN 2017, Điều 5",
      confidence: "confirmed",
    });
  }
  if (answers.activity === "unknown") {
    lower("unclear");
    reasons.push({
      text: "Nhà nước bồi thường thiệt hại do người thi hành công vụ gây ra trong quản lý hành chính, tố tụng và thi hành án. Bạn chưa xác định được hoạt động nào: Sở Tư pháp sẽ hướng dẫn.",
      cite: "Luật TNBTCNN 2017, Điều 1",
      confidence: "confirmed",
    });
  }

  const limitation = computeLimitation(
    ctx.calendar,
    {
      request_kind: answers.request_kind!,
      has_basis_document: answers.has_basis_document!,
      basis_document_received_on: answers.basis_document_received_on,
    },
    ctx.today,
  );
  if (limitation.status === "expired") {
    if (answers.request_kind === "both") {
      reasons.push({
        text: "Thời hiệu yêu cầu bồi thường thiệt hại đã hết, nhưng yêu cầu phục hồi danh dự không bị giới hạn thời hiệu.",
        cite: limitation.basis,
        confidence: limitation.confidence,
      });
    } else {
      lower("no");
      reasons.push({
        text: "Thời hiệu yêu cầu bồi thường đã hết, trừ khi bạn chứng minh được thời gian không tính vào thời hiệu (bất khả kháng, trở ngại khách quan…).",
        cite: "Luật TNBTCNN 2017, Điều 6; Điều 43 khoản 2 điểm b",
        confidence: "confirmed",
      });
    }
  } else if (limitation.status === "not_computed") {
    lower("unclear");
  }
  if (answers.has_basis_document !== "yes") {
    lower("unclear");
    reasons.push({
      text:
        answers.has_basis_document === "no"
          ? "Cần có văn bản làm căn cứ yêu cầu bồi thường (văn bản xác định hành vi trái pháp luật). Nếu bạn không được gửi hoặc không thể có văn bản này, cơ quan giải quyết bồi thường sẽ đề nghị cơ quan có thẩm quyền cung cấp."
          : "Hãy kiểm tra bạn đã nhận văn bản xác định hành vi của người thi hành công vụ là trái pháp luật chưa; đó là căn cứ để yêu cầu bồi thường.",
      cite: "Luật TNBTCNN 2017, Điều 7 khoản 1; Điều 41 khoản 1 điểm b; Điều 42 khoản 2 điểm b",
      confidence: "confirmed",
    });
  }
  if (scope === "yes") {
    reasons.unshift({
      text: "Theo câu trả lời của bạn, yêu cầu có vẻ thuộc phạm vi trách nhiệm bồi thường của Nhà nước. Cơ quan giải quyết bồi thường sẽ xem xét hồ sơ cụ thể.",
      cite: "Luật TNBTCNN 2017, Điều 7",
      confidence: "confirmed",
    });
  }

  const filingDate = ctx.today;
  const det = determineAgency(
    {
      activity: answers.activity!,
      agency_kind: answers.agency_kind,
      province: answers.province,
      act_date: answers.act_date!,
      filing_date: filingDate,
    },
    ctx.registry,
  );
  const agency = det.agency
    ? { ...det.agency, cite: det.row.cite, confidence: det.row.confidence, explanation: det.explanation }
    : null;

  if (answers.act_date! < "2018-07-01") {
    notes.push({
      text: "Việc xảy ra trước ngày 01/7/2018: hồ sơ đã được thụ lý trước ngày này tiếp tục giải quyết theo Luật năm 2009; yêu cầu chưa nộp mà còn thời hiệu thì giải quyết theo Luật năm 2017.",
      cite: "Luật TNBTCNN 2017, điều khoản thi hành",
      confidence: "confirmed",
    });
  }
  if (agency?.determined_by_so_tu_phap) {
    notes.push({
      text: "Hồ sơ nộp cho Sở Tư pháp trong thời hiệu thì cơ quan được chuyển hồ sơ phải thụ lý, kể cả khi thời hiệu đã hết lúc chuyển.",
      cite: "Nghị định 68/2018/NĐ-CP, Điều 13",
      confidence: "confirmed",
    });
  }
  notes.push({
    text: "Bạn không phải nộp phí, lệ phí khi yêu cầu bồi thường. Trong văn bản yêu cầu, bạn có thể đề nghị tạm ứng kinh phí bồi thường.",
    cite: "Luật TNBTCNN 2017, điều khoản thi hành; Điều 41 khoản 3 điểm e; Điều 44",
    confidence: "confirmed",
  });
  notes.push({
    text: "Bạn có thể đề nghị Sở Tư pháp hoặc Bộ Tư pháp (Cục Bồi thường nhà nước) hỗ trợ, hướng dẫn thủ tục yêu cầu bồi thường.",
    cite: "Thông tư 09/2019/TT-BTP, Điều 5 và Điều 7",
    confidence: "confirmed",
  });

  const next_steps = STEP_KEYS.flatMap(([key, variant]) => {
    if (key === "agency_determination" && !agency?.determined_by_so_tu_phap) return [];
    const p: LegalParameter | undefined = parameterFor(key, "law_2017", filingDate, variant);
    return p ? [{ key, label: p.label, value: p.value, unit: p.unit, cite: p.cite, confidence: p.confidence }] : [];
  });

  const papers = papersFor({ capacity: answers.capacity!, has_basis_document: answers.has_basis_document! });
  const anyUnverified =
    [...reasons, ...notes, ...papers, ...next_steps].some((x) => x.confidence === "unverified") ||
    limitation.confidence === "unverified" ||
    (agency !== null && (agency.confidence === "unverified" || !agency.verified)) ||
    det.row.confidence === "unverified";
  return {
    in_scope: scope,
    scope_reasons: reasons,
    limitation,
    agency,
    where_to_go: det.where_vi,
    papers,
    next_steps,
    notes,
    unverified_legend: anyUnverified ? UNVERIFIED_LEGEND : null,
    answers,
  };
}
