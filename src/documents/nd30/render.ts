// Validating and rendering an official document. The Decree 30 layout (layout.ts) draws with the docx library, ~0.1 s
// of CPU to load: it is loaded with the first document rendered, not when the server starts.
import { parseInput } from "../errors.ts";
import { type OfficialDocument, type OfficialDocumentInput, officialDocumentInputSchema } from "./types.ts";

/** Validates the input (zod, Vietnamese messages naming the field) and returns the parsed document. */
export function parseOfficialDocument(input: OfficialDocumentInput): OfficialDocument {
  return parseInput(officialDocumentInputSchema, input);
}

/** Renders an official document to a .docx buffer in the Decree 30 layout. */
export async function renderOfficialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  const d = parseOfficialDocument(input);
  const { docxBuffer } = await import("./layout.ts");
  return docxBuffer(d);
}
