// One report round: status per agency (submitted / late / overdue, reminders), the figures derived for the caller's
// agency with its narrative (results, difficulties, proposals), and for the opener: remind, consolidate, download.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, errorText } from "../../shared/api.ts";
import { fmtDate, fmtMoney } from "../../shared/format.ts";
import { type MessageKey, useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import { useUnsavedChanges } from "../../shared/useUnsavedChanges.ts";
import type { Round } from "./ReportsPage.tsx";

type Submission = {
  id: string;
  agency_id: string;
  agency_name: string;
  status: string;
  submitted_on: string | null;
  late: boolean;
  overdue: boolean;
  reminders: Array<{ on: string; note: string | null }>;
  /** Returns (trả lại) by the opener, with the reason. */
  returns: Array<{ on: string; reason: string }>;
  /** The province round whose consolidation becomes this submission (seed 001 §III), if any. */
  sub_round: SubRound | null;
  version: number;
};
type SubRound = {
  id: string;
  status: string;
  deadline: string;
  consolidated_on: string | null;
  participants: number;
  submitted: number;
};
type RoundDetail = Round & {
  can_consolidate: boolean;
  submissions: Submission[];
  consolidated: { total: Record<string, number>; included: string[]; missing: string[] } | null;
};
type Indicator = { key: string; label: string; unit: "case" | "vnd" };
type Draft = { status: string; figures: { total: Record<string, number> }; narrative: Record<string, string> };

const NARRATIVE = ["results", "difficulties", "proposals"] as const;

export default function RoundPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const unsaved = useUnsavedChanges();
  const [returning, setReturning] = useState<Submission | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const round = useQuery({
    queryKey: ["report-round", id],
    queryFn: () => api<RoundDetail>(`/api/report-rounds/${id}`),
  });
  const indicators = useQuery({
    queryKey: ["indicators"],
    queryFn: () => api<{ indicators: Indicator[] }>("/api/statistics", { query: { kind: "year", year: 2000 } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const parentId = round.data?.parent_round_id ?? null;
  // Title of the national round this province round feeds (from the list the caller already sees).
  const rounds = useQuery({
    queryKey: ["report-rounds"],
    enabled: !!parentId,
    queryFn: () => api<{ items: Round[] }>("/api/report-rounds"),
  });
  const parentRound = parentId ? rounds.data?.items.find((x) => x.id === parentId) : undefined;
  const mine = round.data?.submissions.find((s) => s.agency_id === me?.agency_id);
  const draft = useQuery({
    queryKey: ["report-draft", id, mine?.agency_id],
    enabled: !!mine,
    queryFn: () => api<Draft>(`/api/report-rounds/${id}/submissions/${mine?.agency_id}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ["report-round", id] });
  const act = async (fn: () => Promise<unknown>, ok: MessageKey) => {
    try {
      await fn();
      await refresh();
      await qc.invalidateQueries({ queryKey: ["report-draft", id] });
      message.success(t(ok));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const r = round.data;
  if (!r) return round.isError ? <Alert type="error" title={t("app.error")} /> : null;
  const label = (k: string) => indicators.data?.indicators.find((i) => i.key === k);
  const figureRows = (vals: Record<string, number>) =>
    Object.entries(vals)
      .filter(([k]) => label(k))
      .map(([k, v]) => ({
        key: k,
        label: label(k)?.label ?? k,
        value: label(k)?.unit === "vnd" ? fmtMoney(v) : String(v),
      }));

  const statusTag = (s: Submission) => {
    if (s.status === "submitted")
      return <Tag color={s.late ? "orange" : "green"}>{t(s.late ? "reports.submittedLate" : "reports.submitted")}</Tag>;
    if (s.status === "returned") return <Tag color="volcano">{t("reports.returnedTag")}</Tag>;
    if (s.overdue) return <Tag color="red">{t("reports.overdue")}</Tag>;
    return <Tag>{t(s.status === "draft" ? "reports.draft" : "reports.pending")}</Tag>;
  };

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>{r.title}</Typography.Title>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t("reports.period")}>
          {fmtDate(r.period_from)} – {fmtDate(r.period_to)}
        </Descriptions.Item>
        <Descriptions.Item label={t("reports.deadline")}>
          <span data-testid="round-deadline">{fmtDate(r.deadline)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("reports.status")}>
          <Tag data-testid="round-status">{t(`reports.roundStatus.${r.status}` as MessageKey)}</Tag>
        </Descriptions.Item>
        {parentId && (
          <Descriptions.Item label={t("reports.parentRound")}>
            <span data-testid="round-parent">
              {t("reports.feedsUp")} <Link to={`/reports/${parentId}`}>{parentRound?.title ?? parentId}</Link>
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card title={t("reports.statusPerAgency")}>
        <Table<Submission>
          rowKey="id"
          pagination={false}
          dataSource={r.submissions}
          columns={[
            { title: t("reports.agency"), dataIndex: "agency_name" },
            {
              title: t("reports.status"),
              render: (_, s) => <span data-testid={`status-${s.agency_id}`}>{statusTag(s)}</span>,
            },
            { title: t("reports.submittedOn"), dataIndex: "submitted_on", render: fmtDate },
            ...(r.submissions.some((s) => s.sub_round)
              ? [
                  {
                    title: t("reports.subRound"),
                    render: (_: unknown, s: Submission) =>
                      s.sub_round ? (
                        <span data-testid={`subround-${s.agency_id}`}>
                          <Link to={`/reports/${s.sub_round.id}`}>
                            <Tag color={s.sub_round.status === "open" ? "blue" : "green"}>
                              {t(`reports.roundStatus.${s.sub_round.status}` as MessageKey)}
                            </Tag>
                          </Link>
                          {t("reports.subRoundProgress", { n: s.sub_round.submitted, m: s.sub_round.participants })}
                        </span>
                      ) : null,
                  },
                ]
              : []),
            {
              title: t("reports.reminders"),
              render: (_, s) => <span data-testid={`reminders-${s.agency_id}`}>{s.reminders.length}</span>,
            },
            ...(r.can_consolidate && can(me, "plans.write") && r.status === "open"
              ? [
                  {
                    title: "",
                    render: (_: unknown, s: Submission) =>
                      s.status === "submitted" ? (
                        <Button size="small" danger onClick={() => setReturning(s)}>
                          {t("reports.return")} — {s.agency_name}
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          onClick={() =>
                            act(
                              () =>
                                api(`/api/report-rounds/${id}/submissions/${s.agency_id}/remind`, {
                                  method: "POST",
                                  body: { note: t("reports.remindNote") },
                                }),
                              "reports.reminded",
                            )
                          }
                        >
                          {t("reports.remind")} — {s.agency_name}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {mine && draft.data && (
        <Card title={t("reports.myReport")}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={figureRows(draft.data.figures.total)}
            columns={[
              { title: t("reports.indicator"), dataIndex: "label" },
              { title: t("reports.value"), dataIndex: "value", align: "right" },
            ]}
          />
          {draft.data.status === "submitted" ? (
            <Space orientation="vertical" style={{ marginTop: 16, width: "100%" }}>
              <Alert type="success" title={t("reports.alreadySubmitted")} />
              {r.status === "open" && can(me, "plans.write") && !mine.sub_round && (
                <Button
                  data-testid="recall"
                  onClick={() =>
                    modal.confirm({
                      title: t("reports.recallConfirm"),
                      content: t("reports.recallBody"),
                      okText: t("reports.recall"),
                      cancelText: t("common.cancel"),
                      onOk: () =>
                        act(
                          () =>
                            api(`/api/report-rounds/${id}/submissions/${mine.agency_id}/recall`, {
                              method: "POST",
                              body: {},
                            }),
                          "reports.recalled",
                        ),
                    })
                  }
                >
                  {t("reports.recall")}
                </Button>
              )}
            </Space>
          ) : (
            <>
              {mine.status === "returned" && mine.returns.length > 0 && (
                <Alert
                  style={{ marginTop: 16 }}
                  type="warning"
                  data-testid="returned"
                  title={t("reports.returnedAlert", { reason: mine.returns[mine.returns.length - 1].reason })}
                />
              )}
              {mine.sub_round?.status === "open" && (
                <Alert style={{ marginTop: 16 }} type="info" title={t("reports.fedBySubRound")} />
              )}
              <Form
                layout="vertical"
                style={{ marginTop: 16 }}
                initialValues={draft.data.narrative}
                onValuesChange={unsaved.changed}
                onFinish={(v: Record<string, string>) => {
                  const send = () =>
                    act(async () => {
                      await api(`/api/report-rounds/${id}/submissions/${mine.agency_id}`, {
                        method: "PUT",
                        body: { narrative: v, submit: true },
                      });
                      unsaved.saved();
                    }, "reports.sent");
                  // A report without any narrative goes out only when the sender confirms it.
                  if (NARRATIVE.some((k) => v[k]?.trim())) return send();
                  modal.confirm({
                    title: t("reports.emptyTitle"),
                    content: t("reports.emptyBody"),
                    okText: t("reports.emptySend"),
                    cancelText: t("reports.emptyBack"),
                    onOk: send,
                  });
                }}
              >
                {NARRATIVE.map((k) => (
                  <Form.Item key={k} name={k} label={t(`reports.narrative.${k}` as MessageKey)}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                ))}
                {mine.sub_round?.status === "open" ? (
                  <Tooltip title={t("reports.fedBySubRound")}>
                    <Button type="primary" htmlType="submit" disabled data-testid="submit-fed">
                      {t("reports.submit")}
                    </Button>
                  </Tooltip>
                ) : (
                  <Button type="primary" htmlType="submit">
                    {t("reports.submit")}
                  </Button>
                )}
              </Form>
            </>
          )}
        </Card>
      )}
      <Modal
        open={!!returning}
        title={returning ? t("reports.returnTitle", { agency: returning.agency_name }) : ""}
        okText={t("reports.return")}
        okButtonProps={{ danger: true }}
        cancelText={t("common.cancel")}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          const v = await reasonForm.validateFields().catch(() => null);
          if (!v || !returning) return;
          await act(
            () =>
              api(`/api/report-rounds/${id}/submissions/${returning.agency_id}/return`, {
                method: "POST",
                body: { reason: v.reason },
              }),
            "reports.returnedDone",
          );
          setReturning(null);
          reasonForm.resetFields();
        }}
      >
        <Form form={reasonForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t("reports.returnReason")}
            rules={[{ required: true, whitespace: true, message: t("reports.returnReasonRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      {r.can_consolidate && (
        <Card title={t("reports.consolidation")}>
          <Space wrap>
            {r.status === "open" && can(me, "plans.write") && (
              <Button
                type="primary"
                onClick={() =>
                  act(
                    () => api(`/api/report-rounds/${id}/consolidate`, { method: "POST", body: {} }),
                    "reports.consolidated",
                  )
                }
              >
                {t("reports.consolidate")}
              </Button>
            )}
            <Button href={`/api/report-rounds/${id}/export?format=docx`}>{t("reports.downloadDocx")}</Button>
            <Button href={`/api/report-rounds/${id}/export?format=xlsx`}>{t("reports.downloadXlsx")}</Button>
          </Space>
          {r.consolidated && (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={figureRows(r.consolidated.total)}
              columns={[
                { title: t("reports.indicator"), dataIndex: "label" },
                { title: t("reports.value"), dataIndex: "value", align: "right" },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
