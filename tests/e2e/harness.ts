// Browser-test harness: the real app in process (fresh test database + demo seed, web UI built once per source
// hash into .cache/, see web-build.ts), Debian's Chromium driven by playwright-core, and helpers for antd widgets.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildWeb } from "./web-build.ts";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const CHROMIUM = process.env.BTNN_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const DEMO_PASSWORD = "btnn@2026";

/** Whether browser tests run: Chromium missing is a FAILURE unless BTNN_SKIP_BROWSER=1. */
export function browserAvailability(): { skip: string | false } {
  if (existsSync(CHROMIUM)) return { skip: false };
  if (process.env.BTNN_SKIP_BROWSER === "1")
    return { skip: `Bỏ qua kiểm thử trình duyệt: không có ${CHROMIUM} (BTNN_SKIP_BROWSER=1)` };
  throw new Error(
    `Không tìm thấy Chromium tại ${CHROMIUM}. Cài bằng "apt-get install -y chromium fonts-noto-core" ` +
      `(hoặc đặt BTNN_CHROMIUM), hoặc đặt BTNN_SKIP_BROWSER=1 để bỏ qua kiểm thử trình duyệt.`,
  );
}

export { buildWeb, webSourceHash } from "./web-build.ts";

export type Harness = {
  database: Database;
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
};

export async function startHarness(): Promise<Harness> {
  const dist = await buildWeb();
  const database = await openTestDatabase();
  await seedDemo(database);
  const app = await buildApp({ database, config: {}, web: { dist } });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    database,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await app.close();
      await database.close();
    },
  };
}

/** A fresh browser context (own cookies and storage) at a laptop size; in Vietnam's time zone unless told. The
 * operating system's "reduce motion" is on unless `motion` is asked for: the app then switches antd's motions off, so a
 * click never lands on a dialog still zooming in and no spinner or toast lingers in its leave motion on a loaded
 * machine (each seen to fail a full run). */
export async function newPage(
  h: Harness,
  viewport = { width: 1366, height: 860 },
  opts: { timezoneId?: string; motion?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    viewport,
    locale: "vi-VN",
    timezoneId: opts.timezoneId ?? "Asia/Ho_Chi_Minh",
    reducedMotion: opts.motion ? "no-preference" : "reduce",
  });
  const page = await context.newPage();
  // A loaded 2-core machine runs a page 2–4× slower than CI: generous waits, never sleeps.
  page.setDefaultTimeout(60_000);
  return { context, page };
}

export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("acting-agency").waitFor();
}

/** Signs the page's browser context in through the login API (the context's cookie jar takes the session and CSRF
 * cookies): for set-up, where the sign-in screen is not what the test is about (web.test.ts drives that screen). */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  const r = await page.context().request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!r.ok()) throw new Error(`đăng nhập ${username}: ${r.status()} ${await r.text()}`);
}

export type SignedIn = { context: BrowserContext; page: Page };

/** A fresh context signed in as `username` (API sign-in), showing `path` once the signed-in header is there. */
export async function signedInPage(
  h: Harness,
  username: string,
  opts: { path?: string; viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<SignedIn> {
  const s = await newPage(h, opts.viewport, opts);
  await signIn(s.page, h.baseUrl, username);
  await s.page.goto(`${h.baseUrl}${opts.path ?? "/"}`);
  // The bell is in the header at every width (the agency name is hidden on a phone).
  await s.page.getByTestId("bell").waitFor();
  return s;
}

/** Several agencies' people side by side, one signed-in context each: role → username in, role → page out. */
export async function signedInPages<K extends string>(
  h: Harness,
  who: Record<K, string>,
): Promise<Record<K, SignedIn>> {
  const out = {} as Record<K, SignedIn>;
  for (const [role, username] of Object.entries(who) as Array<[K, string]>) out[role] = await signedInPage(h, username);
  return out;
}

/** JSON call from inside the page, with its session cookie and CSRF header (as the web app sends it). */
export async function pageFetch(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const csrf = document.cookie
        .split("; ")
        .find((c) => c.startsWith("btnn_csrf="))
        ?.slice(10);
      const r = await fetch(u as string, {
        method: m as string,
        headers: { "content-type": "application/json", ...(csrf ? { "x-csrf-token": decodeURIComponent(csrf) } : {}) },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      // biome-ignore lint/suspicious/noExplicitAny: a JSON body of any route
      return { status: r.status, body: (await r.json().catch(() => null)) as any };
    },
    [method, url, body] as const,
  );
}

/** The bell's unread count, read once the notifications have loaded and no refresh is in flight (before that it
 * shows 0 or the previous count). */
export async function bellUnread(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="bell"][data-ready="1"]').getAttribute("data-unread"));
}

/** The context's cookies as app.inject() takes them (to ask the API what the page's user may see). */
export async function contextCookies(context: BrowserContext): Promise<Record<string, string>> {
  return Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value]));
}

export type ApiSession = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) => Promise<unknown>;

/** Signs in through app.inject() and returns a caller with the session cookie and the CSRF header; a non-2xx answer
 * fails the test. */
