// POST /api/plans/import — plan document (pasted text, or a .docx/.txt file sent as base64) → preview of the parsed
// plan with warnings, each task with its source text, the registry agencies matched and how sure the match is, and
// what changed against a stored plan of the same number; with `confirm: true` the plan is stored — the tasks as the
// user reviewed them (`tasks`) when given, else as parsed — with its dated task instances, owned by the importing
// agency and led by each task's lead agency (who then sees them). The parsing is the plan importer's
// (src/domain/plans, src/documents/import); this route only adapts.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createPlan, createTaskInstances, getPlan, listPlans } from "../../db/repositories/plans.ts";
import type { AppDb } from "../../db/types.ts";
import { docxToText, importPlan } from "../../documents/import/index.ts";
import { getAgency } from "../../domain/agencies/registry.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { checkFileName } from "../../domain/files/allowed-types.ts";
import { planChanges } from "../../domain/plans/changes.ts";
import { expandSchedule, parseTiming } from "../../domain/plans/index.ts";
import type { AgencyRef, PeriodUnit, Plan, TaskInstance, TaskTiming } from "../../domain/plans/types.ts";
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
    /** Reporting period of continuous ("Thường xuyên") tasks: one occurrence per period (default 6 months). */
    reporting_period: z.enum(["month", "quarter", "half_year", "year"]).optional(),
    confirm: z.boolean().optional(),
    /** The tasks as reviewed in the grid (merged, split, dropped, added, agencies and timing fixed). */
    tasks: z
      .array(
        z
          .object({
            number: z.string().trim().max(40),
            title: z.string().trim().min(1, "Cần nội dung nhiệm vụ").max(5000),
            lead_agency_id: z.string().trim().min(1).max(100).nullable(),
            coordinator_agency_ids: z.array(z.string().trim().min(1).max(100)).max(200),
            timing: z.string().trim().max(500).nullable(),
            expected_output: z.string().trim().max(2000).nullable(),
          })
          .strict(),
      )
      .min(1, "Cần ít nhất một nhiệm vụ")
      .max(1000)
      .optional(),
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
  /** The task's lines as written in the document, and where they are. */
  source: z.string(),
  lines: z.array(z.number()),
  lead_agency_id: z.string().nullable(),
  /** 0–1; null when there is no lead. Below 0.8 the grid asks the user to check the agency. */
  lead_confidence: z.number().nullable(),
  coordinator_agency_ids: z.array(z.string()),
  /** no_lead, low_confidence, unresolved_agency, unparsed_timing. */
  flags: z.array(z.string()),
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
  /** Against the stored plan with the same number (a revised plan re-imported), null when there is none. */
  changes: z
    .object({
      plan_id: z.string(),
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.object({ ref: z.string(), fields: z.array(z.string()) })),
    })
    .nullable(),
});

const names = (refs: AgencyRef[]) => refs.map((r) => r.text);
const roles = (refs: AgencyRef[]) => refs.map((r) => r.role).filter((r): r is NonNullable<typeof r> => r !== null);

/** The one registry agency a reference names (a group wording names several: the user picks). */
const single = (r: AgencyRef | undefined) => (r?.agency_ids?.length === 1 ? r.agency_ids[0] : null);
const LOW_CONFIDENCE = 0.8;
/** Every registry agency the coordinator wordings name — a group ("UBND cấp huyện", "các sở, ban, ngành cấp tỉnh")
 * names each of its agencies, who all get the task and their own part — except the lead itself. */
const coordinatorIds = (t: Plan["tasks"][number]) => {
  const lead = single(t.lead[0]);
  // "Cơ quan thực hiện: Các sở, ban, ngành cấp tỉnh; UBND cấp huyện" names no lead: the agencies that carry it out
  // still get it (the lead is chosen in the review, else the importing agency follows it up).
  const refs = t.lead.length === 0 ? [...t.coordinators, ...t.executors.flatMap((g) => g.agencies)] : t.coordinators;
  return [...new Set(refs.flatMap((r) => r.agency_ids ?? []))].filter((id) => id !== lead);
};

