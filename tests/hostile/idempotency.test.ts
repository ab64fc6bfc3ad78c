// Issue 13, finding 12: double submits. Every creating route (each POST the OpenAPI document lists with an
// `idempotency-key` header parameter — src/http/plugins/idempotency.ts adds it to every POST unless the route says
// `config: { idempotency: false }`) gets 5 concurrent identical submissions with one Idempotency-Key: exactly one
// record (one audit entry of the route's action) and five identical responses. Every POST is in ROUTES or, when it
// opts out, in OPT_OUTS with the reason a repeat cannot create twice: a POST added later in neither fails the guard
// test below. Both engines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createSubmission } from "../../src/db/repositories/public-submissions.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { defaultCalendar } from "../../src/domain/calendar/index.ts";
import { CONSENT_VERSION } from "../../src/domain/portal/consent.ts";
import { todayVn } from "../../src/domain/shared/dates.ts";
import { IDEMPOTENCY_HEADER } from "../../src/http/plugins/idempotency.ts";
import { type Client, createObjects, type HostileFixture, hostileFixture, type Objects, signedIn } from "./fixture.ts";
import { type Call, OPT_OUTS, ROUTES, requestToStp, SIGNATURE } from "./idempotency/routes.ts";

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>>;
};

for (const engine of availableEngines()) {
  describe(`Phát hiện 12: gửi trùng (Idempotency-Key) trên mọi đường dẫn tạo mới (${engine})`, () => {
    let fx: HostileFixture;
    let admin: Client;
    let keyed: string[] = [];
    let unkeyed: string[] = [];
    let n = 0;
    /** One object of every kind (each route changes a different one). */
    let o: Objects;

    before(async () => {
      fx = await hostileFixture(engine);
      admin = await signedIn(fx.app, "sysadmin");
      o = await createObjects(fx.database.db, "in");
      const doc = (await fx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApi;
      const posts = Object.entries(doc.paths).filter(([, ops]) => ops.post);
      const hasKey = (ops: OpenApi["paths"][string]) =>
        ops.post?.parameters?.some((p) => p.in === "header" && p.name === IDEMPOTENCY_HEADER) === true;
      keyed = posts.filter(([, ops]) => hasKey(ops)).map(([path]) => path);
      unkeyed = posts.filter(([, ops]) => !hasKey(ops)).map(([path]) => path);
    });
    after(() => fx.close());

    const auditCount = async (action: string) => {
      const [r] = await fx.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = $1", [
        action,
      ]);
      return Number(r.n);
    };
    const send = (call: Call, key?: string) =>
      admin.request({
        method: "POST",
        url: call.url,
        payload: (Buffer.isBuffer(call.payload) ? call.payload : JSON.stringify(call.payload ?? {})) as string,
        headers: { "content-type": "application/json", ...call.headers, ...(key ? { [IDEMPOTENCY_HEADER]: key } : {}) },
      });

    test("bảo vệ: mọi POST tạo mới trong OpenAPI có một dòng trong ROUTES (và ngược lại)", () => {
      assert.ok(keyed.length >= 20, `chỉ thấy ${keyed.length} đường dẫn nhận Idempotency-Key`);
      const missing = keyed.filter((p) => !ROUTES[p]);
      assert.deepEqual(
        missing,
        [],
        `Đường dẫn POST mới chưa được kiểm tra gửi trùng: ${missing.join(", ")}.\n` +
          "Thêm vào ROUTES trong tests/hostile/idempotency.test.ts một thân hợp lệ và hành động audit mà một lần tạo ghi " +
          "(plugin src/http/plugins/idempotency.ts đã tự áp dụng cho đường dẫn này); nếu đường dẫn KHÔNG tạo gì " +
          "(xem trước, đánh dấu đã đọc…), đăng ký nó với config: { idempotency: false } và nêu lý do trong OPT_OUTS.",
      );
      const stale = Object.keys(ROUTES).filter((p) => !keyed.includes(p));
      assert.deepEqual(stale, [], `ROUTES có đường dẫn không còn nhận Idempotency-Key: ${stale.join(", ")}`);
    });

    test("bảo vệ: mọi POST không nhận Idempotency-Key (idempotency: false) có một dòng trong OPT_OUTS nêu lý do", (t) => {
      const unexplained = unkeyed.filter((p) => !OPT_OUTS[p] || OPT_OUTS[p].trim().length < 20);
      assert.deepEqual(
        unexplained,
        [],
        `Đường dẫn POST tắt Idempotency-Key mà không nêu lý do: ${unexplained.join(", ")}.\n` +
          "Nếu đường dẫn tạo bản ghi, bỏ config: { idempotency: false } và thêm một dòng vào ROUTES; nếu không, thêm vào " +
          "OPT_OUTS trong tests/hostile/idempotency.test.ts lý do một lần gửi lại không tạo thêm bản ghi.",
      );
      const stale = Object.keys(OPT_OUTS).filter((p) => !unkeyed.includes(p));
      assert.deepEqual(stale, [], `OPT_OUTS có đường dẫn không còn tắt Idempotency-Key: ${stale.join(", ")}`);
      t.diagnostic(`${keyed.length} POST nhận Idempotency-Key, ${unkeyed.length} POST tắt có lý do`);
    });

    test("đề nghị sửa dữ liệu cá nhân (cổng công dân, không đăng nhập): 5 lần gửi đồng thời giống hệt → 1 đề nghị, 5 phản hồi giống hệt", async () => {
      const r = await createSubmission(
        fx.database.db,
        {
          kind: "support",
          answers: { activity: "civil_enforcement", agency_kind: "thads_province", province: "thanh-hoa" },
          person: { full_name: "Người Sửa Trùng", address: "Thanh Hóa" },
          facts: "Đề nghị hỗ trợ.",
          request: {},
          attachments: [],
          factor: { kind: "id_last4", value: "1234" },
          consent: { text_version: CONSENT_VERSION },
        },
        { now: new Date(), today: todayVn(), calendar: defaultCalendar },
      );
      const body = { code: r.receipt.code, factor: "1234", field: "address", value: "Số 9 Lê Lợi", reason: "Ghi nhầm" };
      const post = (payload: object) =>
        fx.app.inject({ method: "POST", url: "/api/public/my-data/corrections", payload });
      const before = await auditCount("public_submission.correction_request");
      const rs = await Promise.all(Array.from({ length: 5 }, () => post(body)));
      for (const x of rs) {
        assert.equal(x.statusCode, 201, x.body);
        assert.ok(x.rawPayload.equals(rs[0]!.rawPayload), "phản hồi khác nhau");
      }
      const rows = async () =>
        (
          await fx.database.query<{ id: string }>(
            `select d.id from public_data_requests d join public_submissions s on s.id = d.submission_id
              where s.code = $1`,
            [r.receipt.code],
          )
        ).map((x) => x.id);
      assert.deepEqual(await rows(), [rs[0]!.json().id]);
      assert.equal(await auditCount("public_submission.correction_request"), before + 1);
      // Another value is another request.
      const other = await post({ ...body, value: "Số 11 Lê Lợi" });
      assert.equal(other.statusCode, 201, other.body);
      assert.equal((await rows()).length, 2);
    });

    for (const path of Object.keys(ROUTES))
      test(`5 lần gửi đồng thời cùng Idempotency-Key → 1 bản ghi, 5 phản hồi giống hệt: POST ${path}`, async () => {
        const row = ROUTES[path];
        const call = await row.call({ o, fx, n: ++n });
        const before = await auditCount(row.action);
        const key = `idem-${engine}-${n}-${Date.now()}`;
        const rs = await Promise.all(Array.from({ length: 5 }, () => send(call, key)));
        const first = rs[0];
        assert.ok(first.statusCode >= 200 && first.statusCode < 300, `${path} → ${first.statusCode} ${first.body}`);
        for (const r of rs) {
          assert.equal(r.statusCode, first.statusCode, `${path}: ${r.body.slice(0, 200)}`);
          assert.ok(r.rawPayload.equals(first.rawPayload), `${path}: phản hồi khác nhau`);
        }
        assert.equal(rs.filter((r) => r.headers["idempotent-replayed"] === "true").length, 4);
        assert.equal(await auditCount(row.action), before + 1, `${path}: số bản ghi ${row.action}`);
        // Retried later with the same key: still the same answer, still one record.
        const later = await send(call, key);
        assert.equal(later.statusCode, first.statusCode);
        assert.ok(later.rawPayload.equals(first.rawPayload));
        assert.equal(await auditCount(row.action), before + 1);
      });

    test("cùng Idempotency-Key với thân khác → 422 nêu tiêu đề, không tạo gì", async () => {
      const key = `idem-khac-${engine}`;
      const a = await send({ url: `/api/task-instances/${o.instance}/comments`, payload: { body: "Lần một" } }, key);
      assert.equal(a.statusCode, 201, a.body);
      const before = await auditCount("task_instance.comment");
      const b = await send({ url: `/api/task-instances/${o.instance}/comments`, payload: { body: "Lần hai" } }, key);
      assert.equal(b.statusCode, 422, b.body);
      assert.equal(b.json().code, "idempotency_key_reused");
      assert.equal(b.json().issues[0].path, "/Idempotency-Key");
      assert.equal(await auditCount("task_instance.comment"), before);
    });

    test("yêu cầu lỗi không giữ mã: sửa rồi gửi lại với cùng mã thì được tạo", async () => {
      const key = `idem-sua-${engine}`;
      const bad = await send(
        { url: "/api/plans", payload: { agency_id: "stp-thanh-hoa", title: "", year: 2024 } },
        key,
      );
      assert.equal(bad.statusCode, 400);
      // Same key, corrected body: the failed attempt released its claim.
      const ok = await send(
        { url: "/api/plans", payload: { agency_id: "stp-thanh-hoa", title: "Đã sửa", year: 2024 } },
        key,
      );
      assert.equal(ok.statusCode, 201, ok.body);
      assert.notEqual(ok.headers["idempotent-replayed"], "true");
    });

    test("mã Idempotency-Key sai dạng → 400 tiếng Việt", async () => {
      const r = await send(
        { url: "/api/plans", payload: { agency_id: "stp-thanh-hoa", title: "X", year: 2024 } },
        "ab",
      );
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().code, "bad_idempotency_key");
    });

    test("soạn lại công văn của cùng một yêu cầu (không có mã) giữ nguyên số văn bản đi", async () => {
      const id = await requestToStp(fx);
      const body = { issuing_agency_id: "stp-thanh-hoa", signature: SIGNATURE, fields: { points: ["Nội dung."] } };
      const before = await auditCount("register.allocate");
      const a = await send({ url: `/api/requests/${id}/letter`, payload: body });
      assert.equal(a.statusCode, 201, a.body);
      const rs = await Promise.all(
        Array.from({ length: 4 }, () => send({ url: `/api/requests/${id}/letter`, payload: body })),
      );
      for (const r of rs) {
        assert.equal(r.statusCode, 201);
        assert.equal(r.headers["x-document-number"], a.headers["x-document-number"]);
      }
      assert.equal(await auditCount("register.allocate"), before + 1);
    });
  });
}
