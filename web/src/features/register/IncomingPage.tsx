// Sổ văn bản đến (incoming register): số đến per receiving agency and year (Nghị định 30/2020/NĐ-CP, Điều 22); an entry
// links the coordination request it carries and keeps its received file. Registering needs register.allocate.
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal, Select, Space, Typography, Upload } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { DOCUMENT_ACCEPT } from "../../../../src/domain/files/allowed-types.ts";
import type { Incoming } from "../../../../src/http/contracts/incoming.ts";
import { api, errorText, type Page, uploadFile } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate, todayVnDayjs } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useAgencyName } from "../../shared/session.tsx";
import type { RequestRow } from "../requests/types.ts";
import { RegisterBook } from "./RegisterBook.tsx";

type NewValues = {
  agency_id: string;
  received_on: Dayjs;
  doc_type?: string;
  symbol?: string;
  doc_date?: Dayjs | null;
  issuer: string;
  subject: string;
  request_id?: string | null;
};

/** Requests that reached `agencyId` (its inbox), to link an incoming document to. */
function RequestPicker({
  agencyId,
  value,
  onChange,
}: {
  agencyId?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const list = useQuery({
    queryKey: ["requests", "incoming-pick", agencyId, q],
    enabled: !!agencyId,
    queryFn: () =>
      api<Page<RequestRow>>("/api/requests", {
        query: { box: "inbox", agency_id: agencyId, q: q || undefined, page_size: 20 },
      }),
  });
  return (
    <Select
      aria-label={t("incoming.request")}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t("incoming.pickRequest")}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={list.isLoading}
      options={(list.data?.items ?? []).map((r) => ({
        value: r.id,
        label: `${fmtDate(r.created_at.slice(0, 10))} · ${r.topic}`,
      }))}
    />
  );
}

export default function IncomingPage() {
  const { t } = useI18n();
  const name = useAgencyName();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [linking, setLinking] = useState<Incoming | null>(null);
  const [linkTo, setLinkTo] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<NewValues>();
  const formAgency = Form.useWatch("agency_id", form);
  const refresh = () => qc.invalidateQueries({ queryKey: ["incoming"] });

  const link = async () => {
    if (!linking || !linkTo) return;
    try {
      await api(`/api/incoming/${linking.id}`, { method: "PATCH", body: { request_id: linkTo } });
      message.success(t("incoming.linked"));
      setLinking(null);
      setLinkTo(null);
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const attach = async (row: Incoming, f: File) => {
    try {
      await uploadFile(`/api/incoming/${row.id}/file`, f);
      message.success(t("common.saved"));
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <RegisterBook<Incoming, NewValues>
      collection="incoming"
      title={t("incoming.title")}
      recordLabel={t("incoming.register")}
      searchLabel={t("incoming.search")}
      scrollX={1000}
      columns={(writable) => [
        { title: t("incoming.number"), dataIndex: "number", width: 80 },
        { title: t("incoming.receivedOn"), dataIndex: "received_on", render: fmtDate, width: 110 },
        {
          title: t("incoming.symbol"),
          dataIndex: "symbol",
          width: 140,
          render: (v: string | null) => v ?? t("common.none"),
        },
        { title: t("incoming.docDate"), dataIndex: "doc_date", render: fmtDate, width: 110 },
        { title: t("incoming.issuer"), dataIndex: "issuer", ellipsis: true },
        { title: t("incoming.subject"), dataIndex: "subject" },
        { title: t("common.agency"), dataIndex: "agency_id", render: (v: string) => name(v), ellipsis: true },
        {
          title: t("incoming.request"),
          dataIndex: "request_id",
          width: 150,
          render: (v: string | null, row) =>
            v ? (
              <Link to={`/requests?open=${v}`}>{t("incoming.open")}</Link>
            ) : (
              writable && (
                <Button size="small" onClick={() => setLinking(row)}>
                  {t("incoming.link")}
                </Button>
              )
            ),
        },
        {
          title: t("incoming.file"),
          dataIndex: "attachment_id",
          width: 90,
          render: (v: string | null, row) =>
            v ? (
              <a href={`/api/attachments/${v}`} aria-label={t("incoming.file")}>
                <PaperClipOutlined />
              </a>
            ) : (
              writable && (
                <Upload
                  accept={DOCUMENT_ACCEPT}
                  showUploadList={false}
                  beforeUpload={(f) => {
                    attach(row, f);
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} aria-label={t("incoming.attach")} />
                </Upload>
              )
            ),
        },
      ]}
      form={form}
      initialValues={{ received_on: todayVnDayjs(), doc_type: "Công văn" }}
      formItems={
        <>
          <Form.Item label={t("incoming.receivedOn")} name="received_on" rules={[{ required: true }]}>
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label={t("incoming.docType")} name="doc_type">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={t("incoming.symbol")} name="symbol">
            <Input maxLength={80} placeholder="12/STP-HCTP" />
          </Form.Item>
          <Form.Item label={t("incoming.docDate")} name="doc_date">
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label={t("incoming.issuer")} name="issuer" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item label={t("incoming.subject")} name="subject" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item label={t("incoming.request")} name="request_id">
            <RequestPicker agencyId={formAgency} />
          </Form.Item>
          <Form.Item label={t("incoming.file")}>
            <Upload
              accept={DOCUMENT_ACCEPT}
              maxCount={1}
              fileList={file ? [{ uid: "1", name: file.name, status: "done" }] : []}
              onRemove={() => setFile(null)}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t("incoming.attach")}</Button>
            </Upload>
          </Form.Item>
        </>
      }
      toBody={(v) => ({
        agency_id: v.agency_id,
        received_on: v.received_on.format("YYYY-MM-DD"),
        doc_type: v.doc_type?.trim() || null,
        symbol: v.symbol?.trim() || null,
        doc_date: v.doc_date ? v.doc_date.format("YYYY-MM-DD") : null,
        issuer: v.issuer,
        subject: v.subject,
        request_id: v.request_id || null,
      })}
      recorded={async (r) => {
        if (file) await uploadFile(`/api/incoming/${r.id}/file`, file);
        setFile(null);
        return t("incoming.registered", { number: r.number });
      }}
    >
      <Modal
        open={!!linking}
        title={t("incoming.link")}
        onOk={link}
        okButtonProps={{ disabled: !linkTo }}
        onCancel={() => setLinking(null)}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
      >
        {linking && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text>{linking.citation}</Typography.Text>
            <RequestPicker agencyId={linking.agency_id} value={linkTo} onChange={setLinkTo} />
          </Space>
        )}
      </Modal>
    </RegisterBook>
  );
}
