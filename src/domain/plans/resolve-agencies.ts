// The agencies a plan names → agencies of the dated registry in force on the plan's date, in the plan's province:
// "Sở Tư pháp" in a Thanh Hóa plan → stp-thanh-hoa; "UBND các huyện, thị xã, thành phố" → every district of the
// province (none after the 2025 reorganisation, which is then a warning); "các sở, ban, ngành" → every department.
// Each reference gets a confidence (0–1): the wording's (abbreviations and generic wording score lower), lowered when
// the registry cannot name the agency; 0 for wording that names no known agency (kept as text, already a warning).

import { FIRST_DAY_34 } from "../agencies/provinces.ts";
import { type AgencyRegistry, agencyRegistry } from "../agencies/registry.ts";
import { findAgencyMentions, normalizeVi, provinceCodeIn } from "../agencies/resolve.ts";
import { ROLE_INFO, type Role } from "../agencies/roles.ts";
import type { Agency } from "../agencies/types.ts";
import type { IsoDate } from "../shared/dates.ts";
import type { AgencyRef, Plan } from "./types.ts";

/** Roles a plural wording ("các sở, ban, ngành", "UBND các huyện", "UBND cấp huyện") designates all of. */
const GROUP_ROLES: ReadonlySet<Role> = new Set(["SO_NGANH", "UBND_HUYEN", "UBND_XA", "THADS_HUYEN"]);
const PLURAL_RE = /(?:^| )(?:cac|cap huyen|cap xa|cap tinh)(?: |$)/;
/** Words that situate an agency but are not part of its registry name. */
const PLACE_WORDS_RE = / (?:cap )?(?:tinh|thanh pho|tp)(?: .*)?$/;

function agencyDate(plan: Plan): IsoDate | null {
  if (plan.date) return plan.date;
  return plan.year ? (`${plan.year}-01-01` as IsoDate) : null;
}

function candidates(
  ref: AgencyRef,
  role: Role,
  level: string | undefined,
  date: IsoDate,
  province: string | undefined,
  registry: AgencyRegistry,
): Agency[] {
  const all = registry.agenciesOn(date, role);
  if (level === "central" || ROLE_INFO[role].level === "central") return all.filter((a) => !a.province_code);
  const code = provinceCodeIn(ref.text, date) ?? province;
  if (!code) return [];
  const inProvince = all.filter((a) => a.province_code === code);
  if (ROLE_INFO[role].level === "province" || level === "province") {
    return inProvince.filter((a) => !a.parent_id || registry.getAgency(a.parent_id)?.role !== "UBND_HUYEN");
  }
  return inProvince;
}

function resolveRef(
  ref: AgencyRef,
  date: IsoDate,
  province: string | undefined,
  registry: AgencyRegistry,
): { plural: boolean; empty: boolean } {
  if (ref.role === null) {
    ref.confidence = 0;
    return { plural: false, empty: false };
  }
  const mention = findAgencyMentions(ref.text)[0];
  const norm = normalizeVi(ref.text);
  const plural = GROUP_ROLES.has(ref.role) && PLURAL_RE.test(norm);
  let found = candidates(ref, ref.role, mention?.level, date, province, registry);
  if (!plural && found.length > 1) {
    // "Sở Nội vụ", "UBND huyện Quảng Xương": the registry name starts with the wording.
    const core = norm.replace(PLACE_WORDS_RE, "");
    const named = found.filter((a) => normalizeVi(a.name).startsWith(core));
    found = named;
  }
  let confidence = mention?.confidence ?? 0.5;
  if (plural) {
    if (found.length > 0) ref.agency_ids = found.map((a) => a.id);
  } else if (found.length === 1) ref.agency_ids = [found[0].id];
  else confidence *= 0.6;
  ref.confidence = Math.round(confidence * 100) / 100;
  return { plural, empty: plural && found.length === 0 };
}

/** Sets `agency_ids` and `confidence` on every agency reference of the plan's tasks; warns on empty expansions. */
export function resolvePlanAgencies(plan: Plan, registry: AgencyRegistry = agencyRegistry): void {
  const date = agencyDate(plan);
  if (!date) return;
  const province = provinceCodeIn([...plan.header, ...plan.issuers.map((i) => i.text), plan.title].join(" "), date);
  for (const task of plan.tasks) {
    const refs = [...task.lead, ...task.coordinators, ...task.executors.flatMap((g) => g.agencies)];
    const warned = new Set<string>();
    for (const ref of refs) {
      const r = resolveRef(ref, date, province, registry);
      if (r.empty && !warned.has(ref.text)) {
        warned.add(ref.text);
        const gone = date >= FIRST_DAY_34 && (ref.role === "UBND_HUYEN" || ref.role === "THADS_HUYEN");
        plan.warnings.push({
          code: "unresolved_agency",
          line: task.lines[0],
          message: gone
            ? `"${ref.text}" (mục ${task.number}): từ 01/7/2025 không còn cấp huyện — cần chọn cơ quan thay thế (UBND cấp xã hoặc cơ quan cấp tỉnh)`
            : `"${ref.text}" (mục ${task.number}): không tìm thấy cơ quan nào trong danh mục tại ngày ${date}`,
          text: ref.text,
        });
      }
    }
  }
}
