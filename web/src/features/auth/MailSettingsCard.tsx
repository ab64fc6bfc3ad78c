// The user's choice of notification mail: each event, a daily digest at 07:00, or none. Says so when the server has
// no mail configured (SMTP_URL unset).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Radio } from "antd";
import { ApiError, api, issuePath } from "../../shared/api.ts";
import { useI18n } from "../../shared/i18n/index.tsx";

type Settings = { mode: "each" | "digest" | "none"; email: string | null; mail_enabled: boolean };

export function MailSettingsCard() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ mode: Settings["mode"]; email?: string }>();
  const q = useQuery({
    queryKey: ["notification-settings"],
    queryFn: () => api<Settings>("/api/notifications/settings"),
  });
  if (!q.data) return null;
  const s = q.data;
  return (
    <Card title={t("mail.title")} style={{ marginTop: 16 }}>
      {!s.mail_enabled && <Alert type="info" showIcon message={t("mail.off")} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!s.mail_enabled}
        initialValues={{ mode: s.mode, email: s.email ?? "" }}
        onFinish={async (v) => {
          try {
            await api("/api/notifications/settings", {
              method: "PUT",
              body: { mode: v.mode, email: v.email ? v.email : null },
            });
            message.success(t("mail.saved"));
            await qc.invalidateQueries({ queryKey: ["notification-settings"] });
          } catch (e) {
            if (e instanceof ApiError)
              form.setFields(e.issues.map((i) => ({ name: issuePath(i.path), errors: [i.message] })) as never);
            message.error((e as Error).message);
          }
        }}
      >
        <Form.Item name="mode" label={t("mail.mode")}>
          <Radio.Group
            options={[
              { value: "each", label: t("mail.each") },
              { value: "digest", label: t("mail.digest") },
              { value: "none", label: t("mail.none") },
            ]}
          />
        </Form.Item>
        <Form.Item name="email" label={t("mail.email")}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
