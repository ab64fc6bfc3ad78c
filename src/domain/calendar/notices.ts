// Official yearly holiday schedules for civil servants (thông báo nghỉ lễ, tết hằng năm).
//
// Bộ luật Lao động 2019, Điều 112 khoản 3: "Hằng năm, căn cứ vào điều kiện thực tế, Thủ tướng Chính phủ quyết định cụ
// thể ngày nghỉ quy định tại điểm b và điểm đ khoản 1 Điều này." The concrete days (Tết Âm lịch, the second Quốc khánh
// day) and any swap of a working day (hoán đổi ngày làm việc) are announced each year — by Bộ LĐTBXH (2024, 2025
// notices), by Bộ Nội vụ from the 2026 notices on. A row here OVERRIDES the generated default of holidays.ts for the
// occasion(s) it lists in `occasions`; a row with no occasion only adds days (a pure swap).
//
// ROW SHAPE (adding a year is a data-only change — append rows to OFFICIAL_NOTICES):
//   {
//     year: 2027,                         // solar year of the days
//     occasions: ["tet_am_lich"],         // occasions whose generated days this row REPLACES ([] for a pure swap)
//     off: [                              // days off fixed by the notice, each with its kind:
//       { date: "2027-02-05", kind: "holiday" },          //   a statutory holiday day (name derived if omitted)
//       { date: "2027-02-08", kind: "compensatory" },     //   nghỉ bù (Điều 111 khoản 3), name derived if omitted
//       { date: "2027-04-30", kind: "swapped_off", name: "…" }, // a weekday made off by a swap
//     ],
//     work: [{ date: "2027-05-08", name: "…" }],          // weekend days made working days by a swap
//     source: "Thông báo …/TB-BNV (dd/mm/yyyy)",          // instrument(s) fixing the days
//     verified: true,                      // false when the days are NOT confirmed against the notice text
//     note: "…",                           // optional remark (press sources, open questions)
//   }
// Weekly rest days (Saturday/Sunday) inside a holiday block are not listed: they are off anyway.
import type { IsoDate } from "../shared/dates.ts";
import type { HolidayOccasion } from "./types.ts";

export type NoticeOffDay = {
  date: IsoDate;
  kind: "holiday" | "compensatory" | "swapped_off";
  /** Vietnamese name; derived from the occasion (and lunar date for Tết) when omitted. */
  name?: string;
};

export type NoticeWorkDay = { date: IsoDate; name: string };

export type YearNotice = {
  year: number;
  occasions: HolidayOccasion[];
  off: NoticeOffDay[];
  work: NoticeWorkDay[];
  source: string;
  verified: boolean;
  note?: string;
};

const SRC_2024 = "Thông báo 5015/TB-LĐTBXH (22/11/2023); Công văn 8662/VPCP-KGVX (03/11/2023)";
const SRC_2025 = "Thông báo 6150/TB-LĐTBXH (03/12/2024); Công văn 8726/VPCP-KGVX (26/11/2024)";

