// Where to file a claim, as a TABLE: activity × agency kind × reorganisation period → outcome, each row citing its
// article. The agency itself is resolved from the dated agency registry (src/domain/agencies): the agency in force on
// the day of the act, followed along its successor links to the day of filing (Luật TNBTCNN 2017, Điều 40 khoản 1
// điểm a — addendum §3), so a Cục THADS tỉnh of 2024 answers as the THADS tỉnh of the merged province today.
// Rows whose article number was not read in a legal text are `unverified` ("chưa xác minh").
import { FIRST_DAY_34, PROVINCES, type ProvinceDef, provinceTitle } from "../agencies/provinces.ts";
import { type Agency, type AgencyRegistry, agencyRegistry } from "../agencies/registry.ts";
import type { Role } from "../agencies/roles.ts";
import type { Confidence } from "../legal/parameters.ts";
import type { IsoDate } from "../shared/dates.ts";
import { formatVi } from "../shared/dates.ts";
import type { Activity, AgencyKind } from "./interview.ts";

/**
 * reorganised: the agency in force on the day of the act no longer exists on the day of filing (its successor takes the
 * file); in_force: it still exists; any: the row does not depend on the agency's history.
 */
export type Period = "in_force" | "reorganised" | "any";

export type Outcome =
  /** A handling agency of the registry, with `role` on the day of the act (successors followed to filing day). */
  | { kind: "agency"; role: Role }
  /** The Sở Tư pháp of the province determines the handling agency (Điều 41 khoản 4). */
  | { kind: "so_tu_phap" }
  /** Outside civil judgment enforcement: where to go, in words; the Sở Tư pháp when the person cannot tell. */
  | { kind: "elsewhere"; where_vi: string };

export type DeterminationRow = {
  id: string;
  activity: Activity;
  /** "*" = any answer (or not asked). */
  agency_kind: AgencyKind | "*";
  period: Period;
  outcome: Outcome;
  cite: string;
  confidence: Confidence;
  /** Why, in plain Vietnamese (shown to the person). */
  reason_vi: string;
};

const CITE_THADS = "Luật TNBTCNN 2017, Điều 37";
const CITE_SUCCESSOR = "Luật TNBTCNN 2017, Điều 40 khoản 1 điểm a";
export const CITE_SO_TU_PHAP =
  "Luật TNBTCNN 2017, Điều 41 khoản 4; Nghị định 68/2018/NĐ-CP, Điều 32 khoản 2 và Điều 33";

