// "Nộp hồ sơ trực tuyến": the person's details, what happened, the damage heads (Điều 23–28), the filled claim letter
// (Mẫu 01/BTNN) to download, attachments (limits shown before choosing), the second factor for tracking, consent under
// Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (required), a honeypot field people never see; then the receipt with its
// code, the date by which the agency must answer and the phiếu tiếp nhận (PDF). The contract is
// src/http/contracts/public-portal.ts; the POST carries an Idempotency-Key (shared/api.ts), so a double submit
// creates one submission.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ApiError, api, type Issue, newIdempotencyKey } from "../../shared/api.ts";
import { ClaimLetter } from "./ClaimLetter.tsx";
import { ClaimRequests } from "./ClaimRequests.tsx";
import { ConsentField } from "./ConsentField.tsx";
import { type Answers, answersOnPath, storedAnswers, useInterview } from "./check.ts";
import { DamageHeads, type HeadValues } from "./DamageHeads.tsx";
import { fieldIssues } from "./field-issues.tsx";
import { PersonFields } from "./PersonFields.tsx";
import { PORTAL } from "./PublicLayout.tsx";
import { attachmentsBody, type PickedFile, SubmitFiles } from "./SubmitFiles.tsx";
import { type KeptReceipt, keepReceipt, keptReceipt, type Receipt, ReceiptView } from "./SubmitReceipt.tsx";
import { type ClaimDraft, keepDraft, keptDraft, NO_PERSON, NO_REQUESTS, submissionBody } from "./submission.ts";
import { type Factor, TrackingFactor } from "./TrackingFactor.tsx";
import { usePT } from "./text.ts";

export default function SubmitPage() {
  const { pt } = usePT();
  const iv = useInterview();
  const [answers] = useState<Answers>(storedAnswers);
  const used = iv.data ? answersOnPath(iv.data, answers) : {};
  const checked = Object.keys(used).length > 0;

  const [kept] = useState(keptDraft);
  const [kind, setKind] = useState<"claim" | "support">(kept.kind ?? "claim");
  const [person, setPerson] = useState({ ...NO_PERSON, ...kept.person });
  const [facts, setFacts] = useState(kept.facts ?? "");
  const [heads, setHeads] = useState<HeadValues>(kept.heads ?? {});
  const [requests, setRequests] = useState({ ...NO_REQUESTS, ...kept.requests });
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [factor, setFactor] = useState<Factor>(kept.factor ?? { kind: "phone", value: "" });
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState("");
  const [errors, setErrors] = useState<Issue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<KeptReceipt | null>(keptReceipt);
  const key = useRef(newIdempotencyKey());
  const errorBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${pt("submit")} — ${pt("site")}`;
  }, [pt]);
  useEffect(() => {
    if (!receipt) keepDraft({ kind, person, facts, heads, requests, factor });
  }, [receipt, kind, person, facts, heads, requests, factor]);

  if (receipt) return <ReceiptView receipt={receipt.receipt} factor={receipt.factor} />;

  const issues = fieldIssues(errors);
  const draft: ClaimDraft = { kind, answers: used, person, facts, heads, requests };
  const clearErrors = () => {
    setErrors([]);
    setMessage(null);
  };
  const showErrors = (e: unknown) => {
    if (e instanceof ApiError) {
      setErrors(e.issues);
      setMessage(e.message);
    } else setMessage(pt("networkError"));
    queueMicrotask(() => errorBox.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    clearErrors();
    if (!consent) {
      setErrors([{ path: "/consent/accepted", message: pt("consentRequired") }]);
      setMessage(pt("consentRequired"));
      queueMicrotask(() => errorBox.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const attachments = await attachmentsBody(files);
      const r = await api<Receipt>("/api/public/submissions", {
        method: "POST",
        idempotencyKey: key.current,
        body: submissionBody(draft, { attachments, factor, website }),
      });
      const kept = { receipt: r, factor: factor.value };
      keepReceipt(kept);
      keepDraft(null);
      setReceipt(kept);
    } catch (err) {
      // A refused submission may be corrected and sent again: a new key for the corrected one.
      if (err instanceof ApiError && err.status < 500) key.current = newIdempotencyKey();
      showErrors(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{pt("submitTitle")}</h1>
      {!checked && (
        <div className="pp-alert warn">
          <p>{pt("checkFirst")}</p>
          <Link className="pp-btn" to={`${PORTAL}/kiem-tra`}>
            {pt("startCheck")}
          </Link>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="submit-title" data-testid="submission-form">
        <h2 id="submit-title" className="sr-only">
          {pt("submitTitle")}
        </h2>
        <div ref={errorBox} tabIndex={-1} aria-live="assertive">
          {message && (
            <div className="pp-alert warn" role="alert">
              <p>{message}</p>
              {errors.length > 0 && (
                <ul>
                  {errors.map((e) => (
                    <li key={e.path + e.message}>{e.message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>

        <fieldset className="pp-field">
          <legend>{pt("kindLegend")}</legend>
          {(["claim", "support"] as const).map((k) => (
            <label key={k} className="pp-choice">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span>{pt(k === "claim" ? "kindClaim" : "kindSupport")}</span>
            </label>
          ))}
        </fieldset>

        <PersonFields person={person} onChange={setPerson} issues={issues} />

        <h2>{pt("factsTitle")}</h2>
        <div className="pp-field">
          <label htmlFor="p-facts">
            {pt(kind === "claim" ? "factsLabel" : "supportLabel")} {pt("required")}
          </label>
          <textarea
            id="p-facts"
            rows={6}
            value={facts}
            onChange={(e) => setFacts(e.target.value)}
            aria-invalid={issues.invalid("/facts")}
            aria-describedby={issues.describedBy("/facts")}
          />
          {issues.error("/facts")}
        </div>

        {kind === "claim" && (
          <>
            <DamageHeads heads={heads} onChange={setHeads} error={issues.error("/damage_heads")} />
            <ClaimRequests requests={requests} onChange={setRequests} />
            <ClaimLetter draft={draft} onStart={clearErrors} onError={showErrors} />
          </>
        )}

        <SubmitFiles files={files} onChange={setFiles} error={issues.error("/attachments")} />
        <TrackingFactor factor={factor} onChange={setFactor} issues={issues} />
        <ConsentField accepted={consent} onChange={setConsent} issues={issues} />

        {/* Honeypot: invisible to people and skipped by keyboards and screen readers; robots fill it in. */}
        <div className="pp-hp" aria-hidden="true">
          <label htmlFor="p-website">{pt("honeypot")}</label>
          <input
            id="p-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>

        <div className="pp-actions">
          <button type="submit" className="pp-btn" disabled={busy} aria-busy={busy}>
            {busy ? pt("sending") : pt(kind === "claim" ? "sendClaim" : "sendSupport")}
          </button>
        </div>
      </form>
    </>
  );
}
