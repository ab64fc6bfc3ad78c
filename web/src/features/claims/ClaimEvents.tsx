// The claim's recorded steps as a timeline of facts: each step with what it recorded; a corrected step shows its
// original struck through beside the correction, a voided step stays listed struck through, each with who, when and
// why; below, every correction of the claim (steps and details). Correct / void actions only for roles that may.
import { Button, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { fmtDate, fmtDateTime, fmtMoney } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useMe } from "../../shared/session.tsx";
import { canCorrect, FieldsCorrectionModal, StepCorrectionModal } from "./ClaimCorrections.tsx";
import { groundText } from "./ground-text.ts";
import type { ClaimCorrection, ClaimDetail, ClaimEvent, StepSnapshot } from "./types.ts";

/** The facts a step recorded (amounts in đồng with separators, numbers, officer …), one per line. */
export function EventFacts({ data }: { data: unknown }) {
  const { t, tl } = useI18n();
  if (!data || typeof data !== "object") return null;
  const lines: string[] = [];
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (k === "items" && Array.isArray(v)) {
      for (const i of v as Array<{ head?: string; amount?: number }>)
        lines.push(`${tl("damage", i.head)}: ${fmtMoney(i.amount)}`);
    } else if (k === "reimbursements" && Array.isArray(v)) {
      for (const r of v as Array<{ date?: string; amount?: number }>)
        lines.push(`${t("step.recovered")}: ${fmtMoney(r.amount)} (${fmtDate(r.date)})`);
    } else if (typeof v === "number" && /amount/.test(k)) lines.push(`${tl("fact", k)}: ${fmtMoney(v)}`);
    else if (k === "method") lines.push(`${t("step.method")}: ${tl("step.method", String(v))}`);
    else if (typeof v === "string" || typeof v === "number") lines.push(`${tl("fact", k)}: ${v}`);
  }
  return (
    <span style={{ whiteSpace: "pre-line" }} data-testid="event-facts">
      {lines.join("\n")}
    </span>
  );
}

const Del = ({ children }: { children: ReactNode }) => (
  <del data-testid="corrected-original" style={{ color: "#8c8c8c", marginRight: 6 }}>
    {children}
  </del>
);

function WhoWhenWhy({ c }: { c: ClaimCorrection }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }} data-testid="correction-note">
      {t(c.action === "void" ? "corr.voided" : "corr.corrected")} ·{" "}
      {t("corr.byAt", { name: c.corrected_by_name ?? "—", at: fmtDateTime(c.corrected_at) })} ·{" "}
      {t("corr.why", { reason: c.reason })}
    </Typography.Text>
  );
}

