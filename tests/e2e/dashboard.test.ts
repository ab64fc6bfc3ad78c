// Dashboard ranking per province and trend per year and field in Chromium (issue 6 §6), on the demo data. The table
// is checked against /api/statistics (the statistics endpoint's own per-province rows, TT 08/2019 Mẫu 03/04): every
// province with claims handled in 2025 is listed with the same numbers, ranked in descending order; a province user
// (Sở Tư pháp Thanh Hóa — province scope, TT 08/2019/TT-BTP Điều 4 khoản 2) sees its own province only; English labels.
// An enforcement office (THADS tỉnh) gets no ranking on its home (issue 11 item 1), and the menu's badges show the
// counts of the home's groups.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import {
  apiSession,
  browserAvailability,
  contextCookies,
  failureShot,
  type Harness,
  pick,
  settled,
  signedInPage,
  startHarness,
} from "./harness.ts";

const { skip } = browserAvailability();
const YEAR = "2025";
type Fig = { value: number };
type Stats = { by_province: Record<string, Record<string, Fig>> };

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 });

/** Table rows of the ranking card: [rank, province, handled, resolved, in progress, to pay, paid, score]. */
async function rows(page: Page): Promise<string[][]> {
  const card = page.getByTestId("province-ranking");
  const trs = card.locator("tbody tr.ant-table-row");
  const out: string[][] = [];
  for (let i = 0; i < (await trs.count()); i++)
    out.push((await trs.nth(i).locator("td").allInnerTexts()).map((s) => s.trim()));
  return out;
}

/** Types the ranking year and waits until that year, in order `sort`, is loaded (the card's data-loaded). */
async function chooseYear(page: Page, sort = "handled") {
  const card = page.getByTestId("province-ranking");
  await card.getByLabel("Năm xếp hạng").fill(YEAR);
  await card.getByLabel("Năm xếp hạng").press("Tab");
  await loaded(page, sort);
}
const loaded = (page: Page, sort: string) =>
  page.locator(`[data-testid="province-ranking"][data-loaded="${YEAR}:${sort}"]`).waitFor();

