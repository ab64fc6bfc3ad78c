import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, List, Segmented, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { api, apiAll } from "../../shared/api.ts";
import { ExportButton } from "../../shared/ExportButton.tsx";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { BulkBar, DueSelect, SavedFilters } from "../../shared/ListTools.tsx";
import { useAgencyName } from "../../shared/session.tsx";
import { useLinkParam } from "../../shared/useLinkParam.ts";
import { STATUS_COLOR, TaskDrawer } from "./TaskDrawer.tsx";
import { INSTANCE_STATUSES, type Plan, type PlanDetail, type PlanTask, type TaskInstance } from "./types.ts";

type GroupBy = "status" | "agency" | "quarter";

export default function PlanBoardPage() {
  const { t, tl } = useI18n();
  const agencyName = useAgencyName();
  const [params, setParams] = useSearchParams();
  const [groupBy, setGroupBy] = useState<GroupBy>("status");
  const [openTask, setOpenTask] = useState<string | null>(null);
  const plans = useQuery({ queryKey: ["plans"], queryFn: () => apiAll<Plan>("/api/plans") });
  const planId = params.get("plan") ?? plans.data?.[0]?.id ?? null;
  const plan = useQuery({
    queryKey: ["plan", planId],
    queryFn: () => api<PlanDetail>(`/api/plans/${planId}`),
    enabled: !!planId,
  });
  const instances = useQuery({
    queryKey: ["task-instances", planId],
    queryFn: () => apiAll<TaskInstance>("/api/task-instances", { plan_id: planId }),
    enabled: !!planId,
  });
  const taskById = useMemo(() => new Map((plan.data?.tasks ?? []).map((x) => [x.id, x])), [plan.data]);
  // A link from "Việc của tôi" names the occurrence (?task=<instance id>): open its task once the list is loaded, then
  // drop the parameter so closing the drawer does not open it again.
  const [linkedInstance, dropLink] = useLinkParam("task");
  useEffect(() => {
    if (!linkedInstance || !instances.data) return;
    const inst = instances.data.find((i) => i.id === linkedInstance);
    if (inst) setOpenTask(inst.task_id);
    dropLink();
  }, [linkedInstance, instances.data, dropLink]);
  const due = params.get("due") ?? undefined;
  const [selected, setSelected] = useState<string[]>([]);
  const listed = useQuery({
    queryKey: ["task-instances", planId, due],
    queryFn: () => apiAll<TaskInstance>("/api/task-instances", { plan_id: planId, due }),
    enabled: !!planId,
  });
  const setQuery = (q: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ plan: planId ?? undefined, due, ...q })) if (v) next.set(k, v);
    setParams(next);
  };

  const groups = useMemo(() => {
    const m = new Map<string, { title: string; items: TaskInstance[] }>();
    const keyOf = (i: TaskInstance): [string, string] => {
      if (groupBy === "status") return [i.effective_status, tl("tstatus", i.effective_status)];
      if (groupBy === "agency") return [i.agency_id, agencyName(i.agency_id)];
      if (!i.due) return ["~", t("plans.noDue")];
      const y = i.due.slice(0, 4);
      const q = Math.floor((Number(i.due.slice(5, 7)) - 1) / 3) + 1;
      return [`${y}-${q}`, t("plans.quarter", { q, y })];
    };
    for (const i of instances.data ?? []) {
      const [k, title] = keyOf(i);
      const g = m.get(k) ?? { title, items: [] };
      g.items.push(i);
      m.set(k, g);
    }
    const order = groupBy === "status" ? [...INSTANCE_STATUSES] : [...m.keys()].sort();
    return order.filter((k) => m.has(k)).map((k) => ({ key: k, ...m.get(k)! }));
  }, [instances.data, groupBy, tl, t, agencyName]);

  if (plans.data && plans.data.length === 0) return <Empty description={t("plans.noPlans")} />;

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Card size="small">
        <Space wrap>
          <label htmlFor="plan-select">{t("plans.choose")}</label>
          <Select
            id="plan-select"
            loading={plans.isLoading}
            value={planId ?? undefined}
            style={{ minWidth: 360, maxWidth: "80vw" }}
            onChange={(v) => setParams({ plan: v })}
            options={(plans.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.number ? `${p.number} — ` : ""}${p.title} (${p.year})`,
            }))}
          />
          <span>{t("plans.groupBy")}</span>
          <Segmented<GroupBy>
            value={groupBy}
            onChange={setGroupBy}
            options={[
              { value: "status", label: t("plans.byStatus") },
              { value: "agency", label: t("plans.byAgency") },
              { value: "quarter", label: t("plans.byQuarter") },
            ]}
          />
          {planId && <ExportButton path="/api/exports/task-instances" query={{ plan_id: planId }} />}
        </Space>
      </Card>
      {plan.data && plan.data.owned === false && (
        <Alert type="info" showIcon data-testid="plan-read-only" message={t("plans.readOnly")} />
      )}
      <div className="board" data-testid="plan-board">
        {groups.map((g) => (
          <Card key={g.key} size="small" title={`${g.title} (${g.items.length})`} loading={instances.isLoading}>
            <List
              size="small"
              dataSource={g.items}
              style={{ maxHeight: 420, overflow: "auto" }}
              renderItem={(i) => {
                const task = taskById.get(i.task_id);
                return (
                  <List.Item
                    style={{ cursor: "pointer" }}
                    onClick={() => setOpenTask(i.task_id)}
                    onKeyDown={(e) => e.key === "Enter" && setOpenTask(i.task_id)}
                    tabIndex={0}
                  >
                    <div>
                      <Typography.Text strong>{task?.ref} </Typography.Text>
                      <Typography.Text>{task?.content.slice(0, 90)}</Typography.Text>
                      <div>
                        <Tag color={STATUS_COLOR[i.effective_status]}>{tl("tstatus", i.effective_status)}</Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {i.period_label} · {fmtDate(i.due)}
                        </Typography.Text>
                      </div>
                    </div>
                  </List.Item>
                );
              }}
            />
          </Card>
        ))}
      </div>
      <Card
        size="small"
        title={`${t("lists.occurrences")} (${listed.data?.length ?? 0})`}
        data-testid="occurrence-list"
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <DueSelect value={due} onChange={(v) => setQuery({ due: v })} />
          <SavedFilters list="tasks" current={{ plan: planId ?? undefined, due }} onApply={(f) => setQuery(f)} />
        </Space>
        <BulkBar list="tasks" ids={selected} exportPath="/api/exports/task-instances" onDone={() => setSelected([])} />
        <Table<TaskInstance>
          size="small"
          rowKey="id"
          loading={listed.isLoading}
          dataSource={listed.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (k) => setSelected(k as string[]),
            preserveSelectedRowKeys: true,
          }}
          columns={[
            {
              title: t("plans.task"),
              render: (_: unknown, i) => {
                const task = taskById.get(i.task_id);
                return (
                  <Button
                    type="link"
                    style={{ padding: 0, whiteSpace: "normal", textAlign: "left" }}
                    onClick={() => setOpenTask(i.task_id)}
                  >
                    {`${task?.ref ? `${task.ref} ` : ""}${task?.content.slice(0, 90) ?? ""}`}
                  </Button>
                );
              },
            },
            { title: t("plans.byAgency"), dataIndex: "agency_id", width: 200, render: (v: string) => agencyName(v) },
            { title: t("plans.period"), dataIndex: "period_label", width: 120 },
            { title: t("common.due"), dataIndex: "due", width: 110, render: fmtDate },
            {
              title: t("common.status"),
              dataIndex: "effective_status",
              width: 140,
              render: (v: string) => <Tag color={STATUS_COLOR[v]}>{tl("tstatus", v)}</Tag>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={`${t("plans.task")} (${plan.data?.tasks.length ?? 0})`}>
        <Table<PlanTask>
          size="small"
          rowKey="id"
          loading={plan.isLoading}
          dataSource={plan.data?.tasks ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          data-testid="plan-tasks"
          onRow={(r) => ({ onClick: () => setOpenTask(r.id), style: { cursor: "pointer" } })}
          columns={[
            { title: t("plans.ref"), dataIndex: "ref", width: 90 },
            { title: t("plans.task"), dataIndex: "content" },
            {
              title: t("plans.lead"),
              dataIndex: "lead_role",
              width: 200,
              render: (v: string | null) => tl("arole", v),
            },
            { title: t("plans.timing"), dataIndex: "timing", ellipsis: true },
            {
              title: t("common.actions"),
              width: 90,
              render: (_: unknown, r) => (
                <Button size="small" onClick={() => setOpenTask(r.id)}>
                  {t("common.view")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <TaskDrawer
        task={openTask ? (taskById.get(openTask) ?? null) : null}
        instances={instances.data ?? []}
        onClose={() => setOpenTask(null)}
      />
    </Space>
  );
}
