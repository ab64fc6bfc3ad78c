// Tiny fetch client for /api: JSON in/out, the CSRF double-submit header on writes (cookie btnn_csrf →
// x-csrf-token), an Idempotency-Key on every POST, and ApiError carrying the API's Vietnamese message and field issues.

export type Issue = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Issue[];
  constructor(status: number, code: string, message: string, issues: Issue[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** The JSON key some API messages start with ("date: …", "events[2].ground: …"): the issue's path already says
 * which field, and the screen shows the message under that field, so people are not shown the key. */
const FIELD_KEY_PREFIX = /^[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*: /;
const forPeople = (message: string) => message.replace(FIELD_KEY_PREFIX, "");

/** The API's refusal (JSON {"error","code","issues"}, or no JSON at all) as an ApiError. */
export function refusal(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { error?: string; code?: string; issues?: Issue[] };
  return new ApiError(
    status,
    b.code ?? `http_${status}`,
    b.error ? forPeople(b.error) : `Lỗi ${status}`,
    (b.issues ?? []).map((i) => ({ ...i, message: forPeople(i.message) })),
  );
}

export type Page<T> = { items: T[]; total: number; page: number; page_size: number };

function cookie(name: string): string | undefined {
  if (typeof document === "undefined") return undefined;
  const m = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return m ? decodeURIComponent(m.slice(name.length + 1)) : undefined;
}

/** The CSRF double-submit header for a write sent with fetch() directly (raw uploads, file answers). */
export function csrfHeader(): Record<string, string> {
  const token = cookie("btnn_csrf");
  return token ? { "x-csrf-token": token } : {};
}

/** Whether this browser holds a session: login sets the readable CSRF cookie beside the (httpOnly) session cookie,
 * and logout clears both — without it, asking the API who is signed in would only log a 401 in the console. */
export function hasSessionCookie(): boolean {
  return cookie("btnn_csrf") !== undefined;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** 128 random bits as hex (crypto.getRandomValues also works outside secure contexts, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/** How long a finished submission's key is reused for the same submission again (a double click, a quick retry). */
const REUSE_AFTER_RESPONSE_MS = 5_000;
/** After a network failure the server may still have saved it: a retry within this time reuses the key. */
const REUSE_AFTER_FAILURE_MS = 10 * 60_000;
let inFlightWrites = 0;
/** Writes (non-GET requests) still waiting for their response (form-guards.ts keeps a form busy meanwhile). */
export const writesInFlight = () => inFlightWrites;

const submissions = new Map<string, { key: string; inFlight: number; until: number }>();

/**
 * The Idempotency-Key of one submission: the same path and body sent again while the first is in flight or just
 * after (double click, Enter + click, retry after a lost connection) carries the same key, so the server creates one
 * record and answers the repeats with the first response. A later, deliberate identical submission gets a new key.
 */
function submissionKey(signature: string): { key: string; done(networkFailure: boolean): void } {
  const now = Date.now();
  for (const [sig, s] of submissions) if (s.inFlight === 0 && s.until < now) submissions.delete(sig);
  let s = submissions.get(signature);
  if (!s) {
    s = { key: newIdempotencyKey(), inFlight: 0, until: 0 };
    submissions.set(signature, s);
  }
  const entry = s;
  entry.inFlight++;
  return {
    key: entry.key,
    done(networkFailure) {
      entry.inFlight--;
      entry.until = Math.max(
        entry.until,
        Date.now() + (networkFailure ? REUSE_AFTER_FAILURE_MS : REUSE_AFTER_RESPONSE_MS),
      );
    },
  };
}

let onUnauthorized: (() => void) | null = null;
/** Called when a request comes back 401 (session expired): the app sends the user to the login page. */
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}

export async function api<T>(
  path: string,
  opts: {
    method?: string;
    body?: unknown;
    query?: Query;
    signal?: AbortSignal;
    quiet401?: boolean;
    /** A key chosen by the caller (one per form submission); default: derived per submission (submissionKey). */
    idempotencyKey?: string;
  } = {},
): Promise<T> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") {
    const token = cookie("btnn_csrf");
    if (token) headers["x-csrf-token"] = token;
  }
  const url = withQuery(path, opts.query);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const submission = method === "POST" && !opts.idempotencyKey ? submissionKey(`${url}\u0000${body ?? ""}`) : undefined;
  const key = opts.idempotencyKey ?? submission?.key;
  if (method === "POST" && key) headers["idempotency-key"] = key;
  let res: Response;
  if (method !== "GET") inFlightWrites++;
  try {
    res = await fetch(url, { method, headers, body, credentials: "same-origin", signal: opts.signal });
  } catch (e) {
    submission?.done(true);
    throw e;
  } finally {
    if (method !== "GET") inFlightWrites--;
  }
  submission?.done(false);
  if (res.status === 204) return null as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
    throw refusal(res.status, data);
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

/** What to tell the user of a failed call: the API's Vietnamese message, or the error as text. */
export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

type NamePath = Array<string | number>;

/**
 * A refused submission shown on its form: the API's message in the form's alert, each field issue on its item.
 * `name` turns the API path into the item's name path (null or []: the alert alone says it). Anything else than an
 * API refusal: its text in the alert.
 */
export function showRefusal(
  e: unknown,
  setError: (message: string) => void,
  form: { setFields: (fields: never) => void },
  name: (path: NamePath) => NamePath | null = (p) => p,
): void {
  if (!(e instanceof ApiError)) {
    setError(String(e));
    return;
  }
  setError(e.message);
  const fields = e.issues.flatMap((i) => {
    const n = name(issuePath(i.path));
    return n?.length ? [{ name: n, errors: [i.message] }] : [];
  });
  if (fields.length) form.setFields(fields as never);
}

/** Uploads a file as the raw body (application/octet-stream, name in ?file_name=), one Idempotency-Key per upload
 * unless the caller keeps one for every attempt at the same upload. */
export async function uploadFile<T>(path: string, file: File, idempotencyKey = newIdempotencyKey()): Promise<T> {
  const token = cookie("btnn_csrf");
  const sep = path.includes("?") ? "&" : "?";
  const res = await fetch(`${path}${sep}file_name=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: {
      "content-type": "application/octet-stream",
      "idempotency-key": idempotencyKey,
      ...(token ? { "x-csrf-token": token } : {}),
    },
    credentials: "same-origin",
    body: file,
  });
  const b: unknown = await res.json().catch(() => ({}));
  if (!res.ok) throw refusal(res.status, b);
  return b as T;
}
