// Seed dataset of the real agency structure relevant to State-compensation work, before and after the 2025
// reorganisation. Rows with `verified: false` hold names or dates that were not checked against a legal text.
// Rules never read names from here: they speak of roles (roles.ts).

import { DATASET_EPOCH, FIRST_DAY_34, LAST_DAY_63, PROVINCES, type ProvinceDef, provinceTitle } from "./provinces.ts";
import type { Agency } from "./types.ts";

const SRC_KH2021 = "KH 2021 phối hợp Cục BTNN – Tổng cục THADS (seed 000)";
const SRC_KHTH = "KH Thanh Hóa 2024 (seed 001)";
const EPOCH_NOTE = "Có từ trước mốc đầu của bộ dữ liệu (01/01/2010).";

/** Reorganisation of the central THADS body: Nghị định 39/2025/NĐ-CP on the Ministry's structure (in force 01/3/2025). */
const THADS_CENTRAL_SWITCH = "2025-03-01";
/** Reorganisation of Sở: Sở Kế hoạch và Đầu tư merged into Sở Tài chính, Sở NN&PTNT + Sở TN&MT → Sở NN&MT. */
const SO_2025_SWITCH = "2025-03-01";

const CENTRAL: Agency[] = [
  {
    id: "bo-tu-phap",
    name: "Bộ Tư pháp",
    short_name: "BTP",
    role: "BO_TU_PHAP",
    valid_from: DATASET_EPOCH,
    source: SRC_KH2021,
    verified: true,
    note: EPOCH_NOTE,
  },
  {
    id: "lanh-dao-bo-tu-phap",
    name: "Lãnh đạo Bộ Tư pháp (Bộ trưởng, Thứ trưởng phụ trách)",
    short_name: "Lãnh đạo Bộ",
    role: "LANH_DAO_BO",
    parent_id: "bo-tu-phap",
    valid_from: DATASET_EPOCH,
    source: `${SRC_KH2021}, mục III.2`,
    verified: true,
    note: EPOCH_NOTE,
  },
  {
    id: "cuc-btnn",
    name: "Cục Bồi thường nhà nước",
    short_name: "Cục BTNN",
    role: "CUC_BTNN",
    parent_id: "bo-tu-phap",
    valid_from: "2011-05-23",
    source:
      "Thành lập theo Quyết định 767/QĐ-TTg ngày 23/5 (năm 2011 — chưa đối chiếu); chức năng theo Quyết định 638/QĐ-BTP ngày 06/4/2018 (KH 2021)",
    verified: false,
    note: "Tên gọi sau sắp xếp bộ máy năm 2025 chưa đối chiếu (GLOSSARY: tên có thể thay đổi).",
  },
  {
    id: "tong-cuc-thads",
    name: "Tổng cục Thi hành án dân sự",
    short_name: "Tổng cục THADS",
    role: "TONG_CUC_THADS",
    parent_id: "bo-tu-phap",
    valid_from: DATASET_EPOCH,
    valid_to: "2025-02-28",
    successor_ids: ["cuc-ql-thads"],
    source: `${SRC_KH2021}; chức năng theo Quyết định 61/2014/QĐ-TTg`,
    verified: false,
    note: "Ngày kết thúc chưa đối chiếu: theo Nghị định 39/2025/NĐ-CP (hiệu lực 01/3/2025); nhưng Công văn 3769/BTP-TCTHADS ngày 25/6/2025 vẫn mang ký hiệu TCTHADS.",
  },
  {
    id: "cuc-ql-thads",
    name: "Cục Quản lý thi hành án dân sự",
    short_name: "Cục Quản lý THADS",
    role: "TONG_CUC_THADS",
    parent_id: "bo-tu-phap",
    valid_from: THADS_CENTRAL_SWITCH,
    source:
      "Nghị định 39/2025/NĐ-CP (hiệu lực 01/3/2025 — chưa đối chiếu); Quyết định 1898/QĐ-BTP ngày 25/6/2025 quy định chức năng, nhiệm vụ",
    verified: false,
  },
  {
    id: "tand-toi-cao",
    name: "Tòa án nhân dân tối cao",
    short_name: "TANDTC",
    role: "TOA_AN",
    valid_from: DATASET_EPOCH,
    source: "Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm d (pháp điển)",
    verified: true,
    note: EPOCH_NOTE,
  },
  {
    id: "vksnd-toi-cao",
    name: "Viện kiểm sát nhân dân tối cao",
    short_name: "VKSNDTC",
    role: "VKS",
    valid_from: DATASET_EPOCH,
    source: "Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm e (pháp điển)",
    verified: true,
    note: EPOCH_NOTE,
  },
  {
    id: "bo-tai-chinh",
    name: "Bộ Tài chính",
    short_name: "BTC",
    role: "CO_QUAN_TAI_CHINH",
    valid_from: DATASET_EPOCH,
    source: "Luật TNBTCNN 2017 (cơ quan tài chính cấp kinh phí bồi thường)",
    verified: true,
    note: EPOCH_NOTE,
  },
];

