// Browser test: periodic case lists (KH 2021 mục II.1.1) drawn up from the web page — reached from the plan task's
// occurrence in "Việc của cơ quan", which opens the form on the task's period — downloaded as .xlsx, and the
// "Xuất Excel" button of the claims list — both files parse back with exceljs with their Vietnamese header row.
// The way back in: a THADS leader on a 390 px phone imports a case list from the downloaded template (mistakes first,
// then fixed; a double click, and the same file again after a reload, import once).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { plans, planTasks, taskInstances } from "../../src/db/schema/index.ts";
import {
  browserAvailability,
  button,
  failureShot,
  type Harness,
  newPage,
  screenshot,
  signIn,
  startHarness,
} from "./harness.ts";

const { skip } = browserAvailability();
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
  test("cài đặt 'giảm chuyển động' của hệ điều hành được tôn trọng: hộp thoại hiện ngay, không phóng to; tắt cài đặt (không tải lại) → phóng to như thường", async () => {
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.baseUrl, "thads.thanhhoa.lanhdao");
      await page.goto(`${h.baseUrl}/claims`);
      await page.getByRole("heading", { name: "Vụ việc yêu cầu bồi thường" }).waitFor();
      const dialog = page.getByRole("dialog", { name: "Nhập vụ việc đã có từ tệp Excel (nhập bổ sung)" });
      /** Opens and closes the import dialog; returns the classes of every running antd motion (a transition's "-active"
       * step) seen meanwhile. Without motion antd still passes through its "prepare" step (to place the dialog) but never
       * runs a transition. */
      const motion = async () => {
        await page.evaluate(() => {
          const w = window as unknown as { motion: string };
          w.motion = "";
          const check = (n: Node) => {
            const c = n instanceof Element ? (n.getAttribute("class") ?? "") : "";
            if (/-(appear|enter|leave)-active\b/.test(c)) w.motion += `${c}\n`;
          };
          new MutationObserver((ms) => {
            for (const m of ms) {
              check(m.target);
              for (const n of m.addedNodes) check(n);
            }
          }).observe(document.body, { attributes: true, attributeFilter: ["class"], childList: true, subtree: true });
        });
        await page.getByRole("button", { name: "Nhập từ Excel" }).click();
        await dialog.waitFor();
        await dialog.locator(".ant-modal-footer").getByRole("button", { name: "Đóng", exact: true }).click();
        await dialog.waitFor({ state: "hidden" });
        return page.evaluate(() => (window as unknown as { motion: string }).motion);
      };
      assert.equal(await motion(), "", "giảm chuyển động: hộp thoại không có lớp chuyển động");
      await page.emulateMedia({ reducedMotion: "no-preference" });
      assert.match(await motion(), /ant-zoom-(appear|enter|leave)-active/, "cài đặt tắt: hộp thoại phóng to");
    } catch (e) {
      await failureShot(page, "reduced-motion");
      throw e;
    } finally {
      await context.close();
    }
  });
  test("nhập danh sách vụ việc từ Excel trên điện thoại: ô sai → lỗi nêu dòng, cột, không nhập gì; sửa → nhập, thấy trong danh sách; bấm đúp, tải lại rồi gửi lại tệp → không trùng", async () => {
    const { context, page } = await newPage(h, { width: 390, height: 844 });
    const errors: string[] = [];
    // A refused upload is logged by Chromium as "Failed to load resource" (no URL): responses are watched instead.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const refused: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const NAME = "Người nhập từ Excel";
    const imported = async () =>
      Number(
        (
          await h.database.query<{ n: number }>("select count(*)::int as n from claims where claimant_name like $1", [
            `${NAME} %`,
          ])
        )[0].n,
      );
    const overflow = () =>
      page.evaluate(() => {
        const dialog = document.querySelector(".ant-modal");
        const right = Math.max(
          0,
          ...[...(dialog?.querySelectorAll("*") ?? [])].map((e) => e.getBoundingClientRect().right),
        );
        return { page: document.documentElement.scrollWidth - window.innerWidth, dialog: right - window.innerWidth };
      });
    try {
      await signIn(page, h.baseUrl, "thads.thanhhoa.lanhdao");
      await page.goto(`${h.baseUrl}/claims`);
      await page.getByRole("heading", { name: "Vụ việc yêu cầu bồi thường" }).waitFor();
      const dialog = page.getByRole("dialog", { name: "Nhập vụ việc đã có từ tệp Excel (nhập bổ sung)" });
      const upload = button(dialog, "Tải lên và nhập");
      // The dialog zooms in and the chosen file's line slides in, pushing the buttons down: a click aimed while things
      // still move can land beside its button (seen once under load). Wait for the motion to end before each click.
      const settle = () =>
        page.waitForFunction(
          () => !document.querySelector('.ant-modal[class*="zoom-"], .ant-modal [class*="upload-animate-"]'),
        );
      const openImport = async () => {
        await page.getByRole("button", { name: "Nhập từ Excel" }).click();
        await dialog.waitFor();
        await settle();
      };
      const chooseFile = async (buffer: Buffer) => {
        await dialog
          .locator('input[type="file"]')
          .setInputFiles({ name: "Danh sách vụ việc.xlsx", mimeType: XLSX_TYPE, buffer });
        await dialog.locator(".ant-upload-list-item", { hasText: "Danh sách vụ việc.xlsx" }).waitFor();
        await settle();
      };
      /** Sends the chosen file until `outcome` shows; pressed again only while the button is idle (nothing in flight). */
      const send = async (how: "click" | "dblclick", outcome: Locator) => {
        for (let i = 0; i < 3; i++) {
          const idle = await upload.evaluate(
            (b) => !b.classList.contains("ant-btn-loading") && !(b as HTMLButtonElement).disabled,
          );
          if (idle) await upload[how]({ timeout: 10_000 }).catch(() => {});
          if (
            await outcome.waitFor({ timeout: 20_000 }).then(
              () => true,
              () => false,
            )
          )
            return;
          await settle();
        }
        await outcome.waitFor();
      };
      await openImport();

      // The template as the leader downloads it, filled with three claims; two rows carry mistakes.
      const [d] = await Promise.all([
        page.waitForEvent("download"),
        dialog.getByText("Tải mẫu .xlsx", { exact: true }).click(),
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile((await d.path()) as string)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("Vụ việc");
      assert.ok(ws, "trang tính Vụ việc của mẫu");
      const row = (i: number, field: string, received: string, amount: string | number) => [
        field,
        "thads-thanh-hoa",
        `${NAME} ${i}`,
        null,
        null,
        `Hồ sơ giấy số ${i}`,
        received,
        amount,
      ];
      ws.getRow(4).values = row(1, "Thi hành án dân sự", "15/01/2024", 12_000_000);
      ws.getRow(5).values = row(2, "Thi hành án dân sự", "31/02/2024", 8_000_000);
      ws.getRow(6).values = row(3, "Hình sự", "01/03/2024", "năm triệu");
      await chooseFile(Buffer.from(await wb.xlsx.writeBuffer()));
      await send("click", dialog.getByRole("alert").getByText("Tệp có 3 lỗi; chưa nhập dòng nào.", { exact: false }));
      const issue = (cell: string, message: string) =>
        dialog.getByRole("row").filter({ hasText: cell }).filter({ hasText: message });
      await issue("5 · G", 'Ô G5 (Ngày nhận hồ sơ): "31/02/2024" không phải ngày dạng dd/mm/yyyy').waitFor();
      await issue("6 · A", 'Ô A6 (Lĩnh vực): "Hình sự" không phải một trong').waitFor();
      await issue("6 · H", 'Ô H6 (Số tiền yêu cầu (đồng)): "năm triệu" không phải số tiền').waitFor();
      assert.equal(await imported(), 0, "tệp có lỗi: không nhập dòng nào");
      const wide = await overflow();
      assert.ok(wide.page <= 0 && wide.dialog <= 0.5, `390 px: tràn ngang ${JSON.stringify(wide)}`);

      // Fixed and sent again with a double click: imported once, the register codes shown, the button spent.
      ws.getRow(5).values = row(2, "Thi hành án dân sự", "28/02/2024", 8_000_000);
      ws.getRow(6).values = row(3, "Thi hành án dân sự", "01/03/2024", "5.000.000");
      const fixed = Buffer.from(await wb.xlsx.writeBuffer());
      await chooseFile(fixed);
      const done = dialog
        .getByRole("alert")
        .getByText(/^Đã nhập 3 vụ việc: (BT-\d{4}-\d{4,}), BT-\d{4}-\d{4,}, BT-\d{4}-\d{4,}\.$/);
      await send("dblclick", done);
      const code = /BT-\d{4}-\d{4,}/.exec(await done.innerText())?.[0] as string;
      assert.equal(await upload.isDisabled(), true, "sau khi nhập, nút không gửi lại được tệp đã nhập");
      assert.equal(await imported(), 3);

      // The new claims are in the list: search one imported code.
      await dialog.locator(".ant-modal-footer").getByRole("button", { name: "Đóng", exact: true }).click();
      await dialog.waitFor({ state: "hidden" });
      const search = page.getByRole("search").getByLabel("Tìm kiếm", { exact: true });
      await search.fill(code);
      await search.press("Enter");
      await page.getByText("Tổng 1", { exact: true }).waitFor(); // the list of 10 narrowed to the one searched
      await page
        .getByRole("row")
        .filter({ hasText: `${NAME} ` })
        .getByRole("link", { name: code, exact: true })
        .waitFor();

      // After a reload the leader, unsure it went through, sends the same file again: refused, naming the import.
      await page.reload();
      await page.getByRole("heading", { name: "Vụ việc yêu cầu bồi thường" }).waitFor();
      await openImport();
      await chooseFile(fixed);
      await send(
        "click",
        dialog
          .getByRole("alert")
          .getByText(/^Tệp này đã được nhập lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(3 vụ việc, BT-/),
      );
      assert.equal(await imported(), 3, "không nhập trùng");
      assert.ok((await overflow()).page <= 0, "không cuộn ngang trang ở 390 px");
      assert.deepEqual(refused, ["422 /api/claims/import", "409 /api/claims/import"]);
      assert.deepEqual(errors, [], "lỗi trong console");
    } catch (e) {
      await failureShot(page, "claim-import");
      throw e;
    } finally {
      await context.close();
    }
  });
});
