// Issue 17 — "a letter of each kind cites the plan's number, date and title and the same article as the routing rule".
// Requests are created through the API (routed by the rule table), their letter drafted through the API
// (POST /api/requests/:id/letter), and the .docx read back with mammoth. For each kind — forwarding (KH 2021 mục II.3.1
// and II.5.2), guidance (II.3.2), legal question (II.7), urging (II.6.1), report request (II.5.1.a) — the letter cites:
//  - the plan as a document: "mục … Kế hoạch số … ngày …/…/2021 của Cục Bồi thường nhà nước và Tổng cục Thi hành án dân
//    sự về phối hợp …" (seed 000 states no number and no date: "…", with the legend once, in the page footer);
//  - the provisions the routing cites (its `basis`), and no other article of Thông tư 08/2019/TT-BTP. The routing of
//    II.3.1 cites Điều 4 khoản 2 điểm a: the forwarding letter once cited Điều 12 instead.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { seedDemo } from "../../src/db/seed/index.ts";
import { openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/index.ts";
import { buildApp } from "../../src/http/app.ts";
import { docxText } from "../documents/helpers.ts";
import { Client } from "./helpers.ts";

const SIGNER = { authority: "KT.", authority_title: "Cục trưởng", title: "Phó Cục trưởng", name: "Nguyễn Văn Bình" };
/** Written out here from the seed's header (independently of src/domain/routing/citation.ts). */
const KH2021 =
  "Kế hoạch số … ngày …/…/2021 của Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự về phối hợp thực hiện công tác bồi thường nhà nước trong hoạt động thi hành án dân sự năm 2021";
const LEGEND = "Số, ngày ban hành của kế hoạch chưa xác minh với văn bản gốc";
const AGENCIES = AGENCY_ROWS.filter((a) => !a.province_code || ["01", "38", "40"].includes(a.province_code));

type Case = {
  name: string;
  by: "cuc" | "thads";
  request: Record<string, unknown>;
  rule: string;
  draft: Record<string, unknown>;
  /** Provisions the letter must cite, as written in a legal citation. */
  cites: string[];
};

const CASES: Case[] = [
  {
    name: "công văn chuyển đề nghị hướng dẫn đến UBND cấp tỉnh",
    by: "thads",
    request: {
      kind: "guidance",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "Xác định cơ quan giải quyết bồi thường sau sắp xếp",
      situation: { topic: "compensation" },
    },
    rule: "KH2021.II.3.1",
    draft: {},
    cites: ["điểm a khoản 2 Điều 4 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  },
  {
    name: "công văn hướng dẫn nghiệp vụ sau khi cấp tỉnh đã hướng dẫn",
    by: "thads",
    request: {
      kind: "guidance",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "Xác định thiệt hại do tài sản bị xâm phạm",
      situation: { topic: "compensation", prior: { guided_by_province: true } },
    },
    rule: "KH2021.II.3.2",
    draft: { fields: { points: ["Thiệt hại được xác định theo Điều 23 Luật Trách nhiệm bồi thường của Nhà nước."] } },
    cites: ["điểm đ khoản 1 Điều 4 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  },
  {
    name: "công văn giải đáp vướng mắc",
    by: "thads",
    request: {
      kind: "legal_question",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "Áp dụng thời hiệu yêu cầu bồi thường",
    },
    rule: "KH2021.II.7",
    draft: { fields: { points: ["Thời hiệu yêu cầu bồi thường là 03 năm (Điều 6 Luật)."] } },
    cites: ["khoản 2 Điều 3 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  },
  {
    name: "công văn sao chuyển văn bản để phối hợp theo dõi",
    by: "cuc",
    request: {
      kind: "document_forward",
      from_agency_id: "thads-thanh-hoa",
      to_agency_id: "cuc-btnn",
      topic: "Quyết định giải quyết bồi thường số 09/QĐ-THADS",
      situation: { received_by: "CUC_BTNN" },
    },
    rule: "KH2021.II.5.2-1",
    draft: {},
    cites: ["Điều 12 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  },
  {
    name: "công văn đề nghị UBND cấp tỉnh đôn đốc",
    by: "cuc",
    request: {
      kind: "urging",
      from_agency_id: "cuc-btnn",
      to_agency_id: "ubnd-thanh-hoa",
      topic: "Đôn đốc thụ lý hồ sơ yêu cầu bồi thường",
      situation: { managing_role: "THADS_TINH", prior: { urging_grounds: [1] } },
    },
    rule: "KH2021.II.6.1",
    draft: {
      issuing_agency_id: "cuc-btnn",
      fields: {
        addressees: ["Ủy ban nhân dân tỉnh Thanh Hóa"],
        urged_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
        matter: "chưa thụ lý hồ sơ yêu cầu bồi thường đã hợp lệ",
        grounds: ["k1"],
        tasks: ["thụ lý hồ sơ yêu cầu bồi thường theo quy định"],
      },
    },
    cites: ["điểm c khoản 3 Điều 13, Điều 14 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  },
  {
    name: "công văn đề nghị báo cáo",
    by: "cuc",
    request: {
      kind: "report_request",
      from_agency_id: "cuc-btnn",
      to_agency_id: "ubnd-thanh-hoa",
      topic: "Báo cáo việc giải quyết bồi thường",
      situation: { handling_role: "THADS_TINH", prior: { monitoring_grounds: ["c"] } },
    },
    rule: "KH2021.II.5.1.a",
    draft: {
      issuing_agency_id: "cuc-btnn",
      fields: {
        addressees: ["Ủy ban nhân dân tỉnh Thanh Hóa"],
        reporting_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
        matter: "việc giải quyết yêu cầu bồi thường của Ông Nguyễn Văn An",
        monitoring_grounds: ["c"],
      },
    },
    cites: ["khoản 2 Điều 11, khoản 1 Điều 9 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp"],
  },
];

/** Articles of Thông tư 08/2019 named in a text: "điểm a khoản 2 Điều 4, Điều 14 Thông tư số 08/2019/TT-BTP" → 4, 14. */
function tt08Articles(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/((?:(?:điểm [a-zđ]+|khoản \d+|Điều \d+),? (?:và )?)+)Thông tư (?:số )?08\/2019/gu))
    for (const a of m[1].matchAll(/Điều (\d+)/gu)) out.add(Number(a[1]));
  return out;
}

/** Articles of Thông tư 08/2019 in a routing basis ("…; Thông tư 08/2019/TT-BTP Điều 13 khoản 3 điểm c, Điều 14"). */
function basisArticles(basis: string): Set<number> {
  const part = basis.split(/;\s*/).find((p) => p.startsWith("Thông tư 08/2019/TT-BTP")) ?? "";
  return new Set([...part.matchAll(/Điều (\d+)/gu)].map((m) => Number(m[1])));
}

async function footerText(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const names = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  return Promise.all(names.map(async (n) => (await zip.file(n)!.async("string")).replace(/<[^>]+>/g, "")));
}

describe("Công văn trích dẫn đúng kế hoạch và đúng điều khoản của quy tắc điều phối (vấn đề 17)", () => {
  let database: Database;
  let app: FastifyInstance;
  const c = {} as Record<"cuc" | "thads", Client>;
  before(async () => {
    database = await openTestDatabase();
    await seedDemo(database, { asOf: "2026-03-02", agencies: AGENCIES });
    app = await buildApp({ database, config: {}, now: () => new Date("2026-03-02T03:00:00Z") });
    await app.ready();
    for (const [k, u] of [
      ["cuc", "cucbtnn.canbo"],
      ["thads", "thads.thanhhoa.canbo"],
    ] as const) {
      c[k] = new Client(app);
      assert.equal((await c[k].login(u, "btnn@2026")).statusCode, 200);
    }
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  for (const k of CASES) {
    test(`${k.rule} — ${k.name}: số, ngày, tên kế hoạch và cùng điều khoản với quy tắc`, async () => {
      const r = await c[k.by].post("/api/requests", k.request);
      assert.equal(r.statusCode, 201, r.body);
      const routing = r.json().routing as { rule: string; clause: string; basis: string };
      assert.equal(routing.rule, k.rule);
      const res = await c.cuc.post(`/api/requests/${r.json().id}/letter`, { signature: SIGNER, ...k.draft });
      assert.equal(res.statusCode, 201, res.body);
      const text = await docxText(res.rawPayload);
      const section = routing.clause.replace(/^KH 2021 /, "");
      assert.ok(text.includes(`${section} ${KH2021} (*)`), `kế hoạch trích dẫn đầy đủ:\n${text}`);
      assert.ok(!/KH 2021 mục/.test(text), "không còn 'KH 2021 mục …' viết tắt");
      for (const cite of k.cites) assert.ok(text.includes(cite), `thiếu "${cite}":\n${text}`);
      assert.deepEqual(
        [...tt08Articles(text)].filter((a) => !basisArticles(routing.basis).has(a)),
        [],
        `điều của TT 08 ngoài căn cứ của quy tắc (${routing.basis}):\n${text}`,
      );
      // The legend once (page footer), not in the body.
      assert.ok(!text.includes(LEGEND));
      const footers = await footerText(res.rawPayload);
      assert.ok(footers.length > 0 && footers.every((f) => f.split(LEGEND).length === 2), footers.join(" | "));
    });
  }
});
