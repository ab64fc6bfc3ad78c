// Layout check of a .docx (used by tests and available to the API): unzips the file (jszip, a dependency of mammoth),
// reads page size, margins, fonts and sizes, and recognises the blocks of Nghị định 30/2020/NĐ-CP Phụ lục I in
// reading order. `checkNd30Layout` turns the inspection into a list of Vietnamese findings for one output kind.
import {
  BLOCK_NAME_VI,
  type BlockKind,
  MOTTO,
  NATIONAL_TITLE,
  ND30,
  REQUIRED_BLOCKS,
  twipsToMm,
} from "../nd30/constants.ts";
import { child, descendants, elements, parseXml, type XmlElement } from "./xml.ts";

export interface InspectedRun {
  text: string;
  font?: string;
  size_pt?: number;
  bold: boolean;
  italic: boolean;
}

export interface InspectedParagraph {
  index: number;
  text: string;
  runs: InspectedRun[];
  align: string;
  first_line_indent: number;
  left_indent: number;
  spacing_before: number;
  spacing_after: number;
  border_bottom: boolean;
  /** Top-level table index (in document order), row and cell; null outside tables. */
  location: { table: number; row: number; cell: number; bordered: boolean } | null;
}

export interface InspectedBlock {
  kind: BlockKind;
  text: string;
  paragraphs: number[];
  fonts: string[];
  sizes_pt: number[];
  /** Every run with text is bold / italic. */
  bold: boolean;
  italic: boolean;
  align: string[];
}

export interface DocxInspection {
  page: { width: number; height: number; orientation: "portrait" | "landscape"; a4: boolean };
  margins: { top: number; bottom: number; left: number; right: number };
  margins_mm: { top: number; bottom: number; left: number; right: number };
  default_font?: string;
  default_size_pt?: number;
  fonts: string[];
  sizes_pt: number[];
  paragraphs: InspectedParagraph[];
  blocks: InspectedBlock[];
  /** Block kinds in reading order (consecutive repeats merged). */
  sequence: BlockKind[];
  /** Short horizontal lines (empty bottom-bordered paragraphs) and the block they follow. */
  rules: Array<{ after: BlockKind | null; paragraph: number }>;
  /** A PAGE field in a page header, and a different (empty) first-page header. */
  page_numbers: { field: boolean; first_page_different: boolean };
  text: string;
}

const on = (el: XmlElement | undefined): boolean => {
  if (!el) return false;
  const v = el.attrs["w:val"];
  return v === undefined || !["false", "0", "off", "none"].includes(v);
};

