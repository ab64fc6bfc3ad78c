import { type Area, all, LIST, row } from "./matrix.ts";
import { fx, ids } from "./objects.ts";

export const MY_WORK: Area = {
  "GET /api/dashboard": {
    expect: LIST, // figures are computed inside the caller's scope
    call: () => ({ method: "GET", url: "/api/dashboard?as_of=2024-06-03" }),
  },
  "GET /api/deadlines": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/deadlines?from=2024-03-01&to=2024-03-31" }),
  },
  "GET /api/notifications": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/notifications" }),
  },
  // Notifications are the caller's own: another user's notification is simply not found.
  "POST /api/notifications/:id/read": {
    expect: row(all(404), all(404), all(404), all(404)),
    call: () => ({
      method: "POST",
      url: `/api/notifications/${ids.notification.in}/read`,
    }),
  },
  "POST /api/notifications/read-all": {
    expect: LIST,
    call: () => ({ method: "POST", url: "/api/notifications/read-all", payload: {} }),
  },
  "GET /api/notifications/settings": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/notifications/settings" }),
  },
  "PUT /api/notifications/settings": {
    expect: LIST,
    call: () => ({
      method: "PUT",
      url: "/api/notifications/settings",
      payload: { mode: "none" },
    }),
  },
  // The inbox is the caller's own agency's (the system admin acts for Cục BTNN: a Sở Tư pháp item is not in it).
  "GET /api/inbox": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/inbox?mine=1" }),
  },
  "GET /api/inbox/assignees": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/inbox/assignees" }),
  },
  "GET /api/inbox/assignments": {
    expect: LIST,
    call: (t) => ({
      method: "GET",
      url: `/api/inbox/assignments?kind=request&id=${ids.inboxItem[t]}`,
    }),
  },
  "POST /api/inbox/assign": {
    expect: row(all(404), [200, 404], [200, 404], all(403)),
    call: (t) => ({
      method: "POST",
      url: "/api/inbox/assign",
      payload: { kind: "request", id: ids.inboxItem[t], assignee_id: fx.userIds.officer },
    }),
  },
  // Bulk actions: an id outside the scope refuses the whole action (403 naming it); the system admin acts for Cục BTNN,
  // where a Sở Tư pháp request is not open work (422).
  "POST /api/bulk/assign": {
    expect: row(all(422), [200, 403], [200, 403], all(403)),
    call: (t) => ({
      method: "POST",
      url: "/api/bulk/assign",
      payload: { list: "requests", ids: [ids.inboxItem[t]], assignee_id: fx.userIds.officer },
    }),
  },
  "POST /api/bulk/mark-read": {
    expect: row(all(200), [200, 403], [200, 403], [200, 403]),
    call: (t) => ({
      method: "POST",
      url: "/api/bulk/mark-read",
      payload: { list: "requests", ids: [ids.inboxItem[t]] },
    }),
  },
  // Saved filters are the caller's own: another user's filter is not found, whatever the role.
  "GET /api/saved-filters": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/saved-filters?list=claims" }),
  },
  "PUT /api/saved-filters": {
    expect: LIST,
    call: () => ({
      method: "PUT",
      url: "/api/saved-filters",
      payload: { list: "claims", name: "Vụ việc năm 2024", query: { year: "2024" } },
    }),
  },
  "DELETE /api/saved-filters/:id": {
    expect: row(all(404), all(404), all(404), all(404)),
    call: (t) => ({ method: "DELETE", url: `/api/saved-filters/${ids.savedFilter[t]}` }),
  },
};
