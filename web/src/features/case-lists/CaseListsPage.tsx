// Periodic case lists (KH 2021 mục II.1.1: every 6 months, claims under the 2017 law; II.1.2: every quarter, complex /
// backlogged / prolonged claims under the 2009 law): the snapshots drawn up in the caller's scope, and the
// "Lập danh mục" form (kind + period, optional as-of date and agency) with a spinner while the server computes it.
import { PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, InputNumber, Modal, Select, Space, Spin, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { caseListOfTask } from "../../../../src/domain/case-lists/index.ts";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { api, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate, fmtDateTime, todayVn, todayVnDayjs } from "../../shared/format.ts";
import { type T, useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { useLinkParam } from "../../shared/useLinkParam.ts";
import { validValues } from "../../shared/valid-values.ts";
import {
  CASE_LIST_KINDS,
  type CaseListDetail,
  type CaseListKind,
  type CaseListSummary,
  defaultPeriod,
  periodCode,
  splitPeriod,
} from "./types.ts";

const ROMAN = ["", "I", "II", "III", "IV"];

/** "2026-H1" → "6 tháng đầu năm 2026"; "2026-Q2" → "Quý II năm 2026". */
export function periodLabel(t: T, code: string): string {
  const { year, index } = splitPeriod(code);
  if (code.includes("-H")) return t(index === 1 ? "caseLists.periodH1" : "caseLists.periodH2", { y: year });
  return t("caseLists.periodQ", { q: ROMAN[index] ?? index, y: year });
}

type FormValues = { kind: CaseListKind; year: number; index: number; as_of?: Dayjs; agency_id?: string };

/** The occurrence of a plan task a "Việc của tôi" link names (GET /api/task-instances/:id, the fields read here). */
type LinkedTask = {
  id: string;
  period_label: string | null;
  plan_task: { ref: string | null } | null;
};

function CreateForm({
  open,
  preset,
  onClose,
}: {
  open: boolean;
  /** Kind and period of the plan task the list is drawn up for (the form's defaults otherwise). */
  preset?: Partial<FormValues>;
  onClose: () => void;
}) {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch("kind", form) ?? preset?.kind ?? "half_year_2017";
  const initial = defaultPeriod("half_year_2017", todayVn());

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    setBusy(true);
    try {
      const r = await api<CaseListDetail>("/api/case-lists", {
        method: "POST",
        body: {
          kind: v.kind,
          period: periodCode(v.kind, v.year, v.index),
          as_of: v.as_of ? v.as_of.format("YYYY-MM-DD") : undefined,
          agency_id: v.agency_id ?? undefined,
        },
      });
      message.success(t("caseLists.created", { n: r.total }));
      await qc.invalidateQueries({ queryKey: ["case-lists"] });
      onClose();
      form.resetFields();
      navigate(`/case-lists/${r.id}`);
    } catch (e) {
      // The API speaks of "period"; the form edits it as year + half/quarter.
      showRefusal(e, setError, form, (p) => (p[0] === "period" ? ["index"] : p));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("caseLists.create")}
      onOk={submit}
      onCancel={() => !busy && onClose()}
      okText={t("caseLists.createOk")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy }}
      cancelButtonProps={{ disabled: busy }}
      maskClosable={!busy}
      destroyOnHidden
    >
      <Spin spinning={busy} tip={t("caseLists.running")}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{
            kind: "half_year_2017",
            year: initial.year,
            index: initial.index,
            agency_id: me?.agency_id,
            ...preset,
          }}
          onValuesChange={(changed: Partial<FormValues>) => {
            if (changed.kind) {
              const d = defaultPeriod(changed.kind, todayVn());
              form.setFieldsValue({ year: d.year, index: d.index });
            }
          }}
        >
          <Form.Item
            label={t("caseLists.kind")}
            name="kind"
            rules={[{ required: true, message: t("caseLists.err.kind") }]}
            extra={
              kind === "half_year_2017" ? t("caseLists.kindHint.half_year_2017") : t("caseLists.kindHint.quarter_2009")
            }
          >
            <Select options={CASE_LIST_KINDS.map((k) => ({ value: k, label: tl("clkind", k) }))} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item
              label={t("common.year")}
              name="year"
              rules={[
                { required: true, message: t("caseLists.err.year") },
                { type: "number", min: 2009, max: 2100, message: t("caseLists.err.yearRange") },
              ]}
            >
              <InputNumber min={2009} max={2100} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              label={kind === "half_year_2017" ? t("caseLists.half") : t("caseLists.quarter")}
              name="index"
              rules={[{ required: true, message: t("caseLists.err.period") }]}
            >
              <Select
                style={{ width: 200 }}
                options={
                  kind === "half_year_2017"
                    ? [
                        { value: 1, label: t("caseLists.h1") },
                        { value: 2, label: t("caseLists.h2") },
                      ]
                    : [1, 2, 3, 4].map((q) => ({ value: q, label: t("caseLists.q", { q: ROMAN[q] }) }))
                }
              />
            </Form.Item>
          </Space>
          <Form.Item
            label={t("caseLists.asOf")}
            name="as_of"
            extra={t("caseLists.asOfHint")}
            rules={[
              {
                validator: (_r, v: Dayjs | undefined) =>
                  v?.isAfter(todayVnDayjs(), "day")
                    ? Promise.reject(new Error(t("caseLists.err.asOfFuture")))
                    : Promise.resolve(),
              },
            ]}
          >
            <DateInput format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(todayVnDayjs(), "day")} />
          </Form.Item>
          <Form.Item
            label={t("caseLists.agency")}
            name="agency_id"
            rules={[{ required: true, message: t("caseLists.err.agency") }]}
          >
            <AgencySelect />
          </Form.Item>
        </Form>
      </Spin>
    </Modal>
  );
}

