// Trainings in Chromium (KH 2021 mục II.4; KH Thanh Hóa 2024 mục II.1–2): Sở Tư pháp Thanh Hóa records a training
// with two co-organisers chosen from the directory, its audience, participant count and materials, linked as evidence
// to an occurrence of its plan task "tập huấn" → the list shows it → the plan board's task drawer shows the event as
// evidence of that occurrence. The plan (and its occurrence) is set up in the database; the rest goes through the UI.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import { inArray } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { createPlan, createTaskInstances } from "../../src/db/repositories/plans.ts";
import { agencies } from "../../src/db/schema/index.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import {
  browserAvailability,
  fillDate,
  type Harness,
  newPage,
  pick,
  screenshot,
  signIn,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();
const PLAN_TITLE = "Kế hoạch công tác bồi thường nhà nước năm 2025 của tỉnh Thanh Hóa";
const TASK = "Tổ chức tập huấn chuyên sâu nghiệp vụ công tác bồi thường nhà nước";
const TITLE = "Tập huấn nghiệp vụ bồi thường nhà nước trong thi hành án dân sự năm 2025";
const CO = ["thads-thanh-hoa", "ubnd-thanh-hoa"];

async function cookies(context: BrowserContext): Promise<Record<string, string>> {
  return Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value]));
}

describe("Tập huấn trong Chromium — cơ quan phối hợp, người tham dự, tài liệu, minh chứng cho nhiệm vụ (KH 2021 mục II.4)", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let officer: { context: BrowserContext; page: Page };
  let current: Page | undefined;
  let planId = "";
  let instanceId = "";
  const names = new Map<string, string>();

  before(async () => {
    h = await startHarness();
    officer = await newPage(h);
    const db = h.database.db;
    const plan = await createPlan(db, SYSTEM_SCOPE, {
      agency_id: "stp-thanh-hoa",
      title: PLAN_TITLE,
      year: 2025,
      tasks: [
        { ref: "II.1", content: TASK, lead_role: "SO_TU_PHAP", basis: "KH Thanh Hóa 2024 mục II.1" },
        { ref: "II.6", content: "Kiểm tra công tác bồi thường nhà nước tại một số cơ quan" },
      ],
    });
    planId = plan.id;
    const [inst] = await createTaskInstances(db, SYSTEM_SCOPE, [
      { task_id: plan.tasks[0].id, agency_id: "stp-thanh-hoa", period_label: "Năm 2025", due: "2025-12-15" },
      { task_id: plan.tasks[1].id, agency_id: "stp-thanh-hoa", period_label: "Năm 2025", due: "2025-11-30" },
    ]);
    instanceId = inst.id;
    for (const a of await db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(inArray(agencies.id, CO)))
      names.set(a.id, a.name);
    assert.equal(names.size, 2, "cơ quan phối hợp có trong danh bạ mẫu");
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("trainings", () => current);

  step(
    "Ghi nhận lớp tập huấn: cơ quan phối hợp, đối tượng, số người, tài liệu, minh chứng cho nhiệm vụ II.1",
    async () => {
      const { page } = officer;
      current = page;
      await signIn(page, h.baseUrl, "stp.thanhhoa.canbo");
      await page.goto(`${h.baseUrl}/trainings`);
      await page.getByRole("heading", { name: "Tập huấn, tuyên truyền, phổ biến pháp luật" }).waitFor();
      await page.getByLabel("Tên hoạt động").fill(TITLE);
      for (const id of CO)
        await pick(page, "Cơ quan phối hợp", names.get(id)!, names.get(id)!.split(" ").slice(-2).join(" "));
      await page.keyboard.press("Escape");
      await fillDate(page, "Ngày tổ chức", "15/10/2025");
      await page
        .getByLabel("Đối tượng", { exact: true })
        .fill("Chấp hành viên, thẩm tra viên THADS; công chức Sở Tư pháp");
      await page.getByLabel("Số người tham dự").fill("85");
      await page
        .getByLabel("Tài liệu (mỗi dòng một tài liệu)")
        .fill("Chuyên đề xác định thiệt hại trong THADS\nBộ câu hỏi thương lượng");
      await pick(page, "Kế hoạch", PLAN_TITLE);
      await pick(page, "Nhiệm vụ (kỳ thực hiện)", TASK.slice(0, 40));
      await page.getByRole("button", { name: "Lưu hoạt động" }).click();

      const row = page.getByRole("row", { name: new RegExp(TITLE) });
      await row.waitFor();
      for (const id of CO) await row.getByText(names.get(id)!).waitFor();
      await row.getByText("85").waitFor();
      await row.getByText("Chuyên đề xác định thiệt hại trong THADS").waitFor();
      await row.getByText("Bộ câu hỏi thương lượng").waitFor();
      await row.getByText("15/10/2025").waitFor();
      await row.getByText("Có", { exact: true }).waitFor();
      await screenshot(page, "trainings");

      // Stored as sent: the API returns the event linked to the chosen occurrence.
      const res = await h.app.inject({ method: "GET", url: "/api/trainings", cookies: await cookies(officer.context) });
      const item = (
        res.json() as {
          items: Array<{
            title: string;
            co_organiser_agency_ids: string[];
            participants: number;
            date: string;
            task_instance_id: string | null;
            materials: Array<{ title: string }>;
          }>;
        }
      ).items.find((x) => x.title === TITLE);
      assert.deepEqual(
        item && {
          co: [...item.co_organiser_agency_ids].sort(),
          participants: item.participants,
          date: item.date,
          task: item.task_instance_id,
          materials: item.materials.map((m) => m.title),
        },
        {
          co: [...CO].sort(),
          participants: 85,
          date: "2025-10-15",
          task: instanceId,
          materials: ["Chuyên đề xác định thiệt hại trong THADS", "Bộ câu hỏi thương lượng"],
        },
      );
    },
  );

  step("Bảng nhiệm vụ: lớp tập huấn hiện là minh chứng của nhiệm vụ II.1 (không phải của II.6)", async () => {
    const { page } = officer;
    current = page;
    await page.goto(`${h.baseUrl}/plans?plan=${planId}`);
    await page.getByTestId("plan-tasks").getByText(TASK).click();
    const drawer = page.getByRole("dialog");
    const linked = drawer.getByTestId("linked-activities");
    await linked.getByText("Hoạt động tập huấn, tuyên truyền làm minh chứng").waitFor();
    await linked.getByRole("link", { name: TITLE }).waitFor();
    const line = await linked.locator(".ant-list-item").first().innerText();
    assert.match(line, /15\/10\/2025/);
    for (const id of CO) assert.ok(line.includes(names.get(id)!), `${id} trong dòng minh chứng`);
    assert.match(line, /Số người tham dự: 85/);
    await page.keyboard.press("Escape");
    // The drawer of the first task closes before the next opens (else its evidence would be counted below).
    await drawer.waitFor({ state: "hidden" });

    // The other task has no such evidence.
    await page.getByTestId("plan-tasks").getByText("Kiểm tra công tác bồi thường nhà nước tại một số cơ quan").click();
    await page.getByRole("dialog").getByText("Năm 2025").first().waitFor();
    assert.equal(await page.getByRole("dialog").getByTestId("linked-activities").count(), 0);
  });
});
