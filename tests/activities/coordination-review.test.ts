// The review of the coordination (KH 2021 mục III.3: kết quả, khó khăn, nguyên nhân, giải pháp) pre-filled from the
// plan's task outcomes, on every engine: seed 000 is imported as the 2021 plan of Cục BTNN (6 dated occurrences of
// II.1.1 and II.1.2), some occurrences are completed or progressed with outcomes recorded on their evidence (a text,
// a file, a note from the task board), one is cancelled, one stays pending; the review report type then names exactly
// those tasks and outcomes — and nothing else.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { createPlan, createTaskInstances, updateTaskInstance } from "../../src/db/repositories/plans.ts";
import { getSubmissionDraft, openRound, saveSubmission } from "../../src/db/repositories/reports.ts";
import { addTaskEvidence } from "../../src/db/repositories/task-evidence.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { uploadsFor } from "../../src/db/uploads.ts";
import { importPlan } from "../../src/documents/import/index.ts";
import { loadAgencies, scopeFor } from "../db/fixtures.ts";

// Titles as written in seed 000 (tests/fixtures/seed-000-kh-2021.txt, items 1.1 and 1.2 of part II).
const T11 =
  "Lập danh mục vụ việc yêu cầu bồi thường và được thụ lý giải quyết yêu cầu bồi thường theo Luật Trách nhiệm bồi thường của Nhà nước (Luật TNBTCNN) năm 2017";
const T12 =
  "Lập danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009 để thống nhất giải pháp giải quyết dứt điểm các vụ việc này trong năm 2021";
const AS_OF = "2021-07-15";

const cuc = scopeFor("cuc-btnn");

