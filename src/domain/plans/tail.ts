// The end of a plan after its content: closing sentence ("Trên đây là…"), recipients ("Nơi nhận:") and signers
// (title lines such as "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", then the name).
import { cleanLine, type Line, stripBullet, stripEnd, stripOne, unplaced } from "./lines.ts";
import { isMostlyUpper } from "./numbering.ts";
import type { Plan, Signer } from "./types.ts";

/** Signature block title: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "TL.", "Q." / "QUYỀN". */
export const SIGNER_TITLE_RE = /^(?:KT|TM|TL|Q|QUYỀN)\.?\s+\p{Lu}/u;

/** `norm` = the folded start of the line. */
export function isRecipientsHeading(norm: string): boolean {
  return /^noi nhan\b/.test(norm);
}

/** "Trên đây là Kế hoạch…": the closing sentence after the content. */
export function isClosingSentence(text: string): boolean {
  return /^trên đây\b/iu.test(text);
}

export interface TailState {
  mode: "none" | "recipients" | "signers";
  signer: Signer | null;
  /** A signer's title may span lines ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC") until the name comes. */
  lastWasTitle: boolean;
}

export function newTailState(): TailState {
  return { mode: "none", signer: null, lastWasTitle: false };
}

/** One line of the tail; `norm` = the folded start of the line. */
export function readTailLine(tail: TailState, plan: Plan, line: Line, norm: string): void {
  const t = line.text;
  if (isRecipientsHeading(norm)) {
    tail.mode = "recipients";
    tail.signer = null;
    tail.lastWasTitle = false;
    plan.recipients ??= [];
    plan.sections.push({ number: null, title: stripEnd(t), kind: "recipients", line: line.no });
    const rest = t.replace(/^[^:]*:\s*/u, "");
    if (rest && rest !== t) plan.recipients.push(stripOne(rest));
    return;
  }
  if (isClosingSentence(t)) {
    plan.closing.push(stripOne(t));
    return;
  }
  if (tail.mode === "recipients" && /^[-–•+]\s*/u.test(t)) {
    plan.recipients!.push(stripOne(stripBullet(t)));
    return;
  }
  const isTitle = SIGNER_TITLE_RE.test(t) || (t.length <= 80 && isMostlyUpper(t));
  if (isTitle) {
    // An italic part after the title ("*(đã ký)*") is a note, not part of the title.
    const italic = /^(.*?\S)\s+\*([^*]+)\*\s*$/u.exec(line.raw.replace(/^\s*#+\s*/u, "").replace(/\*\*/gu, ""));
    const title = italic ? cleanLine(italic[1]).text : t;
    if (tail.signer && tail.lastWasTitle && !tail.signer.name) {
      tail.signer.title = `${tail.signer.title}\n${title}`;
    } else {
      tail.signer = { title };
      plan.signers ??= [];
      plan.signers.push(tail.signer);
    }
    if (italic) tail.signer.note = cleanLine(italic[2]).text;
    tail.mode = "signers";
    tail.lastWasTitle = true;
    return;
  }
  const words = t.split(" ");
  const looksName = words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w));
  if (tail.signer && looksName) {
    if (!tail.signer.name) tail.signer.name = t;
    else if (tail.signer.name !== t) {
      tail.signer.name = `${tail.signer.name}\n${t}`;
    }
    tail.lastWasTitle = false;
    return;
  }
  if (tail.mode === "recipients") {
    plan.recipients!.push(stripOne(t));
    return;
  }
  unplaced(plan.warnings, line, "sau phần nội dung kế hoạch");
}
