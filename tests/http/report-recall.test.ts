// Issue 17: a submitted report can be recalled by its sender until the round is consolidated (409 in Vietnamese
// after), and the round's opener can return (trả lại) it with a reason — the sender sees the reason, revises and
// submits again. Audited, the other side notified, scope on every id. Both engines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openRound } from "../../src/db/repositories/reports.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { assertErrorShape, type Client, type HostileFixture, hostileFixture, signedIn } from "../hostile/fixture.ts";

type Sub = { agency_id: string; status: string; version: number; returns: Array<{ reason: string }> };
type Round = { status: string; submissions: Sub[] };

for (const engine of availableEngines()) {
  describe(`Thu hồi, trả lại báo cáo — ${engine}`, () => {
    let fx: HostileFixture;
    /** Sở Tư pháp Thanh Hóa: the sender. */
    let sender: Client;
    /** Cục BTNN: the round's opener. */
    let opener: Client;
    let hanoi: Client;
    let viewer: Client;
    let round = "";
    const base = () => `/api/report-rounds/${round}/submissions/stp-thanh-hoa`;
    const sub = async (c: Client) =>
      ((await c.get(`/api/report-rounds/${round}`)).json() as Round).submissions.find(
        (s) => s.agency_id === "stp-thanh-hoa",
      ) as Sub;
    const submit = async () => {
      const r = await sender.request({
        method: "PUT",
        url: base(),
        payload: { narrative: { results: "Kết quả sáu tháng." }, submit: true },
      });
      assert.equal(r.statusCode, 200, r.body);
    };
    const kinds = async (c: Client) =>
      ((await c.get("/api/notifications")).json().items as Array<{ kind: string; body: string | null }>).filter((n) =>
        n.kind.startsWith("report_re"),
      );

    before(async () => {
      fx = await hostileFixture(engine);
      sender = await signedIn(fx.app, "officer");
      opener = await signedIn(fx.app, "officer_cuc");
      hanoi = await signedIn(fx.app, "officer_hn");
      viewer = await signedIn(fx.app, "viewer");
      round = (
        await openRound(fx.database.db, SYSTEM_SCOPE, {
          template_id: "quick-figures",
          period_kind: "custom",
          year: 2024,
          from: "2024-01-01",
          to: "2024-06-30",
          deadline: "2024-07-15",
          agency_id: "cuc-btnn",
          participant_ids: ["stp-thanh-hoa", "stp-ha-noi"],
        })
      ).id;
    });
    after(() => fx.close());

    test("recall before consolidation: back to draft, the opener is told; scope and roles checked", async () => {
      await submit();
      assert.equal((await hanoi.post(`${base()}/recall`, {})).statusCode, 404);
      assert.equal((await viewer.post(`${base()}/recall`, {})).statusCode, 403);
      const r = await sender.post(`${base()}/recall`, {});
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await sub(sender)).status, "draft");
      assert.deepEqual(
        (await kinds(opener)).map((n) => n.kind),
        ["report_recalled"],
      );
      // Nothing left to recall.
      const again = await sender.post(`${base()}/recall`, {});
      assert.equal(again.statusCode, 422, again.body);
      assertErrorShape(again.json(), "again");
      assert.match(again.json().error, /chưa được gửi/);
    });

    test("return with a reason → the sender sees it (status, reason, notification), revises and resubmits", async () => {
      await submit();
      const empty = await opener.post(`${base()}/return`, { reason: "  " });
      assert.equal(empty.statusCode, 400, empty.body);
      assertErrorShape(empty.json(), "empty reason");
      assert.equal(empty.json().issues[0].path, "/reason");
      // Only the opener returns: the sender (not the opener) and Hà Nội do not find the round's return.
      assert.equal((await sender.post(`${base()}/return`, { reason: "Tự trả lại" })).statusCode, 404);
      assert.equal((await hanoi.post(`${base()}/return`, { reason: "Ngoài phạm vi" })).statusCode, 404);
      const reason = "Thiếu số liệu chi trả tiền bồi thường quý II; đề nghị bổ sung.";
      const r = await opener.post(`${base()}/return`, { reason });
      assert.equal(r.statusCode, 200, r.body);
      const seen = await sub(sender);
      assert.equal(seen.status, "returned");
      assert.equal(seen.returns.at(-1)?.reason, reason);
      const told = (await kinds(sender)).find((n) => n.kind === "report_returned");
      assert.ok(told, "the sender is notified");
      assert.match(told.body ?? "", /Thiếu số liệu chi trả/);
      await submit();
      assert.equal((await sub(sender)).status, "submitted");
    });

    test("after consolidation: recall and return refused with 409 and a Vietnamese message", async () => {
      const c = await opener.post(`/api/report-rounds/${round}/consolidate`, {});
      assert.equal(c.statusCode, 200, c.body);
      const recall = await sender.post(`${base()}/recall`, {});
      assert.equal(recall.statusCode, 409, recall.body);
      assertErrorShape(recall.json(), "recall after");
      assert.match(recall.json().error, /đã được tổng hợp; không thể thu hồi/);
      const ret = await opener.post(`${base()}/return`, { reason: "Muộn rồi" });
      assert.equal(ret.statusCode, 409, ret.body);
      assert.match(ret.json().error, /đã được tổng hợp; không thể trả lại/);
      assert.equal((await sub(sender)).status, "submitted");
    });
  });
}
