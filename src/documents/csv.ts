// CSV as spreadsheet programs save it for Vietnamese users: UTF-8 ("CSV UTF-8", with or without BOM) or Windows-1258
// (plain "CSV" on a Vietnamese Windows), fields separated by ";" (the Vietnamese list separator), "," or a tab.

/** The text of a CSV file: UTF-8 when it is valid UTF-8, else Windows-1258; composed (NFC) either way, since
 * Windows-1258 writes tone marks as separate combining characters. */
export function decodeCsv(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder("windows-1258").decode(body);
  }
  return text.normalize("NFC");
}

/** RFC 4180 rows: a quoted field may hold the separator, line breaks and doubled quotes. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export const CSV_SEPARATORS = [";", ",", "\t"] as const;
