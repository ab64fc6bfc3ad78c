// Plan text (Markdown or plain text, e.g. from a .docx) → structured Plan. Never throws: every line ends up in a field
// of the plan or in a warning, so nothing is silently dropped. Structure comes from the numbering ("II.", "1.", "1.1.",
// "3.3", "a)"), not from Markdown heading levels (real documents mix them freely); bold/# marks only help find the title.
import { findAgencyMentions } from "../agencies/resolve.ts";
import { type IsoDate, isIsoDate, ymd } from "../shared/dates.ts";
import { parseAgencyList, splitLead } from "./agencies.ts";
import { fold as normalizeVi } from "./fold.ts";
import { collectDocumentAliases, type DocumentAliases, extractReferences } from "./references.ts";
import { parseTiming } from "./timing.ts";
import type {
  AgencyRef,
  ExecutorGroup,
  Plan,
  PlanSection,
  PlanWarning,
  SectionKind,
  Signer,
  Task,
  TaskGroup,
} from "./types.ts";

// ---------------------------------------------------------------- lines

interface Line {
  /** 1-based line number in the input. */
  no: number;
  raw: string;
  /** Markup stripped, trimmed; page-break continuations appended. */
  text: string;
  heading: boolean;
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
const LETTERS = "abcdđeghiklmnopqrstuvxy";

function cleanLine(raw: string): { text: string; heading: boolean } {
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

const TERMINAL_RE = /[.:;!?…)"”'\]]$/u;
const LIST_MARKER_RE = /^(?:[a-zđ]\)|[-–•+]\s)/u;

function toLines(input: string, warnings: PlanWarning[]): Line[] {
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

// ---------------------------------------------------------------- classification

type Numbered =
  | { type: "roman"; number: string; value: number; rest: string }
  | { type: "decimal"; path: number[]; rest: string }
  | { type: "letter"; letter: string; rest: string };

function isMostlyUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length > 0.7;
}

function numbered(line: Line): Numbered | null {
  const t = line.text;
  const roman = /^([IVX]{1,4})[.)]?\s+(\S.*)$/u.exec(t);
  if (roman && ROMAN_VALUES[roman[1]] !== undefined && (isMostlyUpper(roman[2]) || line.heading)) {
    return { type: "roman", number: roman[1], value: ROMAN_VALUES[roman[1]], rest: roman[2] };
  }
  const dec = /^(\d{1,2}(?:\.\d{1,2})*)(\.|\))?\s+(\S.*)$/u.exec(t);
  if (dec) {
    const path = dec[1].split(".").map(Number);
    const ok = dec[2] !== undefined || path.length > 1 || line.heading;
    if (ok && path.every((n) => n >= 1 && n <= 60)) return { type: "decimal", path, rest: dec[3] };
  }
  const letter = /^([a-zđ])\)\s*(\S.*)$/u.exec(t);
  if (letter) return { type: "letter", letter: letter[1], rest: letter[2] };
  return null;
}

type FieldKey = "lead" | "coordinators" | "executors" | "timing" | "expected_output" | "level";

const FIELD_LABELS: Array<[RegExp, FieldKey]> = [
  [/^(?:co quan|don vi)? ?chu tri$/, "lead"],
  [/^(?:co quan|don vi)? ?phoi hop$/, "coordinators"],
  [/^(?:co quan|don vi)(?: to chuc)? thuc hien$|^trach nhiem thuc hien$/, "executors"],
  [/^thoi (?:gian|han)(?: thuc hien| hoan thanh)?$|^tien do(?: thuc hien)?$/, "timing"],
  [/^ket qua(?: thuc hien| dau ra)?$|^san pham(?: dau ra)?$/, "expected_output"],
  [/^cap (?:tinh|huyen|xa|trung uong|bo|co so)$/, "level"],
];

interface FieldLine {
  key: FieldKey;
  label: string;
  value: string;
  bullet: string;
}

function fieldOf(text: string): FieldLine | null {
  const m = /^([-–•+]\s*)?([^:]{2,40}):\s*(.*)$/u.exec(text);
  if (!m) return null;
  const norm = normalizeVi(m[2]);
  for (const [re, key] of FIELD_LABELS) {
    if (re.test(norm)) return { key, label: m[2].trim(), value: m[3].trim(), bullet: (m[1] ?? "").trim() };
  }
  return null;
}

