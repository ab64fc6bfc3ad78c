// The facts each step of the procedure produces, asked for in the step dialog (src/domain/claims/event-data.ts is the
// rule; the server checks again). Amounts are typed in đồng with thousands separators and read back in words.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from "antd";
import { amountInWordsVi } from "../../../../src/documents/money.ts";
import {
  DAMAGE_HEAD_ARTICLE,
  DAMAGE_HEADS,
  EVENT_DATA,
  PAYMENT_METHODS,
} from "../../../../src/domain/claims/event-data.ts";
import type { EventType } from "../../../../src/domain/claims/events.ts";
import { LEGAL_PARAMETERS } from "../../../../src/domain/legal/parameters.ts";
import { useI18n } from "../../shared/i18n/index.tsx";

const group = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

/** Money input in đồng: "1.250.000"; digits only, never negative. */
export function MoneyInput(props: { value?: number | null; onChange?: (v: number | null) => void; id?: string }) {
  return (
    <InputNumber<number>
      {...props}
      min={1}
      step={1000}
      precision={0}
      style={{ width: "100%" }}
      addonAfter="đồng"
      formatter={(v) => (v === undefined || v === null || `${v}` === "" ? "" : group.format(Number(v)))}
      parser={(s) => Number((s ?? "").replace(/\D/g, "")) as number}
    />
  );
}

function InWords({ name }: { name: (string | number)[] }) {
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) => {
        const v = getFieldValue(name);
        return typeof v === "number" && v > 0 ? (
          <Typography.Text type="secondary" data-testid="amount-words">
            {amountInWordsVi(v)}
          </Typography.Text>
        ) : null;
      }}
    </Form.Item>
  );
}

function cap(step: "verify" | "negotiation_end"): number {
  return LEGAL_PARAMETERS.find((p) => p.key === step && p.law === "law_2017" && !p.effective_to)?.extension_max ?? 0;
}

function required(type: EventType, key: string): boolean {
  return EVENT_DATA[type]?.required.includes(key) ?? false;
}

const POSITIVE = { type: "number" as const, min: 1, message: "Số tiền phải lớn hơn 0 đồng" };

function Amount({ type, name, label }: { type: EventType; name: string; label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} required={required(type, name)}>
      <Form.Item
        name={["data", name]}
        noStyle
        rules={[...(required(type, name) ? [{ required: true, message: t("step.amountRequired") }] : []), POSITIVE]}
      >
        <MoneyInput />
      </Form.Item>
      <InWords name={["data", name]} />
    </Form.Item>
  );
}

function TextField({ type, name, label, area }: { type: EventType; name: string; label: string; area?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item
      label={label}
      name={["data", name]}
      rules={required(type, name) ? [{ required: true, whitespace: true, message: t("step.required") }] : []}
    >
      {area ? <Input.TextArea rows={2} maxLength={2000} /> : <Input maxLength={200} />}
    </Form.Item>
  );
}

function Extension({ step }: { step: "verify" | "negotiation_end" }) {
  const { t } = useI18n();
  const max = cap(step);
  return (
    <>
      <Typography.Text type="secondary">
        {t(step === "verify" ? "step.extensionVerify" : "step.extensionNegotiation", { max })}
      </Typography.Text>
      <Space wrap align="start" style={{ width: "100%" }}>
        <Form.Item
          label={t("step.extensionDays")}
          name={["data", "extension_days"]}
          rules={[{ type: "number", min: 1, max, message: t("step.extensionMax", { max }) }]}
        >
          <InputNumber min={1} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          label={t("step.extensionReason")}
          name={["data", "extension_reason"]}
          style={{ minWidth: 240, flex: 1 }}
          dependencies={[["data", "extension_days"]]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                getFieldValue(["data", "extension_days"]) && !String(v ?? "").trim()
                  ? Promise.reject(new Error(t("step.extensionReasonRequired")))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input maxLength={1000} />
        </Form.Item>
      </Space>
    </>
  );
}

function DamageItems() {
  const { t, tl } = useI18n();
  return (
    <Form.Item label={t("step.items")} required>
      <Form.List
        name={["data", "items"]}
        rules={[
          {
            validator: (_, v) =>
              Array.isArray(v) && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t("step.itemsRequired"))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap style={{ width: "100%" }} data-testid="damage-item">
                <Form.Item
                  name={[f.name, "head"]}
                  rules={[{ required: true, message: t("step.headRequired") }]}
                  style={{ minWidth: 220 }}
                >
                  <Select
                    placeholder={t("step.head")}
                    options={DAMAGE_HEADS.map((h) => ({
                      value: h,
                      label: `${tl("damage", h)} (${DAMAGE_HEAD_ARTICLE[h]})`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, "description"]} style={{ minWidth: 160 }}>
                  <Input placeholder={t("step.itemDescription")} maxLength={2000} />
                </Form.Item>
                <Form.Item
                  name={[f.name, "amount"]}
                  rules={[{ required: true, message: t("step.amountRequired") }, POSITIVE]}
                  style={{ minWidth: 200 }}
                >
                  <MoneyInput />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t("step.removeItem")} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})}>
              {t("step.addItem")}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const items = (getFieldValue(["data", "items"]) ?? []) as Array<{ amount?: number } | undefined>;
          const total = items.reduce((a, i) => a + (typeof i?.amount === "number" ? i.amount : 0), 0);
          return total > 0 ? (
            <div data-testid="decision-total">
              <Typography.Text strong>
                {t("step.total")}: {group.format(total)} đồng
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">{amountInWordsVi(total)}</Typography.Text>
            </div>
          ) : null;
        }}
      </Form.Item>
    </Form.Item>
  );
}

