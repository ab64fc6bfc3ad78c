import { memberships } from "../../../src/db/schema/index.ts";
import { type Area, all, LIST, pub, row, USERS_READ, USERS_WRITE } from "./matrix.ts";
import { AGENCY, fx, ids, uniq } from "./objects.ts";

export const ACCOUNTS: Area = {
  "POST /api/auth/login": {
    expect: pub(200),
    call: () => ({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "officer_cuc", password: "mat-khau-thu-nghiem-1" },
      fresh: true,
    }),
  },
  // Forgotten password by e-mail: public; this fixture has no SMTP, so the feature answers "off" to everyone.
  "GET /api/auth/self-service": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/auth/self-service" }),
  },
  "POST /api/auth/password-reset": {
    expect: pub(404),
    call: () => ({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "ai.do@example.vn" },
    }),
  },
  "POST /api/auth/password-reset/confirm": {
    expect: pub(404),
    call: () => ({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token: "khong-phai-ma-dat-lai-mat-khau", new_password: "mat-khau-moi-rat-dai" },
    }),
  },
  "POST /api/auth/logout": {
    expect: row(all(204), all(204), all(204), all(204)),
    call: () => ({ method: "POST", url: "/api/auth/logout", fresh: true }),
  },
  "GET /api/auth/me": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/auth/me" }),
  },
  // Wrong current password on purpose (the account stays usable): every signed-in role reaches the check → 422.
  "POST /api/auth/password": {
    expect: row(all(422), all(422), all(422), all(422)),
    call: () => ({
      method: "POST",
      url: "/api/auth/password",
      payload: { current_password: "khong-phai-mat-khau", new_password: "mat-khau-moi-rat-dai" },
    }),
  },
  "GET /api/users": {
    expect: row(all(200), all(200), all(403), all(403)),
    call: () => ({ method: "GET", url: "/api/users" }),
  },
  "POST /api/users": {
    expect: row([201, 201], [201, 403], all(403), all(403)),
    call: (t) => ({
      method: "POST",
      url: "/api/users",
      payload: {
        username: `mt-${uniq()}`,
        full_name: "Người dùng ma trận",
        password: "mat-khau-dai-du-roi",
        memberships: [{ agency_id: AGENCY[t].stp, role: "viewer" }],
      },
    }),
  },
  "GET /api/users/:id": {
    expect: USERS_READ,
    call: (t) => ({ method: "GET", url: `/api/users/${ids.user[t]}` }),
  },
  "PATCH /api/users/:id": {
    expect: USERS_WRITE(200),
    call: (t) => ({ method: "PATCH", url: `/api/users/${ids.user[t]}`, payload: { active: true } }),
  },
  "POST /api/users/:id/password": {
    expect: USERS_WRITE(204),
    call: (t) => ({
      method: "POST",
      url: `/api/users/${ids.user[t]}/password`,
      payload: { new_password: "mat-khau-dat-lai-1" },
    }),
  },
  "POST /api/users/:id/memberships": {
    expect: USERS_WRITE(200),
    call: (t) => ({
      method: "POST",
      url: `/api/users/${ids.user[t]}/memberships`,
      payload: { agency_id: t === "in" ? "phong-thads-kv-tp-thanh-hoa" : "thads-ha-noi", role: "viewer" },
    }),
  },
  "DELETE /api/users/:id/memberships/:agency_id/:role": {
    expect: USERS_WRITE(204),
    call: async (t) => {
      const agencyId = t === "in" ? "phong-thads-kv-tp-thanh-hoa" : "thads-ha-noi";
      await fx.database.db
        .insert(memberships)
        .values({ userId: ids.user[t], agencyId, role: "viewer" })
        .onConflictDoNothing();
      return { method: "DELETE", url: `/api/users/${ids.user[t]}/memberships/${agencyId}/viewer` };
    },
  },
};
