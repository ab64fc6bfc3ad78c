// Plan text (Markdown or plain text, e.g. from a .docx) → structured Plan. Never throws: every line ends up in a field
// of the plan or in a warning, so nothing is silently dropped. Structure comes from the numbering ("II.", "1.", "1.1.",
// "3.3", "a)"), not from Markdown heading levels (real documents mix them freely); bold/# marks only help find the title.
//
// This module reads the document zone by zone and hands each line to the reader of its zone: header.ts (header, title,
// preamble), sections.ts (section headings, purposes, organisation), task-tree.ts and tasks.ts (tasks), tail.ts
// (closing, recipients, signers).
import { fieldOf } from "./fields.ts";
import { fold as normalizeVi } from "./fold.ts";
import { finishTitle, readHeadLine, readPreambleLine, readTitleLine } from "./header.ts";
import { stripBullet, stripEnd, stripOne, toLines, unplaced } from "./lines.ts";
import { isMostlyUpper, numbered } from "./numbering.ts";
import { collectDocumentAliases } from "./references.ts";
import {
  newSectionCursor,
  readOrgLine,
  readPurposeLine,
  sectionKind,
  sectionPrefix,
  startSection,
} from "./sections.ts";
import { isClosingSentence, isRecipientsHeading, newTailState, readTailLine, SIGNER_TITLE_RE } from "./tail.ts";
import { TaskTree } from "./task-tree.ts";
import { collectTasks } from "./tasks.ts";
import type { Plan, PlanWarning } from "./types.ts";

export interface ParseOptions {
  /** Year used when the document names none (e.g. the CLI's --year). */
  year?: number;
}

type Zone = "head" | "title" | "preamble" | "body" | "tail";

