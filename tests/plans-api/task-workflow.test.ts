// Plan-task workflow through the API on both engines (issue 11 item 5): an officer's own status → evidence → status
// sequence never conflicts with itself; occurrences belong to the task's lead agency (not the importing agency) and
// list coordinators with their own part; every agency named in a plan sees it read-only; "Thường xuyên" tasks get one
// occurrence per reporting period; past-due occurrences read "overdue" in the list, its filter and the statistics;
// the start-up repair moves occurrences of earlier imports to their lead agency.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { assignOccurrencesToLead } from "../../src/db/repositories/plan-executors.ts";
import { createPlan, createTaskInstances } from "../../src/db/repositories/plans.ts";
import { taskInstanceCoordinators, taskInstances } from "../../src/db/schema/index.ts";
import { seedDemo } from "../../src/db/seed/index.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { buildApp } from "../../src/http/app.ts";
import { Client } from "../http/helpers.ts";

const SEED_001 = await readFile(new URL("../fixtures/seed-001-thanh-hoa-2024.txt", import.meta.url), "utf8");

type Instance = {
  id: string;
  task_id: string;
  agency_id: string;
  period_label: string;
  due: string;
  status: string;
  effective_status: string;
  is_lead: boolean;
  version: number;
  coordinators: Array<{ agency_id: string; status: string; note: string | null; version: number }>;
};

