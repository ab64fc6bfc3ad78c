// Fastify validator compiler for zod schemas with Vietnamese messages. Each zod issue becomes one entry in
// `error.validation` with a JSON-Pointer `instancePath`; an unknown key is reported at its own path
// ("/claimant/nickname"), so the client sees which field was rejected.
import type { FastifySchemaCompiler, FastifySchemaValidationError } from "fastify";
import type { z } from "zod";
import { viErrorMap } from "./zod-vi.ts";

const pointer = (path: PropertyKey[]) => (path.length === 0 ? "" : `/${path.map(String).join("/")}`);

export function zodIssuesToEntries(issues: z.core.$ZodIssue[]): FastifySchemaValidationError[] {
  const out: FastifySchemaValidationError[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({
          instancePath: pointer([...issue.path, key]),
          message: `Trường không được phép: "${key}"`,
          keyword: "unrecognized_keys",
          schemaPath: "",
          params: { key },
        });
      continue;
    }
    out.push({
      instancePath: pointer(issue.path),
      message: issue.message,
      keyword: issue.code,
      schemaPath: "",
      params: {},
    });
  }
  return out;
}

/** Deepest nesting of objects/arrays accepted anywhere in a request (deeper JSON would only ever be an attack). */
export const MAX_JSON_DEPTH = 32;

/** Bidirectional-text controls (U+202A–U+202E, U+2066–U+2069): they make text display differently from what it is. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Invisible characters that carry no meaning at the edges of a value (zero-width space/joiners, word joiner, BOM,
 * soft hyphen), together with ordinary white space. */
const EDGE_INVISIBLE = /^[\s\u00AD\u200B-\u200D\u2060\uFEFF]+|[\s\u00AD\u200B-\u200D\u2060\uFEFF]+$/gu;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
/** Secrets are compared byte for byte, never rewritten. */
const VERBATIM_KEY = /password/i;

const entry = (path: PropertyKey[], keyword: string, message: string): FastifySchemaValidationError => ({
  instancePath: pointer(path),
  message,
  keyword,
  schemaPath: "",
  params: {},
});

/**
 * One text value as it is stored: NFC, no white space or invisible characters at either end. Refuses what no field
 * may hold: U+0000 (PostgreSQL cannot store it in text/jsonb), bidi controls, and a value made only of invisible
 * characters (it would look empty yet count as filled in).
 */
export function normalizeText(s: string): { value: string; error?: string } {
  if (s.includes("\u0000")) return { value: s, error: "Không được chứa ký tự NUL (\\u0000)" };
  if (BIDI_CONTROL.test(s))
    return {
      value: s,
      error: "Không được chứa ký tự điều khiển hướng văn bản (U+202A–U+202E, U+2066–U+2069)",
    };
  const value = s.normalize("NFC").replace(EDGE_INVISIBLE, "");
  if (value === "" && INVISIBLE.test(s)) return { value, error: "Không được chỉ gồm ký tự vô hình" };
  return { value };
}

/**
 * The request data with every string normalised (normalizeText; keys too), plus the entries for what is refused:
 * characters no field may hold and nesting deeper than MAX_JSON_DEPTH (reported at the first level too deep, before
 * any schema or JSON column sees it). Secrets (keys containing "password") pass through untouched.
 */
export function normalizeInput(data: unknown): { value: unknown; errors: FastifySchemaValidationError[] } {
  const errors: FastifySchemaValidationError[] = [];
  const walk = (v: unknown, path: PropertyKey[], verbatim: boolean): unknown => {
    if (errors.length >= 20) return v;
    if (typeof v === "string") {
      if (verbatim) {
        if (v.includes("\u0000")) errors.push(entry(path, "nul_char", "Không được chứa ký tự NUL (\\u0000)"));
        return v;
      }
      const n = normalizeText(v);
      if (n.error) errors.push(entry(path, "text", n.error));
      return n.value;
    }
    if (v === null || typeof v !== "object" || Buffer.isBuffer(v)) return v;
    if (path.length >= MAX_JSON_DEPTH) {
      errors.push(entry(path, "depth", `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp)`));
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], verbatim));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const key = normalizeText(k);
      if (key.error) {
        errors.push(entry([...path, k], "text", `Tên trường: ${key.error}`));
        continue;
      }
      // defineProperty: a key named "__proto__" stays a plain key, never the prototype.
      Object.defineProperty(out, key.value, {
        value: walk(x, [...path, k], verbatim || VERBATIM_KEY.test(k)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const value = walk(data, [], false);
  return { value, errors };
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const input = normalizeInput(data);
    if (input.errors.some((e) => e.keyword === "depth")) return { error: input.errors };
    const result = schema.safeParse(input.value, { error: viErrorMap });
    if (result.success && input.errors.length === 0) return { value: result.data };
    const entries = result.success ? [] : zodIssuesToEntries(result.error.issues);
    return {
      error: [...entries.filter((e) => !input.errors.some((n) => n.instancePath === e.instancePath)), ...input.errors],
    };
  };
