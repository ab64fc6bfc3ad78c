// "Họp / đoàn công tác" (KH 2021 mục II.2): meetings and field trips scheduled from a case-list snapshot; detail with the
// cases discussed; "Ghi nhận kết quả" issues the report (.docx, number from the outgoing register) for download.
import { PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { api, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate, fold } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencies, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";

type MeetingCase = { claim_id: string; code: string; claimant: string; handling_agency: string; status?: string };
type Meeting = {
  id: string;
  agency: string;
  variant: "meeting" | "field_trip";
  topic: string;
  held_on: string;
  held_until: string | null;
  venue: string;
  agenda: string[];
  participant_agencies: Array<{ id: string; name: string }>;
  snapshot_id: string | null;
  task_instance_id: string | null;
  status: "planned" | "held";
  version: number;
  outcome: { cases?: MeetingCase[]; conclusions?: string[] } | null;
  report_files: Array<{ id: string; file_name: string }>;
};
type Snapshot = { id: string; kind: string; period: string; agency_id: string; total: number };
type SnapshotDetail = Snapshot & { rows: Array<{ claim_id: string; claim_code: string; claimant: string }> };

const lines = (s?: string) =>
  (s ?? "")
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean);
const iso = (d?: Dayjs) => (d ? d.format("YYYY-MM-DD") : undefined);

/** The form item of an API field issue ("/agenda" → agenda, "/claim_ids/0" → claim_ids, "/signature/…" per `map`). */
const itemOf =
  (map: Record<string, string> = {}) =>
  (path: Array<string | number>) => {
    const first = String(path[0] ?? "");
    return [map[first] ?? first];
  };

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { byId } = useAgencies();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const snapshots = useQuery({
    queryKey: ["case-lists"],
    queryFn: () => api<{ items: Snapshot[] }>("/api/case-lists"),
    enabled: open,
  });
  const snapshotId = Form.useWatch("snapshot_id", form) as string | undefined;
  const snap = useQuery({
    queryKey: ["case-list", snapshotId],
    queryFn: () => api<SnapshotDetail>(`/api/case-lists/${snapshotId}`),
    enabled: !!snapshotId,
  });
  const agencyOptions = useMemo(
    () =>
      [...byId.values()]
        .filter((a) => !a.valid_to)
        .sort((a, b) => a.name.localeCompare(b.name, "vi"))
        .map((a) => ({ value: a.id, label: a.name, search: fold(a.name) })),
    [byId],
  );
  const req = [{ required: true, message: t("meetings.err.required") }];

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await api<Meeting>("/api/meetings", {
        method: "POST",
        body: {
          snapshot_id: v.snapshot_id,
          variant: v.variant,
          topic: v.topic,
          held_on: iso(v.held_on),
          ...(v.held_until ? { held_until: iso(v.held_until) } : {}),
          venue: v.venue,
          participant_agency_ids: v.participant_agency_ids ?? [],
          agenda: lines(v.agenda),
          claim_ids: v.claim_ids ?? [],
        },
      });
      message.success(t("meetings.created"));
      await qc.invalidateQueries({ queryKey: ["meetings"] });
      form.resetFields();
      onClose();
    } catch (e) {
      showRefusal(e, setError, form, itemOf());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("meetings.create")}
      onOk={submit}
      onCancel={() => !busy && onClose()}
      okText={t("meetings.createOk")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy }}
      width={720}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ variant: "meeting" }}>
        <Form.Item
          label={t("meetings.snapshot")}
          name="snapshot_id"
          rules={[{ required: true, message: t("meetings.err.snapshot") }]}
        >
          <Select
            loading={snapshots.isLoading}
            options={(snapshots.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.period} — ${byId.get(s.agency_id)?.name ?? s.agency_id} (${s.total})`,
            }))}
            onChange={() => form.setFieldsValue({ claim_ids: [] })}
          />
        </Form.Item>
        <Form.Item label={t("meetings.cases")} name="claim_ids">
          <Select
            mode="multiple"
            loading={snap.isLoading}
            optionFilterProp="label"
            options={(snap.data?.rows ?? []).map((r) => ({
              value: r.claim_id,
              label: `${r.claim_code} — ${r.claimant}`,
            }))}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t("meetings.variant")} name="variant" rules={req}>
            <Select
              style={{ width: 240 }}
              options={(["meeting", "field_trip"] as const).map((v) => ({
                value: v,
                label: t(`meetings.variant.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t("meetings.heldOn")} name="held_on" rules={req}>
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label={t("meetings.heldUntil")} name="held_until">
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item label={t("meetings.topic")} name="topic" rules={req}>
          <Input />
        </Form.Item>
        <Form.Item label={t("meetings.venue")} name="venue" rules={req}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t("meetings.participants")}
          name="participant_agency_ids"
          rules={[{ required: true, message: t("meetings.err.participants") }]}
        >
          <Select
            mode="multiple"
            showSearch
            filterOption={(input, o) => (o?.search ?? "").includes(fold(input))}
            options={agencyOptions}
          />
        </Form.Item>
        <Form.Item label={t("meetings.agenda")} name="agenda" rules={req}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OutcomeForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const req = [{ required: true, message: t("meetings.err.required") }];
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ report: { number: string } }>(`/api/meetings/${meeting.id}/outcome`, {
        method: "POST",
        body: {
          version: meeting.version,
          ...(v.chair ? { chair: v.chair } : {}),
          results: [{ heading: t("meetings.results").replace(/ \(.*\)$/, ""), paragraphs: lines(v.results) }],
          conclusions: lines(v.conclusions),
          ...(lines(v.proposals).length ? { proposals: lines(v.proposals) } : {}),
          signature: { title: v.signer_title, name: v.signer_name },
          ...(v.date ? { date: iso(v.date) } : {}),
        },
      });
      message.success(t("meetings.issued", { n: r.report.number }));
      onDone();
    } catch (e) {
      showRefusal(e, setError, form, itemOf({ signature: "signer_name" }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t("meetings.outcome")} style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t("meetings.chair")} name="chair">
          <Input />
        </Form.Item>
        <Form.Item label={t("meetings.results")} name="results" rules={req}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t("meetings.conclusions")} name="conclusions" rules={req}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t("meetings.proposals")} name="proposals">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t("meetings.signerTitle")} name="signer_title" rules={req}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={t("meetings.signerName")} name="signer_name" rules={req}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={t("meetings.reportDate")} name="date">
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t("meetings.outcomeOk")}
        </Button>
      </Form>
    </Card>
  );
}

