// A new request: kind, sender, receiver, topic and the situation the server routes it by (KH 2021 rules).
import { Alert, Checkbox, Form, Input, Modal, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { REQUEST_KINDS } from "../../../../src/domain/routing/situation.ts";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { api, showRefusal } from "../../shared/api.ts";
import { DateInput } from "../../shared/DateInput.tsx";
import { todayVnDayjs } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useMe } from "../../shared/session.tsx";
import { useUnsavedChanges } from "../../shared/useUnsavedChanges.ts";
import { validValues } from "../../shared/valid-values.ts";
import type { RequestRow } from "./types.ts";

type NewValues = {
  kind: string;
  from_agency_id: string;
  to_agency_id: string;
  topic: string;
  due?: Dayjs | null;
  topic_area: "compensation" | "enforcement";
  guided?: boolean;
};

export function NewRequestModal({ onClose }: { onClose: (created: RequestRow | null) => void }) {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const [form] = Form.useForm<NewValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What was typed is not lost silently to a reload, Back or Cancel.
  const { changed, saved, confirmLeave } = useUnsavedChanges();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<RequestRow>("/api/requests", {
        method: "POST",
        body: {
          kind: v.kind,
          from_agency_id: v.from_agency_id,
          to_agency_id: v.to_agency_id,
          topic: v.topic,
          due: v.due ? v.due.format("YYYY-MM-DD") : null,
          situation: { topic: v.topic_area, prior: { guided_by_province: !!v.guided } },
        },
      });
      saved();
      onClose(r);
    } catch (e) {
      showRefusal(e, setError, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t("requests.new")}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onCancel={() => confirmLeave(() => onClose(null))}
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={changed}
        initialValues={{ kind: "guidance", from_agency_id: me?.agency_id, topic_area: "compensation", guided: false }}
      >
        <Form.Item label={t("requests.kind")} name="kind" rules={[{ required: true }]}>
          <Select options={REQUEST_KINDS.map((k) => ({ value: k, label: tl("kind", k) }))} />
        </Form.Item>
        <Form.Item label={t("requests.from")} name="from_agency_id" rules={[{ required: true }]}>
          <AgencySelect />
        </Form.Item>
        <Form.Item label={t("requests.to")} name="to_agency_id" rules={[{ required: true }]}>
          <AgencySelect scoped={false} />
        </Form.Item>
        <Form.Item label={t("requests.topic")} name="topic" rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t("requests.topicArea")} name="topic_area">
          <Radio.Group
            options={[
              { value: "compensation", label: t("requests.topicCompensation") },
              { value: "enforcement", label: t("requests.topicEnforcement") },
            ]}
          />
        </Form.Item>
        <Form.Item name="guided" valuePropName="checked">
          <Checkbox>{t("requests.guided")}</Checkbox>
        </Form.Item>
        {/* A deadline already past when the request is sent would make it overdue on arrival. */}
        <Form.Item
          label={t("requests.due")}
          name="due"
          rules={[
            {
              validator: async (_, d?: Dayjs | null) => {
                if (d?.isBefore(todayVnDayjs(), "day")) throw new Error(t("requests.duePast"));
              },
            },
          ]}
        >
          <DateInput format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
