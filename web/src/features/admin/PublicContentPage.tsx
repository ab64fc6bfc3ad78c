// Nội dung cổng công dân: the Cục BTNN edits the public portal's sections and FAQ (each save is a new version, with
// who and when; the previous text stays in the history and the audit trail). The text format is the portal's: blank
// line between paragraphs, "- " at the start of a bullet line.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import type { ContentItem as Item } from "../../../../src/http/contracts/public-content.ts";
import { ApiError, api, issuePath } from "../../shared/api.ts";
import { fmtDateTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";

type FormValues = Omit<Item, "version" | "updated_at" | "updated_by" | "sources"> & { sources: string };

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);

export default function PublicContentPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Item | "new" | null>(null);
  const [form] = Form.useForm<FormValues>();
  const allowed = can(me, "public_content.manage") && me?.scope === "all";
  const q = useQuery({
    queryKey: ["admin-public-content"],
    queryFn: () => api<Item[]>("/api/admin/public-content"),
    enabled: allowed,
  });
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const key = editing === "new" ? `${v.page}.${slug(v.title)}` : (editing as Item).key;
      const version = editing === "new" ? 0 : (editing as Item).version;
      return api<Item>(`/api/admin/public-content/${encodeURIComponent(key)}`, {
        method: "PUT",
        body: {
          page: v.page,
          position: v.position,
          title: v.title,
          body: v.body,
          sources: v.sources
            .split("\n")
            .map((s) => s.trim())
            .filter(Boolean),
          unverified: !!v.unverified,
          hidden: !!v.hidden,
          version,
        },
      });
    },
    onSuccess: () => {
      message.success(t("publicContent.saved"));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ["admin-public-content"] });
      void qc.invalidateQueries({ queryKey: ["public-content"] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: issuePath(i.path) as never, errors: [i.message] })));
      message.error(e instanceof Error ? e.message : String(e));
    },
  });

  if (!allowed)
    return (
      <Card>
        <Typography.Paragraph>{t("publicContent.forbidden")}</Typography.Paragraph>
      </Card>
    );

  const open = (item: Item | "new") => {
    setEditing(item);
    form.setFieldsValue(
      item === "new"
        ? { page: "faq", position: 100, title: "", body: "", sources: "", unverified: false, hidden: false }
        : { ...item, sources: item.sources.join("\n") },
    );
  };

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.publicContent")}
        </Typography.Title>
      }
      extra={
        <Space>
          <a href="/cong-dan" target="_blank" rel="noreferrer">
            {t("publicContent.view")}
          </a>
          <Button type="primary" onClick={() => open("new")}>
            {t("publicContent.add")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("publicContent.help")}</Typography.Paragraph>
      <Table<Item>
        size="small"
        rowKey="key"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t("publicContent.page"),
            dataIndex: "page",
            width: 100,
            render: (v: string) => t(v === "home" ? "publicContent.home" : "publicContent.faq"),
          },
          {
            title: t("publicContent.title"),
            dataIndex: "title",
            render: (v: string, r) => (
              <Space size={4} wrap>
                {v}
                {r.hidden && <Tag>{t("publicContent.hidden")}</Tag>}
                {r.unverified && <Tag color="orange">{t("publicContent.unverified")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("publicContent.version"),
            dataIndex: "version",
            width: 90,
            render: (v: number) => (v === 0 ? t("publicContent.default") : v),
          },
          {
            title: t("publicContent.updated"),
            width: 220,
            render: (_: unknown, r) => (r.updated_at ? `${fmtDateTime(r.updated_at)} — ${r.updated_by ?? ""}` : "—"),
          },
          {
            title: "",
            width: 90,
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => open(r)} aria-label={`${t("common.edit")}: ${r.title}`}>
                {t("common.edit")}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        width={720}
        title={editing === "new" ? t("publicContent.add") : t("common.edit")}
        destroyOnHidden
      >
        <Form<FormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="page" label={t("publicContent.page")} rules={[{ required: true }]}>
            <Select
              disabled={editing !== "new"}
              options={[
                { value: "home", label: t("publicContent.home") },
                { value: "faq", label: t("publicContent.faq") },
              ]}
            />
          </Form.Item>
          <Form.Item name="position" label={t("publicContent.position")} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="title" label={t("publicContent.title")} rules={[{ required: true, min: 3 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="body"
            label={t("publicContent.body")}
            extra={t("publicContent.format")}
            rules={[{ required: true, min: 10 }]}
          >
            <Input.TextArea rows={12} maxLength={8000} />
          </Form.Item>
          <Form.Item name="sources" label={t("publicContent.sources")} extra={t("publicContent.sourcesHelp")}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="unverified" valuePropName="checked">
            <Checkbox>{t("publicContent.unverifiedLabel")}</Checkbox>
          </Form.Item>
          <Form.Item name="hidden" valuePropName="checked">
            <Checkbox>{t("publicContent.hiddenLabel")}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      </Drawer>
    </Card>
  );
}
