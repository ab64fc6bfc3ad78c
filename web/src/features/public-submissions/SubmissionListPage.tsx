// Online submissions of the public portal held (or once held) by the acting agency: waiting ones first by default,
// filter by step kept in the URL. Only the person's name is listed; the rest is on the detail screen, masked.

import { useQuery } from "@tanstack/react-query";
import { Card, Select, Space, Table, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { formatReceiptCode } from "../../../../src/domain/portal/receipt-code.ts";
import { api, type Page } from "../../shared/api.ts";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { STATUS_COLOR, type SubmissionListItem } from "./types.ts";

const FILTERS = ["waiting", "accepted", "answered", "refused", "withdrawn", "all"] as const;
const FILTER_STATUS: Record<(typeof FILTERS)[number], string | undefined> = {
  waiting: "received,forwarded",
  accepted: "accepted",
  answered: "answered",
  refused: "refused",
  withdrawn: "withdrawn",
  all: undefined,
};

export default function SubmissionListPage() {
  const { t, tl } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get("filter") ?? "")
    ? (params.get("filter") as (typeof FILTERS)[number])
    : "waiting";
  const page = Number(params.get("page") ?? 1);
  const q = useQuery({
    queryKey: ["public-submissions", filter, page],
    queryFn: () =>
      api<Page<SubmissionListItem>>("/api/public-submissions", {
        query: { status: FILTER_STATUS[filter], page, page_size: 20 },
      }),
    placeholderData: (prev) => prev,
  });
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.publicSubmissions")}
        </Typography.Title>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t("ps.intro")}
        </Typography.Paragraph>
        <Select
          aria-label={t("ps.filter")}
          value={filter}
          style={{ minWidth: 220 }}
          onChange={(v) => setParams({ filter: v })}
          options={FILTERS.map((f) => ({ value: f, label: tl("psFilter", f) }))}
        />
        <Table<SubmissionListItem>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          scroll={{ x: "max-content" }}
          data-testid="public-submissions"
          locale={{ emptyText: t("ps.empty") }}
          pagination={{
            current: page,
            pageSize: 20,
            total: q.data?.total ?? 0,
            onChange: (p) => setParams({ filter, page: String(p) }),
          }}
          columns={[
            {
              title: t("ps.code"),
              dataIndex: "code",
              render: (code: string, r) => <Link to={`/public-submissions/${r.id}`}>{formatReceiptCode(code)}</Link>,
            },
            { title: t("ps.kind"), dataIndex: "kind", render: (k: string) => tl("psKind", k) },
            { title: t("ps.person"), dataIndex: "person_name" },
            { title: t("ps.submittedOn"), dataIndex: "submitted_on", render: fmtDate },
            {
              title: t("ps.status"),
              dataIndex: "status",
              render: (s: SubmissionListItem["status"], r) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLOR[s]}>{tl("psStatus", s)}</Tag>
                  {r.determined_by_so_tu_phap && <Tag color="orange">{t("ps.toDetermine")}</Tag>}
                </Space>
              ),
            },
            { title: t("ps.due"), dataIndex: "due", render: (d: string | null) => fmtDate(d) || t("common.none") },
            {
              title: t("ps.holder"),
              dataIndex: ["holder", "name"],
              render: (name: string, r) =>
                r.held_here ? name : <Typography.Text type="secondary">{name}</Typography.Text>,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
