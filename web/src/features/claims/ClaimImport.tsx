// Taking over existing claims from the XLSX template (backfill, claims.backfill): download the template, fill it
// offline, upload; every bad cell listed (row, column, reason) and nothing written until the whole file is valid.
import { DownloadOutlined, FileExcelOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Modal, Space, Table, Typography } from "antd";
import { useState } from "react";
import { csrfHeader, type Issue } from "../../shared/api.ts";
import { useI18n } from "../../shared/i18n/index.tsx";

export function ClaimImportButton() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; issues: Issue[] } | null>(null);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch("/api/claims/import", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/octet-stream", ...csrfHeader() },
        body: file,
      });
      const b = (await res.json().catch(() => ({}))) as { imported?: number; error?: string; issues?: Issue[] };
      if (res.ok) {
        setResult({ ok: true, message: t("import.done", { n: b.imported ?? 0 }), issues: [] });
        qc.invalidateQueries({ queryKey: ["claims"] });
      } else setResult({ ok: false, message: b.error ?? `Lỗi ${res.status}`, issues: b.issues ?? [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)}>
        {t("import.button")}
      </Button>
      {open && (
        <Modal
          open
          width={760}
          title={t("import.title")}
          okText={t("import.upload")}
          okButtonProps={{ disabled: !file }}
          confirmLoading={busy}
          onOk={submit}
          cancelText={t("common.close")}
          onCancel={() => {
            setOpen(false);
            setResult(null);
            setFile(null);
          }}
        >
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Paragraph type="secondary">{t("import.help")}</Typography.Paragraph>
            <Button icon={<DownloadOutlined />} href="/api/claims/import/template">
              {t("import.template")}
            </Button>
            <input
              type="file"
              accept=".xlsx"
              aria-label={t("import.file")}
              data-testid="import-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            {result && <Alert type={result.ok ? "success" : "error"} showIcon message={result.message} role="alert" />}
            {result && result.issues.length > 0 && (
              <Table<Issue>
                size="small"
                rowKey={(i) => `${i.path}-${i.message}`}
                dataSource={result.issues}
                pagination={{ pageSize: 20 }}
                columns={[
                  {
                    title: t("import.cell"),
                    dataIndex: "path",
                    width: 110,
                    render: (p: string) => p.replace("/rows/", "").replace("/", " · "),
                  },
                  { title: t("import.problem"), dataIndex: "message" },
                ]}
              />
            )}
          </Space>
        </Modal>
      )}
    </>
  );
}