type Row = ClaimEvent & { voided?: ClaimCorrection; fixes: ClaimCorrection[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Value of a step field before the correction, struck through, when the correction changed it. */
function before<K extends keyof StepSnapshot>(row: Row, key: K, render: (v: StepSnapshot[K]) => ReactNode): ReactNode {
  return row.fixes.map((c, i) => {
    const b = c.before as StepSnapshot | null;
    // The next value is the following correction's original, or the step as it is now.
    const next = (row.fixes[i + 1]?.before as StepSnapshot | undefined) ?? (row as unknown as StepSnapshot);
    if (!b || same(b[key], next[key]) || b[key] === undefined) return null;
    return <Del key={c.id}>{render(b[key]) || "—"}</Del>;
  });
}

function ClaimFieldCorrection({ c }: { c: ClaimCorrection }) {
  const { t } = useI18n();
  const b = (c.before ?? {}) as Record<string, unknown>;
  const a = (c.after ?? {}) as Record<string, unknown>;
  const show = (k: string, v: unknown) =>
    v === null || v === undefined || v === ""
      ? "—"
      : typeof v === "number" && /amount/.test(k)
        ? fmtMoney(v)
        : String(v);
  const labels: Record<string, string> = {
    claimant_name: t("claims.claimantName"),
    claimant_address: t("claims.address"),
    claimant_phone: t("claims.phone"),
    claimant_id_number: t("claims.idNumber"),
    summary: t("claims.summary"),
    amount_requested: t("claims.amountRequested"),
    amount_decided: t("claims.amountDecided"),
    amount_paid: t("claims.amountPaid"),
    amount_advance: t("claims.amountAdvance"),
    field: t("claims.field"),
    law_version: t("claims.law"),
    handling_agency_id: t("claims.handling"),
    managing_agency_id: t("claims.managing"),
  };
  return (
    <>
      {Object.keys(a).map((k) => (
        <div key={k}>
          {labels[k] ?? k}: <Del>{show(k, b[k])}</Del>
          <strong>{show(k, a[k])}</strong>
        </div>
      ))}
    </>
  );
}

export function ClaimEvents({ claim, onChanged }: { claim: ClaimDetail; onChanged: () => void }) {
  const { t, tl } = useI18n();
  const me = useMe().data;
  const allowed = canCorrect(me, claim);
  const [editing, setEditing] = useState<{ event: ClaimEvent; mode: "correct" | "void" } | null>(null);
  const [fields, setFields] = useState(false);
  const corrections = claim.corrections ?? [];
  const rows: Row[] = claim.events.map((e) => ({
    ...e,
    fixes: corrections.filter((c) => c.event_id === e.id && c.action === "correct"),
  }));
  for (const c of corrections) {
    if (c.action !== "void" || !c.before) continue;
    const b = c.before as StepSnapshot;
    rows.push({
      id: `void-${c.id}`,
      seq: 0,
      type: b.type,
      date: b.date,
      ground: b.ground,
      note: b.note,
      data: b.data,
      recorded_by: null,
      recorded_at: c.corrected_at,
      voided: c,
      fixes: [],
    });
  }
  rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.seq - y.seq));
  const strike = (r: Row, node: ReactNode) => (r.voided ? <Del>{node}</Del> : node);
  const close = (changed: boolean) => {
    setEditing(null);
    setFields(false);
    if (changed) onChanged();
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {allowed && (
        <Button onClick={() => setFields(true)} data-testid="correct-fields">
          {t("corr.fields")}
        </Button>
      )}
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        data-testid="events-table"
        rowClassName={(r) => (r.voided ? "voided-step" : "")}
        columns={[
          {
            title: t("claims.eventDate"),
            dataIndex: "date",
            width: 130,
            render: (v: string, r) => (
              <>
                {before(r, "date", (d) => fmtDate(d as string))}
                {strike(r, fmtDate(v))}
              </>
            ),
          },
          {
            title: t("claims.events"),
            dataIndex: "type",
            render: (v: string, r) => (
              <>
                {strike(r, tl("event", v))}
                {r.voided && (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    {t("corr.voided")}
                  </Tag>
                )}
                {r.voided && <WhoWhenWhy c={r.voided} />}
                {r.fixes.map((c) => (
                  <WhoWhenWhy key={c.id} c={c} />
                ))}
              </>
            ),
          },
          {
            title: t("claims.ground"),
            dataIndex: "ground",
            width: 90,
            render: (v: string | null, r) => {
              const ground = (g: string | null | undefined) => {
                const x = groundText(r.type, g);
                return x && <span title={x.title}>{x.text}</span>;
              };
              return (
                <>
                  {before(r, "ground", (g) => ground(g as string | null))}
                  {strike(r, ground(v))}
                </>
              );
            },
          },
          {
            title: t("claims.facts"),
            dataIndex: "data",
            render: (d: unknown, r) => (
              <>
                {before(r, "data", (x) => (
                  <EventFacts data={x} />
                ))}
                {strike(r, <EventFacts data={d} />)}
              </>
            ),
          },
          {
            title: t("common.note"),
            dataIndex: "note",
            render: (v: string | null, r) => (
              <>
                {before(r, "note", (n) => n as string)}
                {strike(r, v)}
              </>
            ),
          },
          { title: t("claims.recordedBy"), dataIndex: "recorded_at", render: fmtDateTime, width: 150 },
          ...(allowed
            ? [
                {
                  title: t("corr.actions"),
                  key: "actions",
                  width: 170,
                  render: (_: unknown, r: Row) =>
                    r.voided ? null : (
                      <Space size={0} wrap>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setEditing({ event: r, mode: "correct" })}
                          data-testid={`correct-${r.type}`}
                        >
                          {t("corr.correct")}
                        </Button>
                        <Button
                          size="small"
                          type="link"
                          danger
                          onClick={() => setEditing({ event: r, mode: "void" })}
                          data-testid={`void-${r.type}`}
                        >
                          {t("corr.void")}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {corrections.some((c) => c.target === "claim") && (
        <div data-testid="field-corrections">
          <Typography.Title level={5}>{t("corr.log")}</Typography.Title>
          {corrections
            .filter((c) => c.target === "claim")
            .map((c) => (
              <div key={c.id} style={{ marginBottom: 8 }}>
                <ClaimFieldCorrection c={c} />
                <WhoWhenWhy c={c} />
              </div>
            ))}
        </div>
      )}
      {editing && <StepCorrectionModal claim={claim} event={editing.event} mode={editing.mode} onClose={close} />}
      {fields && <FieldsCorrectionModal claim={claim} onClose={close} />}
    </Space>
  );
}
