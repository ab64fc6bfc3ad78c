// Synthetic claims that look like the national picture (legal-brief §9): ~25 new claims a year nationwide, 65–105
// open, amounts with a mean of ~0.6–0.75 bn đ decided per resolved case and a heavy tail. Every history is built as a
// sequence of lawful events (validated again by the claims domain when stored). Deterministic for (seed, scale, asOf).
import type { Agency } from "../../domain/agencies/types.ts";
import { addDays, dayOfWeek, type IsoDate, toDayNumber } from "../../domain/shared/dates.ts";
import { type ClaimEventInput, type ClaimInput, claimCode } from "../repositories/claims.ts";
import { createRng, type Rng } from "./random.ts";

export type GeneratedClaim = ClaimInput & { id: string; code: string; events: ClaimEventInput[]; target: string };

type Step = [type: string, gap: number, ground?: string];

const ACCEPT: Step[] = [
  ["received", 0],
  ["file_valid", 2],
  ["accepted", 2],
  ["officer_appointed", 2],
];
const VERIFIED: Step[] = [...ACCEPT, ["verification_report_done", 28]];
const NEGOTIATING: Step[] = [...VERIFIED, ["negotiation_started", 5]];
const NEGOTIATED: Step[] = [...NEGOTIATING, ["negotiation_ended", 20, "success"]];
const DECIDED: Step[] = [...NEGOTIATED, ["decision_issued", 4]];
const EFFECTIVE: Step[] = [...DECIDED, ["decision_effective", 30]];
const FUNDS_REQUESTED: Step[] = [...EFFECTIVE, ["funds_requested", 5]];
const FUNDS_RECEIVED: Step[] = [...FUNDS_REQUESTED, ["funds_received", 25]];
const NOTIFIED: Step[] = [...FUNDS_RECEIVED, ["payment_notice_received", 5]];
const PAID: Step[] = [...NOTIFIED, ["paid", 5]];
const COUNCIL: Step[] = [...PAID, ["council_established", 14]];
const RECOMMENDED: Step[] = [...COUNCIL, ["council_recommended", 12]];

/** Event path to reach each procedure phase (ClaimState.phase) — "suspended" is negotiating under Điều 50. */
export const PATHS: Record<string, Step[]> = {
  received: [["received", 0]],
  supplementing: [
    ["received", 0],
    ["supplement_requested", 3],
  ],
  file_valid: [
    ["received", 0],
    ["file_valid", 2],
  ],
  accepted: ACCEPT,
  verified: VERIFIED,
  negotiating: NEGOTIATING,
  suspended: [...NEGOTIATING, ["suspension_ground", 12, "a"], ["suspended", 3, "a"]],
  negotiated: NEGOTIATED,
  decided: DECIDED,
  decision_refused: [...DECIDED, ["decision_refused", 2]],
  decision_effective: EFFECTIVE,
  funds_requested: FUNDS_REQUESTED,
  funds_received: FUNDS_RECEIVED,
  notified: NOTIFIED,
  paid: PAID,
  council: COUNCIL,
  council_recommended: RECOMMENDED,
  recourse_decided: [...RECOMMENDED, ["recourse_decided", 10]],
  refused: [
    ["received", 0],
    ["refused", 3, "b"],
  ],
  terminated: [...ACCEPT, ["termination_ground", 10, "a"], ["terminated", 4, "a"]],
  in_court: [...NEGOTIATING, ["negotiation_ended", 20, "failure"], ["sued_in_court", 25, "2"]],
};

export const ALL_TARGETS = Object.keys(PATHS);

const OPEN_YOUNG: Array<[string, number]> = [
  ["received", 3],
  ["supplementing", 2],
  ["file_valid", 2],
  ["accepted", 4],
  ["verified", 3],
  ["negotiating", 2],
  ["negotiated", 1],
  ["decided", 1],
];
const OPEN_OLD: Array<[string, number]> = [
  ["accepted", 3],
  ["verified", 3],
  ["negotiating", 3],
  ["suspended", 2],
  ["negotiated", 2],
  ["decided", 2],
  ["decision_refused", 1],
  ["supplementing", 1],
];
const CLOSED: Array<[string, number]> = [
  ["paid", 34],
  ["notified", 2],
  ["funds_received", 2],
  ["funds_requested", 4],
  ["decision_effective", 5],
  ["council", 3],
  ["council_recommended", 2],
  ["recourse_decided", 6],
  ["refused", 15],
  ["terminated", 12],
  ["in_court", 8],
];

