// Helpers for golden tests: expected values are written by hand from the seed plans; only the clause TEXT is cut from
// the seed file itself, between a start and an end line chosen by hand (markup removed, blank lines dropped).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { AgencyRef, LegalReference, Plan, Task } from "../../src/domain/plans/types.ts";

// Byte-identical copies of shared/seeds/000_… and 001_… kept in the repository, so a clone needs nothing beside it.
export const SEED_000 = new URL("../fixtures/seed-000-kh-2021.txt", import.meta.url).pathname;
export const SEED_001 = new URL("../fixtures/seed-001-thanh-hoa-2024.txt", import.meta.url).pathname;

export function seedText(path: string): string {
  return readFileSync(path, "utf8");
}

export function a(text: string, role: AgencyRef["role"], note?: string): AgencyRef {
  return note === undefined ? { text, role } : { text, role, note };
}

export function ref(document: string, text: string, article?: number, clause?: number, point?: string): LegalReference {
  const r: LegalReference = { document, text };
  if (article !== undefined) r.article = article;
  if (clause !== undefined) r.clause = clause;
  if (point !== undefined) r.point = point;
  return r;
}

/** Lines of `seed` from the line starting with `from` to the line starting with `to` (inclusive), cleaned. */
export function clause(seed: string, from: string, to: string): string {
  const lines = seed
    .split("\n")
    .map((l) =>
      l
        .replace(/^#{1,6}\s+/u, "")
        .replace(/\*/gu, "")
        .trim(),
    )
    .filter((l) => l.length > 0);
  const i = lines.findIndex((l) => l.startsWith(from));
  assert.ok(i >= 0, `không thấy dòng bắt đầu "${from}"`);
  const j = lines.findIndex((l, k) => k >= i && l.startsWith(to));
  assert.ok(j >= i, `không thấy dòng kết thúc "${to}"`);
  return lines.slice(i, j + 1).join("\n");
}

export interface ExpectedTask {
  number: string;
  title: string;
  lead: AgencyRef[];
  coordinators: AgencyRef[];
  executors?: Task["executors"];
  timing: Record<string, unknown> | null;
  expected_output: string | null;
  references: LegalReference[];
  group: string | null;
  text: string;
  lead_derived?: boolean;
}

/** An agency as the parser reads it; the registry match added on import is checked by its own tests. */
function asRead(refs: AgencyRef[]): AgencyRef[] {
  return refs.map(({ agency_ids: _ids, confidence: _c, ...r }) => r);
}

/** Compares every field of every task (instances of the timing and registry matches are checked separately). */
export function assertTasks(plan: Plan, expected: ExpectedTask[]): void {
  assert.deepEqual(
    plan.tasks.map((t) => t.number),
    expected.map((e) => e.number),
    "danh sách số mục nhiệm vụ",
  );
  for (const [i, e] of expected.entries()) {
    const t = plan.tasks[i];
    const timing = t.timing ? (({ instances: _i, ...rest }) => rest)(t.timing) : null;
    const actual = {
      number: t.number,
      title: t.title,
      lead: asRead(t.lead),
      coordinators: asRead(t.coordinators),
      executors: t.executors.map((g) => ({ ...g, agencies: asRead(g.agencies) })),
      timing,
      expected_output: t.expected_output,
      references: t.references,
      group: t.group,
      text: t.text,
      lead_derived: t.lead_derived,
    };
    assert.deepEqual(actual, { executors: [], lead_derived: undefined, ...e }, `mục ${e.number}`);
  }
}
