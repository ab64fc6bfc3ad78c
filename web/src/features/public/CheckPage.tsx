// "Kiểm tra nhanh": the guided check, one question a screen (docassemble-style). The step is in the URL (?buoc=<id>,
// ?buoc=ket-qua) and the answers in sessionStorage, so a reload or the browser's back button loses nothing. Native
// form controls only (radio groups, a text date, a select): fully operable by keyboard — Enter continues.
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { api } from "../../shared/api.ts";
import {
  type Answers,
  answersOnPath,
  type Interview,
  nextOf,
  parseViDate,
  pathOf,
  type Question,
  todayVnIso,
  useInterview,
  useStoredAnswers,
} from "./check.ts";
import { LoadState } from "./content.tsx";
import { PORTAL } from "./PublicLayout.tsx";
import { usePT, viDate } from "./text.ts";

const RESULT = "ket-qua";

function QuestionScreen({
  q,
  index,
  answers,
  onAnswer,
  onBack,
}: {
  q: Question;
  index: number;
  answers: Answers;
  onAnswer: (value: string) => void;
  onBack: (() => void) | null;
}) {
  const { pt } = usePT();
  const current = answers[q.id];
  const [value, setValue] = useState<string>(current ? (q.type === "date" ? viDate(current) : current) : "");
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // Each new question: the heading takes focus (screen readers read the question; Tab goes on to the answers).
  useEffect(() => {
    title.current?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value) return setError(q.type === "date" ? pt("qDateMissing") : pt("qMissing"));
    if (q.type === "date") {
      const iso = parseViDate(value);
      if (!iso) return setError(pt("qDateInvalid"));
      if (q.not_future && iso > todayVnIso()) return setError(pt("qDateFuture"));
      // Said here, on the question, rather than by the result page failing to load.
      const earliest = q.not_before ? answers[q.not_before.question] : undefined;
      if (q.not_before && earliest && iso < earliest) return setError(`${q.not_before.message} (${viDate(earliest)}).`);
      return onAnswer(iso);
    }
    onAnswer(value);
  };
  const helpId = q.help ? `help-${q.id}` : undefined;
  const errId = error ? `err-${q.id}` : undefined;
  const describedBy = [helpId, errId].filter(Boolean).join(" ") || undefined;
  const groups = [...new Set(q.options.map((o) => o.group ?? ""))];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="q-title" data-enter-submits="" data-writes-nothing="">
      <p className="pp-progress">{pt("qProgress", { n: String(index + 1) })}</p>
      <h1 id="q-title" ref={title} tabIndex={-1}>
        {q.text}
      </h1>
      {q.help && (
        <p id={helpId} className="pp-hint">
          {q.help}
        </p>
      )}
      <div className="pp-field">
        {q.type === "single_choice" && (
          <fieldset aria-labelledby="q-title" aria-describedby={describedBy}>
            {q.options.map((o) => (
              <label key={o.value} className="pp-choice">
                <input
                  type="radio"
                  name={q.id}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => {
                    setValue(o.value);
                    setError(null);
                  }}
                />
                <span>
                  {o.label}
                  {o.help && <span className="pp-hint"> — {o.help}</span>}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {q.type === "date" && (
          <>
            <label htmlFor={`a-${q.id}`}>{pt("qDateLabel")}</label>
            <input
              id={`a-${q.id}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder="dd/mm/yyyy"
              value={value}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
            />
          </>
        )}
        {q.type === "province" && (
          <>
            <label htmlFor={`a-${q.id}`}>{pt("qProvinceLabel")}</label>
            <select
              id={`a-${q.id}`}
              value={value}
              // Enter continues, as it does in the other questions (a select has no implicit submission).
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
            >
              <option value="">{pt("qProvincePick")}</option>
              {groups.map((g) =>
                g ? (
                  <optgroup key={g} label={g}>
                    {q.options
                      .filter((o) => o.group === g)
                      .map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                  </optgroup>
                ) : (
                  q.options
                    .filter((o) => !o.group)
                    .map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))
                ),
              )}
            </select>
          </>
        )}
        {error && (
          <p id={errId} className="pp-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="pp-actions">
        {onBack && (
          <button type="button" className="pp-btn secondary" onClick={onBack}>
            {pt("back")}
          </button>
        )}
        <button type="submit" className="pp-btn">
          {pt("next")}
        </button>
      </div>
    </form>
  );
}

type Cited = { text: string; cite?: string; confidence?: "confirmed" | "unverified" };
type ExplanationStep = { text: string };
export type CheckResult = {
  in_scope: "yes" | "no" | "unclear";
  scope_reasons: Cited[];
  limitation: {
    status: "not_applicable" | "not_started" | "running" | "expired" | "not_computed";
    start: string | null;
    end: string | null;
    days_left: number | null;
    basis: string;
    confidence: "confirmed" | "unverified";
    explanation: ExplanationStep[];
  };
  agency: {
    id: string;
    name: string;
    determined_by_so_tu_phap: boolean;
    former: { id: string; name: string } | null;
    cite: string;
    confidence: "confirmed" | "unverified";
    explanation: string[];
  } | null;
  where_to_go: string | null;
  papers: Array<{ id: string; text: string; help?: string; cite: string; confidence: string; generated?: boolean }>;
  next_steps: Array<{ key: string; label: string; value: number; unit: string; cite: string; confidence: string }>;
  notes: Cited[];
  unverified_legend: string | null;
};

const UNIT_VI: Record<string, string> = {
  working_days: "ngày làm việc",
  calendar_days: "ngày",
  months: "tháng",
  years: "năm",
};

function CitedLine({ c }: { c: Cited }) {
  const { pt } = usePT();
  return (
    <li>
      {c.text}
      {c.confidence === "unverified" ? ` ${pt("unverifiedMark")}` : ""}
      {c.cite && <span className="pp-source"> ({c.cite})</span>}
    </li>
  );
}

function ResultScreen({
  iv,
  answers,
  onEdit,
  onRestart,
}: {
  iv: Interview;
  answers: Answers;
  onEdit: () => void;
  onRestart: () => void;
}) {
  const { pt } = usePT();
  const used = answersOnPath(iv, answers);
  const q = useQuery({
    queryKey: ["public-check", used],
    queryFn: () => api<CheckResult>("/api/public/check", { method: "POST", body: used }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);
  const r = q.data;
  const lim = r?.limitation;
  return (
    <>
      <h1 ref={title} tabIndex={-1}>
        {pt("resultTitle")}
      </h1>
      <LoadState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.error instanceof Error && <p className="pp-error">{q.error.message}</p>}
      {r && lim && (
        <>
          <section aria-labelledby="h-scope">
            <h2 id="h-scope">{pt("resultScope")}</h2>
            <div className={`pp-alert ${r.in_scope === "yes" ? "ok" : "warn"}`} data-testid="check-scope">
              <p>
                <strong>
                  {pt(r.in_scope === "yes" ? "scopeYes" : r.in_scope === "no" ? "scopeNo" : "scopeUnclear")}
                </strong>
              </p>
              {r.scope_reasons.length > 0 && (
                <ul>
                  {r.scope_reasons.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: server order
                    <CitedLine key={i} c={c} />
                  ))}
                </ul>
              )}
            </div>
          </section>
          <section aria-labelledby="h-limit">
            <h2 id="h-limit">{pt("resultLimitation")}</h2>
            <p data-testid="check-limitation">
              {lim.status === "running" && lim.end
                ? pt("limRunning", { days: String(lim.days_left ?? ""), date: viDate(lim.end) })
                : lim.status === "expired" && lim.end
                  ? pt("limExpired", { date: viDate(lim.end) })
                  : lim.status === "not_applicable"
                    ? pt("limNone")
                    : lim.status === "not_started"
                      ? pt("limNotStarted")
                      : pt("limUnknown")}
            </p>
            <p className="pp-source">
              {lim.basis}
              {lim.confidence === "unverified" ? ` ${pt("unverifiedMark")}` : ""}
            </p>
            {lim.explanation.length > 0 && (
              <details>
                <summary>{pt("howComputed")}</summary>
                <ul>
                  {lim.explanation.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: explanation lines in order
                    <li key={i}>{e.text}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
          <section aria-labelledby="h-where">
            <h2 id="h-where">{pt("resultWhere")}</h2>
            {r.agency && (
              <div className="pp-card" data-testid="check-agency">
                <p>
                  <strong>{r.agency.name}</strong>
                  {r.agency.former && <> ({pt("formerly", { name: r.agency.former.name })})</>}
                </p>
                {r.agency.determined_by_so_tu_phap && <p>{pt("soTuPhapDetermines", { name: r.agency.name })}</p>}
                {r.agency.explanation.length > 0 && (
                  <ul>
                    {r.agency.explanation.map((t, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: server order
                      <li key={i}>{t}</li>
                    ))}
                  </ul>
                )}
                <p className="pp-source">
                  {r.agency.cite}
                  {r.agency.confidence === "unverified" ? ` ${pt("unverifiedMark")}` : ""}
                </p>
              </div>
            )}
            {r.where_to_go && <p>{r.where_to_go}</p>}
          </section>
          {r.papers.length > 0 && (
            <section aria-labelledby="h-papers">
              <h2 id="h-papers">{pt("resultPapers")}</h2>
              <ul>
                {r.papers.map((p) => (
                  <li key={p.id}>
                    {p.text}
                    {p.confidence === "unverified" ? ` ${pt("unverifiedMark")}` : ""}
                    {p.help && <span className="pp-hint"> — {p.help}</span>}
                    <span className="pp-source"> ({p.cite})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {r.next_steps.length > 0 && (
            <section aria-labelledby="h-next">
              <h2 id="h-next">{pt("resultAfter")}</h2>
              <ul>
                {r.next_steps.map((s) => (
                  <li key={s.key}>
                    {s.label}: <strong>{`${String(s.value).padStart(2, "0")} ${UNIT_VI[s.unit] ?? s.unit}`}</strong>
                    <span className="pp-source"> ({s.cite})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {r.notes.length > 0 && (
            <ul>
              {r.notes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: server order
                <CitedLine key={i} c={c} />
              ))}
            </ul>
          )}
          {r.unverified_legend && (
            <p className="pp-source">
              {pt("unverifiedMark")} {r.unverified_legend}
            </p>
          )}
          <div className="pp-actions">
            <Link className="pp-btn" to={`${PORTAL}/nop-ho-so#mau-01`}>
              {pt("downloadForm")}
            </Link>
            <Link className="pp-btn secondary" to={`${PORTAL}/nop-ho-so`}>
              {pt("fileOnline")}
            </Link>
          </div>
        </>
      )}
      <div className="pp-actions">
        <button type="button" className="pp-btn secondary" onClick={onEdit}>
          {pt("editAnswers")}
        </button>
        <button type="button" className="pp-btn secondary" onClick={onRestart}>
          {pt("restart")}
        </button>
      </div>
    </>
  );
}

export default function CheckPage() {
  const { pt } = usePT();
  const iv = useInterview();
  const [answers, setAnswers] = useStoredAnswers();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${pt("check")} — ${pt("site")}`;
  }, [pt]);
  const go = (step: string, replace = false) => navigate(`${PORTAL}/kiem-tra?buoc=${step}`, { replace });

  if (!iv.data) return <LoadState isLoading={iv.isLoading} error={iv.error} retry={() => void iv.refetch()} />;
  const data = iv.data;
  const { path, complete } = pathOf(data, answers);
  const wanted = params.get("buoc");
  // The step in the URL is honoured when it is on the path (a question already reached) — otherwise the first
  // unanswered question (or the result once all are answered).
  const onPath = path.findIndex((q) => q.id === wanted);
  if (wanted === RESULT && complete)
    return (
      <ResultScreen
        iv={data}
        answers={answers}
        onEdit={() => go(path[path.length - 1].id)}
        onRestart={() => {
          setAnswers({});
          go(data.first);
        }}
      />
    );
  const index = onPath >= 0 ? onPath : complete ? -1 : path.length - 1;
  if (index < 0) return <Navigate to={`${PORTAL}/kiem-tra?buoc=${RESULT}`} replace />;
  const q = path[index];
  if (wanted !== q.id) return <Navigate to={`${PORTAL}/kiem-tra?buoc=${q.id}`} replace />;
  return (
    <QuestionScreen
      key={q.id}
      q={q}
      index={index}
      answers={answers}
      onBack={index > 0 ? () => go(path[index - 1].id) : null}
      onAnswer={(value) => {
        const next = { ...answers, [q.id]: value };
        setAnswers(next);
        const after = nextOf(q, next);
        go(after ?? RESULT);
      }}
    />
  );
}
