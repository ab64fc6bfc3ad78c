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

/** Labels written inside a sentence: "(chủ trì: Sở Tư pháp; thời gian: Quý II)", "Chủ trì: STP. Thời gian: …". */
const INLINE_LABEL_RE =
  /(?:^|[(;.]\s*|,\s+|\s)((?:cơ quan |đơn vị )?(?:chủ trì|phối hợp|thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ|sản phẩm|kết quả))\s*:\s*/giu;

/** The labelled fields written inside `text`, each value ending at the next label, ";", ")" or the sentence end. */
export function inlineFields(text: string): FieldLine[] {
  const hits = [...text.matchAll(INLINE_LABEL_RE)];
  const out: FieldLine[] = [];
  for (const [i, m] of hits.entries()) {
    const from = m.index + m[0].length;
    const to = i + 1 < hits.length ? hits[i + 1].index : text.length;
    const value = text
      .slice(from, to)
      .split(/[;)]|\.\s|\.$/u)[0]
      .trim();
    const f = fieldOf(`${m[1]}: ${value}`);
    if (f) out.push({ ...f, bullet: "" });
  }
  return out;
}

/** A field line, split where it carries more labels ("Chủ trì: STP. Phối hợp: TAND tỉnh. Thời gian: Quý II."). */
export function fieldsOf(text: string): FieldLine[] {
  const first = fieldOf(text);
  if (!first) return [];
  const more = inlineFields(first.value);
  if (more.length === 0) return [first];
  const cut = first.value.search(INLINE_LABEL_RE);
  const own = first.value
    .slice(0, Math.max(0, cut))
    .replace(/[\s.;,]+$/u, "")
    .trim();
  return [{ ...first, value: own }, ...more];
}
