// The receipt of an online submission: its code, the agency, the date by which the agency must answer (and how it was
// computed), the phiếu tiếp nhận (PDF) and the way to the status lookup. Kept in sessionStorage so a reload shows it again.

import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { formatReceiptCode } from "../../../../src/domain/portal/receipt-code.ts";
import { PORTAL } from "./PublicLayout.tsx";
import { usePT, viDate } from "./text.ts";

export type Receipt = {
  code: string;
  kind: "claim" | "support";
  submitted_on: string;
  agency: { id: string; name: string; determined_by_so_tu_phap: boolean };
  /** null for a support request (no statutory time). */
  answer_by: { label: string; date: string; basis: string; explanation: Array<{ text: string }> } | null;
  receipt_url: string;
};

/** The receipt on screen and the second factor that opens its phiếu tiếp nhận. */
export type KeptReceipt = { receipt: Receipt; factor: string };

const RECEIPT_KEY = "btnn.portal.receipt";

/** The receipt kept for a reload, if any. */
export function keptReceipt(): KeptReceipt | null {
  try {
    return JSON.parse(sessionStorage.getItem(RECEIPT_KEY) ?? "null") as KeptReceipt | null;
  } catch {
    return null;
  }
}

export function keepReceipt(kept: KeptReceipt): void {
  try {
    sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(kept));
  } catch {
    // the receipt stays on screen; storage is only for a reload
  }
}

export function ReceiptView({ receipt, factor }: { receipt: Receipt; factor: string }) {
  const { pt } = usePT();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);
  const url = `${receipt.receipt_url}${receipt.receipt_url.includes("?") ? "&" : "?"}factor=${encodeURIComponent(factor)}`;
  return (
    <>
      <h1 ref={title} tabIndex={-1}>
        {pt("receiptTitle")}
      </h1>
      <div className="pp-alert ok" role="status">
        <p>{pt("receiptLead")}</p>
        <p className="pp-code" data-testid="receipt-code">
          {formatReceiptCode(receipt.code)}
        </p>
        <p>{pt("receiptKeep")}</p>
      </div>
      <dl>
        <dt>{pt("receiptDate")}</dt>
        <dd>{viDate(receipt.submitted_on)}</dd>
        <dt>{pt("receiptAgency")}</dt>
        <dd>{receipt.agency.name}</dd>
        {receipt.answer_by && (
          <>
            <dt>{receipt.answer_by.label}</dt>
            <dd data-testid="receipt-answer-by">
              <strong>{viDate(receipt.answer_by.date)}</strong>{" "}
              <span className="pp-source">({receipt.answer_by.basis})</span>
            </dd>
          </>
        )}
      </dl>
      {receipt.answer_by && (
        <details>
          <summary>{pt("howComputed")}</summary>
          <ul>
            {receipt.answer_by.explanation.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: explanation lines in order
              <li key={i}>{e.text}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="pp-actions">
        {factor && (
          <a className="pp-btn" href={url} download>
            {pt("receiptPdf")}
          </a>
        )}
        <Link
          className="pp-btn secondary"
          to={`${PORTAL}/tra-cuu?ma=${encodeURIComponent(formatReceiptCode(receipt.code))}`}
        >
          {pt("status")}
        </Link>
      </div>
    </>
  );
}