function sectionKind(title: string): SectionKind | null {
  const n = normalizeVi(title);
  if (/muc dich|muc tieu/.test(n) && /yeu cau/.test(n)) return "purposes_requirements";
  if (/^muc dich|^muc tieu/.test(n)) return "purposes";
  if (/^yeu cau/.test(n)) return "requirements";
  if (/noi dung|nhiem vu|cac hoat dong/.test(n)) return "tasks";
  if (/to chuc thuc hien|trach nhiem thuc hien/.test(n)) return "organisation";
  if (/kinh phi/.test(n)) return "funding";
  return null;
}

const SIGNER_TITLE_RE = /^(?:KT|TM|TL|Q|QUYỀN)\.?\s+\p{Lu}/u;

function stripEnd(s: string): string {
  return s.replace(/\s*(?:\.\/\.|\/\.)\s*$/u, ".").replace(/[\s.;:,]+$/u, "");
}

function stripOne(s: string): string {
  return s
    .replace(/\s*\.\/\.\s*$/u, ".")
    .replace(/[.;]$/u, "")
    .trim();
}

function stripBullet(s: string): string {
  return s.replace(/^[-–•+]\s*/u, "");
}

// ---------------------------------------------------------------- task tree

interface Node {
  kind: "decimal" | "letter" | "implicit";
  path: number[];
  letter?: string;
  number: string;
  title: string;
  lines: Line[];
  fields: Array<FieldLine & { line: Line; sub: Array<{ field: FieldLine; line: Line }> }>;
  body: Line[];
  children: Node[];
  parent: Node | null;
}

