// Structured plan (Kế hoạch) as produced by the plan importer. JSON keys follow GLOSSARY.md ("Coordination").
import type { Role } from "../agencies/roles.ts";
import type { ExplanationStep } from "../calendar/types.ts";
import type { IsoDate } from "../shared/dates.ts";

/** An agency as named in the plan; `role` null when the wording names no known role (a warning is raised). */
export interface AgencyRef {
  text: string;
  role: Role | null;
  /** Words after the agency that qualify its part, e.g. "thực hiện việc chỉ đạo, đơn đốc". */
  note?: string;
  /**
   * Set on import (importPlan), not by the parser: the registry agencies in force on the plan's date the wording
   * designates — one for "Sở Tư pháp" in a provincial plan, every district for "UBND các huyện" (none after the 2025
   * reorganisation) — and how sure the match is (0–1; 0 = unknown wording kept as text).
   */
  agency_ids?: string[];
  confidence?: number;
}

/** Executing agencies, optionally per administrative level ("+ Cấp tỉnh: …", "+ Cấp huyện: …"). */
export interface ExecutorGroup {
  level?: string;
  agencies: AgencyRef[];
}

/** A legal reference cited by a clause: document + Điều/khoản/điểm. */
export interface LegalReference {
  /** Canonical document name, e.g. "Thông tư 08/2019/TT-BTP", "Luật TNBTCNN 2017". */
  document: string;
  article?: number;
  clause?: number;
  point?: string;
  /** The words as written, e.g. "điểm đ khoản 1 Điều 4 TT số 08". */
  text: string;
}

export type WarningCode =
  | "unplaced_line"
  | "unresolved_agency"
  | "unparsed_timing"
  | "joined_lines"
  | "missing_section"
  | "missing_title"
  | "truncated"
  | "numbering"
  | "empty_field"
  | "unknown_section"
  | "incomplete_header"
  | "no_year"
  | "import"
  | "no_lead"
  | "suspect_task";

export interface PlanWarning {
  code: WarningCode;
  /** Vietnamese message for the user. */
  message: string;
  /** 1-based line of the input the warning is about. */
  line?: number;
  /** The text concerned (the unplaced line itself for "unplaced_line"). */
  text?: string;
}

export type PeriodUnit = "year" | "half_year" | "quarter" | "month";

export interface PeriodSpec {
  unit: PeriodUnit;
  /** Null when the phrase names no year (the plan's year is used on expansion). */
  year: number | null;
  /** 1 for a year, 1–2 half-year, 1–4 quarter, 1–12 month. */
  index: number;
}

export type Trigger =
  | {
      /** Created when a request arrives ("Khi có yêu cầu", "Theo đề nghị của …"). */
      type: "request";
      from?: AgencyRef;
      /** "… và theo kế hoạch": also carried out under a separate (e.g. inspection) plan. */
      planned?: boolean;
    }
  | {
      /** Created when a legal ground exists ("Khi có căn cứ theo dõi quy định tại khoản 1 Điều 9 TT số 08"). */
      type: "ground";
      /** monitoring = theo dõi, urging = đôn đốc (also spelled "đơn đốc" in the seed). */
      ground: "monitoring" | "urging" | "other";
      reference?: LegalReference;
      /** Extra condition after the reference ("mà đã đề nghị UBND tỉnh đơn đốc nhưng …"). */
      condition?: string;
    }
  | {
      /** Created from the periodic case lists ("Trên cơ sở danh mục vụ việc …"). */
      type: "case_list";
      list: "complex_backlogged_prolonged" | "claims";
    };

