// Issue 11 acceptance (b): every kind of work item reaches the inbox of the agency that must act on it and no other
// agency's inbox. One row per kind (CASES is a Record over INBOX_KINDS: a new kind without a row does not compile, and
// the guard test below fails if the two lists drift).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { collectInbox, listInbox } from "../../src/db/repositories/inbox/list.ts";
import {
  claimDeadlines,
  claims,
  inspectionFollowups,
  inspections,
  notifications,
  plans,
  planTasks,
  publicDataRequests,
  publicSubmissions,
  reportRounds,
  reportSubmissions,
  requestCopies,
  requests,
  taskInstances,
} from "../../src/db/schema/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { AppDb, Database } from "../../src/db/types.ts";
import { INBOX_KINDS, type InboxKind } from "../../src/domain/inbox/index.ts";
import { CONSENT_VERSION } from "../../src/domain/portal/consent.ts";
import { runInboxReminders } from "../../src/jobs/reminders.ts";
import { FIXTURE_AGENCIES, seedFixtureUsers } from "../http/helpers.ts";

const TODAY = "2026-03-02";
type Case = { make(db: AppDb): Promise<string>; agencies: string[] };

/** THADS Thanh Hóa → Sở Tư pháp Thanh Hóa, due in a week. */
async function request(db: AppDb, over: Partial<typeof requests.$inferInsert> = {}) {
  const [r] = await db
    .insert(requests)
    .values({
      kind: "guidance",
      fromAgencyId: "thads-thanh-hoa",
      toAgencyId: "stp-thanh-hoa",
      topic: "Hướng dẫn xác định thiệt hại",
      due: "2026-03-09",
      ...over,
    })
    .returning();
  return r;
}

async function planTask(db: AppDb, ref: string) {
  const [p] = await db.insert(plans).values({ agencyId: "cuc-btnn", title: "KH 2026", year: 2026 }).returning();
  const [t] = await db.insert(planTasks).values({ planId: p.id, position: 1, ref, content: "Nhiệm vụ" }).returning();
  const [i] = await db
    .insert(taskInstances)
    .values({
      taskId: t.id,
      agencyId: "ubnd-thanh-hoa",
      leadAgencyId: "ubnd-thanh-hoa",
      coordinatorAgencyIds: ["stp-thanh-hoa"],
      due: "2026-02-27",
      status: "pending",
    })
    .returning();
  return i.id;
}

