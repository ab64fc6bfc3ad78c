// /api/claims/{id}/forms: which TT 04/2018 forms the claim's record can fill, and the .docx of one (numbered in the
// handling agency's outgoing register on first generation; regenerating keeps the number).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { generateClaimForm, listClaimForms } from "../../db/repositories/claim-forms.ts";
import type { AppDb } from "../../db/types.ts";
import { parseClaimFormCode } from "../../documents/claim-forms.ts";
import { ClaimFormInfo, ClaimFormParams, ClaimFormQuery } from "../contracts/claim-forms.ts";
import { errorResponses, UuidParam } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";
import { sendFile } from "../uploads.ts";

const TAGS = ["Vụ việc"];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const claimFormRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/claims/:id/forms",
    {
      schema: {
        tags: TAGS,
        summary: "Các biểu mẫu Thông tư 04/2018/TT-BTP lập được từ hồ sơ vụ việc (và số đã cấp trong sổ văn bản đi)",
        params: UuidParam,
        response: { 200: z.array(ClaimFormInfo), ...errorResponses },
      },
      config: { access: { permission: "claims.read" } },
    },
    async (request) => listClaimForms(db, scopeOf(request), request.params.id),
  );

  app.get(
    "/api/claims/:id/forms/:form",
    {
      schema: {
        tags: TAGS,
        summary:
          "Lập biểu mẫu TT 04/2018 (.docx) từ hồ sơ vụ việc: lần đầu cấp số trong sổ văn bản đi, lập lại giữ nguyên số",
        params: ClaimFormParams,
        querystring: ClaimFormQuery,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "claims.write" } },
    },
    async (request, reply) => {
      const code = parseClaimFormCode(request.params.form);
      if (!code) throw new Error("unreachable: the contract checked the form");
      const { signer_title, signer_name } = request.query;
      const r = await generateClaimForm(db, scopeOf(request), request.params.id, code, {
        signer: { title: signer_title, name: signer_name },
      });
      reply.header("x-document-number", encodeURIComponent(r.number)).header("cache-control", "no-store");
      return sendFile(reply, r.file_name, DOCX, r.bytes);
    },
  );
};
