// The portal's content (GET /api/public/content, public and cacheable) and the one renderer of its text format,
// shared with the leaflet (src/domain/public-content/content.ts: paragraphs and "- " bullets, never HTML).
import { useQuery } from "@tanstack/react-query";
import { contentBlocks } from "../../../../src/domain/public-content/content.ts";
import type { PublicContent } from "../../../../src/http/contracts/public-content.ts";
import { api } from "../../shared/api.ts";
import { usePT } from "./text.ts";

/** One step of the procedure as the portal explains it, with a worked example. */
export type PublicStep = PublicContent["steps"][number];

export function usePublicContent() {
  return useQuery({
    queryKey: ["public-content"],
    queryFn: () => api<PublicContent>("/api/public/content"),
    staleTime: 5 * 60_000,
  });
}

export function ContentBody({ body }: { body: string }) {
  return (
    <>
      {contentBlocks(body).map((b, i) =>
        b.kind === "paragraph" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one text, in order, never reordered
          <p key={i}>{b.text}</p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <ul key={i}>
            {b.items.map((t, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <li key={j}>{t}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

export function Sources({ list }: { list: string[] }) {
  const { pt } = usePT();
  if (list.length === 0) return null;
  return <p className="pp-source">{pt("sources", { list: list.join("; ") })}</p>;
}

/** Loading and error states of a public page (role=status / role=alert so screen readers hear them). */
export function LoadState({ isLoading, error, retry }: { isLoading: boolean; error: unknown; retry: () => void }) {
  const { pt } = usePT();
  if (isLoading) return <p role="status">{pt("loading")}</p>;
  if (error)
    return (
      <div role="alert" className="pp-alert warn">
        <p>{pt("loadError")}</p>
        <button type="button" className="pp-btn secondary" onClick={retry}>
          {pt("retry")}
        </button>
      </div>
    );
  return null;
}
