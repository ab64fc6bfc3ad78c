// Claims module throughput: computeDeadlines on a full 19-event history across Tết 2025 (state machine replay,
// parameter lookup, BLDS period arithmetic with explanations), plus replay alone and parseClaimHistory.
import { defaultCalendar } from "../src/domain/calendar/work-calendar.ts";
import { computeDeadlines, parseClaimHistory, replay } from "../src/domain/claims/index.ts";
import { measure as measureLoop } from "./measure.ts";

// Expensive calls: short warm-up (fills the calendar's year cache) and small batches.
const measure = (fn: () => unknown, ms = 500) => measureLoop(() => fn(), ms, { warmup: 200, batch: 50 });

type Row = { name: string; ops_per_sec: number; note?: string };

const RAW = {
  law: "law_2017",
  complex: false,
  events: [
    ["received", "2025-01-13"],
    ["supplement_requested", "2025-01-16"],
    ["file_valid", "2025-01-22"],
    ["accepted", "2025-01-24"],
    ["advance_proposed", "2025-02-03"],
    ["officer_appointed", "2025-02-04"],
    ["advance_paid", "2025-02-07"],
    ["verification_report_done", "2025-02-07"],
    ["negotiation_started", "2025-02-11"],
    ["negotiation_ended", "2025-02-20"],
    ["decision_issued", "2025-02-20"],
    ["decision_effective", "2025-03-07"],
    ["funds_requested", "2025-03-10"],
    ["funds_received", "2025-03-17"],
    ["payment_notice_received", "2025-03-19"],
    ["paid", "2025-03-21"],
    ["council_established", "2025-03-31"],
    ["council_recommended", "2025-04-21"],
    ["recourse_decided", "2025-04-25"],
  ].map(([type, date]) => ({ type, date })),
};

export async function run(): Promise<Row[]> {
  const history = parseClaimHistory(RAW);
  const sample = computeDeadlines(history, defaultCalendar, "2025-05-01");
  return [
    {
      name: "computeDeadlines, full history (19 events)",
      ops_per_sec: measure(() => computeDeadlines(history, defaultCalendar, "2025-05-01")),
      note: `${sample.deadlines.length} deadlines + ${sample.milestones.length} milestones per call, default calendar`,
    },
    { name: "replay, full history (19 events)", ops_per_sec: measure(() => replay(history)) },
    { name: "parseClaimHistory (zod), 19 events", ops_per_sec: measure(() => parseClaimHistory(RAW)) },
  ];
}
