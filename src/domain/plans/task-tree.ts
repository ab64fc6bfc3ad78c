// The tree of numbered items of a tasks section ("1.", "1.1.", "a)") with each item's lines sorted into labelled
// fields and free body text. Numbering faults (gaps, repeats) become warnings, never lost items.
import { type FieldLine, fieldOf } from "./fields.ts";
import { type Line, stripEnd, unplaced } from "./lines.ts";
import { LETTERS, type Numbered, numbered } from "./numbering.ts";
import type { PlanWarning } from "./types.ts";

export interface TaskNode {
  kind: "decimal" | "letter" | "implicit";
  path: number[];
  letter?: string;
  number: string;
  title: string;
  lines: Line[];
  /** `sub`: "Cấp tỉnh: …" / "Cấp huyện: …" lines under an agency field. */
  fields: Array<FieldLine & { line: Line; sub: Array<{ field: FieldLine; line: Line }> }>;
  body: Line[];
  children: TaskNode[];
  parent: TaskNode | null;
}

export class TaskTree {
  readonly roots: TaskNode[] = [];
  /** Open items, outermost first: a new item closes those it does not nest in. */
  private readonly stack: TaskNode[] = [];
  private readonly usedNumbers = new Set<string>();
  private readonly warnings: PlanWarning[];

  constructor(warnings: PlanWarning[]) {
    this.warnings = warnings;
  }

  /** A new section starts: its items do not nest in the previous section's. */
  closeAll(): void {
    this.stack.length = 0;
  }

  /** One line of a tasks section; `prefix` = the section's number ("II"), prefixed to item numbers. */
  addLine(line: Line, prefix: string | null): void {
    const n = numbered(line);
    if (n && (n.type === "decimal" || n.type === "letter")) {
      this.newNode(line, n, prefix);
      return;
    }
    const node = this.stack.at(-1) ?? null;
    if (!node) {
      unplaced(this.warnings, line, "nằm trong phần nội dung nhưng trước mục đánh số đầu tiên");
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
  }

  private newNode(line: Line, n: Numbered & { type: "decimal" | "letter" }, prefix: string | null): void {
    const stack = this.stack;
    let parent: TaskNode | null = null;
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
    const node: TaskNode = {
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
    node.number = this.uniqueNumber(makeNumber(prefix, node.path, node.letter, parent), line);
    const siblings = parent ? parent.children : this.roots;
    this.checkOrder(siblings, node, line);
    siblings.push(node);
    stack.push(node);
  }

  /** A repeated number gets a "(2)" suffix so that every task keeps a distinct number. */
  private uniqueNumber(n: string, line: Line): string {
    if (!this.usedNumbers.has(n)) {
      this.usedNumbers.add(n);
      return n;
    }
    let k = 2;
    while (this.usedNumbers.has(`${n}(${k})`)) k++;
    const u = `${n}(${k})`;
    this.usedNumbers.add(u);
    this.warnings.push({
      code: "numbering",
      line: line.no,
      message: `Số mục ${n} bị trùng; mục ở dòng ${line.no} được đánh số ${u}`,
      text: line.text,
    });
    return u;
  }

  /** Warns on a gap or a step back in the numbering: an item may be lost, or the numbering mistyped. */
  private checkOrder(siblings: TaskNode[], node: TaskNode, line: Line): void {
    const prev = siblings.at(-1);
    let gap: boolean;
    let what: string;
    if (node.kind === "decimal") {
      const prevIdx = prev && prev.kind === "decimal" ? prev.path.at(-1)! : 0;
      gap = node.path.at(-1)! !== prevIdx + 1;
      what = "Số mục";
    } else if (node.kind === "letter") {
      const prevIdx = prev?.letter !== undefined ? LETTERS.indexOf(prev.letter) : -1;
      gap = LETTERS.indexOf(node.letter!) !== prevIdx + 1;
      what = "Thứ tự điểm";
    } else return;
    if (gap) {
      this.warnings.push({
        code: "numbering",
        line: line.no,
        message: `${what} không liên tục: sau ${prev ? prev.number : "đầu mục"} là ${node.number}`,
        text: line.text,
      });
    }
  }
}

/** Full item number: "II.1.2"; a letter item under its parent ("II.1.a"), or under the section when it has none. */
function makeNumber(
  prefix: string | null,
  path: number[],
  letter: string | undefined,
  parent: TaskNode | null,
): string {
  if (letter !== undefined) return parent ? `${parent.number}.${letter}` : [prefix, letter].filter(Boolean).join(".");
  return [prefix, path.join(".")].filter((x) => x !== null && x !== "").join(".");
}
