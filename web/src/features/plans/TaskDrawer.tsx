// The task drawer of the plan board: a task's content, timing and basis, its occurrences with status, the
// coordinating agencies' parts, evidence files and comments stored on the server; unsaved text asks before closing.
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from "antd";
import { createContext, useCallback, useContext, useRef, useState } from "react";
import { Link } from "react-router";
import { DOCUMENT_ACCEPT } from "../../../../src/domain/files/allowed-types.ts";
import { api, errorText, uploadFile } from "../../shared/api.ts";
import { fmtDate, fmtDateTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { useUnsavedChanges } from "../../shared/useUnsavedChanges.ts";
import type { Training } from "../trainings/TrainingsPage.tsx";
import { type Contribution, INSTANCE_STATUSES, type PlanTask, type TaskInstance } from "./types.ts";

/** Inputs of the task drawer report whether they hold unsaved text (key per input), so closing the drawer, Back,
 * reload or a menu click asks first. */
const DraftContext = createContext<(key: string, dirty: boolean) => void>(() => {});
export const STATUS_COLOR: Record<string, string> = {
  pending: "default",
  in_progress: "processing",
  done: "success",
  overdue: "error",
  cancelled: "default",
};

type StoredFile = { id: string; file_name: string; size: number; created_at: string };
type Comment = { id: string; body: string; created_at: string };
type InstanceDetail = { comments: Comment[]; evidence_files: StoredFile[] };

/**
 * Every write returns the occurrence's new version; it goes straight into the cached list, so the user's next change
 * sends the version they last received (never a self-conflict while the list is still refetching).
 */
function useRecordVersion() {
  const qc = useQueryClient();
  return (id: string, version: number) =>
    qc.setQueriesData<TaskInstance[]>({ queryKey: ["task-instances"] }, (old) =>
      Array.isArray(old) ? old.map((x) => (x.id === id && x.version < version ? { ...x, version } : x)) : old,
    );
}

/** Comments and evidence files of one task occurrence, stored on the server (nothing is kept only in the browser). */
function InstanceActivity({
  instance,
  writable,
  onVersion,
}: {
  instance: TaskInstance;
  writable: boolean;
  onVersion: (id: string, version: number) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [comment, setComment] = useState("");
  const draft = useContext(DraftContext);
  const [busy, setBusy] = useState(false);
  const key = ["task-instance", instance.id];
  const detail = useQuery({ queryKey: key, queryFn: () => api<InstanceDetail>(`/api/task-instances/${instance.id}`) });
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: key });
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const upload = (f: File) =>
    run(async () => {
      const b = await uploadFile<{ task_version?: number }>(`/api/task-instances/${instance.id}/evidence`, f);
      if (b.task_version) onVersion(instance.id, b.task_version);
      await qc.invalidateQueries({ queryKey: ["task-instances"] });
    });
  const files = detail.data?.evidence_files ?? [];
  const comments = detail.data?.comments ?? [];
  return (
    <>
      <Typography.Text strong style={{ display: "block" }}>
        {t("plans.evidence")}
      </Typography.Text>
      <List
        size="small"
        loading={detail.isLoading}
        dataSource={[
          ...files.map((f) => ({ at: f.created_at, key: f.id, file: f, text: "" })),
          ...comments.map((c) => ({ at: c.created_at, key: c.id, file: null as StoredFile | null, text: c.body })),
        ].sort((x, y) => (x.at < y.at ? -1 : 1))}
        locale={{ emptyText: t("common.none") }}
        renderItem={(n) => (
          <List.Item key={n.key}>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtDateTime(n.at)}
              </Typography.Text>
              <div>
                {n.file && (
                  <a href={`/api/attachments/${n.file.id}`}>
                    <Tag
                      icon={<PaperClipOutlined />}
                    >{`${n.file.file_name} (${Math.ceil(n.file.size / 1024)} KB)`}</Tag>
                  </a>
                )}
                {n.text}
              </div>
            </div>
          </List.Item>
        )}
      />
      {writable && (
        <Space.Compact style={{ width: "100%", marginTop: 8 }}>
          <Input
            aria-label={t("plans.comment")}
            placeholder={t("plans.comment")}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              draft(`comment:${instance.id}`, !!e.target.value.trim());
            }}
          />
          <Upload
            accept={DOCUMENT_ACCEPT}
            showUploadList={false}
            beforeUpload={(f) => {
              upload(f);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={busy}
              disabled={!instance.is_lead}
              aria-label={t("plans.attach")}
              title={instance.is_lead ? t("plans.attach") : t("plans.leadOnly")}
            />
          </Upload>
          <Button
            type="primary"
            loading={busy}
            disabled={!comment.trim()}
            onClick={() =>
              run(async () => {
                await api(`/api/task-instances/${instance.id}/comments`, {
                  method: "POST",
                  body: { body: comment.trim() },
                });
                setComment("");
                draft(`comment:${instance.id}`, false);
              })
            }
          >
            {t("plans.addComment")}
          </Button>
        </Space.Compact>
      )}
    </>
  );
}

