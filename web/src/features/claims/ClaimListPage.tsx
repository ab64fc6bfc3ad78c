// Claims list: server-side filters (field, state, open, year), diacritics-insensitive search and pagination,
// all kept in the URL so a filtered list can be bookmarked.
import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { CLAIM_FIELDS } from "../../../../src/domain/claims/dto.ts";
import { PHASES } from "../../../../src/domain/claims/phases.ts";
import { api, type Page } from "../../shared/api.ts";
import { ExportButton } from "../../shared/ExportButton.tsx";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { BulkBar, DueSelect, SavedFilters } from "../../shared/ListTools.tsx";
import { can, useAgencyName, useMe } from "../../shared/session.tsx";
import { ClaimImportButton } from "./ClaimImport.tsx";
import type { Claim } from "./types.ts";

export default function ClaimListPage() {
  const { t, tl } = useI18n();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe().data;
  const agencyName = useAgencyName();
  const page = Number(params.get("page") ?? 1);
  const pageSize = Number(params.get("page_size") ?? 20);
  const filters = {
    q: params.get("q") ?? undefined,
    field: params.get("field") ?? undefined,
    state: params.get("state") ?? undefined,
    open: params.get("open") ?? undefined,
    year: params.get("year") ?? undefined,
    due: params.get("due") ?? undefined,
  };
  const [selected, setSelected] = useState<string[]>([]);
  const q = useQuery({
    queryKey: ["claims", filters, page, pageSize],
    queryFn: () => api<Page<Claim>>("/api/claims", { query: { ...filters, page, page_size: pageSize } }),
    placeholderData: (prev) => prev,
  });
  const set = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === "") next.delete(k);
      else next.set(k, String(v));
    }
    if (!("page" in patch)) next.delete("page");
    setParams(next, { replace: true });
  };

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("claims.title")}
        </Typography.Title>
      }
      extra={
        <Space>
          {can(me, "claims.export") && <ExportButton path="/api/exports/claims" query={filters} />}
          {can(me, "claims.backfill") && <ClaimImportButton />}
          {can(me, "claims.write") && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/claims/new")}>
              {t("claims.new")}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label={t("common.search")}
          placeholder={t("common.searchHint")}
          defaultValue={filters.q}
          allowClear
          onSearch={(v) => set({ q: v })}
          style={{ width: 300 }}
        />
        <Select
          aria-label={t("claims.field")}
          placeholder={t("claims.field")}
          value={filters.field}
          allowClear
          onChange={(v) => set({ field: v })}
          options={CLAIM_FIELDS.map((f) => ({ value: f, label: tl("field", f) }))}
          style={{ width: 220 }}
        />
        <Select
          aria-label={t("claims.state")}
          placeholder={t("claims.state")}
          value={filters.state}
          allowClear
          onChange={(v) => set({ state: v })}
          options={PHASES.map((p) => ({ value: p, label: tl("state", p) }))}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t("claims.openFilter")}
          placeholder={t("claims.openFilter")}
          value={filters.open}
          allowClear
          onChange={(v) => set({ open: v })}
          options={[
            { value: "true", label: t("claims.openOnly") },
            { value: "false", label: t("claims.closed") },
          ]}
          style={{ width: 160 }}
        />
        <InputNumber
          aria-label={t("common.year")}
          placeholder={t("common.year")}
          min={1990}
          max={2200}
          value={filters.year ? Number(filters.year) : null}
          onChange={(v) => set({ year: v ?? null })}
          style={{ width: 110 }}
        />
        <DueSelect value={filters.due} onChange={(v) => set({ due: v })} />
        <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t("common.reset")}</Button>
        <SavedFilters
          list="claims"
          current={filters}
          onApply={(f) => setParams(new URLSearchParams(f), { replace: true })}
        />
      </Space>
      <BulkBar
        list="claims"
        ids={selected}
        exportPath="/api/exports/claims"
        exportable={can(me, "claims.export")}
        onDone={() => setSelected([])}
      />
      <Table<Claim>
        rowKey="id"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (k) => setSelected(k as string[]),
          preserveSelectedRowKeys: true,
        }}
        size="small"
        bordered
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t("common.total", { n }),
          onChange: (p, s) => set({ page: p, page_size: s }),
        }}
        columns={[
          {
            title: t("claims.code"),
            dataIndex: "code",
            width: 150,
            render: (v: string, r) => <Link to={`/claims/${r.id}`}>{v}</Link>,
          },
          { title: t("claims.claimant"), dataIndex: "claimant_name", ellipsis: true },
          { title: t("claims.field"), dataIndex: "field", render: (v: string) => tl("field", v), width: 170 },
          {
            title: t("claims.state"),
            dataIndex: "state",
            render: (v: string, r) => (
              <Space size={4} wrap>
                <Tag color={r.open ? "blue" : "default"}>{tl("state", v)}</Tag>
                {r.suspended && <Tag color="orange">{t("claims.suspended")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("claims.handling"),
            dataIndex: "handling_agency_id",
            ellipsis: true,
            render: (v: string) => agencyName(v),
          },
          { title: t("claims.received"), dataIndex: "received_on", width: 110, render: fmtDate },
        ]}
      />
    </Card>
  );
}
