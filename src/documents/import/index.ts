// Plan document import: file → text (adapter) and text → structured plan (pure domain, re-exported here).
import { type ImportOptions, importPlan } from "../../domain/plans/import.ts";
import type { Plan } from "../../domain/plans/types.ts";
import { readPlanFile } from "./read.ts";

export { type ImportOptions, importPlan } from "../../domain/plans/import.ts";
export { htmlToPlanText } from "./html-to-text.ts";
export { docxToText, MAX_PLAN_FILE_BYTES, type PlanFile, type PlanFileFormat, readPlanFile } from "./read.ts";

/** Reads and imports a plan file; reader warnings become plan warnings (code "import"). */
export async function importPlanFile(path: string, options: ImportOptions = {}): Promise<Plan & { format: string }> {
  const file = await readPlanFile(path);
  const plan = importPlan(file.text, options);
  for (const w of file.warnings) plan.warnings.unshift({ code: "import", message: w });
  return { ...plan, format: file.format };
}
