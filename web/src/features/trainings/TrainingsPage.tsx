// Trainings (tập huấn) and dissemination (tuyên truyền) events — KH 2021 mục II.4, KH Thanh Hóa 2024 mục II.1–2:
// list in scope and a create form (organiser, co-organisers, date, audience, participants, materials, and the plan
// task occurrence it serves as evidence for); field errors from the server (Vietnamese) are shown under each field.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { AgencyMultiSelect, AgencySelect } from "../../shared/AgencySelect.tsx";
import { api, apiAll, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useAgencyName, useMe } from "../../shared/session.tsx";
import type { Plan, PlanDetail, TaskInstance } from "../plans/types.ts";

export type Training = {
  id: string;
  kind: "training" | "dissemination";
  title: string;
  organiser_agency_id: string;
  co_organiser_agency_ids: string[];
  date: string;
  audience: string | null;
  participants: number;
  materials: Array<{ title: string; attachment_id?: string }>;
  task_instance_id: string | null;
};

type FormValues = {
  kind: "training" | "dissemination";
  title: string;
  organiser_agency_id: string;
  co_organiser_agency_ids?: string[];
  date: Dayjs;
  audience?: string;
  participants: number;
  materials?: string;
  plan_id?: string;
  task_instance_id?: string;
};

export default function TrainingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["trainings"],
    queryFn: () => api<{ items: Training[] }>("/api/trainings"),
  });
  const planId = Form.useWatch("plan_id", form);
  const plans = useQuery({ queryKey: ["plans"], queryFn: () => apiAll<Plan>("/api/plans") });
  const plan = useQuery({
    queryKey: ["plan", planId],
    enabled: !!planId,
    queryFn: () => api<PlanDetail>(`/api/plans/${planId}`),
  });
  const instances = useQuery({
    queryKey: ["task-instances", planId],
    enabled: !!planId,
    queryFn: () => apiAll<TaskInstance>("/api/task-instances", { plan_id: planId }),
  });
  const taskById = new Map((plan.data?.tasks ?? []).map((x) => [x.id, x]));
  const taskOptions = (instances.data ?? []).map((i) => {
    const task = taskById.get(i.task_id);
    return {
      value: i.id,
      label: `${task?.ref ?? ""} ${task?.content.slice(0, 80) ?? ""} — ${i.period_label ?? fmtDate(i.due)} — ${agencyName(i.agency_id)}`,
    };
  });
  const kindLabel = (k: string) =>
    k === "training" ? t("trainings.kind.training") : t("trainings.kind.dissemination");

  const submit = async (v: FormValues) => {
    setError(null);
    try {
      await api("/api/trainings", {
        method: "POST",
        body: {
          kind: v.kind,
          title: v.title,
          organiser_agency_id: v.organiser_agency_id,
          co_organiser_agency_ids: v.co_organiser_agency_ids ?? [],
          date: v.date.format("YYYY-MM-DD"),
          audience: v.audience || null,
          participants: v.participants,
          task_instance_id: v.task_instance_id ?? null,
          materials: (v.materials ?? "")
            .split("\n")
            .map((s) => s.trim())
            .filter(Boolean)
            .map((title) => ({ title })),
        },
      });
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ["trainings"] });
      message.success(t("common.saved"));
    } catch (e) {
      showRefusal(e, setError, form);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("trainings.title")}</Typography.Title>
      <Card title={t("trainings.new")}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: "training", organiser_agency_id: me?.agency_id ?? undefined, participants: 0 }}
        >
          <Form.Item
            name="kind"
            label={t("trainings.kind")}
            rules={[{ required: true, message: t("trainings.err.kind") }]}
          >
            <Select
              options={[
                { value: "training", label: t("trainings.kind.training") },
                { value: "dissemination", label: t("trainings.kind.dissemination") },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t("trainings.name")}
            rules={[{ required: true, min: 3, message: t("trainings.err.title") }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="organiser_agency_id"
            label={t("trainings.organiser")}
            rules={[{ required: true, message: t("trainings.err.organiser") }]}
          >
            <AgencySelect />
          </Form.Item>
          <Form.Item name="co_organiser_agency_ids" label={t("trainings.coOrganisers")}>
            <AgencyMultiSelect />
          </Form.Item>
          <Form.Item
            name="date"
            label={t("trainings.date")}
            rules={[{ required: true, message: t("trainings.err.date") }]}
          >
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="audience" label={t("trainings.audience")}>
            <Input />
          </Form.Item>
          <Form.Item
            name="participants"
            label={t("trainings.participants")}
            rules={[{ required: true, type: "integer", min: 0, message: t("trainings.err.participants") }]}
          >
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="materials" label={t("trainings.materials")}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Typography.Text strong>{t("trainings.task")}</Typography.Text>
          <Space wrap align="start" style={{ marginTop: 8 }}>
            <Form.Item name="plan_id" label={t("trainings.plan")}>
              <Select
                allowClear
                style={{ width: 360 }}
                options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.year})` }))}
                onChange={() => form.setFieldValue("task_instance_id", undefined)}
              />
            </Form.Item>
            <Form.Item name="task_instance_id" label={t("trainings.taskPick")}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                style={{ width: 480 }}
                disabled={!planId}
                options={taskOptions}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit">
            {t("trainings.save")}
          </Button>
        </Form>
      </Card>
      <Card title={t("trainings.list")}>
        <Table<Training>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={[
            { title: t("trainings.date"), dataIndex: "date", render: fmtDate },
            { title: t("trainings.kind"), dataIndex: "kind", render: kindLabel },
            { title: t("trainings.name"), dataIndex: "title" },
            { title: t("trainings.organiser"), dataIndex: "organiser_agency_id", render: (v) => agencyName(v) },
            {
              title: t("trainings.coOrganisersList"),
              dataIndex: "co_organiser_agency_ids",
              render: (ids: string[]) => ids.map((id) => <div key={id}>{agencyName(id)}</div>),
            },
            { title: t("trainings.audience"), dataIndex: "audience" },
            { title: t("trainings.participants"), dataIndex: "participants", align: "right" },
            {
              title: t("trainings.linkedTask"),
              dataIndex: "task_instance_id",
              render: (v: string | null) => (v ? <Tag color="green">{t("common.yes")}</Tag> : "—"),
            },
            {
              title: t("trainings.materials"),
              dataIndex: "materials",
              render: (m: Training["materials"]) =>
                m.map((x) =>
                  x.attachment_id ? (
                    <a key={x.attachment_id} href={`/api/attachments/${x.attachment_id}`}>
                      {x.title}
                    </a>
                  ) : (
                    <div key={x.title}>{x.title}</div>
                  ),
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
