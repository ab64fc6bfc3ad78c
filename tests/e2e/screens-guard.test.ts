// Browser guards over every menu screen of every demo role: a heading and no error screen, no console error or
// unhandled rejection, no text that looks like a raw key (snake_case, a dotted i18n key, an English word taken from the
// i18n keys), and no horizontal overflow at 390 px. One browser context per role (one demo account each, signed in
// through the API); the menu is read at desktop width, then every screen is visited at 390 px by client-side navigation
// (full loads: the home screen, a reload of /claims and the login page). A province officer's own screens likewise.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DEMO_USERS } from "../../src/db/seed/users.ts";
import {
  browserAvailability,
  failureShot,
  type Harness,
  newPage,
  ROOT,
  signedInPage,
  signIn,
  startHarness,
} from "./harness.ts";

const { skip } = browserAvailability();
const CLAIMANT_NAME = "Họ tên người yêu cầu bồi thường";

/** Console messages that are not defects, each with why. Keep this list short. */
const CONSOLE_ALLOW: Array<{ re: RegExp; why: string }> = [];

// ---- raw-key detector, built from the i18n dictionaries -------------------------------------------------------
function dictionary(file: string): Record<string, string> {
  const src = readFileSync(join(ROOT, "web/src/shared/i18n", file), "utf8");
  const out: Record<string, string> = {};
  for (const m of src.matchAll(/^\s*"([^"]+)":\s*\n?\s*"((?:[^"\\]|\\.)*)"/gm)) out[m[1]] = m[2];
  return out;
}
const VI = dictionary("vi.ts");
const KEYS = new Set(Object.keys(VI));
/** Words a Vietnamese screen may show in plain ASCII: every ASCII word of the Vietnamese dictionary's texts. */
const VI_WORDS = new Set(
  Object.values(VI)
    .flatMap((s) => s.split(/[^A-Za-z]+/))
    .map((w) => w.toLowerCase()),
);
/** English words of the i18n keys ("claims", "passed", "overdue"…) that Vietnamese text never uses. */
const KEY_WORDS = new Set(
  [...KEYS]
    .flatMap((k) => k.split(/[._]|(?=[A-Z])/))
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 4 && /^[a-z]+$/.test(w) && !VI_WORDS.has(w))
    // data, not keys: the user names of the demo accounts ("admin") are shown on the users screen
    .filter((w) => !DEMO_USERS.some((u) => u.username === w)),
);

/** The raw keys found in a screen's visible text, each with the text around it. */
export function rawKeys(text: string): string[] {
  const found = new Map<string, string>();
  const hit = (m: RegExpMatchArray) => {
    const i = m.index ?? 0;
    if (!found.has(m[0])) found.set(m[0], text.slice(Math.max(0, i - 30), i + m[0].length + 30).replace(/\s+/g, " "));
  };
  for (const m of text.matchAll(/(?<![\w.@/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g)) hit(m);
  for (const m of text.matchAll(/(?<![\w@/-])[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+/g)) if (KEYS.has(m[0])) hit(m);
  // lower-case words only: an English key word written as a sentence would be capitalised by a translator's hand
  for (const m of text.matchAll(/(?<![\p{L}\d_.@/-])[a-z]+(?![\p{L}\d_@/-])/gu)) if (KEY_WORDS.has(m[0])) hit(m);
  return [...found].map(([k, around]) => `"${k}" trong "…${around}…"`);
}

// ---- page helpers -------------------------------------------------------------------------------------------------
/** Waits until no request is in flight and no spinner/skeleton is shown (for 200 ms). */
async function settle(page: Page, inflight: () => number) {
  const deadline = Date.now() + 15_000;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const busy =
      inflight() > 0 ||
      (await page.locator(".ant-spin-spinning:visible, .ant-skeleton-active:visible, .ant-spin-dot:visible").count()) >
        0;
    if (busy) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
    await page.waitForTimeout(50);
  }
}

/** Menu screens of the signed-in user, read from the side menu (its item keys are the paths). */
async function menuPaths(page: Page): Promise<string[]> {
  const ids = await page
    .locator("nav li[data-menu-id]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-menu-id") ?? ""));
  return [...new Set(ids.map((id) => /-(\/[\w/-]*)$/.exec(id)?.[1]).filter((p): p is string => !!p))];
}

