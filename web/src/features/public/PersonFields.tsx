// The person's details on the submission form: name and address required; date of birth, identity number and contacts
// optional, each with its hint and the server's error tied to it.
import type { FieldIssues } from "./field-issues.tsx";
import type { Person } from "./submission.ts";
import { usePT } from "./text.ts";

export function PersonFields({
  person,
  onChange,
  issues,
}: {
  person: Person;
  onChange: (person: Person) => void;
  issues: FieldIssues;
}) {
  const { pt } = usePT();
  const field = (
    id: keyof Person,
    label: string,
    opts: {
      type?: string;
      required?: boolean;
      hint?: string;
      autoComplete?: string;
      inputMode?: "numeric" | "tel" | "email";
    } = {},
  ) => (
    <div className="pp-field">
      <label htmlFor={`p-${id}`}>
        {label}
        {opts.required ? ` ${pt("required")}` : ""}
      </label>
      {opts.hint && (
        <p className="pp-hint" id={`hint-${id}`}>
          {opts.hint}
        </p>
      )}
      <input
        id={`p-${id}`}
        type={opts.type ?? "text"}
        value={person[id]}
        onChange={(e) => onChange({ ...person, [id]: e.target.value })}
        required={opts.required}
        autoComplete={opts.autoComplete}
        inputMode={opts.inputMode}
        aria-invalid={issues.invalid(`/person/${id}`)}
        aria-describedby={issues.describedBy(`/person/${id}`, opts.hint ? `hint-${id}` : undefined)}
      />
      {issues.error(`/person/${id}`)}
    </div>
  );
  return (
    <>
      <h2>{pt("personTitle")}</h2>
      {field("full_name", pt("fullName"), { required: true, autoComplete: "name" })}
      {field("date_of_birth", pt("dob"), { hint: pt("dobHint"), inputMode: "numeric" })}
      {field("id_number", pt("idNumber"), { hint: pt("idHint"), inputMode: "numeric" })}
      {field("address", pt("address"), { required: true, autoComplete: "street-address" })}
      {field("phone", pt("phone"), { type: "tel", autoComplete: "tel", inputMode: "tel" })}
      {field("email", pt("email"), {
        type: "email",
        autoComplete: "email",
        inputMode: "email",
        hint: pt("emailHint"),
      })}
    </>
  );
}
