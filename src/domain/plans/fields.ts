// Labelled task fields ("- Chủ trì: Sở Tư pháp", "Thời gian: Quý II"), recognised by their label folded to ASCII so
// that diacritics and capitalisation do not matter.
import { fold as normalizeVi } from "./fold.ts";

export type FieldKey = "lead" | "coordinators" | "executors" | "timing" | "expected_output" | "level";

const FIELD_LABELS: Array<[RegExp, FieldKey]> = [
  [/^(?:co quan|don vi)? ?chu tri$/, "lead"],
  [/^(?:co quan|don vi)? ?phoi hop$/, "coordinators"],
  [/^(?:co quan|don vi)(?: to chuc)? thuc hien$|^trach nhiem thuc hien$/, "executors"],
  [/^thoi (?:gian|han)(?: thuc hien| hoan thanh)?$|^tien do(?: thuc hien)?$/, "timing"],
  [/^ket qua(?: thuc hien| dau ra)?$|^san pham(?: dau ra)?$/, "expected_output"],
  [/^cap (?:tinh|huyen|xa|trung uong|bo|co so)$/, "level"],
];

export interface FieldLine {
  key: FieldKey;
  label: string;
  value: string;
  bullet: string;
}

/** The field a "label: value" line sets, or null when the label is not a known field. */
export function fieldOf(text: string): FieldLine | null {
  const m = /^([-–•+]\s*)?([^:]{2,40}):\s*(.*)$/u.exec(text);
  if (!m) return null;
  const norm = normalizeVi(m[2]);
  for (const [re, key] of FIELD_LABELS) {
    if (re.test(norm)) return { key, label: m[2].trim(), value: m[3].trim(), bullet: (m[1] ?? "").trim() };
  }
  return null;
}
