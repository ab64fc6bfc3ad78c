// Task tree → the plan's tasks and groups: each item's labelled fields become lead/coordinating agencies, executors,
// timing and expected output. An item with sub-items and no fields or text of its own is a group, not a task. Where
// the fields are missing, the wording is read the way an officer reads it: labels inside the sentence ("(chủ trì: …;
// thời gian: …)"), "giao X chủ trì, phối hợp với Y … trong quý II", a heading naming the agency ("1. Sở Tư pháp:"),
// or the section's opening sentence ("Tổng cục … chủ trì thực hiện các nhiệm vụ sau"). What stays unknown is a warning.
import { findAgencyMentions } from "../agencies/resolve.ts";
import { parseAgencyList, splitLead } from "./agencies.ts";
import { inlineFields } from "./fields.ts";
import { stripOne } from "./lines.ts";
import { type DocumentAliases, extractReferences } from "./references.ts";
import type { NodeField, TaskNode } from "./task-tree.ts";
import { parseTiming } from "./timing.ts";
import type { AgencyRef, ExecutorGroup, Plan, PlanWarning, Task, TaskGroup } from "./types.ts";

/** Words of an item heading that only introduce the agency it names ("Trách nhiệm của", "Đề nghị"). */
const AGENCY_HEADING_RE = /^(?:trách nhiệm của|nhiệm vụ của|đề nghị|giao|đối với)\s+/iu;

/** The agencies an item heading names when the heading is only that ("1. Sở Tư pháp:", "2. Trách nhiệm của STP"). */
function headingAgencies(title: string): AgencyRef[] {
  const t = title.replace(AGENCY_HEADING_RE, "").replace(/[\s:.]+$/u, "");
  if (t.length === 0 || t.length > 140) return [];
  const refs = parseAgencyList(t);
  if (refs.length === 0 || refs.some((r) => r.role === null || r.note)) return [];
  return refs;
}

/** "giao X chủ trì, phối hợp với Y …", "X chủ trì thực hiện …": the lead and coordinators named in a sentence. */
export function proseAssignment(text: string): { lead: AgencyRef[]; coordinators: AgencyRef[] } {
  const out = { lead: [] as AgencyRef[], coordinators: [] as AgencyRef[] };
  const m = /(?<!\p{L})chủ trì(?!\p{L})/iu.exec(text);
  if (m) {
    let before = text.slice(0, m.index);
    const verb = [...before.matchAll(/(?:^|\s)(?:giao(?: cho)?|đề nghị|yêu cầu)\s+/giu)].at(-1);
    if (verb) before = before.slice(verb.index + verb[0].length);
    const mentions = findAgencyMentions(before);
    // The agencies right before "chủ trì", separated only by commas and "và".
    const chain: typeof mentions = [];
    let end = before.replace(/[\s,]+$/u, "").length;
    for (let i = mentions.length - 1; i >= 0; i--) {
      const gap = before.slice(mentions[i].end, end);
      if (!/^[\s,;]*(?:và\s*)?(?:tỉnh|thành phố)?[\s,;]*$/iu.test(gap)) break;
      chain.unshift(mentions[i]);
      end = mentions[i].start;
    }
    if (chain.length > 0) out.lead = parseAgencyList(before.slice(chain[0].start).replace(/[\s,]+$/u, ""));
  }
  const p = /phối hợp với\s+/iu.exec(text);
  if (p) {
    const rest = text.slice(p.index + p[0].length);
    const mentions = findAgencyMentions(rest);
    let end = 0;
    for (const mention of mentions) {
      if (!/^[\s,;]*(?:và\s*)?$/iu.test(rest.slice(end, mention.start))) break;
      out.coordinators.push({ text: mention.matched, role: mention.role });
      end = mention.end;
    }
  }
  return out;
}

const TIMING_IN_TEXT_RE =
  /(trước ngày \d{1,2}\/\d{1,2}\/\d{4}|quý [IV]{1,3}(?:\s*(?:,|và)\s*(?:quý )?[IV]{1,3})*(?: năm \d{4})?|6 tháng (?:đầu|cuối) năm(?: \d{4})?|tháng \d{1,2}(?:\/\d{4}| năm \d{4})|định kỳ (?:6 tháng|hằng quý|hằng năm|hằng tháng|hàng quý|hàng năm)(?: một lần)?|hằng quý|hằng tháng|thường xuyên|khi có yêu cầu)/iu;

/** A timing phrase inside a sentence ("… trong quý II năm 2024", "báo cáo trước ngày 30/11/2024"). */
function timingInText(text: string): string | null {
  const m = TIMING_IN_TEXT_RE.exec(text);
  return m ? m[1] : null;
}

/** Bullets under an item are tasks when they carry assignments, when the item names the agency, or at top level. */
function bulletsAreTasks(parent: TaskNode | null, bullets: TaskNode[]): boolean {
  if (!parent) return true;
  if (parent.fields.length > 0) return false;
  if (headingAgencies(parent.title).length > 0) return true;
  return bullets.some(
    (b) =>
      b.fields.length > 0 ||
      inlineFields(b.lines.map((l) => l.text).join("\n")).some((f) => f.key !== "level") ||
      /(?<!\p{L})chủ trì(?!\p{L})/iu.test(b.title),
  );
}

