// Child process of vietnam-dates.test.ts: runs with the process time zone set by the parent (TZ=…) and a fake clock,
// drives the API and generated .docx files, and prints what it saw as one JSON line for the parent to judge.
import mammoth from "mammoth";
import { type Client, setupFixture, signedIn } from "./helpers.ts";

const CLOCKS = {
  /** 05/12/2026 00:30 in Vietnam — still 04/12 in UTC and in Los Angeles. */
  early: "2026-12-04T17:30:00Z",
  /** 05/12/2026 23:30 in Vietnam — already 06/12 in Kiritimati (UTC+14). */
  late: "2026-12-05T16:30:00Z",
  /** 01/01/2027 00:30 in Vietnam — still 2026 in UTC. */
  newYear: "2026-12-31T17:30:00Z",
} as const;

let clock = new Date(CLOCKS.early);
const fx = await setupFixture({ now: () => clock });
const text = async (buf: Buffer) => (await mammoth.extractRawText({ buffer: buf })).value;
const out: Record<string, unknown> = {
  tz: process.env.TZ,
  local_offset_min: new Date(CLOCKS.early).getTimezoneOffset(),
  local_day_early: new Date(CLOCKS.early).getDate(),
  local_day_late: new Date(CLOCKS.late).getDate(),
};
try {
  // Sessions follow the fake clock: sign in again after moving it.
  let officer: Client;
  for (const name of ["early", "late"] as const) {
    clock = new Date(CLOCKS[name]);
    officer = await signedIn(fx.app, "officer");
    const created = await officer.post("/api/claims", {
      field: "civil_enforcement",
      handling_agency_id: "thads-thanh-hoa",
      claimant_name: "Đặng Thị Múi Giờ",
      claimant_address: "Số 1 Trần Phú, phường Hạc Thành, tỉnh Thanh Hóa",
      events: [{ type: "received", date: "2026-12-05" }],
    });
    const id = created.json().id as string;
    const tomorrow = await officer.post(`/api/claims/${id}/events`, { type: "file_valid", date: "2026-12-06" });
    const today = await officer.post(`/api/claims/${id}/events`, { type: "file_valid", date: "2026-12-05" });
    const accepted = await officer.post(`/api/claims/${id}/events`, { type: "accepted", date: "2026-12-05" });
    const form = await officer.get(`/api/claims/${id}/forms/03`);
    out[name] = {
      create: created.statusCode,
      received_on: created.json().received_on,
      tomorrow: [tomorrow.statusCode, tomorrow.json().issues?.[0]?.path, tomorrow.json().code],
      today: today.statusCode,
      accepted: accepted.statusCode,
      form: form.statusCode === 200 ? await text(form.rawPayload) : form.body,
    };
  }
  // A letter answering a request made at 00:30 on 05/12 (Vietnam), drafted "today" by the same clock.
  clock = new Date(CLOCKS.early);
  officer = await signedIn(fx.app, "officer");
  const cuc = await signedIn(fx.app, "officer_cuc");
  const req = await officer.post("/api/requests", {
    kind: "guidance",
    from_agency_id: "stp-thanh-hoa",
    to_agency_id: "cuc-btnn",
    topic: "xác định cơ quan giải quyết bồi thường sau sắp xếp",
    situation: { topic: "compensation" },
  });
  if (req.statusCode !== 201) throw new Error(`request ${req.statusCode} ${req.body}`);
  const reqId = req.json().id as string;
  await fx.database.query(`update requests set created_at = $1 where id = $2`, [CLOCKS.early, reqId]);
  const listed = await officer.get(`/api/requests/${reqId}`);
  out.request_created_at = listed.json().created_at;
  const letter = await cuc.post(`/api/requests/${reqId}/letter`, {
    signature: { title: "Phó Cục trưởng", name: "Nguyễn Văn Bình" },
    fields: { points: ["Cơ quan giải quyết bồi thường là cơ quan kế thừa chức năng, nhiệm vụ sau sắp xếp."] },
  });
  out.letter = letter.statusCode === 201 ? await text(letter.rawPayload) : `${letter.statusCode} ${letter.body}`;
  clock = new Date(CLOCKS.newYear);
  officer = await signedIn(fx.app, "officer");
  out.statistics_period = (await officer.get("/api/statistics")).json().period;
  out.ranking_period = (await officer.get("/api/rankings/provinces")).json().period;
} finally {
  await fx.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
