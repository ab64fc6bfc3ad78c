// One request in a drawer: who asked whom, its status, the routing the server found (governing clause, lead,
// coordinators, forwarding) and the letter drafted from it. The .docx button appears only when the server documents
// POST /api/requests/{id}/letter in its OpenAPI.
import { FileWordOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { citationOf, PLAN_UNVERIFIED_LEGEND } from "../../../../src/domain/routing/citation.ts";
import { api, csrfHeader, errorText } from "../../shared/api.ts";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { vi } from "../../shared/i18n/vi.ts";
import { saveResponse } from "../../shared/save-file.ts";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { validValues } from "../../shared/valid-values.ts";
import { RequestIncoming } from "../register/RequestIncoming.tsx";
import { type RequestRow, type Routing, STATUSES } from "./types.ts";

function useLetterEndpoint(): boolean {
  const q = useQuery({
    queryKey: ["openapi-paths"],
    queryFn: async () => {
      const doc = await api<{ paths?: Record<string, unknown> }>("/api/openapi.json");
      return Object.keys(doc.paths ?? {});
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  return !!q.data?.includes("/api/requests/{id}/letter");
}

type Signer = { authority?: string; authority_title?: string; title: string; name: string };
type SignValues = Signer & { answer?: string };

/** The letter is issued by the caller's agency (the receiver, or the lead / coordinator the request was routed to). */
async function downloadLetter(id: string, signature: Signer, issuingAgencyId?: string, points?: string[]) {
  const res = await fetch(`/api/requests/${id}/letter`, {
    method: "POST",
    headers: { "content-type": "application/json", ...csrfHeader() },
    body: JSON.stringify({
      signature,
      issuing_agency_id: issuingAgencyId,
      ...(points?.length ? { fields: { points } } : {}),
    }),
  });
  await saveResponse(res, "cong-van.docx");
}

function RoutingView({ routing }: { routing: Routing | null }) {
  const { t, tl } = useI18n();
  if (!routing) return null;
  if (routing.rule === null)
    return (
      <Alert
        type="warning"
        showIcon
        message={t("requests.noRule")}
        description={
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {routing.nearest.map((n) => (
              <li key={n.rule}>
                <strong>{n.basis}</strong> — {n.why}
              </li>
            ))}
          </ul>
        }
      />
    );
  const roles = (list: string[]) => list.map((r) => tl("arole", r)).join(", ") || t("common.none");
  // The same citation the letters print (plan number, date, issuer, title; the provisions of the rule).
  const citation = citationOf(routing.rule);
  return (
    <>
      <Descriptions column={1} size="small" bordered data-testid="routing">
        <Descriptions.Item label={t("requests.clause")}>
          <Tag color="red" data-testid="routing-clause">
            {routing.clause}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("common.basis")}>{routing.basis}</Descriptions.Item>
        <Descriptions.Item label={t("requests.leadRole")}>{tl("arole", routing.lead)}</Descriptions.Item>
        <Descriptions.Item label={t("requests.coordinators")}>{roles(routing.coordinators)}</Descriptions.Item>
        <Descriptions.Item label={t("requests.forwardTo")}>{roles(routing.forward_to)}</Descriptions.Item>
        <Descriptions.Item label={t("requests.output")}>{tl("output", routing.output)}</Descriptions.Item>
        {routing.timing && <Descriptions.Item label={t("plans.timing")}>{routing.timing}</Descriptions.Item>}
        {routing.note && <Descriptions.Item label={t("common.note")}>{routing.note}</Descriptions.Item>}
        {citation && (
          <Descriptions.Item label={t("requests.citation")}>
            <span data-testid="routing-citation">{citation.cite}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {citation?.unverified && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
          {PLAN_UNVERIFIED_LEGEND}
        </Typography.Paragraph>
      )}
    </>
  );
}

const roleVi = (r: string) => (vi as Record<string, string>)[`arole.${r}`] ?? r;

/** The letter the system drafts from the request and its routing (Vietnamese, whatever the UI language). */
function draftLetter(r: RequestRow, name: (id: string) => string, kindVi: string): string {
  const to = name(r.to_agency_id);
  const from = name(r.from_agency_id);
  const routing = r.routing && r.routing.rule !== null ? r.routing : null;
  const citation = citationOf(routing?.rule);
  const lines = [
    `V/v ${r.topic}`,
    "",
    `Kính gửi: ${to}.`,
    "",
    routing
      ? `Căn cứ ${citation?.cite ?? routing.basis}, ${from} đề nghị ${to} ${kindVi.toLowerCase()} về nội dung: ${r.topic}.`
      : `${from} đề nghị ${to} ${kindVi.toLowerCase()} về nội dung: ${r.topic}.`,
  ];
  if (routing?.forward_to.length)
    lines.push(
      "",
      `Theo ${citation?.plan_text ?? routing.clause}, đề nghị được chuyển đến ${routing.forward_to.map(roleVi).join(", ")} để chủ trì giải quyết.`,
    );
  if (r.due) lines.push("", `Đề nghị trả lời trước ngày ${fmtDate(r.due)}.`);
  lines.push("", `Trân trọng./.`, "", "Nơi nhận:", `- Như trên;`, `- Lưu: VT.`);
  if (citation?.unverified) lines.push("", PLAN_UNVERIFIED_LEGEND);
  return lines.join("\n");
}

export function RequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, tl } = useI18n();
  const name = useAgencyName();
  const me = useMe().data;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const hasLetter = useLetterEndpoint();
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signForm] = Form.useForm();
  const q = useQuery({ queryKey: ["request", id], queryFn: () => api<RequestRow>(`/api/requests/${id}`) });
  const r = q.data;
  const setStatus = async (status: string) => {
    if (!r) return;
    try {
      await api(`/api/requests/${r.id}`, { method: "PATCH", body: { status, version: r.version } });
      await qc.invalidateQueries({ queryKey: ["request", id] });
      await qc.invalidateQueries({ queryKey: ["requests"] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Drawer
      open
      width={Math.min(760, window.innerWidth)}
      title={r?.topic ?? t("app.loading")}
      onClose={onClose}
      loading={q.isLoading}
    >
      {q.error && <Alert type="error" message={(q.error as Error).message} />}
      {r && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t("requests.kind")}>{tl("kind", r.kind)}</Descriptions.Item>
            <Descriptions.Item label={t("requests.from")}>{name(r.from_agency_id)}</Descriptions.Item>
            <Descriptions.Item label={t("requests.to")}>{name(r.to_agency_id)}</Descriptions.Item>
            <Descriptions.Item label={t("requests.due")}>{fmtDate(r.due) || t("common.none")}</Descriptions.Item>
            <Descriptions.Item label={t("common.status")}>
              <Select
                aria-label={t("common.status")}
                value={r.status}
                disabled={!can(me, "requests.write")}
                onChange={setStatus}
                style={{ width: 180 }}
                options={STATUSES.map((s) => ({ value: s, label: tl("rstatus", s) }))}
              />
            </Descriptions.Item>
          </Descriptions>
          <RequestIncoming request={r} />
          <Typography.Title level={5}>{t("requests.routing")}</Typography.Title>
          <RoutingView routing={r.routing} />
          <Typography.Title level={5}>{t("requests.letter")}</Typography.Title>
          <pre
            data-testid="letter"
            style={{
              whiteSpace: "pre-wrap",
              fontFamily: "'Times New Roman', serif",
              fontSize: 15,
              background: "#fffdf5",
              border: "1px solid #eee",
              padding: 16,
            }}
          >
            {draftLetter(r, name, tl("kind", r.kind))}
          </pre>
          {/* The reply/forwarding letter is issued by the receiving agency (its outgoing register gives the number). */}
          {hasLetter && me?.agency_id && r.from_agency_id !== me.agency_id && can(me, "register.allocate") && (
            <Button type="primary" icon={<FileWordOutlined />} onClick={() => setSigning(true)}>
              {t("requests.makeDocx")}
            </Button>
          )}
          <Modal
            open={signing}
            title={t("requests.signTitle")}
            okText={t("requests.makeDocx")}
            cancelText={t("common.cancel")}
            confirmLoading={busy}
            onCancel={() => setSigning(false)}
            onOk={async () => {
              const values = (await validValues(signForm)) as SignValues | null;
              if (!values) return;
              const { answer, ...v } = values;
              setBusy(true);
              try {
                await downloadLetter(
                  r.id,
                  { ...v, authority: v.authority || undefined, authority_title: v.authority_title || undefined },
                  me?.agency_id ?? undefined,
                  answer
                    ?.split(/\n+/)
                    .map((x) => x.trim())
                    .filter(Boolean),
                );
                setSigning(false);
                message.success(t("requests.docxDone"));
                await qc.invalidateQueries({ queryKey: ["outgoing"] });
                await qc.invalidateQueries({ queryKey: ["request", id] });
                await qc.invalidateQueries({ queryKey: ["inbox"] });
              } catch (e) {
                message.error((e as Error).message);
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form form={signForm} layout="vertical" initialValues={{ name: me?.user.full_name ?? "" }}>
              {/* Answering (not forwarding): the guidance itself, one point per line. */}
              {!(
                r.routing &&
                r.routing.rule !== null &&
                r.to_agency_id === me?.agency_id &&
                r.routing.forward_to.length
              ) && (
                <Form.Item
                  name="answer"
                  label={t("requests.answer")}
                  rules={[{ required: true, whitespace: true, message: t("requests.answerRequired") }]}
                >
                  <Input.TextArea rows={4} maxLength={10000} />
                </Form.Item>
              )}
              <Form.Item name="authority" label={t("requests.signAuthority")}>
                <Select
                  allowClear
                  aria-label={t("requests.signAuthority")}
                  options={["KT.", "TL.", "TM.", "Q.", "TUQ."].map((a) => ({ value: a, label: a }))}
                />
              </Form.Item>
              <Form.Item name="authority_title" label={t("requests.signAuthorityTitle")}>
                <Input placeholder="CỤC TRƯỞNG" />
              </Form.Item>
              <Form.Item
                name="title"
                label={t("requests.signerTitle")}
                rules={[{ required: true, message: t("requests.signerTitleRequired") }]}
              >
                <Input placeholder="PHÓ CỤC TRƯỞNG" />
              </Form.Item>
              <Form.Item
                name="name"
                label={t("requests.signerName")}
                rules={[{ required: true, message: t("requests.signerNameRequired") }]}
              >
                <Input />
              </Form.Item>
            </Form>
          </Modal>
        </Space>
      )}
    </Drawer>
  );
}
