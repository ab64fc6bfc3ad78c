// Legal parameters (statutory durations) with citation and confidence — the same data table the deadline
// computation uses (src/domain/legal/parameters.ts, pure data bundled into this lazy chunk).
import { Card, Input, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { LEGAL_PARAMETERS, type LegalParameter } from "../../../../src/domain/legal/parameters.ts";
import { fmtDate, fold } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import { ImpactPreview } from "./ImpactPreview.tsx";

export default function ParametersPage() {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const [q, setQ] = useState("");
  const rows = useMemo(() => {
    const n = fold(q.trim());
    return LEGAL_PARAMETERS.filter((p) => !n || fold(`${p.label} ${p.cite} ${p.key}`).includes(n));
  }, [q]);
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("admin.parameters")}
        </Typography.Title>
      }
    >
      <Input.Search
        aria-label={t("common.search")}
        placeholder={t("common.searchHint")}
        allowClear
        onSearch={setQ}
        style={{ width: 320, marginBottom: 12 }}
      />
      <Table<LegalParameter>
        size="small"
        rowKey={(p) => `${p.key}-${p.variant ?? ""}-${p.law}-${p.effective_from}`}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t("admin.paramKey"), dataIndex: "label" },
          { title: t("admin.value"), render: (_: unknown, p) => tl("unit", p.unit, { n: p.value }), width: 130 },
          {
            title: t("admin.complexValue"),
            render: (_: unknown, p) => (p.complex_value ? tl("unit", p.unit, { n: p.complex_value }) : ""),
            width: 130,
          },
          { title: t("admin.extension"), dataIndex: "extension_max", width: 100 },
          { title: t("admin.fromEvent"), dataIndex: "from_event", render: (v: string) => tl("event", v), width: 180 },
          { title: t("admin.cite"), dataIndex: "cite", width: 220 },
          {
            title: t("claims.confidence"),
            dataIndex: "confidence",
            width: 120,
            render: (v: string) => <Tag color={v === "confirmed" ? "green" : "orange"}>{tl("confidence", v)}</Tag>,
          },
          {
            title: t("admin.effective"),
            width: 170,
            render: (_: unknown, p) =>
              `${fmtDate(p.effective_from)}${p.effective_to ? ` – ${fmtDate(p.effective_to)}` : ""}`,
          },
          { title: t("claims.law"), dataIndex: "law", render: (v: string) => tl("law", v), width: 160 },
        ]}
      />
      {can(me, "users.manage") && <ImpactPreview mode="parameter" />}
    </Card>
  );
}
