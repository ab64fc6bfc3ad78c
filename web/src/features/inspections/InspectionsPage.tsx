// Inspections (KH 2021 mục II.10; KH Thanh Hóa 2024 mục II.6): list, create a plan (lead agency, team leader and
// members, target and its date), detail with findings and follow-ups, record the result (each recommendation becomes
// a follow-up with a deadline, shared with the other lead agency), download the inspection report (.docx), and the
// follow-ups the caller's agency must carry out (report them done with the result).
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { api, errorText, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate, todayVn, yearVn } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";

type Inspection = {
  id: string;
  title: string;
  lead_agency_id: string;
  year: number;
  status: string;
  team: Array<{ name: string; title?: string | null; role: string }>;
  targets: Array<{ agency_id: string; date?: string | null }>;
  findings: Array<{ target_agency_id: string; text: string; heading?: string | null }>;
  shared_with: Array<{ agency_id: string; on: string; basis: string }>;
  report_date: string | null;
  followups?: Followup[];
};
type Followup = {
  id: string;
  inspection_id: string;
  target_agency_id: string;
  recommendation: string;
  due: string | null;
  status: string;
  result: string | null;
  version: number;
};
type CreateValues = {
  title: string;
  lead_agency_id: string;
  year: number;
  leader: string;
  members?: string;
  target: string;
  date: Dayjs;
};
type ResultValues = { finding: string; recommendation?: string; due?: Dayjs };

