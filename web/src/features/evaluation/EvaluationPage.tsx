// Evaluation by the criteria of QĐ 3062/QĐ-BTP (shown as UNVERIFIED): scores per criterion computed from the records
// with evidence links, manual entries with a reason, self-assessment and ministry review, ranking table and chart.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, InputNumber, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { ApiError, api } from "../../shared/api.ts";
import { ConfidenceLegend } from "../../shared/ConfidenceLegend.tsx";
import { EChart } from "../../shared/EChart.tsx";
import { yearVn } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";

const SET = "qd-3062-2019";
type CriterionScore = {
  code: string;
  title: string;
  max: number;
  points: number;
  mode: string;
  explanation: string;
  evidence: Array<{ kind: string; id: string }>;
  reason?: string;
};
type Score = {
  criteria: CriterionScore[];
  total: number;
  max: number;
  percent: number;
  rating: string;
  bonus: number;
  deduction: number;
};
type Draft = {
  set: { name: string; confidence: string; basis: string };
  assessment: null | {
    id: string;
    status: string;
    version: number;
    self_total: number | null;
    review_total: number | null;
  };
  computed: Score;
};
type Ranking = {
  confidence: string;
  items: Array<{
    id: string;
    agency_name: string;
    total: number;
    rank: number;
    status: string;
    rating: string;
    percent: number;
    self_total: number | null;
    review_total: number | null;
  }>;
};

const evidenceHref = (e: { kind: string; id: string }) =>
  e.kind === "claim"
    ? `/claims/${e.id}`
    : e.kind === "trainings" || e.kind === "disseminations"
      ? "/trainings"
      : e.kind === "inspections"
        ? "/inspections"
        : "/reports";

