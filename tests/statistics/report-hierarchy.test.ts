// A province round feeds the national round (seed 001 §III; TT 08/2019/TT-BTP Điều 24–25), on every engine:
// Cục BTNN opens the 2024 annual round for Sở Tư pháp Thanh Hóa and Nghệ An; each Sở opens its own round for the same
// period (Thanh Hóa linked automatically, Nghệ An by naming the parent); THADS tỉnh and TAND tỉnh submit figures
// derived from their claims; each Sở consolidates → that consolidation IS its submission in the national round
// (figures, narrative, late flag, link) with no retyping; the ministry's consolidation sums the two provinces.
// Every expected figure below is computed by hand from the six claims.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClaim } from "../../src/db/repositories/claims.ts";
import { consolidateRound, getRound, openRound, saveSubmission } from "../../src/db/repositories/reports.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import type { FigureSnapshot } from "../../src/domain/reports/index.ts";
import { loadAgencies, scopeFor } from "../db/fixtures.ts";

const M = 1_000_000;
const ROUND = { template_id: "tt08-annual", period_kind: "tt08_annual_report" as const, year: 2024 };
// Data period 01/01–31/10/2024 (TT 08/2019 Điều 24); last day 07/12/2024 is a Saturday → Monday 09/12/2024 (Điều 25 k3).
const NATIONAL_DEADLINE = "2024-12-09";

type Ev = { type: string; date: string; ground?: string; data?: Record<string, unknown> };
const CLAIMS: Array<[string, string, string, Ev[]]> = [
  // Thanh Hóa
  // TH1: accepted 2023 by Chi cục THADS Quảng Xương (under Cục THADS tỉnh) — carried over, still in progress.
  ["TH1", "chi-cuc-thads-quang-xuong", "civil_enforcement", [{ type: "accepted", date: "2023-05-10" }]],
  // TH2: new in 2024, decision 120 m effective 10/05, paid 120 m on 20/06.
  [
    "TH2",
    "cuc-thads-thanh-hoa",
    "civil_enforcement",
    [
      { type: "received", date: "2024-02-01" },
      { type: "accepted", date: "2024-02-05" },
      { type: "decision_issued", date: "2024-04-10", data: { amount: 120 * M } },
      { type: "decision_effective", date: "2024-05-10" },
      { type: "paid", date: "2024-06-20", data: { amount: 120 * M } },
    ],
  ],
  // TH3: new in 2024 at TAND tỉnh, terminated 05/04 (withdrawn, Luật TNBTCNN 2017 Điều 51 k1a).
  [
    "TH3",
    "tand-thanh-hoa",
    "criminal_procedure",
    [
      { type: "accepted", date: "2024-03-01" },
      { type: "termination_ground", date: "2024-04-01", ground: "a" },
      { type: "terminated", date: "2024-04-05", ground: "a" },
    ],
  ],
  // Nghệ An
  // NA1: new 15/01/2024 at Cục THADS tỉnh, in progress.
  ["NA1", "cuc-thads-nghe-an", "civil_enforcement", [{ type: "accepted", date: "2024-01-15" }]],
  // NA2: sued directly in court 01/03/2024 (Điều 52 k1a) — in court, new, in progress.
  ["NA2", "tand-nghe-an", "civil_procedure", [{ type: "sued_in_court", date: "2024-03-01", ground: "1a" }]],
  // NA3: accepted 2023, decision 80 m issued 01/12/2023, effective 10/01/2024 — carried over, resolved in 2024.
  [
    "NA3",
    "tand-nghe-an",
    "criminal_procedure",
    [
      { type: "accepted", date: "2023-09-01" },
      { type: "decision_issued", date: "2023-12-01", data: { amount: 80 * M } },
      { type: "decision_effective", date: "2024-01-10" },
    ],
  ],
];

