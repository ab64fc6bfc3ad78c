// Frequently asked questions of the public portal (content edited by the Cục BTNN).
import { useEffect } from "react";
import { ContentBody, LoadState, Sources, usePublicContent } from "./content.tsx";
import { usePT } from "./text.ts";

export default function PublicFaqPage() {
  const { pt } = usePT();
  const q = usePublicContent();
  useEffect(() => {
    document.title = `${pt("faqTitle")} — ${pt("site")}`;
  }, [pt]);
  const faq = q.data?.items.filter((i) => i.page === "faq") ?? [];
  return (
    <>
      <h1>{pt("faqTitle")}</h1>
      <LoadState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {faq.map((item) => (
        <section key={item.key} aria-labelledby={`h-${item.key}`} className="pp-card">
          <h2 id={`h-${item.key}`}>
            {item.title}
            {item.unverified ? ` ${pt("unverifiedMark")}` : ""}
          </h2>
          <ContentBody body={item.body} />
          <Sources list={item.sources} />
        </section>
      ))}
      {faq.some((i) => i.unverified) && q.data && (
        <p className="pp-source">
          {pt("unverifiedMark")} {q.data.unverified_legend}
        </p>
      )}
    </>
  );
}
