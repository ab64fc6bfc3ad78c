// Provincial-level units (đơn vị hành chính cấp tỉnh) as DATED data: the 63 before 01/7/2025 and the 34 after.
//
// Sources:
// - Codes of the 63 provinces: danh mục mã đơn vị hành chính, Quyết định 124/2004/QĐ-TTg.
// - Merger of 52 provinces into 23 and the 11 unchanged units: Nghị quyết 202/2025/QH15 ngày 12/6/2025 về sắp xếp đơn vị
//   hành chính cấp tỉnh (hiệu lực 12/6/2025; chính quyền địa phương của tỉnh mới hoạt động từ 01/7/2025). Composition
//   cross-checked against the list attached to Nghị quyết 60-NQ/TW ngày 12/4/2025 as reproduced by the press
//   (bnews.vn, en.qdnd.vn, nghean24h.vn, 6/2025); the text of NQ 202/2025/QH15 itself was not read → composition rows
//   carry `verified: true` only because several independent reproductions agree.
// - Codes of the 23 merged units: the code of the province holding the political-administrative centre, per Quyết định
//   19/2025/QĐ-TTg as remembered — NOT checked → `code_verified: false`.
// - Thừa Thiên Huế → thành phố Huế trực thuộc trung ương from 01/01/2025 (Nghị quyết 1314/NQ-UBTVQH15) — from memory,
//   `verified: false`.

import type { IsoDate } from "../shared/dates.ts";

/** First date the dataset asserts anything: Luật TNBTCNN 2009 took effect on 01/01/2010. Agencies may be older. */
export const DATASET_EPOCH: IsoDate = "2010-01-01";
/** Last day of the 63-province structure (and of district-level government). */
export const LAST_DAY_63: IsoDate = "2025-06-30";
/** First day of local government in the 34 provincial units. */
export const FIRST_DAY_34: IsoDate = "2025-07-01";

export interface ProvinceDef {
  /** Stable slug used in agency ids (ubnd-<slug>, stp-<slug>…). */
  slug: string;
  /** Proper name without the "tỉnh"/"thành phố" prefix. */
  name: string;
  kind: "tinh" | "thanh_pho";
  /** Official 2-digit administrative code. Not unique over time (a merged unit reuses a predecessor's code). */
  code: string;
  valid_from: IsoDate;
  valid_to?: IsoDate;
  /** Slugs of the provinces this unit was formed from (merger or rename). */
  predecessors?: string[];
  verified: boolean;
  code_verified: boolean;
  source: string;
}

const SRC_63 = "Danh mục mã đơn vị hành chính (QĐ 124/2004/QĐ-TTg); 63 tỉnh đến hết 30/6/2025";
const SRC_202 =
  "Nghị quyết 202/2025/QH15 ngày 12/6/2025 (hiệu lực 12/6/2025; chính quyền địa phương hoạt động từ 01/7/2025)";

type Old = [slug: string, name: string, code: string, kind?: "thanh_pho"];

