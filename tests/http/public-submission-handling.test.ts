// Issue 15, the officers' side of online submissions, on both engines with a real SMTP server on loopback: only the
// agency holding a submission sees and decides it (another agency → 404/403, nothing written); the person's data is
// masked and revealing it is audited; a claim file is accepted as ONE claim (received event dated the submission's
// Vietnam date, claimant data and files copied; a double click → one claim, the second 409 in Vietnamese); the Sở Tư
// pháp forwards a file whose handling agency was unclear (Luật TNBTCNN 2017, Điều 41 khoản 4) and the agency is
// notified; a support request is answered (Thông tư 09/2019/TT-BTP, Điều 5); the status page shows each outcome; the
// person is mailed at each step and when the linked claim moves on.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hash } from "@node-rs/argon2";
import { memberships, users } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { mailPublicSubmissionUpdates } from "../../src/jobs/public-submission-mail.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { type Client, type HostileFixture, hostileFixture, PASSWORD, signedIn } from "../hostile/fixture.ts";
import { type SmtpFixture, startSmtp } from "../mail/smtp-fixture.ts";
import { PDF_B64, SUBMISSION } from "./public-submission-fixture.ts";

const BASE = "https://btnn.test";
let smtp: SmtpFixture;
before(async () => {
  smtp = await startSmtp();
});
after(() => smtp?.close());

/** The next mail to `to` whose subject names `code`, after `already` of them (waits for the background send). */
const mailFor = (to: string, code: string, already: number) => smtp.mailTo(to, already, code);
const mailsFor = (to: string, code: string) => smtp.mailsTo(to, code).length;
const dashed = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");