/** Per-province agency kinds. */
type Kind = "ubnd" | "stp" | "stc" | "tand" | "vksnd";

const KIND_ROLE = {
  ubnd: "UBND_TINH",
  stp: "SO_TU_PHAP",
  stc: "CO_QUAN_TAI_CHINH",
  tand: "TOA_AN",
  vksnd: "VKS",
} as const;

function kindName(kind: Kind, p: ProvinceDef): { name: string; short: string } {
  const t = provinceTitle(p);
  switch (kind) {
    case "ubnd":
      return { name: `Ủy ban nhân dân ${t}`, short: `UBND ${t}` };
    case "stp":
      return { name: `Sở Tư pháp ${t}`, short: `STP ${p.name}` };
    case "stc":
      return { name: `Sở Tài chính ${t}`, short: `STC ${p.name}` };
    case "tand":
      return { name: `Tòa án nhân dân ${t}`, short: `TAND ${t}` };
    case "vksnd":
      return { name: `Viện kiểm sát nhân dân ${t}`, short: `VKSND ${t}` };
  }
}

function kindParent(kind: Kind, p: ProvinceDef): string | undefined {
  if (kind === "ubnd") return undefined;
  if (kind === "tand") return "tand-toi-cao";
  if (kind === "vksnd") return "vksnd-toi-cao";
  return `ubnd-${p.slug}`;
}

