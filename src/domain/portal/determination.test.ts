// Where to file, as a table: activity × agency kind × reorganisation date → agency. One case per row at least, each
// named after the row's citation; the guard at the end fails when a row of DETERMINATION_TABLE has no case.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DETERMINATION_TABLE, determineAgency } from "./determination.ts";
import type { Activity, AgencyKind } from "./interview.ts";

type Case = {
  row: string;
  activity: Activity;
  agency_kind?: AgencyKind;
  province?: string;
  act: string;
  filing: string;
  expect: { agency: string | null; former?: string | null; so_tu_phap?: boolean; where?: RegExp };
};

const TODAY = "2026-12-04";

const CASES: Case[] = [
  {
    row: "thads_province_in_force",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    province: "thanh-hoa",
    act: "2025-09-10",
    filing: TODAY,
    expect: { agency: "thads-thanh-hoa", former: null },
  },
  // Before the reorganisation, filed before it too: the Cục THADS itself.
  {
    row: "thads_province_in_force",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    province: "ha-giang",
    act: "2024-05-10",
    filing: "2025-05-02",
    expect: { agency: "cuc-thads-ha-giang", former: null },
  },
  // Act in 2024 in Hà Giang, filed after 01/7/2025: the THADS of the merged Tuyên Quang.
  {
    row: "thads_province_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    province: "ha-giang",
    act: "2024-05-10",
    filing: TODAY,
    expect: { agency: "thads-tuyen-quang-2025", former: "cuc-thads-ha-giang" },
  },
  {
    row: "thads_province_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    province: "thanh-hoa",
    act: "2023-02-01",
    filing: TODAY,
    expect: { agency: "thads-thanh-hoa", former: "cuc-thads-thanh-hoa" },
  },
  // The person names today's province for a 2024 act: today's agency, no former one guessed.
  {
    row: "thads_province_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    province: "tuyen-quang-2025",
    act: "2024-05-10",
    filing: TODAY,
    expect: { agency: "thads-tuyen-quang-2025", former: null },
  },
  {
    row: "thads_district_in_force",
    activity: "civil_enforcement",
    agency_kind: "thads_district",
    province: "thanh-hoa",
    act: "2025-08-01",
    filing: TODAY,
    expect: { agency: "thads-thanh-hoa" },
  },
  {
    row: "thads_district_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_district",
    province: "yen-bai",
    act: "2023-11-20",
    filing: TODAY,
    expect: { agency: "thads-lao-cai-2025", former: "cuc-thads-yen-bai" },
  },
  {
    row: "thads_central_in_force",
    activity: "civil_enforcement",
    agency_kind: "thads_central",
    act: "2025-06-01",
    filing: TODAY,
    expect: { agency: "cuc-ql-thads", former: null },
  },
  {
    row: "thads_central_reorganised",
    activity: "civil_enforcement",
    agency_kind: "thads_central",
    act: "2024-01-15",
    filing: TODAY,
    expect: { agency: "cuc-ql-thads", former: "tong-cuc-thads" },
  },
  {
    row: "thads_unknown",
    activity: "civil_enforcement",
    agency_kind: "unknown",
    province: "hai-duong",
    act: "2024-03-01",
    filing: TODAY,
    expect: { agency: "stp-hai-phong-2025", former: "stp-hai-duong", so_tu_phap: true },
  },
  {
    row: "thads_unknown",
    activity: "civil_enforcement",
    agency_kind: "unknown",
    province: "thanh-hoa",
    act: "2026-01-05",
    filing: TODAY,
    expect: { agency: "stp-thanh-hoa", former: null, so_tu_phap: true },
  },
  {
    row: "administration",
    activity: "administration",
    province: "nghe-an",
    act: "2025-10-01",
    filing: TODAY,
    expect: { agency: "stp-nghe-an", so_tu_phap: true, where: /Cơ quan trực tiếp quản lý/ },
  },
  {
    row: "criminal_procedure",
    activity: "criminal_procedure",
    province: "ha-noi",
    act: "2022-10-01",
    filing: TODAY,
    expect: { agency: "stp-ha-noi", so_tu_phap: true, where: /Viện kiểm sát/ },
  },
  {
    row: "civil_procedure",
    activity: "civil_procedure",
    province: "ca-mau",
    act: "2024-10-01",
    filing: TODAY,
    expect: { agency: "stp-ca-mau-2025", so_tu_phap: true, where: /Tòa án/ },
  },
  {
    row: "administrative_procedure",
    activity: "administrative_procedure",
    province: "hue",
    act: "2025-02-01",
    filing: TODAY,
    expect: { agency: "stp-hue", so_tu_phap: true, where: /Tòa án/ },
  },
  {
    row: "criminal_enforcement",
    activity: "criminal_enforcement",
    province: "lam-dong-2025",
    act: "2025-12-01",
    filing: TODAY,
    expect: { agency: "stp-lam-dong-2025", so_tu_phap: true, where: /thi hành án hình sự/ },
  },
  {
    row: "activity_unknown",
    activity: "unknown",
    province: "dak-nong",
    act: "2024-06-01",
    filing: TODAY,
    expect: { agency: "stp-lam-dong-2025", former: "stp-dak-nong", so_tu_phap: true },
  },
];

const tested = new Set<string>();

describe("Cơ quan nhận hồ sơ: bảng lĩnh vực × loại cơ quan × ngày sắp xếp (portal/determination)", () => {
  for (const c of CASES) {
    const row = DETERMINATION_TABLE.find((r) => r.id === c.row);
    assert.ok(row, `không có dòng ${c.row}`);
    const name = `${row.cite} — ${c.row}: ${c.activity}/${c.agency_kind ?? "*"}/${c.province ?? "-"}, việc ngày ${c.act}, nộp ngày ${c.filing} → ${c.expect.agency}`;
    tested.add(c.row);
    test(name, () => {
      const d = determineAgency({
        activity: c.activity,
        agency_kind: c.agency_kind,
        province: c.province,
        act_date: c.act,
        filing_date: c.filing,
      });
      assert.equal(d.row.id, c.row);
      assert.equal(d.agency?.id ?? null, c.expect.agency);
      if (c.expect.former !== undefined) assert.equal(d.agency?.former?.id ?? null, c.expect.former);
      assert.equal(d.agency?.determined_by_so_tu_phap ?? false, c.expect.so_tu_phap ?? false);
      if (c.expect.where) assert.match(d.where_vi ?? "", c.expect.where);
      else assert.equal(d.where_vi, null);
      assert.ok(d.explanation.length > 0);
    });
  }

  test("Sở Tư pháp xác định cơ quan (Điều 41 khoản 4) là dòng đã xác nhận; số điều chưa đọc được đánh dấu chưa xác minh", () => {
    for (const r of DETERMINATION_TABLE) {
      assert.match(r.cite, /^Luật TNBTCNN 2017, Điều \d+/);
      if (r.outcome.kind === "so_tu_phap") assert.equal(r.confidence, "confirmed", r.id);
    }
  });

  // Guard: a row added to the table without a case fails here.
  test("Kiểm tra bao phủ: mỗi dòng của bảng xác định cơ quan có ít nhất một kiểm thử", () => {
    const missing = DETERMINATION_TABLE.filter((r) => !tested.has(r.id)).map((r) => `${r.id} (${r.cite})`);
    assert.deepEqual(missing, []);
    assert.equal(new Set(DETERMINATION_TABLE.map((r) => r.id)).size, DETERMINATION_TABLE.length, "mã dòng trùng");
  });
});