// Hand-computed totals. Thanh Hóa: TH1 carried + TH2, TH3 new; Nghệ An: NA3 carried + NA1, NA2 new.
const EXPECT_TH = {
  handled: 3,
  handled_new: 2,
  handled_carried: 1,
  at_agency: 3,
  in_court: 0,
  resolved: 1,
  amount_to_pay: 120 * M,
  terminated: 1,
  in_progress: 1,
  suspended: 0,
  cases_paid: 1,
  amount_paid: 120 * M,
};
const EXPECT_NA = {
  handled: 3,
  handled_new: 2,
  handled_carried: 1,
  at_agency: 2,
  in_court: 1,
  resolved: 1,
  amount_to_pay: 80 * M,
  terminated: 0,
  in_progress: 2,
  suspended: 0,
  cases_paid: 0,
  amount_paid: 0,
};
const EXPECT_NATIONAL = {
  handled: 6,
  handled_new: 4,
  handled_carried: 2,
  at_agency: 5,
  in_court: 1,
  resolved: 2,
  amount_to_pay: 200 * M,
  terminated: 1,
  in_progress: 3,
  suspended: 0,
  cases_paid: 1,
  amount_paid: 120 * M,
};

const pick = (f: FigureSnapshot["total"] | undefined, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, (f as Record<string, number> | undefined)?.[k] ?? 0]));
const KEYS = Object.keys(EXPECT_NATIONAL);

const cuc = scopeFor("cuc-btnn");
const stpTh = scopeFor("stp-thanh-hoa");
const stpNa = scopeFor("stp-nghe-an");

