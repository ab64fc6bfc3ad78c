// Masking of claimants' personal data (ID number, address, phone). Whether a role may see it is data:
// the "claims.personal_data" permission in permissions.ts.
import { DomainError } from "../shared/errors.ts";

export type ClaimantFields = {
  claimant_id_number?: string | null;
  claimant_address?: string | null;
  claimant_phone?: string | null;
};

/** Keeps the last `keep` characters, the rest becomes "•" (spaces kept): "038090001234" → "••••••••1234". */
export function maskValue(value: string | null | undefined, keep: number): string | null {
  if (value === null || value === undefined || value === "") return value ?? null;
  const chars = [...value];
  const visibleFrom = Math.max(chars.length - keep, 0);
  return chars.map((c, i) => (i >= visibleFrom || c === " " ? c : "•")).join("");
}

/** Address: only the last comma-separated part (tỉnh/thành phố) stays readable. */
export function maskAddress(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return value ?? null;
  const parts = value.split(",");
  if (parts.length < 2) return "•••";
  return `•••, ${parts[parts.length - 1]!.trim()}`;
}

/** How each personal field is masked — the one table used for claims, lists, exports and the audit trail. */
const PERSONAL_FIELDS: Record<keyof ClaimantFields, (v: string | null | undefined) => string | null> = {
  claimant_id_number: (v) => maskValue(v, 3),
  claimant_address: maskAddress,
  claimant_phone: (v) => maskValue(v, 2),
};

/** Returns the claim unchanged when allowed, else a copy with ID number, address and phone masked and `masked: true`. */
export function maskClaimant<T extends ClaimantFields>(claim: T, canSeePersonalData: boolean): T & { masked: boolean } {
  if (canSeePersonalData) return { ...claim, masked: false };
  return {
    ...claim,
    claimant_id_number: PERSONAL_FIELDS.claimant_id_number(claim.claimant_id_number),
    claimant_address: PERSONAL_FIELDS.claimant_address(claim.claimant_address),
    claimant_phone: PERSONAL_FIELDS.claimant_phone(claim.claimant_phone),
    masked: true,
  };
}

/**
 * Masks the personal fields wherever they occur in a JSON value (an audit row's before/after: a claim, an import
 * batch, nested lists). Returns the same value when nothing was masked. Non-string values under those keys are
 * replaced by "•••" (never shown as is).
 */
export function maskPersonalDeep(value: unknown, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = value.map((v) => maskPersonalDeep(v, depth + 1));
    return out.some((v, i) => v !== value[i]) ? out : value;
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const mask = PERSONAL_FIELDS[k as keyof ClaimantFields];
    const m = mask
      ? typeof v === "string" || v == null
        ? mask(v as string | null)
        : "•••"
      : maskPersonalDeep(v, depth + 1);
    if (m !== v) changed = true;
    out[k] = m;
  }
  return changed ? out : value;
}

/** The character a masked value carries ("••••••••1234"); no genuine ID number, address or phone contains it. */
export const MASK_CHAR = "•";

/**
 * A form saved without revealing the personal data sends back the masked values: those still equal to the stored
 * value's mask are dropped from the patch (the real value stays); any other value carrying the mask character is
 * refused (422 naming the field) — a masked value never overwrites a real one.
 */
export function keepMaskedPersonal<T extends ClaimantFields>(patch: T, stored: ClaimantFields): T {
  let out = patch;
  for (const key of Object.keys(PERSONAL_FIELDS) as Array<keyof ClaimantFields>) {
    const v = patch[key];
    if (typeof v !== "string" || !v.includes(MASK_CHAR)) continue;
    if (v !== PERSONAL_FIELDS[key](stored[key]))
      throw new DomainError(
        "masked_value",
        key,
        "Giá trị đang bị che (•): bấm “Hiện thông tin cá nhân” rồi sửa, hoặc để nguyên để giữ giá trị đã lưu.",
      );
    const { [key]: _dropped, ...rest } = out;
    out = rest as T;
  }
  return out;
}
