// Issue 17 — "every figure on the dashboard equals the same indicator from /api/statistics for the same period and
// scope". Over the demo seed (central agencies and three provinces; claims 2019 → 30/06/2026 in every state), for a national account (Cục BTNN), a province
// account (Sở Tư pháp Thanh Hóa — province scope, TT 08/2019/TT-BTP Điều 4 khoản 2) and an enforcement office (THADS
// Thanh Hóa): each figure of GET /api/dashboard names its indicator (and field / province) and is compared with that
// cell of GET /api/statistics for the period the dashboard states; the dashboard's two other statistics cards (trend per
// year and field, ranking per province) are compared the same way. Both engines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { seedDemo } from "../../src/db/seed/index.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/index.ts";
import { buildApp } from "../../src/http/app.ts";
import { Client } from "./helpers.ts";

const AS_OF = "2026-06-30";
/** Central agencies and three provinces (Hà Nội 01, Thanh Hóa 38, Nghệ An 40): every demo account's agency, several
 * provinces on the national chart, and a seed four times faster than the whole registry. */
const AGENCIES = AGENCY_ROWS.filter((a) => !a.province_code || ["01", "38", "40"].includes(a.province_code));
type Fig = { value: number };
type Row = Record<string, Fig>;
type Stats = {
  period: { from: string; to: string; label?: string };
  total: Row;
  by_field: Record<string, Row>;
  by_province: Record<string, Row>;
};
type DashFigure = { indicator: string; value: number; field?: string; province_id?: string; name?: string | null };
type Dashboard = {
  statistics: {
    period: { kind: string; year: number; from: string; to: string; label: string };
    totals: DashFigure[];
    in_progress_by_field: DashFigure[];
    handled_by_field: DashFigure[];
    handled_by_province: DashFigure[];
  };
};

/** The /api/statistics cell a dashboard figure claims to be. */
const cell = (s: Stats, f: DashFigure) =>
  (f.field ? s.by_field[f.field] : f.province_id ? s.by_province[f.province_id] : s.total)?.[f.indicator]?.value;

for (const engine of availableEngines()) {
  describe(`Tổng quan = /api/statistics cùng kỳ, cùng phạm vi (vấn đề 17) — ${engine}`, () => {
    let database: Database;
    let app: FastifyInstance;
    before(async () => {
      database = await openTestDatabase({ engine });
      await seedDemo(database, { asOf: AS_OF, seed: 7, agencies: AGENCIES });
      app = await buildApp({ database, config: {}, now: () => new Date(`${AS_OF}T03:00:00Z`) });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });

    const login = async (username: string) => {
      const c = new Client(app);
      const r = await c.login(username, "btnn@2026");
      assert.equal(r.statusCode, 200, r.body);
      return c;
    };

    for (const [username, scopeName] of [
      ["cucbtnn.canbo", "toàn quốc"],
      ["stp.thanhhoa.canbo", "tỉnh Thanh Hóa"],
      ["thads.thanhhoa.canbo", "THADS tỉnh Thanh Hóa"],
    ] as const) {
      test(`${username} (${scopeName}): mỗi số liệu của Tổng quan bằng chỉ tiêu cùng tên của /api/statistics`, async () => {
        const c = await login(username);
        const dres = await c.get(`/api/dashboard?as_of=${AS_OF}`);
        assert.equal(dres.statusCode, 200, dres.body);
        const d = (dres.json() as Dashboard).statistics;
        assert.deepEqual(
          { kind: d.period.kind, year: d.period.year, from: d.period.from, to: d.period.to, label: d.period.label },
          { kind: "year", year: 2026, from: "2026-01-01", to: "2026-12-31", label: "Năm 2026" },
          "the period is stated",
        );
        const sres = await c.get(`/api/statistics?kind=${d.period.kind}&year=${d.period.year}`);
        assert.equal(sres.statusCode, 200, sres.body);
        const s = sres.json() as Stats;
        assert.deepEqual([s.period.from, s.period.to], [d.period.from, d.period.to]);

        const all = [...d.totals, ...d.in_progress_by_field, ...d.handled_by_field, ...d.handled_by_province];
        for (const f of all)
          assert.equal(f.value, cell(s, f), `${f.indicator} ${f.field ?? f.province_id ?? "tổng"}: ${f.value}`);
        // Non-zero demo figures, and nothing left out of the charts that statistics counts.
        const total = (k: string) => d.totals.find((f) => f.indicator === k)?.value ?? 0;
        assert.ok(total("handled") > 0 && total("in_progress") > 0, `figures non-zero: ${JSON.stringify(d.totals)}`);
        assert.equal(total("handled"), total("handled_new") + total("handled_carried"));
        assert.equal(total("handled"), total("resolved") + total("terminated") + total("in_progress"));
        const sum = (l: DashFigure[]) => l.reduce((a, f) => a + f.value, 0);
        assert.equal(sum(d.handled_by_field), s.total.handled.value, "every field's claims are in the chart");
        assert.equal(sum(d.in_progress_by_field), s.total.in_progress.value);
        assert.equal(sum(d.handled_by_province), s.total.handled.value, "every province's claims are in the chart");
        assert.ok(
          d.handled_by_province.every((p) => p.name && !/^Ủy ban/.test(p.name)),
          "province names shown without 'Ủy ban nhân dân'",
        );

        // Trend card (per year and field) and ranking card (per province): the same cells for their stated years.
        const trend = (await c.get("/api/statistics/trend?from_year=2024&to_year=2026")).json() as {
          years: Array<{
            year: number;
            total: Record<string, number>;
            by_field: Record<string, Record<string, number>>;
          }>;
        };
        for (const y of trend.years) {
          const sy = (await c.get(`/api/statistics?kind=year&year=${y.year}`)).json() as Stats;
          for (const [k, v] of Object.entries(y.total)) assert.equal(v, sy.total[k].value, `trend ${y.year} ${k}`);
          for (const [f, row] of Object.entries(y.by_field))
            for (const [k, v] of Object.entries(row)) assert.equal(v, sy.by_field[f][k].value, `trend ${y.year} ${f}`);
        }
        const rank = await c.get("/api/rankings/provinces?kind=year&year=2026");
        assert.equal(rank.statusCode, 200, rank.body);
        for (const r of (rank.json() as { items: Array<{ province_id: string; figures: Record<string, number> }> })
          .items)
          for (const [k, v] of Object.entries(r.figures))
            assert.equal(v, s.by_province[r.province_id]?.[k]?.value ?? 0, `ranking ${r.province_id} ${k}`);
      });
    }

    test("Phạm vi: tỉnh Thanh Hóa thấy ít hơn toàn quốc, chỉ tỉnh mình trên biểu đồ theo tỉnh", async () => {
      const nat = ((await (await login("cucbtnn.canbo")).get(`/api/dashboard?as_of=${AS_OF}`)).json() as Dashboard)
        .statistics;
      const th = ((await (await login("stp.thanhhoa.canbo")).get(`/api/dashboard?as_of=${AS_OF}`)).json() as Dashboard)
        .statistics;
      const handled = (d: Dashboard["statistics"]) => d.totals.find((f) => f.indicator === "handled")?.value ?? 0;
      assert.ok(handled(th) > 0 && handled(th) < handled(nat), `${handled(th)} < ${handled(nat)}`);
      assert.deepEqual(
        th.handled_by_province.map((p) => p.province_id),
        ["ubnd-thanh-hoa"],
      );
      assert.ok(nat.handled_by_province.length > 1);
    });
  });
}
