// The attachments of an online submission: the limits shown before choosing, files checked against them (type, size,
// count, total) as they are picked, each with its kind; sent as base64 in the submission's JSON.
import { type ReactNode, useState } from "react";
import { ATTACHMENT_KIND_VI } from "../../../../src/domain/claims/attachments.ts";
import { DOCUMENT_ACCEPT, DOCUMENT_EXTENSIONS } from "../../../../src/domain/files/allowed-types.ts";
import {
  PUBLIC_ATTACHMENT_MAX_BYTES,
  PUBLIC_ATTACHMENTS_TOTAL_BYTES,
  PUBLIC_MAX_ATTACHMENTS,
} from "../../../../src/http/contracts/public-portal.ts";
import { usePT } from "./text.ts";

const FILE_KINDS = ["basis_document", "identity", "evidence", "claim_request", "other"] as const;
type FileKind = (typeof FILE_KINDS)[number];
export type PickedFile = { file: File; kind: FileKind; title: string };

const MB = 1024 * 1024;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** The picked files as the submission's `attachments`. */
export function attachmentsBody(files: PickedFile[]) {
  return Promise.all(
    files.map(async (f) => ({
      kind: f.kind,
      title: f.title || f.file.name,
      file_name: f.file.name,
      content_base64: await toBase64(f.file),
    })),
  );
}

export function SubmitFiles({
  files,
  onChange,
  error,
}: {
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  /** The server's error on /attachments, if any. */
  error: ReactNode;
}) {
  const { pt } = usePT();
  const [fileError, setFileError] = useState<string | null>(null);
  const pickFiles = (list: FileList | null) => {
    setFileError(null);
    const picked = [
      ...files,
      ...Array.from(list ?? []).map((file) => ({
        file,
        kind: "evidence" as FileKind,
        title: file.name.replace(/\.[^.]+$/, ""),
      })),
    ];
    const ext = (n: string) => n.slice(n.lastIndexOf(".")).toLowerCase();
    const wrong = picked.find((f) => !DOCUMENT_EXTENSIONS.includes(ext(f.file.name)));
    if (wrong) return setFileError(pt("fileType", { name: wrong.file.name }));
    const big = picked.find((f) => f.file.size > PUBLIC_ATTACHMENT_MAX_BYTES);
    if (big) return setFileError(pt("fileTooBig", { name: big.file.name }));
    if (picked.length > PUBLIC_MAX_ATTACHMENTS)
      return setFileError(pt("fileTooMany", { n: String(PUBLIC_MAX_ATTACHMENTS) }));
    if (picked.reduce((s, f) => s + f.file.size, 0) > PUBLIC_ATTACHMENTS_TOTAL_BYTES)
      return setFileError(pt("fileTotal", { mb: String(PUBLIC_ATTACHMENTS_TOTAL_BYTES / MB) }));
    onChange(picked);
  };

  return (
    <>
      <h2>{pt("filesTitle")}</h2>
      <p className="pp-hint" id="files-limits">
        {pt("filesLimits", {
          n: String(PUBLIC_MAX_ATTACHMENTS),
          each: String(PUBLIC_ATTACHMENT_MAX_BYTES / MB),
          total: String(PUBLIC_ATTACHMENTS_TOTAL_BYTES / MB),
          types: DOCUMENT_EXTENSIONS.join(", "),
        })}
      </p>
      <div className="pp-field">
        <label htmlFor="p-files">{pt("filesPick")}</label>
        <input
          id="p-files"
          type="file"
          multiple
          accept={DOCUMENT_ACCEPT}
          aria-describedby={`files-limits${fileError ? " err-files" : ""}`}
          onChange={(e) => {
            pickFiles(e.target.files);
            e.target.value = "";
          }}
        />
        {fileError && (
          <p className="pp-error" id="err-files" role="alert">
            {fileError}
          </p>
        )}
        {error}
      </div>
      {files.length > 0 && (
        <ul aria-label={pt("filesChosen")}>
          {files.map((f, i) => (
            <li key={`${f.file.name}-${f.file.size}-${f.file.lastModified}`} className="pp-card">
              <p>
                <strong>{f.file.name}</strong> ({Math.ceil(f.file.size / 1024)} KB)
              </p>
              <div className="pp-field">
                <label htmlFor={`f-${i}-kind`}>{pt("fileKind")}</label>
                <select
                  id={`f-${i}-kind`}
                  value={f.kind}
                  onChange={(e) =>
                    onChange(files.map((x, j) => (j === i ? { ...x, kind: e.target.value as FileKind } : x)))
                  }
                >
                  {FILE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {ATTACHMENT_KIND_VI[k]}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="pp-btn secondary"
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                {pt("fileRemove", { name: f.file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
