// What a revised plan changes against the stored one: tasks matched by their number (else by title), then added,
// removed, or changed in title, lead, timing or output. Shown before a re-import is confirmed.
import { fold } from "./fold.ts";

export interface ComparableTask {
  ref: string | null;
  title: string;
  lead: string | null;
  timing: string | null;
  expected_output: string | null;
}

export interface PlanChanges {
  added: string[];
  removed: string[];
  changed: Array<{ ref: string; fields: Array<"title" | "lead" | "timing" | "expected_output"> }>;
}

const same = (a: string | null, b: string | null) => fold(a ?? "") === fold(b ?? "");

export function planChanges(before: ComparableTask[], after: ComparableTask[]): PlanChanges {
  const out: PlanChanges = { added: [], removed: [], changed: [] };
  const left = new Set(before);
  for (const t of after) {
    const match =
      [...left].find((b) => b.ref !== null && b.ref === t.ref) ?? [...left].find((b) => same(b.title, t.title));
    if (!match) {
      out.added.push(`${t.ref ?? ""} ${t.title}`.trim());
      continue;
    }
    left.delete(match);
    const fields = (["title", "lead", "timing", "expected_output"] as const).filter((k) => !same(match[k], t[k]));
    if (fields.length > 0) out.changed.push({ ref: t.ref ?? t.title, fields: [...fields] });
  }
  for (const b of left) out.removed.push(`${b.ref ?? ""} ${b.title}`.trim());
  return out;
}
