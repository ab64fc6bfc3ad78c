// Consolidation of submitted figures and the content of the exported report (Decree 30 document input and XLSX sheet
// input). Pure: the adapters render them with src/documents (renderOfficialDocument, buildSheet).
import type { OfficialDocumentInput } from "../../documents/nd30/types.ts";
import type { SheetInput } from "../../documents/xlsx/sheet.ts";
import { formatVi, type IsoDate, isIsoDate } from "../shared/dates.ts";
import { INDICATOR_BY_KEY, INDICATOR_CODE, INDICATOR_KEYS } from "../statistics/indicators.ts";
import { type IndicatorKey, type Period, STAT_FIELD_VI, STAT_FIELDS, type StatField } from "../statistics/types.ts";
import { NARRATIVE_KEYS, NARRATIVE_LABEL_VI, type NarrativeKey, type ReportTemplate } from "./templates.ts";

export type FigureValues = Partial<Record<IndicatorKey, number>>;
export type FigureSnapshot = {
  total: FigureValues;
  by_field: Partial<Record<StatField, FigureValues>>;
  /** Claim ids behind each figure (drill-down), per indicator. */
  claim_ids?: Partial<Record<IndicatorKey, string[]>>;
  /** Set when the snapshot was carried up from a consolidated lower round (province → ministry). */
  source_round_id?: string;
};
export type Narrative = Partial<Record<NarrativeKey, string>>;

export type SubmissionForConsolidation = {
  agency_id: string;
  agency_name: string;
  status: string;
  figures: FigureSnapshot | null;
  narrative: Narrative | null;
};

export type Consolidated = FigureSnapshot & {
  narrative: Narrative;
  /** Agencies whose figures are included / missing. */
  included: string[];
  missing: string[];
};

/** Sums the submitted figures (only status "submitted") and gathers the narratives, each under its agency's name. */
export function consolidate(subs: readonly SubmissionForConsolidation[], own?: Narrative): Consolidated {
  const total: FigureValues = {};
  const byField: Partial<Record<StatField, FigureValues>> = {};
  const ids: Partial<Record<IndicatorKey, string[]>> = {};
  const narrative: Narrative = {};
  const included: string[] = [];
  const missing: string[] = [];
  for (const k of NARRATIVE_KEYS) if (own?.[k]?.trim()) narrative[k] = own[k]!.trim();
  for (const s of subs) {
    if (s.status !== "submitted" || !s.figures) {
      missing.push(s.agency_id);
      continue;
    }
    included.push(s.agency_id);
    for (const k of INDICATOR_KEYS) {
      const v = s.figures.total[k];
      if (typeof v === "number") total[k] = (total[k] ?? 0) + v;
      const list = s.figures.claim_ids?.[k];
      if (list?.length) ids[k] = [...(ids[k] ?? []), ...list.filter((id) => !ids[k]?.includes(id))];
    }
    for (const f of STAT_FIELDS) {
      const row = s.figures.by_field[f];
      if (!row) continue;
      byField[f] ??= {};
      const out = byField[f];
      for (const k of INDICATOR_KEYS) if (typeof row[k] === "number") out[k] = (out[k] ?? 0) + row[k]!;
    }
    for (const k of NARRATIVE_KEYS) {
      const t = s.narrative?.[k]?.trim();
      if (t) narrative[k] = [narrative[k], `${s.agency_name}: ${t}`].filter(Boolean).join("\n");
    }
  }
  return { total, by_field: byField, claim_ids: ids, narrative, included, missing };
}

function fmt(key: IndicatorKey, v: number | undefined): string {
  const n = v ?? 0;
  return INDICATOR_BY_KEY[key].unit === "vnd" ? n.toLocaleString("vi-VN") : String(n);
}

export type ReportIssuer = {
  parent?: string;
  name: string;
  short_code: string;
  place: string;
  signer: { title: string; name: string; authority?: "KT." | "TL." | "TM." | "Q." | "TUQ."; authority_title?: string };
  recipients: string[];
};

