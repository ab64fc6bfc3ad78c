// "Dữ liệu cá nhân của bạn" on the status page (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4): with the code and
// second factor already typed, the person sees the data held, asks for a correction (the agency decides; nothing changes
// by itself) or withdraws consent (what that does is the server's rule — src/domain/portal/data-rights.ts — shown before
// the person confirms). Contracts: src/http/contracts/public-data-rights.ts.
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  CORRECTABLE_FIELD_VI,
  CORRECTABLE_FIELDS,
  type CorrectableField,
} from "../../../../src/domain/portal/data-rights.ts";
import { ApiError, api } from "../../shared/api.ts";
import { usePT, viDate } from "./text.ts";

type Correction = {
  id: string;
  field_label: string;
  value: string;
  status: string;
  created_on: string;
  answer: string | null;
};
type MyData = {
  controller: { name: string };
  purpose: string;
  consent: { at: string; text_version: string; withdrawn_at: string | null };
  person: Record<"full_name" | "address", string> &
    Record<"date_of_birth" | "id_number" | "phone" | "email", string | null>;
  facts: string;
  damage_heads: Array<{ description: string; amount?: number }>;
  attachments: Array<{ title: string; file_name: string; size: number }>;
  corrections: Correction[];
  withdrawal: { explanation: string; basis: string; confidence: string } | null;
};

const STATUS_KEY = { open: "drOpen", done: "drDone", refused: "drRefused", erased: "drErased" } as const;

