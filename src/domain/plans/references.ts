// Legal references cited by plan clauses: "điểm đ khoản 1 Điều 4 TT số 08", "Điều 75 Luật TNBTCNN",
// "Thông tư số 09/2019/TT-BTP", "Quyết định số 3062/QĐ-BTP" … → { document, article?, clause?, point?, text }.
import type { LegalReference } from "./types.ts";

/** Short form key ("TT:8") → canonical document name. */
export type DocumentAliases = Map<string, string>;

const TYPE_NAMES: Record<string, string> = {
  tt: "Thông tư",
  "thông tư": "Thông tư",
  nđ: "Nghị định",
  "nghị định": "Nghị định",
  qđ: "Quyết định",
  "quyết định": "Quyết định",
  luật: "Luật",
  "văn bản": "Văn bản",
  "công văn": "Công văn",
  "chỉ thị": "Chỉ thị",
  "nghị quyết": "Nghị quyết",
  "kế hoạch": "Kế hoạch",
  "thông báo": "Thông báo",
};
const SHORT_KEY: Record<string, string> = { "Thông tư": "TT", "Nghị định": "NĐ", "Quyết định": "QĐ" };

/** GLOSSARY.md "Law and documents": the documents the seeds cite by short form. A full citation in the plan wins. */
export const BUILTIN_ALIASES: ReadonlyArray<[string, string]> = [
  ["TT:4", "Thông tư 04/2018/TT-BTP"],
  ["TT:8", "Thông tư 08/2019/TT-BTP"],
  ["TT:9", "Thông tư 09/2019/TT-BTP"],
  ["NĐ:68", "Nghị định 68/2018/NĐ-CP"],
  ["QĐ:3062", "Quyết định 3062/QĐ-BTP"],
  ["QĐ:3056", "Quyết định 3056/QĐ-BTP"],
];

const LAW_IDS: Record<string, string> = { "10/2017/QH14": "Luật TNBTCNN 2017", "35/2009/QH12": "Luật TNBTCNN 2009" };

const ID = String.raw`\d+\/(?:\d{4}\/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*`;
const FULL_RE = new RegExp(
  String.raw`(Luật|Nghị định|Thông tư|Quyết định|Văn bản|Công văn|Chỉ thị|Nghị quyết|Kế hoạch|Thông báo)\s+(?:số\s+)?(${ID})`,
  "iuy",
);
const FULL_ANY = new RegExp(FULL_RE.source, "iug");
const SHORT_RE = /(TT|NĐ|QĐ|Thông tư|Nghị định|Quyết định)\s+(?:số\s+)?(\d+)(?![\d/])/iuy;
const LAW_RE =
  /(?:Luật Trách nhiệm bồi thường của Nhà nước|Luật TNBTCNN)(?:\s*\(Luật TNBTCNN\))?(?:\s+(?:năm\s+)?(2009|2017)(?!\d)|\s+số\s+(10\/2017\/QH14|35\/2009\/QH12))?/iuy;
const QUY_CHE_RE = /Quy chế(?: phối hợp)?/iuy;
const KEM_THEO_RE = new RegExp(String.raw`kèm theo Quyết định\s+(?:số\s+)?(${ID})`, "iu");
const ARTICLE_RE = /(?:điểm\s+([a-zđ])\s+)?(?:khoản\s+(\d+)\s+)?Điều\s+(\d+)\s+(?:của\s+)?/giu;

function typeName(raw: string): string {
  return TYPE_NAMES[raw.toLowerCase()] ?? raw;
}

/** Short forms defined by the plan itself ("Thông tư số 08/2019/TT-BTP … (TT số 08)") plus the built-in ones. */
export function collectDocumentAliases(text: string): DocumentAliases {
  const map: DocumentAliases = new Map(BUILTIN_ALIASES);
  FULL_ANY.lastIndex = 0;
  for (let m = FULL_ANY.exec(text); m !== null; m = FULL_ANY.exec(text)) {
    const type = typeName(m[1]);
    const short = SHORT_KEY[type];
    if (!short) continue;
    const num = Number(m[2].split("/")[0]);
    map.set(`${short}:${num}`, `${type} ${m[2]}`);
  }
  const quyChe = /Quy chế phối hợp/iu.exec(text);
  if (quyChe) {
    const k = KEM_THEO_RE.exec(text.slice(quyChe.index, quyChe.index + 300));
    if (k) map.set("QUY_CHE", `Quy chế phối hợp (Quyết định ${k[1]})`);
  }
  return map;
}

