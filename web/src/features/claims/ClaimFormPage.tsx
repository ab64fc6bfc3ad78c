// Create / edit a claim. Field errors come from the API's `issues[].path` (Vietnamese messages) and are shown
// under the matching inputs.
import { EyeOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Tooltip,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { CLAIM_FIELDS } from "../../../../src/domain/claims/dto.ts";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { ApiError, api, errorText, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { todayVnDayjs } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import { useUnsavedChanges } from "../../shared/useUnsavedChanges.ts";
import { NotFound } from "../errors/NotFoundPage.tsx";
import type { ClaimDetail } from "./types.ts";

type FormValues = {
  code?: string;
  field: string;
  law_version: string;
  handling_agency_id: string;
  managing_agency_id?: string | null;
  claimant_name: string;
  claimant_id_number?: string;
  claimant_address?: string;
  claimant_phone?: string;
  amount_requested?: number | null;
  summary?: string;
  received_on?: Dayjs | null;
  flags?: string[];
};

const blank = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

export default function ClaimFormPage() {
  const { id } = useParams();
  const { t, tl } = useI18n();
  const me = useMe().data;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unsaved = useUnsavedChanges();
  // Personal data arrives masked; only the audited "Hiện thông tin cá nhân" action unmasks it. Until then the fields
  // are read-only and left out of the saved form (the API also keeps the real value when a mask comes back).
  const [revealed, setRevealed] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const revealedRef = useRef(false);
  const existing = useQuery({
    queryKey: ["claim", id, "masked"],
    queryFn: () => api<ClaimDetail>(`/api/claims/${id}`),
    enabled: !!id,
  });
  const masked = !!id && !revealed && existing.data?.masked !== false;
  const reveal = async () => {
    setRevealing(true);
    try {
      const c = await api<ClaimDetail>(`/api/claims/${id}`, { query: { reveal: "personal" } });
      form.setFieldsValue({
        claimant_id_number: c.claimant_id_number ?? undefined,
        claimant_address: c.claimant_address ?? undefined,
        claimant_phone: c.claimant_phone ?? undefined,
      });
      revealedRef.current = true;
      setRevealed(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRevealing(false);
    }
  };

  useEffect(() => {
    const c = existing.data;
    if (!c) return;
    form.setFieldsValue({
      code: c.code,
      field: c.field,
      law_version: c.law_version,
      handling_agency_id: c.handling_agency_id,
      managing_agency_id: c.managing_agency_id,
      claimant_name: c.claimant_name,
      amount_requested: c.amount_requested,
      summary: c.summary ?? undefined,
      flags: (["complex", "backlogged", "prolonged"] as const).filter((f) => c[f]),
    });
    // A refetch (focus, reconnect) brings masked values again: never put them over revealed ones.
    if (!revealedRef.current)
      form.setFieldsValue({
        claimant_id_number: c.claimant_id_number ?? undefined,
        claimant_address: c.claimant_address ?? undefined,
        claimant_phone: c.claimant_phone ?? undefined,
      });
  }, [existing.data, form]);

  if (id && existing.error instanceof ApiError && existing.error.status === 404)
    return <NotFound title={t("claims.notFound")} />;
  if (id && existing.isLoading) return <Spin />;

  const submit = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    const flags = new Set(v.flags ?? []);
    const body: Record<string, unknown> = {
      field: v.field,
      handling_agency_id: v.handling_agency_id,
      managing_agency_id: v.managing_agency_id ?? null,
      claimant_name: v.claimant_name,
      ...(masked
        ? {}
        : {
            claimant_id_number: blank(v.claimant_id_number),
            claimant_address: blank(v.claimant_address),
            claimant_phone: blank(v.claimant_phone),
          }),
      summary: blank(v.summary),
      complex: flags.has("complex"),
      backlogged: flags.has("backlogged"),
      prolonged: flags.has("prolonged"),
    };
    if (blank(v.code)) body.code = blank(v.code);
    // The law and the amounts are set when the file is opened; afterwards they change only through events or a
    // leader's correction (the API refuses them on PATCH).
    if (!id) Object.assign(body, { law_version: v.law_version, amount_requested: v.amount_requested ?? null });
    try {
      let saved: ClaimDetail;
      if (id) {
        saved = await api<ClaimDetail>(`/api/claims/${id}`, {
          method: "PATCH",
          body: { ...body, version: existing.data!.version },
        });
      } else {
        if (v.received_on) body.events = [{ type: "received", date: v.received_on.format("YYYY-MM-DD") }];
        saved = await api<ClaimDetail>("/api/claims", { method: "POST", body });
        message.success(t("claims.created", { code: saved.code }));
      }
      await qc.invalidateQueries({ queryKey: ["claims"] });
      qc.removeQueries({ queryKey: ["claim", saved.id] });
      unsaved.saved();
      navigate(`/claims/${saved.id}`);
    } catch (e) {
      showRefusal(e, setError, form, (p) => (p[0] === "events" ? ["received_on"] : p));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={id ? `${t("claims.edit")} ${existing.data?.code ?? ""}` : t("claims.new")}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={unsaved.changed}
        initialValues={{
          law_version: "law_2017",
          handling_agency_id: me?.agency_id ?? undefined,
          received_on: todayVnDayjs(),
        }}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t("claims.code")} name="code" extra={t("claims.codeHint")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t("claims.field")} name="field" rules={[{ required: true }]}>
              <Select options={CLAIM_FIELDS.map((f) => ({ value: f, label: tl("field", f) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t("claims.law")} name="law_version" rules={[{ required: true }]}>
              <Select
                disabled={!!id}
                options={["law_2017", "law_2009"].map((l) => ({ value: l, label: tl("law", l) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t("claims.handling")} name="handling_agency_id" rules={[{ required: true }]}>
              <AgencySelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t("claims.managing")} name="managing_agency_id">
              <AgencySelect scoped={false} allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t("claims.claimantName")} name="claimant_name" rules={[{ required: true }]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t("claims.idNumber")} name="claimant_id_number">
              <Input maxLength={20} readOnly={masked} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t("claims.phone")} name="claimant_phone">
              <Input maxLength={30} readOnly={masked} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label={t("claims.address")}
              name="claimant_address"
              extra={
                masked ? (
                  <Space wrap>
                    <span>{t("claims.masked")}</span>
                    {can(me, "claims.personal_data") && (
                      <Tooltip title={t("claims.revealNote")}>
                        <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={reveal}>
                          {t("claims.reveal")}
                        </Button>
                      </Tooltip>
                    )}
                  </Space>
                ) : undefined
              }
            >
              <Input maxLength={500} readOnly={masked} />
            </Form.Item>
          </Col>
          {!id && (
            <Col xs={24} md={8}>
              <Form.Item label={t("claims.received")} name="received_on">
                <DateInput format="DD/MM/YYYY" style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item label={t("claims.amountRequested")} name="amount_requested">
              <InputNumber<number>
                disabled={!!id}
                min={0}
                style={{ width: "100%" }}
                formatter={(v) =>
                  v === undefined || v === null ? "" : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ".")
                }
                parser={(v) => Number((v ?? "").replace(/\./g, ""))}
                addonAfter="₫"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t("claims.flags")} name="flags">
              <Checkbox.Group
                options={[
                  { value: "complex", label: t("claims.complex") },
                  { value: "backlogged", label: t("claims.backlogged") },
                  { value: "prolonged", label: t("claims.prolonged") },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t("claims.summary")} name="summary">
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t("common.save")}
          </Button>
          <Button onClick={() => navigate(-1)}>{t("common.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
