// Issue 17: sổ văn bản đến (Nghị định 30/2020/NĐ-CP, Điều 22). Số đến runs per receiving agency and year; an entry
// links the request it carries (registered by hand, or in one click from a request that reached the agency); the
// reply letter cites the incoming document by its số, ký hiệu and date. Scope on every id, double submits, bad input.
// Both engines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import mammoth from "mammoth";
import { createRequest } from "../../src/db/repositories/requests.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { IDEMPOTENCY_HEADER } from "../../src/http/plugins/idempotency.ts";
import { assertErrorShape, type Client, type HostileFixture, hostileFixture, signedIn } from "../hostile/fixture.ts";

type Entry = {
  id: string;
  agency_id: string;
  year: number;
  number: number;
  symbol: string | null;
  request_id: string | null;
  attachment_id: string | null;
  citation: string;
};

const LETTER = {
  agency_id: "stp-thanh-hoa",
  received_on: "2026-03-03",
  doc_type: "Công văn",
  symbol: "12/THADS-NV",
  doc_date: "2026-03-02",
  issuer: "Cục Thi hành án dân sự tỉnh Thanh Hóa",
  subject: "Đề nghị hướng dẫn xác định cơ quan giải quyết bồi thường",
};
const SIGNATURE = { title: "Giám đốc", name: "Nguyễn Văn Thử" };

