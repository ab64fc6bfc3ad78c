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

/** An agency row as dated data (the registry or the agencies table): role, validity, successor links. */
export type DatedAgency = {
  id: string;
  role: string;
  valid_from?: string | null;
  valid_to?: string | null;
  successor_ids?: readonly string[];
};

const inForceOn = (a: DatedAgency, date: string) =>
  (!a.valid_from || a.valid_from <= date) && (!a.valid_to || date <= a.valid_to);

/**
 * Who receives a lead agency's inspection result on `date` (KH 2021 mục II.10): the agencies holding the counterpart
 * ROLE in force on that date — before the 2025 reorganisation the Tổng cục THADS, after it its successor (Cục Quản lý
 * THADS), both role TONG_CUC_THADS. When no holder of the role is in force on the date (a gap in the data), the
 * successor links of the last holders lead to the agencies in force. Undefined when the exchange rule does not apply.
 */
export function exchangeRecipients(
  leadRole: string,
  date: string,
  agencies: readonly DatedAgency[],
): { agency_ids: string[]; role: string; basis: string } | undefined {
  const counterpart = exchangeCounterpart(leadRole);
  if (!counterpart) return undefined;
  const holders = agencies.filter((a) => a.role === counterpart.role);
  let ids = holders.filter((a) => inForceOn(a, date)).map((a) => a.id);
  if (!ids.length) {
    const byId = new Map(agencies.map((a) => [a.id, a]));
    const found = new Set<string>();
    const seen = new Set<string>();
    const queue = holders.filter((a) => a.valid_to && a.valid_to < date);
    while (queue.length) {
      const cur = queue.shift()!;
      if (seen.has(cur.id)) continue;
      seen.add(cur.id);
      if (inForceOn(cur, date)) found.add(cur.id);
      else
        for (const s of cur.successor_ids ?? []) {
          const next = byId.get(s);
          if (next) queue.push(next);
        }
    }
    ids = [...found];
  }
  return { agency_ids: ids.sort(), role: counterpart.role, basis: counterpart.basis };
}

export const INSPECTION_STATUSES = ["planned", "in_progress", "reported", "closed"] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const FOLLOWUP_STATUSES = ["open", "done", "cancelled"] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
