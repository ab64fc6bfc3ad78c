// A modal's OK handler reads its form through this: an invalid field is shown by antd under the field, so the
// rejection of validateFields() is expected and must not escape as an unhandled promise rejection.
import type { FormInstance } from "antd";

/** The form's values, or null when a field is invalid (its message is already shown). */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