function LinkedActivities({ items }: { items: Training[] }) {
  const { t } = useI18n();
  const agencyName = useAgencyName();
  if (!items.length) return null;
  return (
    <div data-testid="linked-activities" style={{ marginBottom: 8 }}>
      <Typography.Text strong style={{ display: "block" }}>
        {t("plans.linkedActivities")}
      </Typography.Text>
      <List
        size="small"
        dataSource={items}
        renderItem={(x) => (
          <List.Item key={x.id}>
            <div>
              <Link to="/trainings">{x.title}</Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${fmtDate(x.date)} · ${agencyName(x.organiser_agency_id)}${
                    x.co_organiser_agency_ids.length
                      ? ` + ${x.co_organiser_agency_ids.map((a) => agencyName(a)).join(", ")}`
                      : ""
                  } · ${t("trainings.participants")}: ${x.participants}`}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}

/** Coordinating agencies of one occurrence, each with its own status and note; the acting agency edits its own row. */
function Contributions({ instance, writable, task }: { instance: TaskInstance; writable: boolean; task: PlanTask }) {
  const { t, tl } = useI18n();
  const agencyName = useAgencyName();
  const me = useMe().data;
  // The lead urges (đôn đốc) a coordinating agency whose part is not finished: an urging request it gets in its inbox.
  const mayUrge = instance.is_lead && can(me, "requests.write");
  if (!instance.coordinators.length) return null;
  return (
    <div data-testid="contributions" style={{ marginBottom: 8 }}>
      <Typography.Text strong style={{ display: "block" }}>
        {t("plans.contributions")}
      </Typography.Text>
      <List
        size="small"
        dataSource={instance.coordinators}
        renderItem={(c) => (
          <List.Item key={c.agency_id} data-testid={`contribution-${c.agency_id}`}>
            {writable && c.is_own ? (
              <MyContribution instanceId={instance.id} c={c} />
            ) : (
              <div>
                <span>{agencyName(c.agency_id)} </span>
                <Tag color={STATUS_COLOR[c.effective_status]}>{tl("tstatus", c.effective_status)}</Tag>
                {c.note && <div style={{ fontSize: 12 }}>{c.note}</div>}
                {mayUrge && c.effective_status !== "done" && c.effective_status !== "cancelled" && (
                  <UrgeButton instance={instance} agencyId={c.agency_id} task={task} />
                )}
              </div>
            )}
          </List.Item>
        )}
      />
    </div>
  );
}

function UrgeButton({ instance, agencyId, task }: { instance: TaskInstance; agencyId: string; task: PlanTask }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const agencyName = useAgencyName();
  const [sent, setSent] = useState(false);
  const urge = () =>
    modal.confirm({
      title: t("plans.urgeAsk", { a: agencyName(agencyId) }),
      okText: t("plans.urgeSend"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          await api("/api/requests", {
            method: "POST",
            body: {
              kind: "urging",
              from_agency_id: instance.agency_id,
              to_agency_id: agencyId,
              topic: t("plans.urgeTopic", {
                x: `${task.ref ? `${task.ref} ` : ""}${task.content}`.slice(0, 800),
                p: instance.period_label ?? "",
              }),
              task_instance_id: instance.id,
            },
          });
          setSent(true);
          message.success(t("plans.urged"));
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  return (
    <Button size="small" onClick={urge} disabled={sent} style={{ marginTop: 4 }}>
      {sent ? t("plans.urged") : t("plans.urge")}
    </Button>
  );
}

function MyContribution({ instanceId, c }: { instanceId: string; c: Contribution }) {
  const { t, tl } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const agencyName = useAgencyName();
  const [status, setStatus] = useState(c.status);
  const [note, setNote] = useState(c.note ?? "");
  const [busy, setBusy] = useState(false);
  const draft = useContext(DraftContext);
  const key = `contribution:${instanceId}`;
  const save = async () => {
    setBusy(true);
    try {
      await api(`/api/task-instances/${instanceId}/coordinators/${encodeURIComponent(c.agency_id)}`, {
        method: "PATCH",
        body: { status, note: note.trim() || null, version: c.version },
      });
      draft(key, false);
      await qc.invalidateQueries({ queryKey: ["task-instances"] });
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <span>
        {t("plans.myContribution")}: {agencyName(c.agency_id)}{" "}
        <Tag color={STATUS_COLOR[c.effective_status]}>{tl("tstatus", c.effective_status)}</Tag>
      </span>
      <Select
        aria-label={t("plans.contributionStatus")}
        value={status}
        style={{ width: 180 }}
        onChange={(v) => {
          setStatus(v);
          draft(key, v !== c.status || note !== (c.note ?? ""));
        }}
        options={INSTANCE_STATUSES.filter((s) => s !== "overdue").map((s) => ({ value: s, label: tl("tstatus", s) }))}
      />
      <Input.TextArea
        aria-label={t("plans.contributionNote")}
        value={note}
        maxLength={5000}
        autoSize={{ minRows: 1, maxRows: 4 }}
        onChange={(e) => {
          setNote(e.target.value);
          draft(key, status !== c.status || e.target.value !== (c.note ?? ""));
        }}
      />
      <Button type="primary" loading={busy} onClick={save}>
        {t("plans.saveContribution")}
      </Button>
    </Space>
  );
}

export function TaskDrawer({
  task,
  instances,
  onClose,
}: {
  task: PlanTask | null;
  instances: TaskInstance[];
  onClose: () => void;
}) {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const writable = can(me, "plans.write");
  const recordVersion = useRecordVersion();
  // Latest version received per occurrence (also written into the cached list by recordVersion).
  const latest = useRef(new Map<string, number>());
  const { changed, saved, confirmLeave } = useUnsavedChanges();
  const drafts = useRef(new Set<string>());
  const draft = useCallback(
    (key: string, dirty: boolean) => {
      if (dirty) drafts.current.add(key);
      else drafts.current.delete(key);
      if (drafts.current.size) changed();
      else saved();
    },
    [changed, saved],
  );
  const close = () =>
    confirmLeave(() => {
      drafts.current.clear();
      onClose();
    });
  // Trainings / dissemination events recorded as evidence of an occurrence (KH 2021 mục II.4).
  const trainings = useQuery({
    queryKey: ["trainings"],
    enabled: !!task,
    queryFn: () => api<{ items: Training[] }>("/api/trainings"),
  });
  if (!task) return null;
  const mine = instances.filter((i) => i.task_id === task.id);
  const versionOf = (i: TaskInstance) => Math.max(i.version, latest.current.get(i.id) ?? 0);
  const onVersion = (id: string, version: number) => {
    latest.current.set(id, Math.max(version, latest.current.get(id) ?? 0));
    recordVersion(id, version);
  };

  const patch = async (i: TaskInstance, body: Record<string, unknown>) => {
    try {
      const after = await api<TaskInstance>(`/api/task-instances/${i.id}`, {
        method: "PATCH",
        body: { ...body, version: versionOf(i) },
      });
      onVersion(i.id, after.version);
      await qc.invalidateQueries({ queryKey: ["task-instances"] });
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Drawer open width={Math.min(720, window.innerWidth)} title={`${task.ref ?? ""} ${task.content}`} onClose={close}>
      <DraftContext.Provider value={draft}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t("plans.ref")}>{task.ref}</Descriptions.Item>
          <Descriptions.Item label={t("plans.task")}>{task.content}</Descriptions.Item>
          <Descriptions.Item label={t("plans.lead")}>
            {tl("arole", task.lead_role) || t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("plans.coordinators")}>
            {Array.isArray(task.coordinator_roles) && task.coordinator_roles.length
              ? (task.coordinator_roles as string[]).map((r) => tl("arole", r)).join(", ")
              : t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("plans.timing")}>{task.timing ?? t("common.none")}</Descriptions.Item>
          <Descriptions.Item label={t("plans.output")}>{task.expected_output ?? t("common.none")}</Descriptions.Item>
          <Descriptions.Item label={t("common.basis")}>{task.basis ?? t("common.none")}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t("plans.instances")}
        </Typography.Title>
        {mine.length === 0 && <Empty description={t("plans.noDue")} />}
        {mine.map((i) => (
          <Card
            key={i.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={`${i.period_label ?? ""} · ${t("common.due")} ${fmtDate(i.due)}`}
          >
            <Space wrap style={{ marginBottom: 8 }}>
              <span title={t("plans.leadAgency")}>{agencyName(i.agency_id)}</span>
              {/* The completion date is recorded by the server (Vietnam's date), not by the browser. */}
              <Select
                aria-label={t("plans.updateStatus")}
                value={i.status === "overdue" ? "in_progress" : i.status}
                disabled={!writable || !i.is_lead}
                style={{ width: 180 }}
                onChange={(v) => patch(i, { status: v })}
                options={INSTANCE_STATUSES.filter((s) => s !== "overdue").map((s) => ({
                  value: s,
                  label: tl("tstatus", s),
                }))}
              />
              <Tag color={STATUS_COLOR[i.effective_status]} data-testid="instance-status">
                {tl("tstatus", i.effective_status)}
              </Tag>
            </Space>
            {!i.is_lead && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t("plans.leadOnly")}
              </Typography.Paragraph>
            )}
            <Contributions instance={i} writable={writable} task={task} />
            <LinkedActivities items={(trainings.data?.items ?? []).filter((x) => x.task_instance_id === i.id)} />
            <InstanceActivity instance={i} writable={writable} onVersion={onVersion} />
          </Card>
        ))}
      </DraftContext.Provider>
    </Drawer>
  );
}
