// Claim detail: header facts (personal data masked unless revealed), the procedure TIMELINE (due date, period,
// basis, confidence, and "why this date" with every skipped day), the lawful next steps as buttons, events,
// documents and the audit history.

import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, QuestionCircleOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popover,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { ExplanationStep } from "../../../../src/domain/calendar/types.ts";
import { isClosedFile } from "../../../../src/domain/claims/editing.ts";
import { EVENT_GROUNDS, type EventType } from "../../../../src/domain/claims/events.ts";
import type { NextAction } from "../../../../src/domain/claims/next-actions.ts";
import { ApiError, api, type Page, showRefusal } from "../../shared/api.ts";
import { ConfidenceLegend, UnverifiedMark } from "../../shared/ConfidenceLegend.tsx";
import { DateInput } from "../../shared/DateInput.tsx";
import { fmtDate, fmtDateTime, fmtMoney, todayVn } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";
import { NotFound } from "../errors/NotFoundPage.tsx";
import { ClaimDocuments } from "./ClaimDocuments.tsx";
import { ClaimEvents } from "./ClaimEvents.tsx";
import { StepFields, stepData } from "./StepFields.tsx";
import type { ClaimDeadline, ClaimDetail } from "./types.ts";

const STATUS_COLOR: Record<string, string> = {
  open: "processing",
  overdue: "error",
  met: "success",
  late: "warning",
  cancelled: "default",
};

function Explanation({ steps }: { steps: ExplanationStep[] }) {
  const { tl } = useI18n();
  return (
    <>
      <ol
        style={{ maxWidth: 460, maxHeight: 360, overflow: "auto", paddingLeft: 20, margin: 0 }}
        data-testid="why-steps"
      >
        {steps.map((s) => (
          <li key={`${s.rule}-${s.date ?? ""}-${s.text}`} style={{ marginBottom: 4 }}>
            <Tag color={s.rule === "skip" ? "red" : s.rule === "end" ? "green" : "default"}>{tl("rule", s.rule)}</Tag>
            {s.date && <strong>{fmtDate(s.date)} </strong>}
            {s.text}
            {s.unverified && <UnverifiedMark />}
            {s.source && (
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {s.source}
              </Typography.Text>
            )}
          </li>
        ))}
      </ol>
      {/* Confidence once per explanation: the marked steps rest on data not yet checked against its source. */}
      {steps.some((s) => s.unverified) && <ConfidenceLegend scope="some" />}
    </>
  );
}

function DeadlineItem({ d }: { d: ClaimDeadline }) {
  const { t, tl } = useI18n();
  const steps = Array.isArray(d.explanation) ? d.explanation : [];
  return (
    <div data-testid={`deadline-${d.step}`}>
      <Space wrap size={[6, 2]}>
        <Typography.Text strong>{d.label ?? d.step}</Typography.Text>
        {d.kind === "milestone" && <Tag>{t("claims.milestone")}</Tag>}
        {d.status && <Tag color={STATUS_COLOR[d.status] ?? "default"}>{tl("dstatus", d.status)}</Tag>}
        {d.confidence === "unverified" ? (
          <Tag color="orange">{t("confidence.unverified")}</Tag>
        ) : d.confidence === "confirmed" ? (
          <Tag color="green">{t("confidence.confirmed")}</Tag>
        ) : null}
      </Space>
      <div>
        {t("common.due")}: <strong data-testid="due">{d.due ? fmtDate(d.due) : t("common.none")}</strong>
        {d.unit && d.days !== null && (
          <Typography.Text type="secondary">{` · ${d.days === 0 ? t("claims.sameDay") : tl("unit", d.unit, { n: d.days })}`}</Typography.Text>
        )}
        {steps.length > 0 && (
          <Popover title={t("claims.why")} content={<Explanation steps={steps} />} trigger="click">
            <Button type="link" size="small" icon={<QuestionCircleOutlined />}>
              {t("claims.why")}
            </Button>
          </Popover>
        )}
      </div>
      {d.basis && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("common.basis")}: {d.basis}
        </Typography.Text>
      )}
    </div>
  );
}