const CASES: Record<InboxKind, Case> = {
  request: { make: async (db) => (await request(db)).id, agencies: ["stp-thanh-hoa"] },
  request_copy: {
    agencies: ["ubnd-thanh-hoa"],
    async make(db) {
      const r = await request(db, { toAgencyId: "cuc-btnn", status: "forwarded" });
      const [c] = await db
        .insert(requestCopies)
        .values({ requestId: r.id, fromAgencyId: "cuc-btnn", toAgencyId: "ubnd-thanh-hoa", purpose: "forward" })
        .returning();
      return c.id;
    },
  },
  request_task: {
    agencies: ["stp-thanh-hoa"],
    async make(db) {
      const r = await request(db, { toAgencyId: "cuc-btnn", status: "forwarded" });
      const [t] = await db
        .insert(taskInstances)
        .values({ requestId: r.id, agencyId: "stp-thanh-hoa", leadAgencyId: "ubnd-thanh-hoa", title: "Phối hợp" })
        .returning();
      return t.id;
    },
  },
  plan_task: { make: (db) => planTask(db, "II.4"), agencies: ["ubnd-thanh-hoa", "stp-thanh-hoa"] },
  case_list: { make: (db) => planTask(db, "II.1.1"), agencies: ["ubnd-thanh-hoa", "stp-thanh-hoa"] },
  report_submission: {
    agencies: ["stp-ha-noi"],
    async make(db) {
      const [round] = await db
        .insert(reportRounds)
        .values({
          title: "Báo cáo 6 tháng",
          templateId: "t",
          periodKind: "half_year",
          periodFrom: "2026-01-01",
          periodTo: "2026-06-30",
          deadline: "2026-06-15",
          agencyId: "cuc-btnn",
        })
        .returning();
      const [s] = await db
        .insert(reportSubmissions)
        .values({ roundId: round.id, agencyId: "stp-ha-noi", reminders: [] })
        .returning();
      return s.id;
    },
  },
  claim_deadline: {
    agencies: ["thads-ha-noi"],
    async make(db) {
      const [c] = await db
        .insert(claims)
        .values({
          code: "BT-1",
          field: "civil_enforcement",
          handlingAgencyId: "thads-ha-noi",
          claimantName: "Nguyễn A",
        })
        .returning();
      const [d] = await db
        .insert(claimDeadlines)
        .values({ claimId: c.id, position: 1, step: "accept", label: "Thụ lý", due: "2026-03-04", status: "open" })
        .returning();
      return d.id;
    },
  },
  public_submission: {
    agencies: ["stp-ha-noi"],
    async make(db) {
      const [s] = await db
        .insert(publicSubmissions)
        .values({
          code: "ABCDEFGHJKMN",
          kind: "claim",
          agencyId: "stp-ha-noi",
          determinedBySoTuPhap: true,
          submittedOn: "2026-02-27",
          answers: {},
          personName: "Nguyễn B",
          personAddress: "Hà Nội",
          facts: "Kê biên nhầm",
          request: {},
          factorKind: "id_last4",
          factorHash: "00",
          factorSalt: "00",
          consentAt: new Date("2026-02-27T02:00:00Z"),
          consentTextVersion: CONSENT_VERSION,
          bodyHash: "00",
        })
        .returning();
      return s.id;
    },
  },
  public_data_request: {
    agencies: ["thads-thanh-hoa"],
    async make(db) {
      // Accepted already: only the correction waits (the submission itself has left the inbox).
      const [s] = await db
        .insert(publicSubmissions)
        .values({
          code: "BCDEFGHJKMNP",
          kind: "claim",
          status: "accepted",
          agencyId: "thads-thanh-hoa",
          submittedOn: "2026-02-20",
          answers: {},
          personName: "Trần C",
          personAddress: "Thanh Hóa",
          facts: "Kê biên nhầm",
          request: {},
          factorKind: "phone",
          factorHash: "00",
          factorSalt: "00",
          consentAt: new Date("2026-02-20T02:00:00Z"),
          consentTextVersion: CONSENT_VERSION,
          bodyHash: "01",
        })
        .returning();
      const [r] = await db
        .insert(publicDataRequests)
        .values({
          submissionId: s.id,
          kind: "correction",
          field: "address",
          requestedValue: "Số 5 Lê Lợi",
          createdOn: "2026-02-27",
        })
        .returning();
      return r.id;
    },
  },
  urging_step: {
    agencies: ["cuc-btnn"],
    make: async (db) =>
      (await request(db, { kind: "urging", fromAgencyId: "cuc-btnn", toAgencyId: "ubnd-ha-noi", due: "2026-02-20" }))
        .id,
  },
  inspection_followup: {
    agencies: ["phong-thads-kv-tp-thanh-hoa"],
    async make(db) {
      const [i] = await db
        .insert(inspections)
        .values({ title: "Kiểm tra 2026", leadAgencyId: "stp-thanh-hoa", year: 2026 })
        .returning();
      const [f] = await db
        .insert(inspectionFollowups)
        .values({
          inspectionId: i.id,
          targetAgencyId: "phong-thads-kv-tp-thanh-hoa",
          recommendation: "Bổ sung hồ sơ",
          due: "2026-04-01",
        })
        .returning();
      return f.id;
    },
  },
  request_sent: {
    agencies: ["thads-ha-noi"],
    make: async (db) => (await request(db, { fromAgencyId: "thads-ha-noi", toAgencyId: "cuc-ql-thads" })).id,
  },
};

let database: Database;
before(async () => {
  database = await openTestDatabase();
  await seedFixtureUsers(database.db);
});
after(async () => database?.close());

