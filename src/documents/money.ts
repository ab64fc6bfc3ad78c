// Amounts of money in đồng: Vietnamese digit grouping ("1.250.000.000 đồng") and reading in words
// ("Một tỷ hai trăm năm mươi triệu đồng"), as written in compensation decisions and payment notices.
//
// Reading rules (standard Vietnamese number reading, as used in accounting documents):
// - groups of three digits: đơn vị, nghìn, triệu; "tỷ" repeats above a billion (1e12 = "một nghìn tỷ");
// - a group that is all zeros is skipped; a non-leading group is read with all three digits ("không trăm");
// - tens digit 0 with a units digit after a hundreds reading → "linh" (105 = "một trăm linh năm");
// - tens digit 1 → "mười"; tens ≥ 2 → "… mươi";
// - units 1 after "mươi" → "mốt" (21 = "hai mươi mốt"); units 5 after "mười"/"mươi" → "lăm" (15, 25);
//   units 4 after "mươi" → "tư" (24 = "hai mươi tư").

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** Reads one group of three digits (0–999). `full` = the group is not the leading one, so "không trăm" is said. */
function readTriple(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const out: string[] = [];
  if (hundreds > 0 || full) out.push(DIGITS[hundreds], "trăm");
  if (tens === 0) {
    if (units > 0) {
      if (out.length > 0) out.push("linh");
      out.push(DIGITS[units]);
    }
  } else if (tens === 1) {
    out.push("mười");
    if (units === 5) out.push("lăm");
    else if (units > 0) out.push(DIGITS[units]);
  } else {
    out.push(DIGITS[tens], "mươi");
    if (units === 1) out.push("mốt");
    else if (units === 4) out.push("tư");
    else if (units === 5) out.push("lăm");
    else if (units > 0) out.push(DIGITS[units]);
  }
  return out;
}

/** Reads 0 ≤ n < 1e9 (one "tỷ" block); `full` = a higher block precedes it. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor((n % 1_000_000) / 1000), n % 1000];
  const names = ["triệu", "nghìn", ""];
  const out: string[] = [];
  let started = full;
  for (let i = 0; i < 3; i++) {
    const g = groups[i];
    if (g === 0) continue;
    out.push(...readTriple(g, started));
    if (names[i]) out.push(names[i]);
    started = true;
  }
  return out;
}

function readWords(n: number, full: boolean): string[] {
  if (n < 1_000_000_000) return readBelowBillion(n, full);
  const high = Math.floor(n / 1_000_000_000);
  const low = n % 1_000_000_000;
  const out = [...readWords(high, full), "tỷ"];
  if (low > 0) out.push(...readBelowBillion(low, true));
  return out;
}

function assertAmount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Số tiền phải là số nguyên không âm (đồng), nhận được: ${String(n)}`);
  }
}

/** Number in Vietnamese words, lower case, without unit: 1_250_000_000 → "một tỷ hai trăm năm mươi triệu". */
export function numberToWordsVi(n: number): string {
  assertAmount(n);
  if (n === 0) return "không";
  return readWords(n, false).join(" ");
}

/** Amount in words with the unit, capitalised: 1_250_000_000 → "Một tỷ hai trăm năm mươi triệu đồng". */
export function amountInWordsVi(n: number): string {
  const words = numberToWordsVi(n);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}

/** Vietnamese digit grouping with dots, no unit: 1250000000 → "1.250.000.000". */
export function formatNumberVi(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Cần số nguyên, nhận được: ${String(n)}`);
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Amount with unit: 1250000000 → "1.250.000.000 đồng". */
export function formatMoneyVi(n: number): string {
  assertAmount(n);
  return `${formatNumberVi(n)} đồng`;
}

/** "1.250.000.000 đồng (Một tỷ hai trăm năm mươi triệu đồng)" — the usual form in decisions and notices. */
export function moneyWithWordsVi(n: number): string {
  return `${formatMoneyVi(n)} (${amountInWordsVi(n)})`;
}