interface RunProps {
  font?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

function runProps(rPr: XmlElement | undefined): RunProps {
  if (!rPr) return {};
  const f = child(rPr, "w:rFonts");
  const sz = child(rPr, "w:sz");
  const b = child(rPr, "w:b");
  const i = child(rPr, "w:i");
  return {
    font: f?.attrs["w:ascii"] ?? f?.attrs["w:hAnsi"],
    size: sz ? Number(sz.attrs["w:val"]) / 2 : undefined,
    bold: b ? on(b) : undefined,
    italic: i ? on(i) : undefined,
  };
}

interface Styles {
  defaults: RunProps;
  byId: Map<string, { run: RunProps; basedOn?: string }>;
}

function readStyles(xml: string | undefined): Styles {
  const styles: Styles = { defaults: {}, byId: new Map() };
  if (!xml) return styles;
  const root = parseXml(xml);
  const doc = descendants(root, "w:styles")[0];
  if (!doc) return styles;
  const dd = child(doc, "w:docDefaults");
  styles.defaults = runProps(child(child(dd, "w:rPrDefault"), "w:rPr"));
  for (const s of elements(doc, "w:style")) {
    const id = s.attrs["w:styleId"];
    if (!id) continue;
    styles.byId.set(id, { run: runProps(child(s, "w:rPr")), basedOn: child(s, "w:basedOn")?.attrs["w:val"] });
  }
  return styles;
}

function styleRun(styles: Styles, id: string | undefined, depth = 0): RunProps {
  if (!id || depth > 10) return {};
  const s = styles.byId.get(id);
  if (!s) return {};
  return { ...styleRun(styles, s.basedOn, depth + 1), ...definedOnly(s.run) };
}

function definedOnly(p: RunProps): RunProps {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as RunProps;
}

function runText(r: XmlElement): string {
  let t = "";
  for (const c of elements(r)) {
    if (c.name === "w:t") t += c.children.filter((x) => typeof x === "string").join("");
    else if (c.name === "w:tab") t += "\t";
    else if (c.name === "w:br" || c.name === "w:cr") t += "\n";
  }
  return t;
}

function readParagraph(
  p: XmlElement,
  index: number,
  styles: Styles,
  location: InspectedParagraph["location"],
): InspectedParagraph {
  const pPr = child(p, "w:pPr");
  const pStyle = child(pPr, "w:pStyle")?.attrs["w:val"];
  const base: RunProps = { ...definedOnly(styles.defaults), ...styleRun(styles, pStyle ?? "Normal") };
  const runs: InspectedRun[] = [];
  const runEls = descendants(p, "w:r");
  for (const r of runEls) {
    const text = runText(r);
    if (!text) continue;
    const rp = {
      ...base,
      ...styleRun(styles, child(child(r, "w:rPr"), "w:rStyle")?.attrs["w:val"]),
      ...definedOnly(runProps(child(r, "w:rPr"))),
    };
    runs.push({ text, font: rp.font, size_pt: rp.size, bold: rp.bold ?? false, italic: rp.italic ?? false });
  }
  const ind = child(pPr, "w:ind");
  const sp = child(pPr, "w:spacing");
  const bottom = child(child(pPr, "w:pBdr"), "w:bottom");
  return {
    index,
    text: runs.map((r) => r.text).join(""),
    runs,
    align: child(pPr, "w:jc")?.attrs["w:val"] ?? "left",
    first_line_indent: Number(ind?.attrs["w:firstLine"] ?? 0),
    left_indent: Number(ind?.attrs["w:left"] ?? ind?.attrs["w:start"] ?? 0),
    spacing_before: Number(sp?.attrs["w:before"] ?? 0),
    spacing_after: Number(sp?.attrs["w:after"] ?? 0),
    border_bottom: Boolean(bottom && on(bottom) && bottom.attrs["w:val"] !== "nil"),
    location,
  };
}

function tableBordered(tbl: XmlElement): boolean {
  const b = child(child(tbl, "w:tblPr"), "w:tblBorders");
  if (!b) return false;
  return elements(b).some((e) => {
    const v = e.attrs["w:val"];
    return v !== undefined && v !== "none" && v !== "nil";
  });
}

const norm = (s: string) => s.replace(/\s+/g, " ").replace(/[–—]/g, "-").trim();
const NATIONAL_RE = new RegExp(`^${norm(NATIONAL_TITLE).replace("HÒA", "H(?:ÒA|OÀ)")}$`, "u");
const isUpper = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
const PLACE_DATE_RE = /^[^,]{2,}, ngày\b.*\btháng\b.*\bnăm\b/u;
const BASIS_RE = /^(Căn cứ|Theo đề nghị|Xét đề nghị)(?=\s)/u;

function summarise(kind: BlockKind, ps: InspectedParagraph[]): InspectedBlock {
  const runs = ps.flatMap((p) => p.runs).filter((r) => r.text.trim());
  return {
    kind,
    text: ps.map((p) => p.text).join("\n"),
    paragraphs: ps.map((p) => p.index),
    fonts: [...new Set(runs.map((r) => r.font ?? "(mặc định)"))],
    sizes_pt: [...new Set(runs.map((r) => r.size_pt ?? 0))].sort((a, b) => a - b),
    bold: runs.length > 0 && runs.every((r) => r.bold),
    italic: runs.length > 0 && runs.every((r) => r.italic),
    align: [...new Set(ps.map((p) => p.align))],
  };
}

/** Reads a .docx buffer and recognises its Decree 30 blocks. */
export async function inspectDocx(buffer: Uint8Array): Promise<DocxInspection> {
  const { default: JSZip } = await import("jszip"); // loaded on first use, not at server start
  const zip = await JSZip.loadAsync(buffer);
  const docXml = await zip.file("word/document.xml")?.async("string");
  if (!docXml) throw new Error("Tệp .docx không có word/document.xml — không phải tài liệu Word hợp lệ.");
  const styles = readStyles(await zip.file("word/styles.xml")?.async("string"));
  const root = parseXml(docXml);
  const body = descendants(root, "w:body")[0];
  if (!body) throw new Error("Tệp .docx không có phần nội dung (w:body).");

  // Page and margins (last sectPr = the document's section).
  const sect = descendants(body, "w:sectPr").at(-1);
  const pgSz = child(sect, "w:pgSz");
  const pgMar = child(sect, "w:pgMar");
  const width = Number(pgSz?.attrs["w:w"] ?? 0);
  const height = Number(pgSz?.attrs["w:h"] ?? 0);
  const margins = {
    top: Number(pgMar?.attrs["w:top"] ?? 0),
    bottom: Number(pgMar?.attrs["w:bottom"] ?? 0),
    left: Number(pgMar?.attrs["w:left"] ?? 0),
    right: Number(pgMar?.attrs["w:right"] ?? 0),
  };

  // Paragraphs in reading order; top-level tables row by row, cell by cell.
  const paragraphs: InspectedParagraph[] = [];
  type Item =
    | { type: "p"; p: InspectedParagraph }
    | { type: "tbl"; table: number; bordered: boolean; ps: InspectedParagraph[] };
  const items: Item[] = [];
  let tableNo = 0;
  for (const el of elements(body)) {
    if (el.name === "w:p") {
      const p = readParagraph(el, paragraphs.length, styles, null);
      paragraphs.push(p);
      items.push({ type: "p", p });
    } else if (el.name === "w:tbl") {
      const t = tableNo++;
      const bordered = tableBordered(el);
      const ps: InspectedParagraph[] = [];
      elements(el, "w:tr").forEach((tr, row) => {
        elements(tr, "w:tc").forEach((tc, c) => {
          for (const pel of descendants(tc, "w:p")) {
            const p = readParagraph(pel, paragraphs.length, styles, { table: t, row, cell: c, bordered });
            paragraphs.push(p);
            ps.push(p);
          }
        });
      });
      items.push({ type: "tbl", table: t, bordered, ps });
    }
  }

  const kindOf = new Map<number, BlockKind>();
  const rules: DocxInspection["rules"] = [];
  let lastKind: BlockKind | null = null;
  const mark = (p: InspectedParagraph, k: BlockKind) => {
    kindOf.set(p.index, k);
    lastKind = k;
  };
  const isRule = (p: InspectedParagraph) => p.border_bottom && !p.text.trim();

  // 1. Header table: the first table holding the quốc hiệu.
  const headerIdx = items.findIndex((it) => it.type === "tbl" && it.ps.some((p) => NATIONAL_RE.test(norm(p.text))));
  if (headerIdx >= 0) {
    const h = items[headerIdx] as Extract<Item, { type: "tbl" }>;
    for (const p of h.ps) {
      const t = norm(p.text);
      if (isRule(p)) rules.push({ after: lastKind, paragraph: p.index });
      else if (!t) continue;
      else if (NATIONAL_RE.test(t)) mark(p, "national_title");
      else if (t === norm(MOTTO)) mark(p, "motto");
      else if (/^Số\s*:/u.test(t)) mark(p, "number");
      else if (PLACE_DATE_RE.test(t)) mark(p, "place_date");
      else if (/^V\/v\b/u.test(t)) mark(p, "subject");
      else if (p.location?.cell === 0 && isUpper(t)) {
        const bold = p.runs.filter((r) => r.text.trim()).every((r) => r.bold);
        mark(p, bold ? "issuer" : "issuer_parent");
      }
    }
  }

  // 2. Closing: from the first borderless table after the header, or the first "Nơi nhận" paragraph.
  let closingIdx = items.length;
  for (let i = headerIdx + 1; i < items.length; i++) {
    const it = items[i];
    if ((it.type === "tbl" && !it.bordered) || (it.type === "p" && /^Nơi nhận\s*:?$/u.test(norm(it.p.text)))) {
      closingIdx = i;
      break;
    }
  }

  // 3. Middle: title, summary, authority, addressees, bases, then body.
  let phase: "pre" | "addressee" | "body" = "pre";
  let sawTitle = false;
  for (let i = headerIdx + 1; i < closingIdx; i++) {
    const it = items[i];
    if (it.type === "tbl") {
      for (const p of it.ps) if (p.text.trim()) mark(p, "body");
      phase = "body";
      continue;
    }
    const p = it.p;
    const t = norm(p.text);
    if (isRule(p)) {
      rules.push({ after: lastKind, paragraph: p.index });
      continue;
    }
    if (!t) continue;
    const bold = p.runs.filter((r) => r.text.trim()).every((r) => r.bold);
    if (phase !== "body") {
      if (/^Kính gửi\b/u.test(t)) {
        mark(p, "addressee");
        phase = "addressee";
        continue;
      }
      if (phase === "addressee" && /^-\s/u.test(t)) {
        mark(p, "addressee");
        continue;
      }
      if (BASIS_RE.test(t) && (sawTitle || lastKind === "addressee" || lastKind === "legal_basis")) {
        mark(p, "legal_basis");
        phase = "pre";
        continue;
      }
      if (p.align === "center" && bold) {
        if (!sawTitle && isUpper(t)) {
          mark(p, "title");
          sawTitle = true;
          continue;
        }
        if (sawTitle && lastKind === "title" && !isUpper(t)) {
          mark(p, "title_summary");
          continue;
        }
        if (sawTitle && (lastKind === "title" || lastKind === "title_summary") && isUpper(t)) {
          mark(p, "issuing_authority");
          continue;
        }
      }
    }
    phase = "body";
    mark(p, "body");
  }

  // 4. Closing: recipients ("Nơi nhận:" and its items) and signature (other non-empty closing lines).
  let inRecipients = false;
  for (let i = closingIdx; i < items.length; i++) {
    const it = items[i];
    if (it.type === "tbl") {
      const cells = new Map<string, InspectedParagraph[]>();
      for (const p of it.ps) {
        const key = `${p.location!.row}:${p.location!.cell}`;
        cells.set(key, [...(cells.get(key) ?? []), p]);
      }
      for (const ps of cells.values()) {
        const recipientsCell = ps.some((p) => /^Nơi nhận\s*:?$/u.test(norm(p.text)));
        for (const p of ps) if (p.text.trim()) mark(p, recipientsCell ? "recipients" : "signature");
      }
      inRecipients = false;
      continue;
    }
    const t = norm(it.p.text);
    if (!t) continue;
    if (/^Nơi nhận\s*:?$/u.test(t)) inRecipients = true;
    mark(it.p, inRecipients ? "recipients" : "body");
  }

  // Blocks: consecutive paragraphs of one kind.
  const blocks: InspectedBlock[] = [];
  let cur: { kind: BlockKind; ps: InspectedParagraph[] } | null = null;
  for (const p of paragraphs) {
    const k = kindOf.get(p.index);
    if (!k) continue;
    if (cur && cur.kind === k) cur.ps.push(p);
    else {
      if (cur) blocks.push(summarise(cur.kind, cur.ps));
      cur = { kind: k, ps: [p] };
    }
  }
  if (cur) blocks.push(summarise(cur.kind, cur.ps));

  const runs = paragraphs.flatMap((p) => p.runs).filter((r) => r.text.trim());
  const headerFiles = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
  let field = false;
  for (const f of headerFiles) {
    const x = (await zip.file(f)?.async("string")) ?? "";
    if (/<w:instrText[^>]*>\s*PAGE\b/.test(x) || /w:fldSimple[^>]*w:instr="\s*PAGE\b/.test(x)) field = true;
  }

  return {
    page: {
      width,
      height,
      orientation: width > height ? "landscape" : "portrait",
      a4: Math.abs(width - ND30.page.width) <= 3 && Math.abs(height - ND30.page.height) <= 3,
    },
    margins,
    margins_mm: {
      top: twipsToMm(margins.top),
      bottom: twipsToMm(margins.bottom),
      left: twipsToMm(margins.left),
      right: twipsToMm(margins.right),
    },
    default_font: styles.defaults.font,
    default_size_pt: styles.defaults.size,
    fonts: [...new Set(runs.map((r) => r.font ?? "(mặc định)"))].sort(),
    sizes_pt: [...new Set(runs.map((r) => r.size_pt ?? 0))].sort((a, b) => a - b),
    paragraphs,
    blocks,
    sequence: blocks.map((b) => b.kind),
    rules,
    page_numbers: {
      field,
      first_page_different: sect ? Boolean(child(sect, "w:titlePg")) && on(child(sect, "w:titlePg")) : false,
    },
    text: paragraphs.map((p) => p.text).join("\n"),
  };
}

/** True when `needles` occur in `hay` in this order (not necessarily adjacent). */
export function isSubsequence<T>(needles: readonly T[], hay: readonly T[]): boolean {
  let i = 0;
  for (const h of hay) if (i < needles.length && h === needles[i]) i++;
  return i === needles.length;
}

const inRange = (v: number | undefined, [lo, hi]: readonly [number, number]) => v !== undefined && v >= lo && v <= hi;

/**
 * Checks an inspection against Nghị định 30/2020/NĐ-CP Phụ lục I for one output kind. Returns the findings in
 * Vietnamese (empty = the layout passes).
 */
export function checkNd30Layout(ins: DocxInspection, kind: keyof typeof REQUIRED_BLOCKS): string[] {
  const out: string[] = [];
  if (!ins.page.a4 || ins.page.orientation !== "portrait")
    out.push(`Khổ giấy phải là A4 dọc (11906 × 16838 twips), tệp có ${ins.page.width} × ${ins.page.height}.`);
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const mm = ins.margins_mm[side];
    const [lo, hi] = ND30.marginRangeMm[side];
    if (mm < lo - 0.1 || mm > hi + 0.1) out.push(`Lề ${MARGIN_VI[side]} phải từ ${lo} đến ${hi} mm, tệp có ${mm} mm.`);
  }
  const nonTnr = ins.fonts.filter((f) => f !== ND30.font);
  if (nonTnr.length) out.push(`Phông chữ phải là ${ND30.font}; tệp còn dùng: ${nonTnr.join(", ")}.`);

  const present = ins.sequence;
  const required = REQUIRED_BLOCKS[kind];
  for (const k of required) if (!present.includes(k)) out.push(`Thiếu thành phần "${BLOCK_NAME_VI[k]}".`);
  if (required.every((k) => present.includes(k)) && !isSubsequence(required, present)) {
    out.push(`Các thành phần không đúng thứ tự: cần ${required.map((k) => BLOCK_NAME_VI[k]).join(" → ")}.`);
  }

  const blocksOf = (k: BlockKind) => ins.blocks.filter((b) => b.kind === k);
  const expect = (k: BlockKind, cond: (b: InspectedBlock) => boolean, what: string) => {
    for (const b of blocksOf(k))
      if (!cond(b))
        out.push(`${cap(BLOCK_NAME_VI[k])} ${what} (tìm thấy: "${b.text.slice(0, 60)}", cỡ ${b.sizes_pt.join("/")}).`);
  };
  const sizesIn = (r: [number, number]) => (b: InspectedBlock) => b.sizes_pt.every((s) => inRange(s, r));
  expect("national_title", (b) => b.bold && sizesIn([12, 13])(b), "phải in hoa, đậm, cỡ 12–13");
  expect("motto", (b) => b.bold && sizesIn([13, 14])(b), "phải đậm, cỡ 13–14");
  expect("issuer", (b) => b.bold && isUpper(b.text) && sizesIn([12, 13])(b), "phải in hoa, đậm, cỡ 12–13");
  expect(
    "issuer_parent",
    (b) => !b.bold && isUpper(b.text) && sizesIn([12, 13])(b),
    "phải in hoa, không đậm, cỡ 12–13",
  );
  expect("place_date", (b) => b.italic && sizesIn([13, 14])(b), "phải in nghiêng, cỡ 13–14");
  expect("subject", sizesIn([12, 13]), "phải cỡ 12–13");
  expect("title", (b) => b.bold && isUpper(b.text) && sizesIn([13, 14])(b), "phải in hoa, đậm, cỡ 13–14");
  expect("legal_basis", (b) => b.italic && sizesIn([13, 14])(b), "phải in nghiêng, cỡ 13–14");
  expect("body", sizesIn([12, 14]), "phải cỡ 13–14 (bảng có thể 12–13)");
  const bodyParas = ins.paragraphs.filter(
    (p) => blocksOf("body").some((b) => b.paragraphs.includes(p.index)) && !p.location,
  );
  const bodySizes = new Set(bodyParas.flatMap((p) => p.runs.map((r) => r.size_pt ?? 0)));
  for (const s of bodySizes) if (!inRange(s, ND30.bodySizeRange)) out.push(`Nội dung phải cỡ 13–14, tệp có cỡ ${s}.`);
  for (const p of bodyParas) {
    if (p.align === "both" && !inRange(p.first_line_indent, ND30.bodyFirstLineIndentRange)) {
      out.push(
        `Đoạn nội dung phải lùi đầu dòng 1–1,27 cm (tìm thấy ${p.first_line_indent} twips): "${p.text.slice(0, 40)}".`,
      );
    }
    if (p.spacing_after + p.spacing_before < 120)
      out.push(`Khoảng cách giữa các đoạn tối thiểu 6 pt: "${p.text.slice(0, 40)}".`);
  }
  if (!bodyParas.some((p) => p.align === "both")) out.push("Nội dung phải căn đều hai lề.");
  const sig = blocksOf("signature");
  if (
    sig.length &&
    !ins.paragraphs
      .filter((p) => sig.some((b) => b.paragraphs.includes(p.index)))
      .every((p) => p.runs.every((r) => r.bold || r.italic))
  )
    out.push("Chữ ký: quyền hạn, chức vụ và họ tên người ký phải in đậm.");
  for (const b of blocksOf("recipients")) {
    const [label, ...items] = ins.paragraphs.filter((p) => b.paragraphs.includes(p.index));
    const lr = label.runs.filter((r) => r.text.trim());
    if (!lr.every((r) => r.bold && r.italic && r.size_pt === 12)) out.push('"Nơi nhận:" phải in nghiêng, đậm, cỡ 12.');
    if (!items.every((p) => p.runs.every((r) => r.size_pt === 11))) out.push("Các nơi nhận phải cỡ 11.");
    if (!items.some((p) => /^-\s*Lưu\s*:/u.test(p.text))) out.push('Nơi nhận phải có dòng "- Lưu: VT, …".');
  }
  if (!ins.rules.some((r) => r.after === "issuer")) out.push("Thiếu đường kẻ ngang dưới tên cơ quan ban hành.");
  if (!ins.rules.some((r) => r.after === "motto")) out.push("Thiếu đường kẻ ngang dưới tiêu ngữ.");
  return out;
}

const MARGIN_VI = { top: "trên", bottom: "dưới", left: "trái", right: "phải" } as const;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