export default function DataRights(props: { code: string; factor: string; onChanged: () => void }) {
  const { pt } = usePT();
  const [data, setData] = useState<MyData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [field, setField] = useState<CorrectableField | "">("");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const auth = { code: props.code, factor: props.factor };

  useEffect(() => {
    if (data) heading.current?.focus();
  }, [data]);

  const run = async (f: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await f();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : pt("networkError"));
    } finally {
      setBusy(false);
    }
  };
  const load = () => run(async () => setData(await api<MyData>("/api/public/my-data", { method: "POST", body: auth })));

  const correct = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    if (!field || !value.trim()) return setError(pt("drMissing"));
    return run(async () => {
      await api("/api/public/my-data/corrections", {
        method: "POST",
        body: { ...auth, field, value: value.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      setField("");
      setValue("");
      setReason("");
      setSent(pt("drSent"));
      setData(await api<MyData>("/api/public/my-data", { method: "POST", body: auth }));
    });
  };

  const withdraw = (e: FormEvent) => {
    e.preventDefault();
    if (!confirm) return setError(pt("drConfirmMissing"));
    return run(async () => {
      await api("/api/public/my-data/withdraw", { method: "POST", body: { ...auth, confirm: true } });
      setData(await api<MyData>("/api/public/my-data", { method: "POST", body: auth }));
      props.onChanged();
    });
  };

  const errorLine = error && (
    <p id="dr-error" className="pp-error" role="alert">
      {error}
    </p>
  );

  return (
    <section aria-labelledby="h-rights" className="pp-card" data-testid="data-rights">
      <h2 id="h-rights">{pt("drTitle")}</h2>
      <p>{pt("drLead")}</p>
      {!data && (
        <>
          {errorLine}
          <div className="pp-actions">
            <button type="button" className="pp-btn secondary" onClick={load} disabled={busy}>
              {pt("drShow")}
            </button>
          </div>
        </>
      )}
      {data && (
        <>
          <h3 id="h-held" ref={heading} tabIndex={-1}>
            {pt("drHeld")}
          </h3>
          <dl data-testid="my-data">
            <dt>{pt("drName")}</dt>
            <dd>{data.person.full_name}</dd>
            {data.person.date_of_birth && (
              <>
                <dt>{pt("drBirth")}</dt>
                <dd>{viDate(data.person.date_of_birth)}</dd>
              </>
            )}
            {data.person.id_number && (
              <>
                <dt>{pt("drId")}</dt>
                <dd>{data.person.id_number}</dd>
              </>
            )}
            <dt>{pt("drAddress")}</dt>
            <dd>{data.person.address}</dd>
            {data.person.phone && (
              <>
                <dt>{pt("drPhone")}</dt>
                <dd>{data.person.phone}</dd>
              </>
            )}
            {data.person.email && (
              <>
                <dt>{pt("drEmail")}</dt>
                <dd>{data.person.email}</dd>
              </>
            )}
            <dt>{pt("drFacts")}</dt>
            <dd>{data.facts}</dd>
            {data.damage_heads.length > 0 && (
              <>
                <dt>{pt("drDamage")}</dt>
                {data.damage_heads.map((d) => (
                  <dd key={d.description}>{d.description}</dd>
                ))}
              </>
            )}
            <dt>{pt("drFiles")}</dt>
            {data.attachments.length ? (
              data.attachments.map((a) => (
                <dd key={a.file_name}>
                  {a.title} ({a.file_name})
                </dd>
              ))
            ) : (
              <dd>{pt("drNone")}</dd>
            )}
            <dt>{pt("drController")}</dt>
            <dd>
              {data.controller.name}. {data.purpose}
            </dd>
            <dt>{pt("drConsent")}</dt>
            <dd>
              {pt("drConsentAt", { date: viDate(data.consent.at), version: data.consent.text_version })}
              {data.consent.withdrawn_at && ` ${pt("drWithdrawnAt", { date: viDate(data.consent.withdrawn_at) })}`}
            </dd>
          </dl>

          {data.corrections.length > 0 && (
            <>
              <h3>{pt("drAsked")}</h3>
              <ul data-testid="corrections">
                {data.corrections.map((c) => (
                  <li key={c.id}>
                    {viDate(c.created_on)} — {c.field_label}: {c.value} —{" "}
                    <strong>{pt(STATUS_KEY[c.status as keyof typeof STATUS_KEY] ?? "drOpen")}</strong>
                    {c.answer && <> ({c.answer})</>}
                  </li>
                ))}
              </ul>
            </>
          )}

          {errorLine}

          {data.withdrawal ? (
            <>
              <form onSubmit={correct} noValidate aria-labelledby="h-correct">
                <h3 id="h-correct">{pt("drCorrectTitle")}</h3>
                <p className="pp-hint">{pt("drCorrectHint")}</p>
                <div className="pp-field">
                  <label htmlFor="dr-field">{pt("drField")}</label>
                  <select id="dr-field" value={field} onChange={(e) => setField(e.target.value as CorrectableField)}>
                    <option value="">{pt("drFieldPick")}</option>
                    {CORRECTABLE_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {CORRECTABLE_FIELD_VI[f]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="pp-field">
                  <label htmlFor="dr-value">{pt("drValue")}</label>
                  <textarea
                    id="dr-value"
                    rows={2}
                    maxLength={2000}
                    value={value}
                    onChange={(e) => setValue(e.target.value)}
                  />
                </div>
                <div className="pp-field">
                  <label htmlFor="dr-reason">{pt("drReason")}</label>
                  <textarea
                    id="dr-reason"
                    rows={2}
                    maxLength={1000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                </div>
                {sent && (
                  <p className="pp-alert ok" role="status">
                    {sent}
                  </p>
                )}
                <div className="pp-actions">
                  <button type="submit" className="pp-btn" disabled={busy}>
                    {pt("drSend")}
                  </button>
                </div>
              </form>

              <form onSubmit={withdraw} noValidate aria-labelledby="h-withdraw">
                <h3 id="h-withdraw">{pt("drWithdrawTitle")}</h3>
                <p id="dr-effect" className="pp-alert warn" data-testid="withdraw-effect">
                  {data.withdrawal.explanation}{" "}
                  <span className="pp-source">
                    ({data.withdrawal.basis}
                    {data.withdrawal.confidence === "unverified" ? ` — ${pt("drUnverified")}` : ""})
                  </span>
                </p>
                <label className="pp-choice">
                  <input
                    type="checkbox"
                    checked={confirm}
                    aria-describedby="dr-effect"
                    onChange={(e) => setConfirm(e.target.checked)}
                  />
                  <span>{pt("drConfirm")}</span>
                </label>
                <div className="pp-actions">
                  <button type="submit" className="pp-btn secondary" disabled={busy}>
                    {pt("drWithdraw")}
                  </button>
                </div>
              </form>
            </>
          ) : (
            <p className="pp-alert ok" role="status" data-testid="withdrawn">
              {pt("drWithdrawnNote")}
            </p>
          )}
        </>
      )}
    </section>
  );
}