for (const engine of availableEngines()) {
  describe(`Kỳ báo cáo của tỉnh chuyển lên kỳ báo cáo của Bộ — KH Thanh Hóa 2024 mục III (${engine})`, () => {
    let database: Database;
    let national = "";
    let roundTh = "";
    let roundNa = "";
    const ids: Record<string, string> = {};

    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
      for (const [code, agency, field, events] of CLAIMS) {
        const c = await createClaim(
          database.db,
          SYSTEM_SCOPE,
          { code, field, handling_agency_id: agency, claimant_name: `Người yêu cầu ${code}`, events },
          { as_of: "2024-11-01", mode: "backfill" },
        );
        ids[code] = c.id;
      }
    });
    after(async () => {
      await database?.close();
    });

    test("Cục BTNN mở kỳ báo cáo năm 2024 cho hai Sở Tư pháp; Sở Thanh Hóa mở kỳ cùng kỳ số liệu → tự gắn vào kỳ của Bộ", async () => {
      const db = database.db;
      const n = await openRound(db, cuc, {
        ...ROUND,
        agency_id: "cuc-btnn",
        participant_ids: ["stp-thanh-hoa", "stp-nghe-an"],
      });
      national = n.id;
      assert.equal(n.deadline, NATIONAL_DEADLINE);
      assert.equal(n.period_from, "2024-01-01");
      assert.equal(n.period_to, "2024-10-31");
      const th = await openRound(
        db,
        stpTh,
        {
          ...ROUND,
          agency_id: "stp-thanh-hoa",
          deadline: "2024-11-25",
          participant_ids: ["cuc-thads-thanh-hoa", "tand-thanh-hoa"],
        },
        { today: "2024-11-01" },
      );
      roundTh = th.id;
      assert.equal(th.parent_round_id, national);
      const nat = await getRound(db, cuc, national, { today: "2024-11-01" });
      const sub = nat.submissions.find((s) => s.agency_id === "stp-thanh-hoa")!;
      assert.deepEqual(sub.sub_round, {
        id: roundTh,
        status: "open",
        deadline: "2024-11-25",
        consolidated_on: null,
        participants: 2,
        submitted: 0,
      });
      assert.equal(nat.submissions.find((s) => s.agency_id === "stp-nghe-an")!.sub_round, null);
    });

    test("Sở Nghệ An gắn kỳ của mình vào kỳ của Bộ bằng mã kỳ; kỳ khác kỳ số liệu hoặc gắn lần hai bị từ chối", async () => {
      const db = database.db;
      const base = { ...ROUND, agency_id: "stp-nghe-an", participant_ids: ["cuc-thads-nghe-an", "tand-nghe-an"] };
      await assert.rejects(
        openRound(db, stpNa, { ...base, period_kind: "year", deadline: "2025-01-20", parent_round_id: national }),
        { code: "period_mismatch" },
      );
      await assert.rejects(
        openRound(db, stpNa, {
          ...base,
          template_id: "quick-figures",
          period_kind: "custom",
          from: "2024-01-01",
          to: "2024-06-30",
          deadline: "2024-07-15",
          parent_round_id: national,
        }),
        { code: "period_mismatch" },
      );
      // Sở Tư pháp Hà Nội is not a participant: the national round is not even visible to it.
      await assert.rejects(
        openRound(db, scopeFor("stp-ha-noi"), {
          ...ROUND,
          agency_id: "stp-ha-noi",
          participant_ids: ["tand-ha-noi"],
          parent_round_id: national,
        }),
        { code: "not_found" },
      );
      const na = await openRound(db, stpNa, { ...base, deadline: "2024-11-25", parent_round_id: national });
      roundNa = na.id;
      assert.equal(na.parent_round_id, national);
      await assert.rejects(openRound(db, stpNa, { ...base, deadline: "2024-11-25", parent_round_id: national }), {
        code: "already_linked",
      });
      // Opening another Thanh Hóa round without naming a parent no longer links (the submission is already fed).
      const extra = await openRound(db, stpTh, {
        ...ROUND,
        agency_id: "stp-thanh-hoa",
        deadline: "2024-11-25",
        participant_ids: ["tand-thanh-hoa"],
      });
      assert.equal(extra.parent_round_id, null);
    });

    test("Sở Tư pháp không tự gõ báo cáo trong kỳ của Bộ khi kỳ của tỉnh đang mở (không nhập hai lần)", async () => {
      await assert.rejects(
        saveSubmission(database.db, stpTh, national, "stp-thanh-hoa", {
          narrative: { results: "gõ tay" },
          submit: true,
        }),
        { code: "fed_by_sub_round" },
      );
    });

    test("Thanh Hóa: THADS tỉnh và TAND tỉnh gửi số liệu tính từ vụ việc; Sở tổng hợp đúng hạn → báo cáo của Sở trong kỳ của Bộ", async () => {
      const db = database.db;
      await saveSubmission(
        db,
        scopeFor("cuc-thads-thanh-hoa"),
        roundTh,
        "cuc-thads-thanh-hoa",
        {
          narrative: { results: "Giải quyết dứt điểm 01 vụ việc.", difficulties: "Xác minh thiệt hại kéo dài." },
          submit: true,
        },
        { today: "2024-11-20" },
      );
      await saveSubmission(
        db,
        scopeFor("tand-thanh-hoa"),
        roundTh,
        "tand-thanh-hoa",
        {
          narrative: { results: "Đình chỉ 01 vụ việc do người yêu cầu rút yêu cầu." },
          submit: true,
        },
        { today: "2024-11-22" },
      );
      const r = await consolidateRound(
        db,
        stpTh,
        roundTh,
        { narrative: { proposals: "Đề nghị Bộ tập huấn kỹ năng thương lượng." } },
        {
          today: "2024-12-02",
        },
      );
      assert.deepEqual(pick(r.consolidated?.total, KEYS), EXPECT_TH);
      const nat = await getRound(db, cuc, national, { today: "2024-12-02" });
      const sub = nat.submissions.find((s) => s.agency_id === "stp-thanh-hoa")!;
      assert.equal(sub.status, "submitted");
      assert.equal(sub.submitted_on, "2024-12-02");
      assert.equal(sub.late, false);
      assert.equal(sub.sub_round?.status, "consolidated");
      assert.equal(sub.figures?.source_round_id, roundTh);
      assert.deepEqual(pick(sub.figures?.total, KEYS), EXPECT_TH);
      assert.deepEqual(pick(sub.figures?.by_field.civil_enforcement, ["handled", "resolved", "in_progress"]), {
        handled: 2,
        resolved: 1,
        in_progress: 1,
      });
      assert.deepEqual(pick(sub.figures?.by_field.criminal_procedure, ["handled", "terminated"]), {
        handled: 1,
        terminated: 1,
      });
      assert.deepEqual([...(sub.figures?.claim_ids?.handled ?? [])].sort(), [ids.TH1, ids.TH2, ids.TH3].sort());
      assert.deepEqual(sub.narrative, {
        results:
          "Cục Thi hành án dân sự tỉnh Thanh Hóa: Giải quyết dứt điểm 01 vụ việc.\nTòa án nhân dân tỉnh Thanh Hóa: Đình chỉ 01 vụ việc do người yêu cầu rút yêu cầu.",
        difficulties: "Cục Thi hành án dân sự tỉnh Thanh Hóa: Xác minh thiệt hại kéo dài.",
        proposals: "Đề nghị Bộ tập huấn kỹ năng thương lượng.",
      });
      assert.deepEqual(r.consolidated && (r.consolidated as { carried_to?: unknown }).carried_to, {
        round_id: national,
        submission_id: sub.id,
        on: "2024-12-02",
        late: false,
        basis: "KH UBND tỉnh Thanh Hóa 2024 mục III.1, III.2, III.3",
      });
    });

    test("Nghệ An tổng hợp sau hạn của Bộ (09/12/2024) → báo cáo của Sở được đánh dấu trễ hạn — TT 08/2019 Điều 25", async () => {
      const db = database.db;
      await saveSubmission(
        db,
        scopeFor("cuc-thads-nghe-an"),
        roundNa,
        "cuc-thads-nghe-an",
        { submit: true },
        { today: "2024-11-25" },
      );
      await saveSubmission(
        db,
        scopeFor("tand-nghe-an"),
        roundNa,
        "tand-nghe-an",
        {
          narrative: { difficulties: "Thiếu kinh phí chi trả kịp thời." },
          submit: true,
        },
        { today: "2024-12-05" },
      );
      await consolidateRound(db, stpNa, roundNa, {}, { today: "2024-12-10" });
      const nat = await getRound(db, cuc, national, { today: "2024-12-10" });
      const sub = nat.submissions.find((s) => s.agency_id === "stp-nghe-an")!;
      assert.equal(sub.status, "submitted");
      assert.equal(sub.late, true);
      assert.deepEqual(pick(sub.figures?.total, KEYS), EXPECT_NA);
      assert.deepEqual(sub.narrative, {
        difficulties: "Tòa án nhân dân tỉnh Nghệ An: Thiếu kinh phí chi trả kịp thời.",
      });
    });

    test("Cục BTNN tổng hợp toàn quốc = tổng hai tỉnh (6 vụ việc, 200 triệu phải bồi thường, 120 triệu đã chi trả)", async () => {
      const r = await consolidateRound(database.db, cuc, national, {}, { today: "2024-12-12" });
      const c = r.consolidated!;
      assert.deepEqual(pick(c.total, KEYS), EXPECT_NATIONAL);
      assert.deepEqual(c.included.sort(), ["stp-nghe-an", "stp-thanh-hoa"]);
      assert.deepEqual(c.missing, []);
      assert.deepEqual(pick(c.by_field.civil_enforcement, ["handled", "in_progress"]), { handled: 3, in_progress: 2 });
      assert.deepEqual(pick(c.by_field.criminal_procedure, ["handled", "resolved", "terminated"]), {
        handled: 2,
        resolved: 1,
        terminated: 1,
      });
      assert.deepEqual(pick(c.by_field.civil_procedure, ["handled", "in_court"]), { handled: 1, in_court: 1 });
      assert.deepEqual([...(c.claim_ids?.handled ?? [])].sort(), Object.values(ids).sort());
      // The figures derived afresh for the whole country agree with the sum of the two provinces' reports.
      assert.deepEqual(pick((c as { derived_total?: FigureSnapshot["total"] }).derived_total, KEYS), EXPECT_NATIONAL);
      assert.equal(
        c.narrative.results,
        "Sở Tư pháp tỉnh Thanh Hóa: Cục Thi hành án dân sự tỉnh Thanh Hóa: Giải quyết dứt điểm 01 vụ việc.\nTòa án nhân dân tỉnh Thanh Hóa: Đình chỉ 01 vụ việc do người yêu cầu rút yêu cầu.",
      );
    });
  });
}
