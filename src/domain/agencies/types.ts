import type { IsoDate } from "../shared/dates.ts";
import type { Role } from "./roles.ts";

/**
 * One agency as dated data. `valid_from`/`valid_to` are inclusive calendar days; `valid_to` absent = still in force.
 * `valid_from` is the earliest day the dataset asserts (DATASET_EPOCH for agencies older than the dataset).
 * When an agency ends, `successor_ids` names the agencies that took over its work (merger, rename, abolition).
 */
export interface Agency {
  /** Stable slug, e.g. "stp-thanh-hoa". Never reused. */
  id: string;
  /** Full Vietnamese name. */
  name: string;
  short_name?: string;
  role: Role;
  parent_id?: string;
  /** Official 2-digit code of the province the agency belongs to (not unique over time: see provinces.ts). */
  province_code?: string;
  valid_from: IsoDate;
  valid_to?: IsoDate;
  successor_ids?: string[];
  /** Where the name/dates come from. */
  source: string;
  /** False when a name, date or link is from memory and was not checked against a legal text. */
  verified: boolean;
  note?: string;
}
