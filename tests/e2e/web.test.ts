// Browser tests: the real app (Fastify + built web UI + demo data) driven in Debian's Chromium via playwright-core.
// The tests run in order and share one app; each user has its own browser context (cookies).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import {
  browserAvailability,
  failureShot,
  fillDate,
  type Harness,
  login,
  newPage,
  pick,
  ROOT,
  screenshot,
  startHarness,
} from "./harness.ts";

const { skip } = browserAvailability();
const SEED_000 = readFileSync(`${ROOT}tests/fixtures/seed-000-kh-2021.txt`, "utf8");

describe("Giao diện web trong Chromium (tiếng Việt mặc định)", { skip, concurrency: false }, () => {
  let h: Harness;
  let officer: { context: BrowserContext; page: Page };
  let claimUrl = "";
  let current: Page | undefined;

  before(async () => {
    h = await startHarness();
    officer = await newPage(h);
    current = officer.page;
  });
  after(async () => {
    await h?.close();
  });

  const step = (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      try {
        await fn();
      } catch (e) {
        await failureShot(current, name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 60));
        throw e;
      }
    });

  step("cán bộ Sở Tư pháp Thanh Hóa đăng nhập và thấy Tổng quan trong phạm vi tỉnh", async () => {
    const { page } = officer;
    await page.goto(`${h.baseUrl}/claims`);
    await page.waitForURL(/\/login\?from=/);
    await login(page, h.baseUrl, "stp.thanhhoa.canbo");
    await page.getByRole("heading", { name: "Tổng quan" }).waitFor();
    await page
      .getByTestId("acting-agency")
      .getByText(/Sở Tư pháp.*Thanh Hóa/)
      .waitFor();
    assert.doesNotMatch(await page.getByTestId("acting-agency").innerText(), /stp-thanh-hoa/);
    await page.getByText(/^Kết quả giải quyết vụ việc thụ lý — năm \d{4}$/).waitFor();
    await page.locator("canvas").first().waitFor();
    await screenshot(page, "dashboard");
  });

  step(
    "Luật TNBTCNN 2017, Điều 43 khoản 1 — tạo vụ việc, hồ sơ hợp lệ 24/01/2025 → hạn thụ lý 04/02/2025 (bỏ qua Tết)",
    async () => {
      const { page } = officer;
      await page.goto(`${h.baseUrl}/claims/new`);
      await pick(page, "Lĩnh vực", "Thi hành án dân sự");
      await page.getByLabel("Họ tên người yêu cầu bồi thường").fill("Nguyễn Thị Kiểm Thử");
      await page.getByLabel("Số định danh / CCCD").fill("038190001234");
      await page.getByLabel("Địa chỉ").fill("Số 5 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa");
      await fillDate(page, "Ngày nhận hồ sơ", "20/01/2025");
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await page.getByTestId("claim-code").waitFor();
      claimUrl = page.url();
      assert.match(claimUrl, /\/claims\/[0-9a-f-]{36}$/);
      // Personal data is masked until revealed.
      assert.match(await page.getByTestId("claimant-id").innerText(), /•+234$/);
      await page.getByRole("button", { name: "Hiện thông tin cá nhân" }).click();
      await page.getByTestId("claimant-id").filter({ hasText: "038190001234" }).waitFor();

      await page.getByRole("button", { name: "Hồ sơ hợp lệ" }).click();
      await fillDate(page, "Ngày diễn ra", "24/01/2025");
      await page.locator(".ant-modal").getByRole("button", { name: "Lưu", exact: true }).click();
      const accept = page.getByTestId("deadline-accept");
      await accept.filter({ hasText: "04/02/2025" }).waitFor();
      assert.match(await accept.innerText(), /Điều 43 khoản 1/);
      assert.match(await accept.innerText(), /2 ngày làm việc/);
      await accept.getByRole("button", { name: "Vì sao ngày này?" }).click();
      const why = page.getByTestId("why-steps");
      await why.waitFor();
      assert.match(await why.innerText(), /Tết/);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "Thụ lý hồ sơ", exact: true }).click();
      await fillDate(page, "Ngày diễn ra", "04/02/2025");
      await page.locator(".ant-modal").getByRole("button", { name: "Lưu", exact: true }).click();
      // Điều 45 khoản 2: 15 ngày kể từ ngày thụ lý → 19/02/2025.
      await page.getByTestId("deadline-verify").filter({ hasText: "19/02/2025" }).waitFor();
      assert.match(await page.getByTestId("claim-state").innerText(), /Đã thụ lý/);
      if (process.env.BTNN_SCREENSHOTS === "1") {
        await page.getByTestId("timeline").scrollIntoViewIfNeeded();
        await page.getByTestId("deadline-accept").getByRole("button", { name: "Vì sao ngày này?" }).click();
        await page.getByTestId("why-steps").waitFor();
        await screenshot(page, "claim-timeline");
        await page.keyboard.press("Escape");
      }
    },
  );

  step(
    "sửa vụ việc: số CCCD hiện bị che, lưu không làm mất số thật; chỉ hiện qua thao tác “Hiện thông tin cá nhân”",
    async () => {
      const { page } = officer;
      await page.goto(`${claimUrl}/edit`);
      const idInput = page.getByLabel("Số định danh / CCCD");
      await idInput.waitFor();
      await page.waitForFunction(() => {
        const el = document.querySelector<HTMLInputElement>("#claimant_id_number");
        return !!el?.value;
      });
      assert.match(await idInput.inputValue(), /^•+234$/);
      assert.equal(await idInput.getAttribute("readonly"), "");
      await page.getByLabel("Tóm tắt vụ việc").fill("Sửa tóm tắt khi thông tin cá nhân đang bị che");
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await page.getByTestId("claim-code").waitFor();
      // An officer has no audit.read: the claim screen offers no "Lịch sử thay đổi" tab it could not open.
      await page.getByRole("tab", { name: /Tài liệu/ }).waitFor();
      assert.equal(await page.getByRole("tab", { name: "Lịch sử thay đổi" }).count(), 0);
      await page.getByRole("button", { name: "Hiện thông tin cá nhân" }).click();
      await page.getByTestId("claimant-id").filter({ hasText: "038190001234" }).waitFor();
      // In the form, the reveal is the same audited action; the revealed number can then be edited.
      await page.goto(`${claimUrl}/edit`);
      await page.getByRole("button", { name: "Hiện thông tin cá nhân" }).click();
      await page.waitForFunction(
        () => document.querySelector<HTMLInputElement>("#claimant_id_number")?.value === "038190001234",
      );
      assert.equal(await idInput.getAttribute("readonly"), null);
      await page.goto(claimUrl);
    },
  );

  step("nhập Kế hoạch 2021 (seed 000) → xem trước có cảnh báo → xác nhận → thấy nhiệm vụ trên bảng", async () => {
    const { page } = officer;
    await page.goto(`${h.baseUrl}/plans/import`);
    await page.getByLabel("Hoặc dán nội dung kế hoạch").fill(SEED_000);
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByText(/Cảnh báo \(\d+\)/).waitFor();
    await page
      .getByRole("cell", { name: /Hướng dẫn nghiệp vụ|Lập danh mục vụ việc yêu cầu bồi thường/ })
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Xác nhận nhập" }).click();
    await page.getByText(/Đã nhập kế hoạch: \d+ nhiệm vụ/).waitFor();
    await page.getByRole("button", { name: "Mở bảng nhiệm vụ" }).click();
    const tasks = page.getByTestId("plan-tasks");
    await tasks.getByText("Lập danh mục vụ việc yêu cầu bồi thường", { exact: false }).first().waitFor();
    const board = page.getByTestId("plan-board");
    // KH 2021 occurrences are long past due and not done: the board shows them as overdue (issue 11).
    await board.getByText("Quá hạn", { exact: false }).first().waitFor();
    await screenshot(page, "plan-board");

    // Comments are stored on the server: add one, reload, it is still there. The occurrence belongs to its lead agency
    // (Cục Bồi thường nhà nước), so the importing Sở Tư pháp cannot attach evidence to it.
    await tasks.getByText("Lập danh mục vụ việc yêu cầu bồi thường", { exact: false }).first().click();
    const drawer = page.getByRole("dialog");
    await drawer.getByLabel("Nội dung trao đổi / minh chứng").first().fill("Đã gửi danh mục 6 tháng cuối năm 2020");
    await drawer.getByRole("button", { name: "Thêm", exact: true }).first().click();
    await drawer.getByText("Đã gửi danh mục 6 tháng cuối năm 2020").waitFor();
    assert.equal(await drawer.getByRole("button", { name: "Đính kèm tệp minh chứng" }).first().isDisabled(), true);
    await drawer.getByText("Chỉ cơ quan chủ trì cập nhật trạng thái").first().waitFor();
    await page.reload();
    await page
      .getByTestId("plan-tasks")
      .getByText("Lập danh mục vụ việc yêu cầu bồi thường", { exact: false })
      .first()
      .click();
    await page.getByRole("dialog").getByText("Đã gửi danh mục 6 tháng cuối năm 2020").waitFor();
    await page.keyboard.press("Escape");
  });

  step("KH 2021 mục II.3.1 — THADS tỉnh đề nghị Cục BTNN hướng dẫn → chuyển UBND cấp tỉnh", async () => {
    const thads = await newPage(h);
    current = thads.page;
    const { page } = thads;
    await login(page, h.baseUrl, "thads.thanhhoa.canbo");
    await page.goto(`${h.baseUrl}/requests`);
    await page.getByRole("button", { name: "Tạo yêu cầu" }).click();
    await pick(page, "Cơ quan nhận", "Cục Bồi thường nhà nước", "Cuc Boi thuong");
    await page.getByLabel("Trích yếu").fill("Đề nghị hướng dẫn xác định thiệt hại do tài sản bị kê biên sai");
    await page.locator(".ant-modal").getByRole("button", { name: "Lưu", exact: true }).click();
    const clause = page.getByTestId("routing-clause");
    await clause.waitFor();
    assert.equal((await clause.innerText()).trim(), "KH 2021 mục II.3.1");
    assert.match(await page.getByTestId("routing").innerText(), /UBND cấp tỉnh/);
    assert.match(await page.getByTestId("letter").innerText(), /Kính gửi: Cục Bồi thường nhà nước/);
    await screenshot(page, "requests");
    await thads.context.close();
    current = officer.page;
  });

  step("lịch thời hạn tháng 02/2025: ngày nghỉ Tết (29/01) và các hạn của vụ việc", async () => {
    const { page } = officer;
    await page.goto(`${h.baseUrl}/calendar?month=2025-02`);
    await page.locator('[data-date="2025-01-29"]').getByText(/Tết/).first().waitFor();
    await page
      .locator('[data-date="2025-02-19"]')
      .getByText(/thời hạn vụ việc/)
      .waitFor();
    await screenshot(page, "calendar");
  });

  step("chuyển sang tiếng Anh (được ghi nhớ khi tải lại), rồi về tiếng Việt", async () => {
    const { page } = officer;
    await page.goto(`${h.baseUrl}/`);
    await pick(page, "Ngôn ngữ", "English");
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    await pick(page, "Language", "Tiếng Việt");
    await page.getByRole("heading", { name: "Tổng quan" }).waitFor();
  });

  step(
    "người dùng tỉnh khác (Sở Tư pháp Nghệ An) không mở được vụ việc của Thanh Hóa: trang 404 tiếng Việt",
    async () => {
      const other = await newPage(h);
      current = other.page;
      await login(other.page, h.baseUrl, "stp.nghean.canbo");
      await other.page.goto(claimUrl);
      await other.page.getByText("Không tìm thấy vụ việc").waitFor();
      await other.page.getByText("nằm ngoài phạm vi dữ liệu của bạn", { exact: false }).waitFor();
      assert.equal(await other.page.getByTestId("claim-code").count(), 0);
      await other.context.close();
      current = officer.page;
    },
  );
});
