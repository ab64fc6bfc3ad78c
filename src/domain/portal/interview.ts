// The guided check of the public portal (issue 15): one question a screen, the next question chosen by DATA (`next`
// rules evaluated by `nextQuestion`), so the web client and the server walk the same graph. Civil judgment enforcement
// (thi hành án dân sự) is asked in detail; other activities are told where to go.
import { PROVINCES, provinceTitle } from "../agencies/provinces.ts";
import { isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

/** GLOSSARY `field` values, plus "unknown" (the person cannot say). */
export const ACTIVITIES = [
  "civil_enforcement",
  "administration",
  "criminal_procedure",
  "civil_procedure",
  "administrative_procedure",
  "criminal_enforcement",
  "unknown",
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Which enforcement body the official belonged to (civil enforcement only). */
export const AGENCY_KINDS = ["thads_district", "thads_province", "thads_central", "unknown"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Who is asking, against the persons entitled to claim (Luật TNBTCNN 2017, Điều 5). */
export const CAPACITIES = ["injured", "heir", "successor_org", "legal_representative", "authorised", "other"] as const;
export type Capacity = (typeof CAPACITIES)[number];

export const REQUEST_KINDS = ["compensation", "honour_only", "both"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const BASIS_ANSWERS = ["yes", "no", "not_sure"] as const;
export type BasisAnswer = (typeof BASIS_ANSWERS)[number];

/** The answers of one walk through the interview (absent = not asked or not answered). */
export type InterviewAnswers = {
  capacity?: Capacity;
  activity?: Activity;
  agency_kind?: AgencyKind;
  /** Province slug (src/domain/agencies/provinces.ts): where the act happened, as the province was then or is now. */
  province?: string;
  /** When the official acted (approximate is fine): picks the agency before or after the 2025 reorganisation. */
  act_date?: string;
  request_kind?: RequestKind;
  has_basis_document?: BasisAnswer;
  basis_document_received_on?: string;
};
export type QuestionId = keyof InterviewAnswers;

export type QuestionOption = { value: string; label: string; help?: string; group?: string };

/** `when`: every listed question's answer is one of the values; the first matching rule wins; no `when` = default. */
export type NextRule = { when?: Partial<Record<QuestionId, string[]>>; goto: QuestionId | null };

export type Question = {
  id: QuestionId;
  text: string;
  help?: string;
  type: "single_choice" | "date" | "province";
  options?: QuestionOption[];
  /** Dates: not after today (checked by the adapter with Vietnam's date). */
  not_future?: boolean;
  /** Dates: not before the answer to another date question (checked here and by the form, with this message). */
  not_before?: { question: QuestionId; message: string };
  next: NextRule[];
};

const CAPACITY_OPTIONS: QuestionOption[] = [
  { value: "injured", label: "Tôi là người bị thiệt hại" },
  { value: "heir", label: "Tôi là người thừa kế của người bị thiệt hại đã chết" },
  { value: "successor_org", label: "Tổ chức kế thừa quyền, nghĩa vụ của tổ chức bị thiệt hại đã chấm dứt" },
  { value: "legal_representative", label: "Tôi là người đại diện theo pháp luật của người bị thiệt hại" },
  { value: "authorised", label: "Tôi được người bị thiệt hại ủy quyền" },
  { value: "other", label: "Khác (người quen, người thân không thuộc các trường hợp trên)" },
];

const ACTIVITY_OPTIONS: QuestionOption[] = [
  {
    value: "civil_enforcement",
    label: "Thi hành án dân sự",
    help: "Ví dụ: kê biên, bán đấu giá tài sản, cưỡng chế, phong tỏa tài khoản trái pháp luật khi thi hành bản án",
  },
  {
    value: "administration",
    label: "Quản lý hành chính",
    help: "Ví dụ: xử phạt, thu hồi đất, cấp phép trái pháp luật",
  },
  { value: "criminal_procedure", label: "Tố tụng hình sự", help: "Ví dụ: bị bắt, tạm giam, truy tố, xét xử oan" },
  { value: "civil_procedure", label: "Tố tụng dân sự", help: "Ví dụ: Tòa án áp dụng biện pháp khẩn cấp tạm thời sai" },
  { value: "administrative_procedure", label: "Tố tụng hành chính" },
  { value: "criminal_enforcement", label: "Thi hành án hình sự" },
  { value: "unknown", label: "Tôi không rõ" },
];

const AGENCY_KIND_OPTIONS: QuestionOption[] = [
  {
    value: "thads_district",
    label: "Chi cục Thi hành án dân sự huyện (nay là Phòng Thi hành án dân sự khu vực)",
  },
  { value: "thads_province", label: "Cục Thi hành án dân sự tỉnh (nay là Thi hành án dân sự tỉnh, thành phố)" },
  { value: "thads_central", label: "Tổng cục Thi hành án dân sự (nay là Cục Quản lý thi hành án dân sự)" },
  { value: "unknown", label: "Tôi không rõ cơ quan nào" },
];

/** Provinces as the person knows them: the 34 units since 01/7/2025 first, then the former ones. */
export function provinceOptions(): QuestionOption[] {
  const current = PROVINCES.filter((p) => p.valid_to === undefined);
  const former = PROVINCES.filter((p) => p.valid_to !== undefined);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");
  return [
    ...[...current].sort(byName).map((p) => ({
      value: p.slug,
      label: provinceTitle(p).replace(/^./, (c) => c.toUpperCase()),
      group: "Tỉnh, thành phố hiện nay",
    })),
    ...[...former].sort(byName).map((p) => ({
      value: p.slug,
      label: `${provinceTitle(p).replace(/^./, (c) => c.toUpperCase())} (trước sắp xếp)`,
      group: "Tỉnh, thành phố trước sắp xếp năm 2025",
    })),
  ];
}

export const INTERVIEW_VERSION = "2026-12-04";

/** The question graph. The first question is QUESTIONS[0]. */
export const QUESTIONS: readonly Question[] = [
  {
    id: "capacity",
    text: "Bạn là ai đối với người bị thiệt hại?",
    help: "Luật cho phép người bị thiệt hại, người thừa kế, tổ chức kế thừa, người đại diện theo pháp luật và người được ủy quyền yêu cầu bồi thường.",
    type: "single_choice",
    options: CAPACITY_OPTIONS,
    next: [{ goto: "activity" }],
  },
  {
    id: "activity",
    text: "Người gây thiệt hại đang làm công việc gì của Nhà nước?",
    help: "Chọn hoạt động trong đó người thi hành công vụ gây thiệt hại cho bạn.",
    type: "single_choice",
    options: ACTIVITY_OPTIONS,
    next: [{ when: { activity: ["civil_enforcement"] }, goto: "agency_kind" }, { goto: "province" }],
  },
  {
    id: "agency_kind",
    text: "Người gây thiệt hại là cán bộ của cơ quan thi hành án dân sự nào?",
    help: "Xem tên cơ quan trên quyết định, biên bản hoặc giấy mời bạn đã nhận.",
    type: "single_choice",
    options: AGENCY_KIND_OPTIONS,
    next: [{ when: { agency_kind: ["thads_central"] }, goto: "act_date" }, { goto: "province" }],
  },
  {
    id: "province",
    text: "Việc xảy ra ở tỉnh, thành phố nào?",
    help: "Có thể chọn tên tỉnh cũ (trước ngày 01/7/2025) hoặc tỉnh hiện nay.",
    type: "province",
    next: [{ goto: "act_date" }],
  },
  {
    id: "act_date",
    text: "Việc gây thiệt hại xảy ra vào khoảng ngày nào?",
    help: "Ngày gần đúng cũng được: dùng để biết cơ quan nào nay tiếp nhận hồ sơ sau khi sắp xếp bộ máy năm 2025.",
    type: "date",
    not_future: true,
    next: [{ goto: "request_kind" }],
  },
  {
    id: "request_kind",
    text: "Bạn muốn yêu cầu điều gì?",
    type: "single_choice",
    options: [
      { value: "compensation", label: "Bồi thường thiệt hại (tài sản, thu nhập, tinh thần…)" },
      { value: "honour_only", label: "Chỉ yêu cầu phục hồi danh dự (xin lỗi, cải chính công khai)" },
      { value: "both", label: "Cả bồi thường thiệt hại và phục hồi danh dự" },
    ],
    next: [{ goto: "has_basis_document" }],
  },
  {
    id: "has_basis_document",
    text: "Bạn đã nhận được văn bản xác định hành vi của người thi hành công vụ là trái pháp luật chưa?",
    help: "Đó là “văn bản làm căn cứ yêu cầu bồi thường”, ví dụ: quyết định hủy quyết định thi hành án trái pháp luật, quyết định giải quyết khiếu nại, bản án của Tòa án.",
    type: "single_choice",
    options: [
      { value: "yes", label: "Đã nhận" },
      { value: "no", label: "Chưa nhận" },
      { value: "not_sure", label: "Tôi không chắc" },
    ],
    next: [{ when: { has_basis_document: ["yes"] }, goto: "basis_document_received_on" }, { goto: null }],
  },
  {
    id: "basis_document_received_on",
    text: "Bạn nhận được văn bản đó vào ngày nào?",
    help: "Thời hiệu yêu cầu bồi thường là 03 năm kể từ ngày nhận văn bản này.",
    type: "date",
    not_future: true,
    not_before: {
      question: "act_date",
      message: "Ngày nhận văn bản làm căn cứ không thể trước ngày xảy ra việc gây thiệt hại",
    },
    next: [{ goto: null }],
  },
];

const BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: QuestionId): Question {
  const q = BY_ID.get(id);
  if (!q) throw new DomainError("unknown_question", "question", `Không có câu hỏi "${id}"`);
  return q;
}

/** Options of a question (the province list is computed). */
export function optionsOf(q: Question): QuestionOption[] {
  return q.type === "province" ? provinceOptions() : (q.options ?? []);
}

/** The question after `id` given the answers so far (null = the check can be made). */
export function nextQuestion(id: QuestionId, answers: InterviewAnswers): QuestionId | null {
  for (const rule of questionById(id).next) {
    const when = rule.when ?? {};
    const ok = Object.entries(when).every(([k, values]) => {
      const a = answers[k as QuestionId];
      return a !== undefined && (values as string[]).includes(a);
    });
    if (ok) return rule.goto;
  }
  return null;
}

/** The questions asked for these answers, in order (the path through the graph). */
export function interviewPath(answers: InterviewAnswers): QuestionId[] {
  const path: QuestionId[] = [];
  let cur: QuestionId | null = QUESTIONS[0]!.id;
  while (cur !== null && !path.includes(cur)) {
    path.push(cur);
    if (answers[cur] === undefined) break;
    cur = nextQuestion(cur, answers);
  }
  return path;
}

/**
 * Checks the answers against the graph: every question on the path answered with an allowed value, dates valid and
 * not after `today`. Answers off the path are dropped (a changed earlier answer leaves stale ones behind). Throws a
 * DomainError naming the first missing or wrong field.
 */
export function validateAnswers(answers: InterviewAnswers, today: string): InterviewAnswers {
  const out: InterviewAnswers = {};
  const path = interviewPath(answers);
  for (const id of path) {
    const q = questionById(id);
    const v = answers[id];
    if (v === undefined || v === "") throw new DomainError("missing_answer", id, `Chưa trả lời câu hỏi: ${q.text}`);
    if (q.type === "date") {
      if (!isIsoDate(v)) throw new DomainError("invalid_answer", id, "Ngày không hợp lệ (cần dạng YYYY-MM-DD)");
      if (q.not_future && v > today)
        throw new DomainError("invalid_answer", id, "Ngày này ở tương lai — hãy chọn một ngày đã qua");
    } else if (!optionsOf(q).some((o) => o.value === v)) {
      throw new DomainError("invalid_answer", id, `Câu trả lời không nằm trong các lựa chọn của câu hỏi: ${q.text}`);
    }
    (out as Record<string, string>)[id] = v;
  }
  for (const id of path) {
    const rule = questionById(id).not_before;
    const earliest = rule ? out[rule.question] : undefined;
    if (rule && earliest !== undefined && (out[id] ?? "") < earliest)
      throw new DomainError("invalid_answer", id, rule.message);
  }
  return out;
}