// The 63 provincial units before the 2025 merger (Thừa Thiên Huế listed with its 2025 rename below).
const OLD_63: Old[] = [
  ["ha-noi", "Hà Nội", "01", "thanh_pho"],
  ["ha-giang", "Hà Giang", "02"],
  ["cao-bang", "Cao Bằng", "04"],
  ["bac-kan", "Bắc Kạn", "06"],
  ["tuyen-quang", "Tuyên Quang", "08"],
  ["lao-cai", "Lào Cai", "10"],
  ["dien-bien", "Điện Biên", "11"],
  ["lai-chau", "Lai Châu", "12"],
  ["son-la", "Sơn La", "14"],
  ["yen-bai", "Yên Bái", "15"],
  ["hoa-binh", "Hòa Bình", "17"],
  ["thai-nguyen", "Thái Nguyên", "19"],
  ["lang-son", "Lạng Sơn", "20"],
  ["quang-ninh", "Quảng Ninh", "22"],
  ["bac-giang", "Bắc Giang", "24"],
  ["phu-tho", "Phú Thọ", "25"],
  ["vinh-phuc", "Vĩnh Phúc", "26"],
  ["bac-ninh", "Bắc Ninh", "27"],
  ["hai-duong", "Hải Dương", "30"],
  ["hai-phong", "Hải Phòng", "31", "thanh_pho"],
  ["hung-yen", "Hưng Yên", "33"],
  ["thai-binh", "Thái Bình", "34"],
  ["ha-nam", "Hà Nam", "35"],
  ["nam-dinh", "Nam Định", "36"],
  ["ninh-binh", "Ninh Bình", "37"],
  ["thanh-hoa", "Thanh Hóa", "38"],
  ["nghe-an", "Nghệ An", "40"],
  ["ha-tinh", "Hà Tĩnh", "42"],
  ["quang-binh", "Quảng Bình", "44"],
  ["quang-tri", "Quảng Trị", "45"],
  ["thua-thien-hue", "Thừa Thiên Huế", "46"],
  ["da-nang", "Đà Nẵng", "48", "thanh_pho"],
  ["quang-nam", "Quảng Nam", "49"],
  ["quang-ngai", "Quảng Ngãi", "51"],
  ["binh-dinh", "Bình Định", "52"],
  ["phu-yen", "Phú Yên", "54"],
  ["khanh-hoa", "Khánh Hòa", "56"],
  ["ninh-thuan", "Ninh Thuận", "58"],
  ["binh-thuan", "Bình Thuận", "60"],
  ["kon-tum", "Kon Tum", "62"],
  ["gia-lai", "Gia Lai", "64"],
  ["dak-lak", "Đắk Lắk", "66"],
  ["dak-nong", "Đắk Nông", "67"],
  ["lam-dong", "Lâm Đồng", "68"],
  ["binh-phuoc", "Bình Phước", "70"],
  ["tay-ninh", "Tây Ninh", "72"],
  ["binh-duong", "Bình Dương", "74"],
  ["dong-nai", "Đồng Nai", "75"],
  ["ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", "77"],
  ["ho-chi-minh", "Hồ Chí Minh", "79", "thanh_pho"],
  ["long-an", "Long An", "80"],
  ["tien-giang", "Tiền Giang", "82"],
  ["ben-tre", "Bến Tre", "83"],
  ["tra-vinh", "Trà Vinh", "84"],
  ["vinh-long", "Vĩnh Long", "86"],
  ["dong-thap", "Đồng Tháp", "87"],
  ["an-giang", "An Giang", "89"],
  ["kien-giang", "Kiên Giang", "91"],
  ["can-tho", "Cần Thơ", "92", "thanh_pho"],
  ["hau-giang", "Hậu Giang", "93"],
  ["soc-trang", "Sóc Trăng", "94"],
  ["bac-lieu", "Bạc Liêu", "95"],
  ["ca-mau", "Cà Mau", "96"],
];

/** The 11 units not merged in 2025 (NQ 202/2025/QH15). Huế is the 2025 slug of the former Thừa Thiên Huế. */
export const UNCHANGED_2025 = [
  "ha-noi",
  "hue",
  "lai-chau",
  "dien-bien",
  "son-la",
  "lang-son",
  "quang-ninh",
  "thanh-hoa",
  "nghe-an",
  "ha-tinh",
  "cao-bang",
] as const;

type Merged = [slug: string, name: string, code: string, predecessors: string[], kind?: "thanh_pho"];

