// Cải chính on the claim screen: correct or void one recorded step, or correct the claim's details (the receipt date
// is the "received" step), always with a reason. The server (POST /api/claims/:id/corrections) decides; a closed claim
// is offered only to roles holding claims.correct_closed (the agency's leader).
import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { isClosedFile } from "../../../../src/domain/claims/editing.ts";
import { EVENT_GROUNDS, type EventType } from "../../../../src/domain/claims/events.ts";
import { api, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, type Me } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";
import { StepFields, stepData } from "./StepFields.tsx";
import type { ClaimDetail, ClaimEvent } from "./types.ts";

/** Whether this user may correct this claim (the server checks again). */
export function canCorrect(me: Me | null | undefined, claim: Pick<ClaimDetail, "state">): boolean {
  return can(me, "claims.write") && (!isClosedFile(claim.state) || can(me, "claims.correct_closed"));
}

type Body = { reason: string; event?: Record<string, unknown>; fields?: Record<string, unknown>; version: number };

async function postCorrection(claimId: string, body: Body): Promise<ClaimDetail> {
  return api<ClaimDetail>(`/api/claims/${claimId}/corrections`, { method: "POST", body });
}

function ReasonField() {
  const { t } = useI18n();
  return (
    <Form.Item
      label={t("corr.reason")}
      name="reason"
      rules={[{ required: true, whitespace: true, min: 5, message: t("corr.reasonRequired") }]}
    >
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );
}

function Notes({ claim, error }: { claim: ClaimDetail; error: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t("corr.note")}</Typography.Paragraph>
      {isClosedFile(claim.state) && (
        <Alert type="warning" showIcon message={t("corr.closedNote")} style={{ marginBottom: 12 }} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
    </>
  );
}

/** Form values from a step's stored data (the reverse of stepData). */
function formData(type: string, data: unknown): Record<string, unknown> | undefined {
  if (!data || typeof data !== "object") return undefined;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  if (type === "recourse_decided" && Array.isArray(out.reimbursements)) {
    const first = (out.reimbursements as Array<{ amount?: number }>)[0];
    if (first?.amount) out.recovered = first.amount;
    delete out.reimbursements;
  }
  return out;
}

/** Correct (date, ground, facts, note) or void one recorded step, with a reason. */
export function StepCorrectionModal({
  claim,
  event,
  mode,
  onClose,
}: {
  claim: ClaimDetail;
  event: ClaimEvent;
  mode: "correct" | "void";
  onClose: (changed: boolean) => void;
}) {
  const { t, tl } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    date: Dayjs;
    ground?: string;
    note?: string;
    data?: Record<string, unknown>;
    reason: string;
  }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const type = event.type as EventType;
  const grounds = EVENT_GROUNDS[type];
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const date = v.date?.format("YYYY-MM-DD") ?? event.date;
      const correction: Record<string, unknown> = { event_id: event.id, action: mode };
      if (mode === "correct") {
        correction.date = date;
        correction.ground = v.ground || null;
        correction.note = v.note?.trim() || null;
        correction.data = stepData(type, date, v.data) ?? null;
      }
      await postCorrection(claim.id, { reason: v.reason.trim(), event: correction, version: claim.version });
      message.success(t("corr.done"));
      onClose(true);
    } catch (e) {
      showRefusal(e, setError, form, (path) => {
        const p = path[0] === "event" ? path.slice(1) : path;
        return ["date", "ground", "note", "data", "reason"].includes(String(p[0])) ? p : null;
      });
    } finally {
      setBusy(false);
    }
  };
  const label = tl("event", event.type);
  return (
    <Modal
      open
      title={t(mode === "void" ? "corr.voidTitle" : "corr.stepTitle", { label })}
      onOk={submit}
      okText={t(mode === "void" ? "corr.void" : "corr.correct")}
      okButtonProps={{ danger: mode === "void" }}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Notes claim={claim} error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          date: dayjs(event.date),
          ground: event.ground ?? undefined,
          note: event.note ?? undefined,
          data: formData(event.type, event.data),
        }}
      >
        {mode === "correct" && (
          <>
            <Form.Item label={t("claims.eventDate")} name="date" rules={[{ required: true }]}>
              <DateInput format="DD/MM/YYYY" style={{ width: "100%" }} />
            </Form.Item>
            <StepFields type={type} />
            {grounds && (
              <Form.Item label={t("claims.ground")} name="ground">
                <Select
                  allowClear
                  options={Object.entries(grounds).map(([g, d]) => ({ value: g, label: `${g}) ${d.label}` }))}
                />
              </Form.Item>
            )}
            <Form.Item label={t("common.note")} name="note">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        <ReasonField />
      </Form>
    </Modal>
  );
}