export const DETERMINATION_TABLE: readonly DeterminationRow[] = [
  {
    id: "thads_province_in_force",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    period: "in_force",
    outcome: { kind: "agency", role: "THADS_TINH" },
    cite: CITE_THADS,
    // The rule (the enforcement body directly managing the official handles the claim) is in seed 000 §II.3, II.9.2;
    // the article number is from memory.
    confidence: "unverified",
    reason_vi: "Cơ quan thi hành án dân sự trực tiếp quản lý người gây thiệt hại là cơ quan giải quyết bồi thường.",
  },
  {
    id: "thads_province_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    period: "reorganised",
    outcome: { kind: "agency", role: "THADS_TINH" },
    cite: `${CITE_THADS}; ${CITE_SUCCESSOR}`,
    confidence: "unverified",
    reason_vi:
      "Cục Thi hành án dân sự tỉnh đã được tổ chức lại từ 01/7/2025; cơ quan kế thừa nhiệm vụ giải quyết bồi thường.",
  },
  {
    id: "thads_district_in_force",
    activity: "civil_enforcement",
    agency_kind: "thads_district",
    period: "in_force",
    outcome: { kind: "agency", role: "THADS_TINH" },
    cite: CITE_THADS,
    // Phòng THADS khu vực are units of the THADS tỉnh since 01/7/2025 (QĐ 1898/QĐ-BTP, not read): unverified.
    confidence: "unverified",
    reason_vi:
      "Phòng Thi hành án dân sự khu vực thuộc Thi hành án dân sự tỉnh, thành phố; hồ sơ gửi Thi hành án dân sự tỉnh, thành phố.",
  },
  {
    id: "thads_district_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_district",
    period: "reorganised",
    outcome: { kind: "agency", role: "THADS_TINH" },
    cite: `${CITE_THADS}; ${CITE_SUCCESSOR}`,
    confidence: "unverified",
    reason_vi:
      "Chi cục Thi hành án dân sự huyện đã chấm dứt từ 01/7/2025; nhiệm vụ chuyển cho Phòng Thi hành án dân sự khu vực thuộc Thi hành án dân sự tỉnh, thành phố.",
  },
  {
    id: "thads_central_in_force",
    activity: "civil_enforcement",
    agency_kind: "thads_central",
    period: "in_force",
    outcome: { kind: "agency", role: "TONG_CUC_THADS" },
    cite: CITE_THADS,
    confidence: "unverified",
    reason_vi: "Người gây thiệt hại là công chức của cơ quan quản lý thi hành án dân sự ở trung ương.",
  },
  {
    id: "thads_central_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_central",
    period: "reorganised",
    outcome: { kind: "agency", role: "TONG_CUC_THADS" },
    cite: `${CITE_THADS}; ${CITE_SUCCESSOR}`,
    confidence: "unverified",
    reason_vi: "Tổng cục Thi hành án dân sự đã được tổ chức lại năm 2025; cơ quan kế thừa giải quyết bồi thường.",
  },
  {
    id: "thads_unknown",
    activity: "civil_enforcement",
    agency_kind: "unknown",
    period: "any",
    outcome: { kind: "so_tu_phap" },
    cite: CITE_SO_TU_PHAP,
    confidence: "confirmed",
    reason_vi:
      "Khi không xác định được cơ quan giải quyết bồi thường, bạn gửi hồ sơ cho Sở Tư pháp; Sở xác định cơ quan và chuyển hồ sơ trong 05 ngày làm việc.",
  },
  {
    id: "administration",
    activity: "administration",
    agency_kind: "*",
    period: "any",
    outcome: {
      kind: "elsewhere",
      where_vi:
        "Cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại (ví dụ: Ủy ban nhân dân, sở, ngành đã ra quyết định).",
    },
    cite: "Luật TNBTCNN 2017, Điều 33",
    confidence: "unverified",
    reason_vi: "Trong quản lý hành chính, cơ quan quản lý người gây thiệt hại giải quyết bồi thường.",
  },
  {
    id: "criminal_procedure",
    activity: "criminal_procedure",
    agency_kind: "*",
    period: "any",
    outcome: {
      kind: "elsewhere",
      where_vi:
        "Cơ quan tiến hành tố tụng đã ra quyết định hoặc có hành vi trái pháp luật (cơ quan điều tra, Viện kiểm sát hoặc Tòa án).",
    },
    cite: "Luật TNBTCNN 2017, Điều 34",
    confidence: "unverified",
    reason_vi: "Trong tố tụng hình sự, cơ quan tiến hành tố tụng liên quan giải quyết bồi thường.",
  },
  {
    id: "civil_procedure",
    activity: "civil_procedure",
    agency_kind: "*",
    period: "any",
    outcome: { kind: "elsewhere", where_vi: "Tòa án đã ra bản án, quyết định trái pháp luật." },
    cite: "Luật TNBTCNN 2017, Điều 35",
    confidence: "unverified",
    reason_vi: "Trong tố tụng dân sự, Tòa án có người gây thiệt hại giải quyết bồi thường.",
  },
  {
    id: "administrative_procedure",
    activity: "administrative_procedure",
    agency_kind: "*",
    period: "any",
    outcome: { kind: "elsewhere", where_vi: "Tòa án đã ra bản án, quyết định trái pháp luật." },
    cite: "Luật TNBTCNN 2017, Điều 35",
    confidence: "unverified",
    reason_vi: "Trong tố tụng hành chính, Tòa án có người gây thiệt hại giải quyết bồi thường.",
  },
  {
    id: "criminal_enforcement",
    activity: "criminal_enforcement",
    agency_kind: "*",
    period: "any",
    outcome: {
      kind: "elsewhere",
      where_vi: "Cơ quan thi hành án hình sự trực tiếp quản lý người gây thiệt hại (ví dụ: trại giam, trại tạm giam).",
    },
    cite: "Luật TNBTCNN 2017, Điều 36",
    confidence: "unverified",
    reason_vi: "Trong thi hành án hình sự, cơ quan quản lý người gây thiệt hại giải quyết bồi thường.",
  },
  {
    id: "activity_unknown",
    activity: "unknown",
    agency_kind: "*",
    period: "any",
    outcome: { kind: "so_tu_phap" },
    cite: CITE_SO_TU_PHAP,
    confidence: "confirmed",
    reason_vi:
      "Bạn chưa xác định được lĩnh vực và cơ quan: gửi hồ sơ cho Sở Tư pháp để Sở xác định cơ quan giải quyết bồi thường.",
  },
];

