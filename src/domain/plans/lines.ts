// Plan text → cleaned lines. Markup is stripped here so that every later step reads plain words; the raw line is
// kept for the few readers that need the markup back (italic signer notes).
import { fold } from "./fold.ts";
import type { PlanWarning } from "./types.ts";

export interface Line {
  /** 1-based line number in the input. */
  no: number;
  raw: string;
  /** Markup stripped, trimmed; page-break continuations appended. */
  text: string;
  heading: boolean;
  /** Cells of a row of a task table (Markdown pipe table or Word table); `text` is the cells joined by " | ". */
  cells?: string[];
  /** Which table of the document the row belongs to (rows of one table share it). */
  table?: number;
}

/** Final punctuation: a line ending otherwise was cut (page break) or is a title line. */
export const TERMINAL_RE = /[.:;!?…)"”'\]]$/u;
const LIST_MARKER_RE = /^(?:[a-zđ](?:\)|\.\s|\s?-\s)|[-–•+]\s)/u;

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

const PIPE_ROW_RE = /^\s*\|.*\|\s*$/u;
const SEPARATOR_ROW_RE = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/u;
/** Marks of merged cells: covered by the cell above ("^") or on the left ("<<"). */
export const MERGED_CELL_RE = /^(?:\^|<<)$/u;

function rowCells(raw: string): string[] {
  return raw
    .trim()
    .replace(/^\|/u, "")
    .replace(/\|$/u, "")
    .split("|")
    .map((c) => c.trim());
}

/** A task table names, in its header, what is done and who does it or when (STT / Nội dung / Chủ trì / Thời gian …). */
export function isTaskTableHeader(cells: string[]): boolean {
  const h = fold(cells.join(" | "));
  return (
    /noi dung|nhiem vu|cong viec|hoat dong/.test(h) &&
    /chu tri|phoi hop|thoi gian|thoi han|tien do|thuc hien|san pham|ket qua/.test(h)
  );
}

/** Non-empty cleaned lines; a sentence cut by a page break is joined back (with a warning, so the join is visible). */
export function toLines(input: string, warnings: PlanWarning[]): Line[] {
  const text = input
    .normalize("NFC")
    .replace(/\r\n?/gu, "\n")
    .replace(/^\uFEFF/u, "")
    // HTML comments (editors' notes in .md files) are not part of the document; line numbers are kept.
    .replace(/<!--[\s\S]*?-->/gu, (c) => c.replace(/[^\n]/gu, ""));
  const out: Line[] = [];
  const rawLines = text.split("\n");
  let tables = 0;
  let inTaskTable = false;
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i];
    if (PIPE_ROW_RE.test(raw)) {
      if (SEPARATOR_ROW_RE.test(raw)) continue;
      const cells = rowCells(raw);
      const first = i === 0 || !PIPE_ROW_RE.test(rawLines[i - 1]);
      if (first) {
        tables++;
        inTaskTable = isTaskTableHeader(cells);
      }
      if (inTaskTable) {
        const clean = cells.map((c) =>
          MERGED_CELL_RE.test(c) ? c : cleanLine(c.replace(/<br\s*\/?>/giu, "; ")).text.replace(/^;\s*|;\s*$/gu, ""),
        );
        out.push({
          no: i + 1,
          raw,
          text: clean.filter((c) => c && !MERGED_CELL_RE.test(c)).join(" | "),
          heading: first,
          cells: clean,
          table: tables,
        });
        continue;
      }
      // Any other table (header block, signatures): each cell paragraph is a line, in reading order.
      for (const c of cells) {
        if (MERGED_CELL_RE.test(c)) continue;
        for (const part of c.split(/<br\s*\/?>/iu)) {
          const { text: t, heading } = cleanLine(part);
          if (t) out.push({ no: i + 1, raw: part, text: t, heading });
        }
      }
      continue;
    }
    const { text: t, heading } = cleanLine(raw);
    if (t.length === 0) continue;
    const prev = out.at(-1)?.cells ? undefined : out.at(-1);
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
