// Review of an imported plan before anything is created: the extracted tasks as an editable grid (content, lead,
// coordinators, timing, output) beside the source text of each task. Tasks without a lead and agencies matched with
// low confidence are highlighted; tasks can be split, merged with the next one, dropped or added.
import { Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useAgencies } from "../../shared/session.tsx";

export type ReviewRow = {
  key: string;
  number: string;
  title: string;
  lead_agency_id: string | null;
  /** The wording of the plan when no single agency could be matched (shown as a hint). */
  lead_text: string;
  coordinator_agency_ids: string[];
  timing: string;
  expected_output: string;
  source: string;
  flags: string[];
};

/** Search key without diacritics: officers type "so tu phap" for "Sở Tư pháp". */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/gu, "d").toLowerCase();
const matches = (input: string, option?: { label?: unknown }) =>
  fold(String(option?.label ?? "")).includes(fold(input));

let seq = 0;
export const newKey = () => `r${++seq}`;

/** "A; B" → ["A", "B"]; otherwise the two halves at the comma nearest the middle, else the whole and an empty task. */
function splitTitle(title: string): [string, string] {
  const semi = title.indexOf(";");
  if (semi > 0) return [title.slice(0, semi).trim(), title.slice(semi + 1).trim()];
  const commas = [...title.matchAll(/,/gu)].map((m) => m.index ?? 0);
  if (commas.length > 0) {
    const mid = commas.reduce((a, b) => (Math.abs(b - title.length / 2) < Math.abs(a - title.length / 2) ? b : a));
    return [title.slice(0, mid).trim(), title.slice(mid + 1).trim()];
  }
  return [title, ""];
}

