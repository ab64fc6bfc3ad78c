import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError, api } from "../../shared/api.ts";
import { type Lang, useI18n } from "../../shared/i18n/index.tsx";
import { useMe } from "../../shared/session.tsx";
import { useSelfService } from "./PasswordResetPage.tsx";

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const selfService = useSelfService();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = params.get("from") || "/";
  if (me.data) return <Navigate to={from.startsWith("/") ? from : "/"} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api("/api/auth/login", { method: "POST", body: v, quiet401: true });
      await qc.invalidateQueries({ queryKey: ["me"] });
      navigate(from.startsWith("/") ? from : "/", { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("login.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f5f5f5", padding: 16 }}>
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <Space orientation="vertical" style={{ width: "100%" }} size="middle">
          <div style={{ textAlign: "center" }}>
            <Typography.Title level={2} style={{ color: "#b71c1c", margin: 0 }}>
              ★ {t("app.name")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("login.subtitle")}</Typography.Text>
          </div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("login.title")}
          </Typography.Title>
          {error && <Alert type="error" showIcon message={error} role="alert" />}
          <Form layout="vertical" onFinish={submit} requiredMark={false} data-enter-submits>
            <Form.Item
              label={t("login.username")}
              name="username"
              rules={[{ required: true, message: t("login.required", { field: t("login.username").toLowerCase() }) }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t("login.password")}
              name="password"
              rules={[{ required: true, message: t("login.required", { field: t("login.password").toLowerCase() }) }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t("login.submit")}
            </Button>
          </Form>
          {/* Shown only when the server can send mail (SMTP_URL): the same switch the API uses. */}
          {selfService.data?.password_reset && <Link to="/reset-password">{t("login.forgot")}</Link>}
          <Select<Lang>
            aria-label={t("app.language")}
            value={lang}
            onChange={setLang}
            style={{ width: 140 }}
            options={[
              { value: "vi", label: "Tiếng Việt" },
              { value: "en", label: "English" },
            ]}
          />
        </Space>
      </Card>
    </main>
  );
}
