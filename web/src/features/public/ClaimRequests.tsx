// What a claim asks for besides the damages, ticked by the person: an advance, the basis document collected by the
// agency, honour restored.
import type { Requests } from "./submission.ts";
import { usePT } from "./text.ts";

const CHOICES = [
  ["request_advance", "reqAdvance"],
  ["request_basis_document_collection", "reqBasis"],
  ["request_honour", "reqHonour"],
] as const;

export function ClaimRequests({ requests, onChange }: { requests: Requests; onChange: (requests: Requests) => void }) {
  const { pt } = usePT();
  return (
    <fieldset className="pp-field">
      <legend>{pt("requestsLegend")}</legend>
      {CHOICES.map(([k, label]) => (
        <label key={k} className="pp-choice">
          <input
            type="checkbox"
            checked={requests[k]}
            onChange={(e) => onChange({ ...requests, [k]: e.target.checked })}
          />
          <span>{pt(label)}</span>
        </label>
      ))}
    </fieldset>
  );
}
