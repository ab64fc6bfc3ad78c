// Resolving agency mentions in plan text ("Cục BTNN", "UBND các huyện, thị xã, thành phố", "Thứ trưởng phụ trách"…) to a
// role and, when a date (and a province) is known, to one agency of the registry. Case- and diacritics-insensitive.

import type { IsoDate } from "../shared/dates.ts";
import { PROVINCES, type ProvinceDef } from "./provinces.ts";
import { type AgencyRegistry, agencyRegistry } from "./registry.ts";
import type { Role } from "./roles.ts";

interface Normalized {
  text: string;
  /** For each character of `text`, the index of the original character it came from. */
  origin: number[];
}

function normalizeWithMap(s: string): Normalized {
  let text = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of s) {
    let base = ch.normalize("NFD").replace(/\p{M}/gu, "");
    base = base.replace(/[đĐ]/g, "d").toLowerCase();
    for (const c of base) {
      const keep = /[a-z0-9]/.test(c) ? c : " ";
      if (keep === " " && (text.length === 0 || text.endsWith(" "))) continue;
      text += keep;
      origin.push(i);
    }
    i += ch.length;
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

/**
 * Vietnamese search key: NFD, combining marks stripped, đ→d, lower case, punctuation → space, spaces collapsed.
 * "Thanh Hóa" and "THANH HOA" both give "thanh hoa"; "Bà Rịa - Vũng Tàu" gives "ba ria vung tau".
 */
export function normalizeVi(s: string): string {
  return normalizeWithMap(s).text;
}

type Level = "central" | "province" | "district" | "commune";

interface MentionPattern {
  /** Regular expression over normalized text (lower-case ASCII words separated by single spaces). */
  re: string;
  role: Role;
  confidence: number;
  /** Administrative level the wording designates, used to pick an agency; absent = not specific enough. */
  level?: Level;
  /** Other roles the wording may designate (e.g. "cơ quan THADS địa phương": provincial or district office). */
  alternatives?: Role[];
}

const UB = "(?:uy ban nhan dan|ubnd)";
const THA = "(?:thi hanh an dan su|thads)";
const TP_TW = "(?:ha noi|ho chi minh|hai phong|da nang|can tho|hue)";
const SO_NAMES =
  "(?:noi vu|ke hoach va dau tu|nong nghiep(?: va phat trien nong thon| va moi truong)?|tai nguyen va moi truong|xay dung|giao thong van tai|cong thuong|y te|giao duc va dao tao|van hoa the thao va du lich|lao dong thuong binh va xa hoi|khoa hoc va cong nghe|thong tin va truyen thong|ngoai vu|dan toc(?: va ton giao)?)";

// Order does not matter: the earliest, then longest, match wins.
const PATTERNS: MentionPattern[] = [
  // Ministry level
  { re: "bo tu phap", role: "BO_TU_PHAP", confidence: 1, level: "central" },
  { re: "btp", role: "BO_TU_PHAP", confidence: 0.8, level: "central" },
  { re: "bo tu phap cuc boi thuong nha nuoc", role: "CUC_BTNN", confidence: 0.95, level: "central" },
  { re: "cuc boi thuong nha nuoc", role: "CUC_BTNN", confidence: 1, level: "central" },
  { re: "cuc btnn", role: "CUC_BTNN", confidence: 0.95, level: "central" },
  { re: "btnn", role: "CUC_BTNN", confidence: 0.6, level: "central" },
  { re: "tong cuc thi hanh an dan su", role: "TONG_CUC_THADS", confidence: 1, level: "central" },
  { re: "tong cuc thads", role: "TONG_CUC_THADS", confidence: 0.95, level: "central" },
  { re: "tcthads", role: "TONG_CUC_THADS", confidence: 0.8, level: "central" },
  { re: `cuc quan ly ${THA}`, role: "TONG_CUC_THADS", confidence: 1, level: "central" },
  { re: "cuc ql thads", role: "TONG_CUC_THADS", confidence: 0.9, level: "central" },
  { re: "lanh dao bo(?: tu phap)?", role: "LANH_DAO_BO", confidence: 1, level: "central" },
  { re: "thu truong phu trach", role: "LANH_DAO_BO", confidence: 1, level: "central" },
  { re: "(?:bo truong|thu truong)(?: bo tu phap)?", role: "LANH_DAO_BO", confidence: 0.85, level: "central" },
  // Enforcement bodies
  { re: `cuc ${THA}`, role: "THADS_TINH", confidence: 0.9, level: "province" },
  { re: `cuc ${THA} (?:cap )?(?:tinh|thanh pho)`, role: "THADS_TINH", confidence: 1, level: "province" },
  { re: `(?:co quan )?${THA} (?:cap )?(?:tinh|thanh pho)`, role: "THADS_TINH", confidence: 0.9, level: "province" },
  {
    re: `co quan ${THA}(?: o)? dia phuong`,
    role: "THADS_TINH",
    confidence: 0.5,
    alternatives: ["THADS_HUYEN"],
  },
  {
    re: `co quan ${THA}(?: cac cap)?`,
    role: "THADS_TINH",
    confidence: 0.4,
    alternatives: ["THADS_HUYEN", "TONG_CUC_THADS"],
  },
  { re: "cqthads", role: "THADS_TINH", confidence: 0.4, alternatives: ["THADS_HUYEN", "TONG_CUC_THADS"] },
  { re: `(?:cac )?chi cuc ${THA}`, role: "THADS_HUYEN", confidence: 1, level: "district" },
  { re: `phong ${THA} khu vuc`, role: "THADS_HUYEN", confidence: 1, level: "district" },
  // Province
  { re: `${UB} (?:cap )?tinh`, role: "UBND_TINH", confidence: 1, level: "province" },
  { re: `${UB} thanh pho ${TP_TW}`, role: "UBND_TINH", confidence: 1, level: "province" },
  { re: "so tu phap", role: "SO_TU_PHAP", confidence: 1, level: "province" },
  { re: "stp", role: "SO_TU_PHAP", confidence: 0.7, level: "province" },
  { re: "(?:cac )?so ban nganh(?: cap tinh| tinh)?", role: "SO_NGANH", confidence: 1 },
  { re: "(?:cac )?so nganh(?: cap tinh| tinh)?", role: "SO_NGANH", confidence: 0.9 },
  { re: `so ${SO_NAMES}`, role: "SO_NGANH", confidence: 0.95 },
  { re: `(?:cac )?co quan chuyen mon thuoc ${UB} (?:cap )?tinh`, role: "SO_NGANH", confidence: 0.9 },
  // District and commune
  { re: `${UB} (?:cap huyen|huyen|quan|thi xa)`, role: "UBND_HUYEN", confidence: 1, level: "district" },
  { re: `${UB} cac (?:huyen|quan)(?: thi xa)?(?: thanh pho)?`, role: "UBND_HUYEN", confidence: 1 },
  { re: `${UB} thanh pho`, role: "UBND_HUYEN", confidence: 0.6, level: "district", alternatives: ["UBND_TINH"] },
  { re: "phong tu phap", role: "UBND_HUYEN", confidence: 0.7, level: "district" },
  { re: `${UB} (?:cap xa|xa|phuong|thi tran|dac khu)`, role: "UBND_XA", confidence: 1, level: "commune" },
  { re: `${UB} cac xa(?: phuong)?(?: thi tran)?`, role: "UBND_XA", confidence: 1 },
  // Courts, procuracies, finance
  { re: "toa an nhan dan (?:cap )?(?:tinh|thanh pho)", role: "TOA_AN", confidence: 1, level: "province" },
  { re: "toa an nhan dan toi cao|tandtc", role: "TOA_AN", confidence: 1, level: "central" },
  { re: "toa an(?: nhan dan)?", role: "TOA_AN", confidence: 0.8 },
  { re: "tand(?: (?:cap )?tinh)?", role: "TOA_AN", confidence: 0.85 },
  { re: "vien kiem sat nhan dan (?:cap )?(?:tinh|thanh pho)", role: "VKS", confidence: 1, level: "province" },
  { re: "vien kiem sat nhan dan toi cao|vksndtc", role: "VKS", confidence: 1, level: "central" },
  { re: "vien kiem sat(?: nhan dan)?", role: "VKS", confidence: 0.8 },
  { re: "vksnd(?: (?:cap )?tinh)?|vks", role: "VKS", confidence: 0.85 },
  { re: "co quan tai chinh", role: "CO_QUAN_TAI_CHINH", confidence: 1 },
  { re: "so tai chinh", role: "CO_QUAN_TAI_CHINH", confidence: 1, level: "province" },
  { re: "bo tai chinh", role: "CO_QUAN_TAI_CHINH", confidence: 1, level: "central" },
  { re: "phong tai chinh(?: ke hoach)?", role: "CO_QUAN_TAI_CHINH", confidence: 0.9, level: "district" },
  // Party
  { re: "nguoi bi thiet hai|nguoi yeu cau boi thuong", role: "NGUOI_BI_THIET_HAI", confidence: 1 },
];

const COMPILED = PATTERNS.map((p) => ({ ...p, regex: new RegExp(`(?<![a-z0-9])(?:${p.re})(?![a-z0-9])`, "g") }));

export interface AgencyMention {
  role: Role;
  /** 0–1: 1 = full official wording, lower for abbreviations and generic wording. */
  confidence: number;
  /** The mention as written in the original text. */
  matched: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
  alternatives?: Role[];
  level?: Level;
}

/** All non-overlapping agency mentions in `text`, in order (earliest first; at the same start, the longest). */
export function findAgencyMentions(text: string): AgencyMention[] {
  const norm = normalizeWithMap(text);
  const hits: Array<{ s: number; e: number; p: (typeof COMPILED)[number] }> = [];
  for (const p of COMPILED) {
    p.regex.lastIndex = 0;
    for (let m = p.regex.exec(norm.text); m !== null; m = p.regex.exec(norm.text)) {
      hits.push({ s: m.index, e: m.index + m[0].length, p });
      if (m[0].length === 0) p.regex.lastIndex++;
    }
  }
  hits.sort((a, b) => a.s - b.s || b.e - a.e || b.p.confidence - a.p.confidence);
  const out: AgencyMention[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.s < lastEnd) continue;
    lastEnd = h.e;
    const start = norm.origin[h.s];
    const endIdx = norm.origin[h.e - 1];
    const end = endIdx + (text.codePointAt(endIdx)! > 0xffff ? 2 : 1);
    out.push({
      role: h.p.role,
      confidence: h.p.confidence,
      matched: text.slice(start, end),
      start,
      end,
      alternatives: h.p.alternatives,
      level: h.p.level,
    });
  }
  return out;
}