export type DeterminedAgency = {
  id: string;
  name: string;
  short_name: string | null;
  role: Role;
  /** The agency is the Sở Tư pháp, which will determine the handling agency and forward the file. */
  determined_by_so_tu_phap: boolean;
  /** False when the agency's name, dates or links in the registry are not checked against a legal text. */
  verified: boolean;
  /** The agency in force on the day of the act when it differs (reorganised since). */
  former: { id: string; name: string } | null;
};

export type Determination = {
  row: DeterminationRow;
  /** Null when the outcome is "elsewhere" and no province was given, or the registry has no agency. */
  agency: DeterminedAgency | null;
  /** For "elsewhere": where to go, in words. */
  where_vi: string | null;
  /** Plain-language lines: what was looked up, in order. */
  explanation: string[];
};

export type DeterminationInput = {
  activity: Activity;
  agency_kind?: AgencyKind;
  province?: string;
  act_date: IsoDate;
  filing_date: IsoDate;
};

const inForce = (a: { valid_from: string; valid_to?: string }, d: IsoDate) =>
  a.valid_from <= d && (a.valid_to === undefined || d <= a.valid_to);

/** The province unit of `slug` as it was on `date`: itself, or the unit it became (followed forward). */
function provinceOn(slug: string, date: IsoDate): ProvinceDef | undefined {
  let p = PROVINCES.find((x) => x.slug === slug);
  for (let guard = 0; p && !inForce(p, date) && guard < 5; guard++) {
    if (p.valid_to === undefined || date < p.valid_from) return undefined; // not yet formed on that date
    const cur: string = p.slug;
    p = PROVINCES.find((x) => x.predecessors?.includes(cur));
  }
  return p && inForce(p, date) ? p : undefined;
}

function agencyOfProvince(reg: AgencyRegistry, role: Role, p: ProvinceDef, date: IsoDate): Agency | undefined {
  return reg.agenciesOn(date, role).find((a) => a.province_code === p.code);
}

/** Picks the table row for the answers (period from the registry). Exported for the table test. */
export function rowFor(activity: Activity, agencyKind: AgencyKind | undefined, period: Period): DeterminationRow {
  const rows = DETERMINATION_TABLE.filter(
    (r) => r.activity === activity && (r.agency_kind === "*" || r.agency_kind === agencyKind),
  );
  const row = rows.find((r) => r.period === period) ?? rows.find((r) => r.period === "any");
  if (!row) throw new Error(`Bảng xác định cơ quan thiếu dòng cho ${activity}/${agencyKind ?? "*"}/${period}`);
  return row;
}

function toDetermined(a: Agency, byStp: boolean, former: Agency | undefined): DeterminedAgency {
  return {
    id: a.id,
    name: a.name,
    short_name: a.short_name ?? null,
    role: a.role,
    determined_by_so_tu_phap: byStp,
    verified: a.verified,
    former: former && former.id !== a.id ? { id: former.id, name: former.name } : null,
  };
}