export async function apiSession(h: Harness, username: string): Promise<ApiSession> {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`đăng nhập ${username}: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  return async (method, url, body) => {
    const r = await h.app.inject({
      method,
      url,
      cookies,
      headers: { "x-csrf-token": cookies.btnn_csrf ?? "" },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
}

/** `step(name, fn)`: one test of a journey; on failure the page `current()` names is shot into test-results/. */
export function stepper(prefix: string, current: () => Page | undefined) {
  return (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      try {
        await fn();
      } catch (e) {
        await failureShot(current(), `${prefix}-${name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 50)}`);
        throw e;
      }
    });
}

/** Reads `read()` until `ok` holds or `timeout` passes and returns the last reading: the caller asserts on it, so a
 * value still loading is waited for while a wrong value still fails (with what was last seen). */
export async function settled<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
  const until = Date.now() + timeout;
  let v = await read();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

/** A button by its exact label. After a busy state ends antd may keep the spinner icon (aria-label "loading", scaled
 * to 0) inside the button while its leave motion runs; under load it stayed for a minute (seen on "Lưu" and on
 * "Tải lên và nhập"), so that prefix is accepted. */
export function button(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return scope.getByRole("button", { name: new RegExp(`^(loading )?${escaped}$`) });
}

/**
 * Answers an antd confirmation dialog with one of its buttons. A click that lands while the dialog is still zooming in
 * can be lost (a full run once left the recall question open for a minute): while the dialog stays open and its button
 * is not busy with the action, it is clicked again, at most three times.
 */
export async function answerConfirm(page: Page, button: string) {
  const dialog = page.locator(".ant-modal-confirm").filter({ has: page.getByRole("button", { name: button }) });
  const target = dialog.getByRole("button", { name: button });
  await dialog.waitFor();
  for (let i = 0; i < 3; i++) {
    const busy = await target.evaluate((el) => el.classList.contains("ant-btn-loading")).catch(() => true);
    if (!busy) await target.click({ timeout: 10_000 }).catch(() => {});
    if (
      await dialog.waitFor({ state: "hidden", timeout: 20_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await dialog.waitFor({ state: "hidden" });
}

/** Closes the open drawer with its close button; true when closing asked first (an antd confirmation opened), false
 * when the drawer closed. Under load a click can be lost, or wait behind a toast that covers the button (a save's
 * "Đã lưu" sits over a right-hand drawer's close button at 1366 px): the button is clicked again, at most three times. */
export async function closeDrawer(page: Page): Promise<boolean> {
  // Closed drawers may stay in the page without the "open" class: only an open one counts.
  const drawer = page.locator(".ant-drawer.ant-drawer-open").last();
  const confirm = page.locator(".ant-modal-confirm");
  await drawer.waitFor();
  for (let i = 0; i < 3; i++) {
    // A save's toast over the button pauses its own timer while the pointer rests on it (the click's pointer did:
    // the toast never left, three clicks waited behind it): the pointer moves away and the toast is let go first.
    await page.mouse.move(1, 1);
    await page
      .locator(".ant-message-notice")
      .last()
      .waitFor({ state: "detached", timeout: 8_000 })
      .catch(() => {});
    await drawer
      .locator(".ant-drawer-close")
      .click({ timeout: 10_000 })
      .catch(() => {});
    const outcome = await Promise.race([
      drawer.waitFor({ state: "hidden", timeout: 15_000 }).then(() => "closed"),
      confirm.waitFor({ timeout: 15_000 }).then(() => "asked"),
    ]).catch(() => "none");
    if (outcome !== "none") return outcome === "asked";
  }
  throw new Error("Ngăn kéo không đóng, cũng không hỏi, sau ba lần bấm nút đóng");
}

/** Opens the antd Select labelled `label` and clicks the option containing `option` (typing `search` first if given).
 * Under load a click can land while the list is still opening or its options re-render and not take (CI: the list
 * stayed open for a minute): the choice counts once the list closes (one choice) or the option shows as a chosen tag
 * (several choices), else the option is clicked again, at most three times. */
export async function pick(page: Page, label: string, option: string, search?: string) {
  const box = page.getByLabel(label, { exact: true });
  const tag = page.locator(".ant-select", { has: box }).locator(".ant-select-selection-item", { hasText: option });
  const item = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first();
  // A choice may relabel its own select (the language switch): a select gone is a choice taken.
  const open = async () =>
    (await box.count()) > 0 &&
    (await box.getAttribute("aria-expanded", { timeout: 2_000 }).catch(() => null)) === "true";
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1 || !(await open())) {
      await box.click();
      if (search) await box.pressSequentially(search, { delay: 20 });
    }
    await item.click();
    const taken = await settled(
      async () => !(await open()) || (await tag.count()) > 0,
      (v) => v,
      3_000,
    );
    if (taken) return;
    if (attempt === 3) throw new Error(`chọn "${option}" trong "${label}": lựa chọn không được nhận sau 3 lần bấm`);
  }
}

/** Types a date (dd/mm/yyyy) into the antd DatePicker labelled `label`. */
export async function fillDate(page: Page, label: string, ddmmyyyy: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press("Tab");
}

/** Screenshot into docs/screenshots/ only when BTNN_SCREENSHOTS=1 (keeps normal runs from touching the tree). */
export async function screenshot(page: Page, name: string) {
  if (process.env.BTNN_SCREENSHOTS !== "1") return;
  const dir = join(ROOT, "docs", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/** On failure: a screenshot in test-results/ to see what the browser showed. */
export async function failureShot(page: Page | undefined, name: string) {
  if (!page) return;
  const dir = join(ROOT, "test-results");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true }).catch(() => {});
  writeFileSync(join(dir, `${name}.html`), await page.content().catch(() => ""));
}
