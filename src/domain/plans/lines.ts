// Plan text → cleaned lines. Markup is stripped here so that every later step reads plain words; the raw line is
// kept for the few readers that need the markup back (italic signer notes).
import type { PlanWarning } from "./types.ts";

export interface Line {
  /** 1-based line number in the input. */
  no: number;
  raw: string;
  /** Markup stripped, trimmed; page-break continuations appended. */
  text: string;
  heading: boolean;
}

/** Final punctuation: a line ending otherwise was cut (page break) or is a title line. */
export const TERMINAL_RE = /[.:;!?…)"”'\]]$/u;
const LIST_MARKER_RE = /^(?:[a-zđ]\)|[-–•+]\s)/u;

/** Markdown/Word markup → plain text; `heading` when the line was marked with # or started in bold. */
export function cleanLine(raw: string): { text: string; heading: boolean } {
  let s = raw.replace(/\u00a0/gu, " ").replace(/\t/gu, " ");
  let heading = false;
  const hash = /^\s{0,3}#{1,6}\s+/u.exec(s);
  if (hash) {
    heading = true;
    s = s.slice(hash[0].length);
  }
  if (/^\s*\*\*/u.test(s)) heading = true;
  s = s
    .replace(/(?<=[\p{L}\p{N}])\*+(?=[\p{L}\p{N}])/gu, " ")
    .replace(/\*+/gu, "")
    .replace(/(^|\s)_{1,2}(?=\S)|(?<=\S)_{1,2}(?=\s|$)/gu, "$1");
  s = s.replace(/\s+/gu, " ").trim();
  return { text: s, heading };
}

/** Non-empty cleaned lines; a sentence cut by a page break is joined back (with a warning, so the join is visible). */
export function toLines(input: string, warnings: PlanWarning[]): Line[] {
  const text = input
    .normalize("NFC")
    .replace(/\r\n?/gu, "\n")
    .replace(/^\uFEFF/u, "");
  const out: Line[] = [];
  const rawLines = text.split("\n");
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i];
    const { text: t, heading } = cleanLine(raw);
    if (t.length === 0) continue;
    const prev = out.at(-1);
    // Page-break artefact: a sentence cut without final punctuation, continued in lower case on a later line.
    if (prev && !TERMINAL_RE.test(prev.text) && /^\p{Ll}/u.test(t) && !LIST_MARKER_RE.test(t)) {
      prev.text = `${prev.text} ${t}`;
      prev.raw = `${prev.raw}\n${raw}`;
      warnings.push({
        code: "joined_lines",
        line: i + 1,
        message: `Dòng ${i + 1} được nối vào dòng ${prev.no} (câu bị ngắt giữa chừng, có thể do ngắt trang)`,
        text: t,
      });
      continue;
    }
    out.push({ no: i + 1, raw, text: t, heading });
  }
  return out;
}

/** Heading/title end: trailing punctuation dropped, the closing "./." mark included. */
export function stripEnd(s: string): string {
  return s.replace(/\s*(?:\.\/\.|\/\.)\s*$/u, ".").replace(/[\s.;:,]+$/u, "");
}

/** List item end: one final "." or ";" dropped (an item keeps its inner punctuation). */
export function stripOne(s: string): string {
  return s
    .replace(/\s*\.\/\.\s*$/u, ".")
    .replace(/[.;]$/u, "")
    .trim();
}

export function stripBullet(s: string): string {
  return s.replace(/^[-–•+]\s*/u, "");
}

/** Records a line no reader could place, so that nothing of the input is silently dropped. */
export function unplaced(warnings: PlanWarning[], line: Line, why?: string): void {
  warnings.push({
    code: "unplaced_line",
    line: line.no,
    message: `Không xác định được vị trí của dòng ${line.no} trong kế hoạch${why ? ` (${why})` : ""}; nội dung được giữ nguyên trong cảnh báo này`,
    text: line.text,
  });
}
