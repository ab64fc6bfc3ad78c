// Browser-test harness: the real app in process (fresh test database + demo seed, web UI built once per source
// hash into .cache/), Debian's Chromium driven by playwright-core, and helpers for antd widgets.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";

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

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name === "dist" || name === "node_modules") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Hash of everything the web bundle is built from (web/ sources, the domain and contracts it imports, the lock file). */
export function webSourceHash(): string {
  const h = createHash("sha256");
  // The web bundle also imports pure domain modules and the public portal's zod contracts.
  const files = [
    ...walk(join(ROOT, "web")),
    ...walk(join(ROOT, "src/domain")),
    ...walk(join(ROOT, "src/http/contracts")),
    join(ROOT, "package-lock.json"),
  ];
  for (const f of files) {
    if (!existsSync(f)) continue;
    h.update(relative(ROOT, f));
    h.update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

/** Builds the web UI into .cache/web-<hash> (reused while the sources are unchanged); returns the folder. */
export async function buildWeb(): Promise<string> {
  const out = join(ROOT, ".cache", `web-${webSourceHash()}`);
  if (existsSync(join(out, "index.html"))) return out;
  const tmp = `${out}.tmp-${process.pid}`;
  mkdirSync(join(ROOT, ".cache"), { recursive: true });
  const { build } = await import("vite");
  await build({
    configFile: join(ROOT, "web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir: tmp, emptyOutDir: true },
  });
  try {
    renameSync(tmp, out);
  } catch {
    // another process finished the same build first
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

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

/** A fresh browser context (own cookies and storage) at a laptop size; in Vietnam's time zone unless told. */
export async function newPage(
  h: Harness,
  viewport = { width: 1366, height: 860 },
  opts: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    viewport,
    locale: "vi-VN",
    timezoneId: opts.timezoneId ?? "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("acting-agency").waitFor();
}

/** Opens the antd Select labelled `label` and clicks the option containing `option` (typing `search` first if given). */
export async function pick(page: Page, label: string, option: string, search?: string) {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  if (search) await box.pressSequentially(search, { delay: 20 });
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first().click();
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
