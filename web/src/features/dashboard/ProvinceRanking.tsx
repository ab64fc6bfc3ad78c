// Dashboard sections of issue 6 §6: ranking per province (bar chart + table of indicators derived from the claims,
// with the QĐ 3062 evaluation score) from /api/rankings/provinces, and the trend per year and field from
// /api/statistics/trend. A province user's scope holds its own province only (the server filters).
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, InputNumber, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { CLAIM_FIELDS } from "../../../../src/domain/claims/dto.ts";
import { api } from "../../shared/api.ts";
import { ConfidenceLegend } from "../../shared/ConfidenceLegend.tsx";
import { EChart } from "../../shared/EChart.tsx";
import { fmtMoney, yearVn } from "../../shared/format.ts";
import { type MessageKey, useI18n } from "../../shared/i18n/index.tsx";

const INDICATORS = ["handled", "resolved", "in_progress", "amount_to_pay", "amount_paid"] as const;
type Indicator = (typeof INDICATORS)[number];
type Sort = Indicator | "score";
const MONEY: ReadonlySet<Sort> = new Set(["amount_to_pay", "amount_paid"]);
const COLORS = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f"];

export type RankingRow = {
  province_id: string;
  province_name: string;
  rank: number;
  figures: Record<Indicator, number>;
  evaluation: null | {
    agency_name: string;
    status: string;
    total: number;
    percent: number;
    rating: string;
  };
};
type Ranking = { period: { from: string; to: string }; evaluation_confidence: string | null; items: RankingRow[] };
type Trend = { years: Array<{ year: number; by_field: Record<string, Record<string, number>> }> };

const value = (r: RankingRow, sort: Sort) => (sort === "score" ? (r.evaluation?.total ?? 0) : r.figures[sort]);

export function ProvinceRankingCard({ nationwide }: { nationwide: boolean }) {
  const { t, tl, lang } = useI18n();
  const [year, setYear] = useState(yearVn() - 1);
  const [sort, setSort] = useState<Sort>("handled");
  const q = useQuery({
    queryKey: ["rankings-provinces", year, sort],
    queryFn: () => api<Ranking>("/api/rankings/provinces", { query: { kind: "year", year, sort } }),
  });
  const items = q.data?.items ?? [];
  const label = (k: Sort) => t(`rank.ind.${k}` as MessageKey);
  const fmt = (k: Sort, n: number) => (MONEY.has(k) ? fmtMoney(n) : String(n));
  /** Bar labels: money in millions of đồng ("35,95 triệu đ"), counts as they are. */
  const short = (k: Sort, n: number) =>
    MONEY.has(k)
      ? t("rank.millions", {
          n: (n / 1_000_000).toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 }),
        })
      : String(n);
  const chartHeight = Math.min(Math.max(200, 24 * items.length + 40), 820);

  return (
    <Card
      size="small"
      title={t("dash.withPeriod", { title: t("rank.title"), period: t("dash.periodYear", { year }) })}
      data-testid="province-ranking"
      // Tests read the table once the year and order shown are loaded and no refresh is in flight.
      data-loaded={q.isSuccess && !q.isFetching ? `${year}:${sort}` : undefined}
      extra={
        <Space wrap>
          <InputNumber
            aria-label={t("rank.year")}
            size="small"
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && setYear(v)}
          />
          <Select<Sort>
            aria-label={t("rank.sortBy")}
            size="small"
            value={sort}
            onChange={setSort}
            style={{ width: 240 }}
            options={[...INDICATORS, "score" as const].map((k) => ({ value: k, label: label(k) }))}
          />
        </Space>
      }
    >
      {!nationwide && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("rank.ownProvince")}
        </Typography.Paragraph>
      )}
      {q.error && <Alert type="error" showIcon message={String(q.error)} />}
      {items.length === 0 && !q.isLoading ? (
        <Empty description={t("dash.noData")} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={10}>
              <EChart
                ariaLabel={`${t("rank.title")} — ${label(sort)}`}
                style={{ height: chartHeight }}
                option={{
                  color: COLORS,
                  tooltip: {
                    trigger: "axis",
                    valueFormatter: (v: unknown) => fmt(sort, Number(v)),
                  },
                  grid: { left: 170, right: 90, top: 10, bottom: MONEY.has(sort) ? 40 : 20 },
                  xAxis: {
                    type: "value",
                    minInterval: MONEY.has(sort) ? undefined : 1,
                    axisLabel: {
                      formatter: (v: number) => (MONEY.has(sort) ? (v / 1_000_000).toLocaleString("vi-VN") : String(v)),
                    },
                    name: MONEY.has(sort) ? t("rank.millionsAxis") : undefined,
                    nameLocation: "middle",
                    nameGap: 24,
                  },
                  yAxis: {
                    type: "category",
                    inverse: true,
                    data: items.map((r) => `${r.rank}. ${r.province_name}`),
                    axisLabel: { width: 160, overflow: "truncate" },
                  },
                  series: [
                    {
                      type: "bar",
                      name: label(sort),
                      barMaxWidth: 22,
                      data: items.map((r) => value(r, sort)),
                      label: {
                        show: true,
                        position: "right",
                        formatter: (p: { value: number }) => short(sort, p.value),
                      },
                    },
                  ],
                }}
              />
            </Col>
            <Col xs={24} xl={14}>
              <Table<RankingRow>
                size="small"
                rowKey="province_id"
                loading={q.isLoading}
                dataSource={items}
                pagination={false}
                scroll={{ x: true, y: Math.max(chartHeight - 60, 160) }}
                columns={[
                  { title: t("evaluation.rank"), dataIndex: "rank", width: 60 },
                  { title: t("rank.province"), dataIndex: "province_name", width: 170 },
                  ...INDICATORS.map((k) => ({
                    title: label(k),
                    align: "right" as const,
                    render: (_: unknown, r: RankingRow) => fmt(k, r.figures[k]),
                  })),
                  {
                    title: label("score"),
                    align: "right" as const,
                    render: (_: unknown, r: RankingRow) =>
                      r.evaluation ? (
                        <Space size={4}>
                          <span>{`${r.evaluation.total} (${r.evaluation.percent}%)`}</span>
                          <Tag>{tl("evalStatus", r.evaluation.status)}</Tag>
                        </Space>
                      ) : (
                        "—"
                      ),
                  },
                ]}
              />
            </Col>
          </Row>
          {q.data?.evaluation_confidence === "unverified" && (
            <ConfidenceLegend scope="all" basis={t("evaluation.basis")} />
          )}
        </>
      )}
    </Card>
  );
}

