// Issue 11 acceptance (a), in Chromium with browser contexts side by side on the demo data:
// THADS Thanh Hóa sends a guidance request to Cục BTNN → routed under KH 2021 mục II.3.1 (lead UBND tỉnh, coordinator
// Sở Tư pháp) → the Sở Tư pháp leader sees it on "Việc của tôi" and the bell after one reload and assigns it to an
// officer → the officer finds it under "Giao cho tôi", opens it and drafts the reply letter → THADS sees "Đã trả lời"
// and a notification. Then a report round: the Sở Tư pháp sees the round it must report to on its home and bell,
// follows it to the round's screen and sends from there; the work leaves its home and the opener is notified.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import type { Page } from "playwright-core";
import {
  answerConfirm,
  bellUnread,
  browserAvailability,
  pageFetch as call,
  fillDate,
  type Harness,
  pick,
  type SignedIn,
  signedInPage,
  signedInPages,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();
const TOPIC = `Hướng dẫn xác định cơ quan giải quyết bồi thường sau sắp xếp ${Date.now().toString(36)}`;

describe("Việc của tôi, giao việc và thông báo giữa các cơ quan trong Chromium", { skip, concurrency: false }, () => {
  let h: Harness;
  let thads: SignedIn;
  let leader: SignedIn;
  let officer: SignedIn;
  let current: Page | undefined;
  let requestId = "";

  before(async () => {
    h = await startHarness();
    ({ thads, leader, officer } = await signedInPages(h, {
      thads: "thads.thanhhoa.canbo",
      leader: "stp.thanhhoa.quantri",
      officer: "stp.thanhhoa.canbo",
    }));
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("inbox", () => current);

  step("THADS Thanh Hóa gửi đề nghị hướng dẫn đến Cục BTNN (KH 2021 mục II.3.1)", async () => {
    const { page } = thads;
    current = page;
    await page.goto(`${h.baseUrl}/requests`);
    await page.getByRole("button", { name: "Tạo yêu cầu" }).click();
    await pick(page, "Cơ quan nhận", "Cục Bồi thường nhà nước", "Cục Bồi thường");
    await page.getByLabel("Trích yếu").fill(TOPIC);
    // Cancel with something typed asks first; staying keeps what was typed.
    await page.getByRole("button", { name: "Hủy", exact: true }).click();
    await page.locator(".ant-modal-confirm-title", { hasText: "Rời trang khi chưa lưu?" }).waitFor();
    await answerConfirm(page, "Ở lại để lưu");
    assert.equal(await page.getByLabel("Trích yếu").inputValue(), TOPIC);
    // A date that does not exist is not swallowed: the field empties and says what it could not read.
    await fillDate(page, "Hạn trả lời", "31/02/2026");
    await page.getByText("Không đọc được ngày “31/02/2026”").waitFor();
    assert.equal(await page.getByLabel("Hạn trả lời", { exact: true }).inputValue(), "");
    // A reply deadline already past is refused under the field, and nothing is sent.
    await fillDate(page, "Hạn trả lời", "01/01/2020");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Hạn trả lời không được trước ngày hôm nay").waitFor();
    await fillDate(page, "Hạn trả lời", `31/12/${new Date().getFullYear() + 1}`);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByTestId("routing-clause").getByText("KH 2021 mục II.3.1").waitFor();
    requestId = new URL(page.url()).searchParams.get("open") ?? "";
    assert.match(requestId, /^[0-9a-f-]{36}$/);
  });

  step("Sở Tư pháp thấy việc trên trang chủ và chuông sau một lần tải lại, lãnh đạo giao cho cán bộ", async () => {
    const { page } = leader;
    current = page;
    await page.reload();
    const row = page.locator("tr", { hasText: TOPIC }).first();
    await row.waitFor();
    assert.ok((await bellUnread(page)) > 0, "chuông có thông báo chưa đọc");
    await page.getByTestId("bell").click();
    await page.getByTestId("bell-list").getByText(TOPIC).first().waitFor();
    await page.keyboard.press("Escape");
    await row.getByRole("button", { name: "Giao việc" }).click();
    await pick(page, "Người thực hiện", "Lê Thị Hương");
    // The option list closes after the choice; under load it is still animating and would swallow the click.
    await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Giao", exact: true }).click();
    await row.getByTestId("assignee").getByText("Lê Thị Hương").waitFor();
    // Reassigning asks for a reason; the history keeps the first assignment.
    await row.getByRole("button", { name: "Giao lại" }).click();
    await page.getByRole("dialog").getByTestId("assign-history").getByText("Lê Thị Hương").waitFor();
    await page.getByRole("button", { name: "Giao", exact: true }).click();
    await page.getByText("Giao lại cho người khác cần nêu lý do").waitFor();
    await page.getByRole("button", { name: "Hủy" }).click();
  });

  step("Cán bộ được giao thấy việc ở 'Giao cho tôi', mở yêu cầu và soạn công văn trả lời", async () => {
    const { page } = officer;
    current = page;
    await page.reload();
    await page.getByRole("tab", { name: /Giao cho tôi/ }).click();
    const panel = page.getByRole("tabpanel", { name: /Giao cho tôi/ });
    await panel.getByRole("link", { name: new RegExp(TOPIC) }).click();
    await page.waitForURL(/\/requests\?/);
    await page.getByRole("button", { name: "Tạo công văn (.docx)" }).click();
    await page
      .getByLabel("Nội dung trả lời (mỗi ý một dòng)")
      .fill(
        "Cơ quan giải quyết bồi thường là cơ quan kế thừa chức năng của cơ quan đã giải thể.\nĐề nghị báo cáo kết quả về Sở Tư pháp.",
      );
    await page.getByLabel("Chức vụ người ký").fill("PHÓ GIÁM ĐỐC");
    const download = page.waitForEvent("download");
    await page
      .getByRole("dialog", { name: "Người ký công văn" })
      .getByRole("button", { name: "Tạo công văn (.docx)" })
      .click();
    assert.match((await download).suggestedFilename(), /^Công văn .*\.docx$/);
  });

  step("Bên gửi (THADS) thấy yêu cầu đã được trả lời và có thông báo", async () => {
    const { page } = thads;
    current = page;
    // The sender left the request open after sending it; coming back to the tab (the bell asks again) shows the
    // answer in the open request and in the outbox without a reload.
    const drawer = page.locator(".ant-drawer-open");
    await drawer.getByTestId("routing-clause").waitFor();
    assert.equal(new URL(page.url()).searchParams.get("open"), requestId);
    await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await drawer.locator('.ant-select-content[title="Đã trả lời"]').waitFor();
    await drawer.locator(".ant-drawer-close").click();
    await page.locator("tr", { hasText: TOPIC }).getByText("Đã trả lời").waitFor();
    assert.equal(new URL(page.url()).pathname, "/requests");
    await page.getByTestId("bell").click();
    await page
      .getByTestId("bell-list")
      .getByText(/Sở Tư pháp.*đã trả lời/)
      .first()
      .waitFor();
    // Mark all read empties the unread count.
    await page.getByRole("button", { name: "Đánh dấu đã đọc tất cả" }).click();
    await page.getByTestId("bell").and(page.locator('[data-unread="0"]')).waitFor();
  });

  step(
    "Kỳ báo cáo: Sở Tư pháp thấy việc gửi báo cáo trên trang chủ và chuông; gửi xong, nơi mở kỳ được báo",
    async () => {
      // The officer's count before the round opens (a refresh after it would already hold the new notification).
      const before = await bellUnread(officer.page);
      const ministry = await signedInPage(h, "cucbtnn.canbo");
      current = ministry.page;
      // Opened through the API: report-round.test.ts opens a round through the screen.
      const title = `Báo cáo công tác BTNN năm 2025 (${Date.now().toString(36)})`;
      const opened = await call(ministry.page, "POST", "/api/report-rounds", {
        title,
        template_id: "quick-figures",
        period_kind: "custom",
        year: 2025,
        from: "2025-01-01",
        to: "2025-12-31",
        deadline: new Date(Date.now() + 17 * 86400_000).toISOString().slice(0, 10),
        agency_id: "cuc-btnn",
        participant_ids: ["stp-thanh-hoa"],
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const { page } = officer;
      current = page;
      await page.goto(`${h.baseUrl}/`);
      await page.getByRole("tab", { name: /Việc của cơ quan/ }).click();
      const link = page.getByRole("link", { name: `Báo cáo: ${title}` });
      await link.waitFor();
      assert.ok((await bellUnread(page)) > before, "chuông báo kỳ báo cáo mới");
      await link.click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      // Sent from the round's screen without a narrative: the question is answered "Vẫn gửi" (report-round.test.ts
      // writes one, goes back from the question and opens the round through the screen).
      await page.getByRole("button", { name: "Gửi báo cáo", exact: true }).click();
      await page.locator(".ant-modal-confirm-title", { hasText: "Gửi báo cáo không có thuyết minh?" }).waitFor();
      await answerConfirm(page, "Vẫn gửi");
      await page.getByText("Cơ quan đã gửi báo cáo kỳ này").waitFor();
      await page.getByTestId("status-stp-thanh-hoa").getByText("Đã gửi", { exact: true }).waitFor();
      // Home again through the menu: the home shows the list it holds (with the round, read before sending) until the
      // list read again on opening arrives without it.
      await page.getByRole("menuitem", { name: /Việc của tôi/ }).click();
      await page.getByRole("tab", { name: /Việc của cơ quan/ }).waitFor();
      await link.waitFor({ state: "detached" });
      await ministry.page.reload();
      await ministry.page.getByTestId("bell").click();
      await ministry.page.getByTestId("bell-list").getByText(`Đã nhận báo cáo kỳ "${title}"`).waitFor();
      await ministry.context.close();
    },
  );
});
