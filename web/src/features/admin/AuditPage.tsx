// Audit log (audit.read) with the hash-chain check for system administrators.
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { api, type Page } from "../../shared/api.ts";
import { ExportButton } from "../../shared/ExportButton.tsx";
import { fmtDateTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { vi } from "../../shared/i18n/vi.ts";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";

type Row = {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
};

/** The entities the audit log records (the ones with a label in the dictionary). */
const AUDIT_ENTITIES = Object.keys(vi)
  .filter((k) => k.startsWith("auditEntity."))
  .map((k) => k.slice("auditEntity.".length));

export default function AuditPage() {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const name = useAgencyName();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState("");
  const [check, setCheck] = useState<{ ok: boolean; checked: number; broken_at?: number; reason?: string } | null>(
    null,
  );
  const allowed = can(me, "audit.read");
  const q = useQuery({
    queryKey: ["audit", page, entity],
    queryFn: () => api<Page<Row>>("/api/audit", { query: { page, page_size: 50, entity } }),
    enabled: allowed,
  });
  if (!allowed) return <Alert type="info" showIcon message={t("common.noPermission")} />;
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("admin.audit")}
        </Typography.Title>
      }
      extra={
        <Space>
          <ExportButton path="/api/exports/audit" query={{ entity }} />
          {can(me, "system.admin") && (
            <Button onClick={async () => setCheck(await api("/api/audit/verify"))}>{t("admin.verifyChain")}</Button>
          )}
        </Space>
      }
    >
      {check && (
        <Alert
          style={{ marginBottom: 12 }}
          type={check.ok ? "success" : "error"}
          showIcon
          message={
            check.ok
              ? t("admin.chainOk", { n: check.checked })
              : t("admin.chainBroken", { n: check.broken_at ?? "?", reason: check.reason ?? "" })
          }
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label={t("admin.entity")}
          placeholder={t("admin.entity")}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          value={entity || undefined}
          onChange={(v?: string) => {
            setEntity(v ?? "");
            setPage(1);
          }}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: tl("auditEntity", e) }))}
        />
      </Space>
      <Table<Row>
        size="small"
        rowKey="seq"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: page,
          total: q.data?.total ?? 0,
          pageSize: 50,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: 800 }}
        columns={[
          { title: "#", dataIndex: "seq", width: 70 },
          { title: t("admin.at"), dataIndex: "at", render: fmtDateTime, width: 150 },
          { title: t("claims.auditAction"), dataIndex: "action", render: (v: string) => tl("auditAction", v) },
          {
            title: t("admin.entity"),
            render: (_: unknown, r) =>
              `${tl("auditEntity", r.entity)}${r.entity_id ? ` ${r.entity_id.slice(0, 8)}…` : ""}`,
          },
          {
            title: t("common.agency"),
            dataIndex: "actor_agency_id",
            render: (v: string | null) => name(v),
            ellipsis: true,
          },
        ]}
      />
    </Card>
  );
}
