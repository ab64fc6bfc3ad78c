// mammoth's HTML (p, h1–h6, strong, em, ul/ol/li, table, br, a, img, sup/sub) → Markdown-like plain text for the plan
// parser: headings keep "#", whole-bold paragraphs "**…**", bullets "- " (nested "+ "), numbered lists "1. ".

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
      case "p":
      case "td":
      case "th":
      case "tr":
      case "table":
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
