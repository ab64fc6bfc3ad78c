// Server-side PDF with pdfmake and the Roboto fonts it ships (they carry Vietnamese glyphs). pdfmake is a process-wide
// singleton: fonts and access policies are set once — no URL is ever fetched, and only the font files may be read
// (a document definition built from user text can name neither a file nor a URL that would be loaded).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type PdfContent = unknown;
export type PdfDocDefinition = Record<string, unknown> & { content: PdfContent };

type PdfMake = {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: PdfDocDefinition): { getBuffer(): Promise<Buffer> };
};

const require = createRequire(import.meta.url);
let pdfmake: PdfMake | null = null;

function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require("pdfmake") as PdfMake;
  const fontDir = join(dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
  pm.addFonts({
    Roboto: {
      normal: join(fontDir, "Roboto-Regular.ttf"),
      bold: join(fontDir, "Roboto-Medium.ttf"),
      italics: join(fontDir, "Roboto-Italic.ttf"),
      bolditalics: join(fontDir, "Roboto-MediumItalic.ttf"),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => p.startsWith(fontDir));
  pdfmake = pm;
  return pm;
}

/** Renders a pdfmake document definition (default font Roboto) to PDF bytes. */
export async function renderPdf(doc: PdfDocDefinition): Promise<Buffer> {
  const def = { ...doc, defaultStyle: { font: "Roboto", ...(doc.defaultStyle as object | undefined) } };
  return engine().createPdf(def).getBuffer();
}