function provinceRows(provinces: readonly ProvinceDef[]): Agency[] {
  // successor provinces of each province slug (merger or rename)
  const successorsOf = new Map<string, string[]>();
  for (const p of provinces) {
    for (const pred of p.predecessors ?? []) {
      const list = successorsOf.get(pred) ?? [];
      list.push(p.slug);
      successorsOf.set(pred, list);
    }
  }
  const rows: Agency[] = [];
  for (const p of provinces) {
    const next = successorsOf.get(p.slug) ?? [];
    const note = p.code_verified
      ? undefined
      : "Mã tỉnh theo trung tâm hành chính (QĐ 19/2025/QĐ-TTg) — chưa đối chiếu.";
    for (const kind of ["ubnd", "stp", "stc", "tand", "vksnd"] as const) {
      const { name, short } = kindName(kind, p);
      rows.push({
        id: `${kind}-${p.slug}`,
        name,
        short_name: short,
        role: KIND_ROLE[kind],
        parent_id: kindParent(kind, p),
        province_code: p.code,
        valid_from: p.valid_from,
        valid_to: p.valid_to,
        successor_ids: p.valid_to ? next.map((s) => `${kind}-${s}`) : undefined,
        source: p.source,
        verified: p.verified && p.code_verified,
        note: p.valid_from === DATASET_EPOCH ? (note ? `${EPOCH_NOTE} ${note}` : EPOCH_NOTE) : note,
      });
    }
    // Enforcement: Cục THADS tỉnh until 30/6/2025, then "Thi hành án dân sự tỉnh" (34 units, 355 Phòng THADS khu vực).
    const t = provinceTitle(p);
    const oldEnd = p.valid_to ?? LAST_DAY_63;
    if (p.valid_from <= LAST_DAY_63) {
      const successors = p.valid_to
        ? next.map((s) => `cuc-thads-${s}`) // renamed province (Huế): the Cục continues under the new name
        : [`thads-${p.slug}`];
      // A merged province's Cục THADS goes straight to the THADS tỉnh of the merged province.
      const mergedInto = next.filter((s) => provinces.find((q) => q.slug === s)?.valid_from === FIRST_DAY_34);
      rows.push({
        id: `cuc-thads-${p.slug}`,
        name: `Cục Thi hành án dân sự ${t}`,
        short_name: `Cục THADS ${t}`,
        role: "THADS_TINH",
        parent_id: "tong-cuc-thads",
        province_code: p.code,
        valid_from: p.valid_from,
        valid_to: oldEnd,
        successor_ids: mergedInto.length > 0 ? mergedInto.map((s) => `thads-${s}`) : successors,
        source: `${p.source}; hệ thống THADS tổ chức lại từ 01/7/2025 (34 THADS tỉnh, 355 Phòng THADS khu vực; QĐ 1898/QĐ-BTP ngày 25/6/2025)`,
        verified: false,
        note: "Ngày chuyển đổi Cục THADS tỉnh → THADS tỉnh (01/7/2025) chưa đối chiếu văn bản gốc.",
      });
    }
    if (!p.valid_to) {
      rows.push({
        id: `thads-${p.slug}`,
        name: `Thi hành án dân sự ${t}`,
        short_name: `THADS ${t}`,
        role: "THADS_TINH",
        parent_id: "cuc-ql-thads",
        province_code: p.code,
        valid_from: [p.valid_from, FIRST_DAY_34].sort()[1], // the later of the two ISO dates
        source: "Quyết định 1898/QĐ-BTP ngày 25/6/2025 (34 cơ quan THADS cấp tỉnh) — chưa đối chiếu ngày hiệu lực",
        verified: false,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------------
// Thanh Hóa (seed 001): a few districts, their enforcement offices and a few Sở ngành. Code 38.

const TH = "38";
const TH_DISTRICTS: Array<[slug: string, title: string]> = [
  ["tp-thanh-hoa", "thành phố Thanh Hóa"],
  ["tx-bim-son", "thị xã Bỉm Sơn"],
  ["quang-xuong", "huyện Quảng Xương"],
  ["hoang-hoa", "huyện Hoằng Hóa"],
];

function thanhHoaRows(): Agency[] {
  const rows: Agency[] = [];
  for (const [slug, title] of TH_DISTRICTS) {
    const communeSuccessor = slug === "tp-thanh-hoa" ? ["ubnd-phuong-hac-thanh"] : [];
    rows.push({
      id: `ubnd-${slug}`,
      name: `Ủy ban nhân dân ${title}`,
      short_name: `UBND ${title}`,
      role: "UBND_HUYEN",
      parent_id: "ubnd-thanh-hoa",
      province_code: TH,
      valid_from: DATASET_EPOCH,
      valid_to: LAST_DAY_63,
      successor_ids: [...communeSuccessor, "ubnd-thanh-hoa"],
      source: `${SRC_KHTH} ("UBND các huyện, thị xã, thành phố"); cấp huyện chấm dứt từ 01/7/2025 (chính quyền địa phương hai cấp)`,
      verified: false,
      note: `${EPOCH_NOTE} Kế thừa: nhiệm vụ chuyển cho UBND cấp xã mới hoặc UBND tỉnh; danh sách xã kế thừa chưa nhập đầy đủ.`,
    });
    rows.push({
      id: `chi-cuc-thads-${slug}`,
      name: `Chi cục Thi hành án dân sự ${title}`,
      short_name: `Chi cục THADS ${title}`,
      role: "THADS_HUYEN",
      parent_id: "cuc-thads-thanh-hoa",
      province_code: TH,
      valid_from: DATASET_EPOCH,
      valid_to: LAST_DAY_63,
      successor_ids: [`phong-thads-kv-${slug}`],
      source: `${SRC_KH2021} ("Chi cục THADS"); Phòng THADS khu vực từ 01/7/2025`,
      verified: false,
      note: EPOCH_NOTE,
    });
    rows.push({
      id: `phong-thads-kv-${slug}`,
      name: `Phòng Thi hành án dân sự khu vực (địa bàn ${title})`,
      short_name: `Phòng THADS khu vực (${title})`,
      role: "THADS_HUYEN",
      parent_id: "thads-thanh-hoa",
      province_code: TH,
      valid_from: FIRST_DAY_34,
      source: "QĐ 1898/QĐ-BTP ngày 25/6/2025 (355 Phòng THADS khu vực)",
      verified: false,
      note: "Tên chính thức và số hiệu khu vực chưa đối chiếu; một phòng khu vực có thể kế thừa nhiều chi cục.",
    });
  }
  rows.push({
    id: "ubnd-phuong-hac-thanh",
    name: "Ủy ban nhân dân phường Hạc Thành",
    short_name: "UBND phường Hạc Thành",
    role: "UBND_XA",
    parent_id: "ubnd-thanh-hoa",
    province_code: TH,
    valid_from: FIRST_DAY_34,
    source: "Sắp xếp đơn vị hành chính cấp xã tỉnh Thanh Hóa năm 2025 (nghị quyết của UBTVQH — chưa đối chiếu)",
    verified: false,
    note: "Phường trung tâm của tỉnh Thanh Hóa sau sắp xếp; phạm vi kế thừa từ thành phố Thanh Hóa chưa đối chiếu.",
  });
  const so = (id: string, name: string, extra: Partial<Agency> = {}): Agency => ({
    id,
    name: `${name} tỉnh Thanh Hóa`,
    short_name: name,
    role: "SO_NGANH",
    parent_id: "ubnd-thanh-hoa",
    province_code: TH,
    valid_from: DATASET_EPOCH,
    source: `${SRC_KHTH} ("các sở, ban, ngành cấp tỉnh")`,
    verified: true,
    note: EPOCH_NOTE,
    ...extra,
  });
  const merged2025 = {
    valid_to: "2025-02-28",
    verified: false,
    note: `${EPOCH_NOTE} Ngày hợp nhất (01/3/2025) chưa đối chiếu quyết định của UBND tỉnh.`,
  };
  rows.push(so("so-noi-vu-thanh-hoa", "Sở Nội vụ"));
  rows.push(so("so-khdt-thanh-hoa", "Sở Kế hoạch và Đầu tư", { ...merged2025, successor_ids: ["stc-thanh-hoa"] }));
  rows.push(
    so("so-nnptnt-thanh-hoa", "Sở Nông nghiệp và Phát triển nông thôn", {
      ...merged2025,
      successor_ids: ["so-nnmt-thanh-hoa"],
    }),
  );
  rows.push(
    so("so-tnmt-thanh-hoa", "Sở Tài nguyên và Môi trường", { ...merged2025, successor_ids: ["so-nnmt-thanh-hoa"] }),
  );
  rows.push(
    so("so-nnmt-thanh-hoa", "Sở Nông nghiệp và Môi trường", {
      valid_from: SO_2025_SWITCH,
      verified: false,
      note: "Thành lập trên cơ sở hợp nhất Sở NN&PTNT và Sở TN&MT — ngày chưa đối chiếu.",
    }),
  );
  return rows;
}

export const AGENCY_ROWS: readonly Agency[] = [...CENTRAL, ...provinceRows(PROVINCES), ...thanhHoaRows()];