describe("Tổng quan: xếp hạng theo tỉnh và xu hướng theo năm, lĩnh vực (vấn đề 6 mục 6)", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let current: Page | undefined;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test("Cấp trung ương: mọi tỉnh có vụ việc, số liệu khớp /api/statistics, xếp hạng giảm dần", async () => {
    const { context, page } = await signedInPage(h, "cucbtnn.canbo", { viewport: { width: 1600, height: 1000 } });
    current = page;
    try {
      await page.getByTestId("province-ranking").waitFor();
      await chooseYear(page);
      const res = await h.app.inject({
        method: "GET",
        url: `/api/statistics?kind=year&year=${YEAR}`,
        cookies: await contextCookies(context),
      });
      const stats = res.json() as Stats;
      const expected = Object.entries(stats.by_province)
        .filter(([, r]) =>
          ["handled", "resolved", "in_progress", "amount_to_pay", "amount_paid"].some((k) => r[k].value),
        )
        .map(([id, r]) => ({ id, handled: r.handled.value, paid: r.amount_paid.value, resolved: r.resolved.value }));
      assert.ok(expected.length >= 2, "dữ liệu mẫu có vụ việc ở nhiều tỉnh");

      const table = await rows(page);
      assert.equal(table.length, expected.length, "một dòng mỗi tỉnh có số liệu");
      const handled = table.map((r) => Number(r[2]));
      assert.deepEqual(
        handled,
        [...handled].sort((a, b) => b - a),
      );
      assert.equal(table[0][0], "1");
      assert.equal(handled[0], Math.max(...expected.map((e) => e.handled)));
      // Thanh Hóa's row carries the statistics figures of its UBND tỉnh.
      const th = expected.find((e) => e.id === "ubnd-thanh-hoa");
      assert.ok(th, "Thanh Hóa có vụ việc năm 2025 trong dữ liệu mẫu");
      const thRow = table.find((r) => r[1].includes("Thanh Hóa"));
      assert.ok(thRow, "dòng Thanh Hóa");
      assert.deepEqual([Number(thRow[2]), Number(thRow[3]), thRow[6]], [th.handled, th.resolved, vnd.format(th.paid)]);
      await page.getByTestId("province-ranking").getByRole("img").locator("canvas").waitFor();

      // Rank by amount paid: the first row is the province that paid most.
      const topPaid = vnd.format(Math.max(...expected.map((e) => e.paid)));
      await pick(page, "Xếp hạng theo", "Số tiền đã chi trả");
      await loaded(page, "amount_paid");
      const byPaid = await rows(page);
      assert.equal(byPaid[0][6], topPaid);

      // Trend per year and field: a stacked bar chart is drawn for the chosen indicator.
      const trend = page.getByTestId("trend-by-field");
      await trend.getByRole("img", { name: "Xu hướng theo năm và lĩnh vực" }).locator("canvas").waitFor();
      await pick(page, "Chỉ tiêu xu hướng", "Đã giải quyết (quyết định có hiệu lực)");
      await trend.getByRole("img").locator("canvas").waitFor();
    } catch (e) {
      await failureShot(current, "dashboard-national");
      throw e;
    } finally {
      await context.close();
    }
  });

  test("Sở Tư pháp Thanh Hóa chỉ thấy tỉnh mình; nhãn tiếng Anh khi đổi ngôn ngữ", async () => {
    const { context, page } = await signedInPage(h, "stp.thanhhoa.canbo", { viewport: { width: 1600, height: 1000 } });
    current = page;
    try {
      await page.getByTestId("province-ranking").waitFor();
      await chooseYear(page);
      const table = await rows(page);
      assert.equal(table.length, 1);
      assert.match(table[0][1], /Thanh Hóa/);
      assert.equal(table[0][0], "1");
      await page.getByText("Phạm vi dữ liệu của cơ quan chỉ gồm tỉnh, thành phố của mình", { exact: false }).waitFor();

      // The same figure as the nationwide statistics row of Thanh Hóa.
      const national = await apiSession(h, "cucbtnn.canbo");
      const stats = (await national("GET", `/api/statistics?kind=year&year=${YEAR}`)) as Stats;
      assert.equal(Number(table[0][2]), stats.by_province["ubnd-thanh-hoa"].handled.value);

      await page.evaluate(() => localStorage.setItem("btnn.lang", "en"));
      await page.reload();
      const card = page.getByTestId("province-ranking");
      await card.getByText("Ranking by province").waitFor();
      await card.getByRole("columnheader", { name: "Claims handled" }).waitFor();
      await page.getByTestId("trend-by-field").getByText("Trend by year and field").waitFor();
    } catch (e) {
      await failureShot(current, "dashboard-province");
      throw e;
    } finally {
      await context.close();
    }
  });

  test("THADS tỉnh Thanh Hóa: trang chủ không có bảng xếp hạng; số trên menu bằng số các nhóm trên trang chủ", async () => {
    // One item given to the officer, so that "Giao cho tôi" counts it: the leader assigns through the API (the
    // assignment screen is driven in inbox.test.ts and task-workflow.test.ts).
    const leader = await apiSession(h, "thads.thanhhoa.lanhdao");
    const inbox = (await leader("GET", "/api/inbox")) as {
      items: Array<{ kind: string; id: string; title: string }>;
      counts: { overdue: number };
    };
    assert.ok(inbox.counts.overdue > 0, "dữ liệu mẫu có việc quá hạn của THADS tỉnh Thanh Hóa");
    const people = (await leader("GET", "/api/inbox/assignees")) as Array<{ id: string; username: string }>;
    const given = inbox.items[0];
    await leader("POST", "/api/inbox/assign", {
      kind: given.kind,
      id: given.id,
      assignee_id: people.find((p) => p.username === "thads.thanhhoa.canbo")?.id,
    });
    const { context, page } = await signedInPage(h, "thads.thanhhoa.canbo", {
      viewport: { width: 1600, height: 1000 },
    });
    current = page;
    try {
      // The badge's number (antd puts the count in the title of its <sup>), read until it is the home's.
      const badge = (id: string, home: number) =>
        settled(
          () =>
            page
              .getByTestId(id)
              .locator("sup")
              .getAttribute("title", { timeout: 5_000 })
              .then(Number)
              .catch(() => Number.NaN),
          (n) => n === home,
        );
      const groups = async (tab: RegExp) => {
        const panel = page.getByRole("tabpanel", { name: tab });
        const n: number[] = [];
        for (const g of ["overdue", "due_soon", "later", "waiting"])
          n.push(Number((await panel.getByTestId(`count-${g}`).innerText()).split(":").pop()));
        return n;
      };
      // The agency's groups, once the list is read (the home shows 0 until then).
      await page
        .getByRole("tabpanel", { name: /Việc của cơ quan/ })
        .getByTestId("count-overdue")
        .filter({ hasText: `Quá hạn: ${inbox.counts.overdue}` })
        .waitFor();
      const agency = await groups(/Việc của cơ quan/);
      assert.equal(
        await badge("menu-overdue", agency[0]),
        agency[0],
        "số quá hạn trên menu = nhóm “Quá hạn” của trang chủ",
      );
      await page.getByRole("tab", { name: /Giao cho tôi/ }).click();
      const minePanel = page.getByRole("tabpanel", { name: /Giao cho tôi/ });
      await minePanel.getByRole("link", { name: given.title }).waitFor();
      const mine = await groups(/Giao cho tôi/);
      const mineTotal = mine.reduce((a, b) => a + b, 0);
      assert.ok(mineTotal > 0);
      assert.equal(
        await badge("menu-mine", mineTotal),
        mineTotal,
        "số việc giao cho tôi trên menu = tổng các nhóm của “Giao cho tôi”",
      );

      // The home's overview, once the agency directory is read (the THADS role is known from it): no ranking.
      await page
        .getByText(/Số liệu trong phạm vi của Thi hành án dân sự .*Thanh Hóa/)
        .first()
        .waitFor();
      await page.getByTestId("trend-by-field").waitFor();
      assert.equal(await page.getByTestId("province-ranking").count(), 0, "THADS không thấy bảng xếp hạng");
    } catch (e) {
      await failureShot(current, "dashboard-thads");
      throw e;
    } finally {
      await context.close();
    }
  });
});
