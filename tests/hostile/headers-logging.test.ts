// Issue 13 finding 14: `/` had no Content-Security-Policy; API responses carrying names had no `Cache-Control:
// no-store`; request logs had no client address; SESSION_SECRET was documented as signing cookies but unused.
// Now: HTML gets a CSP without inline scripts (src/http/security-headers.ts), every /api response except the API
// documentation is no-store (the server-side response cache still works), each request line carries `client_ip`
// (X-Forwarded-For only from proxies trusted by TRUST_PROXY), and SESSION_SECRET is gone from code and docs.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig, parseTrustProxy } from "../../src/config.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";
import { loggerOptions } from "../../src/http/logging.ts";
import { FIXTURE_AGENCIES, seedFixtureUsers, signedIn } from "../http/helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "btnn-headers-"));
const dist = join(work, "dist");
mkdirSync(join(dist, "assets"), { recursive: true });
// What `vite build` emits: the entry as an external module script, styles as a stylesheet — no inline script.
writeFileSync(
  join(dist, "index.html"),
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>BTNN</title><script type="module" crossorigin src="/assets/index-abc.js"></script><link rel="stylesheet" href="/assets/index-abc.css"></head><body><div id="root"></div></body></html>',
);
writeFileSync(join(dist, "assets", "index-abc.js"), "console.log('btnn')");

type Line = Record<string, unknown>;
const lines: Line[] = [];
const capture = {
  write(s: string) {
    for (const l of s.split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Line);
    return true;
  },
};

let database: Database;
let web: FastifyInstance;
let proxied: FastifyInstance;
let placeholder: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  await seedFixtureUsers(database.db, FIXTURE_AGENCIES);
  const logger = loggerOptions({ level: "info", stream: capture });
  web = await buildApp({ database, config: {}, logger, web: { dist } });
  proxied = await buildApp({ database, config: { trustProxy: parseTrustProxy("10.0.0.0/8") ?? false }, logger });
  placeholder = await buildApp({ database, config: {}, web: { dist: join(work, "khong-co") } });
});
after(async () => {
  await web?.close();
  await proxied?.close();
  await placeholder?.close();
  await database?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The directives of a CSP header value. */
function csp(value: unknown): Map<string, string[]> {
  assert.equal(typeof value, "string", "Content-Security-Policy header present");
  return new Map(
    String(value)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...v]) => [name, v]),
  );
}

