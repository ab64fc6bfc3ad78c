// The filled claim letter (Mẫu 01/BTNN) to download as PDF or Word from what the form holds so far, to print, sign
// and file; nothing is stored. A refusal shows like a submission's (its field issues).
import { fileBlob, saveBlob } from "../../shared/save-file.ts";
import { type ClaimDraft, claimFormBody } from "./submission.ts";
import { usePT } from "./text.ts";

export function ClaimLetter({
  draft,
  onStart,
  onError,
}: {
  draft: ClaimDraft;
  /** A download begins: the last errors go. */
  onStart: () => void;
  onError: (e: unknown) => void;
}) {
  const { pt } = usePT();
  const download = async (format: "pdf" | "docx") => {
    onStart();
    try {
      const res = await fetch(`/api/public/claim-form?format=${format}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "*/*" },
        body: JSON.stringify(claimFormBody(draft)),
      });
      saveBlob(await fileBlob(res), `van-ban-yeu-cau-boi-thuong-mau-01.${format}`);
    } catch (e) {
      onError(e);
    }
  };
  return (
    <section id="mau-01" aria-labelledby="h-form" className="pp-card">
      <h2 id="h-form">{pt("formTitle")}</h2>
      <p>{pt("formText")}</p>
      <div className="pp-actions">
        <button type="button" className="pp-btn secondary" onClick={() => void download("pdf")}>
          {pt("formPdf")}
        </button>
        <button type="button" className="pp-btn secondary" onClick={() => void download("docx")}>
          {pt("formDocx")}
        </button>
      </div>
    </section>
  );
}
