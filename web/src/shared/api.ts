// Tiny fetch client for /api: JSON in/out, the CSRF double-submit header on writes (cookie btnn_csrf →
// x-csrf-token), and ApiError carrying the API's Vietnamese message and field issues.

export type Issue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export type Page<T> = { items: T[]; total: number; page: number; page_size: number };

function cookie(name: string): string | undefined {
  const m = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return m ? decodeURIComponent(m.slice(name.length + 1)) : undefined;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

let onUnauthorized: (() => void) | null = null;
/** Called when a request comes back 401 (session expired): the app sends the user to the login page. */
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}

export async function api<T>(
  path: string,
  opts: { method?: string; body?: unknown; query?: Query; signal?: AbortSignal; quiet401?: boolean } = {},
): Promise<T> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") {
    const token = cookie("btnn_csrf");
    if (token) headers["x-csrf-token"] = token;
  }
  const res = await fetch(withQuery(path, opts.query), {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: "same-origin",
    signal: opts.signal,
  });
  if (res.status === 204) return null as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const b = (data ?? {}) as { error?: string; code?: string; issues?: Issue[] };
    if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
    throw new ApiError(res.status, b.code ?? `http_${res.status}`, b.error ?? `Lỗi ${res.status}`, b.issues ?? []);
  }
  return data as T;
}

/** Every page of a list endpoint (page_size 100), up to `max` items. */
export async function apiAll<T>(path: string, query: Query = {}, max = 2000): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const r = await api<Page<T>>(path, { query: { ...query, page, page_size: 100 } });
    out.push(...r.items);
    if (r.items.length < 100 || out.length >= r.total || out.length >= max) return out;
  }
}

/** API field path "/claimant_name" or "/events/0/date" → antd Form name path. */
export function issuePath(path: string): Array<string | number> {
  return path
    .split("/")
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
