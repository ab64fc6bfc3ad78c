// Inspections (kiểm tra công tác bồi thường nhà nước): the exchange of results between the two lead agencies of the
// 2021 coordination plan, as data. Rules speak of ROLE codes, never agency names.

/**
 * When one lead agency of the coordination records an inspection result, the other lead agency receives it
 * (trao đổi kết quả kiểm tra). KH 2021 mục II.10 (seed 000): Cục BTNN ↔ Tổng cục THADS (since 2025 Cục Quản lý
 * THADS, same role TONG_CUC_THADS).
 */
export const RESULT_EXCHANGE: ReadonlyArray<{ lead_role: string; counterpart_role: string; basis: string }> = [
  { lead_role: "CUC_BTNN", counterpart_role: "TONG_CUC_THADS", basis: "KH 2021 mục II.10" },
  { lead_role: "TONG_CUC_THADS", counterpart_role: "CUC_BTNN", basis: "KH 2021 mục II.10" },
];

/** Counterpart role for a lead agency's role, or undefined when the exchange rule does not apply. */
export function exchangeCounterpart(leadRole: string): { role: string; basis: string } | undefined {
  const r = RESULT_EXCHANGE.find((x) => x.lead_role === leadRole);
  return r ? { role: r.counterpart_role, basis: r.basis } : undefined;
}

export const INSPECTION_STATUSES = ["planned", "in_progress", "reported", "closed"] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const FOLLOWUP_STATUSES = ["open", "done", "cancelled"] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
