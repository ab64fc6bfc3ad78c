// "Quên mật khẩu" (issue 17): without a token, ask for the account's e-mail (the answer is the same for every
// address); with the token from the mail, set a new password once. Off when the server has no SMTP.
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, errorText } from "../../shared/api.ts";
import { useI18n } from "../../shared/i18n/index.tsx";

export function useSelfService() {
  return useQuery({
    queryKey: ["self-service"],
    queryFn: () => api<{ password_reset: boolean }>("/api/auth/self-service"),
    staleTime: 10 * 60_000,
  });
}

export default function PasswordResetPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token");
  const service = useSelfService();
  const [result, setResult] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const call = async (url: string, body: unknown, ok: (r: { message?: string }) => string) => {
    setBusy(true);
    setResult(null);
    try {
      const r = await api<{ message?: string }>(url, { method: "POST", body });
      setResult({ type: "success", text: ok(r) });
      setDone(true);
    } catch (e) {
      setResult({ type: "error", text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f5f5f5", padding: 16 }}>
      <Card style={{ width: "100%", maxWidth: 420 }}>
        <Space orientation="vertical" style={{ width: "100%" }} size="middle">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("reset.title")}
          </Typography.Title>
          {result && <Alert type={result.type} showIcon message={result.text} role="alert" />}
          {service.data && !service.data.password_reset && <Alert type="info" showIcon message={t("reset.off")} />}
          {service.data?.password_reset && !done && !token && (
            <Form
              layout="vertical"
              requiredMark={false}
              onFinish={(v: { email: string }) =>
                call("/api/auth/password-reset", v, (r) => r.message ?? t("reset.send"))
              }
            >
              <Form.Item label={t("reset.email")} name="email" rules={[{ required: true, type: "email" }]}>
                <Input type="email" autoComplete="email" autoFocus />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t("reset.send")}
              </Button>
            </Form>
          )}
          {service.data?.password_reset && !done && token && (
            <Form
              layout="vertical"
              requiredMark={false}
              onFinish={(v: { new_password: string }) =>
                call("/api/auth/password-reset/confirm", { token, new_password: v.new_password }, () => t("reset.done"))
              }
            >
              <Form.Item label={t("reset.newPassword")} name="new_password" rules={[{ required: true, min: 8 }]}>
                <Input.Password autoComplete="new-password" autoFocus />
              </Form.Item>
              <Form.Item
                label={t("reset.confirmPassword")}
                name="confirm"
                dependencies={["new_password"]}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      !v || v === getFieldValue("new_password")
                        ? Promise.resolve()
                        : Promise.reject(new Error(t("reset.mismatch"))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t("reset.submit")}
              </Button>
            </Form>
          )}
          <Link to="/login">{t("reset.back")}</Link>
        </Space>
      </Card>
    </main>
  );
}
