// Issue 13, finding 5: every agency id a write acts for or files into is in the caller's write scope (403 naming the
// field, nothing written), for claims and for every other record. Reproduced as the attack run did it, on both engines.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createClaim } from "../../../src/db/repositories/claims.ts";
import { claims } from "../../../src/db/schema/index.ts";
import { SYSTEM_SCOPE } from "../../../src/domain/access/scope.ts";
import { assertErrorShape, type Client, signedIn } from "../fixture.ts";
import { accessFindings } from "./fixture.ts";

accessFindings((t) => {
  const { state } = t;

  test("finding 5: an officer cannot file a claim into another province's books; every agency id of a claim write is in the write scope and the response agrees with what was committed", async () => {
    const { fx, officer } = t;
    const hn = await signedIn(fx.app, "officer_hn"); // Sở Tư pháp Hà Nội
    const body = (handling: string, managing?: string | null) => ({
      field: "civil_enforcement",
      handling_agency_id: handling,
      ...(managing === undefined ? {} : { managing_agency_id: managing }),
      claimant_name: "Đinh Văn Vượt Tỉnh",
    });
    const before = await state();
    // The attack: Hà Nội's officer names THADS Thanh Hóa as handling agency (own agency as managing, to pass).
    for (const [who, payload, path] of [
      [hn, body("thads-thanh-hoa", "stp-ha-noi"), "/handling_agency_id"],
      [hn, body("thads-thanh-hoa"), "/handling_agency_id"],
      [officer, body("thads-thanh-hoa", "stp-ha-noi"), "/managing_agency_id"],
    ] as const) {
      const r = await who.post("/api/claims", payload);
      assert.equal(r.statusCode, 403, r.body);
      assertErrorShape(r.json(), "finding 5");
      assert.equal(r.json().issues[0]?.path, path);
    }
    assert.deepEqual(await state(), before, "nothing written");
    // Thanh Hóa sees nothing new.
    assert.equal((await officer.get("/api/claims?q=Vượt Tỉnh")).json().total, 0);

    // Lawful: own province, and a superior of the handling agency as managing agency (Tổng cục THADS).
    const ok = await officer.post("/api/claims", body("thads-thanh-hoa", "cuc-ql-thads"));
    assert.equal(ok.statusCode, 201, ok.body);
    const id = ok.json().id as string;
    // What the create answered is what the caller can then act on: the follow-up PATCH is not a 404.
    const moved = await officer.patch(`/api/claims/${id}`, { managing_agency_id: "stp-ha-noi", version: 1 });
    assert.equal(moved.statusCode, 403, moved.body);
    assert.equal(moved.json().issues[0]?.path, "/managing_agency_id");
    const away = await officer.patch(`/api/claims/${id}`, { handling_agency_id: "thads-ha-noi", version: 1 });
    assert.equal(away.statusCode, 403, away.body);
    const patched = await officer.patch(`/api/claims/${id}`, { summary: "Đã kiểm tra", version: 1 });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().managing_agency_id, "cuc-ql-thads");
    const [row] = await fx.database.db.select().from(claims).where(eq(claims.id, id));
    assert.deepEqual([row.handlingAgencyId, row.managingAgencyId, row.version], ["thads-thanh-hoa", "cuc-ql-thads", 2]);
  });

  // Finding 5 beyond claims: every agency the caller acts for or files into is in the write scope (403 naming the
  // field, nothing written); partners only addressed — recipients, coordinators, co-organisers, invitees — are not.
  // The officer works at Sở Tư pháp Thanh Hóa (province scope); Hà Nội is outside it, the Cục is a national partner.
  const put = (c: Client, url: string, payload: unknown) =>
    c.request({ method: "PUT", url, payload: payload as Record<string, unknown> });
  async function refused(
    who: Client,
    attempt: (c: Client) => Promise<{ statusCode: number; body: string; json(): unknown }>,
    path: string,
  ) {
    const before = await state();
    const r = await attempt(who);
    assert.equal(r.statusCode, 403, `${path}: ${r.body}`);
    const body = r.json();
    assertErrorShape(body, `finding 5 ${path}`);
    assert.equal(body.issues[0]?.path, path);
    assert.match(body.error, /nằm ngoài phạm vi dữ liệu của bạn/);
    // Named as people know it ("Sở Tư pháp thành phố Hà Nội"), not by a field key and an internal code.
    assert.doesNotMatch(body.error, /^[/\w[\].]+:|"[a-z0-9]+(?:-[a-z0-9]+)+"/u, body.error);
    assert.deepEqual(await state(), before, `${path}: nothing written`);
  }

  test("finding 5: requests — the sender is in the write scope, the recipient may be any agency; links, content and letters stay the sender's", async () => {
    const { fx, officer } = t;
    const hn = await signedIn(fx.app, "officer_hn");
    const ask = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
      kind: "guidance",
      from_agency_id: from,
      to_agency_id: to,
      topic: "Đề nghị hướng dẫn xác minh thiệt hại",
      ...extra,
    });
    await refused(officer, (c) => c.post("/api/requests", ask("stp-ha-noi", "cuc-btnn")), "/from_agency_id");
    // A linked claim of another province is not found (its existence is not disclosed), and nothing is written.
    const hnClaim = await createClaim(fx.database.db, SYSTEM_SCOPE, {
      field: "civil_enforcement",
      handling_agency_id: "thads-ha-noi",
      claimant_name: "Phạm Thị Ngoài Tỉnh",
    });
    const before = await state();
    const linked = await officer.post("/api/requests", ask("stp-thanh-hoa", "cuc-btnn", { claim_id: hnClaim.id }));
    assert.equal(linked.statusCode, 404, linked.body);
    assert.equal(linked.json().issues[0]?.path, "/claim_id");
    assert.deepEqual(await state(), before, "nothing written");
    // Lawful: sending to another province is the point of a request.
    const sent = await officer.post("/api/requests", ask("stp-thanh-hoa", "stp-ha-noi"));
    assert.equal(sent.statusCode, 201, sent.body);
    const id = sent.json().id as string;
    // The recipient answers (status) but does not rewrite the sender's content or due date.
    await refused(
      hn,
      (c) => c.patch(`/api/requests/${id}`, { payload: { note: "sửa" }, version: 1 }),
      "/from_agency_id",
    );
    await refused(hn, (c) => c.patch(`/api/requests/${id}`, { due: "2030-01-01", version: 1 }), "/from_agency_id");
    const answered = await hn.patch(`/api/requests/${id}`, { status: "answered", version: 1 });
    assert.equal(answered.statusCode, 200, answered.body);
    // A letter is issued only in the name of an agency in the write scope.
    await refused(
      officer,
      (c) =>
        c.post(`/api/requests/${id}/letter`, {
          signature: { title: "Giám đốc", name: "Lê Văn Ký" },
          issuing_agency_id: "stp-ha-noi",
        }),
      "/issuing_agency_id",
    );
  });

  test("finding 5: plans, plan import and task occurrences — the owner is in the write scope; an occurrence goes only to agencies the plan names or the caller may write for", async () => {
    const { officer } = t;
    const plan = (extra: Record<string, unknown>) => ({
      agency_id: "stp-thanh-hoa",
      title: "Kế hoạch công tác bồi thường nhà nước năm 2026",
      year: 2026,
      ...extra,
    });
    await refused(officer, (c) => c.post("/api/plans", plan({ agency_id: "stp-ha-noi" })), "/agency_id");
    // Plan import (confirmed) goes through the same rule.
    const text = "KẾ HOẠCH\nCông tác bồi thường nhà nước năm 2026\n1. Rà soát vụ việc";
    const reviewed = [
      {
        number: "1",
        title: "Rà soát vụ việc",
        lead_agency_id: "thads-thanh-hoa",
        coordinator_agency_ids: [],
        timing: null,
        expected_output: null,
      },
    ];
    await refused(
      officer,
      (c) => c.post("/api/plans/import", { text, year: 2026, confirm: true, agency_id: "stp-ha-noi", tasks: reviewed }),
      "/agency_id",
    );
    // Lawful: the plan names its lead (in the province) and the Cục as coordinating partner.
    const ok = await officer.post(
      "/api/plans",
      plan({
        tasks: [{ content: "Rà soát", lead_agency_id: "thads-thanh-hoa", coordinator_agency_ids: ["cuc-btnn"] }],
      }),
    );
    assert.equal(ok.statusCode, 201, ok.body);
    const taskId = ok.json().tasks[0].id as string;
    // Occurrences: every explicit agency is in the write scope or named by the plan for that task.
    for (const [item, path] of [
      [{ task_id: taskId, agency_id: "stp-ha-noi" }, "/items/0/agency_id"],
      [{ task_id: taskId, lead_agency_id: "stp-ha-noi" }, "/items/0/lead_agency_id"],
      [{ task_id: taskId, coordinator_agency_ids: ["cuc-btnn", "thads-ha-noi"] }, "/items/0/coordinator_agency_ids/1"],
    ] as const)
      await refused(officer, (c) => c.post("/api/task-instances", { items: [item] }), path);
    const inst = await officer.post("/api/task-instances", {
      items: [{ task_id: taskId, period_label: "Năm 2026", coordinator_agency_ids: ["cuc-btnn", "ubnd-thanh-hoa"] }],
    });
    assert.equal(inst.statusCode, 201, inst.body);
    assert.deepEqual(
      [inst.json().items[0].agency_id, inst.json().items[0].coordinator_agency_ids],
      ["thads-thanh-hoa", ["cuc-btnn", "ubnd-thanh-hoa"]],
    );
  });

  test("finding 5: inspections — the lead and every inspected agency are in the write scope; coordinators are partners", async () => {
    const { officer } = t;
    const body = (extra: Record<string, unknown>) => ({
      title: "Kiểm tra công tác bồi thường nhà nước năm 2026",
      lead_agency_id: "stp-thanh-hoa",
      year: 2026,
      team: [{ name: "Nguyễn Văn Trưởng Đoàn", role: "leader" }],
      targets: [{ agency_id: "thads-thanh-hoa" }],
      ...extra,
    });
    await refused(
      officer,
      (c) => c.post("/api/inspections", body({ lead_agency_id: "stp-ha-noi" })),
      "/lead_agency_id",
    );
    await refused(
      officer,
      (c) =>
        c.post(
          "/api/inspections",
          body({ targets: [{ agency_id: "thads-thanh-hoa" }, { agency_id: "thads-ha-noi" }] }),
        ),
      "/targets/1/agency_id",
    );
    const ok = await officer.post("/api/inspections", body({ coordinator_agency_ids: ["cuc-btnn"] }));
    assert.equal(ok.statusCode, 201, ok.body);
    const { id, version } = ok.json();
    await refused(
      officer,
      (c) => c.patch(`/api/inspections/${id}`, { targets: [{ agency_id: "thads-ha-noi" }], version }),
      "/targets/0/agency_id",
    );
  });

  test("finding 5: trainings, meetings, report rounds, case lists, self-assessments and the outgoing register — the acting agency is in the write scope", async () => {
    const { officer } = t;
    await refused(
      officer,
      (c) =>
        c.post("/api/trainings", {
          kind: "training",
          title: "Tập huấn Luật TNBTCNN",
          organiser_agency_id: "stp-ha-noi",
          date: "2026-05-10",
          participants: 30,
        }),
      "/organiser_agency_id",
    );
    const training = await officer.post("/api/trainings", {
      kind: "training",
      title: "Tập huấn Luật TNBTCNN",
      organiser_agency_id: "stp-thanh-hoa",
      co_organiser_agency_ids: ["cuc-btnn"],
      date: "2026-05-10",
      participants: 30,
    });
    assert.equal(training.statusCode, 201, training.body);

    const meeting = {
      variant: "meeting",
      topic: "vụ việc phức tạp",
      held_on: "2026-03-10",
      venue: "Trụ sở",
      participant_agency_ids: ["cuc-btnn", "thads-thanh-hoa"],
      agenda: ["Rà soát"],
      claim_ids: [],
    };
    await refused(officer, (c) => c.post("/api/meetings", { ...meeting, agency_id: "stp-ha-noi" }), "/agency_id");
    const held = await officer.post("/api/meetings", { ...meeting, agency_id: "stp-thanh-hoa" });
    assert.equal(held.statusCode, 201, held.body);

    const round = {
      template_id: "quick-figures",
      period_kind: "custom",
      year: 2026,
      from: "2026-01-01",
      to: "2026-06-30",
      deadline: "2026-07-15",
      agency_id: "stp-thanh-hoa",
    };
    await refused(officer, (c) => c.post("/api/report-rounds", { ...round, agency_id: "stp-ha-noi" }), "/agency_id");
    await refused(
      officer,
      (c) => c.post("/api/report-rounds", { ...round, participant_ids: ["thads-thanh-hoa", "thads-ha-noi"] }),
      "/participant_ids/1",
    );
    const opened = await officer.post("/api/report-rounds", { ...round, participant_ids: ["thads-thanh-hoa"] });
    assert.equal(opened.statusCode, 201, opened.body);

    await refused(
      officer,
      (c) => c.post("/api/case-lists", { kind: "half_year_2017", period: "2025-H2", agency_id: "stp-ha-noi" }),
      "/agency_id",
    );
    await refused(
      officer,
      (c) => put(c, "/api/evaluation/self-assessment", { set_id: "qd-3062-2019", year: 2025, agency_id: "stp-ha-noi" }),
      "/agency_id",
    );
    await refused(
      officer,
      (c) =>
        c.post("/api/outgoing", {
          agency_id: "stp-ha-noi",
          year: 2026,
          doc_kind: "letter",
          subject: "Công văn",
          symbol: "STP-BTNN",
        }),
      "/agency_id",
    );
  });

  test("finding 5: claim corrections — a corrected handling or managing agency is in the write scope", async () => {
    const { officer } = t;
    const created = await officer.post("/api/claims", {
      field: "civil_enforcement",
      handling_agency_id: "thads-thanh-hoa",
      claimant_name: "Trịnh Văn Cải Chính",
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    for (const [fields, path] of [
      [{ managing_agency_id: "stp-ha-noi" }, "/fields/managing_agency_id"],
      [{ handling_agency_id: "thads-ha-noi" }, "/fields/handling_agency_id"],
    ] as const)
      await refused(
        officer,
        (c) => c.post(`/api/claims/${id}/corrections`, { reason: "Ghi nhầm cơ quan", fields, version: 1 }),
        path,
      );
  });
});
