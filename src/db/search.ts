// Diacritics-insensitive search text, computed in TS (engine-independent; unaccent() is not IMMUTABLE and differs
// between engines). Uses the agency registry's normalizeVi: NFD, marks stripped, đ→d, lower case, punctuation → space.
// "Thanh Hóa" → "thanh hoa".
import { normalizeVi } from "../domain/agencies/resolve.ts";

export function normalizeSearch(s: string): string {
  return normalizeVi(s);
}

/** Joins the parts (skipping empty ones) into one normalised search column value. */
export function searchText(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .map(normalizeSearch)
    .join(" | ");
}

/** LIKE pattern for a user query: normalised, with %, _ and \\ escaped, wrapped in %…%. */
export function likePattern(query: string): string {
  return `%${normalizeSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