/** The Decree 30 "báo cáo" of a consolidated round: indicator tables per template section, narrative sections. */
export function reportDocumentInput(
  template: ReportTemplate,
  data: Consolidated,
  ctx: { period: Period; date?: IsoDate; issuer: ReportIssuer; scopeLabel: string },
): OfficialDocumentInput {
  const body: OfficialDocumentInput["body"] = [
    {
      type: "paragraph",
      text: `${ctx.issuer.name.charAt(0)}${ctx.issuer.name.slice(1).toLocaleLowerCase("vi")} báo cáo ${template.summary.toLocaleLowerCase("vi")} ${ctx.scopeLabel}, kỳ báo cáo ${ctx.period.label ?? ""} (từ ngày ${formatVi(ctx.period.from)} đến ngày ${formatVi(ctx.period.to)}), như sau:`,
    },
  ];
  for (const s of template.sections) {
    body.push({ type: "heading", text: s.title });
    if (s.type === "indicators") {
      const fields = s.by_field
        ? STAT_FIELDS.filter((f) => s.indicators.some((k) => (data.by_field[f]?.[k] ?? 0) !== 0))
        : [];
      const columns = ["STT", "Chỉ tiêu", "Tổng số", ...fields.map((f) => STAT_FIELD_VI[f])];
      body.push({
        type: "table",
        columns,
        rows: s.indicators.map((k, i) => [
          String(i + 1),
          `${INDICATOR_BY_KEY[k].label}${INDICATOR_BY_KEY[k].unit === "vnd" ? " (đồng)" : ""}`,
          fmt(k, data.total[k]),
          ...fields.map((f) => fmt(k, data.by_field[f]?.[k])),
        ]),
        widths: [1, 8, 3, ...fields.map(() => 3)],
        align: ["center", "left", "right", ...fields.map(() => "right" as const)],
      });
    } else {
      const text = data.narrative[s.key]?.trim();
      const lines = text
        ? text.split(/\n+/)
        : [`(Chưa có nội dung ${NARRATIVE_LABEL_VI[s.key].toLocaleLowerCase("vi")}.)`];
      for (const line of lines) body.push({ type: "paragraph", text: line });
    }
  }
  if (data.missing.length)
    body.push({
      type: "paragraph",
      italic: true,
      text: `Số liệu tổng hợp chưa gồm ${data.missing.length} cơ quan chưa gửi báo cáo.`,
    });
  body.push({
    type: "paragraph",
    text: `Trên đây là báo cáo ${template.summary.toLocaleLowerCase("vi")} ${ctx.scopeLabel}./.`,
  });
  return {
    kind: "report",
    issuer: { parent: ctx.issuer.parent, name: ctx.issuer.name, short_code: ctx.issuer.short_code },
    number: { symbol: `BC-${ctx.issuer.short_code}` },
    place: ctx.issuer.place,
    date: ctx.date,
    title: template.document_title,
    title_summary: template.summary,
    body,
    signature: ctx.issuer.signer,
    recipients: ctx.issuer.recipients,
  };
}

/** XLSX of the indicator sections: one row per indicator, total and one column per field. */
export function reportSheetInput(
  template: ReportTemplate,
  data: Consolidated,
  ctx: { period: Period; agencyName: string; generatedAt?: string },
): SheetInput {
  const keys = template.sections.flatMap((s) => (s.type === "indicators" ? s.indicators : []));
  const unique = [...new Set(keys)];
  return {
    title: template.name.toLocaleUpperCase("vi"),
    subtitle: `Kỳ báo cáo: ${ctx.period.label ?? ""} (${formatVi(ctx.period.from)} – ${formatVi(ctx.period.to)})`,
    sheet_name: "Số liệu",
    columns: [
      { key: "stt", header: "STT", width: 6, format: "integer" },
      { key: "key", header: "Mã chỉ tiêu", width: 24 },
      { key: "label", header: "Chỉ tiêu", width: 60 },
      { key: "unit", header: "Đơn vị", width: 10 },
      { key: "total", header: "Tổng số", width: 18, format: "money" },
      ...STAT_FIELDS.map((f) => ({ key: f, header: STAT_FIELD_VI[f], width: 16, format: "money" as const })),
      { key: "form", header: "Mẫu / dòng (TT 08/2019)", width: 28 },
    ],
    rows: unique.map((k, i) => ({
      stt: i + 1,
      key: INDICATOR_CODE[k],
      label: INDICATOR_BY_KEY[k].label,
      unit: INDICATOR_BY_KEY[k].unit === "vnd" ? "đồng" : "vụ việc",
      total: data.total[k] ?? 0,
      ...Object.fromEntries(STAT_FIELDS.map((f) => [f, data.by_field[f]?.[k] ?? 0])),
      form: INDICATOR_BY_KEY[k].form ?? "",
    })),
    meta: { agency: ctx.agencyName, period: ctx.period.label, generated_at: ctx.generatedAt },
  };
}

