// The tree of items of a tasks section ("1.", "1.1.", "a)", "Một là", bullets, rows of a task table) with each item's
// lines sorted into labelled fields and free body text. Numbering faults (gaps, repeats) become warnings, never lost
// items. Whether bullets are tasks or just the text of their item is decided later (tasks.ts), when the whole item
// has been read.
import { type FieldLine, fieldsOf } from "./fields.ts";
import { fold } from "./fold.ts";
import { type Line, MERGED_CELL_RE, stripEnd, unplaced } from "./lines.ts";
import { bulletOf, LETTERS, type Numbered, numbered } from "./numbering.ts";
import type { PlanWarning } from "./types.ts";

export type NodeKind = "decimal" | "letter" | "ordinal" | "bullet" | "row" | "rowgroup";

export type NodeField = FieldLine & { line: Line; sub: Array<{ field: FieldLine; line: Line }> };

export interface TaskNode {
  kind: NodeKind;
  path: number[];
  letter?: string;
  index?: number;
  /** Bullet character of a bullet item. */
  marker?: string;
  number: string;
  title: string;
  lines: Line[];
  /** `sub`: "Cấp tỉnh: …" / "Cấp huyện: …" lines under an agency field. */
  fields: NodeField[];
  body: Line[];
  children: TaskNode[];
  parent: TaskNode | null;
  /** Opening sentence of the section the item is in ("Sở Tư pháp chủ trì thực hiện các nhiệm vụ sau:"). */
  intro?: string;
}

type ColumnKey = "stt" | "title" | "lead" | "coordinators" | "executors" | "timing" | "expected_output" | "note";

/** Column of a task table from its header words (any order and wording; merged header rows joined). */
function columnKey(header: string): ColumnKey | null {
  const h = fold(header);
  if (/^(?:stt|tt|so tt|so thu tu)$/.test(h)) return "stt";
  if (/thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian/.test(h)) return "timing";
  if (/san pham|ket qua/.test(h)) return "expected_output";
  if (/phoi hop/.test(h)) return "coordinators";
  if (/chu tri/.test(h)) return "lead";
  if (/noi dung|nhiem vu|cong viec|hoat dong|^ten/.test(h)) return "title";
  if (/thuc hien|trach nhiem|don vi|co quan/.test(h)) return "executors";
  if (/ghi chu/.test(h)) return "note";
  return null;
}

const COLUMN_LABEL: Record<Exclude<ColumnKey, "stt" | "title" | "note">, FieldLine["key"]> = {
  lead: "lead",
  coordinators: "coordinators",
  executors: "executors",
  timing: "timing",
  expected_output: "expected_output",
};

interface TableState {
  id: number;
  header: string[][];
  columns: Array<ColumnKey | null>;
  labels: string[];
  last: string[] | null;
  group: TaskNode | null;
  rows: number;
}

export class TaskTree {
  readonly roots: TaskNode[] = [];
  /** Open items, outermost first: a new item closes those it does not nest in. */
  private readonly stack: TaskNode[] = [];
  private readonly usedNumbers = new Set<string>();
  private readonly warnings: PlanWarning[];
  private intro: string | undefined;
  private table: TableState | null = null;

  constructor(warnings: PlanWarning[]) {
    this.warnings = warnings;
  }

  /** A new section starts: its items do not nest in the previous section's. */
  closeAll(): void {
    this.stack.length = 0;
    this.intro = undefined;
    this.table = null;
  }

