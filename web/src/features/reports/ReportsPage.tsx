// Report rounds: list, and (for the ministry or a province) opening a round — template, period, deadline, reporting
// agencies. The deadline is rolled over to a working day by the server (TT 08/2019 Điều 25 khoản 3).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, errorText } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate, fold, yearVn } from "../../shared/format.ts";
import { type MessageKey, useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencies, useMe } from "../../shared/session.tsx";

export type Round = {
  id: string;
  title: string;
  template_id: string;
  period_kind: string;
  period_from: string;
  period_to: string;
  deadline: string;
  agency_id: string;
  parent_round_id?: string | null;
  status: string;
};
type Template = { id: string; name: string; period_kinds: string[] };

const PERIOD_KINDS = ["tt08_annual_report", "tt08_annual_statistics", "half_year", "year", "custom"] as const;
/** Parent-round choice sentinels: "auto" sends nothing (the server finds the national round by period), "none" null. */
const PARENT_AUTO = "__auto";
const PARENT_NONE = "__none";
const NATIONAL_OPENERS = ["CUC_BTNN", "BO_TU_PHAP"];

export default function ReportsPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const { byId } = useAgencies();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [sending, setSending] = useState(false);
  const rounds = useQuery({
    queryKey: ["report-rounds"],
    queryFn: () => api<{ items: Round[] }>("/api/report-rounds"),
  });
  const templates = useQuery({
    queryKey: ["report-templates"],
    queryFn: () => api<{ items: Template[] }>("/api/report-templates"),
  });
  const acting = me?.agency_id ? byId.get(me.agency_id) : undefined;
  const mayOpen = can(me, "plans.write") && !!acting && ["CUC_BTNN", "BO_TU_PHAP", "SO_TU_PHAP"].includes(acting.role);
  const participantOptions = useMemo(() => {
    const list = [...byId.values()].filter(
      (a) =>
        !a.valid_to &&
        a.id !== acting?.id &&
        (acting?.role === "SO_TU_PHAP"
          ? a.province_code === acting.province_code && a.role !== "SO_TU_PHAP" && a.role !== "UBND_TINH"
          : a.role === "SO_TU_PHAP"),
    );
    return list.sort((a, b) => a.name.localeCompare(b.name, "vi")).map((a) => ({ value: a.id, label: a.name }));
  }, [byId, acting]);
  const isProvince = acting?.role === "SO_TU_PHAP";
  // Open national rounds visible to the Sở (it is a participant there); the opener may be outside its agency tree.
  const parentOptions = useMemo(() => {
    const national = (rounds.data?.items ?? []).filter((r) => {
      const role = byId.get(r.agency_id)?.role;
      return r.status === "open" && r.agency_id !== acting?.id && (!role || NATIONAL_OPENERS.includes(role));
    });
    return [
      { value: PARENT_AUTO, label: t("reports.parentAuto") },
      ...national.map((r) => ({
        value: r.id,
        label: `${r.title} (${fmtDate(r.period_from)} – ${fmtDate(r.period_to)})`,
      })),
      { value: PARENT_NONE, label: t("reports.parentNone") },
    ];
  }, [rounds.data, byId, acting, t]);

  async function open(v: {
    title?: string;
    template_id: string;
    period_kind: string;
    year: number;
    half?: number;
    deadline?: Dayjs;
    participant_ids?: string[];
    parent_round?: string;
  }) {
    if (sending) return;
    setSending(true);
    const parent =
      !isProvince || !v.parent_round || v.parent_round === PARENT_AUTO
        ? undefined
        : v.parent_round === PARENT_NONE
          ? null
          : v.parent_round;
    try {
      const r = await api<Round>("/api/report-rounds", {
        method: "POST",
        body: {
          title: v.title || undefined,
          template_id: v.template_id,
          period_kind: v.period_kind,
          year: v.year,
          half: v.period_kind === "half_year" ? (v.half ?? 1) : undefined,
          from: v.period_kind === "custom" ? `${v.year}-01-01` : undefined,
          to: v.period_kind === "custom" ? `${v.year}-12-31` : undefined,
          deadline: v.deadline ? v.deadline.format("YYYY-MM-DD") : undefined,
          agency_id: me?.agency_id,
          participant_ids: v.participant_ids?.length ? v.participant_ids : undefined,
          parent_round_id: parent,
        },
      });
      await qc.invalidateQueries({ queryKey: ["report-rounds"] });
      message.success(t("reports.opened"));
      nav(`/reports/${r.id}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("reports.title")}</Typography.Title>
      {mayOpen && (
        <Card title={t("reports.open")}>
          <Form
            form={form}
            layout="vertical"
            onFinish={open}
            initialValues={{
              template_id: "tt08-annual",
              period_kind: "year",
              year: yearVn() - 1,
              parent_round: PARENT_AUTO,
            }}
          >
            <Space wrap align="start">
              <Form.Item name="title" label={t("reports.roundTitle")}>
                <Input style={{ width: 320 }} />
              </Form.Item>
              <Form.Item name="template_id" label={t("reports.template")} rules={[{ required: true }]}>
                <Select
                  style={{ width: 360 }}
                  options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                />
              </Form.Item>
              <Form.Item name="period_kind" label={t("reports.periodKind")} rules={[{ required: true }]}>
                <Select
                  style={{ width: 300 }}
                  options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.period.${k}` as MessageKey) }))}
                />
              </Form.Item>
              <Form.Item name="year" label={t("reports.year")} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Form.Item name="half" label={t("reports.half")}>
                <Select
                  style={{ width: 100 }}
                  allowClear
                  options={[
                    { value: 1, label: "1" },
                    { value: 2, label: "2" },
                  ]}
                />
              </Form.Item>
              <Form.Item name="deadline" label={t("reports.deadline")}>
                <DateInput format="DD/MM/YYYY" />
              </Form.Item>
            </Space>
            <Form.Item name="participant_ids" label={t("reports.participants")} extra={t("reports.participantsHint")}>
              <Select
                mode="multiple"
                options={participantOptions}
                showSearch={{
                  filterOption: (input, opt) => !!opt && fold(String(opt.label)).includes(fold(input)),
                }}
                style={{ maxWidth: 800 }}
              />
            </Form.Item>
            {isProvince && (
              <Form.Item name="parent_round" label={t("reports.parentRound")} extra={t("reports.parentRoundHint")}>
                <Select options={parentOptions} style={{ maxWidth: 800 }} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={sending}>
              {t("reports.openSubmit")}
            </Button>
          </Form>
        </Card>
      )}
      <Table<Round>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t("reports.roundTitle"),
            dataIndex: "title",
            render: (v, r) => <Link to={`/reports/${r.id}`}>{v}</Link>,
          },
          { title: t("reports.openedBy"), dataIndex: "agency_id", render: (v) => byId.get(v)?.name ?? v },
          { title: t("reports.period"), render: (_, r) => `${fmtDate(r.period_from)} – ${fmtDate(r.period_to)}` },
          { title: t("reports.deadline"), dataIndex: "deadline", render: fmtDate },
          {
            title: t("reports.status"),
            dataIndex: "status",
            render: (v) => <Tag>{t(`reports.roundStatus.${v}` as MessageKey)}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