/** Probability that a claim received `age` years before asOf is still being handled (backlog shape of BC 62/BC-BTP). */
function openProbability(ageYears: number): number {
  if (ageYears < 1) return 0.95;
  if (ageYears < 2) return 0.7;
  if (ageYears < 3) return 0.5;
  if (ageYears < 4) return 0.35;
  if (ageYears < 5) return 0.25;
  return 0.2;
}

const FIELDS: Array<[string, number]> = [
  ["civil_enforcement", 35],
  ["administration", 30],
  ["criminal_procedure", 20],
  ["civil_procedure", 6],
  ["administrative_procedure", 4],
  ["criminal_enforcement", 5],
];

const SUMMARIES: Record<string, string[]> = {
  civil_enforcement: [
    "Yêu cầu bồi thường do cưỡng chế kê biên, bán đấu giá tài sản không đúng quy định",
    "Thiệt hại do chấp hành viên xử lý tài sản thi hành án trái pháp luật",
    "Yêu cầu bồi thường do chậm trả tiền thi hành án",
  ],
  administration: [
    "Yêu cầu bồi thường do quyết định thu hồi đất bị hủy",
    "Thiệt hại do quyết định xử phạt vi phạm hành chính trái pháp luật",
    "Thiệt hại do cấp giấy chứng nhận quyền sử dụng đất sai đối tượng",
    "Yêu cầu bồi thường do quyết định cưỡng chế phá dỡ công trình bị hủy",
  ],
  criminal_procedure: [
    "Yêu cầu bồi thường do bị tạm giam oan, sau đó được đình chỉ điều tra",
    "Người bị kết án oan được tuyên không phạm tội yêu cầu bồi thường",
    "Thiệt hại do bị khởi tố, truy tố oan",
  ],
  civil_procedure: [
    "Thiệt hại do áp dụng biện pháp khẩn cấp tạm thời không đúng",
    "Yêu cầu bồi thường do ra bản án dân sự trái pháp luật",
  ],
  administrative_procedure: [
    "Thiệt hại do áp dụng biện pháp khẩn cấp tạm thời trong tố tụng hành chính trái pháp luật",
  ],
  criminal_enforcement: ["Yêu cầu bồi thường do thi hành án phạt tù không đúng thời hạn"],
};

const SURNAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
const MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Công"];
const MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Thu", "Hồng", "Kim"];
const GIVEN_M = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hải",
  "Hòa",
  "Hùng",
  "Long",
  "Nam",
  "Phúc",
  "Quân",
  "Sơn",
  "Tuấn",
  "Việt",
  "Đức",
  "Khánh",
];
const GIVEN_F = ["Hà", "Hạnh", "Lan", "Linh", "Mai", "Nga", "Tâm", "Thảo", "Trang", "Yến", "Đào", "Hương"];
const STREETS = [
  "Lê Lợi",
  "Trần Phú",
  "Quang Trung",
  "Hai Bà Trưng",
  "Nguyễn Trãi",
  "Lý Thường Kiệt",
  "Phan Chu Trinh",
  "Bà Triệu",
];
const COMPANIES = [
  "Công ty TNHH Thương mại Hòa Phát",
  "Công ty cổ phần Xây dựng Minh Long",
  "Hợp tác xã Nông nghiệp Đồng Tiến",
  "Công ty TNHH Vận tải Sông Mã",
];

function workday(date: IsoDate): IsoDate {
  const d = dayOfWeek(date);
  return d === 6 ? addDays(date, 2) : d === 0 ? addDays(date, 1) : date;
}

function amountLogNormal(rng: Rng): number {
  // Requested amounts: log-normal, mean ≈ 1.2 bn đ, heavy tail (wrongful convictions run to billions); 5 m – 30 bn.
  const v = Math.exp(20.3 + 1.1 * rng.normal());
  return Math.min(Math.max(Math.round(v / 100_000) * 100_000, 5_000_000), 30_000_000_000);
}

type AgencyIndex = {
  at(role: string, provinceCode: string, date: IsoDate): Agency[];
  provincesAt(date: IsoDate): string[];
};

