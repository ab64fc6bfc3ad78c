// GET /api/inbox and the notifications API, shared by the home page, the menu badge and the bell.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../shared/api.ts";
import { useMe } from "../../shared/session.tsx";

export type InboxItem = {
  kind: string;
  id: string;
  title: string;
  due: string | null;
  status: "overdue" | "due_soon" | "later" | "waiting";
  from_agency_id: string | null;
  assignee_id: string | null;
  url: string;
};
export type Inbox = { items: InboxItem[]; counts: { overdue: number; due_soon: number; later: number } };

/** Refreshed every minute and when the window regains focus: new work shows within one refresh. */
export function useInbox(mine = false) {
  const me = useMe();
  return useQuery({
    enabled: !!me.data,
    queryKey: ["inbox", mine],
    queryFn: () => api<Inbox>("/api/inbox", { query: mine ? { mine: 1 } : {} }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export type Notification = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  due: string | null;
  url: string;
  created_at: string;
  read_at: string | null;
};

export function useNotifications() {
  const me = useMe();
  return useQuery({
    enabled: !!me.data,
    queryKey: ["notifications"],
    queryFn: () => api<{ items: Notification[]; unread: number }>("/api/notifications", { query: { limit: 30 } }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}
