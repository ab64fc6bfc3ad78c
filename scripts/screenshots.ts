// Screenshots of the main screens for docs/screenshots/ (desktop 1366 px and phone 390 px), from the demo data in a
// fresh test database, the real server and Chromium. Not part of npm test: run `node scripts/screenshots.ts`
// (needs TEST_DATABASE_URL or uses PGlite; the web UI is built into .cache/ like the browser tests do).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { login, newPage, ROOT, startHarness } from "../tests/e2e/harness.ts";

const SCREENS: Array<{ name: string; path: string }> = [
  { name: "dashboard", path: "/" },
  { name: "claims", path: "/claims" },
  { name: "claim-timeline", path: "claim" },
  { name: "plan-board", path: "/plans" },
  { name: "requests", path: "/requests" },
  { name: "statistics", path: "/statistics" },
  { name: "reports", path: "/reports" },
  { name: "calendar", path: "/calendar" },
  { name: "incoming-register", path: "/incoming" },
  { name: "outgoing-register", path: "/register" },
  { name: "case-lists", path: "/case-lists" },
  { name: "public-submissions", path: "/public-submissions" },
];
// The citizens' portal, without a login.
const PUBLIC_SCREENS: Array<{ name: string; path: string }> = [
  { name: "public-home", path: "/cong-dan" },
  { name: "public-check", path: "/cong-dan/kiem-tra" },
  { name: "public-submit", path: "/cong-dan/nop-ho-so" },
  { name: "public-status", path: "/cong-dan/tra-cuu" },
];
const SIZES = [
  { suffix: "", viewport: { width: 1366, height: 860 } },
  { suffix: "-390", viewport: { width: 390, height: 844 } },
];

const dir = join(ROOT, "docs", "screenshots");
mkdirSync(dir, { recursive: true });
const h = await startHarness();
try {
  for (const { suffix, viewport } of SIZES) {
    const { context, page } = await newPage(h, { width: 1366, height: 860 });
    page.setDefaultTimeout(60_000);
    await login(page, h.baseUrl, "stp.thanhhoa.canbo");
    await page.setViewportSize(viewport);
    for (const s of SCREENS) {
      if (s.path === "claim") {
        await page.goto(`${h.baseUrl}/claims`);
        await page.locator("main .ant-table-row a").first().click();
      } else await page.goto(`${h.baseUrl}${s.path}`);
      await page.waitForLoadState("networkidle");
      await page.locator("#main").waitFor();
      await page.waitForFunction(() => !document.querySelector(".ant-spin-spinning"), null, { timeout: 60_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(dir, `${s.name}${suffix}.png`) });
      console.log(`docs/screenshots/${s.name}${suffix}.png`);
    }
    await context.close();
    const pub = await newPage(h, viewport);
    for (const s of PUBLIC_SCREENS) {
      await pub.page.goto(`${h.baseUrl}${s.path}`);
      await pub.page.locator("h1").first().waitFor();
      await pub.page.waitForLoadState("networkidle");
      await pub.page.waitForTimeout(500);
      await pub.page.screenshot({ path: join(dir, `${s.name}${suffix}.png`) });
      console.log(`docs/screenshots/${s.name}${suffix}.png`);
    }
    await pub.context.close();
  }
} finally {
  await h.close();
}
