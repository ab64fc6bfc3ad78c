// "Xem trước ảnh hưởng": which open deadlines in the caller's scope would move if a proposed notice day (Holidays page)
// or a legal parameter change (Parameters page) were saved — POST /api/admin/impact-preview; nothing is saved.
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { LEGAL_PARAMETERS } from "../../../../src/domain/legal/parameters.ts";
import { api, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { validValues } from "../../shared/valid-values.ts";

type Move = {
  claim_id: string;
  claim_code?: string;
  step: string;
  label: string;
  basis: string;
  old_due: string;
  new_due: string;
  shift_days: number;
  handling_agency: string;
};
type Result = { as_of: string; claims_checked: number; moves: Move[] };
type Values = {
  date?: Dayjs;
  kind?: string;
  name?: string;
  source?: string;
  param?: string;
  value?: number;
  effective_from?: Dayjs;
  as_of?: Dayjs;
};

const iso = (d?: Dayjs) => (d ? d.format("YYYY-MM-DD") : undefined);

export function ImpactPreview({ mode }: { mode: "calendar" | "parameter" }) {
  const { t, tl } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const params = useMemo(() => {
    const seen = new Map<string, { value: string; label: string }>();
    for (const p of LEGAL_PARAMETERS) {
      const k = `${p.key}|${p.law}|${p.variant ?? ""}`;
      if (!seen.has(k))
        seen.set(k, { value: k, label: `${p.label} — ${tl("law", p.law)} (${tl("unit", p.unit, { n: p.value })})` });
    }
    return [...seen.values()];
  }, [tl]);

  const run = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      let body: Record<string, unknown>;
      if (mode === "calendar")
        body = {
          calendar_day: { date: iso(v.date), kind: v.kind, name: v.name, source: v.source },
          as_of: iso(v.as_of),
        };
      else {
        const [key, law, variant] = (v.param ?? "||").split("|");
        body = {
          parameter: {
            key,
            law,
            ...(variant ? { variant } : {}),
            value: v.value,
            ...(v.effective_from ? { effective_from: iso(v.effective_from) } : {}),
          },
          as_of: iso(v.as_of),
        };
      }
      setResult(await api<Result>("/api/admin/impact-preview", { method: "POST", body }));
    } catch (e) {
      showRefusal(e, setError, form, (path) => {
        const last = String(path[path.length - 1] ?? "");
        return [last === "key" || last === "variant" || last === "law" ? "param" : last];
      });
    } finally {
      setBusy(false);
    }
  };

  const req = [{ required: true, message: t("impact.err.required") }];
  return (
    <Card size="small" title={t("impact.title")} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t("impact.intro")}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" initialValues={{ kind: "swapped_off" }} onFinish={run}>
        {mode === "calendar" ? (
          <>
            <Form.Item label={t("impact.date")} name="date" rules={req}>
              <DateInput format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item label={t("impact.kind")} name="kind" rules={req}>
              <Select
                style={{ width: 200 }}
                options={["holiday", "compensatory", "swapped_off", "swapped_work"].map((k) => ({
                  value: k,
                  label: tl("hkind", k),
                }))}
              />
            </Form.Item>
            <Form.Item label={t("impact.name")} name="name" rules={req}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t("impact.source")} name="source" rules={req}>
              <Input style={{ width: 240 }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label={t("impact.param")} name="param" rules={req}>
              <Select style={{ width: 420 }} showSearch optionFilterProp="label" options={params} />
            </Form.Item>
            <Form.Item label={t("impact.newValue")} name="value" rules={req}>
              <InputNumber min={0} max={3650} />
            </Form.Item>
            <Form.Item label={t("impact.effectiveFrom")} name="effective_from">
              <DateInput format="DD/MM/YYYY" />
            </Form.Item>
          </>
        )}
        <Form.Item label={t("impact.asOf")} name="as_of">
          <DateInput format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t("impact.run")}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {result && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 12 }}>
          <Typography.Text>
            {t("impact.checked", { n: result.claims_checked, m: result.moves.length })} ({fmtDate(result.as_of)})
          </Typography.Text>
          <Table<Move>
            size="small"
            rowKey={(m) => `${m.claim_id}-${m.step}-${m.old_due}`}
            dataSource={result.moves}
            locale={{ emptyText: t("impact.none") }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t("impact.claim"),
                render: (_: unknown, m) => <Link to={`/claims/${m.claim_id}`}>{m.claim_code ?? m.claim_id}</Link>,
              },
              { title: t("impact.step"), dataIndex: "label" },
              { title: t("impact.agency"), dataIndex: "handling_agency" },
              { title: t("impact.oldDue"), dataIndex: "old_due", render: (v: string) => fmtDate(v), width: 120 },
              { title: t("impact.newDue"), dataIndex: "new_due", render: (v: string) => fmtDate(v), width: 120 },
              { title: t("impact.shift"), dataIndex: "shift_days", width: 110 },
              { title: t("admin.cite"), dataIndex: "basis" },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
