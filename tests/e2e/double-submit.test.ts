// Issue 13, finding 12 in Chromium: Enter in a field of a multi-field form does not submit it, and a double click on
// a submit button creates one record (the button is busy while sending; the request carries an Idempotency-Key the
// server honours). Report round creation and "Xác nhận nhập" of the plan import; the console is watched.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { addDays, formatVi as ddmmyyyy, todayVn } from "../../src/domain/shared/dates.ts";
import { browserAvailability, failureShot, type Harness, newPage, ROOT, signIn, startHarness } from "./harness.ts";

const { skip } = browserAvailability();
const SEED_000 = readFileSync(`${ROOT}tests/fixtures/seed-000-kh-2021.txt`, "utf8");

describe("Phát hiện 12 trong Chromium: Enter không gửi biểu mẫu, bấm đúp chỉ tạo một bản ghi", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let tab: { context: BrowserContext; page: Page };
  const errors: string[] = [];

  before(async () => {
    h = await startHarness();
    tab = await newPage(h);
    tab.page.setDefaultTimeout(40_000); // a loaded 2-core machine
    tab.page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
  });
  after(async () => {
    await h?.close();
  });

  const count = async (table: string) => {
    const [r] = await h.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return Number(r.n);
  };

  test("kỳ báo cáo: Enter trong ô ngày không mở kỳ; bấm đúp « Mở kỳ báo cáo » → một kỳ", async () => {
    const { page } = tab;
    try {
      await signIn(page, h.baseUrl, "cucbtnn.canbo");
      await page.goto(`${h.baseUrl}/reports`);
      await page.getByRole("heading", { name: "Báo cáo tổng hợp" }).waitFor();
      const before = await count("report_rounds");
      await page.getByLabel("Tên kỳ báo cáo").fill("Kỳ báo cáo bấm đúp");
      await page.getByLabel("Năm", { exact: true }).fill("2025");
      // A loaded machine, as in the CI run where this failed: each key's handling takes 150 ms before the browser's
      // implicit submission (a time window from keydown let that Enter through).
      await page.evaluate(() =>
        document.addEventListener("keydown", () => {
          const start = performance.now();
          while (performance.now() - start < 150);
        }),
      );
      const date = page.getByLabel("Hạn gửi báo cáo", { exact: true });
      await date.click();
      await date.fill(ddmmyyyy(addDays(todayVn(), 10)));
      await date.press("Enter");
      await page.getByLabel("Tên kỳ báo cáo").press("Enter");
      await page.waitForTimeout(1500);
      assert.equal(await count("report_rounds"), before, "Enter đã gửi biểu mẫu");
      assert.match(page.url(), /\/reports$/);
      await page.getByRole("button", { name: "Mở kỳ báo cáo" }).dblclick();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await page.waitForTimeout(1000);
      assert.equal(await count("report_rounds"), before + 1);
    } catch (e) {
      await failureShot(page, "double-submit-round");
      throw e;
    }
  });

  test("nhập kế hoạch: bấm đúp « Xác nhận nhập » → một kế hoạch", async () => {
    const { page } = tab;
    try {
      await page.goto(`${h.baseUrl}/plans/import`);
      await page.getByLabel("Hoặc dán nội dung kế hoạch").fill(SEED_000);
      await page.getByRole("button", { name: "Xem trước" }).click();
      await page.getByText(/Cảnh báo \(\d+\)/).waitFor();
      const before = await count("plans");
      await page.getByRole("button", { name: "Xác nhận nhập" }).dblclick();
      await page.getByText(/Đã nhập kế hoạch: \d+ nhiệm vụ/).waitFor();
      await page.waitForTimeout(1000);
      assert.equal(await count("plans"), before + 1);
      assert.deepEqual(
        // The 401s are the session probe before signing in.
        errors.filter((e) => !/favicon|status of 401/.test(e)),
        [],
      );
    } catch (e) {
      await failureShot(page, "double-submit-import");
      throw e;
    }
  });
});
