// Sổ văn bản đến — Nghị định 30/2020/NĐ-CP, Điều 22 (đăng ký văn bản đến) and Phụ lục IV (mẫu sổ đăng ký):
// - Số đến runs from 01 on 1 January, in the order documents are received within the year, one sequence per agency
//   for paper and electronic documents alike (Điều 22 khoản 1): the register's year is the year of the ngày đến.
// - The entry records the document as it is: its số, ký hiệu, date, issuer (tác giả) and trích yếu.
// A document cannot be received before it was signed, nor on a day that has not come yet (Vietnam's calendar).
import { compareDates, type IsoDate, parts } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

export const INCOMING_BASIS = "Nghị định 30/2020/NĐ-CP, Điều 22 và Phụ lục IV";

/** The register year of an entry received on `receivedOn` (Điều 22 khoản 1: numbering restarts each 1 January). */
export function incomingYear(receivedOn: IsoDate): number {
  return parts(receivedOn).year;
}

/** Dates of an entry, checked against today in Vietnam; throws naming the field at fault. */
export function checkIncomingDates(input: { received_on: IsoDate; doc_date?: IsoDate | null }, today: IsoDate): void {
  if (compareDates(input.received_on, today) > 0)
    throw new DomainError("received_in_future", "received_on", "Ngày đến không được sau ngày hôm nay.");
  if (input.doc_date && compareDates(input.doc_date, input.received_on) > 0)
    throw new DomainError(
      "document_after_receipt",
      "doc_date",
      "Ngày của văn bản không được sau ngày đến (văn bản phải được ban hành trước khi đến cơ quan).",
    );
}
