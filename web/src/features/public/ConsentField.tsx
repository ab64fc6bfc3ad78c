// Consent to the processing of personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15), required to submit.
import { CONSENT_TEXT } from "../../../../src/domain/portal/consent.ts";
import type { FieldIssues } from "./field-issues.tsx";
import { usePT } from "./text.ts";

export function ConsentField({
  accepted,
  onChange,
  issues,
}: {
  accepted: boolean;
  onChange: (accepted: boolean) => void;
  issues: FieldIssues;
}) {
  const { pt } = usePT();
  return (
    <div className="pp-field pp-card">
      <h2>{pt("consentTitle")}</h2>
      {/* The text recorded with the submission (its version is sent): the same constant the server records. */}
      <div id="consent-text" lang="vi">
        {CONSENT_TEXT.split("\n\n").map((para) => (
          <p key={para.slice(0, 40)}>{para}</p>
        ))}
      </div>
      <label className="pp-choice">
        <input
          type="checkbox"
          checked={accepted}
          required
          aria-describedby="consent-text"
          aria-invalid={issues.invalid("/consent/accepted")}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>
          {pt("consentLabel")} {pt("required")}
        </span>
      </label>
      {issues.error("/consent/accepted")}
    </div>
  );
}
