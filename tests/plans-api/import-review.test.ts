// Plan import with review through the API (issue 14): the preview carries each task's source and agency match, the
// reviewed tasks are what gets stored (lead agency on each instance), a bad agency id is a 422 naming the cell with
// nothing written, and re-importing a revised plan lists what changed.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";
import { Client } from "../http/helpers.ts";

let database: Database;
let app: FastifyInstance;
let stp: Client;
let text = "";

before(async () => {
  database = await openTestDatabase();
  await seedDemo(database, { asOf: "2026-03-02" });
  app = await buildApp({ database, config: {} });
  await app.ready();
  stp = new Client(app);
  assert.equal((await stp.login("stp.thanhhoa.canbo", "btnn@2026")).statusCode, 200);
  text = await readFile(new URL("../fixtures/plans/09-table-appendix.md", import.meta.url), "utf8");
});
after(async () => {
  await app?.close();
  await database?.close();
});

type Preview = {
  plan_id: string | null;
  tasks: Array<{
    number: string;
    title: string;
    source: string;
    lead_agency_id: string | null;
    coordinator_agency_ids: string[];
    flags: string[];
  }>;
  changes: { added: string[]; removed: string[]; changed: Array<{ ref: string; fields: string[] }> } | null;
};

describe("Nhập kế hoạch có rà soát qua API", () => {
  test("xem trước: mỗi nhiệm vụ có nguyên văn, cơ quan chủ trì trong danh mục, chưa có kế hoạch cùng số → changes null", async () => {
    const r = await stp.post("/api/plans/import", { text });
    assert.equal(r.statusCode, 200, r.body);
    const p = r.json() as Preview;
    assert.equal(p.tasks.length, 5);
    assert.equal(p.tasks[0].number, "PL.I.1");
    assert.match(p.tasks[0].source, /^1 \| Quý II năm 2024 \| Tập huấn Luật/u);
    assert.deepEqual(
      p.tasks.map((t) => t.lead_agency_id),
      ["stp-thanh-hoa", "stp-thanh-hoa", "stp-thanh-hoa", "stp-thanh-hoa", "stc-thanh-hoa"],
    );
    assert.equal(p.changes, null);
  });

  test("cơ quan không có trong danh mục ở bảng rà soát → 422 nêu đúng ô, không ghi gì", async () => {
    const before = (await stp.get("/api/plans?page_size=100")).json().total as number;
    const r = await stp.post("/api/plans/import", {
      text,
      confirm: true,
      tasks: [
        {
          number: "1",
          title: "Tập huấn",
          lead_agency_id: "khong-co",
          coordinator_agency_ids: [],
          timing: null,
          expected_output: null,
        },
      ],
    });
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().issues[0].path, "/tasks/0/lead_agency_id");
    assert.equal((await stp.get("/api/plans?page_size=100")).json().total, before);
  });

  test("hạn gõ ngày không có thật (31/02/2024) ở bảng rà soát → 422 nêu đúng ô thời hạn, không ghi gì; văn bản có ngày đó → xem trước gắn cờ", async () => {
    const before = (await stp.get("/api/plans?page_size=100")).json().total as number;
    const row = (timing: string) => ({
      number: "PL.II.2",
      title: "Tổng hợp, báo cáo kết quả công tác bồi thường nhà nước năm 2024",
      lead_agency_id: "stp-thanh-hoa",
      coordinator_agency_ids: [],
      timing,
      expected_output: null,
    });
    const r = await stp.post("/api/plans/import", {
      text,
      confirm: true,
      tasks: [row("Quý IV năm 2024"), row("Trước ngày 31/02/2024")],
    });
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().code, "impossible_date");
    assert.equal(r.json().issues[0].path, "/tasks/1/timing");
    assert.match(r.json().error, /PL\.II\.2: ngày 31\/02\/2024 không có thật/u);
    assert.doesNotMatch(r.body, /YYYY|2024-02-31/u);
    // The document itself with that day: the preview flags the task; confirming it unreviewed is refused the same way.
    const typo = text.replace("| 2 | Quý IV năm 2024 | Tổng hợp", "| 2 | Trước ngày 31/02/2024 | Tổng hợp");
    const p = (await stp.post("/api/plans/import", { text: typo })).json() as Preview;
    assert.deepEqual(p.tasks.find((t) => t.number === "PL.II.2")?.flags, ["unparsed_timing"]);
    const c = await stp.post("/api/plans/import", { text: typo, confirm: true });
    assert.equal(c.statusCode, 422, c.body);
    assert.match(c.json().issues[0].path, /^\/tasks\/\d+\/timing$/u);
    assert.equal((await stp.get("/api/plans?page_size=100")).json().total, before);
  });

  test("tạo theo bảng đã rà soát (tách một nhiệm vụ, đổi chủ trì) → lần thực hiện mang cơ quan chủ trì; nhập lại bản sửa → thấy thay đổi", async () => {
    const reviewed = [
      {
        number: "PL.I.1",
        title: "Tập huấn Luật cho công chức cấp xã",
        lead_agency_id: "stp-thanh-hoa",
        coordinator_agency_ids: [],
        timing: "Quý II năm 2024",
        expected_output: "Lớp tập huấn",
      },
      {
        number: "PL.I.1(2)",
        title: "Biên soạn tài liệu tập huấn",
        lead_agency_id: "cuc-thads-thanh-hoa",
        coordinator_agency_ids: [],
        timing: "Quý II năm 2024",
        expected_output: null,
      },
      {
        number: "PL.II.2",
        title: "Tổng hợp, báo cáo kết quả công tác bồi thường nhà nước năm 2024",
        lead_agency_id: "stp-thanh-hoa",
        coordinator_agency_ids: ["cuc-thads-thanh-hoa", "tand-thanh-hoa"],
        timing: "Quý IV năm 2024",
        expected_output: "Báo cáo",
      },
    ];
    const r = await stp.post("/api/plans/import", { text, confirm: true, tasks: reviewed });
    assert.equal(r.statusCode, 201, r.body);
    const planId = (r.json() as Preview).plan_id!;
    const inst = (await stp.get(`/api/task-instances?plan_id=${planId}&page_size=100`)).json().items as Array<{
      lead_agency_id: string | null;
      coordinator_agency_ids: string[];
      due: string;
    }>;
    assert.deepEqual(inst.map((i) => [i.lead_agency_id, i.due]).sort(), [
      ["cuc-thads-thanh-hoa", "2024-07-01"],
      ["stp-thanh-hoa", "2024-07-01"],
      ["stp-thanh-hoa", "2024-12-31"],
    ]);
    // The revised plan (same number): one task's deadline moved; the split task is not in it; two rows never stored.
    const revised = text
      .replace("| 2 | Quý IV năm 2024 | Tổng hợp", "| 2 | Quý III năm 2024 | Tổng hợp")
      .replace(/^\| 2 \| Khi có yêu cầu .*\n/mu, "");
    const p = (await stp.post("/api/plans/import", { text: revised })).json() as Preview;
    assert.ok(p.changes, "thiếu phần thay đổi so với kế hoạch đã lưu");
    assert.deepEqual(p.changes.changed.find((c) => c.ref === "PL.II.2")?.fields, ["timing"], JSON.stringify(p.changes));
    assert.ok(
      p.changes.added.some((x) => x.startsWith("PL.II.1 ")),
      JSON.stringify(p.changes),
    );
    assert.ok(
      p.changes.removed.some((x) => x.includes("Biên soạn tài liệu tập huấn")),
      JSON.stringify(p.changes),
    );
  });

  test("không ghi dở: lỗi khi lưu các lần thực hiện có hạn → không còn kế hoạch nào, xác nhận lại được", async () => {
    const total = async () => (await stp.get("/api/plans?page_size=100")).json().total as number;
    const before = await total();
    // A real failure of the database half-way: the dated occurrences (after the plan and its tasks) cannot be written.
    await database.query(`create function fail_occurrence() returns trigger language plpgsql as $$
      begin raise exception 'thử lỗi ghi'; end $$`);
    await database.query(
      "create trigger fail_occurrence before insert on task_instances for each statement execute function fail_occurrence()",
    );
    try {
      const r = await stp.post("/api/plans/import", { text, confirm: true, year: 2027 });
      assert.equal(r.statusCode, 500, r.body);
    } finally {
      await database.query("drop trigger fail_occurrence on task_instances");
      await database.query("drop function fail_occurrence()");
    }
    assert.equal(await total(), before, "kế hoạch không có thời hạn đã được ghi");
    const again = await stp.post("/api/plans/import", { text, confirm: true, year: 2027 });
    assert.equal(again.statusCode, 201, again.body);
    assert.ok(again.json().instance_count > 0);
  });

  test("xác nhận lại đúng văn bản đã nhập (tải lại trang, tab khác, hai lần cùng lúc) → 409 nêu kế hoạch đã có, chỉ một kế hoạch", async () => {
    // Seed 001 has no number yet ("Số: /KH-UBND"): the preview cannot tell it is already there.
    const seed = await readFile(new URL("../fixtures/seed-001-thanh-hoa-2024.txt", import.meta.url), "utf8");
    const total = async () => (await stp.get("/api/plans?page_size=100")).json().total as number;
    const before = await total();
    const [a, b] = await Promise.all([
      stp.post("/api/plans/import", { text: seed, confirm: true }),
      stp.post("/api/plans/import", { text: seed, confirm: true }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409], `${a.body}\n${b.body}`);
    // II.2 "phối hợp với các sở, ban, ngành tỉnh; UBND cấp huyện": every agency of both groups gets the task.
    const made = (a.statusCode === 201 ? a : b).json() as Preview;
    const ii2 = made.tasks.find((t) => t.number === "II.2")!;
    for (const id of ["so-noi-vu-thanh-hoa", "so-tnmt-thanh-hoa", "ubnd-quang-xuong", "ubnd-tp-thanh-hoa"])
      assert.ok(ii2.coordinator_agency_ids.includes(id), `${id}: ${ii2.coordinator_agency_ids}`);
    // II.1.a "Cơ quan thực hiện: Các sở, ban, ngành cấp tỉnh; UBND cấp huyện" (no lead named): they still get it.
    const ii1a = made.tasks.find((t) => t.number === "II.1.a")!;
    for (const id of ["so-noi-vu-thanh-hoa", "ubnd-quang-xuong"])
      assert.ok(ii1a.coordinator_agency_ids.includes(id), `II.1.a ${id}: ${ii1a.coordinator_agency_ids}`);
    const inst = (await stp.get(`/api/task-instances?plan_id=${made.plan_id}&page_size=100`)).json().items as Array<{
      coordinator_agency_ids: string[];
    }>;
    assert.ok(
      inst.some((i) => i.coordinator_agency_ids.includes("ubnd-quang-xuong")),
      "UBND huyện Quảng Xương (nhóm “UBND cấp huyện”) không nhận nhiệm vụ",
    );
    const again = await stp.post("/api/plans/import", { text: seed, confirm: true });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().code, "duplicate");
    assert.match(again.json().error, /đã được nhập lúc .*Triển khai các nhiệm vụ trọng tâm/u);
    assert.equal(await total(), before + 1);
    // Another year of the same text is another plan.
    assert.equal((await stp.post("/api/plans/import", { text: seed, confirm: true, year: 2025 })).statusCode, 201);
  });
});
