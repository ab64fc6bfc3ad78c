// The damage heads of a claim (Luật TNBTCNN 2017, Điều 23–28): each ticked head with its description and the amount
// claimed, as the submission and the Mẫu 01 letter carry them.
import type { ReactNode } from "react";
import { DAMAGE_HEAD_KEYS as DAMAGE_HEADS, DAMAGE_HEADS_VI } from "../../../../src/domain/portal/damage-heads.ts";
import { usePT } from "./text.ts";

type Head = (typeof DAMAGE_HEADS)[number];
const HEAD_VI = (h: Head) => DAMAGE_HEADS_VI[h].label;
export type HeadValues = Partial<Record<Head, { description: string; amount: string }>>;

/** The ticked heads as the API's `damage_heads` (amounts typed with dots or spaces read as whole đồng). */
export function damageHeadsBody(heads: HeadValues) {
  return (Object.entries(heads) as Array<[Head, { description: string; amount: string }]>).map(([head, h]) => ({
    head,
    description: h.description,
    ...(h.amount.trim() ? { amount: Number(h.amount.replace(/[.\s,]/g, "")) } : {}),
  }));
}

export function DamageHeads({
  heads,
  onChange,
  error,
}: {
  heads: HeadValues;
  onChange: (heads: HeadValues) => void;
  /** The server's error on /damage_heads, if any. */
  error: ReactNode;
}) {
  const { pt } = usePT();
  return (
    <fieldset className="pp-field">
      <legend>{pt("headsLegend")}</legend>
      <p className="pp-hint">{pt("headsHint")}</p>
      {DAMAGE_HEADS.map((h) => (
        <div key={h}>
          <label className="pp-choice">
            <input
              type="checkbox"
              checked={!!heads[h]}
              onChange={(e) => {
                const next = { ...heads };
                if (e.target.checked) next[h] = { description: "", amount: "" };
                else delete next[h];
                onChange(next);
              }}
            />
            <span>{HEAD_VI(h)}</span>
          </label>
          {heads[h] && (
            <div style={{ paddingLeft: 12 }}>
              <div className="pp-field">
                <label htmlFor={`h-${h}-d`}>{pt("headDesc", { head: HEAD_VI(h) })}</label>
                <textarea
                  id={`h-${h}-d`}
                  rows={3}
                  value={heads[h]?.description ?? ""}
                  onChange={(e) => onChange({ ...heads, [h]: { ...heads[h]!, description: e.target.value } })}
                />
              </div>
              <div className="pp-field">
                <label htmlFor={`h-${h}-a`}>{pt("headAmount")}</label>
                <input
                  id={`h-${h}-a`}
                  type="text"
                  inputMode="numeric"
                  value={heads[h]?.amount ?? ""}
                  onChange={(e) => onChange({ ...heads, [h]: { ...heads[h]!, amount: e.target.value } })}
                />
              </div>
            </div>
          )}
        </div>
      ))}
      {error}
    </fieldset>
  );
}