export function ReviewGrid({ rows, onChange }: { rows: ReviewRow[]; onChange: (rows: ReviewRow[]) => void }) {
  const { t } = useI18n();
  const { byId } = useAgencies();
  const options = useMemo(() => [...byId.values()].map((a) => ({ value: a.id, label: a.name })), [byId]);
  const set = (key: string, patch: Partial<ReviewRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch, flags: fixFlags(r, patch) } : r)));
  const at = (key: string) => rows.findIndex((r) => r.key === key);
  const split = (r: ReviewRow) => {
    const [a, b] = splitTitle(r.title);
    const i = at(r.key);
    onChange([
      ...rows.slice(0, i),
      { ...r, title: a },
      { ...r, key: newKey(), number: `${r.number}(2)`, title: b },
      ...rows.slice(i + 1),
    ]);
  };
  const mergeNext = (r: ReviewRow) => {
    const i = at(r.key);
    const next = rows[i + 1];
    if (!next) return;
    onChange([
      ...rows.slice(0, i),
      {
        ...r,
        title: `${r.title}; ${next.title}`,
        coordinator_agency_ids: [...new Set([...r.coordinator_agency_ids, ...next.coordinator_agency_ids])],
        source: `${r.source}\n${next.source}`,
      },
      ...rows.slice(i + 2),
    ]);
  };
  const add = (after: number) =>
    onChange([
      ...rows.slice(0, after + 1),
      {
        key: newKey(),
        number: "",
        title: "",
        lead_agency_id: null,
        lead_text: "",
        coordinator_agency_ids: [],
        timing: "",
        expected_output: "",
        source: "",
        flags: ["no_lead"],
      },
      ...rows.slice(after + 1),
    ]);

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Table<ReviewRow>
        data-testid="review-grid"
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1300 }}
        rowClassName={(r) =>
          !r.lead_agency_id ? "review-no-lead" : r.flags.includes("low_confidence") ? "review-low" : ""
        }
        onRow={(r) => ({
          style: {
            background: !r.lead_agency_id ? "#fff1f0" : r.flags.includes("low_confidence") ? "#fffbe6" : undefined,
          },
        })}
        columns={[
          {
            title: t("plans.ref"),
            dataIndex: "number",
            width: 90,
            render: (v: string, r) => (
              <Input
                size="small"
                aria-label={`${t("plans.ref")} ${v}`}
                value={v}
                onChange={(e) => set(r.key, { number: e.target.value })}
              />
            ),
          },
          {
            title: t("plans.task"),
            dataIndex: "title",
            width: 300,
            render: (v: string, r) => (
              <Input.TextArea
                aria-label={`${t("plans.task")} ${r.number}`}
                autoSize={{ minRows: 1, maxRows: 5 }}
                value={v}
                status={v.trim() ? undefined : "error"}
                onChange={(e) => set(r.key, { title: e.target.value })}
              />
            ),
          },
          {
            title: t("plans.lead"),
            dataIndex: "lead_agency_id",
            width: 230,
            render: (v: string | null, r) => (
              <Space orientation="vertical" size={2} style={{ width: "100%" }}>
                <Select
                  aria-label={`${t("plans.lead")} ${r.number}`}
                  showSearch={{ filterOption: matches }}
                  allowClear
                  style={{ width: "100%" }}
                  status={v ? (r.flags.includes("low_confidence") ? "warning" : undefined) : "error"}
                  placeholder={r.lead_text || t("plans.review.pickLead")}
                  value={v ?? undefined}
                  options={options}
                  onChange={(id) => set(r.key, { lead_agency_id: id ?? null })}
                />
                {!v && <Tag color="red">{t("plans.review.noLead")}</Tag>}
                {r.flags.includes("low_confidence") && v && (
                  <Tooltip title={r.lead_text}>
                    <Tag color="orange">{t("plans.review.lowConfidence")}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t("plans.coordinators"),
            dataIndex: "coordinator_agency_ids",
            width: 230,
            render: (v: string[], r) => (
              <Select
                aria-label={`${t("plans.coordinators")} ${r.number}`}
                mode="multiple"
                showSearch={{ filterOption: matches }}
                style={{ width: "100%" }}
                value={v}
                options={options}
                onChange={(ids) => set(r.key, { coordinator_agency_ids: ids })}
              />
            ),
          },
          {
            title: t("plans.timing"),
            dataIndex: "timing",
            width: 170,
            render: (v: string, r) => (
              <Input
                size="small"
                aria-label={`${t("plans.timing")} ${r.number}`}
                value={v}
                status={r.flags.includes("unparsed_timing") || !v ? "warning" : undefined}
                onChange={(e) => set(r.key, { timing: e.target.value })}
              />
            ),
          },
          {
            title: t("plans.output"),
            dataIndex: "expected_output",
            width: 160,
            render: (v: string, r) => (
              <Input
                size="small"
                aria-label={`${t("plans.output")} ${r.number}`}
                value={v}
                onChange={(e) => set(r.key, { expected_output: e.target.value })}
              />
            ),
          },
          {
            title: t("plans.review.source"),
            dataIndex: "source",
            width: 260,
            render: (v: string) => (
              <Typography.Paragraph
                type="secondary"
                style={{ whiteSpace: "pre-wrap", fontSize: 12, maxHeight: 120, overflow: "auto", margin: 0 }}
              >
                {v || "—"}
              </Typography.Paragraph>
            ),
          },
          {
            title: "",
            key: "ops",
            width: 120,
            fixed: "right",
            render: (_: unknown, r, i) => (
              <Space size={2} wrap>
                <Button size="small" aria-label={`${t("plans.review.split")} ${r.number}`} onClick={() => split(r)}>
                  {t("plans.review.split")}
                </Button>
                <Button
                  size="small"
                  aria-label={`${t("plans.review.merge")} ${r.number}`}
                  disabled={i === rows.length - 1}
                  onClick={() => mergeNext(r)}
                >
                  {t("plans.review.merge")}
                </Button>
                <Button
                  size="small"
                  danger
                  aria-label={`${t("plans.review.drop")} ${r.number}`}
                  onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                >
                  {t("plans.review.drop")}
                </Button>
                <Button size="small" aria-label={`${t("plans.review.add")} ${r.number}`} onClick={() => add(i)}>
                  +
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Button onClick={() => add(rows.length - 1)}>{t("plans.review.addTask")}</Button>
    </Space>
  );
}

/** A flag the user has dealt with goes away: a lead picked, a timing typed. */
function fixFlags(r: ReviewRow, patch: Partial<ReviewRow>): string[] {
  let flags = r.flags;
  if (patch.lead_agency_id !== undefined) {
    flags = flags.filter((f) => f !== "no_lead" && f !== "low_confidence");
    if (!patch.lead_agency_id) flags = [...flags, "no_lead"];
  }
  if (patch.timing !== undefined) flags = flags.filter((f) => f !== "unparsed_timing");
  return flags;
}