export default function EvaluationPage() {
  const { t, tl } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe().data;
  const [year, setYear] = useState(yearVn());
  const [agency, setAgency] = useState<string | null>(me?.agency_id ?? null);
  const [manual, setManual] = useState<Record<string, { points?: number; reason?: string }>>({});
  const [error, setError] = useState<string | null>(null);
  const draft = useQuery({
    queryKey: ["evaluation-draft", year, agency],
    enabled: !!agency,
    queryFn: () => api<Draft>("/api/evaluation/draft", { query: { set_id: SET, year, agency_id: agency ?? "" } }),
  });
  const ranking = useQuery({
    queryKey: ["evaluation-ranking", year],
    queryFn: () => api<Ranking>("/api/evaluation/ranking", { query: { set_id: SET, year } }),
  });
  const entries = () =>
    Object.fromEntries(
      Object.entries(manual)
        .filter(([, v]) => v.points !== undefined)
        .map(([k, v]) => [k, { points: v.points, reason: v.reason ?? "" }]),
    );
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ["evaluation-draft"] });
    await qc.invalidateQueries({ queryKey: ["evaluation-ranking"] });
  };
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await refresh();
      message.success(t("common.saved"));
    } catch (e) {
      setError(
        e instanceof ApiError ? [e.message, ...e.issues.map((i) => `${i.path}: ${i.message}`)].join(" — ") : String(e),
      );
    }
  };
  const save = (submit: boolean) =>
    run(() =>
      api("/api/evaluation/self-assessment", {
        method: "PUT",
        body: { set_id: SET, year, agency_id: agency, manual: entries(), submit },
      }),
    );
  const review = () =>
    run(() =>
      api(`/api/evaluation/assessments/${draft.data?.assessment?.id}/review`, {
        method: "POST",
        body: { manual: entries() },
      }),
    );
  const d = draft.data;
  const editable = !d?.assessment || d.assessment.status === "draft";

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("evaluation.title")}</Typography.Title>
      {d?.set.basis && <ConfidenceLegend scope="all" basis={d.set.basis} />}
      <Space wrap>
        <InputNumber
          aria-label={t("reports.year")}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => v && setYear(v)}
        />
        <AgencySelect ariaLabel={t("reports.agency")} value={agency} onChange={setAgency} style={{ width: 360 }} />
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      <Card
        title={t("evaluation.criteria")}
        data-testid="evaluation-criteria"
        // Tests read the scores once this year and agency are loaded and no refresh is in flight.
        data-loaded={draft.isSuccess && !draft.isFetching ? `${year}:${agency}` : undefined}
        extra={
          d && (
            <Space>
              <Tag color="blue">
                {t("evaluation.total")}: {d.computed.total}/{d.computed.max} ({d.computed.percent}%) —{" "}
                {d.computed.rating}
              </Tag>
              {d.assessment && <Tag data-testid="assessment-status">{tl("evalStatus", d.assessment.status)}</Tag>}
            </Space>
          )
        }
      >
        <Table<CriterionScore>
          size="small"
          rowKey="code"
          loading={draft.isLoading}
          pagination={false}
          dataSource={d?.computed.criteria ?? []}
          columns={[
            { title: t("evaluation.code"), dataIndex: "code" },
            { title: t("evaluation.criterion"), dataIndex: "title" },
            { title: t("evaluation.points"), render: (_, c) => `${c.points}/${c.max}`, align: "right" },
            { title: t("evaluation.how"), dataIndex: "explanation" },
            {
              title: t("evaluation.evidence"),
              render: (_, c) => (
                <Space wrap size={4}>
                  {c.evidence.slice(0, 10).map((e) => (
                    <Link key={`${e.kind}:${e.id}`} to={evidenceHref(e)}>
                      {tl("evidenceKind", e.kind)} {e.id.slice(0, 8)}
                    </Link>
                  ))}
                  {c.evidence.length > 10 && `+${c.evidence.length - 10}`}
                </Space>
              ),
            },
            {
              title: t("evaluation.manual"),
              render: (_, c) => (
                <Space direction="vertical" size={2}>
                  <InputNumber
                    aria-label={`${t("evaluation.manual")} ${c.code}`}
                    min={0}
                    max={c.max}
                    value={manual[c.code]?.points}
                    onChange={(v) => setManual((m) => ({ ...m, [c.code]: { ...m[c.code], points: v ?? undefined } }))}
                  />
                  <Input
                    aria-label={`${t("evaluation.reason")} ${c.code}`}
                    placeholder={t("evaluation.reason")}
                    value={manual[c.code]?.reason ?? c.reason}
                    onChange={(e) => setManual((m) => ({ ...m, [c.code]: { ...m[c.code], reason: e.target.value } }))}
                  />
                </Space>
              ),
            },
          ]}
        />
        {can(me, "plans.write") && agency && (
          <Space style={{ marginTop: 16 }}>
            <Button disabled={!editable} onClick={() => save(false)}>
              {t("evaluation.saveDraft")}
            </Button>
            <Button type="primary" disabled={!editable} onClick={() => save(true)}>
              {t("evaluation.submit")}
            </Button>
            {d?.assessment && d.assessment.status !== "draft" && (
              <Button onClick={review}>{t("evaluation.review")}</Button>
            )}
          </Space>
        )}
      </Card>
      <Card title={t("evaluation.ranking")} data-testid="evaluation-ranking">
        <Table
          size="small"
          rowKey="id"
          loading={ranking.isLoading}
          pagination={false}
          dataSource={ranking.data?.items ?? []}
          columns={[
            { title: t("evaluation.rank"), dataIndex: "rank" },
            { title: t("reports.agency"), dataIndex: "agency_name" },
            { title: t("evaluation.selfTotal"), dataIndex: "self_total", align: "right", render: (v) => v ?? "—" },
            { title: t("evaluation.reviewTotal"), dataIndex: "review_total", align: "right", render: (v) => v ?? "—" },
            { title: t("evaluation.total"), dataIndex: "total", align: "right" },
            { title: "%", dataIndex: "percent", align: "right" },
            { title: t("evaluation.rating"), dataIndex: "rating" },
            { title: t("reports.status"), dataIndex: "status", render: (s) => <Tag>{tl("evalStatus", s)}</Tag> },
          ]}
        />
        {ranking.data && ranking.data.items.length > 0 && (
          <EChart
            ariaLabel={t("evaluation.ranking")}
            style={{ height: 320 }}
            option={{
              tooltip: { trigger: "axis" },
              grid: { top: 20, left: 40, right: 20, bottom: 60 },
              xAxis: {
                type: "category",
                data: ranking.data.items.map((r) => r.agency_name),
                axisLabel: { rotate: 20 },
              },
              yAxis: { type: "value" },
              series: [{ type: "bar", name: t("evaluation.total"), data: ranking.data.items.map((r) => r.total) }],
            }}
          />
        )}
      </Card>
    </Space>
  );
}
