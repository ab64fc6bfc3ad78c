// "Never silently drop text": every word of every non-empty input line must be found in the structured plan
// (any field) or in a warning's text. Words = normalized (no diacritics, lower case) tokens with a letter, ≥ 2 chars.
import { normalizeVi } from "../../src/domain/agencies/resolve.ts";
import type { Plan } from "../../src/domain/plans/types.ts";

function words(s: string): string[] {
  return normalizeVi(s)
    .split(" ")
    .filter((w) => w.length >= 2 && /[a-z]/.test(w));
}

function collect(value: unknown, out: Set<string>, key = ""): void {
  if (typeof value === "string") {
    if (key !== "message") for (const w of words(value)) out.add(w);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collect(v, out, k);
  }
}

/** Lines (1-based number and missing words) whose words are not all found in the plan. */
export function missingWords(input: string, plan: Plan): Array<{ line: number; missing: string[] }> {
  const found = new Set<string>();
  collect(plan, found);
  const out: Array<{ line: number; missing: string[] }> = [];
  input
    .normalize("NFC")
    .split(/\r\n?|\n/u)
    .forEach((line, i) => {
      const missing = words(line).filter((w) => !found.has(w));
      if (missing.length > 0) out.push({ line: i + 1, missing });
    });
  return out;
}