describe("Hộp việc: mỗi loại việc đến đúng cơ quan phải xử lý", () => {
  test("mỗi loại việc trong INBOX_KINDS có một dòng kiểm thử (thêm loại mới phải thêm dòng)", () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...INBOX_KINDS].sort());
  });

  for (const kind of INBOX_KINDS) {
    const c = CASES[kind];
    test(`${kind}: chỉ hiện ở ${c.agencies.join(", ")}`, async () => {
      const id = await c.make(database.db);
      for (const agency of FIXTURE_AGENCIES) {
        const items = await collectInbox(database.db, agency, TODAY);
        const found = items.filter((i) => i.kind === kind && i.id === id);
        if (c.agencies.includes(agency)) assert.equal(found.length, 1, `${kind} phải ở hộp việc của ${agency}`);
        else assert.equal(found.length, 0, `${kind} không được ở hộp việc của ${agency}`);
      }
      // The whole-country collection (reminder job) names exactly the same agencies.
      const all = (await collectInbox(database.db, null, TODAY)).filter((i) => i.kind === kind && i.id === id);
      assert.deepEqual(all.map((i) => i.agency_id).sort(), [...c.agencies].sort());
    });
  }

  test("plan_task: kế hoạch 2024 nêu Cục THADS tỉnh Thanh Hóa phối hợp → việc đến THADS tỉnh Thanh Hóa (cơ quan kế thừa từ 01/7/2025), không đến cơ quan khác", async () => {
    const [p] = await database.db
      .insert(plans)
      .values({ agencyId: "ubnd-thanh-hoa", title: "KH 2024", year: 2024 })
      .returning();
    const [t] = await database.db
      .insert(planTasks)
      .values({ planId: p.id, position: 1, ref: "II.7", content: "Thống kê, báo cáo" })
      .returning();
    const [i] = await database.db
      .insert(taskInstances)
      .values({
        taskId: t.id,
        agencyId: "stp-thanh-hoa",
        leadAgencyId: "stp-thanh-hoa",
        coordinatorAgencyIds: ["cuc-thads-thanh-hoa"],
        due: "2026-03-20",
        status: "pending",
      })
      .returning();
    for (const agency of FIXTURE_AGENCIES) {
      const found = (await collectInbox(database.db, agency, TODAY)).filter((x) => x.id === i.id);
      const expected = agency === "stp-thanh-hoa" || agency === "thads-thanh-hoa" ? 1 : 0;
      assert.equal(found.length, expected, agency);
    }
    const all = (await collectInbox(database.db, null, TODAY)).filter((x) => x.id === i.id);
    assert.deepEqual(all.map((x) => x.agency_id).sort(), ["stp-thanh-hoa", "thads-thanh-hoa"]);
    await database.db.delete(taskInstances).where(eq(taskInstances.id, i.id));
  });

  test("Việc của Sở Tư pháp Thanh Hóa: sắp theo hạn, nhóm quá hạn / đến hạn trong 5 ngày làm việc / sau đó", async () => {
    const scope = {
      userId: null,
      agencyId: "stp-thanh-hoa",
      roles: ["officer"],
      visibleAgencyIds: ["stp-thanh-hoa"],
    } as const;
    const r = await listInbox(
      database.db,
      { ...scope, roles: [...scope.roles], visibleAgencyIds: ["stp-thanh-hoa"] },
      {
        today: TODAY,
      },
    );
    // 02/03/2026 is a Monday: the 5th working day after it is Monday 09/03 — the request due then is "due soon".
    assert.deepEqual(
      r.items.map((i) => [i.kind, i.due, i.status]),
      [
        ["case_list", "2026-02-27", "overdue"],
        ["plan_task", "2026-02-27", "overdue"],
        ["request", "2026-03-09", "due_soon"],
        ["request_task", null, "later"],
      ],
    );
    assert.deepEqual(r.counts, { overdue: 2, due_soon: 1, later: 1 });
    for (const i of r.items) assert.ok(i.url.startsWith("/"), i.url);
  });

  test("nhắc việc: còn 2 ngày làm việc đến hạn và khi quá hạn, mỗi việc một lần", async () => {
    const first = await runInboxReminders(database.db, TODAY);
    // The claim deadline due Wednesday 04/03 is 2 working days after Monday 02/03.
    const notes = await database.db.select().from(notifications).where(eq(notifications.kind, "work_due_soon"));
    assert.ok(
      notes.some((n) => n.agencyId === "thads-ha-noi" && n.title.startsWith("Còn 2 ngày làm việc: Vụ việc BT-1")),
      JSON.stringify(notes.map((n) => n.title)),
    );
    assert.ok(!notes.some((n) => n.title.includes("Nguyễn A")), "không có họ tên người yêu cầu");
    assert.ok(first.inserted >= 1);
    assert.equal((await runInboxReminders(database.db, TODAY)).inserted, 0);
  });
});
