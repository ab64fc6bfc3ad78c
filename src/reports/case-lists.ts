// Exports of a stored case-list snapshot (KH 2021 mục II.1.1 / II.1.2): the XLSX lists of src/documents and a short
// DOCX report (Nghị định 30/2020 layout) with the counts and the table of cases.
import {
  buildBacklogList2009,
  buildCaseList2017,
  renderOfficialDocument,
  type SignAuthority,
} from "../documents/index.ts";
import { CASE_LIST_RULES, type CaseListKind, parsePeriod } from "../domain/case-lists/index.ts";
import { CLAIM_FIELD_VI } from "../domain/claims/dto.ts";
import { formatVi, toVnDate } from "../domain/shared/dates.ts";

type Snapshot = {
  kind: string;
  period: string;
  as_of: string;
  total: number;
  new_count: number;
  carried_over_count: number;
  basis: string;
  created_at: Date | string;
  rows: Array<{
    claim_code: string;
    claimant: string;
    handling_agency: string;
    field: string;
    accepted_on: string | null;
    stage: string;
    flags: string[];
    claimed_amount: number | null;
    decided_amount: number | null;
    origin: "new" | "carried_over";
  }>;
};

const ORIGIN_VI = { new: "Mới trong kỳ", carried_over: "Kỳ trước chuyển sang" } as const;

export function caseListFileName(s: Pick<Snapshot, "kind" | "period">, ext: "xlsx" | "docx"): string {
  const what = s.kind === "half_year_2017" ? "Danh mục vụ việc Luật 2017" : "Danh mục vụ việc phức tạp Luật 2009";
  return `${what} ${s.period}.${ext}`;
}

export async function caseListXlsx(s: Snapshot, agencyName: string): Promise<Buffer> {
  const p = parsePeriod(s.kind as CaseListKind, s.period);
  const generated_at = toVnDate(s.created_at);
  if (s.kind === "half_year_2017")
    return buildCaseList2017({
      agency: agencyName,
      year: p.year,
      half: p.index as 1 | 2,
      generated_at,
      rows: s.rows.map((r) => ({
        claim_code: r.claim_code,
        claimant: r.claimant,
        handling_agency: r.handling_agency,
        field: r.field as "civil_enforcement",
        accepted_on: r.accepted_on ?? p.start,
        stage: r.stage || "Đang giải quyết",
        ...(r.claimed_amount !== null ? { claimed_amount: r.claimed_amount } : {}),
        ...(r.decided_amount !== null ? { decided_amount: r.decided_amount } : {}),
        origin: r.origin,
      })),
    });
  return buildBacklogList2009({
    agency: agencyName,
    year: p.year,
    quarter: p.index as 1 | 2 | 3 | 4,
    generated_at,
    rows: s.rows.map((r) => ({
      claim_code: r.claim_code,
      claimant: r.claimant,
      handling_agency: r.handling_agency,
      field: r.field as "civil_enforcement",
      accepted_on: r.accepted_on ?? "2018-06-30",
      flags: r.flags as Array<"complex" | "backlogged" | "prolonged">,
      status: r.stage || "Đang giải quyết",
      ...(r.claimed_amount !== null ? { claimed_amount: r.claimed_amount } : {}),
      note: ORIGIN_VI[r.origin],
    })),
  });
}

export type ReportIssuer = { name: string; parent?: string; short_code: string; place: string };
export type ReportSigner = { authority?: SignAuthority; authority_title?: string; title: string; name: string };

/** A report (báo cáo) presenting the list: counts (new / carried over) and the table; no number (draft for the clerk). */
export async function caseListDocx(s: Snapshot, issuer: ReportIssuer, signer: ReportSigner): Promise<Buffer> {
  const kind = s.kind as CaseListKind;
  const rule = CASE_LIST_RULES[kind];
  const p = parsePeriod(kind, s.period);
  return renderOfficialDocument({
    kind: "report",
    issuer: { name: issuer.name, ...(issuer.parent ? { parent: issuer.parent } : {}), short_code: issuer.short_code },
    number: { symbol: `BC-${issuer.short_code}` },
    place: issuer.place,
    date: s.as_of,
    title: "BÁO CÁO",
    title_summary: `${rule.title_vi} — ${p.label}`,
    body: [
      {
        type: "paragraph",
        text: `Thực hiện ${rule.clause}, ${issuer.name} lập ${rule.title_vi.toLowerCase()} ${p.label} (từ ngày ${formatVi(p.start)} đến ngày ${formatVi(p.end)}), số liệu chốt đến ngày ${formatVi(s.as_of)}, như sau:`,
      },
      { type: "field", label: "Tổng số vụ việc", value: String(s.total) },
      { type: "field", label: "Vụ việc mới trong kỳ", value: String(s.new_count) },
      { type: "field", label: "Vụ việc kỳ trước chuyển sang", value: String(s.carried_over_count) },
      { type: "heading", text: "DANH MỤC VỤ VIỆC" },
      {
        type: "table",
        columns: [
          "STT",
          "Mã vụ việc",
          "Người yêu cầu",
          "Cơ quan giải quyết",
          "Lĩnh vực",
          "Ngày thụ lý",
          "Tình trạng",
          "Mới/chuyển sang",
        ],
        widths: [4, 10, 14, 16, 10, 9, 14, 10],
        rows: s.rows.map((r, i) => [
          String(i + 1),
          r.claim_code,
          r.claimant,
          r.handling_agency,
          CLAIM_FIELD_VI[r.field as keyof typeof CLAIM_FIELD_VI] ?? r.field,
          r.accepted_on ? formatVi(r.accepted_on) : "",
          r.stage,
          ORIGIN_VI[r.origin],
        ]),
      },
      { type: "paragraph", text: `Căn cứ: ${s.basis}.`, italic: true },
    ],
    signature: signer,
    recipients: ["Lãnh đạo Bộ (để báo cáo)"],
  });
}
