// The rows of a new claim, the same for a single write (create.ts) and a bulk import (import.ts): the claims row from
// the input (amounts the events set where the input gives none, state from the replayed history) and its event rows.
import type { ClaimExtensions, ClaimHistory, ClaimState } from "../../../domain/claims/index.ts";
import type { claimEvents, claims } from "../../schema/index.ts";
import { type ClaimEventInput, type ClaimInput, type factsFromEvents, stateColumns } from "./model.ts";

export function newClaimRow(
  input: ClaimInput,
  row: {
    id: string;
    code: string;
    law: string;
    amounts: ReturnType<typeof factsFromEvents>["amounts"];
    extensions: ClaimExtensions | null | undefined;
    state: ClaimState;
    history: ClaimHistory;
    searchText: string;
    createdBy: string | null;
  },
): typeof claims.$inferInsert {
  const { amounts } = row;
  return {
    id: row.id,
    code: row.code,
    lawVersion: row.law,
    field: input.field,
    complex: input.complex ?? false,
    backlogged: input.backlogged ?? false,
    prolonged: input.prolonged ?? false,
    managingAgencyId: input.managing_agency_id ?? null,
    handlingAgencyId: input.handling_agency_id,
    amountRequested: input.amount_requested ?? amounts.amountRequested ?? null,
    amountDecided: input.amount_decided ?? amounts.amountDecided ?? null,
    amountPaid: input.amount_paid ?? amounts.amountPaid ?? null,
    amountAdvance: input.amount_advance ?? amounts.amountAdvance ?? null,
    claimantName: input.claimant_name,
    claimantIdNumber: input.claimant_id_number ?? null,
    claimantAddress: input.claimant_address ?? null,
    claimantPhone: input.claimant_phone ?? null,
    summary: input.summary ?? null,
    extensions: row.extensions ?? null,
    ...stateColumns(row.state, row.history),
    searchText: row.searchText,
    createdBy: row.createdBy,
  };
}

/** The event rows of a new claim, numbered in history order (events sorted by date, as replayed). */
export function newEventRows(
  claimId: string,
  events: readonly ClaimEventInput[],
  history: ClaimHistory,
  recordedBy: string | null,
): Array<typeof claimEvents.$inferInsert> {
  return events.map((e, i) => ({
    claimId,
    seq: i + 1,
    type: e.type,
    date: e.date,
    ground: history.events[i].ground ?? null,
    note: e.note ?? null,
    data: e.data ?? null,
    recordedBy,
  }));
}