// The 23 merged units from 01/7/2025, with their predecessors. The name kept is that of one predecessor; the code is that
// of the province holding the administrative centre (unverified).
const MERGED_23: Merged[] = [
  ["tuyen-quang-2025", "Tuyên Quang", "08", ["ha-giang", "tuyen-quang"]],
  ["lao-cai-2025", "Lào Cai", "15", ["lao-cai", "yen-bai"]],
  ["thai-nguyen-2025", "Thái Nguyên", "19", ["bac-kan", "thai-nguyen"]],
  ["phu-tho-2025", "Phú Thọ", "25", ["vinh-phuc", "phu-tho", "hoa-binh"]],
  ["bac-ninh-2025", "Bắc Ninh", "24", ["bac-giang", "bac-ninh"]],
  ["hung-yen-2025", "Hưng Yên", "33", ["thai-binh", "hung-yen"]],
  ["hai-phong-2025", "Hải Phòng", "31", ["hai-duong", "hai-phong"], "thanh_pho"],
  ["ninh-binh-2025", "Ninh Bình", "37", ["ha-nam", "ninh-binh", "nam-dinh"]],
  ["quang-tri-2025", "Quảng Trị", "44", ["quang-binh", "quang-tri"]],
  ["da-nang-2025", "Đà Nẵng", "48", ["quang-nam", "da-nang"], "thanh_pho"],
  ["quang-ngai-2025", "Quảng Ngãi", "51", ["kon-tum", "quang-ngai"]],
  ["gia-lai-2025", "Gia Lai", "52", ["gia-lai", "binh-dinh"]],
  ["khanh-hoa-2025", "Khánh Hòa", "56", ["ninh-thuan", "khanh-hoa"]],
  ["lam-dong-2025", "Lâm Đồng", "68", ["lam-dong", "dak-nong", "binh-thuan"]],
  ["dak-lak-2025", "Đắk Lắk", "66", ["dak-lak", "phu-yen"]],
  ["ho-chi-minh-2025", "Hồ Chí Minh", "79", ["ba-ria-vung-tau", "binh-duong", "ho-chi-minh"], "thanh_pho"],
  ["dong-nai-2025", "Đồng Nai", "75", ["binh-phuoc", "dong-nai"]],
  ["tay-ninh-2025", "Tây Ninh", "80", ["long-an", "tay-ninh"]],
  ["can-tho-2025", "Cần Thơ", "92", ["soc-trang", "hau-giang", "can-tho"], "thanh_pho"],
  ["vinh-long-2025", "Vĩnh Long", "86", ["ben-tre", "vinh-long", "tra-vinh"]],
  ["dong-thap-2025", "Đồng Tháp", "82", ["tien-giang", "dong-thap"]],
  ["ca-mau-2025", "Cà Mau", "96", ["bac-lieu", "ca-mau"]],
  ["an-giang-2025", "An Giang", "91", ["kien-giang", "an-giang"]],
];

function buildProvinces(): ProvinceDef[] {
  const mergedAway = new Set(MERGED_23.flatMap((m) => m[3]));
  const out: ProvinceDef[] = [];
  for (const [slug, name, code, kind] of OLD_63) {
    const isHue = slug === "thua-thien-hue";
    out.push({
      slug,
      name,
      kind: kind ?? "tinh",
      code,
      valid_from: DATASET_EPOCH,
      valid_to: isHue ? "2024-12-31" : mergedAway.has(slug) ? LAST_DAY_63 : undefined,
      verified: !isHue,
      code_verified: true,
      source: isHue
        ? `${SRC_63}; trở thành thành phố Huế từ 01/01/2025 (NQ 1314/NQ-UBTVQH15 — chưa đối chiếu)`
        : SRC_63,
    });
  }
  out.push({
    slug: "hue",
    name: "Huế",
    kind: "thanh_pho",
    code: "46",
    valid_from: "2025-01-01",
    predecessors: ["thua-thien-hue"],
    verified: false,
    code_verified: true,
    source:
      "Thành phố Huế trực thuộc trung ương từ 01/01/2025 (NQ 1314/NQ-UBTVQH15 — chưa đối chiếu); giữ nguyên theo NQ 202/2025/QH15",
  });
  for (const [slug, name, code, predecessors, kind] of MERGED_23) {
    out.push({
      slug,
      name,
      kind: kind ?? "tinh",
      code,
      valid_from: FIRST_DAY_34,
      predecessors,
      verified: true,
      code_verified: false,
      source: SRC_202,
    });
  }
  return out;
}

export const PROVINCES: readonly ProvinceDef[] = buildProvinces();

/** "tỉnh Thanh Hóa" / "thành phố Hà Nội". */
export function provinceTitle(p: Pick<ProvinceDef, "kind" | "name">): string {
  return `${p.kind === "thanh_pho" ? "thành phố" : "tỉnh"} ${p.name}`;
}
