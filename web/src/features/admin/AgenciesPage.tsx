// Agency directory as a tree with validity dates and successors (mergers, renames).
import { Card, Input, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { fmtDate, fold } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { type Agency, useAgencies, useAgencyName } from "../../shared/session.tsx";

type Row = Omit<Agency, "children"> & { children?: Row[] };

export default function AgenciesPage() {
  const { t, tl } = useI18n();
  const { tree, isLoading } = useAgencies();
  const name = useAgencyName();
  const [q, setQ] = useState("");
  const rows = useMemo(() => {
    const needle = fold(q.trim());
    const conv = (list: Agency[]): Row[] =>
      list
        .map((a) => {
          const children = conv(a.children);
          const hit = !needle || fold(`${a.name} ${a.short_name ?? ""} ${a.id}`).includes(needle);
          if (!hit && children.length === 0) return null;
          const { children: _c, ...rest } = a;
          return children.length ? { ...rest, children } : { ...rest };
        })
        .filter((x): x is Row => x !== null);
    return conv(tree);
  }, [tree, q]);
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("admin.agencies")}
        </Typography.Title>
      }
    >
      <Input.Search
        aria-label={t("common.search")}
        placeholder={t("common.searchHint")}
        allowClear
        onSearch={setQ}
        onChange={(e) => !e.target.value && setQ("")}
        style={{ width: 320, marginBottom: 12 }}
      />
      <Table<Row>
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{ defaultExpandedRowKeys: ["bo-tu-phap"] }}
        scroll={{ x: 900 }}
        columns={[
          { title: t("admin.agencyName"), dataIndex: "name" },
          { title: t("admin.role"), dataIndex: "role", render: (v: string) => tl("arole", v), width: 220 },
          { title: t("admin.province"), dataIndex: "province_code", width: 90 },
          { title: t("admin.validFrom"), dataIndex: "valid_from", render: fmtDate, width: 110 },
          {
            title: t("admin.validTo"),
            dataIndex: "valid_to",
            width: 110,
            render: (v: string | null) => (v ? <Tag color="default">{fmtDate(v)}</Tag> : ""),
          },
          {
            title: t("admin.successors"),
            dataIndex: "successor_ids",
            render: (v: string[]) => v.map((id) => <Tag key={id}>{name(id)}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
