// Tools of the work lists (requests, tasks, claims — issue 11 item 6): the "due soon" view, the user's saved filters
// (stored on the server, applied from a dropdown, deletable) and the bulk bar for the selected rows — giao việc to an
// officer of the agency, mark read, export the selection (XLSX through /api/exports/* with `ids`). The server checks
// every id and refuses the whole action naming the bad one; the message is shown as it comes.
import { DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import { api, errorText } from "./api.ts";
import { ExportButton } from "./ExportButton.tsx";
import { useI18n } from "./i18n/index.tsx";
import { can, useMe } from "./session.tsx";
import { validValues } from "./valid-values.ts";

export type WorkList = "requests" | "tasks" | "claims";
type Query = Record<string, string | undefined>;
type SavedFilter = { id: string; name: string; query: Record<string, string> };

/** "Hạn xử lý": every due date / due within 5 working days / overdue (the list's `due` parameter). */
export function DueSelect({ value, onChange }: { value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t("lists.due")}
      value={value ?? ""}
      onChange={(v) => onChange(v || undefined)}
      style={{ width: 230 }}
      options={[
        { value: "", label: t("lists.dueAll") },
        { value: "soon", label: t("lists.dueSoon") },
        { value: "overdue", label: t("lists.dueOverdue") },
      ]}
    />
  );
}

/** The user's saved filters of a list: apply one, save the current filters under a name, delete the chosen one. */
export function SavedFilters({
  list,
  current,
  onApply,
}: {
  list: WorkList;
  current: Query;
  onApply: (q: Record<string, string>) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ["saved-filters", list];
  const saved = useQuery({
    queryKey: key,
    queryFn: () => api<SavedFilter[]>("/api/saved-filters", { query: { list } }),
  });
  const [chosen, setChosen] = useState<string | undefined>();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const query = Object.fromEntries(Object.entries(current).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
  return (
    <Space wrap size={4}>
      <Select
        aria-label={t("lists.saved")}
        placeholder={t("lists.saved")}
        value={chosen}
        allowClear
        onClear={() => setChosen(undefined)}
        onChange={(id) => {
          setChosen(id);
          const f = saved.data?.find((x) => x.id === id);
          if (f) onApply(f.query);
        }}
        style={{ width: 200 }}
        options={(saved.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
      />
      {chosen && (
        <Button
          aria-label={t("lists.deleteFilter")}
          title={t("lists.deleteFilter")}
          icon={<DeleteOutlined />}
          onClick={async () => {
            try {
              await api(`/api/saved-filters/${chosen}`, { method: "DELETE" });
              setChosen(undefined);
              await qc.invalidateQueries({ queryKey: key });
              message.success(t("lists.filterDeleted"));
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        />
      )}
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)}>
        {t("lists.saveFilter")}
      </Button>
      <Modal
        open={naming}
        title={t("lists.saveFilter")}
        okText={t("lists.saveFilter")}
        cancelText={t("common.cancel")}
        destroyOnHidden
        onCancel={() => setNaming(false)}
        onOk={async () => {
          const values = await validValues(form);
          if (!values) return;
          const { name } = values;
          try {
            const f = await api<SavedFilter>("/api/saved-filters", { method: "PUT", body: { list, name, query } });
            await qc.invalidateQueries({ queryKey: key });
            setChosen(f.id);
            setNaming(false);
            message.success(t("lists.filterSaved", { name: f.name }));
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={t("lists.filterName")}
            rules={[{ required: true, whitespace: true, message: t("lists.filterNameRequired") }]}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

type Assignee = { id: string; full_name: string };

/** Bulk actions on the selected rows; `onDone` clears the selection after a write. */
export function BulkBar({
  list,
  ids,
  exportPath,
  exportQuery,
  exportable = true,
  onDone,
}: {
  list: WorkList;
  ids: string[];
  exportPath: string;
  exportQuery?: Query;
  /** The role may export this list (claims: claims.export). */
  exportable?: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const me = useMe().data;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [assigning, setAssigning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ assignee_id: string; reason?: string }>();
  const people = useQuery({
    queryKey: ["assignees"],
    queryFn: () => api<Assignee[]>("/api/inbox/assignees"),
    enabled: assigning,
  });
  if (!ids.length) return null;
  const refresh = () =>
    Promise.all(
      ["inbox", "notifications", "requests", "task-instances", "claims"].map((k) =>
        qc.invalidateQueries({ queryKey: [k] }),
      ),
    );
  return (
    <Space wrap data-testid="bulk-bar" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t("lists.selected", { n: ids.length })}</Typography.Text>
      {can(me, "requests.write") && <Button onClick={() => setAssigning(true)}>{t("lists.assignSelected")}</Button>}
      <Button
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const r = await api<{ notifications: number }>("/api/bulk/mark-read", {
              method: "POST",
              body: { list, ids },
            });
            message.success(t("lists.markedRead", { n: r.notifications }));
            await refresh();
            onDone();
          } catch (e) {
            message.error(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("lists.markRead")}
      </Button>
      {exportable && (
        <ExportButton
          path={exportPath}
          query={{ ...exportQuery, ids: ids.join(",") }}
          label={t("lists.exportSelected")}
        />
      )}
      <Button type="link" onClick={onDone}>
        {t("lists.clearSelection")}
      </Button>
      <Modal
        open={assigning}
        title={t("lists.assignSelected")}
        okText={t("inbox.assignOk")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setAssigning(false)}
        onOk={async () => {
          const v = await validValues(form);
          if (!v) return;
          setBusy(true);
          try {
            const r = await api<{ changed: number }>("/api/bulk/assign", {
              method: "POST",
              body: { list, ids, assignee_id: v.assignee_id, reason: v.reason || null },
            });
            message.success(r.changed ? t("lists.assignedN", { n: r.changed }) : t("lists.assignUnchanged"));
            setAssigning(false);
            await refresh();
            onDone();
          } catch (e) {
            message.error(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Typography.Paragraph>{t("lists.selected", { n: ids.length })}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="assignee_id"
            label={t("inbox.assignee")}
            rules={[{ required: true, message: t("inbox.assigneeRequired") }]}
          >
            <Select
              aria-label={t("inbox.assignee")}
              showSearch
              optionFilterProp="label"
              loading={people.isLoading}
              options={(people.data ?? []).map((p) => ({ value: p.id, label: p.full_name }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t("inbox.reason")}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
