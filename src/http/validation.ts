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

/**
 * Strings (values or keys) containing U+0000: PostgreSQL cannot store them in text/jsonb (the insert would fail as a
 * server error after validation), so they are refused here with the field named.
 */
export function nulCharEntries(data: unknown, path: PropertyKey[] = [], out: FastifySchemaValidationError[] = []) {
  if (out.length >= 20 || path.length > 64) return out;
  const add = (p: PropertyKey[]) =>
    out.push({
      instancePath: pointer(p),
      message: "Không được chứa ký tự NUL (\\u0000)",
      keyword: "nul_char",
      schemaPath: "",
      params: {},
    });
  if (typeof data === "string") {
    if (data.includes("\u0000")) add(path);
  } else if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) nulCharEntries(data[i], [...path, i], out);
  } else if (data && typeof data === "object" && !Buffer.isBuffer(data)) {
    for (const [k, v] of Object.entries(data)) {
      if (k.includes("\u0000")) add([...path, k]);
      else nulCharEntries(v, [...path, k], out);
    }
  }
  return out;
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: viErrorMap });
    const nul = nulCharEntries(data);
    if (result.success && nul.length === 0) return { value: result.data };
    const entries = result.success ? [] : zodIssuesToEntries(result.error.issues);
    return { error: [...entries, ...nul.filter((n) => !entries.some((e) => e.instancePath === n.instancePath))] };
  };
