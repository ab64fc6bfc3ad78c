// Issue 17: "Quên mật khẩu" by e-mail through a real SMTP server on loopback (smtp-server, mailparser). The mail
// arrives, its link works once and is then refused; the token is stored hashed and expires; the answer is the same
// for an unknown address (no enumeration); requests are rate-limited per address; both steps are audited; without
// SMTP_URL the feature is off.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { consumeResetToken, issueResetToken, RESET_TTL_MS } from "../../src/db/repositories/password-resets.ts";
import { auditLog, passwordResetTokens, users } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { Client, type HostileFixture, hostileFixture, PASSWORD } from "../hostile/fixture.ts";
import { type SmtpFixture, startSmtp } from "./smtp-fixture.ts";

let smtp: SmtpFixture;
const BASE = "https://btnn.thanhhoa.test";
const EMAIL = "canbo.stp@thanhhoa.gov.vn";

before(async () => {
  smtp = await startSmtp();
});
after(async () => {
  await smtp?.close();
});

for (const engine of availableEngines()) {
  describe(`Quên mật khẩu qua thư điện tử — ${engine}`, () => {
    let fx: HostileFixture;
    before(async () => {
      fx = await hostileFixture(engine, { config: { smtpUrl: smtp.url, publicUrl: BASE } });
      await fx.database.db.update(users).set({ email: EMAIL }).where(eq(users.id, fx.userIds.officer));
    });
    after(() => fx.close());

    test("the mail arrives with a link; the link sets a new password once, then is refused; the token is stored hashed", async () => {
      const anon = new Client(fx.app);
      assert.deepEqual((await anon.get("/api/auth/self-service")).json(), { password_reset: true });
      const before = smtp.inbox.filter((m) => m.to.includes(EMAIL)).length;
      const known = await anon.post("/api/auth/password-reset", { email: EMAIL.toUpperCase() });
      const unknown = await anon.post("/api/auth/password-reset", { email: "khong.ai@thanhhoa.gov.vn" });
      assert.equal(known.statusCode, 202, known.body);
      assert.equal(unknown.statusCode, 202, unknown.body);
      assert.deepEqual(known.json(), unknown.json(), "the same answer whatever the address");
      const mail = await smtp.mailTo(EMAIL, before);
      assert.equal(mail.subject, "Đặt lại mật khẩu tài khoản BTNN");
      assert.match(mail.text, /Kính gửi Người dùng officer|Kính gửi /);
      const link = mail.text.match(new RegExp(`${BASE}/reset-password\\?token=([A-Za-z0-9_-]+)`));
      assert.ok(link, mail.text);
      const token = decodeURIComponent(link[1]);
      assert.ok(!smtp.inbox.some((m) => m.to.includes("khong.ai")), "no mail to an unknown address");
      // Stored hashed: the token itself is nowhere in the table.
      const rows = await fx.database.db
        .select()
        .from(passwordResetTokens)
        .where(eq(passwordResetTokens.userId, fx.userIds.officer));
      assert.equal(rows.length, 1);
      assert.equal(rows[0].tokenHash, createHash("sha256").update(token).digest("hex"));
      assert.ok(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime() <= RESET_TTL_MS + 1000);

      // A session open before the reset ends with it.
      const old = new Client(fx.app);
      assert.equal((await old.login("officer")).statusCode, 200);
      const ok = await anon.post("/api/auth/password-reset/confirm", { token, new_password: "mat-khau-moi-2026" });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((await old.get("/api/auth/me")).statusCode, 401);
      assert.equal((await new Client(fx.app).login("officer", PASSWORD)).statusCode, 401);
      assert.equal((await new Client(fx.app).login("officer", "mat-khau-moi-2026")).statusCode, 200);
      const again = await anon.post("/api/auth/password-reset/confirm", { token, new_password: "mat-khau-khac-2026" });
      assert.equal(again.statusCode, 410, again.body);
      assert.equal(again.json().issues[0].path, "/token");
      assert.match(again.json().error, /không hợp lệ, đã dùng hoặc đã hết hạn/);
      assert.equal((await new Client(fx.app).login("officer", "mat-khau-moi-2026")).statusCode, 200);

      const actions = (await fx.database.db.select().from(auditLog).where(eq(auditLog.entityId, fx.userIds.officer)))
        .map((r) => r.action)
        .filter((a) => a.startsWith("auth.password_reset"));
      assert.deepEqual(actions.sort(), ["auth.password_reset", "auth.password_reset_request"]);
    });

    test("an expired link is refused; the address is rate-limited (429) whatever the e-mail asked for", async () => {
      const db = fx.database.db;
      const t0 = new Date("2026-12-05T01:00:00Z");
      const issued = await issueResetToken(db, EMAIL, "10.9.9.9", t0);
      assert.ok(issued);
      const late = new Date(t0.getTime() + RESET_TTL_MS + 1);
      assert.equal(await consumeResetToken(db, issued.token, await hash("x-y-z-123456"), "10.9.9.9", late), null);

      const anon = new Client(fx.app);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++)
        codes.push((await anon.post("/api/auth/password-reset", { email: `nguoi${i}@example.vn` })).statusCode);
      assert.ok(codes.includes(429), codes.join(","));
      assert.ok(codes.indexOf(429) <= 6 && codes.slice(codes.indexOf(429)).every((c) => c === 429), codes.join(","));
    });
  });
}

describe("Quên mật khẩu khi không cấu hình SMTP", () => {
  test("the feature is off: self-service says so and the request is refused (404, coded)", async () => {
    const fx = await hostileFixture("pglite");
    try {
      const anon = new Client(fx.app);
      assert.deepEqual((await anon.get("/api/auth/self-service")).json(), { password_reset: false });
      const r = await anon.post("/api/auth/password-reset", { email: EMAIL });
      assert.equal(r.statusCode, 404, r.body);
      assert.equal(r.json().code, "password_reset_off");
    } finally {
      await fx.close();
    }
  });
});
