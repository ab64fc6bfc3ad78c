// ONE citation per routing rule, shared by routing (rule.clause / rule.basis), the request screen and the letters
// (issue 17: letters cited "KH 2021 mục II.3.1" instead of the plan's number, date, issuer and title, and a forwarding
// letter cited TT 08 Điều 12 where the rule cites Điều 4 khoản 2 điểm a). The rule's `basis` is the single source:
// "<plan> mục …; <legal document> Điều … khoản … điểm …, Điều …; …". This module reads it into its parts and writes
// them the way Vietnamese administrative texts cite (Nghị định 30/2020/NĐ-CP): "mục II.3.1 Kế hoạch số …/KH-… ngày …
// của … về …" and "điểm a khoản 2 Điều 4 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp".
//
// The plans are data. Their number and date are given only when the source text states them; the seeds do not (seed
// 000 has neither; seed 001 prints "Số: /KH-UBND" and "ngày tháng năm 2024" blank), so both plans are `unverified`:
// the citation shows "…" for the clerk to fill in, and a document carries PLAN_UNVERIFIED_LEGEND once.
import { formatVi, type IsoDate } from "../shared/dates.ts";
import { getRule, type RoutingRule } from "./rules.ts";

export type PlanId = "KH2021" | "KHTH2024";

export type PlanDocument = {
  id: PlanId;
  /** How the routing table names the plan ("KH 2021"). */
  short: string;
  /** Số and ký hiệu ("12/KH-UBND"); null when the source text does not state the number. */
  number: string | null;
  /** Ký hiệu alone when the source shows it without the number ("KH-UBND"). */
  symbol: string | null;
  /** Ngày ban hành; null when the source text does not state it. */
  date: IsoDate | null;
  year: number;
  /** Cơ quan ban hành (joint plans: both issuers). */
  issuer: string;
  /** Trích yếu, continuing "về …". */
  title: string;
  /** Where the data comes from. */
  source: string;
  /** Number or date not stated in the source: shown with "…" and the legend. */
  unverified: boolean;
};

export const PLAN_DOCUMENTS: Readonly<Record<PlanId, PlanDocument>> = {
  KH2021: {
    id: "KH2021",
    short: "KH 2021",
    number: null,
    symbol: null,
    date: null,
    year: 2021,
    issuer: "Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự",
    title: "phối hợp thực hiện công tác bồi thường nhà nước trong hoạt động thi hành án dân sự năm 2021",
    source: "seed 000 (bản không ghi số, ngày ban hành)",
    unverified: true,
  },
  KHTH2024: {
    id: "KHTH2024",
    short: "KH Thanh Hóa 2024",
    number: null,
    symbol: "KH-UBND",
    date: null,
    year: 2024,
    issuer: "Ủy ban nhân dân tỉnh Thanh Hóa",
    title: "triển khai các nhiệm vụ trọng tâm công tác bồi thường nhà nước năm 2024",
    source: 'seed 001 ("Số: /KH-UBND", "ngày tháng năm 2024" để trống)',
    unverified: true,
  },
};

/** Shown once per document that cites a plan whose number or date is not verified. */
export const PLAN_UNVERIFIED_LEGEND =
  "(*) Số, ngày ban hành của kế hoạch chưa xác minh với văn bản gốc; bổ sung trước khi phát hành.";