export type Schedule =
  | {
      kind: "recurring";
      text: string;
      unit: PeriodUnit;
      /**
       * first_month_of_next_period: "được thực hiện trong tháng đầu tiên của kỳ tiếp theo" (covers the previous period);
       * first_month_of_period: "trong tháng đầu tiên hằng Quý"; within_period: during each period.
       */
      window: "first_month_of_next_period" | "first_month_of_period" | "within_period";
    }
  | {
      kind: "dated";
      text: string;
      periods: PeriodSpec[];
      /** A deadline day ("trước ngày 30/6/2024"), when the phrase gives one. */
      by_date?: IsoDate;
      /** Parenthesised remark, e.g. "Thời gian cụ thể theo yêu cầu của Bộ Tư pháp". */
      note?: string;
      requested_by?: AgencyRef;
    }
  | { kind: "continuous"; text: string }
  | { kind: "event"; text: string; trigger: Trigger }
  | {
      kind: "unparsed";
      text: string;
      /** A day written in the phrase that is not on the calendar ("31/02/2025"), as written. */
      impossible_date?: string;
    };

export type ScheduleKind = Schedule["kind"];

/** One dated occurrence of a task. */
export interface TaskInstance {
  /** Vietnamese label of the period the work is about, e.g. "6 tháng cuối năm 2020", "Quý IV năm 2024". */
  period_label: string;
  window_start: IsoDate;
  window_end: IsoDate;
  /** End of the window, rolled to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5). */
  due: IsoDate;
  explanation: ExplanationStep[];
}

/** Timing of a task: its schedule plus, after import with a year, its dated instances. */
export type TaskTiming = Schedule & { instances?: TaskInstance[] };

export interface Task {
  /** Hierarchical number: section + item path, e.g. "II.3.3.b". */
  number: string;
  title: string;
  /** Full clause text as written (heading line, field lines, narrative), one source line per line. */
  text: string;
  lead: AgencyRef[];
  coordinators: AgencyRef[];
  executors: ExecutorGroup[];
  timing: TaskTiming | null;
  expected_output: string | null;
  references: LegalReference[];
  /** Number of the enclosing group (an item with sub-items and no fields of its own), if any. */
  group: string | null;
  /** True when lead/coordinators were read from "X chủ trì, phối hợp với Y" inside "Cơ quan thực hiện". */
  lead_derived?: boolean;
  /** 1-based input lines the task spans. */
  lines: [number, number];
}

/** An item with sub-items and no fields of its own (e.g. "3. Hướng dẫn nghiệp vụ …"). */
export interface TaskGroup {
  number: string;
  title: string;
  text: string;
  references: LegalReference[];
}

export type SectionKind =
  | "purposes"
  | "requirements"
  | "purposes_requirements"
  | "tasks"
  | "organisation"
  | "funding"
  | "recipients"
  | "other";

export interface PlanSection {
  number: string | null;
  title: string;
  kind: SectionKind;
  line: number;
  /** Text of a section the importer has no field for (kind "other"). */
  text?: string[];
}

export interface Signer {
  /** e.g. "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG". */
  title: string;
  name?: string;
  /** Stray marks beside the title (e.g. initials in italics). */
  note?: string;
}

export interface Plan {
  /** Document kind from the heading, e.g. "Kế hoạch". */
  doc_type: string | null;
  issuers: AgencyRef[];
  number?: string;
  date?: IsoDate;
  /** The date line as written when it is incomplete ("ngày tháng năm 2024"). */
  date_text?: string;
  place?: string;
  /** Year the plan is about (from the date, else the title), used to expand schedules. */
  year: number | null;
  title: string;
  /** Lines above the title that are not parsed into a field (national motto, agency header). */
  header: string[];
  legal_bases: string[];
  /** Opening paragraphs other than legal bases ("… ban hành Kế hoạch …, cụ thể như sau:"). */
  preamble: string[];
  purposes: string[];
  requirements: string[];
  tasks: Task[];
  groups: TaskGroup[];
  organisation: string[];
  funding: string[];
  /** Closing paragraph ("Trên đây là Kế hoạch …"). */
  closing: string[];
  sections: PlanSection[];
  signers?: Signer[];
  recipients?: string[];
  warnings: PlanWarning[];
}
