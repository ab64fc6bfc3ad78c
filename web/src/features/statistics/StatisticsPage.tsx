// Statistics derived from the claims (TT 08/2019 Mẫu 03/04 rows): table per field for a period, trend per year and
// field (ECharts), and drill-down to the claims behind any figure.
import { useQuery } from "@tanstack/react-query";
import { Button, Card, InputNumber, Modal, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { CLAIM_FIELDS } from "../../../../src/domain/claims/dto.ts";
import { api } from "../../shared/api.ts";
import { ConfidenceLegend, UnverifiedMark } from "../../shared/ConfidenceLegend.tsx";
import { EChart } from "../../shared/EChart.tsx";
import { fmtMoney, yearVn } from "../../shared/format.ts";
import { type MessageKey, useI18n } from "../../shared/i18n/index.tsx";

type Figure = { value: number; claim_ids: string[] };
type Indicator = { key: string; label: string; unit: "case" | "vnd"; form?: string; level: number; confidence: string };
type Stats = {
  indicators: Indicator[];
  total: Record<string, Figure>;
  by_field: Record<string, Record<string, Figure>>;
};
type Trend = { keys: string[]; years: Array<{ year: number; by_field: Record<string, Record<string, number>> }> };
type Drill = { indicator: string; field?: string };

export default function StatisticsPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState("year");
  const [year, setYear] = useState(yearVn() - 1);
  const [half, setHalf] = useState(1);
  const [drill, setDrill] = useState<Drill | null>(null);
  const query = { kind, year, half: kind === "half_year" ? half : undefined };
  const stats = useQuery({ queryKey: ["statistics", query], queryFn: () => api<Stats>("/api/statistics", { query }) });
  const trend = useQuery({
    queryKey: ["statistics-trend"],
    queryFn: () => api<Trend>("/api/statistics/trend", { query: { from_year: 2019 } }),
  });
  const claims = useQuery({
    queryKey: ["statistics-claims", query, drill],
    enabled: !!drill,
    queryFn: () =>
      api<{ items: Array<{ id: string; code: string; field: string; state: string; handling_agency_name: string }> }>(
        "/api/statistics/claims",
        { query: { ...query, indicator: drill?.indicator, field: drill?.field } },
      ),
  });
  const fieldLabel = (f: string) => t(`field.${f}` as MessageKey);
  const cell = (ind: Indicator, fig: Figure | undefined, field?: string) =>
    fig && fig.value !== 0 ? (
      <Button type="link" size="small" onClick={() => setDrill({ indicator: ind.key, field })}>
        {ind.unit === "vnd" ? fmtMoney(fig.value) : fig.value}
      </Button>
    ) : (
      "0"
    );

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("stats.title")}</Typography.Title>
      <Space wrap>
        <Select
          aria-label={t("reports.periodKind")}
          value={kind}
          onChange={setKind}
          style={{ width: 300 }}
          options={["year", "half_year", "tt08_annual_report"].map((k) => ({
            value: k,
            label: t(`reports.period.${k}` as MessageKey),
          }))}
        />
        <InputNumber
          aria-label={t("reports.year")}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => v && setYear(v)}
        />
        {kind === "half_year" && (
          <Select
            value={half}
            onChange={setHalf}
            options={[
              { value: 1, label: "1" },
              { value: 2, label: "2" },
            ]}
          />
        )}
      </Space>
      <Card title={t("stats.table")}>
        <Table<Indicator>
          size="small"
          rowKey="key"
          loading={stats.isLoading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={stats.data?.indicators ?? []}
          columns={[
            {
              title: t("reports.indicator"),
              render: (_, ind) => (
                <span style={{ paddingLeft: ind.level * 16 }}>
                  {ind.label}
                  {ind.confidence === "unverified" && <UnverifiedMark />}
                </span>
              ),
            },
            { title: t("stats.total"), align: "right", render: (_, ind) => cell(ind, stats.data?.total[ind.key]) },
            ...CLAIM_FIELDS.map((f) => ({
              title: fieldLabel(f),
              align: "right" as const,
              render: (_: unknown, ind: Indicator) => cell(ind, stats.data?.by_field[f]?.[ind.key], f),
            })),
          ]}
        />
        {stats.data?.indicators.some((i) => i.confidence === "unverified") && <ConfidenceLegend scope="some" />}
      </Card>
      <Card title={t("stats.trend")}>
        {trend.data && (
          <EChart
            ariaLabel={t("stats.trend")}
            style={{ height: 360 }}
            option={{
              tooltip: { trigger: "axis" },
              legend: { top: 0 },
              grid: { top: 40, left: 40, right: 20, bottom: 30 },
              xAxis: { type: "category", data: trend.data.years.map((y) => String(y.year)) },
              yAxis: { type: "value" },
              series: CLAIM_FIELDS.map((f) => ({
                type: "bar",
                stack: "handled",
                name: fieldLabel(f),
                data: trend.data.years.map((y) => y.by_field[f]?.handled ?? 0),
              })),
            }}
          />
        )}
      </Card>
      <Modal open={!!drill} onCancel={() => setDrill(null)} footer={null} width={800} title={t("stats.drill")}>
        <Table
          size="small"
          rowKey="id"
          loading={claims.isLoading}
          dataSource={claims.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t("stats.code"), dataIndex: "code", render: (v, c) => <Link to={`/claims/${c.id}`}>{v}</Link> },
            { title: t("stats.field"), dataIndex: "field", render: fieldLabel },
            { title: t("reports.agency"), dataIndex: "handling_agency_name" },
            { title: t("reports.status"), dataIndex: "state" },
          ]}
        />
      </Modal>
    </Space>
  );
}