for (const engine of availableEngines()) {
  describe(`Quy trình nhiệm vụ kế hoạch qua API — ${engine}`, () => {
    let database: Database;
    let app: FastifyInstance;
    const c = {} as Record<"stp" | "thads" | "nghean", Client>;
    let planId = "";
    let refOf = new Map<string, string>();

    const login = async (u: string) => {
      const cl = new Client(app);
      assert.equal((await cl.login(u, "btnn@2026")).statusCode, 200);
      return cl;
    };
    const instances = async (cl: Client, query = "") => {
      const r = await cl.get(`/api/task-instances?plan_id=${planId}&page_size=100${query}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json().items as Instance[];
    };
    const ofRef = (list: Instance[], ref: string) => list.filter((i) => refOf.get(i.task_id) === ref);

    before(async () => {
      database = await openTestDatabase({ engine });
      await seedDemo(database, { asOf: "2026-03-02" });
      app = await buildApp({ database, config: {} });
      await app.ready();
      c.stp = await login("stp.thanhhoa.canbo");
      c.thads = await login("thads.thanhhoa.canbo");
      c.nghean = await login("stp.nghean.canbo");
      const r = await c.stp.post("/api/plans/import", { text: SEED_001, confirm: true });
      assert.equal(r.statusCode, 201, r.body);
      planId = r.json().plan_id;
      const plan = (await c.stp.get(`/api/plans/${planId}`)).json();
      refOf = new Map(plan.tasks.map((t: { id: string; ref: string }) => [t.id, t.ref]));
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });

    // The 2024 plan names "Cục Thi hành án dân sự tỉnh" (the Cục until 30/6/2025); its successor acts for it.
    test("KH Thanh Hóa 2024 mục II.7 — lần thực hiện thuộc Sở Tư pháp (chủ trì); Tòa án, Viện kiểm sát, Cục THADS tỉnh là cơ quan phối hợp, mỗi cơ quan một phần phối hợp", async () => {
      const [ii7] = ofRef(await instances(c.stp), "II.7");
      assert.equal(ii7.agency_id, "stp-thanh-hoa");
      // Named ones and each agency of the groups ("các sở, ban, ngành cấp tỉnh; UBND cấp huyện"), each with its part.
      const parts = new Map(ii7.coordinators.map((x) => [x.agency_id, x.status]));
      for (const id of [
        "cuc-thads-thanh-hoa",
        "tand-thanh-hoa",
        "vksnd-thanh-hoa",
        "so-noi-vu-thanh-hoa",
        "ubnd-quang-xuong",
      ])
        assert.equal(parts.get(id), "pending", `${id}: ${JSON.stringify([...parts])}`);
      assert.equal(parts.has("stp-thanh-hoa"), false, "chủ trì không là cơ quan phối hợp của chính mình");
    });

    test("nhập bởi cơ quan khác cơ quan chủ trì: THADS tỉnh nhập KH 2024 → lần thực hiện mục II.5 thuộc Sở Tư pháp, không thuộc cơ quan nhập", async () => {
      const r = await c.thads.post("/api/plans/import", { text: SEED_001, confirm: true });
      assert.equal(r.statusCode, 201, r.body);
      const own = (await c.thads.get(`/api/task-instances?plan_id=${r.json().plan_id}&page_size=100`)).json()
        .items as Instance[];
      const plan = (await c.thads.get(`/api/plans/${r.json().plan_id}`)).json();
      const ii5 = plan.tasks.find((t: { ref: string }) => t.ref === "II.5").id;
      assert.deepEqual(
        own.filter((i) => i.task_id === ii5).map((i) => [i.agency_id, i.is_lead]),
        [["stp-thanh-hoa", false]],
      );
    });

    test("“Thường xuyên” (mục II.1.a) → một lần thực hiện mỗi kỳ báo cáo 6 tháng, nhận tiến độ và minh chứng", async () => {
      const list = ofRef(await instances(c.stp), "II.1.a");
      assert.deepEqual(
        list.map((i) => [i.period_label, i.due]),
        [
          ["6 tháng đầu năm 2024", "2024-07-01"],
          ["6 tháng cuối năm 2024", "2024-12-31"],
        ],
      );
      const r = await c.stp.patch(`/api/task-instances/${list[0].id}`, {
        status: "in_progress",
        version: list[0].version,
      });
      assert.equal(r.statusCode, 200, r.body);
    });

    test("kỳ báo cáo do kế hoạch chọn: theo quý → 4 lần thực hiện cho nhiệm vụ thường xuyên", async () => {
      const r = await c.stp.post("/api/plans/import", { text: SEED_001, reporting_period: "quarter" });
      assert.equal(r.statusCode, 200, r.body);
      const t = r.json().tasks.find((x: { number: string }) => x.number === "II.1.a");
      assert.equal(t.instances.length, 4);
    });

    test("tự cập nhật không xung đột với chính mình: trạng thái → minh chứng (trả về phiên bản mới) → hoàn thành", async () => {
      const [ii7] = ofRef(await instances(c.stp), "II.7");
      const a = await c.stp.patch(`/api/task-instances/${ii7.id}`, { status: "in_progress", version: ii7.version });
      assert.equal(a.statusCode, 200, a.body);
      const e = await c.stp.request({
        method: "POST",
        url: `/api/task-instances/${ii7.id}/evidence?file_name=bao-cao.txt`,
        payload: Buffer.from("Báo cáo thống kê 2024"),
        headers: { "content-type": "application/octet-stream" },
      });
      assert.equal(e.statusCode, 201, e.body);
      assert.equal(e.json().task_version, a.json().version + 1);
      assert.equal(e.headers.etag, `"${e.json().task_version}"`);
      const done = await c.stp.patch(`/api/task-instances/${ii7.id}`, {
        status: "done",
        version: e.json().task_version,
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().status, "done");
      // A change from someone else in between is still refused.
      const stale = await c.stp.patch(`/api/task-instances/${ii7.id}`, { status: "in_progress", version: ii7.version });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.json().error, /phiên bản hiện tại/);
    });

    test("cơ quan phối hợp (THADS tỉnh, kế thừa Cục THADS tỉnh) thấy kế hoạch ở chế độ chỉ xem, cập nhật phần phối hợp của Cục; cơ quan chủ trì thấy kết quả", async () => {
      const list = (await c.thads.get("/api/plans?page_size=100")).json().items as Array<{
        id: string;
        owned: boolean;
      }>;
      assert.equal(list.find((p) => p.id === planId)?.owned, false);
      const plan = await c.thads.get(`/api/plans/${planId}`);
      assert.equal(plan.statusCode, 200);
      assert.equal(plan.json().owned, false);
      const [ii7] = ofRef(await instances(c.thads), "II.7");
      assert.equal(ii7.is_lead, false);
      const noStatus = await c.thads.patch(`/api/task-instances/${ii7.id}`, {
        status: "pending",
        version: ii7.version,
      });
      assert.equal(noStatus.statusCode, 403);
      const noEdit = await c.thads.patch(`/api/plans/${planId}`, { title: "Sửa trộm", version: 1 });
      assert.equal(noEdit.statusCode, 404);
      const mine = ii7.coordinators.find((x) => x.agency_id === "cuc-thads-thanh-hoa")!;
      assert.deepEqual(
        ii7.coordinators.filter((x) => (x as { is_own?: boolean }).is_own).map((x) => x.agency_id),
        ["cuc-thads-thanh-hoa"],
      );
      const r = await c.thads.patch(`/api/task-instances/${ii7.id}/coordinators/cuc-thads-thanh-hoa`, {
        status: "done",
        note: "Đã gửi số liệu thi hành án năm 2024",
        version: mine.version,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, "done");
      const other = await c.thads.patch(`/api/task-instances/${ii7.id}/coordinators/tand-thanh-hoa`, {
        status: "done",
        version: 1,
      });
      assert.equal(other.statusCode, 403);
      const seen = ofRef(await instances(c.stp), "II.7")[0].coordinators.find(
        (x) => x.agency_id === "cuc-thads-thanh-hoa",
      );
      assert.equal(seen?.status, "done");
      assert.equal(seen?.note, "Đã gửi số liệu thi hành án năm 2024");
      // The lead's occurrence version did not move: the coordinator's part never conflicts with the lead's changes.
      assert.equal(ofRef(await instances(c.stp), "II.7")[0].version, ii7.version);
    });

    test("phần phối hợp đã xong → nhiệm vụ rời hộp việc của cơ quan phối hợp; cơ quan chủ trì vẫn thấy đến khi xong", async () => {
      // The copy of the plan THADS tỉnh imported (II.7 led by the Sở, the Cục THADS tỉnh coordinating), still open.
      const all = (await c.thads.get("/api/task-instances?page_size=100")).json().items as Instance[];
      const open = all.find(
        (i) =>
          i.effective_status !== "done" &&
          i.coordinators.some((x) => x.agency_id === "cuc-thads-thanh-hoa" && x.status === "pending"),
      );
      assert.ok(open, "không có lần thực hiện mở nào Cục THADS tỉnh phối hợp");
      const inPlanTasks = async (cl: Client) =>
        ((await cl.get("/api/inbox")).json().items as Array<{ kind: string; id: string }>).some(
          (i) => i.kind === "plan_task" && i.id === open.id,
        );
      assert.equal(await inPlanTasks(c.thads), true, "phần phối hợp chưa xong phải có trong hộp việc THADS tỉnh");
      const part = open.coordinators.find((x) => x.agency_id === "cuc-thads-thanh-hoa")!;
      const r = await c.thads.patch(`/api/task-instances/${open.id}/coordinators/cuc-thads-thanh-hoa`, {
        status: "done",
        version: part.version,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(await inPlanTasks(c.thads), false, "phần phối hợp đã xong vẫn nằm trong hộp việc THADS tỉnh");
      assert.equal(await inPlanTasks(c.stp), true);
    });

    test("chủ trì đôn đốc phần phối hợp của “Cục THADS tỉnh” (tên trong KH 2024) → yêu cầu đôn đốc đến THADS tỉnh (cơ quan kế thừa): hộp việc và chuông", async () => {
      const [ii7] = ofRef(await instances(c.stp), "II.7");
      const topic = "Đôn đốc phần phối hợp mục II.7 — số liệu thống kê năm 2024";
      const r = await c.stp.post("/api/requests", {
        kind: "urging",
        from_agency_id: "stp-thanh-hoa",
        to_agency_id: "cuc-thads-thanh-hoa",
        topic,
        task_instance_id: ii7.id,
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().to_agency_id, "thads-thanh-hoa");
      const inbox = (await c.thads.get("/api/inbox")).json().items as Array<{ kind: string; title: string }>;
      assert.ok(
        inbox.some((i) => i.kind === "request" && i.title.includes(topic)),
        JSON.stringify(inbox.map((i) => i.title)),
      );
      const bell = (await c.thads.get("/api/notifications")).json().items as Array<{ title: string }>;
      assert.ok(
        bell.some((n) => n.title.includes(topic)),
        JSON.stringify(bell.map((n) => n.title)),
      );
    });

    test("cơ quan không được nêu trong kế hoạch (Sở Tư pháp Nghệ An) không thấy kế hoạch", async () => {
      assert.equal((await c.nghean.get(`/api/plans/${planId}`)).statusCode, 404);
      assert.equal((await c.nghean.get(`/api/task-instances?plan_id=${planId}`)).json().total, 0);
    });

    test("quá hạn ở mọi nơi: lần thực hiện 2024 chưa xong → “overdue” trong danh sách, bộ lọc và thống kê tiến độ", async () => {
      const list = await instances(c.stp);
      const open = list.filter((i) => i.status === "pending");
      assert.ok(open.length > 0);
      for (const i of open) assert.equal(i.effective_status, "overdue", `${i.period_label} ${i.due}`);
      const overdue = await instances(c.stp, "&status=overdue");
      assert.equal(overdue.length, list.filter((i) => i.effective_status === "overdue").length);
      assert.equal((await instances(c.stp, "&status=pending")).length, 0);
      const p = (await c.stp.get(`/api/progress?plan_id=${planId}`)).json();
      assert.equal(p.total.overdue, overdue.length);
      assert.equal(p.total.pending, 0);
    });

    test("sửa dữ liệu cũ khi khởi động: lần thực hiện do cơ quan nhập giữ → chuyển cho cơ quan chủ trì, thêm phần phối hợp; chạy lại không đổi gì", async () => {
      const plan = await createPlan(database.db, SYSTEM_SCOPE, {
        agency_id: "stp-thanh-hoa",
        title: "KH cũ (nhập trước khi sửa)",
        year: 2024,
        tasks: [
          {
            content: "Báo cáo công tác bồi thường trong THADS",
            lead_role: "THADS_TINH",
            lead_agency_id: null,
            coordinator_roles: ["SO_TU_PHAP"],
          },
        ],
      });
      const [old] = await createTaskInstances(database.db, SYSTEM_SCOPE, [
        { task_id: plan.tasks[0].id, agency_id: "stp-thanh-hoa", due: "2024-12-31", period_label: "Năm 2024" },
      ]);
      assert.equal(old.agency_id, "stp-thanh-hoa");
      const fixed = await assignOccurrencesToLead(database.db, "2026-03-02");
      assert.ok(fixed.moved >= 1);
      const [row] = await database.db.select().from(taskInstances).where(eq(taskInstances.id, old.id));
      assert.equal(row.agencyId, "thads-thanh-hoa");
      assert.deepEqual(row.coordinatorAgencyIds, ["stp-thanh-hoa"]);
      const parts = await database.db
        .select()
        .from(taskInstanceCoordinators)
        .where(eq(taskInstanceCoordinators.taskInstanceId, old.id));
      assert.deepEqual(
        parts.map((x) => x.agencyId),
        ["stp-thanh-hoa"],
      );
      assert.deepEqual(await assignOccurrencesToLead(database.db, "2026-03-02"), { tasks: 0, moved: 0 });
    });
  });
}
