// Identity: login/logout, wrong password, throttling, CSRF, session fixation, password change.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { MIN_PASSWORD_LENGTH } from "../../src/db/repositories/users.ts";
import { auditLog, loginAttempts, sessions } from "../../src/db/schema/index.ts";
import { Client, type Fixture, PASSWORD, setupFixture, signedIn } from "./helpers.ts";

let fx: Fixture;
before(async () => {
  fx = await setupFixture();
});
after(() => fx.close());

describe("Đăng nhập / đăng xuất", () => {
  test("đăng nhập đúng: cookie phiên HttpOnly SameSite=Lax, cookie CSRF đọc được, /api/auth/me trả vai trò và phạm vi", async () => {
    const c = new Client(fx.app);
    const r = await c.login("officer");
    assert.equal(r.statusCode, 200);
    const setCookie = ([] as string[]).concat(r.headers["set-cookie"] as string[]);
    const session = setCookie.find((s) => s.startsWith("btnn_session="))!;
    const csrf = setCookie.find((s) => s.startsWith("btnn_csrf="))!;
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    assert.match(session, /Path=\//);
    assert.doesNotMatch(csrf, /HttpOnly/);
    // The token is 32 random bytes; only its SHA-256 is stored.
    const token = c.cookies.btnn_session;
    assert.equal(Buffer.from(token, "base64url").length, 32);
    const rows = await fx.database.db.select().from(sessions).where(eq(sessions.userId, fx.userIds.officer));
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((s) => s.tokenHash !== token && /^[0-9a-f]{64}$/.test(s.tokenHash)));

    const me = await c.get("/api/auth/me");
    assert.equal(me.statusCode, 200);
    const body = me.json();
    assert.equal(body.user.username, "officer");
    assert.equal(body.agency_id, "stp-thanh-hoa");
    assert.deepEqual(body.roles, ["officer"]);
    assert.ok(body.permissions.includes("claims.write"));
    assert.ok(!body.permissions.includes("users.manage"));
    assert.ok(
      Array.isArray(body.scope) && body.scope.includes("thads-thanh-hoa") && !body.scope.includes("stp-ha-noi"),
    );
  });

  test("sai mật khẩu → 401 tiếng Việt, không tạo phiên; tên không tồn tại cũng 401 như nhau", async () => {
    const before = (await fx.database.db.select().from(sessions)).length;
    const c = new Client(fx.app);
    const r = await c.login("viewer", "sai-mat-khau-roi");
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().error, "Tên đăng nhập hoặc mật khẩu không đúng");
    const r2 = await c.login("khong-ton-tai", "sai-mat-khau-roi");
    assert.equal(r2.statusCode, 401);
    assert.equal(r2.json().error, r.json().error);
    assert.equal(c.cookies.btnn_session, undefined);
    assert.equal((await fx.database.db.select().from(sessions)).length, before);
  });

  test("chưa đăng nhập → 401 trên API cần xác thực", async () => {
    const r = await fx.app.inject({ method: "GET", url: "/api/auth/me" });
    assert.equal(r.statusCode, 401);
    assert.match(r.json().error, /chưa đăng nhập/);
  });

  test("đăng xuất xóa phiên; cookie cũ không còn dùng được", async () => {
    const c = await signedIn(fx.app, "viewer");
    const token = c.cookies.btnn_session;
    const r = await c.post("/api/auth/logout");
    assert.equal(r.statusCode, 204);
    const again = await fx.app.inject({ method: "GET", url: "/api/auth/me", cookies: { btnn_session: token } });
    assert.equal(again.statusCode, 401);
  });
});

describe("Chống giả mạo yêu cầu (CSRF)", () => {
  test("yêu cầu ghi bằng cookie mà thiếu tiêu đề x-csrf-token → 403, phiên vẫn còn", async () => {
    const c = await signedIn(fx.app, "officer");
    const r = await c.request({ method: "POST", url: "/api/auth/logout", csrf: false });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, "csrf");
    assert.match(r.json().error, /CSRF/);
    assert.equal((await c.get("/api/auth/me")).statusCode, 200);
  });
  test("tiêu đề CSRF sai (khác cookie) → 403", async () => {
    const c = await signedIn(fx.app, "officer");
    const r = await c.request({ method: "POST", url: "/api/auth/logout", headers: { "x-csrf-token": "gia-mao" } });
    assert.equal(r.statusCode, 403);
  });
  test("cookie CSRF của phiên khác (đặt cả cookie lẫn tiêu đề) → 403", async () => {
    const a = await signedIn(fx.app, "officer");
    const b = await signedIn(fx.app, "viewer");
    const r = await a.request({
      method: "POST",
      url: "/api/auth/logout",
      headers: { "x-csrf-token": b.csrf! },
      cookies: { btnn_csrf: b.csrf! },
    });
    assert.equal(r.statusCode, 403);
  });
});

