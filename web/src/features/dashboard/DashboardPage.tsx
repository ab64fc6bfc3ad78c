// Dashboard for the user's scope: cards, charts (ECharts), the lists that need action this week, the ranking per
// province and the trend per year and field (issue 6 §6). Every claim figure is a statistics indicator of the stated
// period — the server picks them out of the same computation as /api/statistics (issue 17) — and each chart says which
// period it shows.
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, List, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import type {
  DashboardBody as Dashboard,
  DeadlineItemBody as DeadlineItem,
} from "../../../../src/http/contracts/dashboard.ts";
import { api } from "../../shared/api.ts";
import { EChart, type EChartOption } from "../../shared/EChart.tsx";
import { fmtDate } from "../../shared/format.ts";
import { type MessageKey, useI18n } from "../../shared/i18n/index.tsx";
import { useAgencies, useAgencyName, useMe } from "../../shared/session.tsx";
import { ProvinceRankingCard, TrendByFieldCard } from "./ProvinceRanking.tsx";

const COLORS = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#c2185b"];

function bar(labels: string[], values: number[], horizontal = false): EChartOption {
  // every label shown (interval 0): the card grows with the number of rows instead of letting labels overlap
  const cat = { type: "category", data: labels, axisLabel: { width: 160, overflow: "truncate", interval: 0 } };
  const val = { type: "value", minInterval: 1 };
  return {
    color: COLORS,
    tooltip: { trigger: "axis" },
    grid: { left: horizontal ? 170 : 40, right: 16, top: 16, bottom: horizontal ? 24 : 60, containLabel: false },
    xAxis: horizontal ? val : { ...cat, axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 } },
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [
      { type: "bar", data: values, barMaxWidth: 36, label: { show: true, position: horizontal ? "right" : "top" } },
    ],
  };
}

function pie(data: Array<{ name: string; value: number }>): EChartOption {
  return {
    color: COLORS,
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { bottom: 0, type: "scroll" },
    series: [{ type: "pie", radius: ["35%", "65%"], top: -20, data, label: { formatter: "{c}" } }],
  };
}

function ChartCard({
  title,
  empty,
  option,
  rows,
}: {
  title: string;
  empty: boolean;
  option: EChartOption;
  /** Horizontal bars: one row per label, the chart grows so that no two labels overlap. */
  rows?: number;
}) {
  const { t } = useI18n();
  return (
    <Card title={title} size="small">
      {empty ? (
        <Empty description={t("dash.noData")} />
      ) : (
        <EChart
          option={option}
          ariaLabel={title}
          style={rows && rows > 10 ? { height: Math.min(rows * 22 + 48, 1500) } : undefined}
        />
      )}
    </Card>
  );
}

