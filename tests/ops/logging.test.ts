// Structured logs (issue 7 §4): one JSON line per request with request id, method, route pattern, status, duration and
// — when signed in — user and agency; never the cookie, the password, the CSRF token, or personal data typed in a
// search; `redact` censors those fields even when code logs a whole request or body by mistake.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hash } from "@node-rs/argon2";
import type { FastifyInstance } from "fastify";
import { importAgencies } from "../../src/db/repositories/agencies.ts";
import { memberships, users } from "../../src/db/schema/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/data.ts";
import { buildApp } from "../../src/http/app.ts";
import { loggerOptions, REDACT_CENSOR, textStream } from "../../src/http/logging.ts";

const PASSWORD = "mat-khau-rat-bi-mat-42";
const SECRET_NAME = "Nguyễn Thị Bí Mật";
const SECRET_ID = "038190012345";

type Line = Record<string, unknown>;
const lines: Line[] = [];
let raw = "";
const capture = {
  write(s: string) {
    raw += s;
    for (const l of s.split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Line);
    return true;
  },
};

let database: Database;
let app: FastifyInstance;
let userId: string;

before(async () => {
  database = await openTestDatabase();
  await importAgencies(
    database.db,
    SYSTEM_SCOPE,
    AGENCY_ROWS.filter((a) => a.id === "cuc-btnn" || a.id === "bo-tu-phap"),
  );
  const [u] = await database.db
    .insert(users)
    .values({ username: "nhatky", fullName: "Người xem nhật ký", passwordHash: await hash(PASSWORD) })
    .returning({ id: users.id });
  userId = u.id;
  await database.db.insert(memberships).values({ userId, agencyId: "cuc-btnn", role: "system_admin" });
  app = await buildApp({ database, config: {}, logger: loggerOptions({ level: "info", stream: capture }) });
  await app.ready();
});
after(async () => {
  await app.close();
  await database.close();
});

const requestLines = () => lines.filter((l) => l.msg === "request");

describe("nhật ký có cấu trúc (issue 7 §4)", () => {
  test("mỗi yêu cầu một dòng JSON: request_id, method, route (mẫu), status, duration_ms; không có người dùng khi chưa đăng nhập", async () => {
    const before = requestLines().length;
    const r = await app.inject({ method: "GET", url: "/api/health" });
    assert.equal(r.statusCode, 200);
    const mine = requestLines().slice(before);
    assert.equal(mine.length, 1, "exactly one line per request");
    const l = mine[0];
    assert.equal(l.request_id, r.headers["x-request-id"]);
    assert.equal(l.method, "GET");
    assert.equal(l.route, "/api/health");
    assert.equal(l.status, 200);
    assert.equal(typeof l.duration_ms, "number");
    assert.equal(l.level, 30);
    assert.equal(l.service, "btnn");
    assert.match(String(l.time), /^\d{4}-\d\d-\d\dT/);
    assert.equal(l.user_id, undefined);
  });

  test("đăng nhập rồi tìm kiếm: dòng có user_id và agency_id; mật khẩu, cookie, CSRF và từ khóa tìm kiếm (họ tên, số CCCD) không xuất hiện", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nhatky", password: PASSWORD },
    });
    assert.equal(login.statusCode, 200);
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const session = login.cookies.find((c) => c.name === "btnn_session")?.value;
    assert.ok(session);
    const before = requestLines().length;
    const q = encodeURIComponent(`${SECRET_NAME} ${SECRET_ID}`);
    const r = await app.inject({ method: "GET", url: `/api/claims?q=${q}`, cookies });
    assert.equal(r.statusCode, 200);
    const l = requestLines().slice(before)[0];
    assert.equal(l.route, "/api/claims");
    assert.equal(l.user_id, userId);
    assert.equal(l.agency_id, "cuc-btnn");
    assert.ok(!raw.includes(PASSWORD), "password never logged");
    assert.ok(!raw.includes(session), "session cookie never logged");
    if (cookies.btnn_csrf) assert.ok(!raw.includes(cookies.btnn_csrf), "CSRF token never logged");
    assert.ok(
      !raw.includes(SECRET_ID) && !raw.includes("Bí Mật") && !raw.includes("B%C3%AD"),
      "search terms never logged",
    );
  });

  test("sai mật khẩu và route không tồn tại: vẫn một dòng, status 401/404, route ghi '(không khớp route)' khi không khớp", async () => {
    const before = requestLines().length;
    const bad = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nhatky", password: "sai-mat-khau-xyz" },
    });
    assert.equal(bad.statusCode, 401);
    const nf = await app.inject({ method: "GET", url: `/api/khong-co/${SECRET_ID}` });
    assert.equal(nf.statusCode, 404);
    const mine = requestLines().slice(before);
    assert.deepEqual(
      mine.map((l) => [l.route, l.status]),
      [
        ["/api/auth/login", 401],
        ["(không khớp route)", 404],
      ],
    );
    assert.ok(!raw.includes("sai-mat-khau-xyz"));
    assert.ok(!raw.includes(SECRET_ID));
  });

  test("redact: cookie, authorization, mật khẩu và dữ liệu cá nhân của người yêu cầu bồi thường bị che kể cả khi ghi nguyên đối tượng", () => {
    app.log.warn(
      {
        req: { headers: { cookie: "btnn_session=abc123", authorization: "Bearer xyz789" } },
        headers: { cookie: "btnn_session=def456" },
        body: { username: "ai-do", password: "p@ss-lo-ra", claimant_name: SECRET_NAME, claimant_id_number: SECRET_ID },
        password: "p@ss-tren-cung",
      },
      "thử che dữ liệu",
    );
    const l = lines.find((x) => x.msg === "thử che dữ liệu");
    assert.ok(l);
    const body = l.body as Record<string, unknown>;
    assert.equal(body.password, REDACT_CENSOR);
    assert.equal(body.claimant_name, REDACT_CENSOR);
    assert.equal(body.claimant_id_number, REDACT_CENSOR);
    assert.equal(body.username, "ai-do", "non-secret fields stay");
    assert.equal(l.password, REDACT_CENSOR);
    assert.equal((l.headers as Record<string, unknown>).cookie, REDACT_CENSOR);
    for (const s of ["abc123", "xyz789", "def456", "p@ss-lo-ra", "p@ss-tren-cung", SECRET_ID])
      assert.ok(!raw.includes(s), s);
  });

  test("LOG_FORMAT=text: một dòng dễ đọc cùng các trường", () => {
    let out = "";
    const t = textStream({ write: (s: string) => (out += s) });
    t.write(
      `${JSON.stringify({ level: 30, time: "2026-11-26T00:00:00.000Z", service: "btnn", pid: 1, msg: "request", method: "GET", route: "/api/health", status: 200 })}\n`,
    );
    assert.equal(out, "2026-11-26T00:00:00.000Z INFO request method=GET route=/api/health status=200\n");
  });
});
