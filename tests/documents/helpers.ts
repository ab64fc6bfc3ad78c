// Test helpers: read a generated .docx back (mammoth text + layout inspection).
import assert from "node:assert/strict";
import mammoth from "mammoth";
import {
  checkNd30Layout,
  type DocxInspection,
  inspectDocx,
  isSubsequence,
} from "../../src/documents/inspect/inspect-docx.ts";
import { REQUIRED_BLOCKS } from "../../src/documents/nd30/constants.ts";
import type { OutputKind } from "../../src/documents/nd30/types.ts";

export async function docxText(buf: Buffer): Promise<string> {
  const r = await mammoth.extractRawText({ buffer: buf });
  return r.value.replace(/\n{2,}/g, "\n");
}

/** Asserts the Decree 30 layout for `kind` and returns the inspection. */
export async function assertNd30(buf: Buffer, kind: OutputKind): Promise<DocxInspection> {
  const ins = await inspectDocx(buf);
  assert.deepEqual(checkNd30Layout(ins, kind), [], `bố cục NĐ 30 cho "${kind}"`);
  assert.ok(isSubsequence(REQUIRED_BLOCKS[kind], ins.sequence), `thứ tự: ${ins.sequence.join(" → ")}`);
  return ins;
}

export function blockText(ins: DocxInspection, kind: string): string {
  return ins.blocks
    .filter((b) => b.kind === kind)
    .map((b) => b.text)
    .join("\n");
}