function Detail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["meeting", id],
    queryFn: () => api<Meeting>(`/api/meetings/${id}`),
    enabled: !!id,
  });
  const m = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={760} title={m?.topic ?? t("meetings.detail")}>
      {q.error && <Alert type="error" showIcon message={(q.error as Error).message} />}
      {m && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("meetings.variant")}>{t(`meetings.variant.${m.variant}`)}</Descriptions.Item>
            <Descriptions.Item label={t("meetings.heldOn")}>
              {fmtDate(m.held_on)}
              {m.held_until ? ` – ${fmtDate(m.held_until)}` : ""}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.venue")}>{m.venue}</Descriptions.Item>
            <Descriptions.Item label={t("meetings.participants")}>
              {m.participant_agencies.map((a) => a.name).join("; ")}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.agenda")}>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {m.agenda.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.task")}>
              {m.task_instance_id ? <Tag color="blue">{m.task_instance_id.slice(0, 8)}</Tag> : t("meetings.noTask")}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.status")}>
              <Tag color={m.status === "held" ? "green" : "gold"}>{t(`meetings.status.${m.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("meetings.cases")}
          </Typography.Title>
          <Table<MeetingCase>
            size="small"
            rowKey="claim_id"
            pagination={false}
            dataSource={m.outcome?.cases ?? []}
            columns={[
              { title: t("caseLists.claimCode"), dataIndex: "code" },
              { title: t("caseLists.claimant"), dataIndex: "claimant" },
              { title: t("caseLists.handling"), dataIndex: "handling_agency" },
            ]}
          />
          {m.report_files.map((f) => (
            <Button key={f.id} style={{ marginTop: 12 }} href={`/api/meetings/${m.id}/report`} download={f.file_name}>
              {t("meetings.download")} — {f.file_name}
            </Button>
          ))}
          {m.status === "planned" && can(me, "plans.write") && can(me, "register.allocate") && (
            <OutcomeForm
              meeting={m}
              onDone={() => {
                void qc.invalidateQueries({ queryKey: ["meeting", id] });
                void qc.invalidateQueries({ queryKey: ["meetings"] });
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

export default function MeetingsPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const q = useQuery({ queryKey: ["meetings"], queryFn: () => api<{ items: Meeting[] }>("/api/meetings") });
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("meetings.title")}
        </Typography.Title>
      }
      extra={
        can(me, "plans.write") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("meetings.create")}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t("meetings.intro")}</Typography.Paragraph>
      <Table<Meeting>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t("meetings.none") }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t("meetings.heldOn"),
            dataIndex: "held_on",
            width: 120,
            render: (v: string) => fmtDate(v),
          },
          {
            title: t("meetings.topic"),
            dataIndex: "topic",
            render: (v: string, m) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(m.id)}>
                {v}
              </Button>
            ),
          },
          {
            title: t("meetings.variant"),
            dataIndex: "variant",
            width: 200,
            render: (v: Meeting["variant"]) => t(`meetings.variant.${v}`),
          },
          { title: t("meetings.venue"), dataIndex: "venue" },
          {
            title: t("meetings.cases"),
            width: 110,
            render: (_: unknown, m) => m.outcome?.cases?.length ?? 0,
          },
          {
            title: t("meetings.status"),
            dataIndex: "status",
            width: 140,
            render: (v: Meeting["status"]) => (
              <Tag color={v === "held" ? "green" : "gold"}>{t(`meetings.status.${v}`)}</Tag>
            ),
          },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <Detail id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
