// Task tree → the plan's tasks and groups: each item's labelled fields become lead/coordinating agencies, executors,
// timing and expected output. An item with sub-items and no fields or text of its own is a group, not a task.
import { parseAgencyList, splitLead } from "./agencies.ts";
import { stripOne } from "./lines.ts";
import { type DocumentAliases, extractReferences } from "./references.ts";
import type { TaskNode } from "./task-tree.ts";
import { parseTiming } from "./timing.ts";
import type { AgencyRef, ExecutorGroup, Plan, PlanWarning, Task, TaskGroup } from "./types.ts";

/** Adds the tasks and groups of the tree to the plan, in document order. */
export function collectTasks(roots: TaskNode[], plan: Plan, aliases: DocumentAliases, lawYear: number): void {
  const visit = (node: TaskNode, group: string | null) => {
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
      plan.tasks.push(buildTask(node, group, textOf, aliases, lawYear, plan.warnings));
    }
    for (const c of node.children) visit(c, node.number);
  };
  for (const r of roots) visit(r, null);
}

function buildTask(
  node: TaskNode,
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
