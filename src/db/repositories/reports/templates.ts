// Report templates: the built-in ones and those an agency adds (validated against reportTemplateSchema).
import { asc, eq } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import {
  BUILTIN_TEMPLATES,
  builtinTemplate,
  type ReportTemplate,
  reportTemplateSchema,
} from "../../../domain/reports/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { reportTemplates } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";

export async function listTemplates(db: AppDb): Promise<ReportTemplate[]> {
  const rows = await db.select().from(reportTemplates).orderBy(asc(reportTemplates.id));
  return [...BUILTIN_TEMPLATES, ...rows.map((r) => reportTemplateSchema.parse(r.definition))];
}

export async function getTemplate(db: AppDb, id: string): Promise<ReportTemplate> {
  const b = builtinTemplate(id);
  if (b) return b;
  const [row] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  if (!row) throw new DomainError("unknown_template", "template_id", `Không có mẫu báo cáo "${id}".`);
  return reportTemplateSchema.parse(row.definition);
}

export async function createTemplate(db: AppDb, scope: Scope, input: unknown): Promise<ReportTemplate> {
  requirePermission(scope, "plans.write");
  const r = reportTemplateSchema.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new DomainError(
      "invalid_template",
      i.path.join(".") || "definition",
      `Mẫu báo cáo không hợp lệ: ${i.message}`,
    );
  }
  if (
    builtinTemplate(r.data.id) ||
    (await db.select().from(reportTemplates).where(eq(reportTemplates.id, r.data.id))).length
  )
    throw new DomainError("duplicate", "id", `Mẫu báo cáo "${r.data.id}" đã tồn tại.`);
  await db.transaction(async (tx) => {
    await tx
      .insert(reportTemplates)
      .values({ id: r.data.id, name: r.data.name, definition: r.data, createdBy: scope.userId });
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "report_template.create",
      entity: "report_template",
      entity_id: r.data.id,
      before: null,
      after: r.data,
    });
  });
  return r.data;
}
