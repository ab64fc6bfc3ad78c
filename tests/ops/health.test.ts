// GET /api/health (issue 7 §4): public liveness + readiness — 200 with the database round trip and every migration of
// this build applied; 503 "degraded" once the database stops answering (here: closed under the running app).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { migrationJournal } from "../../src/db/migrate.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import { buildApp } from "../../src/http/app.ts";

const journal = migrationJournal().entries;
const pkg = (await import("../../package.json", { with: { type: "json" } })).default as { version: string };

for (const engine of availableEngines()) {
  describe(`/api/health trên ${engine}`, () => {
    test("CSDL trả lời và đủ migration → 200 ok, kèm phiên bản, số migration, thời gian chạy; không cần đăng nhập", async () => {
      const database = await openTestDatabase({ engine });
      const app = await buildApp({ database, config: {} });
      try {
        const r = await app.inject({ method: "GET", url: "/api/health" });
        assert.equal(r.statusCode, 200);
        const body = r.json();
        assert.equal(body.status, "ok");
        assert.deepEqual(body.database, { kind: engine, ok: true });
        assert.equal(body.checks.database.ok, true);
        assert.deepEqual(body.checks.migrations, {
          ok: true,
          expected: journal.length,
          latest: journal[journal.length - 1].tag,
        });
        assert.equal(body.version, pkg.version);
        assert.equal(typeof body.uptime_s, "number");
      } finally {
        await app.close();
        await database.close();
      }
    });

    test("thiếu migration (bảng theo dõi migration bị xóa bớt một dòng) → 503 degraded, checks.migrations.ok = false", async () => {
      const database = await openTestDatabase({ engine });
      await database.exec(
        "delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)",
      );
      const app = await buildApp({ database, config: {} });
      try {
        const r = await app.inject({ method: "GET", url: "/api/health" });
        assert.equal(r.statusCode, 503);
        assert.equal(r.json().status, "degraded");
        assert.equal(r.json().database.ok, true);
        assert.equal(r.json().checks.migrations.ok, false);
      } finally {
        await app.close();
        await database.close();
      }
    });

    test("CSDL ngừng (đóng kết nối khi máy chủ đang chạy) → 503 degraded, database.ok = false", async () => {
      const database = await openTestDatabase({ engine });
      const app = await buildApp({ database, config: {} });
      try {
        assert.equal((await app.inject({ method: "GET", url: "/api/health" })).statusCode, 200);
        await database.close();
        const r = await app.inject({ method: "GET", url: "/api/health" });
        assert.equal(r.statusCode, 503);
        assert.equal(r.json().status, "degraded");
        assert.equal(r.json().database.ok, false);
        assert.equal(r.json().checks.database.ok, false);
      } finally {
        await app.close();
      }
    });
  });
}