  /**
   * One line of a tasks section; `prefix` = the section's number ("II"), prefixed to item numbers. Returns false for
   * a line before the section's first item (its opening text: the caller keeps it with the section).
   */
  addLine(line: Line, prefix: string | null): boolean {
    if (line.cells) {
      this.addRow(line, prefix);
      return true;
    }
    this.table = null;
    const n = numbered(line);
    if (n && (n.type === "decimal" || n.type === "letter" || n.type === "ordinal")) {
      this.newNode(line, n, prefix);
      return true;
    }
    let node = this.stack.at(-1) ?? null;
    const fields = fieldsOf(line.text);
    const bullet = bulletOf(line.text);
    if (fields.length > 0) {
      // "- Cơ quan chủ trì: …" with the marker of the bullets above it belongs to the item, not to the last bullet.
      while (node && node.kind === "bullet" && fields[0].bullet === node.marker) {
        this.stack.pop();
        node = this.stack.at(-1) ?? null;
      }
    } else if (bullet) {
      const top = node;
      if (top && top.kind === "bullet" && top.marker !== bullet.marker) {
        top.lines.push(line);
        top.body.push(line);
        return true;
      }
      if (top && top.kind === "bullet") this.stack.pop();
      const parent = this.stack.at(-1) ?? null;
      if (!parent || parent.fields.length === 0) {
        this.pushBullet(line, bullet.marker, bullet.rest, parent, prefix);
        return true;
      }
      node = parent;
    }
    if (!node) {
      if (fields.length > 0) {
        unplaced(this.warnings, line, "nằm trong phần nội dung nhưng trước mục đánh số đầu tiên");
        return true;
      }
      this.intro = this.intro ? `${this.intro} ${line.text}` : line.text;
      return false;
    }
    node.lines.push(line);
    if (fields.length === 0) {
      node.body.push(line);
      return true;
    }
    for (const f of fields) {
      if (f.key === "level") {
        const last = node.fields.at(-1);
        if (last && (last.key === "executors" || last.key === "lead" || last.key === "coordinators")) {
          last.sub.push({ field: f, line });
          continue;
        }
        node.body.push(line);
        continue;
      }
      node.fields.push({ ...f, line, sub: [] });
    }
    return true;
  }

  private pushBullet(line: Line, marker: string, rest: string, parent: TaskNode | null, prefix: string | null): void {
    const node: TaskNode = {
      kind: "bullet",
      path: [],
      marker,
      number: "",
      title: stripEnd(rest),
      lines: [line],
      fields: [],
      body: [],
      children: [],
      parent,
      intro: parent ? undefined : this.intro,
    };
    // Numbers of bullets under an item are given once they are known to be tasks (tasks.ts).
    if (!parent)
      node.number = this.uniqueNumber([prefix, String(this.roots.length + 1)].filter(Boolean).join("."), line);
    (parent ? parent.children : this.roots).push(node);
    this.stack.push(node);
  }

  /** One row of a task table: the header (one or more rows), a group row ("I", "II" …) or a task. */
  private addRow(line: Line, prefix: string | null): void {
    const cells = line.cells!;
    let t = this.table;
    if (!t || t.id !== line.table) {
      this.stack.length = 0;
      t = { id: line.table ?? 0, header: [cells], columns: [], labels: [], last: null, group: null, rows: 0 };
      this.table = t;
      this.setColumns(t);
      return;
    }
    const stt = t.columns.indexOf("stt");
    const sttText = stt >= 0 ? cells[stt] : "";
    // A second header row under merged header cells ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp").
    if (t.rows === 0 && !/\d/u.test(sttText) && cells.every((c) => c.length <= 40) && cells.some((c) => columnKey(c))) {
      t.header.push(cells);
      this.setColumns(t);
      return;
    }
    t.rows++;
    const value = (i: number): string => {
      const c = cells[i] ?? "";
      if (c === "^") return t.last?.[i] ?? "";
      return MERGED_CELL_RE.test(c) ? "" : c;
    };
    const values = cells.map((_, i) => value(i));
    const titleCol = t.columns.indexOf("title");
    const title = titleCol >= 0 ? values[titleCol] : (values.find((v) => v.length > 20) ?? "");
    const taskCols = t.columns.flatMap((k, i) => (k && k !== "stt" && k !== "title" && k !== "note" ? [i] : []));
    const sttValue = stt >= 0 ? values[stt] : "";
    const isGroup =
      /^(?:[IVX]{1,4}|[A-ZĐ])\.?$/u.test(sttValue) || (title !== "" && taskCols.every((i) => values[i] === ""));
    if (isGroup) {
      const node = this.rowNode(line, "rowgroup", title || line.text, sttValue, null, prefix);
      t.group = node;
      t.last = values;
      return;
    }
    if (!title && taskCols.every((i) => values[i] === "")) {
      unplaced(this.warnings, line, "dòng bảng không có nội dung nhiệm vụ");
      return;
    }
    const node = this.rowNode(line, "row", title || line.text, sttValue, t.group, prefix);
    for (const [i, k] of t.columns.entries()) {
      if (!k || k === "stt" || k === "title") continue;
      const v = values[i];
      if (k === "note") {
        if (v) node.body.push({ ...line, text: v });
        continue;
      }
      node.fields.push({ key: COLUMN_LABEL[k], label: t.labels[i], value: v, bullet: "", line, sub: [] });
    }
    t.last = values;
  }

