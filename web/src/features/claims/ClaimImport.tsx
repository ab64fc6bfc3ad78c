// Taking over existing claims from the XLSX template (backfill, claims.backfill): download the template, fill it
// offline, upload it (.xlsx, or saved as .csv); every bad cell listed (row, column, reason) and nothing written until the whole file is valid.
// One Idempotency-Key per chosen file: a double click or a retry is answered with the first import; once imported the
// file is cleared, so the same import cannot be sent again by another click (the server refuses a file imported before).
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Modal, Space, Table, Typography, Upload } from "antd";
import { useRef, useState } from "react";
import { ApiError, type Issue, newIdempotencyKey, uploadFile } from "../../shared/api.ts";
import { useI18n } from "../../shared/i18n/index.tsx";

type Result = { ok: boolean; message: string; issues: Issue[] };

/** A few register codes in full, a long run as its first … last. */
const codeList = (codes: string[]) => (codes.length <= 5 ? codes.join(", ") : `${codes[0]} … ${codes.at(-1)}`);

export function ClaimImportButton() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const key = useRef("");
  const sending = useRef(false);
  const choose = (f: File | null) => {
    setFile(f);
    key.current = newIdempotencyKey();
    setResult(null);
  };
  const submit = async () => {
    if (!file || sending.current) return;
    sending.current = true;
    setBusy(true);
    setResult(null);
    try {
      const b = await uploadFile<{ imported: number; codes: string[] }>("/api/claims/import", file, key.current);
      setResult({ ok: true, message: t("import.done", { n: b.imported, codes: codeList(b.codes) }), issues: [] });
      setFile(null);
      qc.invalidateQueries({ queryKey: ["claims"] });
    } catch (e) {
      const issues = e instanceof ApiError && e.code === "import_invalid" ? e.issues : [];
      setResult({ ok: false, message: e instanceof ApiError ? e.message : t("import.failed"), issues });
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  const cell = (path: string) => {
    const m = /^\/rows\/([1-9]\d*)(?:\/([A-Z]+))?$/.exec(path);
    return m ? [m[1], m[2]].filter(Boolean).join(" · ") : t("import.wholeFile");
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
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={file ? [{ uid: "chosen", name: file.name, status: "done" }] : []}
              beforeUpload={(f) => {
                choose(f);
                return false;
              }}
              onRemove={() => choose(null)}
            >
              <Button icon={<UploadOutlined />}>{t("import.file")}</Button>
            </Upload>
            {result && <Alert type={result.ok ? "success" : "error"} showIcon message={result.message} role="alert" />}
            {result && result.issues.length > 0 && (
              <Table<Issue>
                size="small"
                rowKey={(i) => `${i.path}-${i.message}`}
                dataSource={result.issues}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t("import.cell"), dataIndex: "path", width: 110, render: cell },
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
