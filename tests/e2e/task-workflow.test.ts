// Plan-task workflow in Chromium (issue 11 item 5), two agencies side by side: the Sở Tư pháp Thanh Hóa imports the
// 2024 plan; the occurrence of mục II.7 reaches the Sở's home, its leader gives it to the officer from the
// home screen and it reaches her under "Giao cho tôi" and on her bell; as lead she sets "Đang thực hiện" → attaches
// evidence → sets "Hoàn thành" without a conflict with herself; the THADS tỉnh Thanh Hóa (coordinator, another user in
// another browser context) sees the plan read-only and records its own part; the lead sees that part after a refresh.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import {
  answerConfirm,
  bellUnread,
  browserAvailability,
  button,
  closeDrawer,
  type Harness,
  newPage,
  pick,
  ROOT,
  signedInPage,
  signIn,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();
const SEED_001 = readFileSync(`${ROOT}tests/fixtures/seed-001-thanh-hoa-2024.txt`, "utf8");
const II7 = "Thực hiện chế độ thống kê, thông tin, báo cáo về công tác bồi thường nhà nước";

describe("Nhiệm vụ kế hoạch giữa cơ quan chủ trì và cơ quan phối hợp (Chromium)", { skip, concurrency: false }, () => {
  let h: Harness;
  let lead: { context: BrowserContext; page: Page };
  let coord: { context: BrowserContext; page: Page };
  let current: Page | undefined;
  let planUrl = "";
  const errors: string[] = [];

  before(async () => {
    h = await startHarness();
    lead = await newPage(h);
    coord = await newPage(h);
    for (const p of [lead.page, coord.page])
      p.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("task-workflow", () => current);

  const openTask = async (page: Page) => {
    await page.getByTestId("plan-tasks").getByText(II7, { exact: false }).first().click();
    const drawer = page.getByRole("dialog");
    await drawer.getByTestId("instance-status").first().waitFor();
    return drawer;
  };

  /** The home's row of the II.7 occurrence in "Việc của cơ quan" (found with the home's search: the imported plan puts
   * many overdue occurrences on the list, which shows 20 a page). */
  const homeRow = async (page: Page) => {
    await page.getByRole("tab", { name: /Việc của cơ quan/ }).click();
    const panel = page.getByRole("tabpanel", { name: /Việc của cơ quan/ });
    await panel.getByLabel("Tìm theo tên việc, mã hồ sơ").fill(II7);
    const row = panel.locator("tr", { hasText: II7 }).first();
    await row.getByRole("link", { name: new RegExp(II7) }).waitFor();
    return row;
  };

  step(
    "Sở Tư pháp Thanh Hóa nhập KH 2024; lần thực hiện mục II.7 thuộc Sở (chủ trì), 2024 chưa xong → “Quá hạn”",
    async () => {
      const { page } = lead;
      current = page;
      await signIn(page, h.baseUrl, "stp.thanhhoa.canbo");
      await page.goto(`${h.baseUrl}/plans/import`);
      await page.getByLabel("Hoặc dán nội dung kế hoạch").fill(SEED_001);
      await page.getByRole("button", { name: "Xem trước" }).click();
      await page.getByRole("button", { name: "Xác nhận nhập" }).click();
      await page.getByText(/Đã nhập kế hoạch: \d+ nhiệm vụ/).waitFor();
      await page.getByRole("button", { name: "Mở bảng nhiệm vụ" }).click();
      await page.waitForURL(/\/plans\?plan=/);
      planUrl = page.url();
      await page.getByTestId("plan-board").getByText("Quá hạn", { exact: false }).first().waitFor();
      const drawer = await openTask(page);
      assert.equal((await drawer.getByTestId("instance-status").first().innerText()).trim(), "Quá hạn");
      await drawer.getByTestId("contribution-cuc-thads-thanh-hoa").waitFor();
    },
  );

  step(
    "lần thực hiện đến trang chủ của cơ quan chủ trì; lãnh đạo Sở giao cho cán bộ từ trang chủ, cán bộ thấy ở “Giao cho tôi” và chuông",
    async () => {
      const leader = await signedInPage(h, "stp.thanhhoa.quantri");
      current = leader.page;
      const row = await homeRow(leader.page);
      await row.getByRole("button", { name: "Giao việc" }).click();
      await pick(leader.page, "Người thực hiện", "Lê Thị Hương");
      // The option list closes after the choice; under load it is still animating and would swallow the click.
      await leader.page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
      await leader.page.getByRole("button", { name: "Giao", exact: true }).click();
      await row.getByTestId("assignee").getByText("Lê Thị Hương").waitFor();
      await leader.context.close();

      // The officer given the work: under "Giao cho tôi" and on her bell; its link leads to the plan's board.
      const { page } = lead;
      current = page;
      await page.goto(`${h.baseUrl}/`);
      await page.getByRole("tab", { name: /Giao cho tôi/ }).click();
      const link = page.getByRole("tabpanel", { name: /Giao cho tôi/ }).getByRole("link", { name: new RegExp(II7) });
      await link.first().waitFor();
      assert.ok((await bellUnread(page)) > 0, "chuông có thông báo chưa đọc");
      await page.getByTestId("bell").click();
      await page
        .getByTestId("bell-list")
        .getByText(new RegExp(`Bạn được giao: .*${II7}`))
        .first()
        .waitFor();
      await page.keyboard.press("Escape");
      await link.first().click();
      await page.waitForURL(
        (u) => u.pathname === "/plans" && u.searchParams.get("plan") === new URL(planUrl).searchParams.get("plan"),
      );
      // The link names the occurrence: the board opens its task by itself.
      const drawer = page.getByRole("dialog");
      await drawer.getByText(II7, { exact: false }).first().waitFor();
      await drawer.getByTestId("instance-status").first().waitFor();
    },
  );

  step("tự cập nhật không xung đột: “Đang thực hiện” → đính kèm minh chứng → “Hoàn thành”", async () => {
    const { page } = lead;
    current = page;
    const drawer = page.getByRole("dialog");
    await pick(page, "Cập nhật trạng thái", "Đang thực hiện");
    await page.locator(".ant-message-success").getByText("Đã lưu").last().waitFor();
    const chooser = page.waitForEvent("filechooser");
    await drawer.getByRole("button", { name: "Đính kèm tệp minh chứng" }).first().click();
    await (await chooser).setFiles({
      name: "bao-cao-thong-ke-2024.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Báo cáo thống kê công tác bồi thường nhà nước năm 2024"),
    });
    await drawer.getByText(/bao-cao-thong-ke-2024\.txt/).waitFor();
    await pick(page, "Cập nhật trạng thái", "Hoàn thành");
    await drawer
      .getByTestId("instance-status")
      .filter({ hasText: /^Hoàn thành$/ })
      .waitFor();
    assert.equal(await page.locator(".ant-message-error").count(), 0, "không có thông báo lỗi (409)");
    await page.reload();
    const again = await openTask(page);
    assert.equal((await again.getByTestId("instance-status").first().innerText()).trim(), "Hoàn thành");
    await again.getByText(/bao-cao-thong-ke-2024\.txt/).waitFor();
  });

  step("chủ trì đôn đốc phần phối hợp chưa xong của THADS tỉnh; THADS tỉnh nhận đôn đốc ở chuông", async () => {
    const { page } = lead;
    current = page;
    const row = page.getByRole("dialog").getByTestId("contribution-cuc-thads-thanh-hoa");
    await button(row, "Đôn đốc").click();
    await answerConfirm(page, "Gửi đôn đốc");
    await button(row, "Đã gửi đôn đốc").waitFor();
    const other = coord.page;
    current = other;
    await signIn(other, h.baseUrl, "thads.thanhhoa.canbo");
    await other.goto(`${h.baseUrl}/`);
    await other.locator('[data-testid="bell"][data-ready="1"]').waitFor();
    await other.getByTestId("bell").click();
    await other
      .getByTestId("bell-list")
      .getByText(new RegExp(`Thực hiện phần phối hợp: II\\.7 ${II7}`))
      .first()
      .waitFor();
    await other.keyboard.press("Escape");
  });

  step("THADS tỉnh Thanh Hóa (cơ quan phối hợp) thấy kế hoạch chỉ xem và ghi phần phối hợp của mình", async () => {
    const { page } = coord;
    current = page;
    await signIn(page, h.baseUrl, "thads.thanhhoa.canbo");
    await page.goto(planUrl);
    await page.getByTestId("plan-read-only").waitFor();
    const drawer = await openTask(page);
    await drawer.getByText("Chỉ cơ quan chủ trì cập nhật trạng thái").first().waitFor();
    assert.equal(await drawer.getByLabel("Cập nhật trạng thái").first().isDisabled(), true);
    await pick(page, "Trạng thái phần phối hợp", "Hoàn thành");
    await drawer.getByLabel("Ghi chú phần phối hợp").fill("Đã gửi số liệu thi hành án dân sự năm 2024");
    // Closing the drawer with the note unsaved asks first (issue 17); staying keeps what was typed.
    assert.equal(await closeDrawer(page), true, "đóng khi ghi chú chưa lưu thì hỏi trước");
    const ask = page.locator(".ant-modal-confirm").filter({ hasText: "Rời trang khi chưa lưu?" });
    await ask.waitFor();
    await answerConfirm(page, "Ở lại để lưu");
    assert.equal(
      await drawer.getByLabel("Ghi chú phần phối hợp").inputValue(),
      "Đã gửi số liệu thi hành án dân sự năm 2024",
    );
    await drawer.getByRole("button", { name: "Lưu phần phối hợp" }).click();
    await page.locator(".ant-message-success").getByText("Đã lưu").last().waitFor();
    // Saved: closing no longer asks.
    assert.equal(await closeDrawer(page), false, "đã lưu thì đóng không hỏi");
  });

  step("Sở Tư pháp (chủ trì) thấy phần phối hợp của THADS tỉnh sau khi tải lại", async () => {
    const { page } = lead;
    current = page;
    await page.reload();
    const drawer = await openTask(page);
    const row = drawer.getByTestId("contribution-cuc-thads-thanh-hoa");
    await row.getByText("Đã gửi số liệu thi hành án dân sự năm 2024").waitFor();
    assert.match(await row.innerText(), /Hoàn thành/);
    // 401s are the session probe on the login page before signing in.
    assert.deepEqual(
      errors.filter((e) => !/favicon|401 \(Unauthorized\)/.test(e)),
      [],
    );
  });
});
