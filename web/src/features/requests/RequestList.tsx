// One box of requests (incoming, outgoing, pending): search, due filter, saved filters, export, bulk actions and the
// paged table; a row opens the request.
import { useQuery } from "@tanstack/react-query";
import { Button, Input, Space, Table, Tag } from "antd";
import { useState } from "react";
import { api, type Page } from "../../shared/api.ts";
import { ExportButton } from "../../shared/ExportButton.tsx";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { BulkBar, DueSelect, SavedFilters } from "../../shared/ListTools.tsx";
import { useAgencyName } from "../../shared/session.tsx";
import type { RequestRow, Routing } from "./types.ts";

export function RequestList({ box, onOpen }: { box: "inbox" | "outbox" | "pending"; onOpen: (id: string) => void }) {
  const { t, tl } = useI18n();
  const name = useAgencyName();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  const [due, setDue] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const q = useQuery({
    queryKey: ["requests", box, page, search, due],
    queryFn: () => api<Page<RequestRow>>("/api/requests", { query: { box, page, page_size: 20, q: search, due } }),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t("common.search")}
          placeholder={t("common.searchHint")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setSearch(v);
            setPage(1);
          }}
          style={{ width: 320, maxWidth: "100%" }}
        />
        <DueSelect
          value={due}
          onChange={(v) => {
            setDue(v);
            setPage(1);
          }}
        />
        <SavedFilters
          list="requests"
          current={{ box, q: search || undefined, due }}
          onApply={(f) => {
            setSearch(f.q ?? "");
            setDue(f.due);
            setPage(1);
          }}
        />
        <ExportButton path="/api/exports/requests" query={{ box, q: search, due }} />
      </Space>
      <BulkBar
        list="requests"
        ids={selected}
        exportPath="/api/exports/requests"
        exportQuery={{ box }}
        onDone={() => setSelected([])}
      />
      <Table<RequestRow>
        size="small"
        rowKey="id"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (k) => setSelected(k as string[]),
          preserveSelectedRowKeys: true,
        }}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 900 }}
        onRow={(r) => ({
          // The selection checkbox selects; the rest of the row opens the request.
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest(".ant-table-selection-column")) onOpen(r.id);
          },
          style: { cursor: "pointer" },
        })}
        pagination={{
          current: page,
          total: q.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showTotal: (n) => t("common.total", { n }),
        }}
        columns={[
          { title: t("requests.received"), dataIndex: "created_at", render: fmtDate, width: 110 },
          {
            title: t("requests.topic"),
            dataIndex: "topic",
            render: (v: string, r) => (
              <Button
                type="link"
                style={{ padding: 0, whiteSpace: "normal", textAlign: "left" }}
                onClick={() => onOpen(r.id)}
              >
                {v}
              </Button>
            ),
          },
          { title: t("requests.kind"), dataIndex: "kind", render: (v: string) => tl("kind", v), width: 180 },
          {
            title: box === "outbox" ? t("requests.to") : t("requests.from"),
            render: (_: unknown, r) => name(box === "outbox" ? r.to_agency_id : r.from_agency_id),
            ellipsis: true,
          },
          {
            title: t("requests.clause"),
            dataIndex: "routing",
            render: (v: Routing | null) =>
              v && v.rule !== null ? <Tag color="red">{v.clause}</Tag> : t("common.none"),
            width: 190,
          },
          {
            title: t("common.status"),
            dataIndex: "status",
            render: (v: string) => <Tag>{tl("rstatus", v)}</Tag>,
            width: 120,
          },
        ]}
      />
    </>
  );
}