/** The legal documents the rules cite: short form in the routing table → full citation in a document. */
const LEGAL_DOCUMENTS: ReadonlyArray<[short: string, full: string]> = [
  ["Thông tư 08/2019/TT-BTP", "Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  ["Thông tư 09/2019/TT-BTP", "Thông tư số 09/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  ["Luật TNBTCNN 2017", "Luật Trách nhiệm bồi thường của Nhà nước năm 2017"],
  ["Luật TNBTCNN 2009", "Luật Trách nhiệm bồi thường của Nhà nước năm 2009"],
  [
    "Quy chế phối hợp ban hành kèm theo Quyết định 3056/QĐ-BTP",
    "Quy chế phối hợp thực hiện công tác bồi thường nhà nước trong Bộ Tư pháp ban hành kèm theo Quyết định số 3056/QĐ-BTP ngày 19/12/2018 của Bộ Tư pháp",
  ],
];

/** One legal document cited by a rule, with its provisions in citation order ("điểm a khoản 2 Điều 4"). */
export type LegalGround = {
  /** Short form as in the routing table. */
  document: string;
  /** Provisions written the administrative way, e.g. ["điểm a khoản 2 Điều 4"]; empty = the whole document. */
  provisions: string[];
  /** Words the table adds after the provisions, e.g. "(kỳ báo cáo)". */
  remark?: string;
  /** "điểm a khoản 2 Điều 4 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp". */
  text: string;
};

export type RuleCitation = {
  rule: string;
  /** As routing shows them. */
  clause: string;
  basis: string;
  plan: PlanDocument;
  /** "mục II.3.1", "mục II.5.2 (gạch đầu dòng thứ nhất)". */
  section: string;
  /** "mục II.3.1 Kế hoạch số … ngày …/…/2021 của … về …" (+ "(*)" when unverified). */
  plan_text: string;
  legal: LegalGround[];
  /** The legal grounds joined ("…; …"), null when the clause cites none. */
  legal_text: string | null;
  /** For running text after "Căn cứ": the legal grounds and the plan section, "A, B và mục … Kế hoạch số …". */
  cite: string;
  unverified: boolean;
};

/** "Kế hoạch số …/KH-UBND ngày …/…/2024 của Ủy ban nhân dân tỉnh Thanh Hóa về triển khai …". */
export function planDocumentText(p: PlanDocument): string {
  const number = p.number ?? `…${p.symbol ? `/${p.symbol}` : ""}`;
  const date = p.date ? formatVi(p.date) : `…/…/${p.year}`;
  return `Kế hoạch số ${number} ngày ${date} của ${p.issuer} về ${p.title}`;
}

/** "Điều 4 khoản 2 điểm a" (table order) → "điểm a khoản 2 Điều 4" (the order of a legal citation). */
function provisionText(p: string): string {
  const m = /^Điều (\d+)(?: khoản (\d+))?(?: điểm (.+))?$/u.exec(p.trim());
  if (!m) throw new Error(`không đọc được điều khoản "${p}"`);
  const [, article, clause, point] = m;
  return [point ? `điểm ${point}` : "", clause ? `khoản ${clause}` : "", `Điều ${article}`].filter(Boolean).join(" ");
}

function legalGround(part: string): LegalGround {
  const doc = LEGAL_DOCUMENTS.find(([short]) => part.startsWith(short));
  if (!doc) throw new Error(`căn cứ "${part}" không thuộc văn bản nào đã biết`);
  const [short, full] = doc;
  let rest = part.slice(short.length).trim();
  let remark: string | undefined;
  const paren = /\s*(\(.*\).*)$/u.exec(rest);
  if (paren && !rest.startsWith("Điều")) {
    remark = rest;
    rest = "";
  } else if (paren) {
    remark = paren[1];
    rest = rest.slice(0, paren.index);
  }
  const provisions = rest ? rest.split(/,\s*/u).map(provisionText) : [];
  const text = `${provisions.length ? `${provisions.join(", ")} ` : ""}${full}${remark ? ` ${remark}` : ""}`;
  return { document: short, provisions, ...(remark ? { remark } : {}), text };
}

/** Reads a rule's basis into the plan section and the legal grounds. */
export function ruleCitation(rule: RoutingRule): RuleCitation {
  const plan = Object.values(PLAN_DOCUMENTS)
    .sort((a, b) => b.short.length - a.short.length)
    .find((p) => rule.clause.startsWith(`${p.short} mục`));
  if (!plan) throw new Error(`quy tắc ${rule.id}: không rõ kế hoạch của "${rule.clause}"`);
  const parts = rule.basis.split(/;\s*/u);
  const sections = [parts[0].slice(plan.short.length).trim()];
  const legal: LegalGround[] = [];
  for (const part of parts.slice(1)) {
    if (part.startsWith("mục ")) sections.push(part);
    else legal.push(legalGround(part));
  }
  const section = sections.join(", ");
  const planText = `${section} ${planDocumentText(plan)}${plan.unverified ? " (*)" : ""}`;
  const all = [...legal.map((l) => l.text), planText];
  return {
    rule: rule.id,
    clause: rule.clause,
    basis: rule.basis,
    plan,
    section,
    plan_text: planText,
    legal,
    legal_text: legal.length ? legal.map((l) => l.text).join("; ") : null,
    cite: all.length > 1 ? `${all.slice(0, -1).join(", ")} và ${all.at(-1)}` : planText,
    unverified: plan.unverified,
  };
}

/** The citation of a rule by id (undefined for an unknown id). */
export function citationOf(ruleId: string | null | undefined): RuleCitation | undefined {
  const rule = ruleId ? getRule(ruleId) : undefined;
  return rule ? ruleCitation(rule) : undefined;
}