  private setColumns(t: TableState): void {
    const width = Math.max(...t.header.map((r) => r.length));
    const labels: string[] = [];
    for (let i = 0; i < width; i++) {
      const parts: string[] = [];
      for (const r of t.header) {
        let k = i;
        while (k > 0 && r[k] === "<<") k--;
        const c = r[k] ?? "";
        if (c && c !== "^" && c !== "<<" && !parts.includes(c)) parts.push(c);
      }
      labels.push(parts.join(" "));
    }
    t.labels = labels;
    // The most specific word wins: the last header row first ("Chủ trì" under "Cơ quan thực hiện").
    t.columns = labels.map((_, i) => {
      const last = t.header.at(-1)?.[i];
      return (last && last !== "^" && last !== "<<" ? columnKey(last) : null) ?? columnKey(labels[i]);
    });
  }

  private rowNode(
    line: Line,
    kind: "row" | "rowgroup",
    title: string,
    stt: string,
    group: TaskNode | null,
    prefix: string | null,
  ): TaskNode {
    const siblings = group ? group.children : this.roots;
    const own = stt.replace(/\.$/u, "") || String(siblings.length + 1);
    const node: TaskNode = {
      kind,
      path: [],
      number: "",
      title: stripEnd(title),
      lines: [line],
      fields: [],
      body: [],
      children: [],
      parent: group,
      intro: this.intro,
    };
    node.number = this.uniqueNumber(group ? `${group.number}.${own}` : [prefix, own].filter(Boolean).join("."), line);
    siblings.push(node);
    return node;
  }

  private newNode(line: Line, n: Numbered & { type: "decimal" | "letter" | "ordinal" }, prefix: string | null): void {
    const stack = this.stack;
    while (stack.length > 0 && stack.at(-1)!.kind === "bullet") stack.pop();
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
    } else if (n.type === "letter") {
      while (stack.length > 0 && stack.at(-1)!.kind !== "decimal" && stack.at(-1)!.kind !== "ordinal") stack.pop();
      parent = stack.at(-1) ?? null;
    } else {
      while (stack.length > 0 && stack.at(-1)!.kind !== "decimal") stack.pop();
      parent = stack.at(-1) ?? null;
    }
    const node: TaskNode = {
      kind: n.type,
      path: n.type === "decimal" ? n.path : [],
      letter: n.type === "letter" ? n.letter : undefined,
      index: n.type === "ordinal" ? n.index : undefined,
      number: "",
      title: stripEnd(n.rest),
      lines: [line],
      fields: [],
      body: [],
      children: [],
      parent,
      intro: parent ? undefined : this.intro,
    };
    node.number = this.uniqueNumber(makeNumber(prefix, node, parent), line);
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
    const prev = siblings.filter((s) => s.kind === node.kind).at(-1);
    let gap: boolean;
    let what: string;
    if (node.kind === "decimal") {
      const prevIdx = prev ? prev.path.at(-1)! : 0;
      gap = node.path.at(-1)! !== prevIdx + 1;
      what = "Số mục";
    } else if (node.kind === "letter") {
      const prevIdx = prev?.letter !== undefined ? LETTERS.indexOf(prev.letter) : -1;
      const idx = LETTERS.indexOf(node.letter!);
      // Word's automatic letters run a, b, c, d, e: "e" after "d" is the typist's "đ".
      gap = idx !== prevIdx + 1 && !(node.letter === "e" && prev?.letter === "d");
      what = "Thứ tự điểm";
    } else if (node.kind === "ordinal") {
      gap = node.index! !== (prev?.index ?? 0) + 1;
      what = "Thứ tự nhiệm vụ";
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

/** Full item number: "II.1.2"; a letter or ordinal item under its parent ("II.1.a"), or under the section. */
function makeNumber(prefix: string | null, node: TaskNode, parent: TaskNode | null): string {
  const own = node.letter ?? (node.index !== undefined ? String(node.index) : undefined);
  if (own !== undefined) return parent ? `${parent.number}.${own}` : [prefix, own].filter(Boolean).join(".");
  return [prefix, node.path.join(".")].filter((x) => x !== null && x !== "").join(".");
}
