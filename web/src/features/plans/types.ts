export type Plan = {
  id: string;
  agency_id: string;
  number: string | null;
  title: string;
  year: number;
  issued_on: string | null;
  legal_basis: unknown;
  status: string;
  reporting_period?: string;
  /** False: the acting agency is only named in the plan and sees it read-only. */
  owned?: boolean;
  version: number;
};
export type PlanTask = {
  id: string;
  plan_id: string;
  position: number;
  ref: string | null;
  content: string;
  lead_agency_id: string | null;
  lead_role: string | null;
  coordinator_agency_ids: unknown;
  coordinator_roles: unknown;
  timing: string | null;
  schedule: unknown;
  expected_output: string | null;
  basis: string | null;
};
export type PlanDetail = Plan & { tasks: PlanTask[] };
export type Note = { at: string; by: string; text: string; file?: { name: string; size: number } };
export type Contribution = {
  agency_id: string;
  status: string;
  effective_status: string;
  note: string | null;
  version: number;
  updated_at: string;
  /** The acting agency records this part (its own, or that of an agency it succeeded). */
  is_own?: boolean;
};
export type TaskInstance = {
  id: string;
  task_id: string;
  agency_id: string;
  lead_agency_id: string | null;
  period_label: string | null;
  due: string | null;
  status: string;
  /** The status a reader sees ("overdue" derived on the server from the working-day calendar). */
  effective_status: string;
  /** True when the acting agency leads the occurrence and may update it. */
  is_lead: boolean;
  coordinators: Contribution[];
  evidence: { notes?: Note[] } | null;
  completed_on: string | null;
  version: number;
};
export const INSTANCE_STATUSES = ["pending", "in_progress", "done", "overdue", "cancelled"] as const;

export type ImportPreview = {
  number: string | null;
  title: string;
  year: number | null;
  issued_on: string | null;
  legal_bases: string[];
  tasks: Array<{
    number: string;
    title: string;
    lead: string[];
    lead_roles: string[];
    coordinators: string[];
    timing: string | null;
    timing_kind: string | null;
    expected_output: string | null;
    instances: Array<{ period_label: string; due: string }>;
    source: string;
    lines: number[];
    lead_agency_id: string | null;
    lead_confidence: number | null;
    coordinator_agency_ids: string[];
    flags: string[];
  }>;
  warnings: Array<{ code: string; message: string; line?: number }>;
  plan_id: string | null;
  instance_count: number;
  changes: {
    plan_id: string;
    added: string[];
    removed: string[];
    changed: Array<{ ref: string; fields: string[] }>;
  } | null;
};
