// Dates are Vietnam's dates whatever the server's time zone (issue 12 item 5): the API and generated .docx files, run
// in child processes with TZ=UTC, America/Los_Angeles (behind Vietnam) and Pacific/Kiritimati (ahead of Vietnam), with
// a fake clock at 00:30 and 23:30 on 05/12/2026 in Vietnam and at 00:30 on 01/01/2027 (vietnam-dates.child.ts).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, test } from "node:test";
import { CLI_NODE_FLAGS } from "../cli/run-cli.ts";

type Step = {
  create: number;
  received_on: string;
  tomorrow: [number, string, string];
  today: number;
  accepted: number;
  form: string;
};
type Seen = {
  tz: string;
  local_offset_min: number;
  local_day_early: number;
  local_day_late: number;
  early: Step;
  late: Step;
  request_created_at: string;
  letter: string;
  statistics_period: { from: string; to: string };
  ranking_period: { from: string; to: string };
};

const MODULE_LOADING = new URL("../../src/cli/module-loading.ts", import.meta.url).href;

function runIn(tz: string): Promise<Seen> {
  const child = new URL("./vietnam-dates.child.ts", import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    // Started as the test processes are (tests/run.mjs): Liftoff-only PGlite and the module-loading shortcuts.
    const p = spawn(process.execPath, [...CLI_NODE_FLAGS, "--import", MODULE_LOADING, child], {
      env: { ...process.env, TZ: tz },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.stderr.on("data", (d) => {
      err += d;
    });
    p.on("close", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`TZ=${tz}: exit ${code}\n${err}\n${out}`));
      else resolve(JSON.parse(line) as Seen);
    });
  });
}

const ZONES = { UTC: 0, "America/Los_Angeles": 480, "Pacific/Kiritimati": -840 } as const;

describe("Ngày là ngày Việt Nam (Asia/Ho_Chi_Minh) với mọi múi giờ của máy chủ", () => {
  const runs = Object.keys(ZONES).map((tz) => [tz, runIn(tz)] as const);

  for (const [tz, run] of runs) {
    test(`TZ=${tz}: hôm nay là 05/12/2026 lúc 00:30 và 23:30 giờ Việt Nam — ghi ngày 05/12 được, ngày 06/12 là ngày tương lai (422 date)`, async () => {
      const seen = await run;
      assert.equal(seen.tz, tz);
      assert.equal(seen.local_offset_min, ZONES[tz as keyof typeof ZONES], "the child really runs in that zone");
      for (const s of [seen.early, seen.late]) {
        assert.equal(s.create, 201);
        assert.equal(s.received_on, "2026-12-05");
        assert.deepEqual(s.tomorrow, [422, "/date", "future_date"]);
        assert.equal(s.today, 201);
        assert.equal(s.accepted, 201);
      }
    });

    test(`TZ=${tz}: Mẫu 03/BTNN (thông báo thụ lý) — ngày ở phần đầu và trong nội dung là cùng một ngày 05/12/2026`, async () => {
      const seen = await run;
      for (const s of [seen.early, seen.late]) {
        assert.match(s.form, /Thanh Hóa, ngày 05 tháng 12 năm 2026/);
        assert.match(s.form, /Ngày 05\/12\/2026, Thi hành án dân sự tỉnh Thanh Hóa nhận được hồ sơ/);
        assert.match(s.form, /đã được thụ lý ngày 05\/12\/2026/);
        assert.doesNotMatch(s.form, /0[46]\/12\/2026|ngày 0[46] tháng 12/);
      }
    });

    test(`TZ=${tz}: công văn trả lời yêu cầu gửi lúc 00:30 ngày 05/12 (giờ Việt Nam) — phần đầu và nội dung cùng ghi ngày 05/12/2026`, async () => {
      const seen = await run;
      assert.equal(seen.request_created_at, "2026-12-04T17:30:00.000Z");
      assert.match(seen.letter, /Hà Nội, ngày 05 tháng 12 năm 2026/);
      assert.match(seen.letter, /nhận được Văn bản ngày 05\/12\/2026 của Sở Tư pháp tỉnh Thanh Hóa/);
      assert.doesNotMatch(seen.letter, /04\/12\/2026|ngày 04 tháng 12/);
    });

    test(`TZ=${tz}: lúc 00:30 ngày 01/01/2027 giờ Việt Nam, thống kê và xếp hạng mặc định là năm 2027`, async () => {
      const seen = await run;
      assert.deepEqual(seen.statistics_period, { ...seen.statistics_period, from: "2027-01-01", to: "2027-12-31" });
      assert.deepEqual(seen.ranking_period, { ...seen.ranking_period, from: "2027-01-01", to: "2027-12-31" });
    });
  }
});
