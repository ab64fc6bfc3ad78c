// The data subject's rights on an online submission (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4), with the
// receipt code and second factor only: see the data held (audited, no values in the trail), ask for a correction (stored,
// in the holding agency's inbox, never applied by itself; the officer answers), withdraw consent (before acceptance:
// withdrawn and erased; after acceptance: kept for the claim procedure, e-mail dropped).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { collectInbox } from "../../src/db/repositories/inbox/list.ts";
import { CONSENT_VERSION, ERASED } from "../../src/domain/portal/index.ts";
import { type Fixture, setupFixture, signedIn } from "./helpers.ts";
import { SUBMISSION as CLAIM_FILE, PDF_B64 } from "./public-submission-fixture.ts";

/** The shared claim file, sent by another person with one attachment and no amount. */
const SUBMISSION = {
  ...CLAIM_FILE,
  person: {
    full_name: "Lê Thị Hoa",
    id_number: "038190004321",
    address: "Số 7 phố Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
    phone: "0987654321",
    email: "hoa@example.vn",
  },
  facts: "Chấp hành viên kê biên nhầm căn nhà của tôi.",
  damage_heads: [{ head: "property", description: "Nhà bị niêm phong 3 tháng" }],
  attachments: [{ kind: "basis_document", title: "Quyết định", file_name: "qd.pdf", content_base64: PDF_B64 }],
  factor: { kind: "phone", value: "0987654321" },
};
const PERSONAL = ["Lê Thị Hoa", "038190004321", "Lê Lợi", "0987654321", "hoa@example.vn", "kê biên nhầm căn nhà"];

