// Plan import with a person in the loop (issue 14), in Chromium: the Sở Tư pháp officer imports a .docx whose tasks
// are in an appendix table (real Word table, Word numbering), fixes the lead agency the importer could not match,
// splits a task that holds two, and creates the plan; the Thi hành án dân sự officer (second browser context) then
// finds the task led by their agency in their task list and inbox.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { planMarkdownToDocx } from "../fixtures/plans/make-docx.ts";
import {
  answerConfirm,
  browserAvailability,
  failureShot,
  type Harness,
  newPage,
  pick,
  settled,
  signIn,
  startHarness,
} from "./harness.ts";

const { skip } = browserAvailability();

const PLAN = `UBND TỈNH THANH HÓA
SỞ TƯ PHÁP

Số: 12/KH-STP

Thanh Hóa, ngày 05 tháng 01 năm 2026

KẾ HOẠCH

Phối hợp thực hiện công tác bồi thường nhà nước năm 2026

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm phối hợp chặt chẽ giữa các cơ quan.

II. NHIỆM VỤ

Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

Nơi nhận:
- Lưu: VT.

GIÁM ĐỐC

Đào Trọng Quy

PHỤ LỤC

DANH MỤC NHIỆM VỤ NĂM 2026

| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Tập huấn nghiệp vụ bồi thường cho công chức cấp xã; biên soạn tài liệu tập huấn | Sở Tư pháp | | Quý II năm 2026 |
| 2 | Cung cấp hồ sơ vụ việc yêu cầu bồi thường trong thi hành án dân sự | Phòng Nghiệp vụ | Sở Tư pháp | Quý III năm 2026 |
`;

describe("Nhập kế hoạch có bước rà soát (Chromium)", { skip, concurrency: false }, () => {
  let h: Harness;
  let current: Page | undefined;
  let docx = "";
  before(async () => {
    h = await startHarness();
    const dir = mkdtempSync(join(tmpdir(), "btnn-e2e-plan-"));
    docx = join(dir, "kh-12-stp-2026.docx");
    writeFileSync(docx, await planMarkdownToDocx(PLAN));
  });
  after(async () => {
    await h?.close();
  });

  test("Sở Tư pháp nhập .docx có bảng phụ lục → sửa chủ trì, tách nhiệm vụ → tạo; THADS tỉnh thấy nhiệm vụ mình chủ trì", async () => {
    try {
      const stp = await newPage(h);
      current = stp.page;
      const page = stp.page;
      await signIn(page, h.baseUrl, "stp.thanhhoa.canbo");
      // Console errors from the first signed-in screen on.
      const console: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") console.push(m.text());
      });
      // Reached from the menu, as people do: Back then stays inside the app.
      await page.goto(`${h.baseUrl}/plans`);
      await page.getByRole("menuitem", { name: "Nhập kế hoạch" }).click();
      await page.locator("input[type=file]").setInputFiles(docx);
      await page.getByRole("button", { name: "Xem trước" }).click();

      const grid = page.getByTestId("review-grid");
      await grid.waitFor();
      // Warnings name their line in words, never an internal code.
      await page.getByText("Dòng ", { exact: false }).first().waitFor();
      // Back in the middle of the review asks first; staying keeps the grid.
      await page.goBack();
      await page.locator(".ant-modal-confirm").filter({ hasText: "Rời trang khi chưa lưu?" }).waitFor();
      await answerConfirm(page, "Ở lại để lưu");
      await grid.waitFor();
      // Both appendix rows are tasks; the unknown "Phòng Nghiệp vụ" leaves task 2 without a lead, flagged.
      await page.getByText("2 nhiệm vụ — 1 chưa có cơ quan chủ trì", { exact: false }).waitFor();
      const rows = grid.locator("tbody tr.ant-table-row");
      const noLead = grid.locator("tr.review-no-lead");
      assert.equal(
        await settled(
          () => rows.count(),
          (n) => n === 2,
        ),
        2,
      );
      assert.equal(
        await settled(
          () => noLead.count(),
          (n) => n === 1,
        ),
        1,
      );
      await grid.getByText("Cung cấp hồ sơ vụ việc yêu cầu bồi thường", { exact: false }).first().waitFor();

      await pick(page, "Cơ quan chủ trì PL.2", "Thi hành án dân sự tỉnh Thanh Hóa", "thi hanh an dan su tinh thanh");
      assert.equal(
        await settled(
          () => noLead.count(),
          (n) => n === 0,
        ),
        0,
      );
      await page.getByRole("button", { name: "Tách PL.1" }).click();
      assert.equal(
        await settled(
          () => rows.count(),
          (n) => n === 3,
        ),
        3,
      );
      const first = "Tập huấn nghiệp vụ bồi thường cho công chức cấp xã";
      const second = "biên soạn tài liệu tập huấn";
      const field = (label: string) => page.getByLabel(label, { exact: true });
      assert.equal(
        await settled(
          () => field("Nhiệm vụ PL.1").inputValue(),
          (v) => v === first,
        ),
        first,
      );
      assert.equal(
        await settled(
          () => field("Nhiệm vụ PL.1(2)").inputValue(),
          (v) => v === second,
        ),
        second,
      );

      await page.getByRole("button", { name: "Xác nhận nhập" }).click();
      await page.getByText("Đã nhập kế hoạch: 3 nhiệm vụ, 3 lần thực hiện có hạn.").waitFor();
      assert.deepEqual(console, []);

      // The lead agency's officer, in another browser context, sees the task their agency leads.
      const thads = await newPage(h);
      current = thads.page;
      await signIn(thads.page, h.baseUrl, "thads.thanhhoa.canbo");
      const list = (await (await thads.page.request.get(`${h.baseUrl}/api/task-instances?page_size=100`)).json()) as {
        items: Array<{ lead_agency_id: string | null; due: string; period_label: string }>;
      };
      const mine = list.items.filter((i) => i.lead_agency_id === "thads-thanh-hoa");
      assert.deepEqual(
        mine.map((i) => [i.period_label, i.due]),
        [["Quý III năm 2026", "2026-09-30"]],
      );
      const inbox = (await (await thads.page.request.get(`${h.baseUrl}/api/inbox`)).json()) as {
        items: Array<{ kind: string; title: string }>;
      };
      assert.ok(
        inbox.items.some(
          (i) => i.kind === "plan_task" && i.title.includes("Cung cấp hồ sơ vụ việc yêu cầu bồi thường"),
        ),
        JSON.stringify(inbox.items.map((i) => i.title)),
      );
      // The split task stays with Sở Tư pháp, not with the enforcement office.
      assert.ok(!inbox.items.some((i) => i.title.includes("biên soạn tài liệu tập huấn")));
      // …and on their home screen ("Việc của tôi"), the first screen after login.
      await thads.page.goto(`${h.baseUrl}/`);
      await thads.page.getByText("Cung cấp hồ sơ vụ việc yêu cầu bồi thường").first().waitFor();
      assert.equal(await thads.page.getByText("biên soạn tài liệu tập huấn").count(), 0);
    } catch (e) {
      await failureShot(current, "plan-import-review");
      throw e;
    }
  });
});