export function TrendByFieldCard() {
  const { t, tl } = useI18n();
  const [indicator, setIndicator] = useState<Indicator>("handled");
  const thisYear = yearVn();
  const q = useQuery({
    queryKey: ["statistics-trend", "dashboard"],
    queryFn: () => api<Trend>("/api/statistics/trend", { query: { from_year: thisYear - 6, to_year: thisYear } }),
  });
  const years = q.data?.years ?? [];
  const empty = years.every((y) => CLAIM_FIELDS.every((f) => !(y.by_field[f]?.[indicator] ?? 0)));
  return (
    <Card
      size="small"
      title={t("dash.withPeriod", { title: t("rank.trend"), period: `${thisYear - 6}–${thisYear}` })}
      data-testid="trend-by-field"
      extra={
        <Select<Indicator>
          aria-label={t("rank.trendIndicator")}
          size="small"
          value={indicator}
          onChange={setIndicator}
          style={{ width: 240 }}
          options={INDICATORS.map((k) => ({ value: k, label: t(`rank.ind.${k}` as MessageKey) }))}
        />
      }
    >
      {q.isLoading ? null : empty ? (
        <Empty description={t("dash.noData")} />
      ) : (
        <EChart
          ariaLabel={t("rank.trend")}
          style={{ height: 320 }}
          option={{
            color: COLORS,
            tooltip: { trigger: "axis" },
            legend: { bottom: 0, type: "scroll" },
            grid: { top: 16, left: 60, right: 16, bottom: 50 },
            xAxis: { type: "category", data: years.map((y) => String(y.year)) },
            yAxis: {
              type: "value",
              minInterval: MONEY.has(indicator) ? undefined : 1,
              name: MONEY.has(indicator) ? t("rank.millionsAxis") : undefined,
              axisLabel: {
                formatter: (v: number) => (MONEY.has(indicator) ? (v / 1_000_000).toLocaleString("vi-VN") : String(v)),
              },
            },
            series: CLAIM_FIELDS.map((f) => ({
              type: "bar",
              stack: "fields",
              name: tl("field", f),
              data: years.map((y) => y.by_field[f]?.[indicator] ?? 0),
            })),
          }}
        />
      )}
    </Card>
  );
}
