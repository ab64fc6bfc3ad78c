// Browser test: periodic case lists (KH 2021 mục II.1.1) drawn up from the web page, downloaded as .xlsx, and the
// "Xuất Excel" button of the claims list — both files parse back with exceljs with their Vietnamese header row.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
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

  test("KH 2021 mục II.1.1 — lập danh mục 6 tháng trên web, xem các dòng, tải .xlsx đọc lại được", async () => {
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.baseUrl, "stp.thanhhoa.canbo");
      await page.goto(`${h.baseUrl}/`);
      await page.getByRole("menuitem", { name: "Danh mục vụ việc định kỳ" }).click();
      await page.getByRole("heading", { name: "Danh mục vụ việc định kỳ" }).waitFor();
      await page.getByRole("button", { name: "Lập danh mục" }).first().click();
      const dialog = page.locator(".ant-modal:visible");
      await dialog.getByLabel("Loại danh mục").waitFor();
      await dialog.getByRole("button", { name: "Lập danh mục" }).click();
      await page.waitForURL(/\/case-lists\/[0-9a-f-]{36}$/);
      await page
        .getByRole("heading", { name: /Danh mục 6 tháng \(Luật TNBTCNN 2017\) — 6 tháng (đầu|cuối) năm \d{4}/ })
        .waitFor();
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