for (const engine of availableEngines()) {
  describe(`Cổng công dân — cơ quan xử lý hồ sơ gửi trực tuyến (${engine})`, () => {
    let fx: HostileFixture;
    let thads: Client;
    let stp: Client;
    let hn: Client;
    let cuc: Client;
    let n = 0;
    const count = async (table: string) =>
      Number((await fx.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n);
    const audits = async (action: string) =>
      Number(
        (
          await fx.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = $1", [action])
        )[0].n,
      );

    /** A citizen's submission through the public route; returns its id, code and the e-mail it gave. */
    async function submit(over: Record<string, unknown> = {}) {
      const email = `nguoi.gui.${engine}.${++n}@example.vn`;
      const body = { ...SUBMISSION, person: { ...SUBMISSION.person, email }, ...over };
      const r = await fx.app.inject({
        method: "POST",
        url: "/api/public/submissions",
        payload: body,
        remoteAddress: `198.51.100.${n}`,
      });
      assert.equal(r.statusCode, 201, r.body);
      const code = r.json().code as string;
      const [row] = await fx.database.query<{ id: string }>("select id from public_submissions where code = $1", [
        code,
      ]);
      return { id: row.id, code, email };
    }
    const status = async (code: string, factor = "0912345678") =>
      fx.app.inject({
        method: "POST",
        url: "/api/public/status",
        payload: { code, factor },
        remoteAddress: "192.0.2.1",
      });

    before(async () => {
      fx = await hostileFixture(engine, { config: { smtpUrl: smtp.url, publicUrl: BASE } });
      // An officer of Cục THADS tỉnh Thanh Hóa (the competent agency of the claim files below).
      const [u] = await fx.database.db
        .insert(users)
        .values({ username: "officer_thads", fullName: "Cán bộ THADS Thanh Hóa", passwordHash: await hash(PASSWORD) })
        .returning({ id: users.id });
      await fx.database.db.insert(memberships).values({ userId: u.id, agencyId: "thads-thanh-hoa", role: "officer" });
      thads = await signedIn(fx.app, "officer_thads");
      stp = await signedIn(fx.app, "officer");
      hn = await signedIn(fx.app, "officer_hn");
      cuc = await signedIn(fx.app, "officer_cuc");
    });
    after(() => fx.close());

    test("phạm vi: cơ quan khác không thấy, không tải tệp, không quyết định được (404, không ghi gì)", async () => {
      const s = await submit();
      const before = {
        claims: await count("claims"),
        audit: await count("audit_log"),
        steps: await count("public_submission_steps"),
      };
      for (const c of [stp, hn]) {
        assert.equal((await c.get(`/api/public-submissions/${s.id}`)).statusCode, 404);
        assert.equal((await c.get(`/api/public-submissions/${s.id}?reveal=personal`)).statusCode, 404);
        const list = await c.get("/api/public-submissions");
        assert.equal(list.statusCode, 200);
        assert.ok(!list.json().items.some((i: { id: string }) => i.id === s.id));
        const a = await c.post(`/api/public-submissions/${s.id}/accept`, {});
        assert.equal(a.statusCode, 404, a.body);
        assert.match(a.json().error, /Không tìm thấy/);
        assert.equal(
          (await c.post(`/api/public-submissions/${s.id}/refuse`, { reason: "Không thuộc phạm vi giải quyết." }))
            .statusCode,
          404,
        );
      }
      const [file] = (await thads.get(`/api/public-submissions/${s.id}`)).json().files;
      assert.equal((await hn.get(`/api/public-submissions/${s.id}/files/${file.id}`)).statusCode, 404);
      assert.deepEqual(
        {
          claims: await count("claims"),
          audit: await count("audit_log"),
          steps: await count("public_submission_steps"),
        },
        before,
      );
    });

    test("che thông tin cá nhân; ?reveal=personal hiện và ghi nhật ký; tải tệp đính kèm nguyên vẹn", async () => {
      const s = await submit();
      const list = await thads.get("/api/public-submissions?status=received");
      assert.equal(list.statusCode, 200, list.body);
      const item = list.json().items.find((i: { id: string }) => i.id === s.id);
      assert.ok(item, "the submission is in the holder's list");
      assert.equal(item.held_here, true);
      assert.equal(item.attachments, 2);
      assert.ok(!list.body.includes("0912345678") && !list.body.includes("038090001234"));
      const reads = await audits("public_submission.personal_data.read");
      const masked = await thads.get(`/api/public-submissions/${s.id}`);
      assert.equal(masked.statusCode, 200, masked.body);
      const m = masked.json();
      assert.equal(m.person.masked, true);
      assert.equal(m.person.full_name, "Trần Văn Bình");
      assert.equal(m.person.phone, "••••••••78");
      assert.equal(m.person.id_number, "•••••••••234");
      assert.ok(!masked.body.includes("Hàng Than") && !masked.body.includes(s.email));
      assert.deepEqual(m.actions, ["accept", "refuse"]);
      assert.equal(await audits("public_submission.personal_data.read"), reads, "a masked read is not audited");
      const shown = await thads.get(`/api/public-submissions/${s.id}?reveal=personal`);
      assert.equal(shown.statusCode, 200);
      assert.equal(shown.json().person.phone, "0912345678");
      assert.equal(shown.json().person.email, s.email);
      assert.equal(shown.headers["cache-control"], "private, no-store");
      assert.equal(await audits("public_submission.personal_data.read"), reads + 1);
      const [row] = await fx.database.query<{ actor_agency_id: string; entity_id: string; after: string }>(
        "select actor_agency_id, entity_id, after::text from audit_log where action = 'public_submission.personal_data.read' order by seq desc limit 1",
      );
      assert.equal(row.actor_agency_id, "thads-thanh-hoa");
      assert.equal(row.entity_id, s.id);
      assert.ok(!row.after.includes("0912345678"), "the audit row names the fields, not their values");
      const file = m.files.find((f: { file_name: string }) => f.file_name === "quyet-dinh.pdf");
      const dl = await thads.get(`/api/public-submissions/${s.id}/files/${file.id}`);
      assert.equal(dl.statusCode, 200);
      assert.ok(dl.rawPayload.equals(Buffer.from(PDF_B64, "base64")));
    });

    test("tiếp nhận thành vụ việc: bấm hai lần → một vụ việc, lần sau 409 tiếng Việt; dữ liệu và tệp được chép; tra cứu và thư báo", async () => {
      const s = await submit();
      const claimsBefore = await count("claims");
      const mailsBefore = mailsFor(s.email, dashed(s.code));
      const [a, b] = await Promise.all([
        thads.post(`/api/public-submissions/${s.id}/accept`, {}),
        thads.post(`/api/public-submissions/${s.id}/accept`, {}),
      ]);
      const codes = [a.statusCode, b.statusCode].sort();
      assert.deepEqual(codes, [201, 409], `${a.body} ${b.body}`);
      const ok = a.statusCode === 201 ? a : b;
      const dup = a.statusCode === 201 ? b : a;
      assert.match(dup.json().error, /đã được tiếp nhận thành vụ việc/);
      assert.equal(await count("claims"), claimsBefore + 1);
      const again = await thads.post(`/api/public-submissions/${s.id}/accept`, {});
      assert.equal(again.statusCode, 409);
      assert.equal(await count("claims"), claimsBefore + 1);
      const { claim_id, claim_code, submission } = ok.json();
      assert.equal(submission.status, "accepted");
      assert.equal(submission.claim.id, claim_id);
      assert.deepEqual(submission.actions, []);
      const claim = (await thads.get(`/api/claims/${claim_id}?reveal=personal`)).json();
      assert.equal(claim.code, claim_code);
      assert.equal(claim.handling_agency_id, "thads-thanh-hoa");
      assert.equal(claim.field, "civil_enforcement");
      assert.equal(claim.claimant_name, "Trần Văn Bình");
      assert.equal(claim.claimant_phone, "0912345678");
      assert.equal(claim.claimant_id_number, "038090001234");
      assert.equal(claim.amount_requested, 40_000_000);
      // What the person claims under each head reaches the claim, not only the total.
      assert.match(claim.summary, /Thiệt hại do tài sản bị xâm phạm: Xe tải bị kê biên 2 tháng — 40\.000\.000 đồng/);
      const [sub] = await fx.database.query<{ submitted_on: string }>(
        "select submitted_on::text from public_submissions where id = $1",
        [s.id],
      );
      assert.deepEqual(
        claim.events.map((e: { type: string; date: string }) => [e.type, e.date]),
        [["received", sub.submitted_on]],
      );
      assert.deepEqual(claim.documents.map((d: { file_name: string }) => d.file_name).sort(), [
        "quyet-dinh.pdf",
        "xe.png",
      ]);
      const doc = claim.documents.find((d: { file_name: string }) => d.file_name === "quyet-dinh.pdf");
      const bytes = await thads.get(`/api/claims/${claim_id}/documents/${doc.id}`);
      assert.ok(bytes.rawPayload.equals(Buffer.from(PDF_B64, "base64")));
      // The status page: accepted, the claim's step and number, the next statutory date, the holder — no personal data.
      const st = await status(s.code);
      assert.equal(st.statusCode, 200, st.body);
      const sb = st.json();
      assert.equal(sb.step, "accepted");
      assert.equal(sb.holder.id, "thads-thanh-hoa");
      assert.equal(sb.claim.code, claim_code);
      assert.equal(sb.claim.step_label, "Đã nhận hồ sơ");
      assert.equal(sb.next_date.basis, "Luật TNBTCNN 2017, Điều 42 khoản 2");
      assert.match(sb.next_date.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(!st.body.includes("0912345678") && !st.body.includes("Hàng Than") && !st.body.includes("038090001234"));
      // The mail: the step, the holder, the next date; no ID number or phone.
      const mail = await mailFor(s.email, dashed(s.code), mailsBefore);
      assert.match(mail.subject, /tiếp nhận hồ sơ vào sổ/);
      assert.match(mail.text, /Cục Thi hành án dân sự tỉnh Thanh Hóa|Thi hành án dân sự.*Thanh Hóa/);
      assert.match(mail.text, /Hạn tiếp theo: .*Điều 42 khoản 2/);
      assert.ok(mail.text.includes(`${BASE}/cong-dan/tra-cuu`));
      assert.ok(!mail.text.includes("0912345678") && !mail.text.includes("038090001234"));
      // The claim moves on (file found valid): the person is mailed its new step, once.
      const ev = await thads.post(`/api/claims/${claim_id}/events`, { type: "file_valid", date: sub.submitted_on });
      assert.equal(ev.statusCode, 201, ev.body);
      const mailer = createMailer({ smtpUrl: smtp.url })!;
      try {
        const sent = await mailPublicSubmissionUpdates(fx.database.db, mailer, { baseUrl: BASE });
        assert.ok(sent >= 1);
        const moved = await mailFor(s.email, dashed(s.code), mailsBefore + 1);
        assert.match(moved.subject, /Hồ sơ hợp lệ, chờ thụ lý/);
        assert.equal(await mailPublicSubmissionUpdates(fx.database.db, mailer, { baseUrl: BASE }), 0, "mailed once");
      } finally {
        mailer.close();
      }
      assert.equal((await status(s.code)).json().claim.step_label, "Hồ sơ hợp lệ, chờ thụ lý");
    });

    test("tra cứu: người gửi thấy từng bước cơ quan ghi trên vụ việc (ngày, cơ quan), không thấy ghi chú nội bộ", async () => {
      const s = await submit({ request_advance: true });
      const a = await thads.post(`/api/public-submissions/${s.id}/accept`, {});
      assert.equal(a.statusCode, 201, a.body);
      const { claim_id } = a.json();
      // Luật TNBTCNN 2017, Điều 44: the request for an advance reaches the officer on the claim.
      const made = (await thads.get(`/api/claims/${claim_id}`)).json();
      assert.match(made.summary, /đề nghị: tạm ứng kinh phí bồi thường \(Luật TNBTCNN 2017, Điều 44\)/);
      const [sub] = await fx.database.query<{ submitted_on: string }>(
        "select submitted_on::text from public_submissions where id = $1",
        [s.id],
      );
      for (const type of ["file_valid", "accepted"]) {
        const ev = await thads.post(`/api/claims/${claim_id}/events`, {
          type,
          date: sub.submitted_on,
          note: "Đã gọi 0988777666 để hẹn",
        });
        assert.equal(ev.statusCode, 201, ev.body);
      }
      const st = await status(s.code);
      assert.equal(st.statusCode, 200, st.body);
      const history = st.json().history as Array<{ label: string; on: string; agency: string }>;
      const claimSteps = history.filter((h) => h.label === "Hồ sơ hợp lệ" || h.label === "Thụ lý hồ sơ");
      assert.deepEqual(
        claimSteps.map((h) => [h.label, h.on]),
        [
          ["Hồ sơ hợp lệ", sub.submitted_on],
          ["Thụ lý hồ sơ", sub.submitted_on],
        ],
      );
      for (const h of claimSteps) assert.match(h.agency, /Thanh Hóa/);
      // The claim's own receipt is the submission's acceptance, listed once.
      assert.equal(history.filter((h) => /Nhận hồ sơ yêu cầu bồi thường/.test(h.label)).length, 0);
      assert.ok(!st.body.includes("0988777666"), "no internal note on the public page");
    });

    test("Idempotency-Key: gửi lại cùng mã nhận lại đúng kết quả lần đầu, một vụ việc", async () => {
      const s = await submit();
      const before = await count("claims");
      const key = `accept-${engine}-${s.code}`;
      const send = () =>
        thads.request({
          method: "POST",
          url: `/api/public-submissions/${s.id}/accept`,
          payload: {},
          headers: { "idempotency-key": key },
        });
      const first = await send();
      const second = await send();
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(second.statusCode, 201);
      assert.equal(second.headers["idempotent-replayed"], "true");
      assert.ok(second.rawPayload.equals(first.rawPayload));
      assert.equal(await count("claims"), before + 1);
    });

    test("Sở Tư pháp xác định cơ quan giải quyết và chuyển hồ sơ (Điều 41 khoản 4): hộp việc, thông báo, nhật ký, thư", async () => {
      const s = await submit({ answers: { ...SUBMISSION.answers, agency_kind: "unknown" } });
      assert.equal((await thads.get(`/api/public-submissions/${s.id}`)).statusCode, 404, "not the THADS's yet");
      // The receiving Sở Tư pháp's bell rings for the new file (it used to show only in the work list).
      const bell = (await stp.get("/api/notifications")).json();
      assert.ok(JSON.stringify(bell).includes(`mới gửi trực tuyến, mã ${s.code}`), "the Sở Tư pháp is notified");
      assert.ok(!JSON.stringify(bell).includes("Trần Văn Bình"), "no personal data in the notification");
      const held = (await stp.get(`/api/public-submissions/${s.id}`)).json();
      assert.equal(held.determined_by_so_tu_phap, true);
      assert.deepEqual(held.actions, ["refuse", "forward"]);
      // The Sở Tư pháp does not accept it itself.
      const acc = await stp.post(`/api/public-submissions/${s.id}/accept`, {});
      assert.equal(acc.statusCode, 409, acc.body);
      assert.match(acc.json().error, /Điều 41 khoản 4/);
      // Bad target: named field, nothing written.
      const steps = await count("public_submission_steps");
      const bad = await stp.post(`/api/public-submissions/${s.id}/forward`, { agency_id: "khong-co" });
      assert.equal(bad.statusCode, 422, bad.body);
      assert.equal(bad.json().issues[0].path, "/agency_id");
      assert.equal(await count("public_submission_steps"), steps);
      const forwards = await audits("public_submission.forward");
      const fw = await stp.post(`/api/public-submissions/${s.id}/forward`, { agency_id: "thads-thanh-hoa" });
      assert.equal(fw.statusCode, 200, fw.body);
      assert.equal(fw.json().status, "forwarded");
      assert.equal(fw.json().held_here, false);
      assert.deepEqual(fw.json().actions, []);
      assert.equal(await audits("public_submission.forward"), forwards + 1);
      // Forwarded once: the Sở Tư pháp no longer holds it.
      const twice = await stp.post(`/api/public-submissions/${s.id}/forward`, { agency_id: "thads-thanh-hoa" });
      assert.equal(twice.statusCode, 403, twice.body);
      // The THADS: its inbox, its notification, its list; it may accept now.
      const box = (await thads.get("/api/inbox")).json();
      assert.ok(
        box.items.some(
          (i: { kind: string; url: string }) =>
            i.kind === "public_submission" && i.url === `/public-submissions/${s.id}`,
        ),
      );
      const notes = (await thads.get("/api/notifications")).json();
      assert.ok(JSON.stringify(notes).includes(s.code), "the THADS is notified");
      const now = (await thads.get(`/api/public-submissions/${s.id}`)).json();
      assert.equal(now.holder.id, "thads-thanh-hoa");
      assert.deepEqual(now.actions, ["accept", "refuse"]);
      const st = (await status(s.code)).json();
      assert.equal(st.step, "forwarded");
      assert.equal(st.holder.id, "thads-thanh-hoa");
      assert.ok(st.next_date, "the acceptance date counted from the forwarding");
      const mail = await mailFor(s.email, dashed(s.code), 0);
      assert.match(mail.subject, /Sở Tư pháp đã chuyển hồ sơ/);
    });

    test("Luật TNBTCNN 2017, Điều 41 khoản 4 — hồ sơ do Sở Tư pháp chuyển: vụ việc nhận hồ sơ ngày được chuyển (thời hạn Điều 42–43 tính từ đó), ghi ngày nộp tại Sở (NĐ 68/2018 Điều 13)", async () => {
      const s = await submit({ answers: { ...SUBMISSION.answers, agency_kind: "unknown" } });
      // Filed with the Sở a week ago; forwarded today.
      await fx.database.query("update public_submissions set submitted_on = submitted_on - 7 where id = $1", [s.id]);
      await fx.database.query(
        'update public_submission_steps set "on" = "on" - 7 where submission_id = $1 and step = \'received\'',
        [s.id],
      );
      const [{ filed }] = await fx.database.query<{ filed: string }>(
        "select to_char(submitted_on, 'DD/MM/YYYY') as filed from public_submissions where id = $1",
        [s.id],
      );
      assert.equal(
        (await stp.post(`/api/public-submissions/${s.id}/forward`, { agency_id: "thads-thanh-hoa" })).statusCode,
        200,
      );
      const [{ on }] = await fx.database.query<{ on: string }>(
        "select to_char(\"on\", 'YYYY-MM-DD') as on from public_submission_steps where submission_id = $1 and step = 'forwarded'",
        [s.id],
      );
      const a = await thads.post(`/api/public-submissions/${s.id}/accept`, {});
      assert.equal(a.statusCode, 201, a.body);
      const claim = (await thads.get(`/api/claims/${a.json().claim_id}`)).json();
      const received = claim.events.find((e: { type: string }) => e.type === "received");
      assert.equal(received.date, on, "the handling agency received the file when it was forwarded");
      assert.match(received.note, new RegExp(`nộp tại Sở Tư pháp ngày ${filed}`));
    });

    test("trả lời đề nghị hỗ trợ (TT 09/2019 Điều 5): nội dung hiện trên trang tra cứu; trả lại hồ sơ nêu lý do", async () => {
      const s = await submit({
        kind: "support",
        answers: { activity: "civil_enforcement", agency_kind: "thads_province", province: "thanh-hoa" },
        attachments: [],
      });
      assert.equal(
        (await thads.post(`/api/public-submissions/${s.id}/answer`, { text: "Trả lời ngắn gọn đủ dài." })).statusCode,
        404,
      );
      const short = await cuc.post(`/api/public-submissions/${s.id}/answer`, { text: "Ngắn" });
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().issues[0].path, "/text");
      const acc = await cuc.post(`/api/public-submissions/${s.id}/accept`, {});
      assert.equal(acc.statusCode, 409);
      const text =
        "Ông/bà gửi văn bản yêu cầu bồi thường kèm quyết định hủy quyết định kê biên đến Cục THADS tỉnh Thanh Hóa.";
      const r = await cuc.post(`/api/public-submissions/${s.id}/answer`, { text });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, "answered");
      const st = (await status(s.code)).json();
      assert.equal(st.step, "answered");
      assert.equal(st.answer, text);
      const mail = await mailFor(s.email, dashed(s.code), 0);
      assert.ok(mail.text.includes(text));

      const c = await submit();
      const reason =
        "Việc không thuộc phạm vi trách nhiệm bồi thường của Nhà nước (Luật TNBTCNN 2017, Điều 43 khoản 2).";
      const ref = await thads.post(`/api/public-submissions/${c.id}/refuse`, { reason });
      assert.equal(ref.statusCode, 200, ref.body);
      const sr = (await status(c.code)).json();
      assert.equal(sr.step, "refused");
      assert.equal(sr.answer, reason);
      assert.equal(sr.next_date, null);
      assert.equal((await thads.post(`/api/public-submissions/${c.id}/accept`, {})).statusCode, 409);
    });
  });
}
