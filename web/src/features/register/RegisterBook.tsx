// One register screen for both directions (sổ văn bản đến / đi): filters by agency and year (and a search where the
// register has one), the paged entries, and the dialog that records an entry under the next number of its register.
// Each direction brings its columns, its form and the body it posts; recording needs register.allocate.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { type ReactNode, useState } from "react";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { api, type Page, showRefusal } from "../../shared/api.ts";
import { yearVn } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";

export type RegisterDirection<Row, Values> = {
  /** The API collection (/api/incoming, /api/outgoing) and the query key its lists are cached under. */
  collection: "incoming" | "outgoing";
  title: string;
  /** The button and dialog title that record an entry. */
  recordLabel: string;
  /** A search box (by this label) over the register's text, where the API has `q`. */
  searchLabel?: string;
  columns: (writable: boolean) => TableColumnsType<Row>;
  scrollX: number;
  form: FormInstance<Values>;
  /** Initial values besides the agency (the caller's own). */
  initialValues: Partial<Values>;
  /** The form's fields after the agency whose register it is. */
  formItems: ReactNode;
  toBody: (v: Values) => unknown;
  /** After the entry is recorded (e.g. its file uploaded): the success message. */
  recorded: (row: Row) => Promise<string> | string;
  /** Beside the record button (e.g. export of the filtered register). */
  extra?: (filter: { agency_id: string | null; year: number | null }) => ReactNode;
  /** Dialogs of the direction's own row actions. */
  children?: ReactNode;
};

export function RegisterBook<Row extends { id: string }, Values>(d: RegisterDirection<Row, Values>) {
  const { t } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [agency, setAgency] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(yearVn());
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const writable = can(me, "register.allocate");
  const q = useQuery({
    queryKey: [d.collection, agency, year, search, page],
    queryFn: () =>
      api<Page<Row>>(`/api/${d.collection}`, {
        query: { agency_id: agency, year, q: search || undefined, page, page_size: 20 },
      }),
  });

  const record = async () => {
    const v = await validValues(d.form);
    if (!v) return;
    setError(null);
    try {
      const r = await api<Row>(`/api/${d.collection}`, { method: "POST", body: d.toBody(v) });
      message.success(await d.recorded(r));
      setOpen(false);
      d.form.resetFields();
      await qc.invalidateQueries({ queryKey: [d.collection] });
    } catch (e) {
      showRefusal(e, setError, d.form);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {d.title}
        </Typography.Title>
      }
      extra={
        <Space>
          {d.extra?.({ agency_id: agency, year })}
          {writable && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {d.recordLabel}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <AgencySelect value={agency} onChange={setAgency} allowClear placeholder={t("common.agency")} />
        <InputNumber aria-label={t("common.year")} value={year} onChange={setYear} min={2000} max={2100} />
        {d.searchLabel && (
          <Input.Search
            aria-label={d.searchLabel}
            placeholder={d.searchLabel}
            allowClear
            onSearch={(v) => {
              setSearch(v.trim());
              setPage(1);
            }}
            style={{ maxWidth: 320 }}
          />
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        scroll={{ x: d.scrollX }}
        columns={d.columns(writable)}
      />
      <Modal
        open={open}
        title={d.recordLabel}
        onOk={record}
        onCancel={() => setOpen(false)}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={d.form} layout="vertical" initialValues={{ agency_id: me?.agency_id, ...d.initialValues }}>
          <Form.Item label={t("common.agency")} name="agency_id" rules={[{ required: true }]}>
            <AgencySelect />
          </Form.Item>
          {d.formItems}
        </Form>
      </Modal>
      {d.children}
    </Card>
  );
}
