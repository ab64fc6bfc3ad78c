// Home of the public portal: what state compensation is, who may claim, time limit, where, papers, support (content
// edited by the Cục BTNN), the steps with their statutory times computed by the server on the working-day calendar
// (each with its "how this date is computed" explanation), and the way into the quick check, filing and tracking.
import { useEffect } from "react";
import { Link } from "react-router";
import { ContentBody, LoadState, type PublicStep, Sources, usePublicContent } from "./content.tsx";
import { PORTAL } from "./PublicLayout.tsx";
import { usePT, viDate } from "./text.ts";

function Step({ s }: { s: PublicStep }) {
  const { pt } = usePT();
  return (
    <li>
      <h3>
        {s.title}
        {s.confidence !== "confirmed" ? ` ${pt("unverifiedMark")}` : ""}
      </h3>
      <p>
        <strong>{s.duration_vi}</strong> — {s.text}
      </p>
      <p className="pp-due">{pt("dueBy", { date: viDate(s.example.due) })}</p>
      <details>
        <summary>{pt("howComputed")}</summary>
        <ul>
          {s.example.explanation.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: explanation lines in order
            <li key={i}>{e.text}</li>
          ))}
        </ul>
      </details>
      <p className="pp-source">{pt("sources", { list: s.cite })}</p>
    </li>
  );
}

export default function PublicHomePage() {
  const { pt } = usePT();
  const q = usePublicContent();
  useEffect(() => {
    document.title = `${pt("site")} — ${pt("siteSub")}`;
  }, [pt]);
  const home = q.data?.items.filter((i) => i.page === "home") ?? [];
  const anyUnverified =
    !!q.data && (home.some((i) => i.unverified) || q.data.steps.some((s) => s.confidence !== "confirmed"));
  return (
    <>
      <h1>{pt("homeTitle")}</h1>
      <p>{pt("homeLead")}</p>
      <div className="pp-actions">
        <Link className="pp-btn" to={`${PORTAL}/kiem-tra`}>
          {pt("startCheck")}
        </Link>
        <Link className="pp-btn secondary" to={`${PORTAL}/nop-ho-so`}>
          {pt("submit")}
        </Link>
        <Link className="pp-btn secondary" to={`${PORTAL}/tra-cuu`}>
          {pt("status")}
        </Link>
      </div>
      <LoadState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {home.map((item) => (
        <section key={item.key} aria-labelledby={`h-${item.key}`}>
          <h2 id={`h-${item.key}`}>
            {item.title}
            {item.unverified ? ` ${pt("unverifiedMark")}` : ""}
          </h2>
          <ContentBody body={item.body} />
          <Sources list={item.sources} />
        </section>
      ))}
      {q.data && (
        <section aria-labelledby="h-steps">
          <h2 id="h-steps">{pt("stepsTitle")}</h2>
          <p>{pt("stepsLead", { date: viDate(q.data.today) })}</p>
          <ol className="pp-steps">
            {q.data.steps.map((s) => (
              <Step key={s.key} s={s} />
            ))}
          </ol>
          <p className="pp-hint">{pt("stepsNote")}</p>
        </section>
      )}
      {anyUnverified && q.data && (
        <p className="pp-source">
          {pt("unverifiedMark")} {q.data.unverified_legend}
        </p>
      )}
      <section aria-labelledby="h-leaflet" className="pp-card">
        <h2 id="h-leaflet">{pt("leafletTitle")}</h2>
        <p>{pt("leafletText")}</p>
        <a className="pp-btn secondary" href="/api/public/leaflet.pdf" download>
          {pt("leafletDownload")}
        </a>
      </section>
    </>
  );
}
