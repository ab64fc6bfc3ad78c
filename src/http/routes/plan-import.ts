// POST /api/plans/import — plan document (pasted text, or a .docx/.txt file sent as base64) → preview of the parsed
// plan with warnings; with `confirm: true` the plan, its tasks and the dated task instances (for the importing agency)
// are stored. The parsing is the plan importer's (src/domain/plans, src/documents/import); this route only adapts.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createPlan, createTaskInstances } from "../../db/repositories/plans.ts";
import type { AppDb } from "../../db/types.ts";
import { docxToText, importPlan } from "../../documents/import/index.ts";
import { checkFileName } from "../../domain/files/allowed-types.ts";
import type { AgencyRef, Plan } from "../../domain/plans/types.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { errorResponses } from "../contracts/common.ts";
import { HttpError } from "../http-error.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

/** File names the importer reads (a .pdf or .xlsx is refused instead of being read as text). */
const PLAN_FILE_EXTS = [".docx", ".txt", ".md", ".markdown"];

/** Base64 of at most ~700 KB of file (the JSON body limit is 1 MiB). */
const ImportBody = z
  .object({
    text: z.string().max(400_000).optional(),
    file_base64: z.string().max(1_000_000).optional(),
    file_name: z.string().trim().max(300).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    /** Issuing / owning agency of the stored plan (default: the acting agency). */
    agency_id: z.string().trim().min(1).max(100).optional(),
    confirm: z.boolean().optional(),
  })
  .strict();

const PreviewTask = z.object({
  number: z.string(),
  title: z.string(),
  lead: z.array(z.string()),
  lead_roles: z.array(z.string()),
  coordinators: z.array(z.string()),
  timing: z.string().nullable(),
  timing_kind: z.string().nullable(),
  expected_output: z.string().nullable(),
  instances: z.array(z.object({ period_label: z.string(), due: z.string() })),
});
const Preview = z.object({
  number: z.string().nullable(),
  title: z.string(),
  year: z.number().nullable(),
  issued_on: z.string().nullable(),
  legal_bases: z.array(z.string()),
  tasks: z.array(PreviewTask),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), line: z.number().optional() })),
  plan_id: z.string().nullable(),
  instance_count: z.number(),
});

const names = (refs: AgencyRef[]) => refs.map((r) => r.text);
const roles = (refs: AgencyRef[]) => refs.map((r) => r.role).filter((r): r is NonNullable<typeof r> => r !== null);

function preview(plan: Plan) {
  return {
    number: plan.number ?? null,
    title: plan.title,
    year: plan.year,
    issued_on: plan.date ?? null,
    legal_bases: plan.legal_bases,
    tasks: plan.tasks.map((t) => ({
      number: t.number,
      title: t.title,
      lead: names(t.lead),
      lead_roles: roles(t.lead),
      coordinators: names(t.coordinators),
      timing: t.timing?.text ?? null,
      timing_kind: t.timing?.kind ?? null,
      expected_output: t.expected_output,
      instances: (t.timing?.instances ?? []).map((i) => ({ period_label: i.period_label, due: i.due })),
    })),
    warnings: plan.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.line ? { line: w.line } : {}) })),
  };
}

