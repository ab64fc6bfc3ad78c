// Two guards against double submits, installed once for every form of the app (main.tsx):
// - Enter in a field of a form with several fields does not submit it (the browser's implicit submission); the form
//   is sent only by its button. A form that should submit on Enter (login) carries data-enter-submits.
// - While a form's submission is being sent, a second submit of the same form is ignored (the request itself also
//   carries an Idempotency-Key: shared/api.ts), and its submit buttons are marked busy.
import { writesInFlight } from "./api.ts";

const BUSY_MIN_MS = 600;
const FIELD = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea";

export function installFormGuards(doc: Document = document): void {
  // The form whose field took Enter, until the end of that key's task: the browser submits implicitly while it handles
  // the key (keypress default action), in the same task. (A 100 ms window from keydown let a submit through when the
  // date picker's own Enter handling took longer on a loaded machine.)
  let enterIn: HTMLFormElement | null = null;

  doc.addEventListener(
    "keydown",
    (e) => {
      if (e.key !== "Enter" || e.isComposing) return;
      const t = e.target;
      if (!(t instanceof HTMLInputElement)) return;
      const form = t.form;
      if (!form || form.hasAttribute("data-enter-submits")) return;
      if (form.querySelectorAll(FIELD).length > 1) {
        enterIn = form;
        setTimeout(() => {
          if (enterIn === form) enterIn = null;
        }, 0);
      }
    },
    true,
  );

  // Capture phase on the document: runs before React's listener on the root, so the form's onSubmit never fires.
  doc.addEventListener(
    "submit",
    (e) => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement)) return;
      // A form that writes nothing (the guided check's questions, the status lookup) is never held busy.
      if (form.hasAttribute("data-writes-nothing")) return;
      const implicit = enterIn === form;
      enterIn = null;
      if (implicit || form.dataset.sending === "true") {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      // Marked busy until the writes this submission starts have finished (at least BUSY_MIN_MS: the form's own
      // validation runs before its request starts).
      form.dataset.sending = "true";
      const release = () => {
        if (writesInFlight() === 0) delete form.dataset.sending;
        else setTimeout(release, 50);
      };
      setTimeout(release, BUSY_MIN_MS);
    },
    true,
  );
}
