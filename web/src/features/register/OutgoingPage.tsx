// Outgoing document register (sổ văn bản đi): numbers per agency and year; allocating a number needs register.allocate.
import { Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { DateInput } from "../../shared/DateInput.tsx";
import { ExportButton } from "../../shared/ExportButton.tsx";
import { fmtDate, todayVnDayjs } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useAgencyName } from "../../shared/session.tsx";
import { RegisterBook } from "./RegisterBook.tsx";

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
type NewValues = { agency_id: string; doc_kind: string; subject: string; symbol?: string; issued_on?: Dayjs };
const KINDS = ["letter", "report", "minutes", "decision", "notice", "plan"];

export default function OutgoingPage() {
  const { t, tl } = useI18n();
  const name = useAgencyName();
  const [form] = Form.useForm<NewValues>();
  return (
    <RegisterBook<Outgoing, NewValues>
      collection="outgoing"
      title={t("register.title")}
      recordLabel={t("register.allocate")}
      extra={(filter) => <ExportButton path="/api/exports/outgoing" query={filter} />}
      scrollX={800}
      columns={() => [
        { title: t("register.number"), dataIndex: "display", width: 160 },
        { title: t("register.issued"), dataIndex: "issued_on", render: fmtDate, width: 110 },
        { title: t("register.kind"), dataIndex: "doc_kind", render: (v: string) => tl("output", v), width: 120 },
        { title: t("register.subject"), dataIndex: "subject" },
        { title: t("common.agency"), dataIndex: "agency_id", render: (v: string) => name(v), ellipsis: true },
      ]}
      form={form}
      initialValues={{ doc_kind: "letter", issued_on: todayVnDayjs() }}
      formItems={
        <>
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
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
        </>
      }
      toBody={(v) => ({
        agency_id: v.agency_id,
        year: (v.issued_on ?? todayVnDayjs()).year(),
        doc_kind: v.doc_kind,
        subject: v.subject,
        symbol: v.symbol?.trim() || null,
        issued_on: (v.issued_on ?? todayVnDayjs()).format("YYYY-MM-DD"),
      })}
      recorded={(r) => t("register.allocated", { display: r.display })}
    />
  );
}
