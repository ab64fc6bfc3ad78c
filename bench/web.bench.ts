// Web UI figures: gzip size of the built bundle (entry = what index.html loads before any lazy route; total = every
// JS/CSS asset) and time to first render of the dashboard in headless Chromium against the real app with demo data
// (login done beforehand; each run is a fresh browser context, i.e. a cold HTTP cache; median of 5).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb, CHROMIUM, DEMO_PASSWORD, startHarness } from "../tests/e2e/harness.ts";

type Row = { name: string; ops_per_sec?: number; p50_ms?: number; note?: string };

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

function bundleSizes(dist: string) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const entryFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const assets = readdirSync(join(dist, "assets")).filter((f) => /\.(js|css)$/.test(f));
  let entryRaw = 0;
  let entryGz = 0;
  for (const f of entryFiles) {
    const b = readFileSync(join(dist, f));
    entryRaw += b.length;
    entryGz += gz(b);
  }
  let totalRaw = 0;
  let totalGz = 0;
  for (const f of assets) {
    const b = readFileSync(join(dist, "assets", f));
    totalRaw += b.length;
    totalGz += gz(b);
  }
  return { entryFiles: entryFiles.length, entryRaw, entryGz, files: assets.length, totalRaw, totalGz };
}

export async function run(): Promise<Row[]> {
  const t0 = performance.now();
  const dist = await buildWeb();
  const buildMs = performance.now() - t0;
  const s = bundleSizes(dist);
  const rows: Row[] = [
    {
      name: "web bundle: entry JS+CSS (gzip)",
      note: `${kib(s.entryGz)} gzip (${kib(s.entryRaw)} raw, ${s.entryFiles} files loaded by index.html)`,
    },
    {
      name: "web bundle: all JS+CSS (gzip)",
      note: `${kib(s.totalGz)} gzip (${kib(s.totalRaw)} raw, ${s.files} files; routes lazy-loaded)`,
    },
    { name: "web build (vite, cached by source hash)", p50_ms: buildMs },
  ];
  if (!existsSync(CHROMIUM)) {
    rows.push({ name: "dashboard first render", note: `không có Chromium tại ${CHROMIUM}` });
    return rows;
  }
  const h = await startHarness();
  try {
    const times: number[] = [];
    const claims = await h.database.query<{ n: number }>("select count(*)::int as n from claims");
    for (let i = 0; i < 6; i++) {
      const context = await h.browser.newContext({ viewport: { width: 1366, height: 860 } });
      const page = await context.newPage();
      const r = await page.request.post(`${h.baseUrl}/api/auth/login`, {
        data: { username: "stp.thanhhoa.canbo", password: DEMO_PASSWORD },
      });
      if (!r.ok()) throw new Error(`login ${r.status()}`);
      const start = performance.now();
      await page.goto(`${h.baseUrl}/`);
      await page.locator('[data-testid="dashboard"] canvas').first().waitFor({ timeout: 30_000 });
      const ms = performance.now() - start;
      if (i > 0) times.push(ms); // the first run warms the server (JIT, query plans)
      await context.close();
    }
    times.sort((a, b) => a - b);
    rows.push({
      name: "dashboard first render (headless Chromium, demo data)",
      p50_ms: times[Math.floor(times.length / 2)],
      note: `navigation → first chart drawn, fresh context each run, median of ${times.length} (min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms); ${claims[0]?.n ?? "?"} claims in the database, user Sở Tư pháp Thanh Hóa`,
    });
  } finally {
    await h.close();
  }
  return rows;
}
