// Deadline calendar (month view): working days, weekends, holidays, compensatory and swapped days (GET
// /api/calendar/holidays), claim deadlines and plan task due dates (GET /api/deadlines) in the visible month.
import { useQuery } from "@tanstack/react-query";
import { Badge, Calendar, Card, Drawer, Empty, List, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../../shared/api.ts";
import { fmtDate, todayVnDayjs } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";

type Holiday = { date: string; name: string; kind: string; source: string };
type Due = {
  claims: Array<{
    claim_id: string;
    code: string;
    claimant_name: string;
    step: string;
    label: string | null;
    due: string;
    status: string | null;
  }>;
  tasks: Array<{
    id: string;
    due: string;
    status: string;
    ref: string | null;
    content: string;
    plan_id: string;
    period_label: string | null;
  }>;
};

const KIND_COLOR: Record<string, string> = {
  holiday: "red",
  compensatory: "volcano",
  swapped_off: "orange",
  swapped_work: "green",
};

export default function CalendarPage() {
  const { t, tl } = useI18n();
  const [params, setParams] = useSearchParams();
  const initial = params.get("month");
  const [month, setMonthState] = useState<Dayjs>(
    (initial && /^\d{4}-\d{2}$/.test(initial) ? dayjs(`${initial}-01`) : todayVnDayjs()).startOf("month"),
  );
  const setMonth = (d: Dayjs) => {
    setMonthState(d);
    setParams({ month: d.format("YYYY-MM") }, { replace: true });
  };
  const [day, setDay] = useState<string | null>(null);
  const year = month.year();
  const holidays = useQuery({
    queryKey: ["holidays", year],
    queryFn: () => api<{ year: number; items: Holiday[] }>("/api/calendar/holidays", { query: { year } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The grid shows up to 6 weeks around the month.
  const from = month.startOf("month").subtract(7, "day").format("YYYY-MM-DD");
  const to = month.endOf("month").add(14, "day").format("YYYY-MM-DD");
  const due = useQuery({
    queryKey: ["deadlines", from, to],
    queryFn: () => api<Due>("/api/deadlines", { query: { from, to } }),
  });

  const byDate = useMemo(() => {
    const m = new Map<string, { holidays: Holiday[]; claims: Due["claims"]; tasks: Due["tasks"] }>();
    const get = (d: string) => {
      let v = m.get(d);
      if (!v) {
        v = { holidays: [], claims: [], tasks: [] };
        m.set(d, v);
      }
      return v;
    };
    for (const h of holidays.data?.items ?? []) get(h.date).holidays.push(h);
    for (const c of due.data?.claims ?? []) get(c.due).claims.push(c);
    for (const x of due.data?.tasks ?? []) get(x.due).tasks.push(x);
    return m;
  }, [holidays.data, due.data]);

  const cell = (d: Dayjs) => {
    const iso = d.format("YYYY-MM-DD");
    const v = byDate.get(iso);
    const weekend = d.day() === 0 || d.day() === 6;
    const off = v?.holidays.some((h) => h.kind !== "swapped_work");
    const work = v?.holidays.some((h) => h.kind === "swapped_work");
    const cls = off ? "cal-off" : work ? "cal-work" : weekend ? "cal-weekend" : "";
    return (
      <div className={`cal-cell ${cls}`} style={{ minHeight: 64 }} data-date={iso}>
        {v?.holidays.map((h) => (
          <Tag key={h.name + h.kind} color={KIND_COLOR[h.kind]} style={{ whiteSpace: "normal", marginBottom: 2 }}>
            {h.name}
          </Tag>
        ))}
        {v && v.claims.length > 0 && (
          <Badge color="#b71c1c" text={`${v.claims.length} ${t("calendar.dueClaims").toLowerCase()}`} />
        )}
        {v && v.tasks.length > 0 && (
          <Badge color="#1565c0" text={`${v.tasks.length} ${t("calendar.dueTasks").toLowerCase()}`} />
        )}
      </div>
    );
  };

  const sel = day ? byDate.get(day) : undefined;
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("calendar.title")}
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 8 }} aria-label={t("calendar.legend")}>
        <Tag>{t("calendar.working")}</Tag>
        <Tag color="default" style={{ background: "#fafafa" }}>
          {t("calendar.weekend")}
        </Tag>
        {Object.entries(KIND_COLOR).map(([k, c]) => (
          <Tag key={k} color={c}>
            {tl("hkind", k)}
          </Tag>
        ))}
        <Tag className="cal-selected-sample">{t("calendar.selected")}</Tag>
        <Badge color="#b71c1c" text={t("calendar.dueClaims")} />
        <Badge color="#1565c0" text={t("calendar.dueTasks")} />
      </Space>
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d.startOf("month"))}
        onSelect={(d, info) => {
          if (info.source === "date") setDay(d.format("YYYY-MM-DD"));
          else setMonth(d.startOf("month"));
        }}
        cellRender={(d, info) => (info.type === "date" ? cell(d) : info.originNode)}
      />
      <Drawer open={!!day} title={t("calendar.dayDetail", { date: fmtDate(day) })} onClose={() => setDay(null)}>
        {!sel || (sel.claims.length === 0 && sel.tasks.length === 0 && sel.holidays.length === 0) ? (
          <Empty description={t("calendar.nothing")} />
        ) : (
          <Space orientation="vertical" style={{ width: "100%" }}>
            {sel.holidays.map((h) => (
              <div key={h.name + h.kind}>
                <Tag color={KIND_COLOR[h.kind]}>{tl("hkind", h.kind)}</Tag> {h.name}
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {h.source}
                </Typography.Text>
              </div>
            ))}
            <List
              header={t("calendar.dueClaims")}
              size="small"
              dataSource={sel.claims}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/claims/${c.claim_id}`}>{c.code}</Link> — {c.label ?? c.step} ({c.claimant_name})
                </List.Item>
              )}
            />
            <List
              header={t("calendar.dueTasks")}
              size="small"
              dataSource={sel.tasks}
              renderItem={(x) => (
                <List.Item>
                  <Link to={`/plans?plan=${x.plan_id}`}>{x.ref}</Link> — {x.content.slice(0, 80)} · {x.period_label}
                </List.Item>
              )}
            />
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