export interface ResolveContext {
  /** Date the text speaks of (e.g. the plan's date); needed to name one agency. */
  date?: IsoDate;
  /** Province of the issuing body when the text says only "tỉnh" (e.g. "38" for the Thanh Hóa plan). */
  province_code?: string;
  registry?: AgencyRegistry;
}

export interface ResolvedMention {
  role: Role;
  confidence: number;
  matched: string;
  alternatives?: Role[];
  /** The one agency meant, when the date (and province) make it unique. */
  agency_id?: string;
}

const PROVINCE_NAMES: Array<{ key: string; defs: ProvinceDef[]; re: RegExp }> = (() => {
  const map = new Map<string, ProvinceDef[]>();
  for (const p of PROVINCES) {
    const key = normalizeVi(p.name);
    map.set(key, [...(map.get(key) ?? []), p]);
  }
  return [...map.entries()]
    .map(([key, defs]) => ({ key, defs, re: new RegExp(`(?<![a-z0-9])${key}(?![a-z0-9])`) }))
    .sort((a, b) => b.key.length - a.key.length);
})();

/** Code of the province a text names (e.g. a plan's header "UBND TỈNH THANH HÓA"), as in force on `date`. */
export function provinceCodeIn(text: string, date: IsoDate): string | undefined {
  return provinceCodeInText(normalizeVi(text), date);
}