describe("finding 14: Content-Security-Policy, no-store, client address in logs, no dead SESSION_SECRET", () => {
  test("finding 14: the web index, its client-side routes, the placeholder page and the API docs carry a CSP with scripts from self only (no inline script, no eval)", async () => {
    for (const [app, url] of [
      [web, "/"],
      [web, "/ke-hoach/123"],
      [placeholder, "/"],
      [web, "/api/docs/static/index.html"],
    ] as Array<[FastifyInstance, string]>) {
      const r = await app.inject({ method: "GET", url });
      assert.ok(r.statusCode === 200 || r.statusCode === 302, `${url}: ${r.statusCode}`);
      const d = csp(r.headers["content-security-policy"]);
      assert.deepEqual(d.get("script-src"), ["'self'"], url);
      assert.deepEqual(d.get("default-src"), ["'self'"], url);
      assert.deepEqual(d.get("object-src"), ["'none'"], url);
      assert.deepEqual(d.get("frame-ancestors"), ["'none'"], url);
      assert.deepEqual(d.get("base-uri"), ["'self'"], url);
      // Ant Design / ECharts inline styles; never scripts.
      assert.deepEqual(d.get("style-src"), ["'self'", "'unsafe-inline'"], url);
    }
    // The UI's HTML has no inline script the policy would block (source, and the build when present).
    for (const f of [join(ROOT, "web/index.html"), join(ROOT, "web/dist/index.html")].filter(existsSync)) {
      const scripts = readFileSync(f, "utf8").match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.length > 0, f);
      for (const s of scripts) assert.match(s, /\ssrc=/, `${f}: inline script ${s}`);
    }
    // JSON and downloads: nothing may run even if a response were opened as a page.
    const health = await web.inject({ method: "GET", url: "/api/health" });
    assert.equal(health.headers["content-security-policy"], "default-src 'none'; frame-ancestors 'none'");
  });

  test("finding 14: API responses carrying names and personal data are Cache-Control: no-store (also when served from the response cache)", async () => {
    const officer = await signedIn(web, "officer");
    const claim = await officer.post("/api/claims", {
      field: "civil_enforcement",
      handling_agency_id: "thads-thanh-hoa",
      claimant_name: "Nguyễn Văn Không Lưu",
      summary: "Vụ việc kiểm tra tiêu đề bộ nhớ đệm",
      events: [{ type: "received", date: "2026-03-02" }],
    });
    assert.equal(claim.statusCode, 201, claim.body);
    assert.equal(claim.headers["cache-control"], "no-store");
    const id = claim.json().id;
    for (const url of ["/api/auth/me", `/api/claims/${id}`, "/api/users", "/api/audit", "/api/agencies"]) {
      const r = await officer.get(url);
      assert.equal(r.headers["cache-control"], "no-store", `${url}: ${r.statusCode}`);
    }
    // A 401 error body too (it is still an API response).
    assert.equal((await web.inject({ method: "GET", url: "/api/claims" })).headers["cache-control"], "no-store");
    // The per-user server-side cache still serves the list (no-store only keeps it out of browsers and proxies).
    const first = await officer.get("/api/claims");
    const second = await officer.get("/api/claims");
    assert.equal(first.headers["x-cache"], "miss");
    assert.equal(second.headers["x-cache"], "hit");
    assert.equal(second.headers["cache-control"], "no-store");
    assert.match(second.body, /Nguyễn Văn Không Lưu|Nguy/);
    // The public API description may be cached.
    const doc = await web.inject({ method: "GET", url: "/api/openapi.json" });
    assert.notEqual(doc.headers["cache-control"], "no-store");
  });

  test("finding 14: each request log line carries the client address; X-Forwarded-For is believed only from proxies trusted by TRUST_PROXY", async () => {
    const at = (app: FastifyInstance, remoteAddress: string) =>
      app.inject({
        method: "GET",
        url: "/api/health",
        remoteAddress,
        headers: { "x-forwarded-for": "203.0.113.9" },
      });
    const clientIp = async (app: FastifyInstance, remoteAddress: string) => {
      const r = await at(app, remoteAddress);
      const line = lines.find((l) => l.msg === "request" && l.request_id === r.headers["x-request-id"]);
      assert.ok(line, "one request line per request");
      return line.client_ip;
    };
    // Default (TRUST_PROXY unset): the socket's peer, a forged header is ignored.
    assert.equal(await clientIp(web, "10.1.2.3"), "10.1.2.3");
    // TRUST_PROXY=10.0.0.0/8: the proxy's X-Forwarded-For is the client; from elsewhere it is ignored.
    assert.equal(await clientIp(proxied, "10.1.2.3"), "203.0.113.9");
    assert.equal(await clientIp(proxied, "192.0.2.7"), "192.0.2.7");
    // Documented for operators.
    for (const doc of ["README.md", "docs/operations.md"])
      assert.match(readFileSync(join(ROOT, doc), "utf8"), /`TRUST_PROXY`/, doc);
  });

  test("finding 14: SESSION_SECRET is not configuration any more (nothing signs with it): not read, not written to DATA_DIR, not documented", () => {
    const dataDir = join(work, "data");
    const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: "x".repeat(40) });
    assert.equal("sessionSecret" in config, false);
    assert.equal(existsSync(join(dataDir, "session-secret")), false);
    for (const doc of ["README.md", "docs/operations.md"])
      assert.doesNotMatch(readFileSync(join(ROOT, doc), "utf8"), /\|\s*`SESSION_SECRET`/, doc);
  });
});
