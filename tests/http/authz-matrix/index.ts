// Every area's rows: the authorization matrix is their union (a route listed twice is reported by the runner).
import { ACCOUNTS } from "./accounts.ts";
import { ADMIN } from "./admin.ts";
import { CLAIMS } from "./claims.ts";
import { COORDINATION } from "./coordination.ts";
import { EXPORTS_AUDIT } from "./exports-audit.ts";
import type { Area } from "./matrix.ts";
import { MY_WORK } from "./my-work.ts";
import { OVERSIGHT } from "./oversight.ts";
import { PLANS } from "./plans.ts";
import { PUBLIC } from "./public.ts";
import { PUBLIC_SUBMISSIONS } from "./public-submissions.ts";
import { REFERENCE } from "./reference.ts";
import { REGISTERS } from "./registers.ts";
import { REPORTS } from "./reports.ts";

export const AREAS: Record<string, Area> = {
  public: PUBLIC,
  "public-submissions": PUBLIC_SUBMISSIONS,
  accounts: ACCOUNTS,
  reference: REFERENCE,
  claims: CLAIMS,
  plans: PLANS,
  coordination: COORDINATION,
  registers: REGISTERS,
  "my-work": MY_WORK,
  reports: REPORTS,
  oversight: OVERSIGHT,
  "exports-audit": EXPORTS_AUDIT,
  admin: ADMIN,
};
