// Public help portal (issue 15), HTTP: no login, OpenAPI `security: []` under its own tag, cacheable question model,
// the check answering where to file (dated registry) with the limitation explained, bad answers named in Vietnamese.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Fixture, setupFixture } from "./helpers.ts";

const ANSWERS = {
  capacity: "injured",
  activity: "civil_enforcement",
  agency_kind: "thads_province",
  province: "ha-giang",
  act_date: "2024-05-10",
  request_kind: "compensation",
  has_basis_document: "yes",
  basis_document_received_on: "2025-03-14",
};

describe("Cổng công dân: API công khai /api/public", () => {
  let fx: Fixture;
  before(async () => {
    fx = await setupFixture({ now: () => new Date("2026-12-04T03:00:00Z") });
  });
  after(() => fx.close());

  test("OpenAPI: mọi đường dẫn /api/public có security: [] và thẻ 'Cổng công dân'", async () => {
    const doc = (await fx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; tags?: string[] }>>;
    };
    const pub = Object.entries(doc.paths).filter(([p]) => p.startsWith("/api/public/"));
    assert.ok(pub.length >= 2);
    for (const [path, ops] of pub)
      for (const [method, op] of Object.entries(ops)) {
        assert.deepEqual(op.security, [], `${method} ${path}`);
        assert.deepEqual(op.tags, ["Cổng công dân"], `${method} ${path}`);
      }
  });

  test("GET /api/public/interview: không cần đăng nhập, lưu đệm công khai, CSP giữ nguyên", async () => {
    const r = await fx.app.inject({ method: "GET", url: "/api/public/interview" });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers["cache-control"], "public, max-age=3600");
    assert.match(String(r.headers["content-security-policy"]), /default-src 'none'/);
    const body = r.json() as { first: string; questions: Array<{ id: string; options: unknown[] }> };
    assert.equal(body.first, "capacity");
    const province = body.questions.find((q) => q.id === "province");
    assert.ok(province && province.options.length === 87, "34 tỉnh hiện nay và 53 tỉnh trước sắp xếp");
  });

  test("POST /api/public/check: Luật TNBTCNN 2017, Điều 40 khoản 1 điểm a — Cục THADS Hà Giang (2024) → THADS tỉnh Tuyên Quang", async () => {
    const r = await fx.app.inject({ method: "POST", url: "/api/public/check", payload: ANSWERS });
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json();
    assert.equal(b.in_scope, "yes");
    assert.equal(b.agency.id, "thads-tuyen-quang-2025");
    assert.equal(b.agency.former.id, "cuc-thads-ha-giang");
    assert.equal(b.agency.determined_by_so_tu_phap, false);
    assert.equal(b.limitation.end, "2028-03-14");
    assert.ok(b.limitation.explanation.length >= 3);
    assert.equal(r.headers["cache-control"], "no-store");
  });

  test("POST /api/public/check: câu trả lời sai → 422 tiếng Việt nêu đúng trường; khóa lạ → 400", async () => {
    const bad = await fx.app.inject({
      method: "POST",
      url: "/api/public/check",
      payload: { ...ANSWERS, province: "atlantis" },
    });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json().issues[0].path, "/province");
    assert.match(bad.json().error, /lựa chọn/);
    const missing = await fx.app.inject({ method: "POST", url: "/api/public/check", payload: { capacity: "injured" } });
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().issues[0].path, "/activity");
    const extra = await fx.app.inject({ method: "POST", url: "/api/public/check", payload: { ...ANSWERS, x: 1 } });
    assert.equal(extra.statusCode, 400, extra.body);
  });
});
