import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Tag } from "antd";
import { ApiError, api, issuePath } from "../../shared/api.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useAgencyName, useMe } from "../../shared/session.tsx";
import { MailSettingsCard } from "./MailSettingsCard.tsx";

export default function ProfilePage() {
  const { t, tl } = useI18n();
  const me = useMe().data!;
  const agencyName = useAgencyName();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();

  const change = async (v: { current_password: string; new_password: string }) => {
    try {
      await api("/api/auth/password", {
        method: "POST",
        body: { current_password: v.current_password, new_password: v.new_password },
      });
      form.resetFields();
      message.success(t("password.done"));
      // Everything: reads refused while the password had to be changed (403 must_change_password) are fetched again.
      await qc.invalidateQueries();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: issuePath(i.path), errors: [i.message] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t("profile.title")}>
          {me.user.must_change_password && (
            <Alert type="warning" showIcon message={t("profile.mustChange")} style={{ marginBottom: 12 }} />
          )}
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t("login.username")}>{me.user.username}</Descriptions.Item>
            <Descriptions.Item label={t("profile.fullName")}>{me.user.full_name}</Descriptions.Item>
            <Descriptions.Item label={t("profile.agency")}>{agencyName(me.agency_id)}</Descriptions.Item>
            <Descriptions.Item label={t("profile.roles")}>
              {me.roles.map((r) => (
                <Tag key={r}>{tl("role", r)}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t("profile.scope")}>
              {me.scope === "all" ? t("profile.scopeAll") : t("profile.scopeCount", { n: me.scope.length })}
            </Descriptions.Item>
            <Descriptions.Item label={t("profile.permissions")}>
              {me.permissions.map((p) => (
                <Tag key={p} color="blue">
                  {tl("permission", p)}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t("password.title")}>
          <Form form={form} layout="vertical" onFinish={change}>
            <Form.Item label={t("password.current")} name="current_password" rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item label={t("password.new")} name="new_password" rules={[{ required: true, min: 8 }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t("password.confirm")}
              name="confirm"
              dependencies={["new_password"]}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_r, v) =>
                    !v || v === getFieldValue("new_password")
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("password.mismatch"))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t("password.submit")}
            </Button>
          </Form>
        </Card>
        <MailSettingsCard />
      </Col>
    </Row>
  );
}
