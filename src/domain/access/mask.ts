// Masking of claimants' personal data (ID number, address, phone). Whether a role may see it is data:
// the "claims.personal_data" permission in permissions.ts.

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

/** Returns the claim unchanged when allowed, else a copy with ID number, address and phone masked and `masked: true`. */
export function maskClaimant<T extends ClaimantFields>(claim: T, canSeePersonalData: boolean): T & { masked: boolean } {
  if (canSeePersonalData) return { ...claim, masked: false };
  return {
    ...claim,
    claimant_id_number: maskValue(claim.claimant_id_number, 3),
    claimant_address: maskAddress(claim.claimant_address),
    claimant_phone: maskValue(claim.claimant_phone, 2),
    masked: true,
  };
}