function EventModal({
  claim,
  action,
  onClose,
}: {
  claim: ClaimDetail;
  action: NextAction | null;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ date: Dayjs; ground?: string; note?: string; data?: Record<string, unknown> }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  if (!action) return null;
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const date = v.date.format("YYYY-MM-DD");
      await api(`/api/claims/${claim.id}/events`, {
        method: "POST",
        body: {
          type: action.event,
          date,
          ground: v.ground || undefined,
          note: v.note?.trim() || undefined,
          data: stepData(action.event as EventType, date, v.data),
          version: claim.version,
        },
      });
      message.success(t("claims.eventRecorded"));
      onClose(true);
    } catch (e) {
      showRefusal(e, setError, form, (p) => (["date", "ground", "note", "data"].includes(String(p[0])) ? p : null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t("claims.recordEvent", { label: action.label })}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("common.basis")}: {action.basis}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(todayVn()) }}>
        <Form.Item label={t("claims.eventDate")} name="date" rules={[{ required: true }]}>
          {/* No disabledDate: a typed future day would silently fall back to today and be saved as such; the
              server refuses it under this field instead. */}
          <DateInput format="DD/MM/YYYY" style={{ width: "100%" }} />
        </Form.Item>
        <StepFields type={action.event as EventType} />
        {action.grounds && action.grounds.length > 0 && (
          <Form.Item label={t("claims.ground")} name="ground">
            <Select
              allowClear
              options={action.grounds.map((g) => ({
                value: g,
                label: `${g}) ${EVENT_GROUNDS[action.event as EventType]?.[g]?.label ?? ""}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t("common.note")} name="note">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type AuditRow = {
  seq: number;
  at: string;
  action: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
};

function AuditTab({ id }: { id: string }) {
  const { t } = useI18n();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const allowed = can(me, "audit.read");
  const q = useQuery({
    queryKey: ["audit", "claim", id],
    queryFn: () => api<Page<AuditRow>>("/api/audit", { query: { entity: "claim", entity_id: id, page_size: 50 } }),
    enabled: allowed,
  });
  if (!allowed) return <Alert type="info" showIcon message={t("common.noPermission")} />;
  return (
    <Table<AuditRow>
      size="small"
      rowKey="seq"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={false}
      columns={[
        { title: t("admin.at"), dataIndex: "at", render: fmtDateTime, width: 160 },
        { title: t("claims.auditAction"), dataIndex: "action" },
        { title: t("common.agency"), dataIndex: "actor_agency_id", render: (v: string | null) => agencyName(v) },
      ]}
    />
  );
}

export default function ClaimDetailPage() {
  const { id = "" } = useParams();
  const { t, tl } = useI18n();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [reveal, setReveal] = useState(false);
  const [action, setAction] = useState<NextAction | null>(null);
  const q = useQuery({
    queryKey: ["claim", id, reveal ? "personal" : "masked"],
    queryFn: () => api<ClaimDetail>(`/api/claims/${id}`, { query: reveal ? { reveal: "personal" } : undefined }),
  });
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
    return <NotFound title={t("claims.notFound")} />;
  if (q.error) return <Alert type="error" showIcon message={(q.error as Error).message} />;
  const c = q.data;
  if (!c) return <Skeleton active />;

  // A recorded or corrected step changes deadlines, the calendar, lists and statistics.
  const refresh = () => {
    for (const key of [["claim", id], ["claims"], ["dashboard"], ["deadlines"], ["statistics"], ["statistics-trend"]])
      qc.invalidateQueries({ queryKey: key });
  };
  const deadlines = [...c.deadlines].sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"));
  const writable = can(me, "claims.write");

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="claim-code">
              {c.code}
            </Typography.Title>
            <Tag color={c.open ? "blue" : "default"} data-testid="claim-state">
              {tl("state", c.state)}
            </Tag>
            {c.suspended && <Tag color="orange">{t("claims.suspended")}</Tag>}
            {c.complex && <Tag color="purple">{t("claims.complex")}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {can(me, "claims.personal_data") && (
              <Tooltip title={t("claims.revealNote")}>
                <Button icon={reveal ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setReveal(!reveal)}>
                  {reveal ? t("claims.hide") : t("claims.reveal")}
                </Button>
              </Tooltip>
            )}
            {writable && !isClosedFile(c.state) && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/claims/${c.id}/edit`)}>
                {t("common.edit")}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t("claims.claimant")}>{c.claimant_name}</Descriptions.Item>
          <Descriptions.Item label={t("claims.idNumber")}>
            <span data-testid="claimant-id">{c.claimant_id_number ?? t("common.none")}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.phone")}>{c.claimant_phone ?? t("common.none")}</Descriptions.Item>
          <Descriptions.Item label={t("claims.address")} span={2}>
            {c.claimant_address ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.field")}>{tl("field", c.field)}</Descriptions.Item>
          <Descriptions.Item label={t("claims.handling")}>{agencyName(c.handling_agency_id)}</Descriptions.Item>
          <Descriptions.Item label={t("claims.managing")}>
            {agencyName(c.managing_agency_id) || t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.law")}>{tl("law", c.law_version)}</Descriptions.Item>
          <Descriptions.Item label={t("claims.received")}>{fmtDate(c.received_on)}</Descriptions.Item>
          <Descriptions.Item label={t("claims.amountRequested")}>
            {fmtMoney(c.amount_requested) || t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.amountAdvance")}>
            <span data-testid="amount-advance">{fmtMoney(c.amount_advance) || t("common.none")}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.amountDecided")}>
            <span data-testid="amount-decided">{fmtMoney(c.amount_decided) || t("common.none")}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.amountPaid")}>
            <span data-testid="amount-paid">{fmtMoney(c.amount_paid) || t("common.none")}</span>
          </Descriptions.Item>
          {c.summary && (
            <Descriptions.Item label={t("claims.summary")} span={3}>
              {c.summary}
            </Descriptions.Item>
          )}
        </Descriptions>
        {c.masked && (
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
            <EyeInvisibleOutlined /> {t("claims.masked")}
          </Typography.Text>
        )}
      </Card>

      <Card title={t("claims.nextActions")} size="small">
        {c.next_actions.length === 0 ? (
          <Typography.Text type="secondary">{t("claims.noNextActions")}</Typography.Text>
        ) : (
          <Space wrap>
            {c.next_actions.map((a) => (
              <Tooltip key={a.event} title={a.basis}>
                {/* Some steps' legal names are long: they wrap inside a phone's width. */}
                <Button
                  type="primary"
                  ghost
                  disabled={!writable}
                  onClick={() => setAction(a)}
                  style={{ maxWidth: "100%", height: "auto", whiteSpace: "normal", textAlign: "left" }}
                >
                  {a.label}
                </Button>
              </Tooltip>
            ))}
          </Space>
        )}
      </Card>

      <Card size="small">
        <Tabs
          items={[
            {
              key: "timeline",
              label: t("claims.timeline"),
              children:
                deadlines.length === 0 ? (
                  <Empty description={t("claims.noDeadlines")} />
                ) : (
                  <Timeline
                    data-testid="timeline"
                    items={deadlines.map((d, i) => ({
                      key: `${d.step}-${i}`,
                      color:
                        d.status === "overdue"
                          ? "red"
                          : d.status === "met"
                            ? "green"
                            : d.status === "cancelled"
                              ? "gray"
                              : "blue",
                      content: <DeadlineItem d={d} />,
                    }))}
                  />
                ),
            },
            {
              key: "events",
              label: `${t("claims.events")} (${c.events.length})`,
              children: <ClaimEvents claim={c} onChanged={refresh} />,
            },
            {
              key: "documents",
              label: `${t("claims.documents")} (${c.documents.length})`,
              children: <ClaimDocuments claimId={c.id} writable={writable} />,
            },
            // Only what the role may open: the trail needs audit.read (the server's role table, via /api/auth/me).
            ...(can(me, "audit.read")
              ? [{ key: "audit", label: t("claims.history"), children: <AuditTab id={c.id} /> }]
              : []),
          ]}
        />
      </Card>
      <EventModal
        claim={c}
        action={action}
        onClose={(changed) => {
          setAction(null);
          if (changed) refresh();
        }}
      />
    </Space>
  );
}