function flagsOf(t: Plan["tasks"][number]): string[] {
  const flags: string[] = [];
  if (t.lead.every((r) => r.role === null)) flags.push("no_lead");
  else if ((t.lead[0].confidence ?? 1) < LOW_CONFIDENCE || !single(t.lead[0])) flags.push("low_confidence");
  if ([...t.lead, ...t.coordinators].some((r) => r.role === null)) flags.push("unresolved_agency");
  if (t.timing?.kind === "unparsed") flags.push("unparsed_timing");
  return flags;
}

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
      source: t.text,
      lines: t.lines,
      lead_agency_id: single(t.lead[0]),
      lead_confidence: t.lead[0]?.confidence ?? (t.lead.length ? 1 : null),
      coordinator_agency_ids: coordinatorIds(t),
      flags: flagsOf(t),
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
      const plan = importPlan(text, { year: body.year, reporting_period: body.reporting_period });
      for (const w of readerWarnings) plan.warnings.unshift({ code: "import", message: w });
      const out = preview(plan);
      const changes = await changesAgainstStored(db, scope, plan, out.tasks);
      if (!body.confirm) return { ...out, plan_id: null, instance_count: 0, changes };

      const agencyId = body.agency_id ?? scope.agencyId;
      if (!agencyId)
        throw new HttpError(422, "no_agency", "Chưa chọn cơ quan sở hữu kế hoạch", [
          { path: "/agency_id", message: "Cần cơ quan" },
        ]);
      if (plan.year === null)
        throw new HttpError(422, "no_year", "Không xác định được năm của kế hoạch; hãy nhập năm", [
          { path: "/year", message: "Cần năm của kế hoạch" },
        ]);
      const year = plan.year;
      const reviewed = body.tasks ? reviewedTasks(body.tasks, plan.year, body.reporting_period) : null;
      if (!reviewed) refuseImpossibleDates(plan.tasks.map((t) => ({ number: t.number, timing: t.timing })));
      const tasks =
        reviewed ??
        plan.tasks.map((t) => ({
          number: t.number,
          title: t.title || t.text.slice(0, 5000),
          lead_agency_id: single(t.lead[0]),
          lead_role: roles(t.lead)[0] ?? null,
          coordinator_agency_ids: coordinatorIds(t),
          coordinator_roles: roles(t.coordinators),
          timing: t.timing,
          expected_output: t.expected_output,
        }));
      // The plan, its tasks and their dated occurrences are written in one transaction: a failure on the way leaves no
      // plan without deadlines (and the same text can be confirmed again).
      const { created, instanceCount } = await db.transaction(async (tx) => {
        const created = await createPlan(tx, scope, {
          agency_id: agencyId,
          number: plan.number ?? null,
          title: plan.title || "(Kế hoạch không có tiêu đề)",
          year,
          issued_on: plan.date ?? null,
          legal_basis: plan.legal_bases,
          source_text: text.slice(0, 200_000),
          status: "issued",
          reporting_period: body.reporting_period,
          tasks: tasks.map((t) => ({
            ref: t.number,
            content: t.title,
            lead_agency_id: t.lead_agency_id,
            lead_role: t.lead_role,
            coordinator_agency_ids: t.coordinator_agency_ids,
            coordinator_roles: t.coordinator_roles,
            timing: t.timing?.text ?? null,
            schedule: t.timing ?? null,
            expected_output: t.expected_output,
            basis: plan.number ? `KH ${plan.number}, mục ${t.number}` : `mục ${t.number}`,
          })),
        });
        // Tasks are matched by position: reviewed numbers may repeat (a split task keeps its number until renumbered).
        const instances = tasks.flatMap((t, k) =>
          instancesOf(t.timing, year, body.reporting_period).map((i) => ({
            task_id: created.tasks[k].id,
            lead_agency_id: t.lead_agency_id,
            coordinator_agency_ids: t.coordinator_agency_ids,
            period_label: i.period_label,
            due: i.due,
          })),
        );
        let instanceCount = 0;
        for (let i = 0; i < instances.length; i += 200) {
          const chunk = instances.slice(i, i + 200);
          instanceCount += (await createTaskInstances(tx, scope, chunk)).length;
        }
        return { created, instanceCount };
      });
      reply.code(201).header("location", `/api/plans/${created.id}`);
      return jsonDates({ ...out, plan_id: created.id, instance_count: instanceCount, changes });
    },
  );
};

