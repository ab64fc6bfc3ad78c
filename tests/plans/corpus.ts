// The plan-layout corpus (tests/fixtures/plans/*.md, each with a hand-made *.expected.json) and its score: tasks found
// against tasks expected, lead agencies right, fields right (lead, coordinators, timing kind, output, header), and
// garbage (tasks found that no expected task matches) with or without a warning. Each plan is read as .md and as the
// .docx made from it with real Word numbering and tables (make-docx.ts). Used by corpus.test.ts and `npm run bench`.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPlanFile } from "../../src/documents/import/index.ts";
import { fold } from "../../src/domain/plans/fold.ts";
import type { Plan, Task } from "../../src/domain/plans/types.ts";
import { planMarkdownToDocx } from "../fixtures/plans/make-docx.ts";

export const CORPUS_DIR = new URL("../fixtures/plans/", import.meta.url).pathname;

interface ExpectedTask {
  title: string;
  /** Role code of the lead; null = the plan names none (the task must come without a lead, with a warning). */
  lead: string | null;
  /** Registry id the lead must resolve to on the plan's date. */
  lead_id?: string;
  /** Role codes of the coordinators ("?" = wording kept as text); absent = not checked. */
  coordinators?: string[];
  timing?: string;
  output?: string;
}

interface Expected {
  number?: string;
  date?: string;
  title?: string;
  tasks: ExpectedTask[];
}

export interface PlanScore {
  name: string;
  format: "md" | "docx";
  expected: number;
  found: number;
  leadsRight: number;
  leadsChecked: number;
  fieldsRight: number;
  fieldsChecked: number;
  garbage: string[];
  garbageUnwarned: string[];
  misses: string[];
}

export interface CorpusScore {
  plans: PlanScore[];
  expected: number;
  found: number;
  leadsRight: number;
  leadsChecked: number;
  fieldsRight: number;
  fieldsChecked: number;
  garbage: number;
  garbageUnwarned: number;
}

export function corpusNames(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.replace(/\.md$/u, ""))
    .sort();
}

/** Scores one imported plan against its expected task list. */
export function scorePlan(name: string, format: "md" | "docx", plan: Plan, expected: Expected): PlanScore {
  const s: PlanScore = {
    name,
    format,
    expected: expected.tasks.length,
    found: 0,
    leadsRight: 0,
    leadsChecked: 0,
    fieldsRight: 0,
    fieldsChecked: 0,
    garbage: [],
    garbageUnwarned: [],
    misses: [],
  };
  const used = new Set<Task>();
  const check = (ok: boolean, what: string) => {
    s.fieldsChecked++;
    if (ok) s.fieldsRight++;
    else s.misses.push(what);
  };
  for (const e of expected.tasks) {
    const key = fold(e.title);
    const t = plan.tasks.find((x) => !used.has(x) && fold(x.title).startsWith(key));
    if (!t) {
      s.misses.push(`không thấy nhiệm vụ "${e.title}"`);
      s.leadsChecked++;
      continue;
    }
    used.add(t);
    s.found++;
    s.leadsChecked++;
    const lead = t.lead[0];
    const leadOk =
      (e.lead === null ? t.lead.length === 0 : lead?.role === e.lead) &&
      (e.lead_id === undefined || (lead?.agency_ids?.length === 1 && lead.agency_ids[0] === e.lead_id));
    if (leadOk) s.leadsRight++;
    check(leadOk, `${t.number} chủ trì: ${t.lead.map((r) => `${r.text}=${r.role}/${r.agency_ids}`).join(", ")}`);
    if (e.coordinators) {
      const got = t.coordinators.map((r) => r.role ?? "?").sort();
      check(
        JSON.stringify(got) === JSON.stringify([...e.coordinators].sort()),
        `${t.number} phối hợp: ${got.join(",")} ≠ ${e.coordinators.join(",")}`,
      );
    }
    if (e.timing) check(t.timing?.kind === e.timing, `${t.number} thời gian: ${t.timing?.kind} ≠ ${e.timing}`);
    if (e.output) {
      check(
        fold(t.expected_output ?? "").includes(fold(e.output)),
        `${t.number} sản phẩm: ${t.expected_output} ≠ ${e.output}`,
      );
    }
  }
  if (expected.number) check(plan.number === expected.number, `số: ${plan.number}`);
  if (expected.date) check(plan.date === expected.date, `ngày: ${plan.date}`);
  if (expected.title) check(plan.title === expected.title, `tiêu đề: ${plan.title}`);
  for (const t of plan.tasks) {
    if (used.has(t)) continue;
    s.garbage.push(`${t.number} ${t.title}`);
    const warned = plan.warnings.some((w) => w.line !== undefined && w.line >= t.lines[0] && w.line <= t.lines[1]);
    if (!warned) s.garbageUnwarned.push(`${t.number} ${t.title}`);
  }
  return s;
}

function total(plans: PlanScore[]): CorpusScore {
  const sum = (k: "expected" | "found" | "leadsRight" | "leadsChecked" | "fieldsRight" | "fieldsChecked") =>
    plans.reduce((a, p) => a + p[k], 0);
  return {
    plans,
    expected: sum("expected"),
    found: sum("found"),
    leadsRight: sum("leadsRight"),
    leadsChecked: sum("leadsChecked"),
    fieldsRight: sum("fieldsRight"),
    fieldsChecked: sum("fieldsChecked"),
    garbage: plans.reduce((a, p) => a + p.garbage.length, 0),
    garbageUnwarned: plans.reduce((a, p) => a + p.garbageUnwarned.length, 0),
  };
}

/** Imports every corpus plan in `format` (the .docx made in a temporary directory) and scores it. */
export async function scoreCorpus(format: "md" | "docx"): Promise<CorpusScore> {
  const dir = format === "docx" ? mkdtempSync(join(tmpdir(), "btnn-plan-corpus-")) : CORPUS_DIR;
  const plans: PlanScore[] = [];
  for (const name of corpusNames()) {
    const md = join(CORPUS_DIR, `${name}.md`);
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.expected.json`), "utf8")) as Expected;
    let path = md;
    if (format === "docx") {
      path = join(dir, `${name}.docx`);
      writeFileSync(path, await planMarkdownToDocx(readFileSync(md, "utf8")));
    }
    plans.push(scorePlan(name, format, await importPlanFile(path), expected));
  }
  return total(plans);
}

const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)}%`);

/** "tasks 71/72 (98.6%) · leads 70/72 (97.2%) · fields 200/210 (95.2%) · garbage 0 (0 without warning)". */
export function describeScore(s: CorpusScore): string {
  return (
    `nhiệm vụ ${s.found}/${s.expected} (${pct(s.found, s.expected)}) · chủ trì đúng ${s.leadsRight}/${s.leadsChecked} ` +
    `(${pct(s.leadsRight, s.leadsChecked)}) · trường đúng ${s.fieldsRight}/${s.fieldsChecked} ` +
    `(${pct(s.fieldsRight, s.fieldsChecked)}) · thừa ${s.garbage} (${s.garbageUnwarned} không cảnh báo)`
  );
}
