// The receipt code of an online submission (pure, no imports: the web portal and officer screens print it the same way
// as the phiếu tiếp nhận PDF and the e-mails).

/** No 0/O, 1/I/L: read aloud or copied from paper without mistakes. 31 symbols. */
export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const RECEIPT_CODE_LENGTH = 12;

/**
 * A receipt code from random bytes (rejection sampling keeps every symbol equally likely). Returns null when the bytes
 * run out (the caller draws more). 12 symbols of 31 ≈ 59 bits.
 */
export function receiptCodeFrom(bytes: Uint8Array): string | null {
  const n = RECEIPT_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = "";
  for (const b of bytes) {
    if (b >= limit) continue;
    out += RECEIPT_ALPHABET[b % n];
    if (out.length === RECEIPT_CODE_LENGTH) return out;
  }
  return null;
}

/** What people type: any case, spaces or dashes between groups ("abcd-efgh-jkmn"). */
export function normalizeReceiptCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** "ABCD-EFGH-JKMN" for printing. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}