type FieldValues = {
  received_on?: Dayjs;
  claimant_name?: string;
  claimant_address?: string;
  claimant_phone?: string;
  summary?: string;
  amount_requested?: number | null;
  reason: string;
};

const TEXT_FIELDS = ["claimant_name", "claimant_address", "claimant_phone", "summary"] as const;
const PERSONAL = new Set<string>(["claimant_address", "claimant_phone"]);

/**
 * Correct the claim's details with a reason. A new receipt date is a correction of the "received" step (sent first);
 * the other fields go in one correction of the claim.
 */
export function FieldsCorrectionModal({ claim, onClose }: { claim: ClaimDetail; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FieldValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const received = claim.events.find((e) => e.type === "received");
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const reason = v.reason.trim();
    const fields: Record<string, unknown> = {};
    for (const k of TEXT_FIELDS) {
      if (claim.masked && PERSONAL.has(k)) continue;
      const now = v[k]?.trim() || null;
      if (now !== (claim[k] ?? null)) fields[k] = k === "claimant_name" ? (now ?? "") : now;
    }
    if ((v.amount_requested ?? null) !== (claim.amount_requested ?? null))
      fields.amount_requested = v.amount_requested ?? null;
    const newDate = v.received_on?.format("YYYY-MM-DD");
    const dateChanged = !!received && !!newDate && newDate !== received.date;
    if (!dateChanged && Object.keys(fields).length === 0) {
      setError(t("corr.noChange"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let version = claim.version;
      if (dateChanged && received) {
        const r = await postCorrection(claim.id, {
          reason,
          event: { event_id: received.id, action: "correct", date: newDate },
          version,
        });
        version = r.version;
      }
      if (Object.keys(fields).length > 0) await postCorrection(claim.id, { reason, fields, version });
      message.success(t("corr.done"));
      onClose(true);
    } catch (e) {
      showRefusal(e, setError, form, (p) => (p[0] === "event" ? ["received_on"] : p[0] === "fields" ? p.slice(1) : p));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t("corr.fields")} ${claim.code}`}
      onOk={submit}
      okText={t("corr.correct")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Notes claim={claim} error={error} />
      <Form<FieldValues>
        form={form}
        layout="vertical"
        initialValues={{
          received_on: received ? dayjs(received.date) : undefined,
          claimant_name: claim.claimant_name,
          claimant_address: claim.claimant_address ?? undefined,
          claimant_phone: claim.claimant_phone ?? undefined,
          summary: claim.summary ?? undefined,
          amount_requested: claim.amount_requested,
        }}
      >
        <Form.Item label={t("claims.received")} name="received_on" extra={t("corr.receivedHint")}>
          <DateInput format="DD/MM/YYYY" style={{ width: "100%" }} disabled={!received} />
        </Form.Item>
        <Form.Item label={t("claims.claimantName")} name="claimant_name" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          label={t("claims.phone")}
          name="claimant_phone"
          extra={claim.masked ? t("corr.personalHidden") : undefined}
        >
          <Input maxLength={30} disabled={claim.masked} />
        </Form.Item>
        <Form.Item
          label={t("claims.address")}
          name="claimant_address"
          extra={claim.masked ? t("corr.personalHidden") : undefined}
        >
          <Input maxLength={500} disabled={claim.masked} />
        </Form.Item>
        <Form.Item label={t("claims.amountRequested")} name="amount_requested">
          <InputNumber<number>
            min={1}
            precision={0}
            style={{ width: "100%" }}
            addonAfter="đồng"
            formatter={(x) =>
              x === undefined || x === null || `${x}` === "" ? "" : String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ".")
            }
            parser={(x) => Number((x ?? "").replace(/\D/g, "")) as number}
          />
        </Form.Item>
        <Form.Item label={t("claims.summary")} name="summary">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <ReasonField />
      </Form>
    </Modal>
  );
}
