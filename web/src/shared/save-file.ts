// Saving a file answer of the API in the browser (no UI library here: the public portal uses it too).
import { refusal } from "./api.ts";

/** The file of an answer; throws the API's refusal (ApiError: its Vietnamese message and field issues) instead. */
export async function fileBlob(res: Response): Promise<Blob> {
  if (!res.ok) throw refusal(res.status, await res.json().catch(() => ({})));
  return res.blob();
}

/** Saves `blob` as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a file answer under the name the server gave (Content-Disposition); throws the API's refusal (fileBlob).
 * Returns the name. */
export async function saveResponse(res: Response, fallbackName: string): Promise<string> {
  const blob = await fileBlob(res);
  const cd = res.headers.get("content-disposition") ?? "";
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) ?? /filename="?([^";]+)"?/i.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  saveBlob(blob, name);
  return name;
}