export default function DashboardPage() {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const { byId } = useAgencies();
  const isThads = /THADS/.test(byId.get(me?.agency_id ?? "")?.role ?? "");
  const q = useQuery({ queryKey: ["dashboard"], queryFn: () => api<Dashboard>("/api/dashboard") });
  const d = q.data;

  const charts = useMemo(() => {
    if (!d) return null;
    const s = d.statistics;
    const outcome = s.totals.filter((f) => f.indicator !== "handled");
    return {
      outcome: bar(
        outcome.map((f) => t(`dash.ind.${f.indicator}` as MessageKey)),
        outcome.map((f) => f.value),
        true,
      ),
      inProgressByField: pie(s.in_progress_by_field.map((f) => ({ name: tl("field", f.field ?? ""), value: f.value }))),
      byProvince: bar(
        s.handled_by_province.map((f) => f.name ?? f.province_id ?? "—"),
        s.handled_by_province.map((f) => f.value),
        true,
      ),
      handledByField: pie(s.handled_by_field.map((f) => ({ name: tl("field", f.field ?? ""), value: f.value }))),
    };
  }, [d, t, tl]);

  if (q.isLoading || !d || !charts)
    return q.error ? <Alert type="error" message={String(q.error)} /> : <Skeleton active />;

  const s = d.statistics;
  const period = t("dash.periodYear", { year: s.period.year });
  /** A chart title with the statistics period it shows. */
  const withPeriod = (key: MessageKey) => t("dash.withPeriod", { title: t(key), period });
  const total = (k: string) => s.totals.find((f) => f.indicator === k)?.value ?? 0;

  const deadlineColumns = [
    {
      title: t("claims.code"),
      dataIndex: "code",
      render: (v: string, r: DeadlineItem) => <Link to={`/claims/${r.claim_id}`}>{v}</Link>,
    },
    { title: t("claims.claimant"), dataIndex: "claimant_name", ellipsis: true },
    { title: t("plans.task"), dataIndex: "label", render: (v: string | null, r: DeadlineItem) => v ?? r.step },
    { title: t("common.due"), dataIndex: "due", render: fmtDate, width: 110 },
  ];

  return (
    <div data-testid="dashboard">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("dash.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("dash.scope", { agency: agencyName(me?.agency_id), date: fmtDate(d.as_of) })}{" "}
        <span data-testid="dashboard-period">
          {t("dash.statsPeriod", { period, from: fmtDate(s.period.from), to: fmtDate(s.period.to) })}
        </span>{" "}
        <Link to="/statistics">{t("dash.toStatistics")}</Link>
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {[
          { title: withPeriod("dash.handled"), value: total("handled") },
          { title: withPeriod("dash.inProgressClaims"), value: total("in_progress"), color: "#1565c0" },
          { title: t("dash.dueWeek"), value: d.deadlines_this_week_total, color: "#ef6c00" },
          { title: t("dash.overdue"), value: d.deadlines_overdue_total, color: "#b71c1c" },
          { title: t("dash.awaiting"), value: d.requests_awaiting.total, color: "#6a1b9a" },
        ].map((c) => (
          <Col xs={12} md={8} xl={4} key={c.title} flex="auto">
            <Card size="small">
              <Statistic title={c.title} value={c.value} valueStyle={c.color ? { color: c.color } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <ChartCard title={withPeriod("dash.outcome")} empty={!total("handled")} option={charts.outcome} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={withPeriod("dash.byField")}
            empty={!s.in_progress_by_field.length}
            option={charts.inProgressByField}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("dash.deadlinesWeek", { from: fmtDate(d.week.from), to: fmtDate(d.week.to) })} size="small">
            <Table
              size="small"
              rowKey={(r) => `${r.claim_id}-${r.step}`}
              columns={deadlineColumns}
              dataSource={d.deadlines_this_week}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              locale={{ emptyText: t("dash.noData") }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("dash.deadlinesOverdue")} size="small">
            <Table
              size="small"
              rowKey={(r) => `${r.claim_id}-${r.step}`}
              columns={deadlineColumns}
              dataSource={d.deadlines_overdue}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              locale={{ emptyText: t("dash.noData") }}
              rowClassName={() => "row-overdue"}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("dash.planProgress")} size="small">
            {d.plan_progress.length === 0 ? (
              <Empty description={t("dash.noData")} />
            ) : (
              <List
                size="small"
                dataSource={d.plan_progress}
                renderItem={(p) => (
                  <List.Item>
                    <div style={{ width: "100%" }}>
                      <Typography.Text ellipsis style={{ maxWidth: "100%" }}>
                        {p.agency_name}
                      </Typography.Text>
                      <Progress
                        percent={Math.round((100 * p.done) / Math.max(p.total, 1))}
                        success={{ percent: Math.round((100 * p.done) / Math.max(p.total, 1)) }}
                        format={() => `${p.done}/${p.total}`}
                        aria-label={`${p.agency_name}: ${p.done}/${p.total}`}
                      />
                      {p.overdue > 0 && <Tag color="red">{`${t("dash.overdue")}: ${p.overdue}`}</Tag>}
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("dash.requestsAwaiting")} size="small">
            <List
              size="small"
              locale={{ emptyText: t("dash.noData") }}
              dataSource={d.requests_awaiting.items}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/requests?open=${r.id}`}>{r.topic}</Link>}
                    description={`${tl("kind", r.kind)} · ${agencyName(r.from_agency_id)}${r.due ? ` · ${t("common.due")} ${fmtDate(r.due)}` : ""}`}
                  />
                  <Tag>{tl("rstatus", r.status)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={withPeriod("dash.byProvince")}
            empty={!s.handled_by_province.length}
            option={charts.byProvince}
            rows={s.handled_by_province.length}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={withPeriod("dash.byFieldAll")}
            empty={!s.handled_by_field.length}
            option={charts.handledByField}
          />
        </Col>
        {/* Rankings are the supervisors' picture: an enforcement (THADS) office does not get them on its home. */}
        {!isThads && (
          <Col xs={24}>
            <ProvinceRankingCard nationwide={me?.scope === "all"} />
          </Col>
        )}
        <Col xs={24}>
          <TrendByFieldCard />
        </Col>
      </Row>
    </div>
  );
}