export function agencyIndex(rows: readonly Agency[]): AgencyIndex {
  const inForce = (a: Agency, d: IsoDate) => a.valid_from <= d && (!a.valid_to || d <= a.valid_to);
  return {
    at: (role, code, date) => rows.filter((a) => a.role === role && a.province_code === code && inForce(a, date)),
    provincesAt: (date) =>
      rows.filter((a) => a.role === "UBND_TINH" && a.province_code && inForce(a, date)).map((a) => a.province_code!),
  };
}

const PROVINCE_WEIGHT: Record<string, number> = { "38": 6, "40": 4, "01": 5, "79": 5 };

function handlingAgency(rng: Rng, idx: AgencyIndex, field: string, date: IsoDate): Agency {
  const codes = idx.provincesAt(date);
  const code = rng.weighted(codes.map((c) => [c, PROVINCE_WEIGHT[c] ?? 1] as const));
  const first = (...roles: string[]): Agency => {
    for (const r of roles) {
      const list = idx.at(r, code, date);
      if (list.length) return rng.pick(list);
    }
    return idx.at("UBND_TINH", code, date)[0];
  };
  switch (field) {
    case "civil_enforcement":
      return rng.chance(0.4) ? first("THADS_HUYEN", "THADS_TINH") : first("THADS_TINH");
    case "administration":
      return rng.weighted([
        [() => first("UBND_TINH"), 4],
        [() => first("UBND_HUYEN", "UBND_TINH"), 4],
        [() => first("SO_NGANH", "CO_QUAN_TAI_CHINH"), 2],
      ] as const)();
    case "criminal_procedure":
      return rng.chance(0.5) ? first("VKS") : first("TOA_AN");
    default:
      // civil/administrative procedure: courts. criminal_enforcement: the registry has no units of Bộ Công an, so the
      // provincial court stands in for the demo.
      return first("TOA_AN");
  }
}

function person(rng: Rng, provinceCode: string, provinceName: string, year: number) {
  if (rng.chance(0.1)) {
    return {
      claimant_name: rng.pick(COMPANIES),
      claimant_id_number: String(rng.int(2_800_000_000, 2_899_999_999)),
      claimant_address: `Số ${rng.int(1, 300)} đường ${rng.pick(STREETS)}, ${provinceName}`,
      claimant_phone: `02${rng.int(10, 99)}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`,
    };
  }
  const female = rng.chance(0.35);
  const name = `${rng.pick(SURNAMES)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(female ? GIVEN_F : GIVEN_M)}`;
  const born = year - rng.int(22, 75);
  const centuryDigit = (born >= 2000 ? 2 : 0) + (female ? 1 : 0);
  return {
    claimant_name: name,
    claimant_id_number: `0${provinceCode.padStart(2, "0")}${centuryDigit}${String(born % 100).padStart(2, "0")}${String(rng.int(0, 999_999)).padStart(6, "0")}`,
    claimant_address: `Số ${rng.int(1, 300)} đường ${rng.pick(STREETS)}, ${provinceName}`,
    claimant_phone: `09${String(rng.int(0, 99_999_999)).padStart(8, "0")}`,
  };
}

function buildEvents(rng: Rng, target: string, start: IsoDate, asOf: IsoDate, complex: boolean): ClaimEventInput[] {
  const steps = [...PATHS[target]];
  // Some files need supplementing first (Điều 42 khoản 3); some claims get an advance (Điều 44).
  if (steps[1]?.[0] === "file_valid" && rng.chance(0.25)) steps.splice(1, 0, ["supplement_requested", 3]);
  const acceptedAt = steps.findIndex((s) => s[0] === "officer_appointed");
  if (acceptedAt > 0 && steps.length > acceptedAt + 2 && rng.chance(0.15))
    steps.splice(acceptedAt + 1, 0, ["advance_proposed", 3], ["advance_paid", 5]);
  const events: ClaimEventInput[] = [];
  let date = start;
  for (const [type, gap, ground] of steps) {
    const jitter = gap === 0 ? 0 : Math.max(1, Math.round(gap * (complex ? 1.6 : 1) * (0.6 + 0.8 * rng.next())));
    date = workday(addDays(date, jitter));
    if (date > asOf) break;
    const ev: ClaimEventInput = { type, date };
    if (ground) ev.ground = ground;
    events.push(ev);
  }
  return events;
}