interface DocMatch {
  document: string;
  end: number;
}

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The document named at `pos`, if any. `lawYear` = year of "Luật TNBTCNN" written without a year. */
function documentAt(text: string, pos: number, aliases: DocumentAliases, lawYear: number): DocMatch | null {
  let m = matchAt(LAW_RE, text, pos);
  if (m) {
    const year = m[1] ?? (m[2] ? m[2].split("/")[1] : String(lawYear));
    return { document: `Luật TNBTCNN ${year}`, end: pos + m[0].length };
  }
  m = matchAt(FULL_RE, text, pos);
  if (m) {
    const law = LAW_IDS[m[2]];
    return { document: law ?? `${typeName(m[1])} ${m[2]}`, end: pos + m[0].length };
  }
  m = matchAt(SHORT_RE, text, pos);
  if (m) {
    const type = typeName(m[1]);
    const key = `${SHORT_KEY[type]}:${Number(m[2])}`;
    return { document: aliases.get(key) ?? `${type} số ${m[2]}`, end: pos + m[0].length };
  }
  m = matchAt(QUY_CHE_RE, text, pos);
  if (m) {
    const name = m[0].length > "Quy chế".length ? "Quy chế phối hợp" : "Quy chế";
    const rest = text.slice(pos, pos + 300);
    const sentenceEnd = rest.search(/[;:]|\.\s/u);
    const within = sentenceEnd >= 0 ? rest.slice(0, sentenceEnd) : rest;
    const k = KEM_THEO_RE.exec(within);
    if (k) return { document: `${name} (Quyết định ${k[1]})`, end: pos + k.index + k[0].length };
    const alias = aliases.get("QUY_CHE");
    return { document: alias ?? name, end: pos + m[0].length };
  }
  return null;
}

/**
 * References in `text`, in order of appearance, without duplicates (same document, article, clause, point).
 * Alias definitions in parentheses ("(TT số 08)", "(Luật TNBTCNN)") are not references of their own.
 */
export function extractReferences(
  text: string,
  aliases: DocumentAliases = new Map(BUILTIN_ALIASES),
  lawYear = 2017,
): LegalReference[] {
  const found: Array<LegalReference & { start: number; end: number }> = [];
  ARTICLE_RE.lastIndex = 0;
  for (let m = ARTICLE_RE.exec(text); m !== null; m = ARTICLE_RE.exec(text)) {
    const docStart = m.index + m[0].length;
    const doc = documentAt(text, docStart, aliases, lawYear);
    if (!doc) continue;
    const ref: LegalReference & { start: number; end: number } = {
      document: doc.document,
      article: Number(m[3]),
      text: text.slice(m.index, doc.end).replace(/\s+/gu, " ").trim(),
      start: m.index,
      end: doc.end,
    };
    if (m[2] !== undefined) ref.clause = Number(m[2]);
    if (m[1] !== undefined) ref.point = m[1].toLowerCase();
    found.push(ref);
    ARTICLE_RE.lastIndex = doc.end;
  }
  // Documents cited without an article.
  const consumed = (i: number) => found.some((r) => i >= r.start && i < r.end);
  const starts =
    /(?<![\p{L}\p{N}])(?:Luật|Nghị định|Thông tư|Quyết định|Văn bản|Công văn|Chỉ thị|Nghị quyết|Kế hoạch|Thông báo|TT|NĐ|QĐ)(?![\p{L}\p{N}])/giu;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    if (consumed(m.index)) continue;
    const doc = documentAt(text, m.index, aliases, lawYear);
    if (!doc || doc.document === "Quy chế" || doc.document === "Quy chế phối hợp") continue;
    // Generic words ("Kế hoạch công tác năm", "Văn bản hướng dẫn") are not citations: need an id or the law.
    const written = text.slice(m.index, doc.end);
    if (!/\d/u.test(written) && !doc.document.startsWith("Luật TNBTCNN")) continue;
    if (text[m.index - 1] === "(" && text[doc.end] === ")") continue; // alias definition
    found.push({ document: doc.document, text: written.replace(/\s+/gu, " ").trim(), start: m.index, end: doc.end });
    starts.lastIndex = doc.end;
  }
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const out: LegalReference[] = [];
  for (const { start: _s, end: _e, ...ref } of found) {
    const key = `${ref.document}|${ref.article ?? ""}|${ref.clause ?? ""}|${ref.point ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}
