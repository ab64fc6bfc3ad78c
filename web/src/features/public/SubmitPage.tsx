// "Nộp hồ sơ trực tuyến": the person's details, what happened, the damage heads (Điều 23–28), the filled claim letter
// (Mẫu 01/BTNN) to download, attachments (limits shown before choosing), the second factor for tracking, consent under
// Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (required), a honeypot field people never see; then the receipt with its
// code, the date by which the agency must answer and the phiếu tiếp nhận (PDF). The contract is
// src/http/contracts/public-portal.ts; the POST carries an Idempotency-Key (shared/api.ts), so a double submit
// creates one submission.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { CONSENT_TEXT, CONSENT_VERSION } from "../../../../src/domain/portal/consent.ts";
import { ApiError, api, newIdempotencyKey } from "../../shared/api.ts";
import { type Answers, answersOnPath, parseViDate, storedAnswers, useInterview } from "./check.ts";
import { DamageHeads, damageHeadsBody, type HeadValues } from "./DamageHeads.tsx";
import { PORTAL } from "./PublicLayout.tsx";
import { attachmentsBody, type PickedFile, SubmitFiles } from "./SubmitFiles.tsx";
import { RECEIPT_KEY, type Receipt, ReceiptView } from "./SubmitReceipt.tsx";
import { usePT } from "./text.ts";
export default function SubmitPage() {
  const { pt } = usePT();
  const iv = useInterview();
  const [answers] = useState<Answers>(storedAnswers);
  const used = iv.data ? answersOnPath(iv.data, answers) : {};
  const checked = Object.keys(used).length > 0;

  const [kind, setKind] = useState<"claim" | "support">("claim");
  const [person, setPerson] = useState({
    full_name: "",
    date_of_birth: "",
    id_number: "",
    address: "",
    phone: "",
    email: "",
  });
  const [facts, setFacts] = useState("");
  const [heads, setHeads] = useState<HeadValues>({});
  const [flags, setFlags] = useState({
    request_advance: false,
    request_basis_document_collection: false,
    request_honour: false,
  });
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [factorKind, setFactorKind] = useState<"phone" | "id_last4">("phone");
  const [factorValue, setFactorValue] = useState("");
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState("");
  const [errors, setErrors] = useState<Array<{ path: string; message: string }>>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<{ receipt: Receipt; factor: string } | null>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(RECEIPT_KEY) ?? "null") as { receipt: Receipt; factor: string } | null;
    } catch {
      return null;
    }
  });
  const key = useRef(newIdempotencyKey());
  const errorBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${pt("submit")} — ${pt("site")}`;
  }, [pt]);

  if (receipt) return <ReceiptView receipt={receipt.receipt} factor={receipt.factor} />;

  const fieldError = (path: string) =>
    errors.find((e) => e.path === path || e.path.startsWith(`${path}/`))?.message ?? null;
  const setP = (k: keyof typeof person) => (e: { target: { value: string } }) =>
    setPerson({ ...person, [k]: e.target.value });

  const personBody = () => {
    const dob = person.date_of_birth ? parseViDate(person.date_of_birth) : undefined;
    return {
      full_name: person.full_name,
      address: person.address,
      ...(dob ? { date_of_birth: dob } : person.date_of_birth ? { date_of_birth: person.date_of_birth } : {}),
      ...(person.id_number ? { id_number: person.id_number } : {}),
      ...(person.phone ? { phone: person.phone } : {}),
      ...(person.email ? { email: person.email } : {}),
    };
  };
  const showErrors = (e: unknown) => {
    if (e instanceof ApiError) {
      setErrors(e.issues);
      setMessage(e.message);
    } else setMessage(pt("networkError"));
    queueMicrotask(() => errorBox.current?.focus());
  };

  const download = async (format: "pdf" | "docx") => {
    setErrors([]);
    setMessage(null);
    try {
      const res = await fetch(`/api/public/claim-form?format=${format}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "*/*" },
        body: JSON.stringify({
          answers: used,
          person: personBody(),
          facts,
          damage_heads: damageHeadsBody(heads),
          ...flags,
        }),
      });
      if (!res.ok) {
        const b = (await res.json().catch(() => ({}))) as {
          error?: string;
          issues?: Array<{ path: string; message: string }>;
        };
        throw new ApiError(res.status, "form", b.error ?? `Lỗi ${res.status}`, b.issues ?? []);
      }
      const blob = await res.blob();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `van-ban-yeu-cau-boi-thuong-mau-01.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      showErrors(e);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setErrors([]);
    setMessage(null);
    if (!consent) {
      setErrors([{ path: "/consent/accepted", message: pt("consentRequired") }]);
      setMessage(pt("consentRequired"));
      queueMicrotask(() => errorBox.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const attachments = await attachmentsBody(files);
      const factor = { kind: factorKind, value: factorValue };
      const r = await api<Receipt>("/api/public/submissions", {
        method: "POST",
        idempotencyKey: key.current,
        body: {
          kind,
          answers: used,
          person: personBody(),
          facts,
          damage_heads: kind === "claim" ? damageHeadsBody(heads) : [],
          ...flags,
          attachments,
          factor,
          consent: { accepted: true, text_version: CONSENT_VERSION },
          ...(website ? { website } : {}),
        },
      });
      const saved = { receipt: r, factor: factorValue };
      try {
        sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(saved));
      } catch {
        // the receipt stays on screen; storage is only for a reload
      }
      setReceipt(saved);
    } catch (err) {
      // A refused submission may be corrected and sent again: a new key for the corrected one.
      if (err instanceof ApiError && err.status < 500) key.current = newIdempotencyKey();
      showErrors(err);
    } finally {
      setBusy(false);
    }
  };

  const err = (path: string) => {
    const m = fieldError(path);
    return m ? (
      <p className="pp-error" id={`err${path.replaceAll("/", "-")}`}>
        {m}
      </p>
    ) : null;
  };
  const described = (path: string, hint?: string) =>
    [hint, fieldError(path) ? `err${path.replaceAll("/", "-")}` : undefined].filter(Boolean).join(" ") || undefined;
  const text = (
    id: keyof typeof person,
    label: string,
    opts: {
      type?: string;
      required?: boolean;
      hint?: string;
      autoComplete?: string;
      inputMode?: "numeric" | "tel" | "email";
    } = {},
  ) => (
    <div className="pp-field">
      <label htmlFor={`p-${id}`}>
        {label}
        {opts.required ? ` ${pt("required")}` : ""}
      </label>
      {opts.hint && (
        <p className="pp-hint" id={`hint-${id}`}>
          {opts.hint}
        </p>
      )}
      <input
        id={`p-${id}`}
        type={opts.type ?? "text"}
        value={person[id]}
        onChange={setP(id)}
        required={opts.required}
        autoComplete={opts.autoComplete}
        inputMode={opts.inputMode}
        aria-invalid={fieldError(`/person/${id}`) ? true : undefined}
        aria-describedby={described(`/person/${id}`, opts.hint ? `hint-${id}` : undefined)}
      />
      {err(`/person/${id}`)}
    </div>
  );

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

        <h2>{pt("personTitle")}</h2>
        {text("full_name", pt("fullName"), { required: true, autoComplete: "name" })}
        {text("date_of_birth", pt("dob"), { hint: pt("dobHint"), inputMode: "numeric" })}
        {text("id_number", pt("idNumber"), { hint: pt("idHint"), inputMode: "numeric" })}
        {text("address", pt("address"), { required: true, autoComplete: "street-address" })}
        {text("phone", pt("phone"), { type: "tel", autoComplete: "tel", inputMode: "tel" })}
        {text("email", pt("email"), {
          type: "email",
          autoComplete: "email",
          inputMode: "email",
          hint: pt("emailHint"),
        })}

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
            aria-invalid={fieldError("/facts") ? true : undefined}
            aria-describedby={described("/facts")}
          />
          {err("/facts")}
        </div>

        {kind === "claim" && (
          <>
            <DamageHeads heads={heads} onChange={setHeads} error={err("/damage_heads")} />
            <fieldset className="pp-field">
              <legend>{pt("requestsLegend")}</legend>
              {(
                [
                  ["request_advance", "reqAdvance"],
                  ["request_basis_document_collection", "reqBasis"],
                  ["request_honour", "reqHonour"],
                ] as const
              ).map(([k, label]) => (
                <label key={k} className="pp-choice">
                  <input
                    type="checkbox"
                    checked={flags[k]}
                    onChange={(e) => setFlags({ ...flags, [k]: e.target.checked })}
                  />
                  <span>{pt(label)}</span>
                </label>
              ))}
            </fieldset>
            <section id="mau-01" aria-labelledby="h-form" className="pp-card">
              <h2 id="h-form">{pt("formTitle")}</h2>
              <p>{pt("formText")}</p>
              <div className="pp-actions">
                <button type="button" className="pp-btn secondary" onClick={() => void download("pdf")}>
                  {pt("formPdf")}
                </button>
                <button type="button" className="pp-btn secondary" onClick={() => void download("docx")}>
                  {pt("formDocx")}
                </button>
              </div>
            </section>
          </>
        )}

        <SubmitFiles files={files} onChange={setFiles} error={err("/attachments")} />

        <fieldset className="pp-field">
          <legend>{pt("factorLegend")}</legend>
          <p className="pp-hint">{pt("factorHint")}</p>
          <label className="pp-choice">
            <input
              type="radio"
              name="factor"
              checked={factorKind === "phone"}
              onChange={() => setFactorKind("phone")}
            />
            <span>{pt("factorPhone")}</span>
          </label>
          <label className="pp-choice">
            <input
              type="radio"
              name="factor"
              checked={factorKind === "id_last4"}
              onChange={() => setFactorKind("id_last4")}
            />
            <span>{pt("factorId")}</span>
          </label>
          <label htmlFor="p-factor">{pt(factorKind === "phone" ? "factorPhoneValue" : "factorIdValue")}</label>
          <input
            id="p-factor"
            type="text"
            inputMode="numeric"
            value={factorValue}
            onChange={(e) => setFactorValue(e.target.value)}
            aria-invalid={fieldError("/factor") ? true : undefined}
            aria-describedby={described("/factor")}
          />
          {err("/factor")}
        </fieldset>

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
              checked={consent}
              required
              aria-describedby="consent-text"
              aria-invalid={fieldError("/consent/accepted") ? true : undefined}
              onChange={(e) => setConsent(e.target.checked)}
            />
            <span>
              {pt("consentLabel")} {pt("required")}
            </span>
          </label>
          {err("/consent/accepted")}
        </div>

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
