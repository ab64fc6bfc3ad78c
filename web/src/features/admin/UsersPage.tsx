// Users and their roles per agency (users.manage): list, lock/unlock, create an account.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { api, type Page, showRefusal } from "../../shared/api.ts";
import { fmtDateTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";

type User = {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  active: boolean;
  must_change_password: boolean;
  created_at: string;
  memberships: Array<{ agency_id: string; role: string }>;
};
const ROLES = ["system_admin", "agency_admin", "leader", "officer", "viewer"];

export default function UsersPage() {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const name = useAgencyName();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState("");
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const allowed = can(me, "users.manage");
  const list = useQuery({
    queryKey: ["users", page, q],
    queryFn: () => api<Page<User>>("/api/users", { query: { page, page_size: 20, q } }),
    enabled: allowed,
  });
  if (!allowed) return <Alert type="info" showIcon message={t("common.noPermission")} />;
  const toggle = async (u: User, active: boolean) => {
    try {
      await api(`/api/users/${u.id}`, { method: "PATCH", body: { active } });
      await qc.invalidateQueries({ queryKey: ["users"] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const create = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    try {
      await api("/api/users", {
        method: "POST",
        body: {
          username: v.username,
          full_name: v.full_name,
          email: v.email || null,
          password: v.password,
          must_change_password: true,
          memberships: [{ agency_id: v.agency_id, role: v.role }],
        },
      });
      setCreating(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ["users"] });
      message.success(t("common.saved"));
    } catch (e) {
      showRefusal(e, setError, form, (p) => (p[0] === "memberships" ? ["agency_id"] : p));
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("admin.users")}
        </Typography.Title>
      }
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t("admin.newUser")}
        </Button>
      }
    >
      <Input.Search
        aria-label={t("common.search")}
        placeholder={t("common.searchHint")}
        allowClear
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
        style={{ width: 320, marginBottom: 12 }}
      />
      <Table<User>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        scroll={{ x: 900 }}
        columns={[
          { title: t("admin.username"), dataIndex: "username", width: 150 },
          { title: t("profile.fullName"), dataIndex: "full_name" },
          {
            title: t("admin.memberships"),
            dataIndex: "memberships",
            render: (v: User["memberships"]) =>
              v.map((m) => <Tag key={m.agency_id + m.role}>{`${tl("role", m.role)} · ${name(m.agency_id)}`}</Tag>),
          },
          { title: t("common.date"), dataIndex: "created_at", render: fmtDateTime, width: 150 },
          {
            title: t("admin.active"),
            dataIndex: "active",
            width: 110,
            render: (v: boolean, u) => (
              <Switch
                checked={v}
                aria-label={v ? t("admin.lock") : t("admin.unlock")}
                disabled={u.id === me?.user.id}
                onChange={(x) => toggle(u, x)}
              />
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t("admin.newUser")}
        onOk={create}
        onCancel={() => setCreating(false)}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ agency_id: me?.agency_id, role: "officer" }}>
          <Form.Item label={t("admin.username")} name="username" rules={[{ required: true, min: 3 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t("profile.fullName")} name="full_name" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t("admin.email")} name="email" rules={[{ type: "email" }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t("admin.initialPassword")} name="password" rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label={t("common.agency")} name="agency_id" rules={[{ required: true }]}>
            <AgencySelect />
          </Form.Item>
          <Form.Item label={t("admin.role")} name="role" rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: tl("role", r) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