for (const engine of availableEngines()) {
  describe(`Tổng kết phối hợp điền sẵn từ kết quả nhiệm vụ — KH 2021 mục III.3 (${engine})`, () => {
    let database: Database;
    const inst = new Map<string, { id: string; version: number }>();
    let roundId = "";

    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
      const text = await readFile(new URL("../fixtures/seed-000-kh-2021.txt", import.meta.url), "utf8");
      const plan = importPlan(text, { year: 2021 });
      // As POST /api/plans/import stores it: the plan, its tasks, the dated occurrences for the importing agency.
      const created = await createPlan(database.db, cuc, {
        agency_id: "cuc-btnn",
        title: plan.title,
        year: 2021,
        status: "issued",
        tasks: plan.tasks.map((t) => ({ ref: t.number, content: t.title || t.text, schedule: t.timing ?? null })),
      });
      const byRef = new Map(created.tasks.map((t) => [t.ref, t.id]));
      const rows = await createTaskInstances(
        database.db,
        cuc,
        plan.tasks.flatMap((t) =>
          (t.timing?.instances ?? []).map((i) => ({
            task_id: byRef.get(t.number)!,
            agency_id: "cuc-btnn",
            period_label: i.period_label,
            due: i.due,
          })),
        ),
      );
      const ref = new Map(created.tasks.map((t) => [t.id, t.ref]));
      for (const r of rows) inst.set(`${ref.get(r.task_id!)} ${r.period_label}`, { id: r.id, version: r.version });
    });
    after(async () => {
      await database?.close();
    });

    const update = async (key: string, patch: Parameters<typeof updateTaskInstance>[4]) => {
      const i = inst.get(key)!;
      const r = await updateTaskInstance(database.db, cuc, i.id, i.version, patch);
      inst.set(key, { id: i.id, version: r.version });
    };

    test("KH 2021 mục II.1.1, II.1.2 — 6 lần thực hiện năm 2021; ghi kết quả: hoàn thành, đang thực hiện, hủy", async () => {
      assert.deepEqual([...inst.keys()].sort(), [
        "II.1.1 6 tháng cuối năm 2020",
        "II.1.1 6 tháng đầu năm 2021",
        "II.1.2 Quý I năm 2021",
        "II.1.2 Quý II năm 2021",
        "II.1.2 Quý III năm 2021",
        "II.1.2 Quý IV năm 2021",
      ]);
      await update("II.1.1 6 tháng cuối năm 2020", {
        status: "done",
        completed_on: "2021-01-28",
        evidence: [{ outcome: "Đã lập danh mục 12 vụ việc, gửi Tổng cục Thi hành án dân sự." }],
      });
      // Outcome = the evidence file uploaded on the task.
      const q1 = inst.get("II.1.2 Quý I năm 2021")!;
      await addTaskEvidence(
        database.db,
        cuc,
        q1.id,
        {
          fileName: "Danh mục quý I-2021.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          bytes: Buffer.from("danh muc"),
          extension: ".xlsx",
        },
        uploadsFor(database, undefined).store,
      );
      q1.version += 1;
      await update("II.1.2 Quý I năm 2021", { status: "done", completed_on: "2021-01-29" });
      // Past its time (04/05/2021) and not done; a note from the task board says how far it got.
      await update("II.1.2 Quý II năm 2021", {
        status: "in_progress",
        evidence: { notes: [{ at: "2021-05-10", by: "cucbtnn.canbo", text: "Đã rà soát 3/5 vụ việc" }] },
      });
      // Within its time (02/08/2021), in progress.
      await update("II.1.2 Quý III năm 2021", {
        status: "in_progress",
        evidence: [{ result: "Đã gửi công văn đề nghị các Cục THADS báo cáo" }],
      });
      await update("II.1.2 Quý IV năm 2021", { status: "cancelled" });
    });

    test("KH 2021 mục III.3 — báo cáo tổng kết: kết quả và khó khăn nêu đúng các nhiệm vụ và kết quả đã ghi, bỏ qua nhiệm vụ khác", async () => {
      const round = await openRound(database.db, cuc, {
        template_id: "coordination-review",
        period_kind: "year",
        year: 2021,
        deadline: "2021-12-20",
        agency_id: "cuc-btnn",
        participant_ids: ["cuc-btnn", "tong-cuc-thads"],
      });
      roundId = round.id;
      const draft = await getSubmissionDraft(database.db, cuc, roundId, "cuc-btnn", { today: AS_OF });
      assert.deepEqual(draft.narrative, {
        results: [
          // 5 occurrences count (the cancelled one does not); 2 done.
          "Đã hoàn thành 2/5 nhiệm vụ của kế hoạch.",
          `- II.1.1 ${T11} (6 tháng cuối năm 2020): đã hoàn thành ngày 28/01/2021. Kết quả: Đã lập danh mục 12 vụ việc, gửi Tổng cục Thi hành án dân sự.`,
          `- II.1.2 ${T12} (Quý I năm 2021): đã hoàn thành ngày 29/01/2021. Kết quả: tệp minh chứng "Danh mục quý I-2021.xlsx".`,
          `- II.1.2 ${T12} (Quý III năm 2021): đang thực hiện. Kết quả bước đầu: Đã gửi công văn đề nghị các Cục THADS báo cáo.`,
        ].join("\n"),
        difficulties: `- II.1.2 ${T12} (Quý II năm 2021): chưa hoàn thành (hạn 04/05/2021). Đã thực hiện: Đã rà soát 3/5 vụ việc.`,
      });
      // Omitted: the pending occurrence still within its time, and the cancelled one.
      assert.ok(!draft.narrative.results?.includes("6 tháng đầu năm 2021"));
      assert.ok(!JSON.stringify(draft.narrative).includes("Quý IV năm 2021"));
      // Tổng cục THADS has no task occurrence of its own in this plan: nothing is pre-filled for it.
      const other = await getSubmissionDraft(database.db, scopeFor("tong-cuc-thads"), roundId, "tong-cuc-thads", {
        today: AS_OF,
      });
      assert.deepEqual(other.narrative, {});
    });

    test("KH 2021 mục III.3 — gửi báo cáo không sửa gì: phần điền sẵn là nội dung được lưu", async () => {
      const draft = await getSubmissionDraft(database.db, cuc, roundId, "cuc-btnn", { today: AS_OF });
      const r = await saveSubmission(database.db, cuc, roundId, "cuc-btnn", { submit: true }, { today: AS_OF });
      const sub = r.submissions.find((s) => s.agency_id === "cuc-btnn")!;
      assert.equal(sub.status, "submitted");
      assert.deepEqual(sub.narrative, draft.narrative);
      assert.match(sub.narrative?.results ?? "", /^Đã hoàn thành 2\/5 nhiệm vụ/);
    });
  });
}