describe("Quyền của chủ thể dữ liệu (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4)", () => {
  let fx: Fixture;
  let ip = 0;
  before(async () => {
    fx = await setupFixture({ now: () => new Date("2026-12-03T03:00:00Z") });
  });
  after(() => fx.close());
  const post = (url: string, payload: unknown) =>
    fx.app.inject({ method: "POST", url, payload: payload as object, remoteAddress: `203.0.113.${++ip}` });
  const submit = async () => {
    const r = await post("/api/public/submissions", SUBMISSION);
    assert.equal(r.statusCode, 201, r.body);
    return r.json().code as string;
  };
  const auditAfter = async (action: string) =>
    (
      await fx.database.query<{ after: string }>(
        "select after::text from audit_log where action = $1 order by seq desc limit 1",
        [action],
      )
    )[0]?.after;

  test("xem dữ liệu: mã + số điện thoại → toàn bộ dữ liệu đã khai, tệp, sự đồng ý; sai yếu tố → 404 như tra cứu; có ghi nhật ký (không chứa dữ liệu)", async () => {
    const code = await submit();
    const wrong = await post("/api/public/my-data", { code, factor: "0900000000" });
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.json().code, "not_found");
    const r = await post("/api/public/my-data", { code, factor: "0987 654 321" });
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json();
    assert.equal(b.person.full_name, "Lê Thị Hoa");
    assert.equal(b.person.id_number, "038190004321");
    assert.equal(b.person.email, "hoa@example.vn");
    assert.equal(b.facts, SUBMISSION.facts);
    assert.equal(b.damage_heads[0].description, "Nhà bị niêm phong 3 tháng");
    assert.deepEqual(
      b.attachments.map((a: { file_name: string }) => a.file_name),
      ["qd.pdf"],
    );
    assert.equal(b.consent.text_version, CONSENT_VERSION);
    assert.equal(b.consent.withdrawn_at, null);
    assert.equal(b.controller.id, "thads-thanh-hoa");
    assert.equal(b.withdrawal.erase, true);
    assert.match(b.withdrawal.explanation, /bị xóa/);
    assert.equal(r.headers["cache-control"], "no-store");
    const trail = await auditAfter("public_submission.subject_access");
    assert.ok(trail && PERSONAL.every((p) => !trail.includes(p)), trail);
  });

  test("đề nghị sửa: lưu, không tự sửa dữ liệu; cơ quan giữ hồ sơ thấy trong hộp việc, xem (ghi nhật ký) và trả lời; người yêu cầu đọc được câu trả lời", async () => {
    const code = await submit();
    const bad = await post("/api/public/my-data/corrections", { code, factor: "0987654321", field: "tuoi", value: "" });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
      ["/field", "/value"],
    );
    const r = await post("/api/public/my-data/corrections", {
      code,
      factor: "0987654321",
      field: "address",
      value: "Số 9 phố Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
      reason: "Ghi nhầm số nhà",
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().status, "open");
    assert.equal(r.json().field_label, "Địa chỉ");
    const mine = (await post("/api/public/my-data", { code, factor: "0987654321" })).json();
    assert.equal(mine.person.address, SUBMISSION.person.address, "không tự sửa");
    assert.equal(mine.corrections.length, 1);

    const inbox = await collectInbox(fx.database.db, "thads-thanh-hoa", "2026-12-03");
    const item = inbox.find((i) => i.kind === "public_data_request" && i.id === r.json().id);
    assert.ok(item, "trong hộp việc của THADS Thanh Hóa");
    assert.match(item.title, new RegExp(code));
    assert.match(item.url, new RegExp(`^/public-submissions/[0-9a-f-]{36}\\?data_request=${r.json().id}$`));
    assert.equal(
      (await collectInbox(fx.database.db, "thads-ha-noi", "2026-12-03")).filter((i) => i.kind === "public_data_request")
        .length,
      0,
    );

    const officer = await signedIn(fx.app, "officer"); // Sở Tư pháp Thanh Hóa: the province's agencies in scope
    const read = await officer.request({ method: "GET", url: `/api/public-data-requests/${r.json().id}` });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().value, "Số 9 phố Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa");
    assert.equal(read.json().masked, false);
    assert.ok(await auditAfter("public_data_request.reveal"));
    const viewer = await signedIn(fx.app, "viewer");
    const masked = await viewer.request({ method: "GET", url: `/api/public-data-requests/${r.json().id}` });
    assert.equal(masked.json().masked, true);
    assert.ok(!masked.body.includes("Lê Lợi"));
    const close = await officer.request({
      method: "POST",
      url: `/api/public-data-requests/${r.json().id}/close`,
      payload: { status: "done", answer: "Đã sửa địa chỉ trong hồ sơ vụ việc." },
    });
    assert.equal(close.statusCode, 200, close.body);
    const again = await officer.request({
      method: "POST",
      url: `/api/public-data-requests/${r.json().id}/close`,
      payload: { status: "refused", answer: "x" },
    });
    assert.equal(again.statusCode, 409);
    const after = (await post("/api/public/my-data", { code, factor: "0987654321" })).json();
    assert.equal(after.corrections[0].status, "done");
    assert.equal(after.corrections[0].answer, "Đã sửa địa chỉ trong hồ sơ vụ việc.");
    assert.ok(
      !(await collectInbox(fx.database.db, "thads-thanh-hoa", "2026-12-03")).some((i) => i.id === r.json().id),
      "đã trả lời → rời hộp việc",
    );
  });

  test("rút lại sự đồng ý trước khi thụ lý: hồ sơ đã rút, dữ liệu cá nhân và tệp bị xóa, tra cứu vẫn cho biết; rút lần hai, sửa sau khi rút → từ chối", async () => {
    const code = await submit();
    await post("/api/public/my-data/corrections", { code, factor: "0987654321", field: "phone", value: "0911111111" });
    const no = await post("/api/public/my-data/withdraw", { code, factor: "0987654321", confirm: false });
    assert.equal(no.statusCode, 400);
    assert.equal(no.json().issues[0].path, "/confirm");
    const r = await post("/api/public/my-data/withdraw", { code, factor: "0987654321", confirm: true });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().erased, true);
    assert.equal(r.json().step, "withdrawn");
    const [row] = await fx.database.query<Record<string, unknown>>(
      `select s.*, (select count(*)::int from public_submission_files f where f.submission_id = s.id) as files,
              (select string_agg(requested_value, '|') from public_data_requests d where d.submission_id = s.id) as asked
         from public_submissions s where code = $1`,
      [code],
    );
    assert.equal(row.status, "withdrawn");
    assert.equal(row.person_name, ERASED);
    assert.equal(row.person_address, ERASED);
    assert.equal(row.facts, ERASED);
    for (const k of ["person_id_number", "person_phone", "person_email", "person_date_of_birth"])
      assert.equal(row[k], null, k);
    assert.equal(Number(row.files), 0);
    assert.equal(row.asked, ERASED);
    assert.ok(!JSON.stringify(row).includes("0987654321"));
    const trail = await auditAfter("public_submission.consent_withdraw");
    assert.ok(trail && PERSONAL.every((p) => !trail.includes(p)));

    const st = await post("/api/public/status", { code, factor: "0987654321" });
    assert.equal(st.statusCode, 200, st.body);
    assert.equal(st.json().step, "withdrawn");
    assert.equal(st.json().consent_withdrawn_on, "2026-12-03");
    assert.equal(st.json().next_date, null);
    assert.ok(
      !(await collectInbox(fx.database.db, "thads-thanh-hoa", "2026-12-03")).some((i) => i.title.includes(code)),
    );

    const twice = await post("/api/public/my-data/withdraw", { code, factor: "0987654321", confirm: true });
    assert.equal(twice.statusCode, 422);
    assert.equal(twice.json().code, "consent_withdrawn");
    const late = await post("/api/public/my-data/corrections", {
      code,
      factor: "0987654321",
      field: "other",
      value: "x",
    });
    assert.equal(late.statusCode, 422);
    const mine = (await post("/api/public/my-data", { code, factor: "0987654321" })).json();
    assert.equal(mine.withdrawal, null);
    assert.ok(mine.consent.withdrawn_at);
  });

  test("rút lại sự đồng ý khi đã thụ lý: giữ dữ liệu cần cho việc giải quyết bồi thường (chưa xác minh số điều), bỏ thư điện tử", async () => {
    const code = await submit();
    await fx.database.query("update public_submissions set status = 'accepted' where code = $1", [code]);
    const preview = (await post("/api/public/my-data", { code, factor: "0987654321" })).json();
    assert.equal(preview.withdrawal.erase, false);
    assert.equal(preview.withdrawal.confidence, "unverified");
    const r = await post("/api/public/my-data/withdraw", { code, factor: "0987654321", confirm: true });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().erased, false);
    assert.match(r.json().explanation, /đã được thụ lý/);
    const [row] = await fx.database.query<Record<string, unknown>>(
      "select status, person_name, person_email, consent_withdrawn_at from public_submissions where code = $1",
      [code],
    );
    assert.equal(row.status, "accepted");
    assert.equal(row.person_name, "Lê Thị Hoa");
    assert.equal(row.person_email, null);
    assert.ok(row.consent_withdrawn_at);
  });

  test("dò mã qua các đường dẫn quyền dữ liệu: cùng bộ đếm theo mã với tra cứu (5 lần sai → 429 tiếng Việt)", async () => {
    const code = await submit();
    const bodies = [{}, { field: "other", value: "x" }, { confirm: true }];
    const urls = ["/api/public/my-data", "/api/public/my-data/corrections", "/api/public/my-data/withdraw"];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post(urls[i % 3]!, { code, factor: `09000000${10 + i}`, ...bodies[i % 3] })).statusCode);
    const last = await post("/api/public/status", { code, factor: "0987654321" });
    assert.deepEqual([...statuses, last.statusCode], [404, 404, 404, 404, 404, 429, 429]);
    assert.match(last.json().error, /thử quá nhiều lần/);
  });
});
