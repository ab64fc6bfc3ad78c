// The operating system's "reduce motion" setting (WCAG 2.3.3): when it is on, antd's zoom, slide and fade motions are
// switched off (theme token `motion: false`, no click wave) and dialogs, drawers and messages appear and leave at once.
import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(QUERY);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
};

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