export default function InspectionsPage() {
  const { t, tl } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const [form] = Form.useForm<CreateValues>();
  const [resForm] = Form.useForm<ResultValues>();
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ queryKey: ["inspections"], queryFn: () => api<{ items: Inspection[] }>("/api/inspections") });
  const detail = useQuery({
    queryKey: ["inspection", openId],
    enabled: !!openId,
    queryFn: () => api<Inspection>(`/api/inspections/${openId}`),
  });

  const fail = (f: typeof form | typeof resForm, e: unknown) => showRefusal(e, setError, f);
  const create = async (v: CreateValues) => {
    setError(null);
    try {
      await api("/api/inspections", {
        method: "POST",
        body: {
          title: v.title,
          lead_agency_id: v.lead_agency_id,
          year: v.year,
          team: [
            { name: v.leader, role: "leader" },
            ...(v.members ?? "")
              .split("\n")
              .map((x) => x.trim())
              .filter(Boolean)
              .map((name) => ({ name, role: "member" })),
          ],
          targets: [{ agency_id: v.target, date: v.date.format("YYYY-MM-DD") }],
        },
      });
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ["inspections"] });
      message.success(t("common.saved"));
    } catch (e) {
      fail(form, e);
    }
  };
  const recordResult = async (v: ResultValues) => {
    const ins = detail.data;
    if (!ins) return;
    setError(null);
    const target = ins.targets[0]?.agency_id;
    try {
      await api(`/api/inspections/${ins.id}/results`, {
        method: "POST",
        body: {
          findings: [{ target_agency_id: target, text: v.finding }],
          recommendations: v.recommendation
            ? [
                {
                  target_agency_id: target,
                  recommendation: v.recommendation,
                  due: v.due ? v.due.format("YYYY-MM-DD") : null,
                },
              ]
            : [],
        },
      });
      resForm.resetFields();
      await qc.invalidateQueries({ queryKey: ["inspection"] });
      await qc.invalidateQueries({ queryKey: ["inspections"] });
      message.success(t("common.saved"));
    } catch (e) {
      fail(resForm, e);
    }
  };

  const ins = detail.data;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("inspections.title")}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      {can(me, "plans.write") && (
        <Card title={t("inspections.new")}>
          <Form<CreateValues>
            form={form}
            layout="vertical"
            onFinish={create}
            initialValues={{ lead_agency_id: me?.agency_id ?? undefined, year: yearVn() }}
          >
            <Form.Item
              name="title"
              label={t("inspections.name")}
              rules={[{ required: true, min: 3, message: t("inspections.err.title") }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="lead_agency_id"
              label={t("inspections.lead")}
              rules={[{ required: true, message: t("inspections.err.lead") }]}
            >
              <AgencySelect />
            </Form.Item>
            <Form.Item name="year" label={t("reports.year")} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item
              name="leader"
              label={t("inspections.leader")}
              rules={[{ required: true, min: 2, message: t("inspections.err.leader") }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="members" label={t("inspections.members")}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name="target"
              label={t("inspections.target")}
              rules={[{ required: true, message: t("inspections.err.target") }]}
            >
              <AgencySelect scoped={false} />
            </Form.Item>
            <Form.Item
              name="date"
              label={t("inspections.date")}
              rules={[{ required: true, message: t("inspections.err.date") }]}
            >
              <DateInput format="DD/MM/YYYY" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t("inspections.save")}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t("inspections.list")}>
        <Table<Inspection>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={[
            { title: t("reports.year"), dataIndex: "year" },
            {
              title: t("inspections.name"),
              dataIndex: "title",
              render: (v, r) => (
                <Button type="link" onClick={() => setOpenId(r.id)}>
                  {v}
                </Button>
              ),
            },
            { title: t("inspections.lead"), dataIndex: "lead_agency_id", render: (v) => agencyName(v) },
            {
              title: t("inspections.target"),
              dataIndex: "targets",
              render: (ts: Inspection["targets"]) => ts.map((x) => agencyName(x.agency_id)).join("; "),
            },
            { title: t("reports.status"), dataIndex: "status", render: (s) => <Tag>{tl("insStatus", s)}</Tag> },
          ]}
        />
      </Card>
      <MyFollowups inspections={list.data?.items ?? []} />
      <Drawer open={!!openId} onClose={() => setOpenId(null)} width={720} title={ins?.title}>
        {ins && (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t("inspections.lead")}>{agencyName(ins.lead_agency_id)}</Descriptions.Item>
              <Descriptions.Item label={t("inspections.team")}>
                {ins.team
                  .map((m) => `${m.name}${m.role === "leader" ? ` (${t("inspections.leaderTag")})` : ""}`)
                  .join("; ")}
              </Descriptions.Item>
              <Descriptions.Item label={t("inspections.schedule")}>
                {ins.targets.map((x) => `${agencyName(x.agency_id)} — ${fmtDate(x.date)}`).join("; ")}
              </Descriptions.Item>
              <Descriptions.Item label={t("reports.status")}>{tl("insStatus", ins.status)}</Descriptions.Item>
              <Descriptions.Item label={t("inspections.shared")}>
                {ins.shared_with.map((s) => `${agencyName(s.agency_id)} (${s.on}, ${s.basis})`).join("; ") || "—"}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={4}>{t("inspections.findings")}</Typography.Title>
            <List size="small" dataSource={ins.findings} renderItem={(f) => <List.Item>{f.text}</List.Item>} />
            <Typography.Title level={4}>{t("inspections.followups")}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={ins.followups ?? []}
              columns={[
                { title: t("inspections.target"), dataIndex: "target_agency_id", render: (v) => agencyName(v) },
                { title: t("inspections.recommendation"), dataIndex: "recommendation" },
                { title: t("inspections.due"), dataIndex: "due", render: fmtDate },
                { title: t("reports.status"), dataIndex: "status", render: (s) => <Tag>{tl("fuStatus", s)}</Tag> },
                { title: t("inspections.result"), dataIndex: "result" },
              ]}
            />
            {ins.findings.length > 0 && (
              <a href={`/api/inspections/${ins.id}/report`} download>
                {t("inspections.download")}
              </a>
            )}
            {can(me, "plans.write") && (
              <Form<ResultValues> form={resForm} layout="vertical" onFinish={recordResult}>
                <Form.Item
                  name="finding"
                  label={t("inspections.finding")}
                  rules={[{ required: true, min: 3, message: t("inspections.err.finding") }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item name="recommendation" label={t("inspections.recommendation")}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name="due" label={t("inspections.due")}>
                  <DateInput format="DD/MM/YYYY" />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t("inspections.recordResult")}
                </Button>
              </Form>
            )}
          </Space>
        )}
      </Drawer>
    </Space>
  );
}

/**
 * Follow-ups the caller's agency must carry out (recommendations addressed to it — or, for a province, to an agency
 * of the province), with the result to report when done.
 */
function MyFollowups({ inspections }: { inspections: Inspection[] }) {
  const { t, tl } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const [results, setResults] = useState<Record<string, string>>({});
  const mine = (agencyId: string) =>
    agencyId === me?.agency_id || (me?.scope !== "all" && (me?.scope ?? []).includes(agencyId));
  const relevant = inspections.filter((i) => i.status !== "planned" && i.targets.some((x) => mine(x.agency_id)));
  const details = useQueries({
    queries: relevant.slice(0, 50).map((i) => ({
      queryKey: ["inspection", i.id],
      queryFn: () => api<Inspection>(`/api/inspections/${i.id}`),
    })),
  });
  const rows = details.flatMap((d) =>
    (d.data?.followups ?? [])
      .filter((f) => mine(f.target_agency_id))
      .map((f) => ({ ...f, inspection_title: d.data?.title ?? "" })),
  );
  const done = async (f: Followup) => {
    try {
      await api(`/api/inspection-followups/${f.id}`, {
        method: "PATCH",
        body: { status: "done", result: results[f.id] ?? "", done_on: todayVn(), version: f.version },
      });
      await qc.invalidateQueries({ queryKey: ["inspection"] });
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card title={t("inspections.myFollowups")} data-testid="my-followups">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={details.some((d) => d.isLoading)}
        dataSource={rows}
        locale={{ emptyText: t("inspections.noFollowups") }}
        columns={[
          { title: t("inspections.fromInspection"), dataIndex: "inspection_title" },
          { title: t("inspections.target"), dataIndex: "target_agency_id", render: (v) => agencyName(v) },
          { title: t("inspections.recommendation"), dataIndex: "recommendation" },
          { title: t("inspections.due"), dataIndex: "due", render: fmtDate },
          { title: t("reports.status"), dataIndex: "status", render: (s) => <Tag>{tl("fuStatus", s)}</Tag> },
          {
            title: t("inspections.result"),
            render: (_, f) =>
              f.status === "open" && can(me, "plans.write") ? (
                <Space.Compact style={{ width: "100%" }}>
                  <Input
                    aria-label={`${t("inspections.doneResult")} — ${f.recommendation.slice(0, 40)}`}
                    placeholder={t("inspections.doneResult")}
                    value={results[f.id] ?? ""}
                    onChange={(e) => setResults((r) => ({ ...r, [f.id]: e.target.value }))}
                  />
                  <Button disabled={!(results[f.id] ?? "").trim()} onClick={() => done(f)}>
                    {t("inspections.markDone")}
                  </Button>
                </Space.Compact>
              ) : (
                f.result
              ),
          },
        ]}
      />
    </Card>
  );
}
