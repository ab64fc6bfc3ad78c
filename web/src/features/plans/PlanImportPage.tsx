// Plan import: upload (.docx/.txt) or paste → review the extracted tasks in an editable grid beside their source text,
// with the warnings and, for a revised plan, what changed → create (the server stores the reviewed tasks and their
// dated instances, led by each task's lead agency). Each call shows progress while the server works.
import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, InputNumber, List, Result, Space, Spin, Steps, Tag, Upload } from "antd";
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { api, errorText } from "../../shared/api.ts";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useUnsavedChanges } from "../../shared/useUnsavedChanges.ts";
import { newKey, ReviewGrid, type ReviewRow } from "./ReviewGrid.tsx";
import type { ImportPreview } from "./types.ts";

type Source = { text?: string; file_base64?: string; file_name?: string };

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export default function PlanImportPage() {
  const { t, tl } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [text, setText] = useState("");
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  // A pasted plan or a reviewed grid is not lost to Back, a menu click or a reload before it is imported.
  const { changed, saved } = useUnsavedChanges();
  const editRows = (next: ReviewRow[]) => {
    setRows(next);
    changed();
  };

  const source = (): Source => (file ? { file_base64: file.base64, file_name: file.name } : { text });
  // A second click while the first is being sent does nothing (state updates land only after this render).
  const sending = useRef(false);
  const run = async (confirm: boolean) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(confirm ? t("plans.importing") : t("plans.reading"));
    setError(null);
    try {
      const r = await api<ImportPreview>("/api/plans/import", {
        method: "POST",
        body: {
          ...source(),
          ...(year ? { year } : {}),
          confirm,
          ...(confirm
            ? {
                tasks: rows.map((r) => ({
                  number: r.number,
                  title: r.title,
                  lead_agency_id: r.lead_agency_id,
                  coordinator_agency_ids: r.coordinator_agency_ids,
                  timing: r.timing.trim() || null,
                  expected_output: r.expected_output.trim() || null,
                })),
              }
            : {}),
        },
      });
      if (confirm) {
        saved();
        setResult(r);
        setStep(2);
        await qc.invalidateQueries({ queryKey: ["plans"] });
      } else {
        setPreview(r);
        setRows(
          r.tasks.map((x) => ({
            key: newKey(),
            number: x.number,
            title: x.title,
            lead_agency_id: x.lead_agency_id,
            lead_text: x.lead.join(", "),
            coordinator_agency_ids: x.coordinator_agency_ids,
            timing: x.timing ?? "",
            expected_output: x.expected_output ?? "",
            source: x.source,
            flags: x.flags,
          })),
        );
        if (!year && r.year) setYear(r.year);
        changed();
        setStep(1);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      sending.current = false;
      setBusy(null);
    }
  };

  return (
    <Card title={t("plans.import")}>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t("plans.step1") }, { title: t("plans.step2") }, { title: t("plans.step3") }]}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Spin spinning={!!busy} tip={busy ?? undefined}>
        {step === 0 && (
          <Form layout="vertical" onFinish={() => run(false)}>
            <Form.Item label={t("plans.upload")}>
              <Upload.Dragger
                accept=".docx,.txt,.md"
                maxCount={1}
                beforeUpload={async (f) => {
                  setFile({ name: f.name, base64: toBase64(await f.arrayBuffer()) });
                  changed();
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t("plans.upload")}</p>
              </Upload.Dragger>
            </Form.Item>
            <Form.Item label={t("plans.paste")} htmlFor="plan-text">
              <Input.TextArea
                id="plan-text"
                rows={12}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  changed();
                }}
                disabled={!!file}
              />
            </Form.Item>
            <Form.Item label={t("plans.year")} htmlFor="plan-year">
              <InputNumber id="plan-year" min={2000} max={2100} value={year} onChange={(v) => setYear(v)} />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!file && !text.trim()}>
              {t("plans.preview")}
            </Button>
          </Form>
        )}
        {step === 1 && preview && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Alert
              type="info"
              message={`${preview.number ? `${t("plans.number")} ${preview.number} — ` : ""}${preview.title}`}
              description={`${t("common.year")}: ${preview.year ?? t("common.none")} · ${t("plans.issued")}: ${fmtDate(preview.issued_on) || t("common.none")} · ${t("plans.tasksFound", { n: preview.tasks.length })}`}
            />
            <Card size="small" title={t("plans.warnings", { n: preview.warnings.length })}>
              {preview.warnings.length === 0 ? (
                t("plans.noWarnings")
              ) : (
                <List
                  size="small"
                  dataSource={preview.warnings}
                  style={{ maxHeight: 220, overflow: "auto" }}
                  renderItem={(w) => (
                    <List.Item>
                      {w.line ? <Tag color="orange">{t("plans.line", { n: w.line })}</Tag> : null} {w.message}
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {preview.changes && (
              <Alert
                type="warning"
                showIcon
                data-testid="plan-changes"
                message={t("plans.review.changes", {
                  a: preview.changes.added.length,
                  r: preview.changes.removed.length,
                  c: preview.changes.changed.length,
                })}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {preview.changes.added.map((x) => (
                      <li key={`a${x}`}>{t("plans.review.added", { x })}</li>
                    ))}
                    {preview.changes.removed.map((x) => (
                      <li key={`r${x}`}>{t("plans.review.removed", { x })}</li>
                    ))}
                    {preview.changes.changed.map((x) => (
                      <li key={`c${x.ref}`}>
                        {t("plans.review.changed", { x: x.ref, f: x.fields.map((f) => tl("planField", f)).join(", ") })}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            <Alert
              type={rows.some((r) => !r.lead_agency_id) ? "warning" : "success"}
              message={t("plans.review.summary", {
                n: rows.length,
                u: rows.filter((r) => !r.lead_agency_id).length,
                l: rows.filter((r) => r.flags.includes("low_confidence")).length,
              })}
            />
            <ReviewGrid rows={rows} onChange={editRows} />
            <Space>
              <Button onClick={() => setStep(0)}>{t("common.back")}</Button>
              <Button
                type="primary"
                loading={!!busy}
                data-testid="plan-import-confirm"
                disabled={rows.length === 0 || rows.some((r) => !r.title.trim())}
                onClick={() => run(true)}
              >
                {t("plans.confirm")}
              </Button>
            </Space>
          </Space>
        )}
        {step === 2 && result && (
          <Result
            status="success"
            title={t("plans.imported", { n: rows.length, m: result.instance_count })}
            subTitle={result.title}
            extra={
              <Button type="primary" onClick={() => navigate(`/plans?plan=${result.plan_id}`)}>
                {t("plans.openBoard")}
              </Button>
            }
          />
        )}
      </Spin>
    </Card>
  );
}