export default function CaseListsPage() {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const name = useAgencyName();
  const navigate = useNavigate();
  const [kind, setKind] = useState<CaseListKind | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<Partial<FormValues> | undefined>();
  const q = useQuery({
    queryKey: ["case-lists", kind],
    queryFn: () => api<{ items: CaseListSummary[] }>("/api/case-lists", { query: { kind } }),
  });
  // A link from "Việc của tôi" names the plan task's occurrence (?task=<instance id>, KH 2021 mục II.1.1 / II.1.2).
  // Once the lists and the task are loaded: the list drawn up for it opens; else the table shows that kind and the
  // "Lập danh mục" form opens on its period. The parameter is dropped, so closing the form does not reopen it.
  const [linked, dropLink] = useLinkParam("task");
  const task = useQuery({
    queryKey: ["task-instance", linked],
    queryFn: () => api<LinkedTask>(`/api/task-instances/${linked}`),
    enabled: !!linked,
    retry: false,
  });
  const writable = can(me, "plans.write");
  useEffect(() => {
    if (!linked || !me || !q.data || kind || task.isPending) return;
    const period = task.data ? caseListOfTask(task.data.plan_task?.ref, task.data.period_label) : null;
    // The list that completed the task, or one the caller's agency drew up for that period before the plan came in.
    const made = q.data.items.find(
      (l) =>
        l.task_instance_id === linked ||
        (period && l.kind === period.kind && l.period === period.code && l.agency_id === me.agency_id),
    );
    if (made) {
      navigate(`/case-lists/${made.id}`, { replace: true });
      return;
    }
    if (period) {
      setKind(period.kind);
      if (writable) {
        setPreset({ kind: period.kind, year: period.year, index: period.index });
        setOpen(true);
      }
    }
    dropLink();
  }, [linked, me, q.data, kind, task.isPending, task.data, writable, navigate, dropLink]);
  if (me && !can(me, "plans.read")) return <Alert type="warning" showIcon message={t("common.noPermission")} />;

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("caseLists.title")}
        </Typography.Title>
      }
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t("caseLists.create")}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t("caseLists.intro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="cl-kind">{t("caseLists.kind")}</label>
        <Select
          id="cl-kind"
          allowClear
          placeholder={t("common.all")}
          style={{ minWidth: 320 }}
          value={kind}
          onChange={setKind}
          options={CASE_LIST_KINDS.map((k) => ({ value: k, label: tl("clkind", k) }))}
        />
      </Space>
      <Table<CaseListSummary>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t("caseLists.empty") }}
        columns={[
          {
            title: t("caseLists.period"),
            dataIndex: "period",
            render: (v: string, r) => <Link to={`/case-lists/${r.id}`}>{periodLabel(t, v)}</Link>,
          },
          {
            title: t("caseLists.kind"),
            dataIndex: "kind",
            render: (v: string) => <Tag color={v === "quarter_2009" ? "orange" : "blue"}>{tl("clkind", v)}</Tag>,
          },
          { title: t("common.agency"), dataIndex: "agency_id", render: (v: string) => name(v), ellipsis: true },
          { title: t("caseLists.asOf"), dataIndex: "as_of", render: fmtDate, width: 110 },
          { title: t("caseLists.total"), dataIndex: "total", align: "right", width: 80 },
          { title: t("caseLists.new"), dataIndex: "new_count", align: "right", width: 90 },
          { title: t("caseLists.carried"), dataIndex: "carried_over_count", align: "right", width: 120 },
          { title: t("caseLists.createdAt"), dataIndex: "created_at", render: fmtDateTime, width: 150 },
        ]}
      />
      <CreateForm
        open={open}
        preset={preset}
        onClose={() => {
          setOpen(false);
          setPreset(undefined);
        }}
      />
    </Card>
  );
}