export const planImportRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.post(
    "/api/plans/import",
    {
      schema: {
        tags: ["Kế hoạch"],
        summary:
          "Nhập kế hoạch từ văn bản (dán hoặc tệp .docx/.txt dạng base64): xem trước nhiệm vụ và cảnh báo; confirm=true để lưu",
        body: ImportBody,
        response: { 200: Preview, 201: Preview, ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const body = request.body;
      let text = body.text ?? "";
      const readerWarnings: string[] = [];
      if (body.file_base64) {
        const bytes = Buffer.from(body.file_base64, "base64");
        const name = body.file_name ?? "tệp";
        // The shared upload allow-list decides the name (bidi controls, executables …); the readers below check the
        // content more strictly than a magic-byte sniff (ZIP structure, UTF-8), with their own messages.
        const ext = body.file_name ? checkFileName(body.file_name, "file_name").extension : "";
        if (body.file_name && !PLAN_FILE_EXTS.includes(ext))
          throw new HttpError(415, "file_type", `Tệp "${name}" không phải kế hoạch dạng .docx, .txt hoặc .md`, [
            { path: "/file_name", message: "Chỉ nhận tệp .docx, .txt, .md" },
          ]);
        if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0)
          throw new HttpError(
            415,
            "old_doc",
            `Tệp "${name}" là định dạng Word 97–2003 (.doc) — hãy lưu lại thành .docx`,
            [{ path: "/file_base64", message: "Hãy lưu lại thành .docx" }],
          );
        if (ext === ".docx" || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
          const r = await docxToText(bytes, `tệp "${name}"`).catch((e: unknown) => {
            // The reader names its own field ("file"); here the file is the body's file_base64.
            if (!isDomainError(e)) throw e;
            throw new HttpError(422, e.code, e.message, [{ path: "/file_base64", message: e.message }]);
          });
          text = r.text;
          readerWarnings.push(...r.warnings);
        } else {
          try {
            text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/u, "");
            if (text.includes("\u0000")) throw new Error("binary");
          } catch {
            throw new HttpError(422, "encoding", `Tệp "${name}" không phải văn bản UTF-8`, [
              { path: "/file_base64", message: "Hãy lưu lại tệp với mã hóa UTF-8 hoặc dùng .docx" },
            ]);
          }
        }
      }
      if (!text.trim())
        throw new HttpError(422, "empty_plan", "Chưa có nội dung kế hoạch (dán văn bản hoặc chọn tệp)", [
          { path: "/text", message: "Cần nội dung kế hoạch" },
        ]);
      const plan = importPlan(text, { year: body.year });
      for (const w of readerWarnings) plan.warnings.unshift({ code: "import", message: w });
      const out = preview(plan);
      if (!body.confirm) return { ...out, plan_id: null, instance_count: 0 };

      const agencyId = body.agency_id ?? scope.agencyId;
      if (!agencyId)
        throw new HttpError(422, "no_agency", "Chưa chọn cơ quan sở hữu kế hoạch", [
          { path: "/agency_id", message: "Cần cơ quan" },
        ]);
      if (plan.year === null)
        throw new HttpError(422, "no_year", "Không xác định được năm của kế hoạch; hãy nhập năm", [
          { path: "/year", message: "Cần năm của kế hoạch" },
        ]);
      const created = await createPlan(db, scope, {
        agency_id: agencyId,
        number: plan.number ?? null,
        title: plan.title || "(Kế hoạch không có tiêu đề)",
        year: plan.year,
        issued_on: plan.date ?? null,
        legal_basis: plan.legal_bases,
        source_text: text.slice(0, 200_000),
        status: "issued",
        tasks: plan.tasks.map((t) => ({
          ref: t.number,
          content: t.title || t.text.slice(0, 5000),
          lead_role: roles(t.lead)[0] ?? null,
          coordinator_roles: roles(t.coordinators),
          timing: t.timing?.text ?? null,
          schedule: t.timing ?? null,
          expected_output: t.expected_output,
          basis: plan.number ? `KH ${plan.number}, mục ${t.number}` : `mục ${t.number}`,
        })),
      });
      const byRef = new Map(created.tasks.map((t) => [t.ref, t.id]));
      const instances = plan.tasks.flatMap((t) =>
        (t.timing?.instances ?? []).map((i) => ({
          task_id: byRef.get(t.number)!,
          agency_id: agencyId,
          period_label: i.period_label,
          due: i.due,
        })),
      );
      let instanceCount = 0;
      for (let i = 0; i < instances.length; i += 200) {
        const chunk = instances.slice(i, i + 200);
        instanceCount += (await createTaskInstances(db, scope, chunk)).length;
      }
      reply.code(201).header("location", `/api/plans/${created.id}`);
      return jsonDates({ ...out, plan_id: created.id, instance_count: instanceCount });
    },
  );
};
