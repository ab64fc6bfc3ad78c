// One periodic case list as drawn up (immutable snapshot): summary, the rows (claims with stage, amounts, new or
// carried over) and the XLSX / DOCX downloads (the DOCX in the Decree 30/2020 layout, signer optional).
import { ArrowLeftOutlined, FileWordOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Input, Space, Spin, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../../shared/api.ts";
import { ExportButton } from "../../shared/ExportButton.tsx";
import { fmtDate, fmtDateTime, fmtMoney } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useAgencyName } from "../../shared/session.tsx";
import { periodLabel } from "./CaseListsPage.tsx";
import type { CaseListDetail, CaseListRow } from "./types.ts";

export default function CaseListDetailPage() {
  const { id } = useParams();
  const { t, tl } = useI18n();
  const name = useAgencyName();
  const [signerTitle, setSignerTitle] = useState("");
  const [signerName, setSignerName] = useState("");
  const q = useQuery({
    queryKey: ["case-list", id],
    queryFn: () => api<CaseListDetail>(`/api/case-lists/${id}`),
    enabled: !!id,
  });
  if (q.isLoading) return <Spin tip={t("app.loading")} />;
  if (q.error || !q.data)
    return <Alert type="error" showIcon message={q.error ? (q.error as Error).message : t("app.error")} />;
  const s = q.data;
  const is2009 = s.kind === "quarter_2009";

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Link to="/case-lists">
        <ArrowLeftOutlined /> {t("caseLists.back")}
      </Link>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tl("clkind", s.kind)} — {periodLabel(t, s.period)}
          </Typography.Title>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t("common.agency")}>{name(s.agency_id)}</Descriptions.Item>
          <Descriptions.Item label={t("caseLists.periodRange")}>
            {fmtDate(s.period_start)} – {fmtDate(s.period_end)}
          </Descriptions.Item>
          <Descriptions.Item label={t("caseLists.asOf")}>{fmtDate(s.as_of)}</Descriptions.Item>
          <Descriptions.Item label={t("caseLists.createdAt")}>{fmtDateTime(s.created_at)}</Descriptions.Item>
          <Descriptions.Item label={t("caseLists.counts")}>
            {t("caseLists.countsValue", { total: s.total, n: s.new_count, c: s.carried_over_count })}
          </Descriptions.Item>
          <Descriptions.Item label={t("common.basis")}>{s.basis}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }} align="end">
          <ExportButton path={`/api/case-lists/${s.id}/xlsx`} label={t("caseLists.xlsx")} />
          <Input
            aria-label={t("caseLists.signerTitle")}
            placeholder={t("caseLists.signerTitle")}
            value={signerTitle}
            onChange={(e) => setSignerTitle(e.target.value)}
            style={{ width: 200 }}
            maxLength={200}
          />
          <Input
            aria-label={t("caseLists.signerName")}
            placeholder={t("caseLists.signerName")}
            value={signerName}
            onChange={(e) => setSignerName(e.target.value)}
            style={{ width: 200 }}
            maxLength={120}
          />
          <ExportButton
            path={`/api/case-lists/${s.id}/docx`}
            query={{ signer_title: signerTitle.trim() || undefined, signer_name: signerName.trim() || undefined }}
            icon={<FileWordOutlined />}
            label={t("caseLists.docx")}
          />
        </Space>
      </Card>
      <Card size="small" title={t("caseLists.rows", { n: s.rows.length })}>
        <Table<CaseListRow>
          size="small"
          rowKey="claim_id"
          dataSource={s.rows}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t("caseLists.noRows") }}
          columns={[
            { title: t("caseLists.stt"), key: "stt", width: 56, render: (_v, _r, i) => i + 1 },
            {
              title: t("caseLists.claimCode"),
              dataIndex: "claim_code",
              width: 130,
              render: (v: string, r) => <Link to={`/claims/${r.claim_id}`}>{v}</Link>,
            },
            { title: t("caseLists.claimant"), dataIndex: "claimant", ellipsis: true },
            { title: t("caseLists.handling"), dataIndex: "handling_agency", ellipsis: true },
            { title: t("caseLists.field"), dataIndex: "field", render: (v: string) => tl("field", v), width: 150 },
            { title: t("caseLists.acceptedOn"), dataIndex: "accepted_on", render: fmtDate, width: 110 },
            { title: t("caseLists.stage"), dataIndex: "stage", ellipsis: true },
            ...(is2009
              ? [
                  {
                    title: t("caseLists.flags"),
                    dataIndex: "flags",
                    render: (v: CaseListRow["flags"]) => (
                      <Space size={2} wrap>
                        {v.map((f) => (
                          <Tag key={f}>{t(`caseLists.flag.${f}`)}</Tag>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
            {
              title: t("caseLists.claimed"),
              dataIndex: "claimed_amount",
              align: "right" as const,
              render: fmtMoney,
              width: 150,
            },
            {
              title: t("caseLists.decided"),
              dataIndex: "decided_amount",
              align: "right" as const,
              render: fmtMoney,
              width: 150,
            },
            {
              title: t("caseLists.origin"),
              dataIndex: "origin",
              width: 130,
              render: (v: string) => (
                <Tag color={v === "new" ? "green" : "default"}>
                  {v === "new" ? t("caseLists.originNew") : t("caseLists.originCarried")}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