/** The Sở Tư pháp in force on the filing day for the province of the act. */
function soTuPhap(reg: AgencyRegistry, input: DeterminationInput, lines: string[]): DeterminedAgency | null {
  if (!input.province) return null;
  const atAct = provinceOn(input.province, input.act_date);
  const atFiling = provinceOn(input.province, input.filing_date);
  const former = atAct ? agencyOfProvince(reg, "SO_TU_PHAP", atAct, input.act_date) : undefined;
  const now = former
    ? reg.successorsOf(former.id, input.filing_date).find((a) => a.role === "SO_TU_PHAP")
    : atFiling
      ? agencyOfProvince(reg, "SO_TU_PHAP", atFiling, input.filing_date)
      : undefined;
  if (!now) return null;
  lines.push(`Sở Tư pháp của tỉnh, thành phố nơi xảy ra việc (hiện nay: ${now.name}).`);
  if (former && former.id !== now.id)
    lines.push(`${former.name} đã sắp xếp lại; nay là ${now.name} (${CITE_SUCCESSOR}).`);
  return toDetermined(now, true, former);
}

/**
 * Where to file, for answers already validated (interview.ts validateAnswers). `filing_date` is today (Vietnam).
 */
export function determineAgency(input: DeterminationInput, reg: AgencyRegistry = agencyRegistry): Determination {
  const lines: string[] = [];
  const { activity, agency_kind: kind, act_date: actDate, filing_date: filingDate } = input;
  if (activity !== "civil_enforcement" || kind === "unknown" || kind === undefined) {
    const row = rowFor(activity, kind, "any");
    lines.push(row.reason_vi);
    const stp = soTuPhap(reg, input, lines);
    if (row.outcome.kind === "elsewhere") {
      lines.push(
        "Nếu bạn không xác định được cơ quan đó, hãy gửi hồ sơ cho Sở Tư pháp của tỉnh, thành phố: Sở sẽ xác định và chuyển hồ sơ trong 05 ngày làm việc.",
      );
      return { row, agency: stp, where_vi: row.outcome.where_vi, explanation: lines };
    }
    return { row, agency: stp, where_vi: null, explanation: lines };
  }

  const role: Role = kind === "thads_central" ? "TONG_CUC_THADS" : "THADS_TINH";
  let atAct: Agency | undefined;
  if (role === "TONG_CUC_THADS") {
    atAct = reg.agenciesOn(actDate, role)[0];
  } else if (input.province) {
    const p = provinceOn(input.province, actDate);
    if (p) atAct = agencyOfProvince(reg, role, p, actDate);
  }
  let now: Agency | undefined = atAct ? reg.successorsOf(atAct.id, filingDate).find((a) => a.role === role) : undefined;
  if (!now) {
    // The act predates the unit the person chose (a 2025 province for a 2024 act), or the dataset: today's agency.
    if (role === "TONG_CUC_THADS") now = reg.agenciesOn(filingDate, role)[0];
    else if (input.province) {
      const p = provinceOn(input.province, filingDate);
      if (p) now = agencyOfProvince(reg, role, p, filingDate);
    }
  }
  // District offices: the Chi cục ended with the district level (30/6/2025); the Phòng khu vực belongs to the THADS tỉnh.
  const reorganised = kind === "thads_district" ? actDate < FIRST_DAY_34 : atAct === undefined || atAct.id !== now?.id;
  const row = rowFor(activity, kind, reorganised ? "reorganised" : "in_force");
  lines.push(row.reason_vi);
  if (!now) {
    lines.push("Không tìm thấy cơ quan trong danh mục: hãy gửi hồ sơ cho Sở Tư pháp để Sở xác định cơ quan.");
    return {
      row: rowFor(activity, "unknown", "any"),
      agency: soTuPhap(reg, input, lines),
      where_vi: null,
      explanation: lines,
    };
  }
  if (atAct && atAct.id !== now.id) {
    lines.push(
      `Ngày ${formatVi(actDate)} cơ quan là ${atAct.name}; từ ngày ${formatVi(now.valid_from)} cơ quan kế thừa là ${now.name} (${CITE_SUCCESSOR}).`,
    );
  } else if (kind === "thads_district") {
    const p = input.province ? provinceOn(input.province, filingDate) : undefined;
    lines.push(
      actDate < FIRST_DAY_34
        ? `Chi cục Thi hành án dân sự ${p ? `thuộc ${provinceTitle(p)} ` : ""}nay là Phòng Thi hành án dân sự khu vực thuộc ${now.name}.`
        : `Phòng Thi hành án dân sự khu vực thuộc ${now.name}.`,
    );
  }
  return { row, agency: toDetermined(now, false, atAct), where_vi: null, explanation: lines };
}
