// A request between agencies as the requests screens receive it, with the routing result the server attached.
export const STATUSES = ["open", "in_progress", "answered", "forwarded", "closed", "cancelled"] as const;

export type Routing =
  | {
      rule: string;
      clause: string;
      lead: string;
      coordinators: string[];
      forward_to: string[];
      recipients: string[];
      output: string;
      basis: string;
      timing?: string;
      note?: string;
    }
  | { rule: null; nearest: Array<{ rule: string; basis: string; why: string; matched: number; of: number }> };

export type RequestRow = {
  id: string;
  kind: string;
  from_agency_id: string;
  to_agency_id: string;
  topic: string;
  routing: Routing | null;
  status: string;
  due: string | null;
  version: number;
  created_at: string;
};