export type GenerateOptions = {
  /** Multiple of national volume (1 = ~25 new claims a year). */
  scale?: number;
  seed?: number;
  asOf: IsoDate;
  fromYear?: number;
  /** Make sure every procedure phase appears at least once (demo). */
  coverAllPhases?: boolean;
};

/** Generates claims with lawful event histories (no database access). */
export function generateClaims(agencies: readonly Agency[], opts: GenerateOptions): GeneratedClaim[] {
  const scale = opts.scale ?? 1;
  const rng = createRng(opts.seed ?? 20_260_101);
  const idx = agencyIndex(agencies);
  const asOf = opts.asOf;
  const fromYear = opts.fromYear ?? 2019;
  const lastYear = Number(asOf.slice(0, 4));
  const provinceName = (code: string, date: IsoDate) => {
    const u = idx.at("UBND_TINH", code, date)[0];
    return u ? u.name.replace(/^Ủy ban nhân dân /, "") : "Việt Nam";
  };
  // Claims to create: [received date, forced target?]
  const plan: Array<{ date: IsoDate; target?: string }> = [];
  for (let y = fromYear; y <= lastYear; y++) {
    const yearStart = `${y}-01-01`;
    const yearEnd = y === lastYear ? asOf : `${y}-12-31`;
    const span = toDayNumber(yearEnd) - toDayNumber(yearStart) + 1;
    const n = Math.max(0, Math.round(25 * scale * (span / 365) * (1 + 0.12 * rng.normal())));
    for (let i = 0; i < n; i++) plan.push({ date: workday(addDays(yearStart, rng.int(0, span - 1))) });
  }
  plan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (opts.coverAllPhases) {
    // Old enough (2021–2023) for every path to complete before asOf.
    const candidates = plan.filter(
      (p) => p.date >= `${Math.min(2021, lastYear - 2)}-01-01` && p.date <= `${Math.min(2023, lastYear - 1)}-06-30`,
    );
    ALL_TARGETS.forEach((t, i) => {
      const slot = candidates[Math.floor((i * candidates.length) / ALL_TARGETS.length)];
      if (slot) slot.target = t;
    });
  }
  const perYear = new Map<string, number>();
  const out: GeneratedClaim[] = [];
  for (const p of plan) {
    const age = (toDayNumber(asOf) - toDayNumber(p.date)) / 365.25;
    const target =
      p.target ??
      (rng.chance(openProbability(age)) ? rng.weighted(age < 1 ? OPEN_YOUNG : OPEN_OLD) : rng.weighted(CLOSED));
    const field = rng.weighted(FIELDS);
    const agency = handlingAgency(rng, idx, field, p.date);
    const complex = rng.chance(0.15);
    const events = buildEvents(rng, target, p.date, asOf, complex);
    // Numbered in the handling agency's register of the year (sổ thụ lý), like claims created in the application.
    const year = Number(p.date.slice(0, 4));
    const register = `${agency.id}|${year}`;
    const seq = (perYear.get(register) ?? 0) + 1;
    perYear.set(register, seq);
    const requested = amountLogNormal(rng);
    const decided = Math.round((requested * (0.35 + 0.5 * rng.next())) / 1000) * 1000;
    const has = (t: string) => events.some((e) => e.type === t);
    for (const e of events) {
      if (e.type === "decision_issued") e.data = { amount: decided };
      if (e.type === "paid") e.data = { amount: decided };
      if (e.type === "advance_paid") e.data = { amount: Math.round(decided * 0.1) };
    }
    const open = !["decision_effective", "paid", "refused", "terminated", "sued_in_court", "recourse_decided"].some(
      has,
    );
    const province = agency.province_code ?? "01";
    out.push({
      id: rng.uuid(),
      code: claimCode(year, seq),
      target,
      law_version: "law_2017",
      field,
      complex,
      backlogged: open && age > 1,
      prolonged: open && age > 2,
      handling_agency_id: agency.id,
      managing_agency_id: rng.chance(0.8) ? agency.id : (agency.parent_id ?? agency.id),
      amount_requested: requested,
      summary: rng.pick(SUMMARIES[field]),
      ...person(rng, province, provinceName(province, p.date), year),
      events,
    });
  }
  return out;
}