/** The page's scroll width and the outermost elements sticking out past the right edge (to name the culprit). */
function overflow() {
  const inner = window.innerWidth;
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      const r = c.getBoundingClientRect();
      const style = getComputedStyle(c);
      if (r.right > inner + 0.5 && r.width > 0 && style.position !== "fixed") {
        const kids = out.length;
        if (style.overflowX === "visible") walk(c);
        if (out.length === kids)
          out.push(
            `${c.tagName.toLowerCase()}.${String(c.className).split(" ").slice(0, 2).join(".")} → ${Math.round(r.right)}`,
          );
      } else if (style.overflowX === "visible") walk(c);
      if (out.length >= 3) return;
    }
  };
  walk(document.body);
  return { scroll: document.documentElement.scrollWidth, inner, culprits: out.join("; ") };
}

/** Moves to `path` without a full load. The entry carries the router's own history state (its index): a screen that
 * guards unsaved changes (useBlocker) is then asked, as for a Back within the app; an entry without it made React
 * Router warn that a blocker cannot act on a navigation it did not create. */
async function clientNavigate(page: Page, path: string) {
  await page.evaluate((p) => {
    const idx = ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1;
    window.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx }, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** One demo account per role (every account with BTNN_GUARD_ALL_ACCOUNTS=1): the menu depends on the role. */
const ACCOUNTS = DEMO_USERS.filter(
  (u, i) => process.env.BTNN_GUARD_ALL_ACCOUNTS === "1" || DEMO_USERS.findIndex((v) => v.role === u.role) === i,
)
  .map((u) => u.username)
  .filter((u) => !process.env.GUARD_USER || u === process.env.GUARD_USER);
/** A province officer's screens whose data scope differs from the central officer's, and the profile (not in the menu). */
const PROVINCE_OFFICER = "stp.thanhhoa.canbo";
const PROVINCE_PATHS = ["/evaluation", "/trainings", "/case-lists", "/register", "/profile"];
/** Screens that show a heading (the plan board, for one, has none until a plan is chosen). */
const HEADED = new Set([
  ...PROVINCE_PATHS,
  ...["/statistics", "/reports", "/inspections", "/meetings", "/admin/agencies", "/admin/users"],
  ...["/admin/holidays", "/admin/parameters", "/admin/audit", "/admin/public-content"],
]);
/** Raw keys known to be shown, each with why (keep short): the profile lists the permission keys as they are. */
const RAW_KEYS_KNOWN: Record<string, string> = {};
const HEADING = "main h1, main h2, main h3, .ant-card-head-title, .ant-page-header-heading-title";
const APP_ERROR = "Đã xảy ra lỗi";

/** A signed-in page watched for page errors and console errors/warnings (each problem says on which screen). */
async function watchedPage(h: Harness, username: string) {
  const s = await newPage(h);
  const w = { ...s, problems: [] as string[], where: "/", inflight: 0 };
  s.page.on("request", () => w.inflight++);
  s.page.on("requestfinished", () => w.inflight--);
  s.page.on("requestfailed", () => w.inflight--);
  s.page.on("pageerror", (e) => w.problems.push(`${w.where}: lỗi trang: ${e.message}`));
  s.page.on("console", (m) => {
    if (m.type() !== "error" && m.type() !== "warning") return;
    const text = `${m.text()} ${m.location().url ?? ""}`;
    if (CONSOLE_ALLOW.some((a) => a.re.test(text))) return;
    w.problems.push(`${w.where}: console.${m.type()}: ${text}`);
  });
  // Watched from the first signed-in load (the home screen, then the menu read at desktop width).
  await signIn(s.page, h.baseUrl, username);
  await s.page.goto(`${h.baseUrl}/`);
  await s.page.getByTestId("bell").waitFor();
  return w;
}
type Watched = Awaited<ReturnType<typeof watchedPage>>;

/** Opens each screen by client-side navigation at 390 px and notes what is wrong on it: no heading, the error screen,
 * horizontal overflow, raw keys (console and page errors are noted as they come). */
async function guardScreens(w: Watched, paths: string[]) {
  const { page } = w;
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of paths.filter((p) => !process.env.GUARD_PATHS || process.env.GUARD_PATHS.includes(p))) {
    w.where = path;
    const t0 = Date.now();
    await clientNavigate(page, path);
    await settle(page, () => w.inflight);
    if (HEADED.has(path)) {
      const heading = await page
        .locator(HEADING)
        .first()
        .waitFor({ timeout: 20_000 })
        .then(
          () => true,
          () => false,
        );
      if (!heading) w.problems.push(`${path}: không có tiêu đề màn hình`);
    }
    if ((await page.getByText(APP_ERROR, { exact: false }).count()) > 0) w.problems.push(`${path}: màn hình lỗi`);
    const o = await page.evaluate(overflow);
    if (o.scroll > o.inner) w.problems.push(`${path}: tràn ngang ở 390 px (${o.scroll} px: ${o.culprits})`);
    const text = await page.locator("body").innerText();
    if (!RAW_KEYS_KNOWN[path]) for (const k of rawKeys(text)) w.problems.push(`${path}: khóa thô ${k}`);
    if (process.env.DEBUG_GUARD) console.log(w.where, Date.now() - t0);
  }
}

describe("Màn hình: không lỗi console, không lộ khóa thô, không tràn ngang ở 390 px", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const username of ACCOUNTS) {
    test(`mọi màn hình trong menu của ${username}`, async () => {
      const w = await watchedPage(h, username);
      try {
        const paths = await menuPaths(w.page);
        assert.ok(paths.length >= 10, `menu của ${username} quá ít mục: ${paths.join(", ")}`);
        await guardScreens(w, paths);
        // A full load of a deep screen (the router's first render).
        w.where = "tải lại /claims";
        await w.page.goto(`${h.baseUrl}/claims`);
        await settle(w.page, () => w.inflight);
        assert.deepEqual(w.problems, []);
      } catch (e) {
        await failureShot(w.page, `screens-guard-${username}`);
        throw e;
      } finally {
        await w.context.close();
      }
    });
  }

  test(`màn hình của cán bộ cấp tỉnh (${PROVINCE_OFFICER}): ${PROVINCE_PATHS.join(", ")}`, async () => {
    const w = await watchedPage(h, PROVINCE_OFFICER);
    try {
      await guardScreens(w, PROVINCE_PATHS);
      assert.deepEqual(w.problems, []);
    } catch (e) {
      await failureShot(w.page, "screens-guard-province");
      throw e;
    } finally {
      await w.context.close();
    }
  });

  test("hộp thoại có trường chưa hợp lệ: báo dưới trường, không có lỗi promise chưa xử lý", async () => {
    const { context, page } = await signedInPage(h, PROVINCE_OFFICER, { path: "/requests" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await page.getByRole("button", { name: "Tạo yêu cầu" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Lưu", exact: true }).click();
      await dialog.locator(".ant-form-item-explain-error").first().waitFor();
      await page.waitForTimeout(300);
      assert.deepEqual(errors, []);
    } catch (e) {
      await failureShot(page, "screens-guard-modal");
      throw e;
    } finally {
      await context.close();
    }
  });

  test("thay đổi chưa lưu: bấm menu thì hỏi trước; ở lại giữ nguyên, rời trang thì bỏ", async () => {
    const { context, page } = await signedInPage(h, PROVINCE_OFFICER, { path: "/claims/new" });
    try {
      await page.getByLabel(CLAIMANT_NAME, { exact: true }).fill("Nguyễn Văn Thử");
      await page.locator('nav li[data-menu-id$="-/claims"]').click();
      const ask = page.getByRole("dialog").filter({ hasText: "Rời trang khi chưa lưu?" });
      await ask.waitFor();
      await ask.getByRole("button", { name: "Ở lại để lưu" }).click();
      await ask.waitFor({ state: "hidden" });
      assert.equal(new URL(page.url()).pathname, "/claims/new");
      assert.equal(await page.getByLabel(CLAIMANT_NAME, { exact: true }).inputValue(), "Nguyễn Văn Thử");
      await page.locator('nav li[data-menu-id$="-/claims"]').click();
      await ask.getByRole("button", { name: "Rời trang, bỏ thay đổi" }).click();
      await page.waitForURL(`${h.baseUrl}/claims`);
    } catch (e) {
      await failureShot(page, "screens-guard-unsaved");
      throw e;
    } finally {
      await context.close();
    }
  });

  test("trang đăng nhập (chưa đăng nhập): không lỗi console, vừa 390 px", async () => {
    const { context, page } = await newPage(h, { width: 390, height: 844 });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`lỗi trang: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
    });
    try {
      await page.goto(`${h.baseUrl}/`);
      await page.getByLabel("Tên đăng nhập").waitFor();
      await page.waitForLoadState("networkidle");
      const w = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(w <= 0, `tràn ngang ${w} px`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
