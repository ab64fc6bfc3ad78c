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

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: viErrorMap });
    if (result.success) return { value: result.data };
    return { error: zodIssuesToEntries(result.error.issues) };
  };
