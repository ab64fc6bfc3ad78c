// mammoth's HTML (p, h1–h6, strong, em, ul/ol/li, table, br, a, img, sup/sub) → Markdown-like plain text for the plan
// parser: headings keep "#", whole-bold paragraphs "**…**", bullets "- " (nested "+ "), numbered lists "1. ", tables
// as Markdown pipe tables (cell paragraphs joined by "<br>", a cell covered by a merge above "^", on the left "<<"), so
// the parser reads a Word table and a Markdown table the same way.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export interface HtmlTextResult {
  text: string;
  /** True when Word's automatic numbering (ol) was met: numbers are reconstructed, not read. */
  autoNumbering: boolean;
}

export function htmlToPlanText(html: string): HtmlTextResult {
  const blocks: string[] = [];
  const lists: Array<{ ordered: boolean; counter: number }> = [];
  let autoNumbering = false;
  let buf = "";
  let prefix = "";
  let strongDepth = 0;
  let boldChars = 0;
  let textChars = 0;
  // Table being read: rows of cells; `cover` marks the positions a rowspan from above still covers.
  let tableDepth = 0;
  let rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let cover: number[] = [];
  let pendingSpan = { col: 1, row: 1 };

  const cellFlush = () => {
    const t = buf.replace(/\s+/gu, " ").trim();
    if (t && cell) cell.push(t);
    buf = "";
  };
  const placeCover = () => {
    while (row && (cover[row.length] ?? 0) > 0) {
      cover[row.length]--;
      row.push("^");
    }
  };
  const endTable = () => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const lines = rows.map((r) => `| ${[...r, ...Array(width - r.length).fill("")].join(" | ")} |`);
    if (lines.length > 0) lines.splice(1, 0, `|${" --- |".repeat(width)}`);
    if (lines.length > 0) blocks.push(lines.join("\n"));
    rows = [];
    cover = [];
  };

  const flush = () => {
    const content = buf
      .replace(/[ \t]+/gu, " ")
      .replace(/ *\n */gu, "\n")
      .trim();
    if (content) {
      const allBold = !prefix && boldChars > 0 && boldChars >= textChars - 1 && !prefix.startsWith("#");
      const lines = content.split("\n");
      const body = allBold ? lines.map((l) => `**${l}**`).join("\n") : lines.join("\n");
      blocks.push(`${prefix}${body}`);
    }
    buf = "";
    prefix = "";
    boldChars = 0;
    textChars = 0;
  };

  const re = /<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/giu;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (tableDepth > 0 && m[4] === undefined) {
      const closing = m[1] === "/";
      const tag = m[2].toLowerCase();
      if (tag === "table") {
        tableDepth += closing ? -1 : 1;
        if (tableDepth === 0) endTable();
        continue;
      }
      if (tableDepth > 1) {
        if (tag === "p" || tag === "td" || tag === "th" || tag === "br" || tag === "li") cellFlush();
        continue;
      }
      if (tag === "tr") {
        if (!closing) {
          row = [];
        } else if (row) {
          placeCover();
          rows.push(row);
          row = null;
        }
      } else if (tag === "td" || tag === "th") {
        if (!closing) {
          placeCover();
          cell = [];
          buf = "";
          const cs = /colspan="(\d+)"/u.exec(m[0]);
          const rs = /rowspan="(\d+)"/u.exec(m[0]);
          pendingSpan = { col: cs ? Number(cs[1]) : 1, row: rs ? Number(rs[1]) : 1 };
        } else if (row && cell) {
          cellFlush();
          const start = row.length;
          row.push(cell.join("<br>").replace(/\|/gu, "/"));
          for (let k = 1; k < pendingSpan.col; k++) row.push("<<");
          for (let k = 0; k < pendingSpan.col; k++) cover[start + k] = pendingSpan.row - 1;
          cell = null;
        }
      } else if (tag === "p" || tag === "br") cellFlush();
      else if (tag === "li" && !closing) {
        cellFlush();
        buf = "- ";
      }
      continue;
    }
    if (m[4] !== undefined) {
      const t = decode(m[4]);
      buf += t;
      const n = t.replace(/\s/gu, "").length;
      textChars += n;
      if (strongDepth > 0) boldChars += n;
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    switch (tag) {
      case "table":
        if (!closing) {
          flush();
          tableDepth = 1;
        }
        break;
      case "p":
      case "td":
      case "th":
      case "tr":
        if (!closing && buf.trim() && lists.length === 0) flush();
        if (closing && lists.length === 0) flush();
        break;
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        flush();
        if (!closing) prefix = `${"#".repeat(Number(tag[1]))} `;
        break;
      case "ul":
      case "ol":
        flush();
        if (!closing) {
          lists.push({ ordered: tag === "ol", counter: 0 });
          if (tag === "ol") autoNumbering = true;
        } else lists.pop();
        break;
      case "li":
        flush();
        if (!closing) {
          const top = lists.at(-1);
          if (top?.ordered) {
            top.counter++;
            prefix = `${top.counter}. `;
          } else prefix = lists.length > 1 ? "+ " : "- ";
        }
        break;
      case "br":
        buf += "\n";
        break;
      case "em":
      case "i":
        buf += "*";
        break;
      case "strong":
      case "b":
        strongDepth += closing ? -1 : 1;
        if (strongDepth < 0) strongDepth = 0;
        break;
      default:
        break;
    }
  }
  flush();
  return { text: blocks.join("\n\n"), autoNumbering };
}