/** Parses a plan. Never throws. */
export function parsePlan(input: string, options: ParseOptions = {}): Plan {
  const warnings: PlanWarning[] = [];
  const plan: Plan = {
    doc_type: null,
    issuers: [],
    year: null,
    title: "",
    header: [],
    legal_bases: [],
    preamble: [],
    purposes: [],
    requirements: [],
    tasks: [],
    groups: [],
    organisation: [],
    funding: [],
    closing: [],
    sections: [],
    warnings,
  };
  const text = typeof input === "string" ? input : "";
  const lines = toLines(text, warnings);
  const aliases = collectDocumentAliases(text.normalize("NFC"));

  let zone: Zone = "head";
  const cursor = newSectionCursor();
  const tree = new TaskTree(warnings);
  // Agency-centred plans put their tasks under "TỔ CHỨC THỰC HIỆN" ("1. Sở Tư pháp: a) …"): read that section as tasks
  // too, and use it when the plan has no other tasks.
  const orgWarnings: PlanWarning[] = [];
  const orgTree = new TaskTree(orgWarnings);
  /** A line before the first item of a section is its opening text, kept with the section. */
  const keepInSection = (line: (typeof lines)[number]) => {
    const entry = plan.sections.at(-1);
    if (!entry) return unplaced(warnings, line);
    entry.text ??= [];
    entry.text.push(line.text);
  };
  const tail = newTailState();
  const titleParts: string[] = [];
  let sawEnd = false;
  let sawTasksSection = false;
  const enterTail = () => {
    zone = "tail";
    sawEnd = true;
  };

  for (const line of lines) {
    const t = line.text;
    const norm = normalizeVi(t.slice(0, 60)); // only prefixes and short lines are tested

    if ((zone as Zone) === "tail" && !line.cells && !/^(?:phu luc|danh muc (?:cac )?nhiem vu)\b/.test(norm)) {
      readTailLine(tail, plan, line, norm);
      continue;
    }

    // Ending markers that may appear in any zone.
    // An appendix ("PHỤ LỤC", "Danh mục nhiệm vụ") or a task table after the signature holds tasks.
    if ((zone as Zone) === "tail" && (line.cells || /^(?:phu luc|danh muc (?:cac )?nhiem vu)\b/.test(norm))) {
      zone = "body";
      startSection(cursor, plan, line, "PL", line.cells ? "PHỤ LỤC" : stripEnd(t));
      tree.closeAll();
      sawTasksSection = true;
      if (!line.cells) continue;
    }

    if (isRecipientsHeading(norm) || (zone === "body" && SIGNER_TITLE_RE.test(t))) {
      enterTail();
      readTailLine(tail, plan, line, norm);
      continue;
    }
    if (isClosingSentence(t) && zone === "body") {
      plan.closing.push(stripOne(t));
      enterTail();
      continue;
    }

    const n = numbered(line);
    // Inside an appendix its own title lines ("DANH MỤC NHIỆM VỤ …") do not open another section.
    const inAppendix = cursor.current?.number === "PL";
    const kwOnly = !n && !inAppendix && t.length <= 80 && isMostlyUpper(t) ? sectionKind(t) : null;
    if ((n && n.type === "roman") || (kwOnly && (zone === "body" || zone === "preamble"))) {
      zone = "body";
      const kind =
        n && n.type === "roman"
          ? startSection(cursor, plan, line, n.number, stripEnd(n.rest))
          : startSection(cursor, plan, line, null, stripEnd(t));
      tree.closeAll();
      if (kind === "tasks") sawTasksSection = true;
      continue;
    }

    if (zone === "head" || zone === "title" || zone === "preamble") {
      // Decimal items, task fields or a task table before any section: the section headings are missing.
      if ((n && n.type === "decimal") || fieldOf(t) || line.cells) {
        warnings.push({
          code: "missing_section",
          line: line.no,
          message: `Không thấy tiêu đề phần (I., II. …) trước dòng ${line.no}; các mục sau được coi là nhiệm vụ`,
          text: t,
        });
        zone = "body";
        cursor.current = { number: null, kind: "tasks", title: "" };
        sawTasksSection = true;
        plan.sections.push({ number: null, title: "", kind: "tasks", line: line.no });
        tree.addLine(line, sectionPrefix(cursor));
        continue;
      }
      if (zone === "head") {
        zone = readHeadLine(plan, line, norm);
        if (zone !== "preamble") continue;
      }
      if (zone === "title") {
        if (readTitleLine(titleParts, t, norm, plan)) continue;
        zone = "preamble";
      }
      readPreambleLine(plan, t, norm);
      continue;
    }

    // body
    const kind = cursor.current?.kind ?? "other";
    if (line.cells && kind !== "tasks" && kind !== "other") {
      // A task table stands for the tasks wherever it is put.
      tree.addLine(line, sectionPrefix(cursor));
      sawTasksSection = true;
      continue;
    }
    switch (kind) {
      case "tasks":
        if (!tree.addLine(line, sectionPrefix(cursor))) keepInSection(line);
        break;
      case "purposes":
      case "requirements":
      case "purposes_requirements":
        readPurposeLine(cursor, plan, line);
        break;
      case "organisation":
        readOrgLine(cursor, plan, line);
        orgTree.addLine(line, sectionPrefix(cursor));
        break;
      case "funding":
        plan.funding.push(stripOne(stripBullet(t)));
        break;
      default:
        // A section of unknown title ("I. CÔNG TÁC PBGDPL"): its numbered items are read as tasks, other text kept.
        if (cursor.other) {
          if (!tree.addLine(line, sectionPrefix(cursor))) cursor.other.text!.push(t);
          else sawTasksSection = true;
        } else unplaced(warnings, line);
    }
    if (/\.\/\.\s*$|\/\.\s*$/u.test(t)) enterTail();
  }

  finishTitle(plan, titleParts, options.year);
  // A bare "Luật TNBTCNN" in a plan from before 2018 means the 2009 law (the 2017 law took effect on 01/7/2018).
  const lawYear = plan.year !== null && plan.year < 2018 ? 2009 : 2017;
  collectTasks(tree.roots, plan, aliases, lawYear);
  if (plan.tasks.length === 0 && orgTree.roots.length > 0) {
    const before = plan.groups.length;
    collectTasks(orgTree.roots, plan, aliases, lawYear);
    if (plan.tasks.length === 0) plan.groups.length = before;
    else {
      sawTasksSection = true;
      warnings.push(...orgWarnings);
    }
  }

  if (!sawTasksSection) {
    warnings.push({
      code: "missing_section",
      message: 'Không thấy phần nội dung nhiệm vụ (ví dụ "II. NỘI DUNG KẾ HOẠCH"); kế hoạch không có nhiệm vụ nào',
    });
  }
  if (!sawEnd) {
    warnings.push({
      code: "truncated",
      message: "Văn bản có thể bị cắt ngang: không thấy phần kết thúc (dấu ./., chữ ký hoặc nơi nhận)",
      line: lines.at(-1)?.no,
      text: lines.at(-1)?.text,
    });
  }
  return plan;
}
