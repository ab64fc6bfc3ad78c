// The claim's documents: TT 04/2018 forms generated from the record (numbered once in the outgoing register) and
// attachments uploaded with their type, title, number and date (versions kept; only the allowed document types).
import { DownloadOutlined, FileWordOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { ATTACHMENT_KIND_VI, ATTACHMENT_KINDS } from "../../../../src/domain/claims/attachments.ts";
import type { ClaimDocumentDto } from "../../../../src/domain/claims/dto.ts";
import { DOCUMENT_ACCEPT, DOCUMENT_TYPES } from "../../../../src/domain/files/allowed-types.ts";
import { api, csrfHeader, refusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate, fmtDateTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { saveResponse } from "../../shared/save-file.ts";
import { validValues } from "../../shared/valid-values.ts";

type FormInfo = {
  code: string;
  form_code: string | null;
  name: string;
  available: boolean;
  number: string | null;
  form_text_verified: boolean;
};
/** A document of the claim's list: the detail's document row, with its version. */
type Doc = ClaimDocumentDto & {
  uploaded_at: string;
  version: number;
  latest: boolean;
};

export function ClaimForms({ claimId, writable }: { claimId: string; writable: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ["claim", claimId, "forms"],
    queryFn: () => api<FormInfo[]>(`/api/claims/${claimId}/forms`),
  });
  const generate = async (f: FormInfo) => {
    setBusy(f.code);
    try {
      const res = await fetch(`/api/claims/${claimId}/forms/${f.code}`, { credentials: "same-origin" });
      await saveResponse(res, `${f.form_code ?? f.code}.docx`);
      message.success(t("forms.generated", { number: decodeURIComponent(res.headers.get("x-document-number") ?? "") }));
      qc.invalidateQueries({ queryKey: ["claim", claimId] });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const unverified = (q.data ?? []).some((f) => !f.form_text_verified);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap data-testid="claim-forms">
        {(q.data ?? []).map((f) => (
          <Tooltip key={f.code} title={f.available ? f.name : t("forms.notYet", { name: f.name })}>
            <Button
              icon={<FileWordOutlined />}
              disabled={!writable || !f.available}
              loading={busy === f.code}
              onClick={() => generate(f)}
              data-testid={`form-${f.code}`}
            >
              {f.form_code ?? f.code}
              {f.number ? ` · ${f.number}` : ""}
            </Button>
          </Tooltip>
        ))}
      </Space>
      {unverified && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("forms.unverifiedLegend")}
        </Typography.Text>
      )}
    </Space>
  );
}

function UploadModal({ claimId, onClose }: { claimId: string; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{
    kind: string;
    title: string;
    number?: string;
    issued_on?: { format(f: string): string };
  }>();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (!file) {
      setError(t("docs.chooseFile"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ kind: v.kind, title: v.title.trim(), file_name: file.name });
      if (v.number?.trim()) query.set("number", v.number.trim());
      if (v.issued_on) query.set("issued_on", v.issued_on.format("YYYY-MM-DD"));
      const res = await fetch(`/api/claims/${claimId}/documents?${query}`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/octet-stream", ...csrfHeader() },
        body: file,
      });
      if (!res.ok) throw refusal(res.status, await res.json().catch(() => ({})));
      onClose(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t("docs.upload")}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: "evidence" }}>
        <Form.Item label={t("docs.kind")} name="kind" rules={[{ required: true }]}>
          <Select options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND_VI[k] }))} />
        </Form.Item>
        <Form.Item label={t("docs.title")} name="title" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t("docs.number")} name="number">
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item label={t("docs.date")} name="issued_on">
            <DateInput format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item label={t("docs.file")} required>
          <input
            type="file"
            accept={DOCUMENT_ACCEPT}
            aria-label={t("docs.file")}
            data-testid="doc-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {t("docs.allowed", { types: DOCUMENT_TYPES.map((x) => x.label).join(", ") })}
          </Typography.Text>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ClaimDocuments({ claimId, writable }: { claimId: string; writable: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ["claim", claimId, "documents"],
    queryFn: () => api<Doc[]>(`/api/claims/${claimId}/documents`),
  });
  const download = async (d: Doc) => {
    const res = await fetch(`/api/claims/${claimId}/documents/${d.id}`, { credentials: "same-origin" });
    if (res.ok) await saveResponse(res, d.file_name ?? "tai-lieu");
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text strong>{t("forms.title")}</Typography.Text>
      <ClaimForms claimId={claimId} writable={writable} />
      <Space style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Text strong>{t("docs.attachments")}</Typography.Text>
        {writable && (
          <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
            {t("docs.upload")}
          </Button>
        )}
      </Space>
      <Table<Doc>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        data-testid="claim-documents"
        columns={[
          {
            title: t("docs.kind"),
            dataIndex: "kind",
            render: (k: string) => ATTACHMENT_KIND_VI[k as keyof typeof ATTACHMENT_KIND_VI] ?? k,
          },
          { title: t("docs.title"), dataIndex: "title" },
          { title: t("docs.number"), dataIndex: "number" },
          { title: t("docs.date"), dataIndex: "issued_on", render: fmtDate, width: 110 },
          {
            title: t("docs.version"),
            dataIndex: "version",
            width: 90,
            render: (v: number, d) => (d.latest ? <Tag color="blue">v{v}</Tag> : <Tag>v{v}</Tag>),
          },
          { title: t("docs.uploadedAt"), dataIndex: "uploaded_at", render: fmtDateTime, width: 150 },
          {
            title: "",
            key: "dl",
            width: 60,
            render: (_, d) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                aria-label={`${t("docs.download")} ${d.file_name ?? ""}`}
                onClick={() => download(d)}
              />
            ),
          },
        ]}
      />
      {open && (
        <UploadModal
          claimId={claimId}
          onClose={(changed) => {
            setOpen(false);
            if (changed) qc.invalidateQueries({ queryKey: ["claim", claimId] });
          }}
        />
      )}
    </Space>
  );
}
