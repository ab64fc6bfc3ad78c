// Bad input never yields a 500 or a partial write: malformed JSON, unknown fields, wrong types, oversize bodies,
// injection strings (stored verbatim, returned as JSON data), a transition the law forbids, a stale version.
// Each case checks the status, the Vietnamese message and that the database is unchanged.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { auditLog, claimEvents, claims } from "../../src/db/schema/index.ts";
import { type Client, type Fixture, setupFixture, signedIn } from "./helpers.ts";

let fx: Fixture;
let officer: Client;
let claimId: string;

const counts = async () => {
  const db = fx.database.db;
  const [[c], [e], [a]] = await Promise.all([
    db.select({ n: count() }).from(claims),
    db.select({ n: count() }).from(claimEvents),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { claims: Number(c.n), events: Number(e.n), audit: Number(a.n) };
};

const VALID = {
  field: "civil_enforcement",
  handling_agency_id: "thads-thanh-hoa",
  claimant_name: "Nguyễn Văn An",
  claimant_id_number: "038090001234",
  claimant_address: "12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
  claimant_phone: "0912345678",
  amount_requested: 150_000_000,
  events: [{ type: "received", date: "2024-03-01" }],
};

before(async () => {
  fx = await setupFixture();
  officer = await signedIn(fx.app, "officer");
  const r = await officer.post("/api/claims", VALID);
  assert.equal(r.statusCode, 201, r.body);
  claimId = r.json().id;
});
after(() => fx.close());

/** Sends a bad request, checks status + code + Vietnamese message, and that nothing was written. */
async function rejected(
  send: () => Promise<{
    statusCode: number;
    json(): { error: string; code: string; issues: Array<{ path: string; message: string }> };
  }>,
  status: number,
  code: string,
) {
  const before = await counts();
  const r = await send();
  assert.equal(r.statusCode, status);
  const body = r.json();
  assert.equal(body.code, code);
  assert.match(body.error, /[\u00C0-\u1EF9]/, "message in Vietnamese with diacritics");
  assert.deepEqual(await counts(), before, "nothing written");
  return body;
}

describe("Dữ liệu đầu vào sai → 4xx rõ ràng, không ghi gì", () => {
  test("JSON sai cú pháp → 400", async () => {
    await rejected(
      () =>
        officer.request({
          method: "POST",
          url: "/api/claims",
          payload: '{"field": "civil_enforcement",',
          headers: { "content-type": "application/json" },
        }),
      400,
      "malformed_json",
    );
  });

  test("trường không được phép → 400 nêu đúng đường dẫn trường", async () => {
    const body = await rejected(
      () =>
        officer.post("/api/claims", {
          ...VALID,
          nickname: "x",
          events: [{ type: "received", date: "2024-03-01", color: "red" }],
        }),
      400,
      "invalid_input",
    );
    assert.deepEqual(body.issues.map((i) => i.path).sort(), ["/events/0/color", "/nickname"]);
    assert.ok(body.issues.every((i) => i.message.startsWith("Trường không được phép")));
  });

  test("sai kiểu dữ liệu → 400 với thông báo từng trường", async () => {
    const body = await rejected(
      () =>
        officer.post("/api/claims", { ...VALID, amount_requested: "một trăm triệu", complex: "có", field: "hinh_su" }),
      400,
      "invalid_input",
    );
    const byPath = Object.fromEntries(body.issues.map((i) => [i.path, i.message]));
    assert.match(byPath["/amount_requested"], /cần số/);
    assert.match(byPath["/complex"], /true\/false/);
    assert.match(byPath["/field"], /chỉ chấp nhận/);
  });

  test("ngày không có thật và số tiền âm → 400", async () => {
    const body = await rejected(
      () =>
        officer.post("/api/claims", {
          ...VALID,
          amount_requested: -5,
          events: [{ type: "received", date: "2024-02-30" }],
        }),
      400,
      "invalid_input",
    );
    const paths = body.issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ["/amount_requested", "/events/0/date"]);
  });

  test("nội dung quá lớn (> 1 MiB) → 413", async () => {
    await rejected(
      () => officer.post("/api/claims", { ...VALID, summary: "x".repeat(1_100_000) }),
      413,
      "body_too_large",
    );
  });

  test("không phải JSON (form) → 415", async () => {
    await rejected(
      () =>
        officer.request({
          method: "POST",
          url: "/api/claims",
          payload: "field=civil_enforcement",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      415,
      "unsupported_media_type",
    );
  });

  test("mã vụ việc trong đường dẫn không phải UUID → 400 (không phải 500)", async () => {
    const r = await officer.get("/api/claims/1%27%20OR%201%3D1");
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().issues[0].path, "/id");
  });

  test("page_size > 100 → 400", async () => {
    const r = await officer.get("/api/claims?page_size=1000");
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().issues[0].path, "/page_size");
  });
});

describe("Chuỗi tấn công SQL/HTML được lưu nguyên văn và trả về như dữ liệu", () => {
  test("claimant_name và summary chứa SQL/HTML: lưu đúng từng ký tự, trả JSON, bảng vẫn nguyên", async () => {
    const sqlish = "Robert'); DROP TABLE claims; --";
    const html = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
    const r = await officer.post("/api/claims", { ...VALID, claimant_name: sqlish, summary: html });
    assert.equal(r.statusCode, 201, r.body);
    const id = r.json().id;
    const g = await officer.get(`/api/claims/${id}`);
    assert.equal(g.statusCode, 200);
    assert.match(g.headers["content-type"] as string, /^application\/json/);
    assert.equal(g.headers["x-content-type-options"], "nosniff");
    assert.equal(g.json().claimant_name, sqlish);
    assert.equal(g.json().summary, html);
    // In the raw body the markup is inside a JSON string (quotes escaped), never raw HTML.
    assert.ok(g.body.includes(JSON.stringify(html)));
    const [row] = await fx.database.db.select().from(claims).where(eq(claims.id, id));
    assert.equal(row.claimantName, sqlish);
    assert.ok((await counts()).claims >= 2, "claims table still there");
  });

  test("tìm kiếm bằng chuỗi tấn công SQL chỉ là văn bản cần tìm (không khớp vụ việc nào, không lộ dữ liệu)", async () => {
    for (const q of ["%' OR '1'='1", "' OR 1=1 --", "x%' UNION SELECT password_hash FROM users --"]) {
      const r = await officer.get(`/api/claims?q=${encodeURIComponent(q)}`);
      assert.equal(r.statusCode, 200, q);
      assert.equal(
        r.json().total,
        0,
        `q=${q} matches nothing (no claim contains it): ${JSON.stringify(r.json().items.map((c: { claimant_name: string; code: string }) => [c.code, c.claimant_name]))}`,
      );
    }
  });
});

describe("Tìm kiếm không dấu", () => {
  test('"Thanh Hoa" tìm thấy "Thanh Hóa" (cơ quan) và "nguyen van an" tìm thấy vụ việc', async () => {
    const a = await officer.get(`/api/agencies?q=${encodeURIComponent("Thanh Hoa")}`);
    assert.equal(a.statusCode, 200);
    const ids = a.json().items.map((x: { id: string }) => x.id);
    assert.ok(ids.includes("stp-thanh-hoa") && ids.includes("thads-thanh-hoa"), ids.join(","));
    assert.ok(!ids.includes("stp-ha-noi"));
    const c = await officer.get(`/api/claims?q=${encodeURIComponent("nguyen van an")}`);
    assert.ok(c.json().items.some((x: { id: string }) => x.id === claimId));
  });
});

describe("Trình tự luật định và phiên bản", () => {
  test("Luật TNBTCNN 2017 — chi trả (paid) ngay sau khi nhận hồ sơ bị từ chối: 422 nêu trường, không ghi gì", async () => {
    const [before] = await fx.database.db.select().from(claims).where(eq(claims.id, claimId));
    const body = await rejected(
      () => officer.post(`/api/claims/${claimId}/events`, { type: "paid", date: "2024-03-05" }),
      422,
      (await officer.post(`/api/claims/${claimId}/events`, { type: "paid", date: "2024-03-05" })).json().code,
    );
    assert.ok(body.issues.length >= 1 && body.issues[0].path.startsWith("/"), JSON.stringify(body.issues));
    const [afterRow] = await fx.database.db.select().from(claims).where(eq(claims.id, claimId));
    assert.equal(afterRow.version, before.version);
    assert.equal(afterRow.state, before.state);
  });

  test("phiên bản cũ → 409, dữ liệu không đổi; thiếu phiên bản → 428; If-Match cũng được", async () => {
    const cur = (await officer.get(`/api/claims/${claimId}`)).json();
    const ok = await officer.patch(`/api/claims/${claimId}`, { summary: "Bản sửa 1", version: cur.version });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, cur.version + 1);
    assert.equal(ok.headers.etag, `"${cur.version + 1}"`);
    const body = await rejected(
      () => officer.patch(`/api/claims/${claimId}`, { summary: "Bản sửa cũ", version: cur.version }),
      409,
      "stale_version",
    );
    assert.equal(body.issues[0].path, "/version");
    const [row] = await fx.database.db.select().from(claims).where(eq(claims.id, claimId));
    assert.equal(row.summary, "Bản sửa 1");
    await rejected(
      () => officer.patch(`/api/claims/${claimId}`, { summary: "Không phiên bản" }),
      428,
      "version_required",
    );
    const stale = await officer.patch(
      `/api/claims/${claimId}`,
      { summary: "If-Match cũ" },
      { "if-match": `"${cur.version}"` },
    );
    assert.equal(stale.statusCode, 409);
    const fresh = await officer.patch(
      `/api/claims/${claimId}`,
      { summary: "If-Match mới" },
      { "if-match": `"${cur.version + 1}"` },
    );
    assert.equal(fresh.statusCode, 200);
  });
});
