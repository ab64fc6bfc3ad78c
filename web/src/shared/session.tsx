// The signed-in user (GET /api/auth/me) and the agency directory, cached by react-query.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { ApiError, api, hasSessionCookie } from "./api.ts";

export type Me = {
  user: { id: string; username: string; full_name: string; must_change_password: boolean };
  agency_id: string | null;
  roles: string[];
  permissions: string[];
  scope: "all" | string[];
  memberships: Array<{ agency_id: string; role: string }>;
  csrf_token: string | null;
};

/** The current user, or null without a session. */
export async function fetchMe(): Promise<Me | null> {
  if (!hasSessionCookie()) return null;
  try {
    return await api<Me>("/api/auth/me", { quiet401: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const ME_QUERY = { queryKey: ["me"], queryFn: fetchMe, staleTime: 60_000 } as const;

export function useMe() {
  return useQuery(ME_QUERY);
}

export function can(me: Me | null | undefined, permission: string): boolean {
  return !!me?.permissions.includes(permission);
}

export type Agency = {
  id: string;
  name: string;
  short_name: string | null;
  role: string;
  province_code: string | null;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_ids: string[];
  children: Agency[];
};

/** The whole agency directory as a tree plus an id → agency map. */
export function useAgencies() {
  const me = useMe();
  const q = useQuery({
    queryKey: ["agencies-tree"],
    queryFn: () => api<Agency[]>("/api/agencies/tree"),
    staleTime: 10 * 60_000,
    // the directory needs a session: not asked for on the way to the login page
    enabled: !!me.data,
  });
  const byId = useMemo(() => {
    const m = new Map<string, Agency>();
    const walk = (list: Agency[]) => {
      for (const a of list) {
        m.set(a.id, a);
        walk(a.children);
      }
    };
    walk(q.data ?? []);
    return m;
  }, [q.data]);
  return { tree: q.data ?? [], byId, isLoading: q.isLoading };
}

/** Display name of an agency id (the id itself while the directory loads). */
export function useAgencyName() {
  const { byId } = useAgencies();
  return (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? id) : "");
}
