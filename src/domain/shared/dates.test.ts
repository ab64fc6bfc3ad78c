// Dates are Vietnam's dates (Asia/Ho_Chi_Minh) whatever the process time zone: the same instant gives the same
// calendar date in UTC, Los Angeles and Tokyo processes, at 00:30 and 23:30 Vietnam time.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, test } from "node:test";
import { todayVn, toVnDate } from "./dates.ts";

// 05/12/2026 00:30 and 23:30 in Vietnam (UTC+7).
const EARLY = "2026-12-04T17:30:00Z";
const LATE = "2026-12-05T16:30:00Z";

describe("Ngày Việt Nam (toVnDate, todayVn)", () => {
  test("00:30 và 23:30 giờ Việt Nam đều là ngày 05/12/2026", () => {
    assert.equal(toVnDate(new Date(EARLY)), "2026-12-05");
    assert.equal(toVnDate(LATE), "2026-12-05");
    assert.equal(todayVn(new Date(EARLY)), "2026-12-05");
    assert.equal(toVnDate(Date.parse("2026-12-05T17:00:00Z")), "2026-12-06");
  });

  for (const tz of ["UTC", "America/Los_Angeles", "Asia/Tokyo"]) {
    test(`tiến trình chạy với TZ=${tz}: cùng kết quả`, () => {
      const code = `import { toVnDate } from ${JSON.stringify(new URL("./dates.ts", import.meta.url).href)};
        console.log(JSON.stringify([toVnDate(new Date(${JSON.stringify(EARLY)})), toVnDate(new Date(${JSON.stringify(LATE)})), new Date(${JSON.stringify(EARLY)}).getDate()]));`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
        env: { ...process.env, TZ: tz },
      }).toString();
      const [early, late, localDay] = JSON.parse(out);
      assert.equal(early, "2026-12-05");
      assert.equal(late, "2026-12-05");
      // The local calendar of the process differs (the bug this guards against): 04 in UTC and Los Angeles.
      if (tz !== "Asia/Tokyo") assert.equal(localDay, 4);
    });
  }
});
