// Issue 11 acceptance (c): notification mail through a real SMTP server on loopback (smtp-server), messages parsed with
// mailparser — per-event mail, the 07:00 digest (fake clock), Vietnamese subject and body, links to the screen where
// the work is done, no claimant personal data; nothing is sent when SMTP_URL is unset (the same steps with it set send).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Cron } from "croner";
import { loadConfig } from "../../src/config.ts";
import { claimDeadlines, claims } from "../../src/db/schema/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";
import { DIGEST_PATTERN, mailDigests, mailEachEvent } from "../../src/jobs/notification-mail.ts";
import { schedulerMail, startScheduler } from "../../src/jobs/scheduler.ts";
import { createMailer, type Mailer } from "../../src/mail/mailer.ts";
import { type Client, seedFixtureUsers, signedIn } from "../http/helpers.ts";
import { type SmtpFixture, startSmtp } from "./smtp-fixture.ts";

let smtp: SmtpFixture;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let mailer: Mailer;
const BASE = "https://btnn.thanhhoa.test";
const CLAIMANT = "Trịnh Thị Bảo Mật";
const CLAIMANT_ID = "038190001234";
let officer: Client;
let admin: Client;
let deadlineId = "";
let userIds: Record<string, string>;

before(async () => {
  smtp = await startSmtp();
  database = await openTestDatabase();
  userIds = await seedFixtureUsers(database.db);
  const [c] = await database.db
    .insert(claims)
    .values({
      code: "BT-TH-2026-07",
      field: "civil_enforcement",
      handlingAgencyId: "stp-thanh-hoa",
      claimantName: CLAIMANT,
      claimantIdNumber: CLAIMANT_ID,
    })
    .returning();
  const [d] = await database.db
    .insert(claimDeadlines)
    .values({ claimId: c.id, position: 1, step: "accept", label: "Thụ lý hồ sơ", due: "2026-03-04", status: "open" })
    .returning();
  deadlineId = d.id;
  app = await buildApp({ database, config: { smtpUrl: smtp.url, publicUrl: BASE } });
  await app.ready();
  mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "BTNN Thanh Hóa <btnn@stp.thanhhoa.test>" })!;
  officer = await signedIn(app, "officer");
  admin = await signedIn(app, "agency_admin");
});
after(async () => {
  mailer?.close();
  await app?.close();
  await database?.close();
  await smtp?.close();
});

