// Issue 11 item 6 in Chromium, two officers of Sở Tư pháp Thanh Hóa side by side: the leader narrows the incoming
// requests to "Sắp đến hạn", saves that filter under a name and applies it again after a reload, selects two requests
// and gives them to an officer in one action; the officer finds both under "Giao cho tôi", marks them read from the
// list — the officer's bell drops, the leader's does not (read state is per person) — and the home and bell drawer
// fit a 390 px screen.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import type { Page } from "playwright-core";
import {
  apiSession,
  bellUnread,
  browserAvailability,
  type Harness,
  pick,
  type SignedIn,
  signedInPage,
  signedInPages,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();
const TAG = Date.now().toString(36);
const SOON = [`Hướng dẫn xác minh thiệt hại ${TAG}`, `Hướng dẫn thương lượng ${TAG}`];
const LATER = `Hướng dẫn chi trả ${TAG}`;
const dayAfter = (n: number) => new Date(Date.now() + 7 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

/** The unread count the server holds for the page's user (GET /api/notifications with the page's cookies). */
const serverUnread = async (page: Page) =>
  (
    (await (await page.request.get(new URL("/api/notifications?limit=1", page.url()).href)).json()) as {
      unread: number;
    }
  ).unread;
const rowOf = (page: Page, topic: string) => page.locator("tr", { hasText: topic }).first();

describe("Danh sách phục vụ công việc: sắp đến hạn, bộ lọc đã lưu, thao tác hàng loạt (Chromium)", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let leader: SignedIn;
  let officer: SignedIn;
  let current: Page | undefined;

  before(async () => {
    h = await startHarness();
    const thads = await apiSession(h, "thads.thanhhoa.canbo");
    for (const [topic, due] of [
      [SOON[0], dayAfter(1)],
      [SOON[1], dayAfter(2)],
      [LATER, dayAfter(45)],
    ]) {
      await thads("POST", "/api/requests", {
        kind: "guidance",
        from_agency_id: "thads-thanh-hoa",
        to_agency_id: "stp-thanh-hoa",
        topic,
        due,
      });
    }
    ({ leader, officer } = await signedInPages(h, { leader: "stp.thanhhoa.quantri", officer: "stp.thanhhoa.canbo" }));
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("work-lists", () => current);

  step("lãnh đạo lọc 'Sắp đến hạn', lưu bộ lọc có tên và áp dụng lại sau khi tải lại trang", async () => {
    const { page } = leader;
    current = page;
    await page.goto(`${h.baseUrl}/requests?box=inbox`);
    await rowOf(page, LATER).waitFor();
    await pick(page, "Hạn xử lý", "Sắp đến hạn");
    await rowOf(page, SOON[0]).waitFor();
    await rowOf(page, LATER).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Lưu bộ lọc" }).click();
    await page.getByLabel("Tên bộ lọc").fill(`Sắp đến hạn ${TAG}`);
    await page.getByRole("dialog").getByRole("button", { name: "Lưu bộ lọc" }).click();
    await page.getByText(`Đã lưu bộ lọc "Sắp đến hạn ${TAG}"`).waitFor();
    await page.reload();
    await rowOf(page, LATER).waitFor();
    await pick(page, "Bộ lọc đã lưu", `Sắp đến hạn ${TAG}`);
    await rowOf(page, LATER).waitFor({ state: "detached" });
    await rowOf(page, SOON[1]).waitFor();
  });

  step("lãnh đạo chọn hai yêu cầu và giao cho một cán bộ bằng một thao tác", async () => {
    const { page } = leader;
    current = page;
    for (const topic of SOON) await rowOf(page, topic).locator(".ant-table-selection-column input").check();
    await page.getByTestId("bulk-bar").getByText("Đã chọn 2 mục").waitFor();
    await page.getByRole("button", { name: "Giao cho cán bộ" }).click();
    await pick(page, "Người thực hiện", "Lê Thị Hương");
    await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
    await page.getByRole("dialog").getByRole("button", { name: "Giao", exact: true }).click();
    await page.getByText("Đã giao 2 việc").waitFor();
    await page.getByTestId("bulk-bar").waitFor({ state: "detached" });
  });

  step(
    "cán bộ thấy hai việc ở 'Giao cho tôi', đánh dấu đã đọc từ danh sách: chuông của mình giảm, của lãnh đạo không",
    async () => {
      const { page } = officer;
      current = page;
      await page.reload();
      await page.getByRole("tab", { name: /Giao cho tôi/ }).click();
      for (const topic of SOON)
        await page
          .getByRole("link", { name: new RegExp(topic) })
          .first()
          .waitFor();
      const before = await bellUnread(page);
      await page.getByTestId("bell").click();
      await page
        .getByTestId("bell-list")
        .getByText(new RegExp(`Bạn được giao: .*${SOON[0]}`))
        .first()
        .waitFor();
      await page.keyboard.press("Escape");
      await page.goto(`${h.baseUrl}/requests?box=inbox`);
      for (const topic of SOON) await rowOf(page, topic).locator(".ant-table-selection-column input").check();
      // The leader's count on the server just before (the leader's page may not have refreshed since the assignment).
      const leaderUnread = await serverUnread(leader.page);
      await page.getByRole("button", { name: "Đánh dấu đã đọc", exact: true }).click();
      await page.getByText(/Đã đánh dấu đã đọc [1-9]\d* thông báo/).waitFor();
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="bell"]')?.getAttribute("data-unread")) < n,
        before,
      );
      assert.equal(await serverUnread(leader.page), leaderUnread, "thông báo của cơ quan vẫn chưa đọc với lãnh đạo");
      await leader.page.reload();
      assert.equal(await bellUnread(leader.page), leaderUnread, "chuông của lãnh đạo sau khi tải lại");
    },
  );

  step("trang chủ và ngăn thông báo vừa màn hình 390 px", async () => {
    const phone = await signedInPage(h, "stp.thanhhoa.canbo", { viewport: { width: 390, height: 844 } });
    current = phone.page;
    await phone.page.getByRole("tab", { name: /Việc của cơ quan/ }).waitFor();
    await phone.page.waitForLoadState("networkidle");
    const overflow = () => phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    /** The outermost elements reaching past the right edge (to name the culprit when the page overflows). */
    const culprits = () =>
      phone.page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
          .slice(0, 5)
          .map(
            (e) => `${e.tagName}.${String(e.className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`,
          ),
      );
    assert.ok(
      (await overflow()) <= 0,
      `trang chủ tràn ngang ${await overflow()} px: ${(await culprits()).join(" | ")}`,
    );
    await phone.page.getByTestId("bell").click();
    const list = phone.page.getByTestId("bell-list");
    await list.waitFor();
    // The drawer slides in from the right: measure once its animation has settled.
    let box = await list.boundingBox();
    for (let i = 0; i < 50 && !(box && box.x >= 0 && box.x + box.width <= 390); i++) {
      await phone.page.waitForTimeout(100);
      box = await list.boundingBox();
    }
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `ngăn thông báo vượt màn hình: ${JSON.stringify(box)}`);
    assert.ok((await overflow()) <= 0, "mở chuông làm trang tràn ngang");
    await phone.context.close();
  });
});
