// Fast Vietnamese search key for whole strings: same result as normalizeVi (agencies/resolve.ts) — NFD, combining marks
// stripped, đ→d, lower case, anything else than [a-z0-9] → one space — without its per-character offset map.
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/gu, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, " ")
    .trim();
}