export interface ParseOptions {
  /** Year used when the document names none (e.g. the CLI's --year). */
  year?: number;
}

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

  const unplaced = (line: Line, why?: string) =>
    warnings.push({
      code: "unplaced_line",
      line: line.no,
      message: `Không xác định được vị trí của dòng ${line.no} trong kế hoạch${why ? ` (${why})` : ""}; nội dung được giữ nguyên trong cảnh báo này`,
      text: line.text,
    });

  // ---- zones
  type Zone = "head" | "title" | "preamble" | "body" | "tail";
  let zone: Zone = "head";
  let section: { number: string | null; kind: SectionKind; title: string } | null = null;
  let purposeTarget: "purposes" | "requirements" = "purposes";
  const roots: Node[] = [];
  const stack: Node[] = [];
  const usedNumbers = new Set<string>();
  let orgCurrent: number | null = null;
  let otherSection: PlanSection | null = null;
  let tail: { mode: "none" | "recipients" | "signers"; signer: Signer | null; lastWasTitle: boolean } = {
    mode: "none",
    signer: null,
    lastWasTitle: false,
  };
  let sawEnd = false;
  let sawTasksSection = false;
  const titleParts: string[] = [];

  const issuerFromClause = (line: string) => {
    const m = /^(.*?)\s+ban hành\s+(?:Kế hoạch|Chương trình)\b/iu.exec(line);
    if (!m) return;
    const clause = m[1].split(";").at(-1) ?? "";
    for (const piece of clause.split(/\s+và\s+|,\s*/u)) {
      const p = piece.trim();
      if (!p) continue;
      const mention = findAgencyMentions(p)[0];
      if (mention) addIssuer({ text: p, role: mention.role });
    }
  };
  const addIssuer = (ref: AgencyRef) => {
    if (!plan.issuers.some((i) => i.role !== null && i.role === ref.role)) plan.issuers.push(ref);
  };

  const startSection = (line: Line, number: string | null, title: string) => {
    const kind = sectionKind(title) ?? "other";
    section = { number, kind, title };
    purposeTarget = kind === "requirements" ? "requirements" : "purposes";
    stack.length = 0;
    orgCurrent = null;
    const entry: PlanSection = { number, title, kind, line: line.no };
    plan.sections.push(entry);
    otherSection = null;
    if (kind === "tasks") sawTasksSection = true;
    if (kind === "other") {
      entry.text = [];
      otherSection = entry;
      warnings.push({
        code: "unknown_section",
        line: line.no,
        message: `Mục "${title}" không thuộc các phần đã biết (mục đích/yêu cầu, nội dung, tổ chức thực hiện, kinh phí); nội dung được giữ trong "sections"`,
        text: line.text,
      });
    }
  };

  const enterTail = () => {
    zone = "tail";
    sawEnd = true;
  };

  // -- tasks section
  const sectionPrefix = () => (section as { number: string | null } | null)?.number ?? null;
  const makeNumber = (path: number[], letter?: string, parent?: Node | null) => {
    const base =
      letter !== undefined
        ? parent
          ? `${parent.number}.${letter}`
          : [sectionPrefix(), letter].filter(Boolean).join(".")
        : [sectionPrefix(), path.join(".")].filter((x) => x !== null && x !== "").join(".");
    return base;
  };
  const uniqueNumber = (n: string, line: Line) => {
    if (!usedNumbers.has(n)) {
      usedNumbers.add(n);
      return n;
    }
    let k = 2;
    while (usedNumbers.has(`${n}(${k})`)) k++;
    const u = `${n}(${k})`;
    usedNumbers.add(u);
    warnings.push({
      code: "numbering",
      line: line.no,
      message: `Số mục ${n} bị trùng; mục ở dòng ${line.no} được đánh số ${u}`,
      text: line.text,
    });
    return u;
  };
  const checkOrder = (siblings: Node[], node: Node, line: Line) => {
    const prev = siblings.at(-1);
    if (node.kind === "decimal") {
      const idx = node.path.at(-1)!;
      const prevIdx = prev && prev.kind === "decimal" ? prev.path.at(-1)! : 0;
      if (idx !== prevIdx + 1) {
        warnings.push({
          code: "numbering",
          line: line.no,
          message: `Số mục không liên tục: sau ${prev ? prev.number : "đầu mục"} là ${node.number}`,
          text: line.text,
        });
      }
    } else if (node.kind === "letter") {
      const idx = LETTERS.indexOf(node.letter!);
      const prevIdx = prev?.letter !== undefined ? LETTERS.indexOf(prev.letter) : -1;
      if (idx !== prevIdx + 1) {
        warnings.push({
          code: "numbering",
          line: line.no,
          message: `Thứ tự điểm không liên tục: sau ${prev ? prev.number : "đầu mục"} là ${node.number}`,
          text: line.text,
        });
      }
    }
  };
  const newNode = (line: Line, n: Numbered & { type: "decimal" | "letter" }) => {
    let parent: Node | null = null;
    if (n.type === "decimal") {
      while (stack.length > 0) {
        const top = stack.at(-1)!;
        if (
          top.kind === "decimal" &&
          top.path.length < n.path.length &&
          n.path.slice(0, top.path.length).every((v, i) => v === top.path[i])
        )
          break;
        stack.pop();
      }
      parent = stack.at(-1) ?? null;
    } else {
      while (stack.length > 0 && stack.at(-1)!.kind !== "decimal") stack.pop();
      parent = stack.at(-1) ?? null;
    }
    const node: Node = {
      kind: n.type,
      path: n.type === "decimal" ? n.path : [],
      letter: n.type === "letter" ? n.letter : undefined,
      number: "",
      title: stripEnd(n.rest),
      lines: [line],
      fields: [],
      body: [],
      children: [],
      parent,
    };
    node.number = uniqueNumber(makeNumber(node.path, node.letter, parent), line);
    const siblings = parent ? parent.children : roots;
    checkOrder(siblings, node, line);
    siblings.push(node);
    stack.push(node);
  };
  const currentNode = () => stack.at(-1) ?? null;

  const handleTaskLine = (line: Line) => {
    const n = numbered(line);
    if (n && (n.type === "decimal" || n.type === "letter")) {
      newNode(line, n);
      return;
    }
    const node = currentNode();
    if (!node) {
      unplaced(line, "nằm trong phần nội dung nhưng trước mục đánh số đầu tiên");
      return;
    }
    node.lines.push(line);
    const f = fieldOf(line.text);
    if (f && f.key === "level") {
      const last = node.fields.at(-1);
      if (last && (last.key === "executors" || last.key === "lead" || last.key === "coordinators")) {
        last.sub.push({ field: f, line });
        return;
      }
      node.body.push(line);
      return;
    }
    if (f) {
      node.fields.push({ ...f, line, sub: [] });
      return;
    }
    node.body.push(line);
  };

  // -- purposes / organisation / funding
  const handlePurposeLine = (line: Line) => {
    const n = numbered(line);
    if (n && n.type === "decimal") {
      const k = sectionKind(n.rest);
      if (k === "purposes" || k === "requirements") {
        purposeTarget = k;
        plan.sections.push({
          number: [sectionPrefix(), n.path.join(".")].filter(Boolean).join("."),
          title: stripEnd(n.rest),
          kind: k,
          line: line.no,
        });
        return;
      }
    }
    const item = n ? n.rest : stripBullet(line.text);
    plan[purposeTarget].push(stripOne(item));
  };
  const handleOrgLine = (line: Line) => {
    const n = numbered(line);
    if (n && (n.type === "decimal" || n.type === "letter")) {
      plan.organisation.push(stripOne(n.rest));
      orgCurrent = plan.organisation.length - 1;
      return;
    }
    if (orgCurrent !== null && /^[-–•+]\s/u.test(line.text)) {
      plan.organisation[orgCurrent] = `${plan.organisation[orgCurrent]}\n${stripOne(line.text)}`;
      return;
    }
    plan.organisation.push(stripOne(stripBullet(line.text)));
    orgCurrent = null;
  };

  // -- tail (signers, recipients)
  const handleTailLine = (line: Line) => {
    const t = line.text;
    const norm = normalizeVi(t.slice(0, 60)); // only prefixes and short lines are tested
    if (/^noi nhan\b/.test(norm)) {
      tail = { mode: "recipients", signer: null, lastWasTitle: false };
      plan.recipients ??= [];
      plan.sections.push({ number: null, title: stripEnd(t), kind: "recipients", line: line.no });
      const rest = t.replace(/^[^:]*:\s*/u, "");
      if (rest && rest !== t) plan.recipients.push(stripOne(rest));
      return;
    }
    if (/^trên đây\b/iu.test(t)) {
      plan.closing.push(stripOne(t));
      return;
    }
    if (tail.mode === "recipients" && /^[-–•+]\s*/u.test(t)) {
      plan.recipients!.push(stripOne(stripBullet(t)));
      return;
    }
    const isTitle = SIGNER_TITLE_RE.test(t) || (t.length <= 80 && isMostlyUpper(t));
    if (isTitle) {
      const italic = /^(.*?\S)\s+\*([^*]+)\*\s*$/u.exec(line.raw.replace(/^\s*#+\s*/u, "").replace(/\*\*/gu, ""));
      const title = italic ? cleanLine(italic[1]).text : t;
      if (tail.signer && tail.lastWasTitle && !tail.signer.name) {
        tail.signer.title = `${tail.signer.title}\n${title}`;
      } else {
        tail.signer = { title };
        plan.signers ??= [];
        plan.signers.push(tail.signer);
      }
      if (italic) tail.signer.note = cleanLine(italic[2]).text;
      tail.mode = "signers";
      tail.lastWasTitle = true;
      return;
    }
    const words = t.split(" ");
    const looksName = words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w));
    if (tail.signer && looksName) {
      if (!tail.signer.name) tail.signer.name = t;
      else if (tail.signer.name !== t) {
        tail.signer.name = `${tail.signer.name}\n${t}`;
      }
      tail.lastWasTitle = false;
      return;
    }
    if (tail.mode === "recipients") {
      plan.recipients!.push(stripOne(t));
      return;
    }
    unplaced(line, "sau phần nội dung kế hoạch");
  };

  // ---- main loop
  for (const line of lines) {
    const t = line.text;
    const norm = normalizeVi(t.slice(0, 60)); // only prefixes and short lines are tested

    if ((zone as Zone) === "tail") {
      handleTailLine(line);
      continue;
    }

    // Ending markers that may appear in any zone.
    if (/^noi nhan\b/.test(norm) || (zone === "body" && SIGNER_TITLE_RE.test(t))) {
      enterTail();
      handleTailLine(line);
      continue;
    }
    if (/^trên đây\b/iu.test(t) && zone === "body") {
      plan.closing.push(stripOne(t));
      enterTail();
      continue;
    }

    const n = numbered(line);
    const kwOnly = !n && t.length <= 80 && isMostlyUpper(t) ? sectionKind(t) : null;
    if ((n && n.type === "roman") || (kwOnly && (zone === "body" || zone === "preamble"))) {
      zone = "body";
      if (n && n.type === "roman") startSection(line, n.number, stripEnd(n.rest));
      else startSection(line, null, stripEnd(t));
      continue;
    }

    if (zone === "head" || zone === "title" || zone === "preamble") {
      // Decimal items or task fields before any section: the section headings are missing.
      if ((n && n.type === "decimal") || fieldOf(t)) {
        warnings.push({
          code: "missing_section",
          line: line.no,
          message: `Không thấy tiêu đề phần (I., II. …) trước dòng ${line.no}; các mục sau được coi là nhiệm vụ`,
          text: t,
        });
        zone = "body";
        section = { number: null, kind: "tasks", title: "" };
        sawTasksSection = true;
        plan.sections.push({ number: null, title: "", kind: "tasks", line: line.no });
        handleTaskLine(line);
        continue;
      }
      if (zone === "head") {
        const so = /^Số\s*:\s*(.*)$/iu.exec(t);
        if (so) {
          plan.number = so[1].trim();
          plan.header.push(t);
          if (plan.number === "" || plan.number.startsWith("/")) {
            warnings.push({
              code: "incomplete_header",
              line: line.no,
              message: "Số văn bản chưa điền (bản dự thảo hoặc chưa cấp số)",
              text: t,
            });
          }
          continue;
        }
        const pd = /^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})\s*$/iu.exec(t);
        if (pd) {
          plan.place = pd[1].trim();
          const [d, m, y] = [pd[2], pd[3], Number(pd[4])];
          const iso = d && m ? ymd(y, Number(m), Number(d)) : null;
          if (iso && isIsoDate(iso)) plan.date = iso as IsoDate;
          else {
            plan.date_text = t.slice(t.indexOf(",") + 1).trim();
            warnings.push({
              code: "incomplete_header",
              line: line.no,
              message: "Ngày ban hành chưa điền đầy đủ",
              text: t,
            });
          }
          plan.header.push(t);
          if (plan.year === null) plan.year = y;
          continue;
        }
        if (/^(?:ke hoach|chuong trinh)$/.test(norm)) {
          plan.doc_type = norm === "ke hoach" ? "Kế hoạch" : "Chương trình";
          zone = "title";
          continue;
        }
        if (/^(?:can cu|thuc hien)\b/.test(norm)) {
          zone = "preamble";
        } else {
          plan.header.push(t);
          if (isMostlyUpper(t)) {
            const mention = findAgencyMentions(t)[0];
            if (mention && mention.start === 0) addIssuer({ text: t, role: mention.role });
          }
          continue;
        }
      }
      if (zone === "title") {
        if (!/^(?:can cu|thuc hien)\b/.test(norm) && !TERMINAL_RE.test(t) && titleParts.length < 6) {
          titleParts.push(t);
          continue;
        }
        zone = "preamble";
      }
      // preamble
      if (/^(?:can cu|thuc hien)\b/.test(norm)) plan.legal_bases.push(t.replace(/;\s*$/u, ""));
      else plan.preamble.push(t);
      issuerFromClause(t);
      continue;
    }

    // body
    const kind = (section as { kind: SectionKind } | null)?.kind ?? "other";
    switch (kind) {
      case "tasks":
        handleTaskLine(line);
        break;
      case "purposes":
      case "requirements":
      case "purposes_requirements":
        handlePurposeLine(line);
        break;
      case "organisation":
        handleOrgLine(line);
        break;
      case "funding":
        plan.funding.push(stripOne(stripBullet(t)));
        break;
      default:
        if (otherSection) (otherSection as PlanSection).text!.push(t);
        else unplaced(line);
    }
    if (/\.\/\.\s*$|\/\.\s*$/u.test(t)) enterTail();
  }

  // ---- title
  plan.title = titleParts.join(" ");
  if (!plan.title) {
    const h = plan.header.find((x) => !/^Số\s*:/iu.test(x) && !/,\s*ngày/iu.test(x) && !isMostlyUpper(x));
    if (h) plan.title = h;
    warnings.push({ code: "missing_title", message: 'Không tìm thấy tiêu đề kế hoạch (dòng "KẾ HOẠCH" và trích yếu)' });
  }
  if (plan.year === null) {
    const ys = [...plan.title.matchAll(/năm (\d{4})/giu)];
    if (ys.length > 0) plan.year = Number(ys.at(-1)![1]);
    else if (options.year !== undefined) plan.year = options.year;
  }
  const lawYear = plan.year !== null && plan.year < 2018 ? 2009 : 2017;

  // ---- tasks and groups from the tree
  const visit = (node: Node, group: string | null) => {
    const isGroup = node.children.length > 0 && node.fields.length === 0 && node.body.length === 0;
    const textOf = node.lines.map((l) => l.text).join("\n");
    if (isGroup) {
      plan.groups.push({
        number: node.number,
        title: node.title,
        text: textOf,
        references: extractReferences(textOf, aliases, lawYear),
      } satisfies TaskGroup);
    } else {
      plan.tasks.push(buildTask(node, group, textOf, aliases, lawYear, warnings));
    }
    for (const c of node.children) visit(c, node.number);
  };
  for (const r of roots) visit(r, null);

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