/** Folds bullets that are not tasks back into their item's text, in line order. */
function settleBullets(node: TaskNode | null, roots: TaskNode[]): void {
  const kids = node ? node.children : roots;
  const bullets = kids.filter((k) => k.kind === "bullet");
  if (bullets.length > 0 && node && !bulletsAreTasks(node, bullets)) {
    for (const b of bullets) {
      node.lines.push(...b.lines);
      node.body.push(...b.lines.filter((l) => !b.fields.some((f) => f.line === l)));
      node.fields.push(...b.fields);
    }
    node.lines.sort((a, b) => a.no - b.no);
    node.body.sort((a, b) => a.no - b.no);
    node.fields.sort((a, b) => a.line.no - b.line.no);
    node.children = kids.filter((k) => k.kind !== "bullet");
  } else {
    let k = 0;
    if (node) for (const b of bullets) b.number = `${node.number}.${++k}`;
  }
  for (const c of node ? node.children : roots) settleBullets(c, roots);
}

/** Adds the tasks and groups of the tree to the plan, in document order. */
export function collectTasks(roots: TaskNode[], plan: Plan, aliases: DocumentAliases, lawYear: number): void {
  for (const r of roots) settleBullets(r, roots);
  const visit = (node: TaskNode, group: string | null, inherited: AgencyRef[]) => {
    const isGroup = node.children.length > 0 && node.fields.length === 0 && node.body.length === 0;
    const textOf = node.lines.map((l) => l.text).join("\n");
    const named = headingAgencies(node.title);
    const lead = named.length > 0 ? named : inherited;
    if (isGroup || node.kind === "rowgroup") {
      plan.groups.push({
        number: node.number,
        title: node.title,
        text: textOf,
        references: extractReferences(textOf, aliases, lawYear),
      } satisfies TaskGroup);
    } else {
      plan.tasks.push(buildTask(node, group, textOf, aliases, lawYear, plan.warnings, lead));
    }
    for (const c of node.children) visit(c, node.number, lead);
  };
  for (const r of roots) {
    const intro = r.intro ? proseAssignment(r.intro).lead : [];
    visit(r, null, intro);
  }
}

function buildTask(
  node: TaskNode,
  group: string | null,
  text: string,
  aliases: DocumentAliases,
  lawYear: number,
  warnings: PlanWarning[],
  inheritedLead: AgencyRef[],
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
  // "Đơn vị thực hiện: A chủ trì, phối hợp với B" names the lead too; used only when no "Chủ trì:" field does.
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
  // Labels written inside the heading or the text count when no field line gives them.
  const fields: NodeField[] = [...node.fields];
  const inline = inlineFields(
    [node.title, ...node.body.filter((l) => l !== node.lines[0]).map((l) => l.text)].join("\n"),
  );
  for (const f of inline) {
    if (!fields.some((g) => g.key === f.key)) fields.push({ ...f, line: node.lines[0], sub: [] });
  }
  if (inline.length > 0) {
    const cut = node.title.search(
      /\s*\(?\s*(?:cơ quan |đơn vị )?(?:chủ trì|phối hợp|thời gian|thời hạn|sản phẩm)\s*:/iu,
    );
    if (cut > 0) task.title = node.title.slice(0, cut).replace(/[\s.;,(]+$/u, "");
  }
  for (const f of fields) {
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
      case "coordinators":
        if (value) task[f.key].push(...parseAgencyList(value));
        for (const s of f.sub) task[f.key].push(...parseAgencyList(s.field.value));
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
  // "Cơ quan thực hiện: Sở Tư pháp." — one named agency carries out the task: it leads it.
  const execs = task.executors.flatMap((g) => g.agencies);
  if (task.lead.length === 0 && execs.length === 1 && execs[0].role !== null && task.executors.length === 1) {
    task.lead = [execs[0]];
    task.lead_derived = true;
  }
  const sentence = [node.title, ...node.body.map((l) => l.text)].join(" ");
  if (task.lead.length === 0 && execs.length === 0) {
    const prose = proseAssignment(sentence);
    if (prose.lead.length > 0) {
      task.lead = prose.lead;
      task.lead_derived = true;
    }
    if (task.coordinators.length === 0 && prose.coordinators.length > 0) task.coordinators = prose.coordinators;
  }
  if (task.lead.length === 0 && execs.length === 0 && inheritedLead.length > 0) {
    task.lead = inheritedLead.map((r) => ({ ...r }));
    task.lead_derived = true;
  }
  if (timingTexts.length === 0) {
    const phrase = timingInText(sentence);
    if (phrase) timingTexts.push(phrase);
  }
  if (timingTexts.length > 0) {
    const schedule = parseTiming(timingTexts.join("; "), { aliases });
    task.timing = schedule;
    if (schedule.kind === "unparsed") {
      warnings.push({
        code: "unparsed_timing",
        line: node.lines[0].no,
        message: schedule.impossible_date
          ? `Thời gian thực hiện của mục ${node.number} ghi ngày ${schedule.impossible_date} — ngày này không có thật; hãy sửa thời hạn trước khi tạo nhiệm vụ`
          : `Không hiểu được thời gian thực hiện "${schedule.text}" của mục ${node.number}; nhiệm vụ không có hạn tự động`,
        text: schedule.text,
      });
    }
  }
  if (outputs.length > 0) task.expected_output = outputs.join("\n");
  if (task.lead.length === 0) {
    warnings.push({
      code: "no_lead",
      line: node.lines[0].no,
      message: `Mục ${node.number} chưa có cơ quan chủ trì; cần chọn cơ quan chủ trì trước khi tạo nhiệm vụ`,
      text: node.lines[0].text,
    });
  }
  if (task.title.replace(/[^\p{L}]/gu, "").length < 8) {
    warnings.push({
      code: "suspect_task",
      line: node.lines[0].no,
      message: `Mục ${node.number} có tên quá ngắn ("${task.title}"); có thể không phải nhiệm vụ, cần kiểm tra`,
      text: node.lines[0].text,
    });
  }
  // One warning per distinct unresolved wording in a task (the same wording may fill several fields).
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
