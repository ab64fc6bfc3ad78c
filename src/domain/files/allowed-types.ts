// The one allow-list of document types accepted by every upload route (task evidence, plan import, claim
// attachments …): the file name's extension, the MIME type it is served with, and a check of the first bytes so a
// renamed executable or web page is refused whatever its name says. No executables, scripts, HTML, SVG or archives:
// what an agency exchanges in this work is office documents, PDFs, scans and plain text.
// File names are NFC-normalised; path separators and control characters become "_"; bidirectional controls
// (U+202A–U+202E, U+2066–U+2069, the "tệp.exe" shown as "tệp.pdf" trick) are refused, not rewritten.
import { DomainError } from "../shared/errors.ts";

export type DocumentType = {
  /** Lower-case extensions with the dot. */
  extensions: readonly string[];
  mime: string;
  /** Vietnamese label for messages ("PDF", "Word (.docx)" …). */
  label: string;
  /** True when the bytes look like this type. */
  sniff: (bytes: Uint8Array) => boolean;
};

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
/** "%PDF-" within the first KiB (some producers put a few bytes before it; readers accept that). */
const isPdf = (b: Uint8Array) => {
  for (let at = 0; at < Math.min(b.length, 1024); at++) if (startsWith(b, PDF, at)) return true;
  return false;
};
/** ZIP local file header: .docx, .xlsx, .odt, .ods are ZIP containers (their readers check the parts inside). */
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
/** OLE2 compound file: Word 97–2003 (.doc) and Excel 97–2003 (.xls). */
const isOle = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isJpeg = (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]);
const isPng = (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** OpenDocument: a ZIP whose first entry is the uncompressed "mimetype" naming the document kind. */
const isOpenDocument = (kind: string) => {
  const sig = ascii(`mimetypeapplication/vnd.oasis.opendocument.${kind}`);
  return (b: Uint8Array) => isZip(b) && startsWith(b, sig, 30);
};
/** Plain text: valid UTF-8 (BOM allowed), no NUL byte. */
const isText = (b: Uint8Array) => {
  if (b.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { extensions: [".pdf"], mime: "application/pdf", label: "PDF", sniff: isPdf },
  {
    extensions: [".docx"],
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word (.docx)",
    sniff: isZip,
  },
  { extensions: [".doc"], mime: "application/msword", label: "Word 97–2003 (.doc)", sniff: isOle },
  {
    extensions: [".xlsx"],
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel (.xlsx)",
    sniff: isZip,
  },
  { extensions: [".xls"], mime: "application/vnd.ms-excel", label: "Excel 97–2003 (.xls)", sniff: isOle },
  {
    extensions: [".odt"],
    mime: "application/vnd.oasis.opendocument.text",
    label: "OpenDocument (.odt)",
    sniff: isOpenDocument("text"),
  },
  {
    extensions: [".ods"],
    mime: "application/vnd.oasis.opendocument.spreadsheet",
    label: "OpenDocument (.ods)",
    sniff: isOpenDocument("spreadsheet"),
  },
  { extensions: [".jpg", ".jpeg"], mime: "image/jpeg", label: "ảnh JPEG", sniff: isJpeg },
  { extensions: [".png"], mime: "image/png", label: "ảnh PNG", sniff: isPng },
  { extensions: [".txt"], mime: "text/plain; charset=utf-8", label: "văn bản (.txt)", sniff: isText },
  { extensions: [".md", ".markdown"], mime: "text/markdown; charset=utf-8", label: "văn bản (.md)", sniff: isText },
];

/** Every accepted extension, e.g. for an <input accept="…">. */
export const DOCUMENT_EXTENSIONS: readonly string[] = DOCUMENT_TYPES.flatMap((t) => t.extensions);
export const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.join(",");

/** Bidirectional embedding/override/isolate controls: they make "gpj.exe" look like "exe.jpg". */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;
/** Characters replaced by "_" in a kept file name: path separators, C0/C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f/\\]/gu;

export type CheckedDocument = {
  /** The name to keep (NFC, no separators or control characters). */
  fileName: string;
  /** Lower-case extension with the dot ("" when the name has none). */
  extension: string;
  mime: string;
  type: DocumentType;
};

const extensionOf = (name: string) => /\.[^./\\]*$/u.exec(name)?.[0].toLowerCase() ?? "";

export type UploadFields = {
  /** Field holding the file name (e.g. "file_name"). */
  name: string;
  /** Field holding the content (e.g. "file_base64"; for a raw body "body"). */
  content: string;
};

/**
 * Checks a file name against the allow-list: refuses bidi controls (code `file_name`) and extensions not listed
 * (code `file_type`), both naming `field`. Returns the name to keep and its type.
 */
export function checkFileName(name: string, field = "file_name"): CheckedDocument {
  const normalized = name.normalize("NFC");
  if (BIDI_CONTROLS.test(normalized))
    throw new DomainError(
      "file_name",
      field,
      "Tên tệp chứa ký tự điều khiển hướng chữ (U+202A–U+202E, U+2066–U+2069) có thể che giấu phần mở rộng thật; hãy đổi tên tệp",
    );
  const fileName = normalized.replace(UNSAFE_NAME_CHARS, "_");
  const extension = extensionOf(fileName);
  const type = DOCUMENT_TYPES.find((t) => t.extensions.includes(extension));
  if (!type)
    throw new DomainError(
      "file_type",
      field,
      `Không nhận tệp "${fileName}": ${extension ? `loại ${extension}` : "tệp không có phần mở rộng"} không nằm trong danh sách tài liệu được phép (${DOCUMENT_EXTENSIONS.join(", ")})`,
    );
  return { fileName, extension, mime: type.mime, type };
}

/**
 * Checks an uploaded document against the allow-list. With a name: checkFileName, then the bytes must look like that
 * type. Without a name: the bytes must look like one of the listed types. Throws a DomainError naming the field at
 * fault: `file_name` (bidi controls in the name), `file_type` (type not accepted, or content that is not what the
 * name says), `file_empty`.
 */
export function checkDocument(
  file: { name?: string | null; bytes: Uint8Array },
  fields: UploadFields = { name: "file_name", content: "body" },
): CheckedDocument {
  if (file.bytes.length === 0) throw new DomainError("file_empty", fields.content, "Tệp rỗng (0 byte)");
  if (file.name == null || file.name === "") {
    const type = DOCUMENT_TYPES.find((t) => t.sniff(file.bytes));
    if (!type)
      throw new DomainError(
        "file_type",
        fields.content,
        `Nội dung tệp không thuộc loại tài liệu được nhận (${DOCUMENT_EXTENSIONS.join(", ")})`,
      );
    return { fileName: "", extension: type.extensions[0], mime: type.mime, type };
  }
  const checked = checkFileName(file.name, fields.name);
  if (!checked.type.sniff(file.bytes))
    throw new DomainError(
      "file_type",
      fields.content,
      `Nội dung tệp "${checked.fileName}" không phải ${checked.type.label} như phần mở rộng ${checked.extension} cho biết`,
    );
  return checked;
}
