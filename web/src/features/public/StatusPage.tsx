// "Tra cứu hồ sơ": receipt code + the second factor given with the submission (phone or last 4 digits of the ID
// number) → the current step, the next statutory date (with its explanation) and the agency holding the file.
// POST /api/public/status (contract src/http/contracts/public-portal.ts): the code never travels in a URL to the API.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { ApiError, api } from "../../shared/api.ts";
import DataRights from "./DataRights.tsx";
import { usePT, viDate } from "./text.ts";

type Status = {
  code: string;
  kind: "claim" | "support";
  submitted_on: string;
  step: string;
  step_label: string;
  step_on: string;
  holder: { id: string; name: string };
  next_date: { label: string; date: string; basis: string; explanation: Array<{ text: string }> } | null;
  history: Array<{ step: string; label: string; on: string; agency: string }>;
  claim?: { code: string; step_label: string } | null;
  answer?: string | null;
};

export default function StatusPage() {
  const { pt } = usePT();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get("ma") ?? "");
  const [factor, setFactor] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${pt("status")} — ${pt("site")}`;
  }, [pt]);
  useEffect(() => {
    if (status) result.current?.focus();
  }, [status]);

  // The code and factor that found the file: the data-subject actions below prove the same pair.
  const [found, setFound] = useState<{ code: string; factor: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!code.trim() || !factor.trim()) return setError(pt("statusMissing"));
    setBusy(true);
    try {
      const pair = { code: code.trim(), factor: factor.trim() };
      setStatus(await api<Status>("/api/public/status", { method: "POST", body: pair }));
      setFound(pair);
    } catch (err) {
      setStatus(null);
      setFound(null);
      setError(err instanceof ApiError ? err.message : pt("networkError"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{pt("statusTitle")}</h1>
      <p>{pt("statusLead")}</p>
      <form
        onSubmit={submit}
        noValidate
        data-enter-submits=""
        data-writes-nothing=""
        aria-labelledby="status-form-title"
      >
        <h2 id="status-form-title" className="sr-only">
          {pt("statusTitle")}
        </h2>
        <div className="pp-field">
          <label htmlFor="s-code">{pt("codeLabel")}</label>
          <input
            id="s-code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="pp-field">
          <label htmlFor="s-factor">{pt("factorLabel")}</label>
          <input
            id="s-factor"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={factor}
            onChange={(e) => setFactor(e.target.value)}
            aria-describedby={error ? "s-error" : undefined}
          />
        </div>
        {error && (
          <p id="s-error" className="pp-error" role="alert">
            {error}
          </p>
        )}
        <div className="pp-actions">
          <button type="submit" className="pp-btn" disabled={busy} aria-busy={busy}>
            {pt("lookup")}
          </button>
        </div>
      </form>
      {status && (
        <section aria-labelledby="h-status" className="pp-card" data-testid="status-result">
          <h2 id="h-status" ref={result} tabIndex={-1}>
            {pt("statusOf", { code: status.code })}
          </h2>
          <dl>
            <dt>{pt("statusStep")}</dt>
            <dd data-testid="status-step">
              <strong>{status.step_label}</strong> — {viDate(status.step_on)}
            </dd>
            {status.claim && (
              <>
                <dt>{pt("statusClaim")}</dt>
                <dd data-testid="status-claim">
                  {pt("statusClaimText", { code: status.claim.code, step: status.claim.step_label })}
                </dd>
              </>
            )}
            {status.answer && (
              <>
                <dt>{pt(status.step === "refused" ? "statusReason" : "statusAnswer")}</dt>
                <dd data-testid="status-answer" style={{ whiteSpace: "pre-wrap" }}>
                  {status.answer}
                </dd>
              </>
            )}
            <dt>{pt("statusHolder")}</dt>
            <dd data-testid="status-holder">{status.holder.name}</dd>
            <dt>{pt("statusNext")}</dt>
            <dd data-testid="status-next">
              {status.next_date ? (
                <>
                  {status.next_date.label}: <strong>{viDate(status.next_date.date)}</strong>{" "}
                  <span className="pp-source">({status.next_date.basis})</span>
                </>
              ) : (
                pt("statusNone")
              )}
            </dd>
          </dl>
          {status.next_date && status.next_date.explanation.length > 0 && (
            <details>
              <summary>{pt("howComputed")}</summary>
              <ul>
                {status.next_date.explanation.map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: explanation lines in order
                  <li key={i}>{x.text}</li>
                ))}
              </ul>
            </details>
          )}
          <h3>{pt("statusHistory")}</h3>
          <ol>
            {status.history.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps in order; a step may recur (two negotiations)
              <li key={i}>
                {viDate(h.on)} — {h.label} ({h.agency})
              </li>
            ))}
          </ol>
        </section>
      )}
      {status && found && (
        <DataRights
          key={`${found.code}:${found.factor}`}
          code={found.code}
          factor={found.factor}
          onChanged={() =>
            api<Status>("/api/public/status", { method: "POST", body: found }).then(setStatus, () => undefined)
          }
        />
      )}
    </>
  );
}
