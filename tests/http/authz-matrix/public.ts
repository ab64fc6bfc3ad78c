import { CONSENT_VERSION } from "../../../src/domain/portal/consent.ts";
import { type Area, pub } from "./matrix.ts";
import { nextLookup } from "./objects.ts";

export const PUBLIC: Area = {
  "GET /api/health": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/health" }),
  },
  "GET /api/openapi.json": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/openapi.json" }),
  },
  "GET /api/docs": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/docs" }),
  },
  "GET /api/docs/static/index.html": {
    expect: pub(302), // swagger-ui redirects to /api/docs/
    call: () => ({ method: "GET", url: "/api/docs/static/index.html" }),
  },
  "HEAD /api/docs/static/*": {
    expect: pub(200), // registered by swagger-ui's static assets
    call: () => ({ method: "HEAD", url: "/api/docs/static/swagger-ui.css" }),
  },
  "GET /api/docs/static/swagger-initializer.js": {
    expect: pub(200),
    call: () => ({
      method: "GET",
      url: "/api/docs/static/swagger-initializer.js",
    }),
  },
  "GET /api/docs/json": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/docs/json" }),
  },
  "GET /api/docs/yaml": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/docs/yaml" }),
  },
  "GET /api/docs/static/*": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/docs/static/swagger-ui.css" }),
  },
  "GET /api/public/interview": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/public/interview" }),
  },
  "POST /api/public/check": {
    expect: pub(200),
    call: () => ({
      method: "POST",
      url: "/api/public/check",
      payload: {
        capacity: "injured",
        activity: "civil_enforcement",
        agency_kind: "thads_province",
        province: "thanh-hoa",
        act_date: "2025-09-10",
        request_kind: "compensation",
        has_basis_document: "no",
      },
    }),
  },
  "POST /api/public/claim-form": {
    expect: pub(200),
    call: () => ({
      method: "POST",
      url: "/api/public/claim-form?format=pdf",
      payload: {
        answers: {
          capacity: "injured",
          activity: "civil_enforcement",
          agency_kind: "unknown",
          province: "thanh-hoa",
          act_date: "2025-09-10",
          request_kind: "compensation",
          has_basis_document: "no",
        },
        person: { full_name: "Lê Văn Ma Trận", address: "Thanh Hóa" },
        facts: "Kê biên nhầm tài sản.",
      },
    }),
  },
  "GET /api/public/consent": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/public/consent" }),
  },
  // One Idempotency-Key for every caller: the first creates, the others get the same receipt.
  "POST /api/public/submissions": {
    expect: pub(201),
    call: () => ({
      method: "POST",
      url: "/api/public/submissions",
      headers: { "idempotency-key": "matrix-public-submission-1" },
      payload: {
        kind: "support",
        answers: { activity: "civil_enforcement", agency_kind: "thads_province", province: "thanh-hoa" },
        person: { full_name: "Lê Văn Ma Trận", address: "Thanh Hóa" },
        facts: "Đề nghị hướng dẫn thủ tục.",
        factor: { kind: "id_last4", value: "1234" },
        consent: { accepted: true, text_version: CONSENT_VERSION },
      },
    }),
  },
  // A fresh unknown code each call (per-code caps): the same refusal for everyone.
  "POST /api/public/status": {
    expect: pub(404),
    call: () => ({
      method: "POST",
      url: "/api/public/status",
      payload: { code: `MATRIX${String(nextLookup()).padStart(6, "2")}`, factor: "1234" },
    }),
  },
  "GET /api/public/submissions/:code/receipt.pdf": {
    expect: pub(404),
    call: () => ({
      method: "GET",
      url: `/api/public/submissions/RECEIPT${String(nextLookup()).padStart(5, "2")}/receipt.pdf?factor=1234`,
    }),
  },
  // The data subject's rights (Luật BVDLCN 91/2025/QH15): code + second factor, unknown codes here → 404.
  "POST /api/public/my-data": {
    expect: pub(404),
    call: () => ({
      method: "POST",
      url: "/api/public/my-data",
      payload: { code: `MYDATA${String(nextLookup()).padStart(6, "2")}`, factor: "1234" },
    }),
  },
  "POST /api/public/my-data/corrections": {
    expect: pub(404),
    call: () => ({
      method: "POST",
      url: "/api/public/my-data/corrections",
      payload: {
        code: `CORREC${String(nextLookup()).padStart(6, "2")}`,
        factor: "1234",
        field: "address",
        value: "Số 5 Lê Lợi",
      },
    }),
  },
  "POST /api/public/my-data/withdraw": {
    expect: pub(404),
    call: () => ({
      method: "POST",
      url: "/api/public/my-data/withdraw",
      payload: { code: `WITHDR${String(nextLookup()).padStart(6, "2")}`, factor: "1234", confirm: true },
    }),
  },
  "GET /api/public/content": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/public/content" }),
  },
  "GET /api/public/leaflet.pdf": {
    expect: pub(200),
    call: () => ({ method: "GET", url: "/api/public/leaflet.pdf" }),
  },
};
