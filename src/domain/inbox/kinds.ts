// The kinds of work an agency's inbox ("Việc của tôi", issue 11) gathers, and how an item is grouped by its due date.
// Pure: "today" and the working-day calendar are parameters.
import type { WorkCalendar } from "../calendar/index.ts";
import type { IsoDate } from "../shared/dates.ts";

/** Every kind of work the system creates for an agency. A source (src/db/repositories/inbox/sources.ts) per kind. */
export const INBOX_KINDS = [
  "request", // a request addressed to the agency (KH 2021 mục II.3–II.9)
  "request_copy", // a request forwarded or copied to it, not yet confirmed read (KH 2021 mục II.5.2)
  "request_task", // the agency leads or coordinates the answer of a routed request
  "plan_task", // a plan task occurrence where the agency is lead or coordinator
  "case_list", // the periodic case list it draws up (KH 2021 mục II.1.1, II.1.2)
  "report_submission", // its submission to an open report round
  "claim_deadline", // a pending legal deadline of a claim it handles (Luật TNBTCNN 2017)
  "urging_step", // its urging went unanswered past due: take the next rung (KH 2021 mục II.6)
  "inspection_followup", // a follow-up an inspection asked of it (KH 2021 mục II.10)
  "request_sent", // waiting on others: its own request not answered yet
  "public_submission", // a claim file or support request sent through the public portal, not yet handled (issue 15)
  "public_data_request", // a person asked to correct the personal data of their submission (Luật 91/2025/QH15)
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const INBOX_KIND_VI: Readonly<Record<InboxKind, string>> = {
  request: "Yêu cầu đến",
  request_copy: "Văn bản sao chuyển chưa đọc",
  request_task: "Trả lời yêu cầu (chủ trì/phối hợp)",
  plan_task: "Nhiệm vụ kế hoạch",
  case_list: "Lập danh mục vụ việc",
  report_submission: "Gửi báo cáo",
  claim_deadline: "Thời hạn vụ việc",
  urging_step: "Đôn đốc bậc tiếp theo",
  inspection_followup: "Việc sau kiểm tra",
  request_sent: "Chờ cơ quan khác trả lời",
  public_submission: "Hồ sơ, đề nghị gửi trực tuyến",
  public_data_request: "Đề nghị sửa dữ liệu cá nhân (cổng công dân)",
};

export const INBOX_GROUPS = ["overdue", "due_soon", "later", "waiting"] as const;
export type InboxGroup = (typeof INBOX_GROUPS)[number];
export const INBOX_GROUP_VI: Readonly<Record<InboxGroup, string>> = {
  overdue: "Quá hạn",
  due_soon: "Đến hạn trong 5 ngày làm việc",
  later: "Sau đó",
  waiting: "Chờ cơ quan khác",
};

/** Issue 11 (1): "due within 5 working days". */
export const DUE_SOON_WORKING_DAYS = 5;
/** Issue 11 (4): a reminder when work is 2 working days from due. */
export const REMIND_WORKING_DAYS = 2;

/** The date `n` working days after `today` (today itself not counted). */
export function workingDaysAhead(cal: WorkCalendar, today: IsoDate, n: number): IsoDate {
  const d = new Date(`${today}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (cal.isWorkingDay(d.toISOString().slice(0, 10))) left--;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * Groups an item: waiting on another agency; overdue when its due date has passed; due soon when due on or before
 * the 5th working day from today (`soonUntil`, see workingDaysAhead); otherwise (or undated) later.
 */
export function inboxGroup(
  item: { due: IsoDate | null; waiting: boolean },
  today: IsoDate,
  soonUntil: IsoDate,
): InboxGroup {
  if (item.waiting) return "waiting";
  if (item.due === null) return "later";
  if (item.due < today) return "overdue";
  return item.due <= soonUntil ? "due_soon" : "later";
}

/** Order of the home list: by due date (undated last), then kind and id for a stable order. */
export function compareInboxItems(
  a: { due: IsoDate | null; kind: string; id: string },
  b: { due: IsoDate | null; kind: string; id: string },
): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The screen of a notification: the one stored with it, else derived from what it is about. */
export function notificationPath(n: { url: string | null; entity: string | null; entityId: string | null }): string {
  if (n.url) return n.url;
  const id = n.entityId ?? "";
  switch (n.entity) {
    case "request":
      return `/requests?open=${id}`;
    case "task_instance":
      return `/plans?task=${id}`;
    case "claim":
      return `/claims/${id}`;
    case "report_round":
      return `/reports/${id}`;
    case "inspection":
      return `/inspections?open=${id}`;
    default:
      return "/";
  }
}
