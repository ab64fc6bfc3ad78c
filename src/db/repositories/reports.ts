// Report rounds (seed 001 §III; TT 08/2019 Điều 24–25): opened by the ministry (CUC_BTNN) or a province
// (SO_TU_PHAP) with a period, a template and a deadline (rolled over to a working day — Điều 25 khoản 3); each
// participating agency reviews the figures DERIVED for it, adds its narrative and submits (late submissions marked);
// the opener reminds, consolidates and exports DOCX (Decree 30 report) and XLSX.

// One file per verb family under reports/ (templates, rounds, submissions, consolidation); this module is their
// public face, so callers import from one place.

export * from "./reports/consolidation.ts";
export * from "./reports/rounds.ts";
export * from "./reports/submissions.ts";
export * from "./reports/templates.ts";
