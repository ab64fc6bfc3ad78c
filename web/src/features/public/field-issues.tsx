// The server's issues on the submission form, field by field: the message shown under a field (an issue on the field
// or anything inside it), and the aria-invalid / aria-describedby that tie the field to it.
import type { Issue } from "../../shared/api.ts";

export type FieldIssues = ReturnType<typeof fieldIssues>;

export function fieldIssues(issues: Issue[]) {
  const message = (path: string) =>
    issues.find((e) => e.path === path || e.path.startsWith(`${path}/`))?.message ?? null;
  const id = (path: string) => `err${path.replaceAll("/", "-")}`;
  return {
    message,
    invalid: (path: string) => (message(path) ? true : undefined),
    /** The hint's id and the error's id, as aria-describedby. */
    describedBy: (path: string, hint?: string) =>
      [hint, message(path) ? id(path) : undefined].filter(Boolean).join(" ") || undefined,
    /** The error under the field, if any. */
    error: (path: string) => {
      const m = message(path);
      return m ? (
        <p className="pp-error" id={id(path)}>
          {m}
        </p>
      ) : null;
    },
  };
}