function provinceCodeInText(normText: string, date: IsoDate): string | undefined {
  for (const { defs, re } of PROVINCE_NAMES) {
    if (re.test(normText)) {
      const def = defs.find((d) => d.valid_from <= date && (d.valid_to === undefined || date <= d.valid_to));
      if (def) return def.code;
    }
  }
  return undefined;
}

/**
 * Resolves the first agency mention in `text` to a role (and an agency when `context` makes it unique), or null when the
 * text names no agency role.
 */
export function resolveAgencyMention(text: string, context: ResolveContext = {}): ResolvedMention | null {
  const first = findAgencyMentions(text)[0];
  if (!first) return null;
  const result: ResolvedMention = { role: first.role, confidence: first.confidence, matched: first.matched };
  if (first.alternatives) result.alternatives = first.alternatives;
  const { date } = context;
  if (date === undefined || first.level === undefined) return result;
  const registry = context.registry ?? agencyRegistry;
  let candidates = registry.agenciesOn(date, first.role);
  if (first.level === "central") {
    candidates = candidates.filter((a) => a.province_code === undefined);
  } else if (first.level === "province") {
    const code = provinceCodeInText(normalizeVi(text.slice(first.start)), date) ?? context.province_code;
    if (code === undefined) return result;
    candidates = candidates.filter(
      (a) =>
        a.province_code === code &&
        (a.parent_id === undefined || registry.getAgency(a.parent_id)?.role !== "UBND_HUYEN"),
    );
  } else {
    return result; // district/commune: the text rarely names which one
  }
  if (candidates.length === 1) result.agency_id = candidates[0].id;
  return result;
}
