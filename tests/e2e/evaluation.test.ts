// QĐ 3062/QĐ-BTP evaluation in Chromium (KH Thanh Hóa 2024 mục II.5): Sở Tư pháp Thanh Hóa enters a manual score with
// its reason for a criterion that cannot be computed (I.3b, kỷ luật người thi hành công vụ) and submits its
// self-assessment → Cục BTNN reviews it, lowering that score with its own reason → the ranking table and chart show the
// reviewed total; the dashboard ranking per province, sorted by score, carries the same total.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import type { Page } from "playwright-core";
import {
  browserAvailability,
  contextCookies,
  type Harness,
  newPage,
  pick,
  type SignedIn,
  screenshot,
  settled,
  signIn,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();
const YEAR = "2025";
const SELF_REASON = "Đã xử lý kỷ luật 02 công chức gây thiệt hại (Quyết định số 15/QĐ-UBND)";
const REVIEW_REASON = "Thẩm định: chỉ 01 trường hợp có hồ sơ kỷ luật đầy đủ";

/** Total shown in the criteria card's tag: "Tổng điểm: 41/100 (41%) — …". */
async function shownTotal(page: Page): Promise<number> {
  const text = await page.locator(".ant-card-extra .ant-tag", { hasText: "Tổng điểm" }).first().innerText();
  const m = /Tổng điểm:\s*([\d.]+)\//.exec(text);
  assert.ok(m, text);
  return Number(m[1]);
}

describe("Đánh giá theo QĐ 3062/QĐ-BTP trong Chromium — tự đánh giá, thẩm định, xếp hạng (KH 2024 Thanh Hóa mục II.5)", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let province: SignedIn;
  let ministry: SignedIn;
  let current: Page | undefined;
  let selfTotal = 0;
  let reviewTotal = 0;

  before(async () => {
    h = await startHarness();
    province = await newPage(h);
    ministry = await newPage(h);
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("evaluation", () => current);

  step("Sở Tư pháp Thanh Hóa chấm thủ công tiêu chí I.3b có lý do và gửi bản tự đánh giá", async () => {
    const { page } = province;
    current = page;
    await signIn(page, h.baseUrl, "stp.thanhhoa.canbo");
    await page.goto(`${h.baseUrl}/evaluation`);
    await page.getByRole("heading", { name: "Đánh giá kết quả công tác bồi thường nhà nước" }).waitFor();
    await page.getByLabel("Năm", { exact: true }).fill(YEAR);
    await page.getByLabel("Năm", { exact: true }).press("Tab");
    await page.getByRole("cell", { name: "Xử lý kỷ luật người thi hành công vụ gây thiệt hại" }).waitFor();
    await page.locator(`[data-testid="evaluation-criteria"][data-loaded="${YEAR}:stp-thanh-hoa"]`).waitFor();
    const before = await shownTotal(page);

    // A manual score without a reason is refused by the server with a Vietnamese message; nothing is stored.
    await page.getByLabel("Chấm thủ công I.3b").fill("8");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.getByText("Phải nêu lý do khi chấm điểm thủ công", { exact: false }).waitFor();

    await page.getByLabel("Lý do (bắt buộc) I.3b").fill(SELF_REASON);
    await page.getByRole("button", { name: "Gửi bản tự đánh giá" }).click();
    await page.getByTestId("assessment-status").getByText("Đã gửi tự đánh giá").waitFor();
    // The criterion now shows 8/10 and the total rose by 8 (I.3b had 0 before: "chưa nhập điểm").
    await page.getByRole("row", { name: /I\.3b/ }).getByText("8/10").waitFor();
    selfTotal = await shownTotal(page);
    assert.equal(selfTotal, before + 8);
    // Submitted: the province can no longer change it.
    assert.equal(await page.getByRole("button", { name: "Gửi bản tự đánh giá" }).isDisabled(), true);
    // The province's ranking holds its own row only (scope), with the self-assessed total.
    const ranking = page.getByTestId("evaluation-ranking");
    await ranking.getByRole("cell", { name: "Sở Tư pháp tỉnh Thanh Hóa" }).waitFor();
    assert.equal(await ranking.locator("tbody tr.ant-table-row").count(), 1);
  });

  step("Cục BTNN thẩm định: hạ điểm I.3b xuống 6 có lý do → trạng thái Đã thẩm định", async () => {
    const { page } = ministry;
    current = page;
    await signIn(page, h.baseUrl, "cucbtnn.canbo");
    await page.goto(`${h.baseUrl}/evaluation`);
    await page.getByLabel("Năm", { exact: true }).fill(YEAR);
    await page.getByLabel("Năm", { exact: true }).press("Tab");
    await pick(page, "Cơ quan", "Sở Tư pháp tỉnh Thanh Hóa", "So Tu phap tinh Thanh Hoa");
    await page.getByTestId("assessment-status").getByText("Đã gửi tự đánh giá").waitFor();
    // The province's reason is shown to the reviewer.
    const reason = page.getByLabel("Lý do (bắt buộc) I.3b");
    assert.equal(
      await settled(
        () => reason.inputValue(),
        (v) => v === SELF_REASON,
      ),
      SELF_REASON,
    );
    await page.getByLabel("Chấm thủ công I.3b").fill("6");
    await page.getByLabel("Lý do (bắt buộc) I.3b").fill(REVIEW_REASON);
    await page.getByRole("button", { name: "Thẩm định (Bộ Tư pháp)" }).click();
    await page.getByTestId("assessment-status").getByText("Đã thẩm định").waitFor();
    reviewTotal = selfTotal - 2;

    // Stored as the review: the API says so (self total kept, review total 2 lower, the reviewer's reason kept).
    const res = await h.app.inject({
      method: "GET",
      url: `/api/evaluation/ranking?set_id=qd-3062-2019&year=${YEAR}`,
      cookies: await contextCookies(ministry.context),
    });
    const items = (
      res.json() as {
        items: Array<{ agency_id: string; self_total: number; review_total: number; total: number; status: string }>;
      }
    ).items;
    const th = items.find((i) => i.agency_id === "stp-thanh-hoa");
    assert.deepEqual(th && { self: th.self_total, review: th.review_total, total: th.total, status: th.status }, {
      self: selfTotal,
      review: reviewTotal,
      total: reviewTotal,
      status: "reviewed",
    });
  });

  step(
    "Bảng xếp hạng và biểu đồ hiển thị điểm thẩm định; bảng xếp hạng theo tỉnh trên trang Tổng quan cũng vậy",
    async () => {
      const { page } = ministry;
      current = page;
      const ranking = page.getByTestId("evaluation-ranking");
      const row = ranking.getByRole("row", { name: /Sở Tư pháp tỉnh Thanh Hóa/ });
      await row.getByText("Đã thẩm định").waitFor();
      const cells = await row.locator("td").allInnerTexts();
      // Hạng | Cơ quan | Điểm tự chấm | Điểm thẩm định | Tổng điểm | % | Xếp loại | Trạng thái
      assert.equal(cells[0], "1");
      assert.deepEqual(cells.slice(2, 5).map(Number), [selfTotal, reviewTotal, reviewTotal]);
      // The ECharts bar chart is drawn (a canvas inside the labelled chart box).
      await ranking.getByRole("img", { name: "Bảng xếp hạng" }).locator("canvas").waitFor();
      await screenshot(page, "evaluation-ranking");

      await page.goto(`${h.baseUrl}/`);
      const card = page.getByTestId("province-ranking");
      await card.getByLabel("Năm xếp hạng").fill(YEAR);
      await card.getByLabel("Năm xếp hạng").press("Tab");
      await pick(page, "Xếp hạng theo", "Điểm đánh giá (QĐ 3062)");
      const provRow = card.locator("tr.ant-table-row", { hasText: "Thanh Hóa" });
      await provRow.getByText(new RegExp(`^${reviewTotal} \\(`)).waitFor();
      assert.equal((await provRow.locator("td").first().innerText()).trim(), "1");
      await provRow.getByText("Đã thẩm định").waitFor();
    },
  );
});
