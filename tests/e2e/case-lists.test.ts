// Browser test: periodic case lists (KH 2021 mục II.1.1) drawn up from the web page — reached from the plan task's
// occurrence in "Việc của cơ quan", which opens the form on the task's period — downloaded as .xlsx, and the
// "Xuất Excel" button of the claims list — both files parse back with exceljs with their Vietnamese header row.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { plans, planTasks, taskInstances } from "../../src/db/schema/index.ts";
import {
  browserAvailability,
  failureShot,
  type Harness,
  newPage,
  screenshot,
  signIn,
  startHarness,
} from "./harness.ts";

const { skip } = browserAvailability();

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; headers: string[][] }> {
  const [d] = await Promise.all([page.waitForEvent("download"), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await d.path()) as string)) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? "")));
  });
  return { name: d.suggestedFilename(), headers: rows };
}

describe("Danh mục vụ việc định kỳ và Xuất Excel (trình duyệt)", { skip, concurrency: false }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test("KH 2021 mục II.1.1 — từ việc của cơ quan lập danh mục 6 tháng của kỳ ấy, xem các dòng, tải .xlsx đọc lại được", async () => {
    // The Sở's occurrence of plan task II.1.1 for 6 tháng cuối năm 2025 (not the form's default period).
    const db = h.database.db;
    const [plan] = await db.insert(plans).values({ agencyId: "cuc-btnn", title: "KH 2021", year: 2026 }).returning();
    const [planTask] = await db
      .insert(planTasks)
      .values({ planId: plan.id, position: 1, ref: "II.1.1", content: "Lập danh mục vụ việc được thụ lý năm 2017" })
      .returning();
    const [occurrence] = await db
      .insert(taskInstances)
      .values({
        taskId: planTask.id,
        agencyId: "stp-thanh-hoa",
        leadAgencyId: "stp-thanh-hoa",
        periodLabel: "6 tháng cuối năm 2025",
        due: "2026-01-31",
        status: "pending",
      })
      .returning();
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.baseUrl, "stp.thanhhoa.canbo");
      await page.goto(`${h.baseUrl}/`);
      await page.getByRole("tab", { name: /Việc của cơ quan/ }).click();
      const panel = page.getByRole("tabpanel", { name: /Việc của cơ quan/ });
      await panel.getByLabel("Tìm theo tên việc, mã hồ sơ").fill("Lập danh mục vụ việc được thụ lý");
      await panel.getByRole("link", { name: /II\.1\.1 Lập danh mục vụ việc được thụ lý năm 2017/ }).click();
      // The link (/case-lists?task=<occurrence>) opens the form on the task's period, then the parameter is dropped.
      const dialog = page.locator(".ant-modal:visible");
      await dialog.getByText("6 tháng cuối năm", { exact: true }).waitFor({ timeout: 30_000 });
      assert.equal(await dialog.getByLabel("Năm", { exact: true }).inputValue(), "2025");
      await page.waitForURL((u) => u.pathname === "/case-lists" && !u.searchParams.has("task"));
      await dialog.getByRole("button", { name: "Lập danh mục" }).click();
      await page.waitForURL(/\/case-lists\/[0-9a-f-]{36}$/);
      const listUrl = page.url();
      await page
        .getByRole("heading", { name: "Danh mục 6 tháng (Luật TNBTCNN 2017) — 6 tháng cuối năm 2025" })
        .waitFor();
      // The list completed the occurrence: the same link now opens that list.
      await page.goto(`${h.baseUrl}/case-lists?task=${occurrence.id}`);
      await page.waitForURL(listUrl);
      await page.getByText(/Các vụ việc trong danh mục \(\d+\)/).waitFor();
      await screenshot(page, "case-list");
      const x = await download(page, () => page.getByRole("button", { name: "Tải Excel (XLSX)" }).click());
      assert.match(x.name, /\.xlsx$/);
      assert.ok(
        x.headers.some((r) => r.includes("Mã vụ việc") && r.includes("Ngày thụ lý")),
        "dòng tiêu đề của danh mục",
      );

      await page.goto(`${h.baseUrl}/claims?field=civil_enforcement`);
      await page.getByRole("heading", { name: "Vụ việc" }).first().waitFor();
      const c = await download(page, () => page.getByRole("button", { name: "Xuất Excel" }).click());
      assert.match(c.name, /^Danh sách vụ việc .*\.xlsx$/);
      const header = c.headers.find((r) => r[0] === "STT");
      assert.ok(header?.includes("Mã vụ việc"));
      const body = c.headers.slice(c.headers.indexOf(header as string[]) + 1).filter((r) => r[0] !== "Tổng cộng");
      assert.ok(body.length > 0);
      for (const r of body) assert.equal(r[header?.indexOf("Lĩnh vực") ?? -1], "Thi hành án dân sự");
    } catch (e) {
      await failureShot(page, "case-lists");
      throw e;
    } finally {
      await context.close();
    }
  });
});