/** Dated instances of a schedule for the plan year (already expanded by importPlan for parsed tasks); a continuous
 * task gets one per reporting period. */
function instancesOf(timing: TaskTiming | null, year: number, reportingPeriod?: PeriodUnit): TaskInstance[] {
  if (!timing || (timing.kind !== "recurring" && timing.kind !== "dated" && timing.kind !== "continuous")) return [];
  return timing.instances ?? expandSchedule(timing, year, defaultCalendar, { reporting_period: reportingPeriod });
}

type ReviewedTask = NonNullable<z.infer<typeof ImportBody>["tasks"]>[number];

/** The reviewed grid → tasks to store: every agency id must name a registry agency (422 naming the cell). */
function reviewedTasks(list: ReviewedTask[], year: number | null, reportingPeriod?: PeriodUnit) {
  const issues: Array<{ path: string; message: string }> = [];
  const agency = (id: string, path: string) => {
    const a = getAgency(id);
    if (!a) issues.push({ path, message: `Không có cơ quan "${id}" trong danh mục` });
    return a;
  };
  const out = list.map((t, i) => {
    const lead = t.lead_agency_id ? agency(t.lead_agency_id, `/tasks/${i}/lead_agency_id`) : undefined;
    const coordinators = t.coordinator_agency_ids.map((id, k) => agency(id, `/tasks/${i}/coordinator_agency_ids/${k}`));
    let timing: TaskTiming | null = null;
    if (t.timing) {
      timing = parseTiming(t.timing);
      if (timing.kind === "unparsed" && timing.impossible_date)
        issues.push({ path: `/tasks/${i}/timing`, message: impossibleDateMessage(t.number, timing.impossible_date) });
      if (timing.kind !== "unparsed" && year !== null) timing.instances = instancesOf(timing, year, reportingPeriod);
    }
    return {
      number: t.number,
      title: t.title,
      lead_agency_id: lead?.id ?? null,
      lead_role: lead?.role ?? null,
      coordinator_agency_ids: coordinators.flatMap((a) => (a ? [a.id] : [])),
      coordinator_roles: coordinators.flatMap((a) => (a ? [a.role] : [])),
      timing,
      expected_output: t.expected_output,
    };
  });
  if (issues.length > 0)
    throw new HttpError(
      422,
      issues[0].path.endsWith("/timing") ? "impossible_date" : "unknown_agency",
      issues[0].message,
      issues,
    );
  return out;
}

const impossibleDateMessage = (number: string, date: string) =>
  `Thời hạn mục ${number}: ngày ${date} không có thật — hãy sửa thời hạn`;

/** A task whose timing names a day not on the calendar gets no deadline: it is never stored so (422 naming it). */
function refuseImpossibleDates(tasks: Array<{ number: string; timing: TaskTiming | null }>) {
  const issues = tasks.flatMap((t, i) =>
    t.timing?.kind === "unparsed" && t.timing.impossible_date
      ? [{ path: `/tasks/${i}/timing`, message: impossibleDateMessage(t.number, t.timing.impossible_date) }]
      : [],
  );
  if (issues.length > 0) throw new HttpError(422, "impossible_date", issues[0].message, issues);
}

/** The stored plan with the same number in the caller's scope, compared task by task with the new text. */
async function changesAgainstStored(
  db: AppDb,
  scope: ReturnType<typeof scopeOf>,
  plan: Plan,
  tasks: ReturnType<typeof preview>["tasks"],
) {
  const number = plan.number?.trim();
  if (!number || number.startsWith("/")) return null;
  const found = (await listPlans(db, scope, { q: number }, { limit: 20 })).items.find((p) => p.number === number);
  if (!found) return null;
  const stored = await getPlan(db, scope, found.id);
  const changes = planChanges(
    stored.tasks.map((t) => ({
      ref: t.ref,
      title: t.content,
      lead: t.lead_agency_id ?? t.lead_role,
      timing: t.timing,
      expected_output: t.expected_output,
    })),
    tasks.map((t) => ({
      ref: t.number,
      title: t.title,
      lead: t.lead_agency_id ?? t.lead_roles[0] ?? null,
      timing: t.timing,
      expected_output: t.expected_output,
    })),
  );
  return { plan_id: found.id, ...changes };
}
