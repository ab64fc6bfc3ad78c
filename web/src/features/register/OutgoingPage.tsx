// Outgoing document register (sổ văn bản đi): numbers per agency and year; allocating a number needs register.allocate.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { ApiError, api, issuePath, type Page } from "../../shared/api.ts";
import { ExportButton } from "../../shared/ExportButton.tsx";
import { fmtDate, todayVnDayjs, yearVn } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";

type Outgoing = {
  id: string;
  agency_id: string;
  year: number;
  number: number;
  symbol: string | null;
  doc_kind: string;
  subject: string;
  issued_on: string | null;
  display: string;
};
const KINDS = ["letter", "report", "minutes", "decision", "notice", "plan"];

export default function OutgoingPage() {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const name = useAgencyName();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [agency, setAgency] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(yearVn());
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{
    agency_id: string;
    doc_kind: string;
    subject: string;
    symbol?: string;
    issued_on?: Dayjs;
  }>();
  const q = useQuery({
    queryKey: ["outgoing", agency, year, page],
    queryFn: () => api<Page<Outgoing>>("/api/outgoing", { query: { agency_id: agency, year, page, page_size: 20 } }),
  });
  const allocate = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    try {
      const r = await api<Outgoing>("/api/outgoing", {
        method: "POST",
        body: {
          agency_id: v.agency_id,
          year: (v.issued_on ?? todayVnDayjs()).year(),
          doc_kind: v.doc_kind,
          subject: v.subject,
          symbol: v.symbol?.trim() || null,
          issued_on: (v.issued_on ?? todayVnDayjs()).format("YYYY-MM-DD"),
        },
      });
      message.success(t("register.allocated", { display: r.display }));
      setOpen(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ["outgoing"] });
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        form.setFields(e.issues.map((i) => ({ name: issuePath(i.path), errors: [i.message] })) as never);
      } else setError(String(e));
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("register.title")}
        </Typography.Title>
      }
      extra={
        <Space>
          <ExportButton path="/api/exports/outgoing" query={{ agency_id: agency, year }} />
          {can(me, "register.allocate") && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t("register.allocate")}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <AgencySelect value={agency} onChange={setAgency} allowClear placeholder={t("common.agency")} />
        <InputNumber aria-label={t("common.year")} value={year} onChange={setYear} min={2000} max={2100} />
      </Space>
      <Table<Outgoing>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        scroll={{ x: 800 }}
        columns={[
          { title: t("register.number"), dataIndex: "display", width: 160 },
          { title: t("register.issued"), dataIndex: "issued_on", render: fmtDate, width: 110 },
          { title: t("register.kind"), dataIndex: "doc_kind", render: (v: string) => tl("output", v), width: 120 },
          { title: t("register.subject"), dataIndex: "subject" },
          { title: t("common.agency"), dataIndex: "agency_id", render: (v: string) => name(v), ellipsis: true },
        ]}
      />
      <Modal
        open={open}
        title={t("register.allocate")}
        onOk={allocate}
        onCancel={() => setOpen(false)}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ agency_id: me?.agency_id, doc_kind: "letter", issued_on: todayVnDayjs() }}
        >
          <Form.Item label={t("common.agency")} name="agency_id" rules={[{ required: true }]}>
            <AgencySelect />
          </Form.Item>
          <Form.Item label={t("register.kind")} name="doc_kind" rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: tl("output", k) }))} />
          </Form.Item>
          <Form.Item label={t("register.subject")} name="subject" rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t("register.symbol")} name="symbol">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label={t("register.issued")} name="issued_on">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