describe("Cố định phiên (session fixation)", () => {
  test("đăng nhập cấp mã phiên mới và hủy mã phiên cũ gửi kèm", async () => {
    const c = await signedIn(fx.app, "officer");
    const first = c.cookies.btnn_session;
    const r = await c.login("officer");
    assert.equal(r.statusCode, 200);
    const second = c.cookies.btnn_session;
    assert.notEqual(second, first);
    const old = await fx.app.inject({ method: "GET", url: "/api/auth/me", cookies: { btnn_session: first } });
    assert.equal(old.statusCode, 401);
    assert.equal((await c.get("/api/auth/me")).statusCode, 200);
  });
});

describe("Đổi mật khẩu", () => {
  test("mật khẩu hiện tại sai → 422; mật khẩu mới quá ngắn → 400; đúng → 200, phiên khác bị đăng xuất", async () => {
    const c = await signedIn(fx.app, "agency_admin");
    const other = await signedIn(fx.app, "agency_admin");
    const wrong = await c.post("/api/auth/password", {
      current_password: "khong-dung-dau",
      new_password: "mat-khau-moi-dai-du",
    });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().issues[0].path, "/current_password");
    const short = await c.post("/api/auth/password", { current_password: PASSWORD, new_password: "ngan" });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().issues[0].path, "/new_password");
    assert.match(short.json().issues[0].message, new RegExp(`ít nhất ${MIN_PASSWORD_LENGTH} ký tự`));
    const ok = await c.post("/api/auth/password", { current_password: PASSWORD, new_password: "mat-khau-moi-dai-du" });
    assert.equal(ok.statusCode, 200);
    assert.equal((await c.get("/api/auth/me")).statusCode, 200, "the changing session continues with a new token");
    assert.equal((await other.get("/api/auth/me")).statusCode, 401, "other sessions are revoked");
    assert.equal((await new Client(fx.app).login("agency_admin")).statusCode, 401);
    assert.equal((await new Client(fx.app).login("agency_admin", "mat-khau-moi-dai-du")).statusCode, 200);
    const audits = await fx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.password_change"), eq(auditLog.entityId, fx.userIds.agency_admin)));
    assert.equal(audits.length, 1);
    assert.equal(JSON.stringify(audits[0]).includes("mat-khau-moi"), false, "no password in the audit trail");
  });
});

describe("Giới hạn đăng nhập sai", () => {
  test("5 lần sai trong 15 phút (cùng tài khoản + IP) → lần sau 429 kể cả đúng mật khẩu; ghi trong bảng login_attempts", async () => {
    const c = new Client(fx.app);
    for (let i = 0; i < 5; i++) assert.equal((await c.login("officer_hn", `sai-${i}-mat-khau`)).statusCode, 401);
    const r = await c.login("officer_hn");
    assert.equal(r.statusCode, 429);
    assert.equal(r.json().code, "too_many_attempts");
    assert.match(r.json().error, /thử lại sau 15 phút/);
    assert.ok(Number(r.headers["retry-after"]) > 0);
    const rows = await fx.database.db.select().from(loginAttempts).where(eq(loginAttempts.username, "officer_hn"));
    assert.equal(rows.filter((x) => !x.success).length, 5);
    // Another account from the same IP is not affected.
    assert.equal((await new Client(fx.app).login("officer_cuc")).statusCode, 200);
  });
  test("sau 15 phút được thử lại", async () => {
    let t = Date.now();
    const local = await setupFixture({ now: () => new Date(t) });
    try {
      const c = new Client(local.app);
      for (let i = 0; i < 5; i++) await c.login("viewer", `sai-${i}-mat-khau`);
      assert.equal((await c.login("viewer")).statusCode, 429);
      t += 16 * 60 * 1000;
      assert.equal((await c.login("viewer")).statusCode, 200);
    } finally {
      await local.close();
    }
  });
});
