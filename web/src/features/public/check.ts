// The guided check's data on the client: the question graph served by GET /api/public/interview (contract:
// src/http/contracts/public-portal.ts), the answers kept in sessionStorage (nothing lost on reload, gone when the tab
// closes — a shared phone keeps no trace), and the walk through the graph by its `next` rules.
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { api } from "../../shared/api.ts";

export type Option = { value: string; label: string; help?: string; group?: string };
export type Question = {
  id: string;
  text: string;
  help?: string;
  type: "single_choice" | "date" | "province";
  options: Option[];
  not_future?: boolean;
  not_before?: { question: string; message: string };
  next: Array<{ when?: Record<string, string[]>; goto: string | null }>;
};
export type Interview = { version: string; first: string; questions: Question[] };
export type Answers = Record<string, string>;

export function useInterview() {
  return useQuery({
    queryKey: ["public-interview"],
    queryFn: () => api<Interview>("/api/public/interview"),
    staleTime: 60 * 60_000,
  });
}

/** The question after `q` for these answers (null: the check can be made). First matching rule wins. */
export function nextOf(q: Question, answers: Answers): string | null {
  for (const rule of q.next) {
    const ok = Object.entries(rule.when ?? {}).every(([k, vs]) => answers[k] !== undefined && vs.includes(answers[k]));
    if (ok) return rule.goto;
  }
  return null;
}

/** The questions on the path for these answers, up to the first unanswered one; `complete` when none is left. */
export function pathOf(iv: Interview, answers: Answers): { path: Question[]; complete: boolean } {
  const byId = new Map(iv.questions.map((q) => [q.id, q]));
  const path: Question[] = [];
  let cur: string | null = iv.first;
  while (cur !== null) {
    const q = byId.get(cur);
    if (!q || path.includes(q)) break;
    path.push(q);
    if (answers[q.id] === undefined) return { path, complete: false };
    cur = nextOf(q, answers);
  }
  return { path, complete: true };
}

/** Only the answers on the path (an earlier answer changed may leave stale ones behind). */
export function answersOnPath(iv: Interview, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of pathOf(iv, answers).path) if (answers[q.id] !== undefined) out[q.id] = answers[q.id];
  return out;
}

const KEY = "btnn.portal.answers";

function load(): Answers {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? "{}") as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const out: Answers = {};
      for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
      return out;
    }
  } catch {
    // unreadable storage: start afresh
  }
  return {};
}

export function useStoredAnswers(): [Answers, (a: Answers) => void] {
  const [answers, setState] = useState<Answers>(load);
  const set = useCallback((a: Answers) => {
    setState(a);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(a));
    } catch {
      // storage full or disabled: the answers live as long as the page
    }
  }, []);
  return [answers, set];
}

/** The stored answers, read once (for the submission page). */
export const storedAnswers = load;

/** "15/03/2025", "15-3-2025" or "2025-03-15" → ISO date; undefined when not a real date. */
export function parseViDate(s: string): string | undefined {
  const t = s.trim();
  let y: number;
  let m: number;
  let d: number;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else {
    r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!r) return undefined;
    [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  }
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Today in Vietnam (UTC+7, no daylight saving) as an ISO date. */
export function todayVnIso(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
