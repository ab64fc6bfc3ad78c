// The part of a plan before its first section: header block (issuer, "Số:", place and date), the title ("KẾ HOẠCH" and
// its summary lines) and the preamble (legal bases "Căn cứ…", "Thực hiện…").
import { findAgencyMentions } from "../agencies/resolve.ts";
import { type IsoDate, isIsoDate, ymd } from "../shared/dates.ts";
import { fold } from "./fold.ts";
import { type Line, TERMINAL_RE } from "./lines.ts";
import { isMostlyUpper } from "./numbering.ts";
import type { AgencyRef, Plan } from "./types.ts";

/** Folded start of a preamble line; it also ends the header and the title. */
const PREAMBLE_START_RE = /^(?:can cu|thuc hien)\b/;

/** One issuer per role: the header block and the preamble often name the same agency. */
function addIssuer(plan: Plan, ref: AgencyRef): void {
  if (!plan.issuers.some((i) => i.role !== null && i.role === ref.role)) plan.issuers.push(ref);
}

/** Joint plans name their issuers in the preamble: "… Sở Tư pháp và Cục THADS ban hành Kế hoạch …". */
function issuerFromClause(plan: Plan, line: string): void {
  const m = /^(.*?)\s+ban hành\s+(?:Kế hoạch|Chương trình)\b/iu.exec(line);
  if (!m) return;
  const clause = m[1].split(";").at(-1) ?? "";
  for (const piece of clause.split(/\s+và\s+|,\s*/u)) {
    const p = piece.trim();
    if (!p) continue;
    const mention = findAgencyMentions(p)[0];
    if (mention) addIssuer(plan, { text: p, role: mention.role });
  }
}

/**
 * One line of the header block; `norm` = the folded start of the line. Returns the zone that follows: "title" after
 * the "KẾ HOẠCH" line, "preamble" when this line already belongs to the preamble (the caller reads it as such).
 */
export function readHeadLine(plan: Plan, line: Line, norm: string): "head" | "title" | "preamble" {
  const t = line.text;
  // A number wrapped onto the next line or cell line ("Số: 17/KH-" + "STP").
  if (plan.number && /[-/]$/u.test(plan.number) && /^[\p{Lu}\d][\p{Lu}\d./-]{0,20}$/u.test(t)) {
    plan.number += t;
    plan.header[plan.header.length - 1] += t;
    return "head";
  }
  const so = /^S[ốo]\s*:\s*(.*)$/iu.exec(t);
  if (so) {
    plan.number = so[1].trim();
    plan.header.push(t);
    if (plan.number === "" || plan.number.startsWith("/")) {
      plan.warnings.push({
        code: "incomplete_header",
        line: line.no,
        message: "Số văn bản chưa điền (bản dự thảo hoặc chưa cấp số)",
        text: t,
      });
    }
    return "head";
  }
  // Diacritics are optional (plans retyped without them): the folded line is tested.
  const pd = /^(.+?) ngay ?(\d{1,2})? ?thang ?(\d{1,2})? ?nam (\d{4})$/u.exec(fold(t));
  if (pd) {
    plan.place = t.includes(",") ? t.slice(0, t.indexOf(",")).trim() : pd[1];
    const [d, m, y] = [pd[2], pd[3], Number(pd[4])];
    const iso = d && m ? ymd(y, Number(m), Number(d)) : null;
    if (iso && isIsoDate(iso)) plan.date = iso as IsoDate;
    else {
      plan.date_text = t.slice(t.indexOf(",") + 1).trim();
      plan.warnings.push({
        code: "incomplete_header",
        line: line.no,
        message: "Ngày ban hành chưa điền đầy đủ",
        text: t,
      });
    }
    plan.header.push(t);
    if (plan.year === null) plan.year = y;
    return "head";
  }
  if (/^(?:ke hoach|chuong trinh)$/.test(norm)) {
    plan.doc_type = norm === "ke hoach" ? "Kế hoạch" : "Chương trình";
    return "title";
  }
  // "KẾ HOẠCH Triển khai …" on one line: the type and the start of the title.
  const inline = /^(KẾ HOẠCH|CHƯƠNG TRÌNH)\s*[:\-–]?\s+(\S.*)$/u.exec(t);
  if (inline) {
    plan.doc_type = inline[1] === "KẾ HOẠCH" ? "Kế hoạch" : "Chương trình";
    plan.header.push(`${inline[1]}`);
    titleStart.set(plan, inline[2]);
    return "title";
  }
  if (PREAMBLE_START_RE.test(norm)) return "preamble";
  plan.header.push(t);
  if (isMostlyUpper(t)) {
    const mention = findAgencyMentions(t)[0];
    if (mention && mention.start === 0) addIssuer(plan, { text: t, role: mention.role });
  }
  return "head";
}

/** Title text found on the "KẾ HOẠCH …" line itself, taken by the first readTitleLine call. */
const titleStart = new WeakMap<Plan, string>();

/** A title line (the summary after "KẾ HOẠCH"), collected into `titleParts`; false when the title has ended. */
export function readTitleLine(titleParts: string[], text: string, norm: string, plan?: Plan): boolean {
  const start = plan ? titleStart.get(plan) : undefined;
  if (plan && start !== undefined) {
    titleStart.delete(plan);
    titleParts.push(start);
  }
  if (!PREAMBLE_START_RE.test(norm) && !TERMINAL_RE.test(text) && titleParts.length < 6) {
    titleParts.push(text);
    return true;
  }
  return false;
}

/** One preamble line: a legal basis or other preamble text. */
export function readPreambleLine(plan: Plan, text: string, norm: string): void {
  if (PREAMBLE_START_RE.test(norm)) plan.legal_bases.push(text.replace(/;\s*$/u, ""));
  else plan.preamble.push(text);
  issuerFromClause(plan, text);
}

/**
 * Sets the title from the title lines (or, failing those, from a header line) and the year when the date gave none:
 * the last "năm YYYY" of the title, else `fallbackYear`.
 */
export function finishTitle(plan: Plan, titleParts: string[], fallbackYear: number | undefined): void {
  plan.title = titleParts.join(" ");
  if (!plan.title) {
    const h = plan.header.find((x) => !/^Số\s*:/iu.test(x) && !/,\s*ngày/iu.test(x) && !isMostlyUpper(x));
    if (h) plan.title = h;
    plan.warnings.push({
      code: "missing_title",
      message: 'Không tìm thấy tiêu đề kế hoạch (dòng "KẾ HOẠCH" và trích yếu)',
    });
  }
  if (plan.year === null) {
    const ys = [...fold(plan.title).matchAll(/nam (\d{4})/gu)];
    if (ys.length > 0) plan.year = Number(ys.at(-1)![1]);
    else if (fallbackYear !== undefined) plan.year = fallbackYear;
  }
}
