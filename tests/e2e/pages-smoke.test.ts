// Browser smoke test: every screen of the menu opens in Chromium for the roles that use it, shows its Vietnamese
// heading, and raises no page error (an uncaught exception or the route error screen fails the test).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { browserAvailability, failureShot, type Harness, login, newPage, startHarness } from "./harness.ts";

const { skip } = browserAvailability();

const PAGES: Array<{ user: string; path: string }> = [
  { user: "admin", path: "/statistics" },
  { user: "admin", path: "/reports" },
  { user: "stp.thanhhoa.canbo", path: "/evaluation" },
  { user: "cucbtnn.canbo", path: "/inspections" },
  { user: "stp.thanhhoa.canbo", path: "/trainings" },
  { user: "stp.thanhhoa.canbo", path: "/case-lists" },
  { user: "cucbtnn.canbo", path: "/meetings" },
  { user: "stp.thanhhoa.canbo", path: "/register" },
  { user: "admin", path: "/admin/agencies" },
  { user: "admin", path: "/admin/users" },
  { user: "admin", path: "/admin/holidays" },
  { user: "admin", path: "/admin/parameters" },
  { user: "admin", path: "/admin/audit" },
  { user: "cucbtnn.canbo", path: "/admin/public-content" },
  { user: "stp.thanhhoa.canbo", path: "/profile" },
];

describe("Mọi màn hình mở được, không lỗi trang", { skip, concurrency: false }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const user of [...new Set(PAGES.map((p) => p.user))]) {
    test(`các màn hình của ${user}`, async () => {
      const { context, page } = await newPage(h);
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      try {
        await login(page, h.baseUrl, user);
        for (const { path } of PAGES.filter((p) => p.user === user)) {
          await page.goto(`${h.baseUrl}${path}`);
          await page
            .locator("main h1, main h2, main h3, .ant-card-head-title, .ant-page-header-heading-title")
            .first()
            .waitFor();
          await page.waitForLoadState("networkidle");
          assert.equal(await page.getByText("Đã xảy ra lỗi", { exact: false }).count(), 0, `${path}: màn hình lỗi`);
          assert.deepEqual(errors, [], `${path}: lỗi JavaScript`);
        }
      } catch (e) {
        await failureShot(page, `smoke-${user}`);
        throw e;
      } finally {
        await context.close();
      }
    });
  }
});
