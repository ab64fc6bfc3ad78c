// Top-level sections ("I. MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN"…) and the readers of the sections that are lists
// of text (purposes/requirements, organisation). Tasks have their own tree (task-tree.ts).
import { fold as normalizeVi } from "./fold.ts";
import { type Line, stripBullet, stripEnd, stripOne } from "./lines.ts";
import { numbered } from "./numbering.ts";
import type { Plan, PlanSection, SectionKind } from "./types.ts";

/** The kind of a section from its title's key words; null when none is known. */
export function sectionKind(title: string): SectionKind | null {
  const n = normalizeVi(title);
  if (/muc dich|muc tieu/.test(n) && /yeu cau/.test(n)) return "purposes_requirements";
  if (/^muc dich|^muc tieu/.test(n)) return "purposes";
  if (/^yeu cau/.test(n)) return "requirements";
  if (/noi dung|nhiem vu|cac hoat dong|giai phap|^phu luc|^danh muc/.test(n)) return "tasks";
  if (/to chuc thuc hien|trach nhiem thuc hien/.test(n)) return "organisation";
  if (/kinh phi/.test(n)) return "funding";
  return null;
}

/** Where the reader stands in the body of the plan. */
export interface SectionCursor {
  current: { number: string | null; kind: SectionKind; title: string } | null;
  /** Where plain items of a purposes/requirements section go; a "1. Mục đích" / "2. Yêu cầu" sub-heading switches it. */
  purposeTarget: "purposes" | "requirements";
  /** Organisation item that following "- …" lines continue. */
  orgItem: number | null;
  /** Section of an unknown kind: its lines are kept in it rather than dropped. */
  other: PlanSection | null;
}

export function newSectionCursor(): SectionCursor {
  return { current: null, purposeTarget: "purposes", orgItem: null, other: null };
}

/** Number of the current section ("II"), the prefix of its item numbers. */
export function sectionPrefix(cursor: SectionCursor): string | null {
  return cursor.current?.number ?? null;
}

/** Opens a section; returns its kind. */
export function startSection(
  cursor: SectionCursor,
  plan: Plan,
  line: Line,
  number: string | null,
  title: string,
): SectionKind {
  const kind = sectionKind(title) ?? "other";
  cursor.current = { number, kind, title };
  cursor.purposeTarget = kind === "requirements" ? "requirements" : "purposes";
  cursor.orgItem = null;
  const entry: PlanSection = { number, title, kind, line: line.no };
  plan.sections.push(entry);
  cursor.other = null;
  if (kind === "other") {
    entry.text = [];
    cursor.other = entry;
    plan.warnings.push({
      code: "unknown_section",
      line: line.no,
      message: `Mục "${title}" không thuộc các phần đã biết (mục đích/yêu cầu, nội dung, tổ chức thực hiện, kinh phí); các mục đánh số trong đó được đọc như nhiệm vụ, phần còn lại giữ trong "sections"`,
      text: line.text,
    });
  }
  return kind;
}

/** One line of a purposes/requirements section. */
export function readPurposeLine(cursor: SectionCursor, plan: Plan, line: Line): void {
  const n = numbered(line);
  if (n && n.type === "decimal") {
    const k = sectionKind(n.rest);
    if (k === "purposes" || k === "requirements") {
      cursor.purposeTarget = k;
      plan.sections.push({
        number: [sectionPrefix(cursor), n.path.join(".")].filter(Boolean).join("."),
        title: stripEnd(n.rest),
        kind: k,
        line: line.no,
      });
      return;
    }
  }
  const item = n ? n.rest : stripBullet(line.text);
  plan[cursor.purposeTarget].push(stripOne(item));
}

/** One line of the organisation section: numbered items, "- …" lines continue the last one. */
export function readOrgLine(cursor: SectionCursor, plan: Plan, line: Line): void {
  const n = numbered(line);
  if (n && (n.type === "decimal" || n.type === "letter")) {
    plan.organisation.push(stripOne(n.rest));
    cursor.orgItem = plan.organisation.length - 1;
    return;
  }
  if (cursor.orgItem !== null && /^[-–•+]\s/u.test(line.text)) {
    plan.organisation[cursor.orgItem] = `${plan.organisation[cursor.orgItem]}\n${stripOne(line.text)}`;
    return;
  }
  plan.organisation.push(stripOne(stripBullet(line.text)));
  cursor.orgItem = null;
}
