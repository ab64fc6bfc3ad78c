// The HTTP skeleton without a database: error shape, limits, OpenAPI document, web placeholder.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";

let app: FastifyInstance;
let database: Database;

before(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, config: {} });
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/test-echo",
    {
      schema: {
        body: z
          .object({
            name: z.string().min(1),
            amount: z.number().int(),
            claimant: z.object({ full_name: z.string() }).strict(),
          })
          .strict(),
      },
      config: { access: "public" },
    },
    async (req) => req.body,
  );
  await app.ready();
});
after(async () => {
  await app.close();
  await database.close();
});

const post = (payload: string | object, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url: "/api/test-echo",
    headers: { "content-type": "application/json", ...headers },
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });

describe("Lỗi trả về JSON tiếng Việt", () => {
  test("JSON sai cú pháp → 400 malformed_json", async () => {
    const r = await post('{"name": "a",');
    assert.equal(r.statusCode, 400);
    const b = r.json();
    assert.equal(b.code, "malformed_json");
    assert.match(b.error, /JSON hợp lệ/);
    assert.deepEqual(b.issues, []);
  });
  test("trường không được phép được nêu tên theo đường dẫn", async () => {
    const r = await post({ name: "a", amount: 1, claimant: { full_name: "X", nickname: "y" }, extra: 1 });
    assert.equal(r.statusCode, 400);
    const b = r.json();
    assert.equal(b.code, "invalid_input");
    const paths = b.issues.map((i: { path: string }) => i.path).sort();
    assert.deepEqual(paths, ["/claimant/nickname", "/extra"]);
    assert.match(b.issues[0].message, /Trường không được phép/);
  });
  test("sai kiểu dữ liệu và thiếu trường bắt buộc", async () => {
    const r = await post({ name: "", amount: "nhiều" });
    assert.equal(r.statusCode, 400);
    const byPath = Object.fromEntries(
      r.json().issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    );
    assert.equal(byPath["/name"], "Không được để trống");
    assert.match(byPath["/amount"], /cần số, nhận được chuỗi ký tự/);
    assert.equal(byPath["/claimant"], "Trường này là bắt buộc");
  });
  test("nội dung quá 1 MiB → 413", async () => {
    const r = await post({ name: "x".repeat(1024 * 1024 + 10), amount: 1, claimant: { full_name: "a" } });
    assert.equal(r.statusCode, 413);
    assert.equal(r.json().code, "body_too_large");
  });
  test("text/plain không được chấp nhận → 415", async () => {
    const r = await post("name=a", { "content-type": "text/plain" });
    assert.equal(r.statusCode, 415);
    assert.match(r.json().error, /Chỉ chấp nhận nội dung JSON/);
  });
  test("__proto__ trong JSON bị từ chối, không phải 500", async () => {
    const r = await post('{"name":"a","amount":1,"claimant":{"full_name":"a"},"__proto__":{"x":1}}');
    assert.equal(r.statusCode, 400);
  });
  test("đường dẫn không tồn tại → 404 tiếng Việt", async () => {
    const r = await app.inject({ method: "GET", url: "/api/khong-co" });
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().code, "route_not_found");
    assert.match(r.json().error, /Không tìm thấy đường dẫn GET \/api\/khong-co/);
  });
});

describe("OpenAPI và sức khỏe hệ thống", () => {
  test("/api/openapi.json liệt kê các đường dẫn", async () => {
    const r = await app.inject({ method: "GET", url: "/api/openapi.json" });
    assert.equal(r.statusCode, 200);
    const doc = r.json();
    assert.equal(doc.openapi, "3.0.3");
    assert.ok(doc.paths["/api/health"]);
    assert.ok(doc.paths["/api/test-echo"].post.requestBody);
  });
  test("/api/docs trả về trang Swagger UI", async () => {
    const r = await app.inject({ method: "GET", url: "/api/docs/" });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers["content-type"] as string, /text\/html/);
  });
  test("/api/health: máy chủ và cơ sở dữ liệu hoạt động", async () => {
    const r = await app.inject({ method: "GET", url: "/api/health" });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().status, "ok");
    assert.equal(r.json().database.ok, true);
  });
});

test("trang giữ chỗ tiếng Việt khi chưa có web/dist", async () => {
  const web = await buildApp({ database, config: {}, web: { dist: "/nonexistent-web-dist" } });
  try {
    const r = await web.inject({ method: "GET", url: "/" });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Tài liệu API/);
    assert.match(r.body, /href="\/api\/docs"/);
  } finally {
    await web.close();
  }
});

test("giao diện web đã xây dựng: tệp của web/dist, đường dẫn phía trình duyệt → index.html, không lộ tệp ẩn hay tệp ngoài thư mục", async () => {
  const work = mkdtempSync(join(tmpdir(), "btnn-webdist-"));
  const dist = join(work, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>BTNN</title><div id=root></div>");
  writeFileSync(join(dist, "assets", "app-1.js"), "console.log('btnn')");
  writeFileSync(join(dist, ".btnn-build.json"), '{"hash":"secret"}');
  writeFileSync(join(work, "outside.txt"), "outside");
  const web = await buildApp({ database, config: {}, web: { dist } });
  try {
    const js = await web.inject({ method: "GET", url: "/assets/app-1.js?v=2" });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers["content-type"]), /javascript/);
    assert.equal(js.body, "console.log('btnn')");
    assert.equal((await web.inject({ method: "HEAD", url: "/assets/app-1.js" })).statusCode, 200);
    for (const url of ["/", "/ke-hoach/123", "/assets/missing.js", "/.btnn-build.json", "/%2e%2e/outside.txt"]) {
      const r = await web.inject({ method: "GET", url });
      assert.ok(r.statusCode === 200 || r.statusCode === 403 || r.statusCode === 404, `${url}: ${r.statusCode}`);
      assert.doesNotMatch(r.body, /secret|outside/, url);
      if (r.statusCode === 200) assert.match(r.body, /<title>BTNN<\/title>/, url);
    }
    const api = await web.inject({ method: "GET", url: "/api/khong-co" });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().code, "route_not_found");
  } finally {
    await web.close();
    rmSync(work, { recursive: true, force: true });
  }
});
