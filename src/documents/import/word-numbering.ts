// Word's automatic numbering ("I.", "1.1.", "a)", "Nhiệm vụ 1:", bullets) lives in numbering.xml, not in the text, and
// mammoth drops it. Before mammoth reads the document, every numbered paragraph gets its number typed in front of its
// text, computed the way Word does (counters per list and level, deeper levels restarting, start overrides), so the
// plan parser reads the numbers the reader of the document sees.

type Format =
  | "decimal"
  | "decimalZero"
  | "upperRoman"
  | "lowerRoman"
  | "upperLetter"
  | "lowerLetter"
  | "bullet"
  | "none";

interface Level {
  start: number;
  format: Format;
  text: string;
}

interface NumDef {
  /** Counters are shared by the instances of a list that do not restart it (no start override). */
  key: string;
  levels: Map<number, Level>;
}

const attr = (xml: string, tag: string): string | undefined =>
  new RegExp(`<w:${tag}\\b[^>]*?w:val="([^"]*)"`, "u").exec(xml)?.[1];

function parseLevels(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const m of xml.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/gu)) {
    levels.set(Number(m[1]), {
      start: Number(attr(m[2], "start") ?? 1),
      format: (attr(m[2], "numFmt") ?? "decimal") as Format,
      text: attr(m[2], "lvlText") ?? "",
    });
  }
  return levels;
}

function parseNumbering(xml: string): Map<string, NumDef> {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu)) {
    abstract.set(m[1], parseLevels(m[2]));
  }
  const nums = new Map<string, NumDef>();
  for (const m of xml.matchAll(/<w:num\b[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/gu)) {
    const abstractId = attr(m[2], "abstractNumId") ?? "";
    const levels = new Map(abstract.get(abstractId) ?? []);
    let restarts = false;
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/gu)) {
      const ilvl = Number(o[1]);
      const start = attr(o[2], "startOverride");
      const own = parseLevels(o[2]).get(ilvl);
      const base = own ?? levels.get(ilvl);
      if (base) levels.set(ilvl, { ...base, start: start !== undefined ? Number(start) : base.start });
      if (start !== undefined || own) restarts = true;
    }
    nums.set(m[1], { key: restarts ? `n${m[1]}` : `a${abstractId}`, levels });
  }
  return nums;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let v = Math.max(1, Math.min(n, 3999));
  for (const [k, s] of table) {
    while (v >= k) {
      out += s;
      v -= k;
    }
  }
  return out;
}

function letter(n: number): string {
  const i = (Math.max(1, n) - 1) % 26;
  return String.fromCharCode(97 + i).repeat(Math.floor((Math.max(1, n) - 1) / 26) + 1);
}

function format(n: number, f: Format): string {
  switch (f) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerLetter":
      return letter(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}

/** Bullet glyphs from symbol fonts (private-use code points, "§", "o") read as "-" at the first level, "+" below. */
function bulletText(text: string, ilvl: number): string {
  if (/^[-+•–*]$/u.test(text)) return text;
  return ilvl === 0 ? "-" : "+";
}

function escapeXml(s: string): string {
  return s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

/** Paragraph styles that carry numbering (e.g. headings linked to a multilevel list). */
function styleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const m of xml.matchAll(/<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/gu)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(m[2]);
    const numId = numPr ? attr(numPr[1], "numId") : undefined;
    if (numId) out.set(m[1], { numId, ilvl: Number(attr(numPr![1], "ilvl") ?? 0) });
  }
  return out;
}

/** The document with every automatic number typed into its paragraph; `numbered` counts the paragraphs changed. */
export function typeNumbers(
  documentXml: string,
  numberingXml: string,
  stylesXml = "",
): { xml: string; numbered: number } {
  const nums = parseNumbering(numberingXml);
  const styles = styleNumbering(stylesXml);
  const counters = new Map<string, number[]>();
  let numbered = 0;
  const xml = documentXml.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/gu, (whole, inner: string) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(inner);
    let numId = numPr ? attr(numPr[1], "numId") : undefined;
    let ilvl = numPr ? Number(attr(numPr[1], "ilvl") ?? 0) : 0;
    if (!numPr) {
      const style = attr(inner, "pStyle");
      const s = style ? styles.get(style) : undefined;
      if (s) {
        numId = s.numId;
        ilvl = s.ilvl;
      }
    }
    const def = numId !== undefined && numId !== "0" ? nums.get(numId) : undefined;
    const level = def?.levels.get(ilvl);
    if (!def || !level) return whole;
    const c = counters.get(def.key) ?? [];
    c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl] + 1;
    c.length = ilvl + 1; // deeper levels restart
    counters.set(def.key, c);
    let text: string;
    if (level.format === "bullet") text = bulletText(level.text, ilvl);
    else if (level.format === "none") text = level.text.replace(/%\d/gu, "");
    else
      text = level.text.replace(/%(\d)/gu, (_, d: string) => {
        const k = Number(d) - 1;
        const lv = def.levels.get(k);
        return format(c[k] ?? lv?.start ?? 1, k === ilvl ? level.format : (lv?.format ?? "decimal"));
      });
    if (!text.trim()) return whole;
    numbered++;
    const pPr = numPr ? inner.replace(numPr[0], "") : inner;
    return `<w:pPr>${pPr}<w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(text)} </w:t></w:r>`;
  });
  return { xml, numbered };
}

/** The .docx with its automatic numbers typed in; the input itself when it has no numbering part. */
export async function withTypedNumbers(bytes: Buffer): Promise<{ bytes: Buffer; numbered: number }> {
  const { default: JSZip } = await import("jszip"); // loaded on first use, not at server start
  const zip = await JSZip.loadAsync(bytes);
  const doc = zip.file("word/document.xml");
  const numbering = zip.file("word/numbering.xml");
  if (!doc || !numbering) return { bytes, numbered: 0 };
  const styles = zip.file("word/styles.xml");
  const { xml, numbered } = typeNumbers(
    await doc.async("string"),
    await numbering.async("string"),
    styles ? await styles.async("string") : "",
  );
  if (numbered === 0) return { bytes, numbered };
  zip.file("word/document.xml", xml);
  return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), numbered };
}