/** Rows confirmed in legal-addendum §7 (2024–2026); Quốc khánh 2026 is the generated default, unverified. */
export const OFFICIAL_NOTICES: readonly YearNotice[] = [
  // ---- 2024 ----
  {
    year: 2024,
    occasions: ["tet_am_lich"],
    // Thứ Năm 08/02 (29 tháng Chạp Quý Mão) – Thứ Tư 14/02/2024 (mùng 5 tháng Giêng Giáp Thìn):
    // 05 ngày Tết (08–12/02) + 02 ngày nghỉ bù cho Thứ Bảy 10/02 và Chủ nhật 11/02 (Điều 111 khoản 3).
    off: [
      { date: "2024-02-08", kind: "holiday" },
      { date: "2024-02-09", kind: "holiday" },
      { date: "2024-02-10", kind: "holiday" },
      { date: "2024-02-11", kind: "holiday" },
      { date: "2024-02-12", kind: "holiday" },
      { date: "2024-02-13", kind: "compensatory" },
      { date: "2024-02-14", kind: "compensatory" },
    ],
    work: [],
    source: SRC_2024,
    verified: true,
  },
  {
    year: 2024,
    occasions: ["quoc_khanh"],
    // Thứ Bảy 31/08 – Thứ Ba 03/09/2024; ngày lễ là Thứ Hai 02/9 và Thứ Ba 03/9.
    off: [
      { date: "2024-09-02", kind: "holiday" },
      { date: "2024-09-03", kind: "holiday" },
    ],
    work: [],
    source: SRC_2024,
    verified: true,
  },
  {
    year: 2024,
    occasions: [],
    // Nghỉ Thứ Bảy 27/04 – Thứ Tư 01/05/2024: Thứ Hai 29/04 nghỉ, làm bù Thứ Bảy 04/05/2024.
    off: [{ date: "2024-04-29", kind: "swapped_off", name: "Nghỉ hoán đổi dịp 30/4–01/5 (làm bù Thứ Bảy 04/05/2024)" }],
    work: [{ date: "2024-05-04", name: "Làm việc bù cho Thứ Hai 29/04/2024 (hoán đổi dịp 30/4–01/5)" }],
    source: "Công văn 2450/VPCP-KGVX (12/04/2024)",
    verified: true,
    note: "Số thông báo của Bộ LĐTBXH cho đợt hoán đổi này chưa xác nhận; công văn của VPCP đã xác nhận.",
  },
  // ---- 2025 ----
  {
    year: 2025,
    occasions: ["tet_am_lich"],
    // Thứ Bảy 25/01 – Chủ nhật 02/02/2025: 05 ngày Tết Thứ Hai 27/01 – Thứ Sáu 31/01 + 04 ngày nghỉ hằng tuần.
    off: [
      { date: "2025-01-27", kind: "holiday" },
      { date: "2025-01-28", kind: "holiday" },
      { date: "2025-01-29", kind: "holiday" },
      { date: "2025-01-30", kind: "holiday" },
      { date: "2025-01-31", kind: "holiday" },
    ],
    work: [],
    source: SRC_2025,
    verified: true,
  },
  {
    year: 2025,
    occasions: [],
    // Nghỉ Thứ Tư 30/04 – Chủ nhật 04/05/2025: Thứ Sáu 02/05 nghỉ, làm bù Thứ Bảy 26/04/2025.
    off: [{ date: "2025-05-02", kind: "swapped_off", name: "Nghỉ hoán đổi dịp 30/4–01/5 (làm bù Thứ Bảy 26/04/2025)" }],
    work: [{ date: "2025-04-26", name: "Làm việc bù cho Thứ Sáu 02/05/2025 (hoán đổi dịp 30/4–01/5)" }],
    source: "Thông báo 6150/TB-LĐTBXH (03/12/2024)",
    verified: true,
  },
  {
    year: 2025,
    occasions: ["quoc_khanh"],
    // Thứ Bảy 30/08 – Thứ Ba 02/09/2025; ngày lễ là Thứ Hai 01/9 và Thứ Ba 02/9.
    off: [
      { date: "2025-09-01", kind: "holiday" },
      { date: "2025-09-02", kind: "holiday" },
    ],
    work: [],
    source: "Thông báo 6150/TB-LĐTBXH (03/12/2024)",
    verified: true,
  },
  // ---- 2026 ----
  {
    year: 2026,
    occasions: [],
    // Tết Dương lịch: nghỉ Thứ Năm 01/01 – Chủ nhật 04/01/2026; Thứ Sáu 02/01 nghỉ, làm bù Thứ Bảy 10/01/2026.
    off: [
      { date: "2026-01-02", kind: "swapped_off", name: "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù Thứ Bảy 10/01/2026)" },
    ],
    work: [{ date: "2026-01-10", name: "Làm việc bù cho Thứ Sáu 02/01/2026 (hoán đổi dịp Tết Dương lịch)" }],
    source: "Công văn 12729/VPCP-KGVX (25/12/2025)",
    verified: true,
  },
  {
    year: 2026,
    occasions: ["tet_am_lich"],
    // Thứ Hai 16/02 (29 tháng Chạp Ất Tỵ) – Thứ Sáu 20/02/2026 (mùng 4 tháng Giêng Bính Ngọ); cùng hai cuối tuần:
    // 14/02 – 22/02/2026.
    off: [
      { date: "2026-02-16", kind: "holiday" },
      { date: "2026-02-17", kind: "holiday" },
      { date: "2026-02-18", kind: "holiday" },
      { date: "2026-02-19", kind: "holiday" },
      { date: "2026-02-20", kind: "holiday" },
    ],
    work: [],
    source: "Thông báo 9441/TB-BNV (16/10/2025)",
    verified: true,
  },
  {
    year: 2026,
    occasions: ["quoc_khanh"],
    // UNCONFIRMED (legal-addendum §7): 02/9/2026 is a Wednesday; the adjacent day and any swap are set in Thông báo
    // 9441/TB-BNV, whose text was not read. These are the generated default days (adjacent day 01/9).
    off: [
      { date: "2026-09-01", kind: "holiday" },
      { date: "2026-09-02", kind: "holiday" },
    ],
    work: [],
    source:
      "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ (mặc định khi chưa có thông báo hằng năm; Thông báo 9441/TB-BNV chưa đối chiếu)",
    verified: false,
    note: "Báo chí đưa tin đề xuất nghỉ 5 ngày dịp 2/9/2026; Thông báo 109/TB-UBND của TP Cần Thơ hoán đổi Thứ Hai 31/8 với Thứ Bảy 22/8/2026 — chưa đối chiếu văn bản cấp trung ương nên chưa áp dụng.",
  },
];
