// One online submission as the holding agency sees it: the person's data masked (reveal audited), what they ask, the
// attached files, the steps, and the decisions the state allows — accept as a claim, forward (Sở Tư pháp), answer a
// support request, return with a reason — each confirmed in a dialog and answered in Vietnamese.

import { EyeInvisibleOutlined, EyeOutlined, PaperClipOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ATTACHMENT_KIND_VI } from "../../../../src/domain/claims/attachments.ts";
import { CLAIM_FIELDS } from "../../../../src/domain/claims/dto.ts";
import { formatReceiptCode } from "../../../../src/domain/portal/receipt-code.ts";
import { AgencySelect } from "../../shared/AgencySelect.tsx";
import { ApiError, api } from "../../shared/api.ts";
import { fmtDate, fmtDateTime, fmtMoney } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";
import { NotFound } from "../errors/NotFoundPage.tsx";
import { type HandledSubmission, STATUS_COLOR, type SubmissionAction } from "./types.ts";

type Dialog = SubmissionAction | null;

function DecisionModal({
  s,
  action,
  onClose,
}: {
  s: HandledSubmission;
  action: SubmissionAction;
  onClose: (done: boolean) => void;
}) {
  const { t, tl } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const needsField = action === "accept" && !CLAIM_FIELDS.includes(String(s.answers.activity ?? "") as never);
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    setBusy(true);
    try {
      if (action === "accept") {
        const r = await api<{ claim_id: string; claim_code: string }>(`/api/public-submissions/${s.id}/accept`, {
          method: "POST",
          body: needsField ? { field: values.field } : {},
        });
        message.success(t("ps.accepted", { code: r.claim_code }));
        onClose(true);
        navigate(`/claims/${r.claim_id}`);
        return;
      }
      const body =
        action === "forward"
          ? { agency_id: values.agency_id }
          : action === "answer"
            ? { text: values.text }
            : { reason: values.reason };
      await api(`/api/public-submissions/${s.id}/${action}`, { method: "POST", body });
      message.success(t(action === "forward" ? "ps.forwarded" : action === "answer" ? "ps.answered" : "ps.refused"));
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(
          e.issues.map((i) => ({ name: i.path.replace(/^\//, "").split("/")[0] || "text", errors: [i.message] })),
        );
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const titles: Record<SubmissionAction, string> = {
    accept: t("ps.acceptTitle"),
    forward: t("ps.forwardTitle"),
    answer: t("ps.answerTitle"),
    refuse: t("ps.refuseTitle"),
  };
  return (
    <Modal
      open
      title={titles[action]}
      okText={tl("psAction", action)}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        {action === "accept" && (
          <Typography.Paragraph data-testid="accept-confirm">
            {t("ps.acceptConfirm", {
              code: formatReceiptCode(s.code),
              date: fmtDate(s.submitted_on),
              files: s.files.length,
            })}
          </Typography.Paragraph>
        )}
        {needsField && (
          <Form.Item
            name="field"
            label={t("claims.field")}
            rules={[{ required: true, message: t("ps.fieldRequired") }]}
          >
            <Select options={CLAIM_FIELDS.map((f) => ({ value: f, label: tl("field", f) }))} />
          </Form.Item>
        )}
        {action === "forward" && (
          <>
            <Typography.Paragraph type="secondary">{t("ps.forwardHelp")}</Typography.Paragraph>
            <Form.Item
              name="agency_id"
              label={t("ps.forwardTo")}
              rules={[{ required: true, message: t("ps.forwardToRequired") }]}
            >
              <AgencySelect scoped={false} ariaLabel={t("ps.forwardTo")} style={{ width: "100%" }} />
            </Form.Item>
          </>
        )}
        {(action === "answer" || action === "refuse") && (
          <>
            <Typography.Paragraph type="secondary">
              {action === "answer" ? t("ps.answerHelp") : t("ps.refuseHelp")}
            </Typography.Paragraph>
            <Form.Item
              name={action === "answer" ? "text" : "reason"}
              label={action === "answer" ? t("ps.answerText") : t("ps.reason")}
              rules={[{ required: true, min: 10, message: t("ps.textMin") }]}
            >
              <Input.TextArea rows={5} maxLength={5000} showCount />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export default function SubmissionDetailPage() {
  const { id = "" } = useParams();
  const { t, tl } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const [reveal, setReveal] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const q = useQuery({
    queryKey: ["public-submission", id, reveal ? "personal" : "masked"],
    queryFn: () =>
      api<HandledSubmission>(`/api/public-submissions/${id}`, { query: reveal ? { reveal: "personal" } : undefined }),
  });
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
    return <NotFound title={t("ps.notFound")} />;
  if (q.error) return <Alert type="error" showIcon message={(q.error as Error).message} />;
  const s = q.data;
  if (!s) return <Skeleton active />;
  const p = s.person;
  const heads = s.request.damage_heads ?? [];
  const asked = (["request_advance", "request_basis_document_collection", "request_honour"] as const).filter(
    (k) => s.request[k],
  );
  const writable = can(me, "claims.write");
  const close = (done: boolean) => {
    setDialog(null);
    if (done) {
      qc.invalidateQueries({ queryKey: ["public-submission", id] });
      qc.invalidateQueries({ queryKey: ["public-submissions"] });
      qc.invalidateQueries({ queryKey: ["inbox"] });
    }
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="submission-code">
              {formatReceiptCode(s.code)}
            </Typography.Title>
            <Tag color={STATUS_COLOR[s.status]} data-testid="submission-status">
              {tl("psStatus", s.status)}
            </Tag>
            <Tag>{tl("psKind", s.kind)}</Tag>
          </Space>
        }
        extra={
          can(me, "claims.personal_data") && (
            <Tooltip title={t("claims.revealNote")}>
              <Button icon={reveal ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setReveal(!reveal)}>
                {reveal ? t("claims.hide") : t("claims.reveal")}
              </Button>
            </Tooltip>
          )
        }
      >
        {s.determined_by_so_tu_phap && s.held_here && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t("ps.toDetermineHelp")} />
        )}
        {!s.held_here && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("ps.heldElsewhere")} />}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("ps.person")}>{p.full_name}</Descriptions.Item>
          <Descriptions.Item label={t("ps.dateOfBirth")}>
            {fmtDate(p.date_of_birth) || p.date_of_birth || t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.idNumber")}>
            <span data-testid="person-id">{p.id_number ?? t("common.none")}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.phone")}>
            <span data-testid="person-phone">{p.phone ?? t("common.none")}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("ps.email")}>{p.email ?? t("common.none")}</Descriptions.Item>
          <Descriptions.Item label={t("claims.address")}>{p.address}</Descriptions.Item>
          <Descriptions.Item label={t("ps.submittedAt")}>{fmtDateTime(s.submitted_at)}</Descriptions.Item>
          <Descriptions.Item label={t("ps.holder")}>{s.holder.name}</Descriptions.Item>
          <Descriptions.Item label={t("ps.due")}>
            <span data-testid="submission-due">{fmtDate(s.due) || t("common.none")}</span>
          </Descriptions.Item>
          {s.claim && (
            <Descriptions.Item label={t("nav.claims")}>
              <Link to={`/claims/${s.claim.id}`} data-testid="submission-claim">
                {s.claim.code}
              </Link>{" "}
              <Tag>{tl("state", s.claim.state)}</Tag>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t("ps.facts")} span={2}>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{s.facts}</Typography.Paragraph>
          </Descriptions.Item>
          {heads.length > 0 && (
            <Descriptions.Item label={t("ps.damageHeads")} span={2}>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {heads.map((h) => (
                  <li key={`${h.head}-${h.description}`}>
                    {tl("psHead", h.head)}: {h.description}
                    {typeof h.amount === "number" ? ` — ${fmtMoney(h.amount)}` : ""}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          )}
          {asked.length > 0 && (
            <Descriptions.Item label={t("ps.alsoAsks")} span={2}>
              {asked.map((k) => (
                <Tag key={k}>{tl("psAsk", k)}</Tag>
              ))}
            </Descriptions.Item>
          )}
          {s.answer_text && (
            <Descriptions.Item label={s.status === "refused" ? t("ps.reason") : t("ps.answerText")} span={2}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{s.answer_text}</Typography.Paragraph>
            </Descriptions.Item>
          )}
        </Descriptions>
        {p.masked && (
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
            <EyeInvisibleOutlined /> {t("claims.masked")}
          </Typography.Text>
        )}
        {writable && s.actions.length > 0 && (
          <Space wrap style={{ marginTop: 16 }} data-testid="submission-actions">
            {s.actions.map((a) => (
              <Button
                key={a}
                type={a === "accept" || a === "forward" || a === "answer" ? "primary" : "default"}
                danger={a === "refuse"}
                onClick={() => setDialog(a)}
              >
                {tl("psAction", a)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Card title={t("ps.files")} size="small">
        <List
          dataSource={s.files}
          locale={{ emptyText: t("ps.noFiles") }}
          renderItem={(f) => (
            <List.Item>
              <Space wrap>
                <PaperClipOutlined />
                <a href={`/api/public-submissions/${s.id}/files/${f.id}`} download={f.file_name}>
                  {f.title}
                </a>
                <Typography.Text type="secondary">
                  {ATTACHMENT_KIND_VI[f.kind as keyof typeof ATTACHMENT_KIND_VI] ?? f.kind} · {f.file_name} ·{" "}
                  {Math.max(1, Math.round(f.size / 1024))} KB
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t("ps.steps")} size="small">
        <Timeline
          items={s.steps.map((st, i) => ({
            key: `${st.step}-${i}`,
            color: i === s.steps.length - 1 ? "blue" : "gray",
            content: (
              <span>
                {fmtDate(st.on)} — {tl("psStatus", st.step)} · {st.agency}
              </span>
            ),
          }))}
        />
        <Typography.Text type="secondary">
          {t("ps.consent", { at: fmtDateTime(s.consent.at), version: s.consent.text_version })}
          {s.consent.withdrawn_at ? ` ${t("ps.consentWithdrawn", { at: fmtDateTime(s.consent.withdrawn_at) })}` : ""}
        </Typography.Text>
      </Card>
      {dialog && <DecisionModal s={s} action={dialog} onClose={close} />}
    </Space>
  );
}
