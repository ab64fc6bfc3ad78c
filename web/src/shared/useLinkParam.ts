// A one-shot link parameter, e.g. ?task=<id> from "Việc của tôi": the screen reads it once its data is loaded, acts
// on it (opens a drawer, a form, a list) and drops it from the address (replace, no history entry), so that closing
// what it opened does not open it again.
import { useCallback } from "react";
import { useSearchParams } from "react-router";

export function useLinkParam(name: string): [value: string | null, drop: () => void] {
  const [params, setParams] = useSearchParams();
  const drop = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [params.get(name), drop];
}