/** Fields of the step dialog for one event type (nothing for steps that produce only a date). */
export function StepFields({ type }: { type: EventType }) {
  const { t, tl } = useI18n();
  switch (type) {
    case "received":
      return <Amount type={type} name="amount_requested" label={t("step.amountRequested")} />;
    case "officer_appointed":
      return (
        <>
          <TextField type={type} name="officer_name" label={t("step.officerName")} />
          <TextField type={type} name="officer_title" label={t("step.officerTitle")} />
          <TextField type={type} name="decision_number" label={t("step.appointmentNumber")} />
        </>
      );
    case "advance_proposed":
      return <Amount type={type} name="amount" label={t("step.advanceProposed")} />;
    case "advance_paid":
      return (
        <>
          <Amount type={type} name="amount" label={t("step.advancePaid")} />
          <TextField type={type} name="decision_number" label={t("step.decisionNumber")} />
        </>
      );
    case "verification_report_done":
      return (
        <>
          <TextField type={type} name="report_number" label={t("step.reportNumber")} />
          <Amount type={type} name="amount_verified" label={t("step.amountVerified")} />
          <Extension step="verify" />
        </>
      );
    case "negotiation_started":
      return <TextField type={type} name="venue" label={t("step.venue")} />;
    case "negotiation_ended":
      return (
        <>
          <Form.Item
            label={t("step.sessions")}
            name={["data", "sessions"]}
            rules={[{ required: true, message: t("step.required") }]}
          >
            <InputNumber min={1} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <TextField type={type} name="minutes_number" label={t("step.minutesNumber")} />
          <Amount type={type} name="amount_agreed" label={t("step.amountAgreed")} />
          <Extension step="negotiation_end" />
        </>
      );
    case "decision_issued":
      return (
        <>
          <TextField type={type} name="decision_number" label={t("step.decisionNumber")} />
          <DamageItems />
        </>
      );
    case "funds_requested":
      return (
        <>
          <Amount type={type} name="amount" label={t("step.fundsRequested")} />
          <TextField type={type} name="request_number" label={t("step.requestNumber")} />
        </>
      );
    case "funds_received":
      return (
        <>
          <Amount type={type} name="amount" label={t("step.fundsReceived")} />
          <TextField type={type} name="grant_number" label={t("step.grantNumber")} />
        </>
      );
    case "payment_notice_received":
      return (
        <>
          <TextField type={type} name="notice_number" label={t("step.noticeNumber")} />
          <TextField type={type} name="payment_place" label={t("step.paymentPlace")} area />
        </>
      );
    case "paid":
      return (
        <>
          <Amount type={type} name="amount" label={t("step.amountPaid")} />
          <Form.Item
            label={t("step.method")}
            name={["data", "method"]}
            rules={[{ required: true, message: t("step.required") }]}
          >
            <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: tl("step.method", m) }))} />
          </Form.Item>
        </>
      );
    case "council_established":
      return (
        <>
          <TextField type={type} name="decision_number" label={t("step.councilNumber")} />
          <TextField type={type} name="members" label={t("step.members")} area />
        </>
      );
    case "council_recommended":
      return <Amount type={type} name="amount" label={t("step.amountRecommended")} />;
    case "recourse_decided":
      return (
        <>
          <TextField type={type} name="decision_number" label={t("step.recourseNumber")} />
          <TextField type={type} name="official_name" label={t("step.officialName")} />
          <Amount type={type} name="amount" label={t("step.recourseAmount")} />
          <Form.Item label={t("step.instalments")} name={["data", "instalments"]}>
            <InputNumber min={1} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Amount type={type} name="recovered" label={t("step.recovered")} />
        </>
      );
    default:
      return null;
  }
}

/** Form values → event data: empty fields dropped; the amount recovered becomes a reimbursement on the step's date. */
export function stepData(
  type: EventType,
  date: string,
  values: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) continue;
    out[k] = typeof v === "string" ? v.trim() : v;
  }
  if (type === "recourse_decided" && typeof out.recovered === "number") {
    out.reimbursements = [{ date, amount: out.recovered }];
    delete out.recovered;
  }
  if (Array.isArray(out.items)) {
    out.items = (out.items as Array<Record<string, unknown>>).map((i) => {
      const item: Record<string, unknown> = { head: i.head, amount: i.amount };
      if (typeof i.description === "string" && i.description.trim()) item.description = i.description.trim();
      return item;
    });
  }
  return Object.keys(out).length ? out : undefined;
}
