// The second factor the person will give with the receipt code to follow the file: the phone number or the last four
// digits of the identity number (stored hashed).
import type { FieldIssues } from "./field-issues.tsx";
import { usePT } from "./text.ts";

export type Factor = { kind: "phone" | "id_last4"; value: string };

const KINDS = [
  ["phone", "factorPhone"],
  ["id_last4", "factorId"],
] as const;

export function TrackingFactor({
  factor,
  onChange,
  issues,
}: {
  factor: Factor;
  onChange: (factor: Factor) => void;
  issues: FieldIssues;
}) {
  const { pt } = usePT();
  return (
    <fieldset className="pp-field">
      <legend>{pt("factorLegend")}</legend>
      <p className="pp-hint">{pt("factorHint")}</p>
      {KINDS.map(([k, label]) => (
        <label key={k} className="pp-choice">
          <input
            type="radio"
            name="factor"
            checked={factor.kind === k}
            onChange={() => onChange({ ...factor, kind: k })}
          />
          <span>{pt(label)}</span>
        </label>
      ))}
      <label htmlFor="p-factor">{pt(factor.kind === "phone" ? "factorPhoneValue" : "factorIdValue")}</label>
      <input
        id="p-factor"
        type="text"
        inputMode="numeric"
        value={factor.value}
        onChange={(e) => onChange({ ...factor, value: e.target.value })}
        aria-invalid={issues.invalid("/factor")}
        aria-describedby={issues.describedBy("/factor")}
      />
      {issues.error("/factor")}
    </fieldset>
  );
}