function buildTask(
  node: Node,
  group: string | null,
  text: string,
  aliases: DocumentAliases,
  lawYear: number,
  warnings: PlanWarning[],
): Task {
  const task: Task = {
    number: node.number,
    title: node.title,
    text,
    lead: [],
    coordinators: [],
    executors: [],
    timing: null,
    expected_output: null,
    references: extractReferences(text, aliases, lawYear),
    group,
    lines: [node.lines[0].no, node.lines.at(-1)!.no],
  };
  const timingTexts: string[] = [];
  const outputs: string[] = [];
  const derivedLead: AgencyRef[] = [];
  const derivedCoord: AgencyRef[] = [];
  const addExec = (level: string | undefined, value: string) => {
    const split = splitLead(value);
    if (split.lead.length > 0) {
      derivedLead.push(...split.lead);
      derivedCoord.push(...split.coordinators);
    }
    const g: ExecutorGroup = { agencies: split.all };
    if (level) g.level = level;
    if (g.agencies.length > 0 || level) task.executors.push(g);
  };
  for (const f of node.fields) {
    const value = f.value;
    const hasSub = f.sub.length > 0;
    if (!value && !hasSub) {
      warnings.push({
        code: "empty_field",
        line: f.line.no,
        message: `Trường "${f.label}" của mục ${node.number} để trống`,
        text: f.line.text,
      });
      continue;
    }
    switch (f.key) {
      case "lead":
        if (value) task.lead.push(...parseAgencyList(value));
        for (const s of f.sub) task.lead.push(...parseAgencyList(s.field.value));
        break;
      case "coordinators":
        if (value) task.coordinators.push(...parseAgencyList(value));
        for (const s of f.sub) task.coordinators.push(...parseAgencyList(s.field.value));
        break;
      case "executors":
        if (value) addExec(undefined, value);
        for (const s of f.sub) addExec(s.field.label, s.field.value);
        break;
      case "timing":
        timingTexts.push(value);
        break;
      case "expected_output":
        outputs.push(stripOne(value));
        break;
      default:
        break;
    }
  }
  if (task.lead.length === 0 && derivedLead.length > 0) {
    task.lead = derivedLead;
    if (task.coordinators.length === 0) task.coordinators = derivedCoord;
    task.lead_derived = true;
  }
  if (timingTexts.length > 0) {
    const schedule = parseTiming(timingTexts.join("; "), { aliases });
    task.timing = schedule;
    if (schedule.kind === "unparsed") {
      warnings.push({
        code: "unparsed_timing",
        line: node.lines[0].no,
        message: `Không hiểu được thời gian thực hiện "${schedule.text}" của mục ${node.number}; nhiệm vụ không có hạn tự động`,
        text: schedule.text,
      });
    }
  }
  if (outputs.length > 0) task.expected_output = outputs.join("\n");
  const refs = [...task.lead, ...task.coordinators, ...task.executors.flatMap((g) => g.agencies)];
  const warned = new Set<string>();
  for (const r of refs) {
    if (r.role === null && !warned.has(r.text)) {
      warned.add(r.text);
      warnings.push({
        code: "unresolved_agency",
        line: node.lines[0].no,
        message: `Không xác định được cơ quan "${r.text}" ở mục ${node.number}; giữ nguyên văn bản`,
        text: r.text,
      });
    }
  }
  return task;
}
