// Holidays, compensatory days and swapped working days of a year, with their legal source (read-only).
import { useQuery } from "@tanstack/react-query";
import { Card, InputNumber, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { api } from "../../shared/api.ts";
import { fmtDate, yearVn } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import { ImpactPreview } from "./ImpactPreview.tsx";

type Holiday = { date: string; name: string; kind: string; source: string };
const COLOR: Record<string, string> = {
  holiday: "red",
  compensatory: "volcano",
  swapped_off: "orange",
  swapped_work: "green",
};

export default function HolidaysPage() {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const [year, setYear] = useState<number>(yearVn());
  const q = useQuery({
    queryKey: ["holidays", year],
    queryFn: () => api<{ year: number; items: Holiday[] }>("/api/calendar/holidays", { query: { year } }),
  });
  const weekday = (iso: string) => dayjs(iso).format("dddd");
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("admin.holidays")}
        </Typography.Title>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="holiday-year">{t("common.year")}</label>
        <InputNumber id="holiday-year" min={1990} max={2200} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      <Table<Holiday>
        size="small"
        rowKey={(r) => r.date + r.kind + r.name}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t("common.date"),
            dataIndex: "date",
            render: (v: string) => `${fmtDate(v)} (${weekday(v)})`,
            width: 200,
          },
          { title: t("admin.holidayName"), dataIndex: "name" },
          {
            title: t("admin.kind"),
            dataIndex: "kind",
            width: 150,
            render: (v: string) => <Tag color={COLOR[v]}>{tl("hkind", v)}</Tag>,
          },
          { title: t("admin.source"), dataIndex: "source" },
        ]}
      />
      {can(me, "users.manage") && <ImpactPreview mode="calendar" />}
    </Card>
  );
}