/** One task occurrence of the plan as input to the coordination review pre-fill. */
export type TaskForReview = {
  /** Plan clause, e.g. "II.1.1". */
  ref?: string | null;
  title: string;
  /** Occurrence, e.g. "Quý I năm 2021". */
  period_label?: string | null;
  status: string;
  completed_on?: string | null;
  due?: string | null;
  /** What the task produced (from its evidence: recorded outcome, notes, files, linked records). */
  outcomes?: readonly string[];
};

const textOf = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/**
 * The outcomes recorded on a task's evidence (JSON of the task instance): an `outcome`/`result`/`text`/`note` text,
 * notes written on the task board ({ notes: [{ text }] }), evidence files, meeting reports and case-list snapshots.
 */
export function taskOutcomeTexts(evidence: unknown): string[] {
  const out: string[] = [];
  const visit = (e: unknown): void => {
    if (e === null || e === undefined) return;
    if (typeof e === "string") {
      if (e.trim()) out.push(e.trim());
      return;
    }
    if (Array.isArray(e)) {
      for (const x of e) visit(x);
      return;
    }
    if (typeof e !== "object") return;
    const o = e as Record<string, unknown>;
    const text = textOf(o.outcome) ?? textOf(o.result) ?? textOf(o.text) ?? textOf(o.note);
    if (text) out.push(text);
    else if (o.meeting_id && textOf(o.number)) out.push(`Báo cáo số ${textOf(o.number)}`);
    else if (o.training_id && textOf(o.title))
      out.push(
        `${o.kind === "dissemination" ? "Tuyên truyền" : "Tập huấn"} "${textOf(o.title)}"${
          typeof o.date === "string" && isIsoDate(o.date) ? ` ngày ${formatVi(o.date)}` : ""
        }${typeof o.participants === "number" ? ` (${o.participants} người tham dự)` : ""}`,
      );
    else if (o.case_list_snapshot_id)
      out.push(`Danh mục vụ việc kỳ ${textOf(o.period) ?? ""}: ${typeof o.total === "number" ? o.total : 0} vụ việc`);
    else if (textOf(o.file_name)) out.push(`tệp minh chứng "${textOf(o.file_name)}"`);
    if (Array.isArray(o.notes)) visit(o.notes);
  };
  visit(evidence);
  return [...new Set(out)];
}

/**
 * Narrative pre-filled from the plan's task outcomes (annual coordination review, KH 2021 mục III.3: kết quả, khó
 * khăn, nguyên nhân, giải pháp). Results: tasks done (with their outcomes) and tasks in progress within their time;
 * difficulties: tasks past their time and not done (with what was done so far). Pending tasks still within their
 * time and cancelled tasks are left out. Causes and solutions are for the reviewers to write.
 */
export function prefillFromTasks(tasks: readonly TaskForReview[], asOf: IsoDate): Narrative {
  const live = tasks.filter((t) => t.status !== "cancelled");
  const isDone = (t: TaskForReview) => t.status === "done" || t.status === "completed";
  const isLate = (t: TaskForReview) => !isDone(t) && !!t.due && t.due < asOf;
  const label = (t: TaskForReview) =>
    `${t.ref ? `${t.ref} ` : ""}${t.title}${t.period_label ? ` (${t.period_label})` : ""}`;
  const tail = (t: TaskForReview, lead: string) => {
    const list = (t.outcomes ?? []).map((o) => o.replace(/[.;\s]+$/u, "")).filter(Boolean);
    return list.length ? ` ${lead}: ${list.join("; ")}.` : "";
  };
  const done = live.filter(isDone);
  const results = [
    ...done.map(
      (t) =>
        `- ${label(t)}: đã hoàn thành${t.completed_on ? ` ngày ${formatVi(t.completed_on)}` : ""}.${tail(t, "Kết quả")}`,
    ),
    ...live
      .filter((t) => t.status === "in_progress" && !isLate(t))
      .map((t) => `- ${label(t)}: đang thực hiện.${tail(t, "Kết quả bước đầu")}`),
  ];
  const difficulties = live
    .filter(isLate)
    .map((t) => `- ${label(t)}: chưa hoàn thành (hạn ${formatVi(t.due!)}).${tail(t, "Đã thực hiện")}`);
  const out: Narrative = {};
  if (live.length)
    out.results = [`Đã hoàn thành ${done.length}/${live.length} nhiệm vụ của kế hoạch.`, ...results].join("\n");
  if (difficulties.length) out.difficulties = difficulties.join("\n");
  return out;
}
