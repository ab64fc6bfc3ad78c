// "Việc của tôi": the first screen after login. What this agency (or, under "Giao cho tôi", this person) must do, by
// due date in groups — overdue, due within 5 working days, later, waiting on others — each linking to the screen where
// it is done, with giao việc (assign / reassign with a reason). The overview (dashboard) follows below it.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, errorText } from "../../shared/api.ts";
import { fmtDate } from "../../shared/format.ts";
import { type MessageKey, useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";
import DashboardPage from "../dashboard/DashboardPage.tsx";
import { type InboxItem, useInbox } from "./inbox.ts";

const GROUPS = ["overdue", "due_soon", "later", "waiting"] as const;
const GROUP_COLOR: Record<(typeof GROUPS)[number], string> = {
  overdue: "red",
  due_soon: "orange",
  later: "blue",
  waiting: "default",
};

type Assignee = { id: string; full_name: string; username: string };

function AssignModal({ item, onClose }: { item: InboxItem; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assignee_id: string; reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const people = useQuery({ queryKey: ["assignees"], queryFn: () => api<Assignee[]>("/api/inbox/assignees") });
  const history = useQuery({
    queryKey: ["assignments", item.kind, item.id],
    queryFn: () =>
      api<Array<{ id: string; assignee_name: string; reason: string | null; created_at: string }>>(
        "/api/inbox/assignments",
        { query: { kind: item.kind, id: item.id } },
      ),
  });
  const reassign = !!item.assignee_id;
  return (
    <Modal
      open
      title={t(reassign ? "inbox.reassign" : "inbox.assign")}
      okText={t("inbox.assignOk")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        setBusy(true);
        setError(null);
        try {
          await api("/api/inbox/assign", { method: "POST", body: { kind: item.kind, id: item.id, ...v } });
          message.success(t("inbox.assigned"));
          await qc.invalidateQueries({ queryKey: ["inbox"] });
          onClose();
        } catch (e) {
          setError(errorText(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph>{item.title}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ assignee_id: item.assignee_id ?? undefined }}>
        <Form.Item
          name="assignee_id"
          label={t("inbox.assignee")}
          rules={[{ required: true, message: t("inbox.assigneeRequired") }]}
        >
          <Select
            aria-label={t("inbox.assignee")}
            showSearch
            optionFilterProp="label"
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.full_name }))}
          />
        </Form.Item>
        {reassign && (
          <Form.Item
            name="reason"
            label={t("inbox.reason")}
            rules={[{ required: true, whitespace: true, message: t("inbox.reasonRequired") }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
      {!!history.data?.length && (
        <>
          <Typography.Text strong>{t("inbox.history")}</Typography.Text>
          <ul data-testid="assign-history">
            {history.data.map((h) => (
              <li key={h.id}>
                {fmtDate(h.created_at)} — {h.assignee_name}
                {h.reason ? ` (${h.reason})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}

function InboxTable({ mine }: { mine: boolean }) {
  const { t } = useI18n();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const q = useInbox(mine);
  const people = useQuery({
    queryKey: ["assignees"],
    queryFn: () => api<Assignee[]>("/api/inbox/assignees"),
    enabled: !!q.data?.items.some((i) => i.assignee_id),
  });
  const nameOf = (id: string | null) => (id ? (people.data?.find((p) => p.id === id)?.full_name ?? "…") : "");
  const [assigning, setAssigning] = useState<InboxItem | null>(null);
  const [group, setGroup] = useState<string>("all");
  // Finding one item among many (a receipt code, a claim number, a topic): the list is already loaded, so it filters here.
  const [needle, setNeedle] = useState("");
  if (q.error) return <Alert type="error" message={(q.error as Error).message} />;
  const words = needle.trim().toLocaleLowerCase("vi").replace(/-/g, "");
  const items = (q.data?.items ?? []).filter(
    (i) =>
      (group === "all" || i.status === group) &&
      (!words || i.title.toLocaleLowerCase("vi").replace(/-/g, "").includes(words)),
  );
  const count = (g: (typeof GROUPS)[number]) =>
    g === "waiting" ? (q.data?.items ?? []).filter((i) => i.status === "waiting").length : (q.data?.counts[g] ?? 0);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t("inbox.group")}
          value={group}
          onChange={setGroup}
          style={{ width: 260 }}
          options={[
            { value: "all", label: t("inbox.all") },
            ...GROUPS.map((g) => ({ value: g, label: `${t(`inbox.g.${g}` as MessageKey)} (${count(g)})` })),
          ]}
        />
        <Input.Search
          aria-label={t("inbox.search")}
          placeholder={t("inbox.search")}
          allowClear
          style={{ width: 260 }}
          onSearch={setNeedle}
          onChange={(e) => setNeedle(e.target.value)}
        />
        {GROUPS.map((g) => (
          <Tag key={g} color={GROUP_COLOR[g]} data-testid={`count-${g}`}>
            {t(`inbox.g.${g}` as MessageKey)}: {count(g)}
          </Tag>
        ))}
      </Space>
      <Table<InboxItem>
        size="small"
        rowKey={(r) => `${r.kind}:${r.id}`}
        loading={q.isLoading}
        dataSource={items}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t(mine ? "inbox.emptyMine" : "inbox.empty")} /> }}
        columns={[
          {
            title: t("common.due"),
            dataIndex: "due",
            width: 110,
            render: (v: string | null, r) => (
              <Tag color={GROUP_COLOR[r.status]}>{v ? fmtDate(v) : t("inbox.noDue")}</Tag>
            ),
          },
          {
            title: t("inbox.work"),
            dataIndex: "title",
            render: (v: string, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={r.url}>{v}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`inbox.k.${r.kind}` as MessageKey)}
                  {r.from_agency_id ? ` · ${agencyName(r.from_agency_id)}` : ""}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t("inbox.assignee"),
            width: 200,
            render: (_: unknown, r) =>
              r.status === "waiting" ? null : (
                <Space>
                  {r.assignee_id && <span data-testid="assignee">{nameOf(r.assignee_id)}</span>}
                  {can(me, "requests.write") && (
                    <Button size="small" onClick={() => setAssigning(r)}>
                      {t(r.assignee_id ? "inbox.reassign" : "inbox.assign")}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {assigning && <AssignModal item={assigning} onClose={() => setAssigning(null)} />}
    </>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  const agency = useInbox(false);
  const mine = useInbox(true);
  const urgent = (agency.data?.counts.overdue ?? 0) + (agency.data?.counts.due_soon ?? 0);
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="large">
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("inbox.title")}
          </Typography.Title>
        }
      >
        <Tabs
          items={[
            {
              key: "agency",
              label: (
                <Badge count={urgent} size="small" offset={[8, 0]}>
                  {t("inbox.agency")}
                </Badge>
              ),
              children: <InboxTable mine={false} />,
            },
            {
              key: "mine",
              label: (
                <Badge count={mine.data?.items.length ?? 0} size="small" offset={[8, 0]} color="blue">
                  {t("inbox.mine")}
                </Badge>
              ),
              children: <InboxTable mine />,
            },
          ]}
        />
      </Card>
      <DashboardPage />
    </Space>
  );
}