describe("Thư thông báo qua SMTP", () => {
  test("mỗi sự kiện: cán bộ được giao việc nhận một thư tiếng Việt có đường dẫn, không có thông tin cá nhân người yêu cầu", async () => {
    const s = await officer.request({
      method: "PUT",
      url: "/api/notifications/settings",
      payload: { mode: "each", email: "huong@stp.thanhhoa.test" },
    });
    assert.equal(s.statusCode, 200, s.body);
    assert.deepEqual(s.json(), { mode: "each", email: "huong@stp.thanhhoa.test", mail_enabled: true });
    const a = await admin.post("/api/inbox/assign", {
      kind: "claim_deadline",
      id: deadlineId,
      assignee_id: userIds.officer,
    });
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(await mailEachEvent(database.db, mailer, { baseUrl: BASE }), 1);
    assert.equal(smtp.inbox.length, 1);
    const m = smtp.inbox[0];
    assert.equal(m.to, "huong@stp.thanhhoa.test");
    assert.match(m.subject, /^\[BTNN\] Bạn được giao: Vụ việc BT-TH-2026-07: Thụ lý hồ sơ/);
    assert.match(m.text, /Kính gửi Người dùng officer,/);
    assert.match(m.text, /Hạn: 04\/03\/2026/);
    assert.ok(m.text.includes(`Xem và xử lý: ${BASE}/claims/`), m.text);
    for (const secret of [CLAIMANT, CLAIMANT_ID, "Bảo Mật"]) {
      assert.ok(!m.text.includes(secret), `thư không được chứa "${secret}"`);
      assert.ok(!m.subject.includes(secret));
    }
    // Sent once: a second dispatch finds nothing new.
    assert.equal(await mailEachEvent(database.db, mailer, { baseUrl: BASE }), 0);
    assert.equal(smtp.inbox.length, 1);
  });

  test("tổng hợp lúc 07:00 giờ Việt Nam (đồng hồ giả): một thư liệt kê các thông báo chưa đọc, có đường dẫn", async () => {
    // The digest job fires at 07:00 Asia/Ho_Chi_Minh = 00:00 UTC.
    const next = new Cron(DIGEST_PATTERN, { timezone: "Asia/Ho_Chi_Minh", paused: true }).nextRun(
      new Date("2026-03-01T18:00:00Z"),
    );
    assert.equal(next?.toISOString(), "2026-03-02T00:00:00.000Z");
    const s = await admin.request({
      method: "PUT",
      url: "/api/notifications/settings",
      payload: { mode: "digest", email: "nam@stp.thanhhoa.test" },
    });
    assert.equal(s.statusCode, 200, s.body);
    // Work arrives for the agency: THADS Thanh Hóa sends a guidance request to the Sở Tư pháp.
    const thads = await signedIn(app, "sysadmin");
    const r = await thads.post("/api/requests", {
      kind: "guidance",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "stp-thanh-hoa",
      topic: "Hướng dẫn xác định thiệt hại do tài sản bị kê biên",
      due: "2026-03-10",
    });
    assert.equal(r.statusCode, 201, r.body);
    // Per-event users get it at once; the digest user only at 07:00.
    const before = smtp.inbox.length;
    await mailEachEvent(database.db, mailer, { baseUrl: BASE });
    assert.ok(smtp.inbox.slice(before).every((m) => m.to !== "nam@stp.thanhhoa.test"));
    const n = await mailDigests(database.db, mailer, { baseUrl: BASE, now: next as Date });
    assert.equal(n, 1);
    const d = smtp.inbox.filter((m) => m.to === "nam@stp.thanhhoa.test");
    assert.equal(d.length, 1);
    assert.match(d[0].subject, /^\[BTNN\] Tổng hợp thông báo ngày 02\/03\/2026 \(\d+ thông báo\)$/);
    assert.match(d[0].text, /Hướng dẫn xác định thiệt hại do tài sản bị kê biên/);
    assert.ok(d[0].text.includes(`${BASE}/requests?box=inbox&open=${r.json().id}`), d[0].text);
    assert.ok(!d[0].text.includes(CLAIMANT));
    assert.equal(await mailDigests(database.db, mailer, { baseUrl: BASE, now: next as Date }), 0);
  });

  // The server's wiring (src/cli/commands/serve.ts): the configuration → the scheduler's mail → its dispatch. The same
  // steps run with and without SMTP_URL while the loopback server listens: with it one mail arrives (so the check
  // below can fail), without it none, to anybody.
  const sameSteps = async (env: Record<string, string>, email: string, code: string) => {
    const config = loadConfig({ DATA_DIR: "/tmp/btnn-mail-off", PUBLIC_URL: BASE, ...env });
    const server = await buildApp({ database, config });
    await server.ready();
    const scheduler = startScheduler({ db: database.db, catchUp: false, mail: schedulerMail(config) });
    try {
      const [c] = await database.db
        .insert(claims)
        .values({ code, field: "civil_enforcement", handlingAgencyId: "stp-thanh-hoa", claimantName: CLAIMANT })
        .returning();
      const [d] = await database.db
        .insert(claimDeadlines)
        .values({
          claimId: c.id,
          position: 1,
          step: "accept",
          label: "Thụ lý hồ sơ",
          due: "2026-03-20",
          status: "open",
        })
        .returning();
      const me = await signedIn(server, "officer");
      const s = await me.request({
        method: "PUT",
        url: "/api/notifications/settings",
        payload: { mode: "each", email },
      });
      assert.equal(s.statusCode, 200, s.body);
      const a = await (await signedIn(server, "agency_admin")).post("/api/inbox/assign", {
        kind: "claim_deadline",
        id: d.id,
        assignee_id: userIds.officer,
      });
      assert.equal(a.statusCode, 200, a.body);
      const before = smtp.inbox.length;
      await scheduler.dispatchMail();
      await scheduler.runNow();
      return { mailEnabled: s.json().mail_enabled as boolean, received: smtp.inbox.slice(before) };
    } finally {
      await scheduler.stop();
      await server.close();
    }
  };

  test("không cấu hình SMTP_URL: việc được giao và lượt gửi thư của bộ lập lịch không gửi thư nào tới máy chủ SMTP đang nghe; giao diện được báo thư đang tắt", async () => {
    assert.equal(loadConfig({ DATA_DIR: "/tmp/btnn-mail-off" }).smtpUrl, undefined);
    const off = await sameSteps({}, "tat@stp.thanhhoa.test", "BT-TH-2026-08");
    assert.equal(off.mailEnabled, false);
    assert.deepEqual(off.received, []);
    // The same steps with SMTP_URL set do send: the mail of the assignment.
    const on = await sameSteps({ SMTP_URL: smtp.url }, "bat@stp.thanhhoa.test", "BT-TH-2026-09");
    assert.equal(on.mailEnabled, true);
    assert.deepEqual(
      on.received.map((m) => [m.to, m.subject]),
      [["bat@stp.thanhhoa.test", "[BTNN] Bạn được giao: Vụ việc BT-TH-2026-09: Thụ lý hồ sơ"]],
    );
  });

  test("SMTP_URL sai dạng: lỗi cấu hình nêu tên biến", () => {
    assert.throws(() => loadConfig({ SMTP_URL: "mail.example.vn" }), /SMTP_URL/);
  });
});
