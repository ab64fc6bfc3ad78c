// Numbering of plan lines ("II.", "1.", "1.1.", "3.3", "a)"): structure comes from it, not from Markdown heading
// levels, because real documents mix heading levels freely.
import type { Line } from "./lines.ts";

export type Numbered =
  | { type: "roman"; number: string; value: number; rest: string }
  | { type: "decimal"; path: number[]; rest: string }
  | { type: "letter"; letter: string; rest: string }
  /** "Một là, …", "Thứ nhất, …", "Nhiệm vụ 1: …": items counted in words or named "Nhiệm vụ". */
  | { type: "ordinal"; index: number; rest: string };

const COUNT_WORDS = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];
const ORDINAL_WORDS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];
const LA_RE = new RegExp(`^(${COUNT_WORDS.join("|")}) là\\s*[,:.]?\\s+(\\S.*)$`, "iu");
const THU_RE = new RegExp(`^thứ (${ORDINAL_WORDS.join("|")})\\s*[,:.]\\s*(\\S.*)$`, "iu");
const TASK_N_RE = /^nhiệm vụ (?:số )?(\d{1,2})\s*[:.)]\s*(\S.*)$/iu;

/** A bullet line ("- …", "+ …", "• …", "– …"): its marker and text. */
export function bulletOf(text: string): { marker: string; rest: string } | null {
  const m = /^([-–•+*])\s+(\S.*)$/u.exec(text);
  return m ? { marker: m[1], rest: m[2] } : null;
}

const ROMAN_VALUES: Record<string, number> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
};

/** Order of item letters in Vietnamese documents (no f, j, w, z; đ after d). */
export const LETTERS = "abcdđeghiklmnopqrstuvxy";

/** Upper-case lines are headings, agency names or signer titles in official documents. */
export function isMostlyUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length > 0.7;
}

/** The line's numbering, or null. A Roman number counts only on an upper-case or marked heading ("I" is also a word). */
export function numbered(line: Line): Numbered | null {
  const t = line.text;
  const roman = /^([IVX]{1,4})[.)]?\s+(\S.*)$/u.exec(t);
  // Sentence-case headings ("I. Mục đích, yêu cầu") count too: a short line starting in upper case, not a sentence.
  const headingLike = (r: string) =>
    isMostlyUpper(r) || line.heading || (/^\p{Lu}/u.test(r) && r.length <= 120 && !/[.;]$/u.test(r));
  if (roman && ROMAN_VALUES[roman[1]] !== undefined && headingLike(roman[2])) {
    return { type: "roman", number: roman[1], value: ROMAN_VALUES[roman[1]], rest: roman[2] };
  }
  const dec = /^(\d{1,2}(?:\.\d{1,2})*)(\.|\))?\s+(\S.*)$/u.exec(t);
  if (dec) {
    const path = dec[1].split(".").map(Number);
    const ok = dec[2] !== undefined || path.length > 1 || line.heading;
    if (ok && path.every((n) => n >= 1 && n <= 60)) return { type: "decimal", path, rest: dec[3] };
  }
  const letter = /^([a-zđ])(?:\)|\.(?=\s)|\s?-(?=\s))\s*(\S.*)$/u.exec(t) ?? /^([a-zđ])\)(\S.*)$/u.exec(t);
  if (letter) return { type: "letter", letter: letter[1], rest: letter[2] };
  const la = LA_RE.exec(t);
  if (la) return { type: "ordinal", index: COUNT_WORDS.indexOf(la[1].toLowerCase()) + 1, rest: la[2] };
  const thu = THU_RE.exec(t);
  if (thu) return { type: "ordinal", index: ORDINAL_WORDS.indexOf(thu[1].toLowerCase()) + 1, rest: thu[2] };
  const nv = TASK_N_RE.exec(t);
  if (nv) return { type: "ordinal", index: Number(nv[1]), rest: nv[2] };
  return null;
}