for (const engine of availableEngines()) {
  describe(`Sổ văn bản đến — ${engine}`, () => {
    let fx: HostileFixture;
    let officer: Client;
    let viewer: Client;
    let hanoi: Client;
    /** THADS Thanh Hóa → Sở Tư pháp Thanh Hóa (reaches the officer's agency). */
    let toStp = "";
    /** Sở Tư pháp Thanh Hóa → Cục BTNN (visible to the officer, but it did not reach the Sở). */
    let fromStp = "";
    /** Hà Nội → Hà Nội (outside the officer's scope). */
    let hanoiRequest = "";
    let hanoiEntry = "";

    const newRequest = async (from: string, to: string, topic = "Đề nghị hướng dẫn nghiệp vụ") =>
      (
        await createRequest(fx.database.db, SYSTEM_SCOPE, {
          kind: "guidance",
          from_agency_id: from,
          to_agency_id: to,
          topic,
        })
      ).id;

    before(async () => {
      fx = await hostileFixture(engine);
      officer = await signedIn(fx.app, "officer");
      viewer = await signedIn(fx.app, "viewer");
      hanoi = await signedIn(fx.app, "officer_hn");
      toStp = await newRequest("thads-thanh-hoa", "stp-thanh-hoa");
      fromStp = await newRequest("stp-thanh-hoa", "cuc-btnn");
      hanoiRequest = await newRequest("thads-ha-noi", "stp-ha-noi");
      const r = await hanoi.post("/api/incoming", { ...LETTER, agency_id: "stp-ha-noi", request_id: hanoiRequest });
      assert.equal(r.statusCode, 201, r.body);
      hanoiEntry = r.json().id;
    });
    after(() => fx.close());

    test("số đến: 1, 2 … per agency and year; a new year starts again at 1; the entry links its request", async () => {
      const a = await officer.post("/api/incoming", { ...LETTER, request_id: toStp });
      assert.equal(a.statusCode, 201, a.body);
      const first = a.json() as Entry;
      assert.deepEqual([first.number, first.year, first.request_id], [1, 2026, toStp]);
      assert.equal(first.citation, "Công văn số 12/THADS-NV ngày 02/03/2026 của Cục Thi hành án dân sự tỉnh Thanh Hóa");
      const b = await officer.post("/api/incoming", { ...LETTER, symbol: "13/THADS-NV", received_on: "2026-03-04" });
      assert.equal(b.json().number, 2, b.body);
      const c = await officer.post("/api/incoming", {
        ...LETTER,
        symbol: "99/THADS-NV",
        doc_date: "2025-12-30",
        received_on: "2025-12-31",
      });
      assert.deepEqual([c.json().number, c.json().year], [1, 2025], c.body);
      // The Hà Nội register has its own sequence.
      const hn = await hanoi.get(`/api/incoming/${hanoiEntry}`);
      assert.equal(hn.json().number, 1);
      // The request screen finds its incoming document.
      const linked = await officer.get(`/api/incoming?request_id=${toStp}`);
      assert.deepEqual(
        linked.json().items.map((e: Entry) => e.id),
        [first.id],
      );
      // Registering the same request again is refused, naming the field.
      const dup = await officer.post("/api/incoming", { ...LETTER, request_id: toStp });
      assert.equal(dup.statusCode, 409, dup.body);
      assertErrorShape(dup.json(), "dup");
      assert.match(dup.json().error, /đã được vào sổ văn bản đến \(số đến 1\/2026\)/);
      assert.equal(dup.json().issues[0].path, "/request_id");
    });

    test("a double submit with one Idempotency-Key takes one number; the one-click registration never takes two", async () => {
      const before = (await officer.get("/api/incoming?year=2024")).json().total as number;
      const key = `incoming-${engine}-${Date.now()}`;
      const body = { ...LETTER, received_on: "2024-05-06", doc_date: "2024-05-02", symbol: "5/THADS-NV" };
      const rs = await Promise.all(
        Array.from({ length: 4 }, () =>
          officer.request({
            method: "POST",
            url: "/api/incoming",
            payload: body,
            headers: { [IDEMPOTENCY_HEADER]: key },
          }),
        ),
      );
      for (const r of rs) assert.equal(r.statusCode, 201, r.body);
      assert.equal(new Set(rs.map((r) => r.json().id)).size, 1);
      assert.equal((await officer.get("/api/incoming?year=2024")).json().total, before + 1);

      const req = await newRequest("thads-thanh-hoa", "stp-thanh-hoa", "Đề nghị cung cấp tài liệu vụ việc");
      const clicks = await Promise.all([
        officer.post(`/api/requests/${req}/incoming`, {}),
        officer.post(`/api/requests/${req}/incoming`, {}),
      ]);
      const codes = clicks.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [200, 201], clicks.map((r) => r.body).join("\n"));
      assert.equal(clicks[0].json().id, clicks[1].json().id);
      const e = clicks[0].json() as Entry & { issuer: string; subject: string; doc_date: string };
      assert.equal(e.agency_id, "stp-thanh-hoa");
      assert.equal(e.request_id, req);
      assert.equal(e.subject, "Đề nghị cung cấp tài liệu vụ việc");
      assert.match(e.issuer, /Thi hành án dân sự/);
    });

    test("scope on every id: agency, request, entry, file; a viewer cannot register", async () => {
      const outAgency = await officer.post("/api/incoming", { ...LETTER, agency_id: "stp-ha-noi" });
      assert.equal(outAgency.statusCode, 403, outAgency.body);
      assertErrorShape(outAgency.json(), "out agency");
      assert.equal(outAgency.json().issues[0].path, "/agency_id");
      const outRequest = await officer.post("/api/incoming", { ...LETTER, request_id: hanoiRequest });
      assert.equal(outRequest.statusCode, 404, outRequest.body);
      assert.equal(outRequest.json().issues[0].path, "/request_id");
      // Visible to the Sở (it sent it), but it never reached the Sở: not its incoming document.
      const notReceived = await officer.post("/api/incoming", { ...LETTER, request_id: fromStp });
      assert.equal(notReceived.statusCode, 422, notReceived.body);
      assert.match(notReceived.json().error, /không gửi đến cơ quan vào sổ/);
      assert.equal((await officer.post(`/api/requests/${hanoiRequest}/incoming`, {})).statusCode, 404);
      assert.equal((await officer.get(`/api/incoming/${hanoiEntry}`)).statusCode, 404);
      assert.equal((await officer.patch(`/api/incoming/${hanoiEntry}`, { request_id: toStp })).statusCode, 404);
      const file = await officer.request({
        method: "POST",
        url: `/api/incoming/${hanoiEntry}/file?file_name=cv.pdf`,
        payload: Buffer.from("%PDF-1.4\n% văn bản đến\n"),
        headers: { "content-type": "application/octet-stream" },
      });
      assert.equal(file.statusCode, 404, file.body);
      const list = (await officer.get("/api/incoming?page_size=100")).json().items as Entry[];
      assert.ok(list.length > 0 && list.every((e) => e.agency_id !== "stp-ha-noi"));
      const v = await viewer.post("/api/incoming", LETTER);
      assert.equal(v.statusCode, 403, v.body);
      // Hà Nội cannot link its entry to a Thanh Hóa request it does not see.
      const cross = await hanoi.patch(`/api/incoming/${hanoiEntry}`, { request_id: toStp });
      assert.equal(cross.statusCode, 404, cross.body);
    });

    test("bad input → Vietnamese error naming the field, nothing written", async () => {
      const before = (await officer.get("/api/incoming")).json().total as number;
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ ...LETTER, issuer: undefined }, 400, "/issuer"],
        [{ ...LETTER, received_on: "03/03/2026" }, 400, "/received_on"],
        [{ ...LETTER, doc_date: "2026-03-05" }, 422, "/doc_date"],
        [{ ...LETTER, received_on: "2099-01-02", doc_date: null }, 422, "/received_on"],
        [{ ...LETTER, request_id: "khong-phai-uuid" }, 400, "/request_id"],
      ];
      for (const [body, status, path] of cases) {
        const r = await officer.post("/api/incoming", body);
        assert.equal(r.statusCode, status, `${path}: ${r.body}`);
        assertErrorShape(r.json(), path);
        assert.ok(
          r.json().issues.some((i: { path: string }) => i.path === path),
          `${path} named: ${r.body}`,
        );
      }
      assert.equal((await officer.get("/api/incoming")).json().total, before);
    });

    test("link a registered letter to its request; attach the received file and download it", async () => {
      const req = await newRequest("thads-thanh-hoa", "stp-thanh-hoa", "Đề nghị trao đổi ý kiến");
      const e = (await officer.post("/api/incoming", { ...LETTER, symbol: "20/THADS-NV" })).json() as Entry;
      const l = await officer.patch(`/api/incoming/${e.id}`, { request_id: req });
      assert.equal(l.statusCode, 200, l.body);
      assert.equal(l.json().request_id, req);
      const bytes = Buffer.from("%PDF-1.4\n% văn bản đến\n");
      const f = await officer.request({
        method: "POST",
        url: `/api/incoming/${e.id}/file?file_name=Công văn 20.pdf`,
        payload: bytes,
        headers: { "content-type": "application/octet-stream" },
      });
      assert.equal(f.statusCode, 201, f.body);
      const a = await officer.get(`/api/attachments/${f.json().attachment_id}`);
      assert.equal(a.statusCode, 200);
      assert.ok(a.rawPayload.equals(bytes));
    });

    test("the reply letter cites the incoming document: Phúc đáp Công văn số 12/THADS-NV ngày 02/03/2026 của …", async () => {
      const r = await officer.post(`/api/requests/${toStp}/letter`, {
        issuing_agency_id: "stp-thanh-hoa",
        date: "2026-03-10",
        signature: SIGNATURE,
        fields: { points: ["Nội dung hướng dẫn."] },
      });
      assert.equal(r.statusCode, 201, r.body);
      const text = (await mammoth.extractRawText({ buffer: r.rawPayload })).value.replace(/\s+/g, " ");
      assert.match(
        text,
        /Phúc đáp Công văn số 12\/THADS-NV ngày 02\/03\/2026 của Cục Thi hành án dân sự tỉnh Thanh Hóa về việc đề nghị hướng dẫn nghiệp vụ/,
      );
      // Without a register entry the letter still names the request, without a number it does not have.
      const plain = await newRequest("thads-thanh-hoa", "stp-thanh-hoa");
      const p = await officer.post(`/api/requests/${plain}/letter`, {
        issuing_agency_id: "stp-thanh-hoa",
        signature: SIGNATURE,
        fields: { points: ["Nội dung."] },
      });
      const t2 = (await mammoth.extractRawText({ buffer: p.rawPayload })).value;
      assert.doesNotMatch(t2, /Phúc đáp|Văn bản số/);
      assert.match(t2, /nhận được Văn bản ngày/);
    });
  });
}
