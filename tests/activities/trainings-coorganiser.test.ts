// Trainings seen by their co-organisers (KH 2021 mục II.4; KH Thanh Hóa 2024 mục II.1–2), on every engine: an event
// organised by Sở Tư pháp Thanh Hóa with Cục THADS tỉnh Thanh Hóa as co-organiser is read by the co-organiser and
// usable as evidence of its plan tasks, but only the organiser changes it; an unrelated agency sees nothing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { createPlan, createTaskInstances } from "../../src/db/repositories/plans.ts";
import {
  createTraining,
  getTraining,
  linkTrainingEvidence,
  listTrainings,
  trainingIdsForEvaluation,
  updateTraining,
} from "../../src/db/repositories/trainings.ts";
import { taskInstances } from "../../src/db/schema/index.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { loadAgencies, scopeFor } from "../db/fixtures.ts";

const organiser = scopeFor("stp-thanh-hoa");
const coOrganiser = scopeFor("cuc-thads-thanh-hoa");
const unrelated = scopeFor("cuc-thads-nghe-an");
// Same province, but neither organiser nor co-organiser (a district THADS office under the co-organiser's parent).
const district = scopeFor("chi-cuc-thads-quang-xuong");

for (const engine of availableEngines()) {
  describe(`Hoạt động tập huấn: cơ quan phối hợp được xem và dùng làm minh chứng, không được sửa — KH 2021 mục II.4 (${engine})`, () => {
    let database: Database;
    let trainingId = "";
    const task: Record<"thads" | "nghean" | "tand", string> = { thads: "", nghean: "", tand: "" };

    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
      const t = await createTraining(database.db, organiser, {
        kind: "training",
        title: "Tập huấn Luật TNBTCNN cho chấp hành viên",
        organiser_agency_id: "stp-thanh-hoa",
        co_organiser_agency_ids: ["cuc-thads-thanh-hoa"],
        date: "2024-05-10",
        participants: 65,
      });
      trainingId = t.id;
      const mk = async (scope: typeof organiser, agency: string) => {
        const plan = await createPlan(database.db, scope, {
          agency_id: agency,
          title: `Kế hoạch năm 2024 — ${agency}`,
          year: 2024,
          tasks: [{ ref: "II.1", content: "Tập huấn, bồi dưỡng nghiệp vụ công tác bồi thường nhà nước" }],
        });
        const [i] = await createTaskInstances(database.db, scope, [
          { task_id: plan.tasks[0].id, agency_id: agency, due: "2024-06-30" },
        ]);
        return i.id;
      };
      task.thads = await mk(coOrganiser, "cuc-thads-thanh-hoa");
      task.nghean = await mk(unrelated, "cuc-thads-nghe-an");
      task.tand = await mk(scopeFor("tand-thanh-hoa"), "tand-thanh-hoa");
    });
    after(async () => {
      await database?.close();
    });

    test("cơ quan phối hợp thấy hoạt động (danh sách, chi tiết, lọc theo cơ quan), không có quyền sửa", async () => {
      const list = await listTrainings(database.db, coOrganiser, { year: 2024 });
      assert.deepEqual(
        list.map((x) => x.id),
        [trainingId],
      );
      const byAgency = await listTrainings(database.db, organiser, { agency_id: "cuc-thads-thanh-hoa" });
      assert.deepEqual(
        byAgency.map((x) => x.id),
        [trainingId],
      );
      const one = await getTraining(database.db, coOrganiser, trainingId);
      assert.deepEqual(one.co_organiser_agency_ids, ["cuc-thads-thanh-hoa"]);
      assert.equal(one.can_edit, false);
      assert.equal((await getTraining(database.db, organiser, trainingId)).can_edit, true);
    });

    test("cơ quan không liên quan (tỉnh khác, hoặc cùng tỉnh nhưng không tổ chức) không thấy", async () => {
      for (const scope of [unrelated, district]) {
        assert.deepEqual(await listTrainings(database.db, scope, {}), []);
        await assert.rejects(getTraining(database.db, scope, trainingId), { code: "not_found" });
      }
    });

    test("chỉ cơ quan chủ trì được sửa: cơ quan phối hợp bị từ chối (403), cơ quan ngoài không thấy (404), không ghi gì", async () => {
      await assert.rejects(updateTraining(database.db, coOrganiser, trainingId, { participants: 99, version: 1 }), {
        code: "forbidden",
      });
      await assert.rejects(updateTraining(database.db, unrelated, trainingId, { participants: 99, version: 1 }), {
        code: "not_found",
      });
      assert.equal((await getTraining(database.db, organiser, trainingId)).participants, 65);
      const r = await updateTraining(database.db, organiser, trainingId, { participants: 70, version: 1 });
      assert.equal(r.participants, 70);
      assert.equal(r.version, 2);
      await assert.rejects(updateTraining(database.db, organiser, trainingId, { participants: 71, version: 1 }), {
        code: "stale_version",
      });
    });

    test("cơ quan phối hợp dùng hoạt động làm minh chứng cho nhiệm vụ của mình (một lần); tổ chức QĐ 3062 nhóm III tính cả cơ quan phối hợp", async () => {
      const r = await linkTrainingEvidence(database.db, coOrganiser, trainingId, task.thads);
      assert.deepEqual(r, { task_instance_id: task.thads, training_id: trainingId, linked: true });
      const again = await linkTrainingEvidence(database.db, coOrganiser, trainingId, task.thads);
      assert.equal(again.linked, false);
      const [row] = await database.db.select().from(taskInstances).where(eq(taskInstances.id, task.thads));
      assert.deepEqual(row.evidence, [
        {
          training_id: trainingId,
          kind: "training",
          title: "Tập huấn Luật TNBTCNN cho chấp hành viên",
          date: "2024-05-10",
          participants: 70,
          organiser_agency_id: "stp-thanh-hoa",
          basis: "KH 2021 mục II.4",
        },
      ]);
      assert.deepEqual((await trainingIdsForEvaluation(database.db, ["cuc-thads-thanh-hoa"], 2024)).trainings, [
        trainingId,
      ]);
    });

    test("không dùng được làm minh chứng cho nhiệm vụ của cơ quan không tổ chức hoặc ngoài phạm vi", async () => {
      // Another province: the event is not even visible.
      await assert.rejects(linkTrainingEvidence(database.db, unrelated, trainingId, task.nghean), {
        code: "not_found",
      });
      // The organiser (province scope) sees the TAND tỉnh task, but TAND tỉnh did not organise the event.
      await assert.rejects(linkTrainingEvidence(database.db, organiser, trainingId, task.tand), {
        code: "not_an_organiser",
      });
      // The co-organiser cannot reach a task outside its own scope.
      await assert.rejects(linkTrainingEvidence(database.db, coOrganiser, trainingId, task.tand), {
        code: "not_found",
      });
      const [row] = await database.db.select().from(taskInstances).where(eq(taskInstances.id, task.tand));
      assert.equal(row.evidence, null);
    });
  });
}
